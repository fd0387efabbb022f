// Throttles failed sign-ins per account and per client address. The limiters come from
// rate-limiter-flexible; their store is the caller's choice (services.ts keeps the counts in the database).
import { type RateLimiterAbstract, RateLimiterRes } from 'rate-limiter-flexible';
import { rateLimited } from '../../shared/errors.ts';

export interface LoginThrottleLimiters {
  /** Failed attempts per account (normalised email). */
  perAccount: RateLimiterAbstract;
  /** Failed attempts per client address. */
  perClient: RateLimiterAbstract;
}

export function createLoginThrottle({ perAccount, perClient }: LoginThrottleLimiters) {
  async function blockedFor(limiter: RateLimiterAbstract, key: string): Promise<number> {
    const state = await limiter.get(key);
    return state !== null && state.remainingPoints <= 0 ? state.msBeforeNext : 0;
  }

  return {
    /** Throws RATE_LIMITED while either key has used up its failures. */
    async assertAllowed(account: string, client: string | null): Promise<void> {
      const waits = await Promise.all([
        blockedFor(perAccount, account),
        client === null ? 0 : blockedFor(perClient, client),
      ]);
      const wait = Math.max(...waits);
      if (wait > 0) throw rateLimited(wait / 1000);
    },

    async recordFailure(account: string, client: string | null): Promise<void> {
      await Promise.all([perAccount.penalty(account, 1), client === null ? undefined : perClient.penalty(client, 1)]);
    },

    async recordSuccess(account: string): Promise<void> {
      await perAccount.delete(account);
    },
  };
}

export type LoginThrottle = ReturnType<typeof createLoginThrottle>;

/** Consumes one point of `limiter` for `key`, turning "too many" into RATE_LIMITED. */
export async function consumeOrThrottle(limiter: RateLimiterAbstract, key: string): Promise<void> {
  try {
    await limiter.consume(key);
  } catch (error) {
    if (error instanceof RateLimiterRes) throw rateLimited(error.msBeforeNext / 1000);
    throw error;
  }
}
