// Accounts: registration, sign-in, profile and password. Rules and Prisma calls; no GraphQL.
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Db } from '../../db/database.ts';
import type { User } from '../../generated/prisma/client.ts';
import type { ClientInfo, SessionViewer } from '../../graphql/context.ts';
import { AppError, badUserInput, conflict, unauthenticated } from '../../shared/errors.ts';
import { isUniqueViolation } from '../../shared/prisma-errors.ts';
import { parseInput } from '../../shared/validation.ts';
import type { SignInFailure } from '../audit/audit-actions.ts';
import type { AuditLog, AuditSource } from '../audit/audit-log.ts';
import { changePasswordInput, loginInput, newPasswordInput, registerInput, updateProfileInput } from './inputs.ts';
import { consumeOrThrottle, type LoginThrottle } from './login-throttle.ts';
import type { PasswordHasher } from './password-hasher.ts';
import type { IssuedSession, SessionService } from './sessions.ts';

export interface AccountServiceDeps {
  db: Db;
  hasher: PasswordHasher;
  sessions: SessionService;
  loginThrottle: LoginThrottle;
  /** Registrations per client address. */
  registrationLimiter: RateLimiterAbstract;
  audit: AuditLog;
}

/** A user as every read but a password check sees them: without the password hash (PT-9.3). */
export type Account = Omit<User, 'passwordHash'>;

/** Selects the password hash that the client leaves out of every other read. */
const withPasswordHash = { passwordHash: false } as const;

export interface SignedIn {
  user: Account;
  session: IssuedSession;
}

const WRONG_CREDENTIALS = 'Email or password is incorrect.';
const EMAIL_TAKEN = 'An account with this email already exists.';

export function createAccountService({
  db,
  hasher,
  sessions,
  loginThrottle,
  registrationLimiter,
  audit,
}: AccountServiceDeps) {
  /**
   * Records a failed sign-in on its own, outside any transaction, so that it stays when the sign-in answers an error
   * (HOOK-1.2): the email tried, and the account's id when there is one.
   */
  async function recordFailure(email: string, accountId: string | null, reason: SignInFailure, client: ClientInfo) {
    await audit.record(db, {
      action: 'SIGN_IN_FAILED',
      source: { actorId: null, sessionId: null, apiTokenId: null, ...client },
      accountId,
      target: { type: 'ACCOUNT', id: accountId, label: email },
      details: { reason },
    });
  }

  return {
    async register(rawInput: unknown, client: ClientInfo): Promise<SignedIn> {
      const input = parseInput(registerInput, rawInput);
      if (client.ipAddress !== null) await consumeOrThrottle(registrationLimiter, client.ipAddress);
      const passwordHash = await hasher.hash(input.password);
      let user: Account;
      try {
        user = await db.user.create({ data: { email: input.email, name: input.name, passwordHash } });
      } catch (error) {
        if (isUniqueViolation(error, 'email')) {
          throw conflict(EMAIL_TAKEN, [{ path: ['input', 'email'], message: EMAIL_TAKEN }]);
        }
        throw error;
      }
      return { user, session: await sessions.start(user, client, 'REGISTRATION') };
    },

    /** Same answer, in about the same time, for an unknown email and a wrong password. */
    async login(rawInput: unknown, client: ClientInfo): Promise<SignedIn> {
      const input = parseInput(loginInput, rawInput);
      // Counted as a failure until the password proves right (AUTH-3.10).
      try {
        await loginThrottle.claimAttempt(input.email, client.ipAddress);
      } catch (error) {
        if (error instanceof AppError && error.code === 'RATE_LIMITED') {
          const account = await db.user.findUnique({ where: { email: input.email }, select: { id: true } });
          await recordFailure(input.email, account?.id ?? null, 'THROTTLED', client);
        }
        throw error;
      }
      const found = await db.user.findUnique({ where: { email: input.email }, omit: withPasswordHash });
      const matches = await hasher.verify(input.password, found?.passwordHash);
      if (!found || !matches) {
        await recordFailure(input.email, found?.id ?? null, found ? 'WRONG_PASSWORD' : 'UNKNOWN_EMAIL', client);
        throw unauthenticated(WRONG_CREDENTIALS);
      }
      await loginThrottle.recordSuccess(input.email, client.ipAddress);
      const { passwordHash: _checked, ...user } = found;
      return { user, session: await sessions.start(user, client, 'PASSWORD') };
    },

    async updateProfile(viewer: { userId: string }, rawInput: unknown): Promise<Account> {
      const input = parseInput(updateProfileInput, rawInput);
      return db.user.update({ where: { id: viewer.userId }, data: { name: input.name } });
    },

    /** Checks the current password, stores the new one and ends every other session. */
    async changePassword(viewer: SessionViewer, rawInput: unknown, source: AuditSource): Promise<void> {
      const shape = parseInput(changePasswordInput, rawInput);
      const user = await db.user.findUniqueOrThrow({ where: { id: viewer.userId }, omit: withPasswordHash });
      const input = parseInput(newPasswordInput([user.email, user.name]), shape);
      await loginThrottle.claimAttempt(user.email, source.ipAddress);
      if (!(await hasher.verify(input.currentPassword, user.passwordHash))) {
        throw badUserInput([{ path: ['input', 'currentPassword'], message: 'This is not your current password.' }]);
      }
      await loginThrottle.releaseAttempt(user.email, source.ipAddress);
      const passwordHash = await hasher.hash(input.newPassword);
      const ended = await db.$transaction(async (tx) => {
        await tx.user.update({ where: { id: user.id }, data: { passwordHash }, select: { id: true } });
        const others = await sessions.revokeOthers(tx, user.id, viewer.sessionId);
        await audit.record(tx, {
          action: 'PASSWORD_CHANGED',
          source,
          accountId: user.id,
          target: { type: 'ACCOUNT', id: user.id, label: user.email },
          details: { sessionsEnded: others.length },
        });
        return others;
      });
      sessions.ended(ended);
    },
  };
}

export type AccountService = ReturnType<typeof createAccountService>;
