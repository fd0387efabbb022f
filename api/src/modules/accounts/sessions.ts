// Sessions: a signed-in device, its rotating refresh tokens and the access tokens tied to it.
import type { Db, DbTransaction } from '../../db/database.ts';
import type { ClientInfo, SessionViewer } from '../../graphql/context.ts';
import type { Clock } from '../../shared/clock.ts';
import { notFound, unauthenticated } from '../../shared/errors.ts';
import { derivedSecretToken, hashSecretToken, newSecretToken } from '../../shared/secret-tokens.ts';
import type { AuditLog, AuditSource, AuditTarget } from '../audit/audit-log.ts';
import { type ViewerMembership, viewerMembershipsSelect } from '../workspaces/membership-loader.ts';
import type { AccessTokens, IssuedAccessToken } from './access-tokens.ts';

export const SESSION_TTL_DAYS = 30;
/** How stale `lastUsedAt` may get before a request refreshes it (saves a write per request). */
const LAST_USED_RESOLUTION_MS = 60_000;
/**
 * How long an exchanged refresh token still gets the successor it was exchanged for, instead of counting as reuse:
 * two tabs waking at once, or a retry after a lost answer, present it again within moments (design.md).
 */
export const REFRESH_REUSE_GRACE_SECONDS = 30;

export interface IssuedSession {
  userId: string;
  sessionId: string;
  accessToken: IssuedAccessToken;
  refreshToken: string;
  refreshExpiresAt: Date;
}

export interface SessionServiceDeps {
  db: Db;
  clock: Clock;
  accessTokens: AccessTokens;
  /** Derives each refresh token's successor from it, so that a repeat can be given the same one again. */
  successorKey: Uint8Array;
  /** Seconds during which an exchanged refresh token still gets its successor; REFRESH_REUSE_GRACE_SECONDS if absent. */
  reuseGraceSeconds?: number | undefined;
  /** Told after sessions were ended (revoked, signed out, reused), so their live streams end too (RT-5.3). */
  onEnded: (sessionIds: string[]) => void;
  audit: AuditLog;
}

/** A valid access token: who it speaks for, and their memberships as of its check. */
export interface SessionAuthentication {
  viewer: SessionViewer;
  memberships: ViewerMembership[];
}

/** How a session came to be: a sign-in with a password, or the registration that created the account. */
export type SessionStart = 'PASSWORD' | 'REGISTRATION';

/** A session's label in the audit log: the device it was opened on. */
const sessionLabel = (session: { userAgent: string | null; ipAddress: string | null }) =>
  session.userAgent ?? session.ipAddress;

export function createSessionService({
  db,
  clock,
  accessTokens,
  successorKey,
  reuseGraceSeconds = REFRESH_REUSE_GRACE_SECONDS,
  onEnded,
  audit,
}: SessionServiceDeps) {
  async function issue(userId: string, sessionId: string, refreshExpiresAt: Date, refreshToken: string) {
    const accessToken = await accessTokens.issue({ userId, sessionId });
    return { userId, sessionId, accessToken, refreshToken, refreshExpiresAt };
  }

  /**
   * Whether a refresh token that was already exchanged may have its successor again: it was exchanged less than
   * the grace period ago, and its successor is stored in the same, still open session, not exchanged itself.
   */
  async function successorStillFresh(tokenId: string, successorHash: string, now: Date): Promise<boolean> {
    const exchanged = await db.refreshToken.findUnique({
      where: { id: tokenId },
      select: { usedAt: true, sessionId: true },
    });
    const successor = await db.refreshToken.findUnique({
      where: { tokenHash: successorHash },
      select: { sessionId: true, usedAt: true, session: { select: { revokedAt: true, expiresAt: true } } },
    });
    if (!exchanged?.usedAt || !successor) return false;
    return (
      now.getTime() - exchanged.usedAt.getTime() < reuseGraceSeconds * 1000 &&
      successor.sessionId === exchanged.sessionId &&
      successor.usedAt === null &&
      successor.session.revokedAt === null &&
      successor.session.expiresAt > now
    );
  }

  return {
    /**
     * Opens a new session for a user who just proved who they are, and records the sign-in in its transaction
     * (HOOK-1.1).
     */
    async start(user: { id: string; email: string }, client: ClientInfo, how: SessionStart): Promise<IssuedSession> {
      const now = clock.now();
      const expiresAt = new Date(now.getTime() + SESSION_TTL_DAYS * 86_400_000);
      const refreshToken = newSecretToken();
      const session = await db.$transaction(async (tx) => {
        const opened = await tx.session.create({
          data: {
            userId: user.id,
            userAgent: client.userAgent?.slice(0, 512) ?? null,
            ipAddress: client.ipAddress,
            createdAt: now,
            lastUsedAt: now,
            expiresAt,
            refreshTokens: { create: { tokenHash: hashSecretToken(refreshToken), createdAt: now } },
          },
          select: { id: true },
        });
        await audit.record(tx, {
          action: 'SIGN_IN',
          source: { actorId: user.id, sessionId: opened.id, apiTokenId: null, ...client },
          accountId: user.id,
          target: { type: 'ACCOUNT', id: user.id, label: user.email },
          details: { method: how },
        });
        return opened;
      });
      return issue(user.id, session.id, expiresAt, refreshToken);
    },

    /**
     * Trades a refresh token for a new pair (rotation). A token that was already traded is reuse: someone holds a
     * copy, so the whole session is revoked; unless it was traded moments ago and its successor is still unused
     * (parallel tabs, a retry), which gets that same successor again. The successor is derived from the token, so
     * it can be given again while only hashes are stored.
     */
    async refresh(refreshToken: string, client: ClientInfo): Promise<IssuedSession> {
      const now = clock.now();
      const stored = await db.refreshToken.findUnique({
        where: { tokenHash: hashSecretToken(refreshToken) },
        include: { session: true },
      });
      if (!stored || stored.session.revokedAt !== null || stored.session.expiresAt <= now) {
        throw unauthenticated('Your session has ended. Please sign in again.');
      }
      const next = derivedSecretToken(successorKey, refreshToken);
      const nextHash = hashSecretToken(next);
      // A concurrent trade of the same token waits here for the first to commit (row lock), then claims nothing.
      const rotated = await db.$transaction(async (tx) => {
        const claimed = await tx.refreshToken.updateMany({
          where: { id: stored.id, usedAt: null },
          data: { usedAt: now },
        });
        if (claimed.count === 0) return false;
        await tx.refreshToken.create({
          data: { sessionId: stored.sessionId, tokenHash: nextHash, createdAt: now },
        });
        await tx.session.update({ where: { id: stored.sessionId }, data: { lastUsedAt: now } });
        return true;
      });
      if (!rotated && !(await successorStillFresh(stored.id, nextHash, now))) {
        // Yello ends it, not a person: the entry names no actor, only the client that presented the copy.
        await db.$transaction(async (tx) => {
          const ended = await tx.session.updateManyAndReturn({
            where: { id: stored.sessionId, revokedAt: null },
            data: { revokedAt: now },
            select: { id: true, userAgent: true, ipAddress: true },
          });
          for (const session of ended) {
            await audit.record(tx, {
              action: 'SESSION_REVOKED',
              source: { actorId: null, sessionId: session.id, apiTokenId: null, ...client },
              accountId: stored.session.userId,
              target: { type: 'SESSION', id: session.id, label: sessionLabel(session) },
              details: { reason: 'REFRESH_TOKEN_REUSED' },
            });
          }
        });
        onEnded([stored.sessionId]);
        throw unauthenticated('This sign-in link was used twice, so the session was ended. Please sign in again.');
      }
      return issue(stored.session.userId, stored.sessionId, stored.session.expiresAt, next);
    },

    /**
     * The viewer an access token speaks for, if the token is valid and its session still open, with their
     * memberships read in the same statement (PT-9.6).
     */
    async authenticate(accessToken: string): Promise<SessionAuthentication | undefined> {
      const claims = await accessTokens.verify(accessToken);
      if (!claims) return undefined;
      const now = clock.now();
      const session = await db.session.findUnique({
        where: { id: claims.sessionId },
        select: {
          userId: true,
          revokedAt: true,
          expiresAt: true,
          lastUsedAt: true,
          user: { select: viewerMembershipsSelect },
        },
      });
      if (!session || session.userId !== claims.userId || session.revokedAt !== null || session.expiresAt <= now) {
        return undefined;
      }
      if (now.getTime() - session.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
        await db.session.update({ where: { id: claims.sessionId }, data: { lastUsedAt: now } });
      }
      return { viewer: { kind: 'session', ...claims }, memberships: session.user.memberships };
    },

    /** Whether a session is still open (not revoked, not expired). */
    async isOpen(sessionId: string): Promise<boolean> {
      const session = await db.session.findUnique({
        where: { id: sessionId },
        select: { revokedAt: true, expiresAt: true },
      });
      return session !== null && session.revokedAt === null && session.expiresAt > clock.now();
    },

    /**
     * Ends one of the user's sessions, recorded as `action` (signing out of the current one, or revoking one) in the
     * same transaction (HOOK-1.1); NOT_FOUND when it is not theirs or already ended.
     */
    async revoke(
      userId: string,
      sessionId: string,
      action: 'SIGN_OUT' | 'SESSION_REVOKED',
      source: AuditSource,
    ): Promise<void> {
      const now = clock.now();
      await db.$transaction(async (tx) => {
        const [ended] = await tx.session.updateManyAndReturn({
          where: { id: sessionId, userId, revokedAt: null, expiresAt: { gt: now } },
          data: { revokedAt: now },
          select: { id: true, userAgent: true, ipAddress: true },
        });
        if (!ended) throw notFound('This session');
        const target: AuditTarget = { type: 'SESSION', id: ended.id, label: sessionLabel(ended) };
        const entry = { source, accountId: userId, target };
        await audit.record(
          tx,
          action === 'SIGN_OUT'
            ? { ...entry, action, details: {} }
            : { ...entry, action, details: { reason: 'REVOKED' } },
        );
      });
      onEnded([sessionId]);
    },

    /**
     * Ends every session of the user but the one given, in the transaction `tx`; pass what it returns to `ended` once
     * the transaction has committed.
     */
    revokeOthers(tx: Pick<DbTransaction, 'session'>, userId: string, keepSessionId: string) {
      return tx.session.updateManyAndReturn({
        where: { userId, id: { not: keepSessionId }, revokedAt: null },
        data: { revokedAt: clock.now() },
        select: { id: true },
      });
    },

    /** Tells the live streams of sessions ended by `revokeOthers` in a committed transaction. */
    ended(sessions: { id: string }[]): void {
      onEnded(sessions.map((session) => session.id));
    },

    /** Condition selecting a user's sessions that are still open. */
    activeWhere(userId: string) {
      return { userId, revokedAt: null, expiresAt: { gt: clock.now() } };
    },
  };
}

export type SessionService = ReturnType<typeof createSessionService>;
