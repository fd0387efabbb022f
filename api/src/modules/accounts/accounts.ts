// Accounts: registration, sign-in, profile and password. Rules and Prisma calls; no GraphQL.
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Db } from '../../db/database.ts';
import type { User } from '../../generated/prisma/client.ts';
import type { ClientInfo, SessionViewer } from '../../graphql/context.ts';
import { badUserInput, conflict, unauthenticated } from '../../shared/errors.ts';
import { isUniqueViolation } from '../../shared/prisma-errors.ts';
import { parseInput } from '../../shared/validation.ts';
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

export function createAccountService({ db, hasher, sessions, loginThrottle, registrationLimiter }: AccountServiceDeps) {
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
      return { user, session: await sessions.start(user.id, client) };
    },

    /** Same answer, in about the same time, for an unknown email and a wrong password. */
    async login(rawInput: unknown, client: ClientInfo): Promise<SignedIn> {
      const input = parseInput(loginInput, rawInput);
      // Counted as a failure until the password proves right (AUTH-3.10).
      await loginThrottle.claimAttempt(input.email, client.ipAddress);
      const found = await db.user.findUnique({ where: { email: input.email }, omit: withPasswordHash });
      const matches = await hasher.verify(input.password, found?.passwordHash);
      if (!found || !matches) throw unauthenticated(WRONG_CREDENTIALS);
      await loginThrottle.recordSuccess(input.email, client.ipAddress);
      const { passwordHash: _checked, ...user } = found;
      return { user, session: await sessions.start(user.id, client) };
    },

    async updateProfile(viewer: { userId: string }, rawInput: unknown): Promise<Account> {
      const input = parseInput(updateProfileInput, rawInput);
      return db.user.update({ where: { id: viewer.userId }, data: { name: input.name } });
    },

    /** Checks the current password, stores the new one and ends every other session. */
    async changePassword(viewer: SessionViewer, rawInput: unknown, client: ClientInfo): Promise<void> {
      const shape = parseInput(changePasswordInput, rawInput);
      const user = await db.user.findUniqueOrThrow({ where: { id: viewer.userId }, omit: withPasswordHash });
      const input = parseInput(newPasswordInput([user.email, user.name]), shape);
      await loginThrottle.claimAttempt(user.email, client.ipAddress);
      if (!(await hasher.verify(input.currentPassword, user.passwordHash))) {
        throw badUserInput([{ path: ['input', 'currentPassword'], message: 'This is not your current password.' }]);
      }
      await loginThrottle.releaseAttempt(user.email, client.ipAddress);
      const passwordHash = await hasher.hash(input.newPassword);
      const [, ended] = await db.$transaction([
        db.user.update({ where: { id: user.id }, data: { passwordHash } }),
        sessions.revokeOthers(user.id, viewer.sessionId),
      ]);
      sessions.ended(ended);
    },
  };
}

export type AccountService = ReturnType<typeof createAccountService>;
