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

interface Counter {
  limiter: RateLimiterAbstract;
  key: string;
}

export function createLoginThrottle({ perAccount, perClient }: LoginThrottleLimiters) {
  const counters = (account: string, client: string | null): Counter[] =>
    client === null
      ? [{ limiter: perAccount, key: account }]
      : [
          { limiter: perAccount, key: account },
          { limiter: perClient, key: client },
        ];

  const giveBack = (counted: Counter[]) => Promise.all(counted.map(({ limiter, key }) => limiter.reward(key, 1)));

  return {
    /**
     * Counts the attempt as a failure before its password is checked, one atomic increment per key, so that
     * attempts arriving at once are each counted before the next is let through (AUTH-3.10); throws RATE_LIMITED,
     * counting nothing, while either key has used up its failures.
     */
    async claimAttempt(account: string, client: string | null): Promise<void> {
      const all = counters(account, client);
      const results = await Promise.allSettled(all.map(({ limiter, key }) => limiter.consume(key)));
      const refusals = results.flatMap((result) =>
        result.status === 'rejected' && result.reason instanceof RateLimiterRes ? [result.reason] : [],
      );
      const failures = results.flatMap((result) =>
        result.status === 'rejected' && !(result.reason instanceof RateLimiterRes) ? [result.reason] : [],
      );
      if (refusals.length === 0 && failures.length === 0) return;
      // A refused attempt checks no password, so it counts for nothing: every consume that was counted (allowed, or
      // refused for being over the limit; one the store failed may not have been) is given back.
      await giveBack(
        all.filter((_, index) => {
          const result = results[index];
          return result !== undefined && (result.status === 'fulfilled' || result.reason instanceof RateLimiterRes);
        }),
      );
      if (failures.length > 0) throw failures[0];
      throw rateLimited(Math.max(...refusals.map((refusal) => refusal.msBeforeNext)) / 1000);
    },

    /** The password was right at sign-in: the account's failures are forgotten (AUTH-3.6), the address's attempt given back. */
    async recordSuccess(account: string, client: string | null): Promise<void> {
      await Promise.all([perAccount.delete(account), client === null ? undefined : perClient.reward(client, 1)]);
    },

    /** The password was right elsewhere (changing it): the attempt claimed for it is given back. */
    async releaseAttempt(account: string, client: string | null): Promise<void> {
      await giveBack(counters(account, client));
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
