// API tokens (INT-1): long-lived credentials of one person for one workspace, stored as SHA-256 only, acting with
// the lower of their scopes' role and their owner's current role. Rules and Prisma calls; no GraphQL.
import type { Db } from '../../db/database.ts';
import type { ApiToken } from '../../generated/prisma/client.ts';
import { type ApiTokenScope, WorkspaceRole } from '../../generated/prisma/enums.ts';
import type { TokenViewer } from '../../graphql/context.ts';
import type { Clock } from '../../shared/clock.ts';
import { notFound } from '../../shared/errors.ts';
import { hashSecretToken } from '../../shared/secret-tokens.ts';
import { parseInput } from '../../shared/validation.ts';
import type { AuditLog, AuditSource } from '../audit/audit-log.ts';
import { type ViewerMembership, viewerMembershipsSelect } from '../workspaces/membership-loader.ts';
import { hasRole, requiredRole } from '../workspaces/roles.ts';
import { createTokenInput } from './inputs.ts';
import { isWellFormedToken, newTokenSecret } from './token-format.ts';

/** The role each scope stands for; a token has the highest of its scopes'. */
const scopeRole: Record<ApiTokenScope, WorkspaceRole> = {
  READ: WorkspaceRole.VIEWER,
  WRITE: WorkspaceRole.MEMBER,
  ADMIN: WorkspaceRole.ADMIN,
};

export function roleCapOf(scopes: readonly ApiTokenScope[]): WorkspaceRole {
  return scopes.reduce<WorkspaceRole>(
    (cap, scope) => (hasRole(scopeRole[scope], cap) ? scopeRole[scope] : cap),
    WorkspaceRole.VIEWER,
  );
}

/** Last use is written at most this often per token (INT-1.7). */
const LAST_USED_RESOLUTION_MS = 60_000;

/** A valid API token's viewer with its owner's memberships (PT-9.6), or why the token is refused. */
export type TokenAuthentication = { viewer: TokenViewer; memberships: ViewerMembership[] } | { refused: string };

export interface IssuedApiToken {
  token: ApiToken;
  /** Shown once, never stored. */
  secret: string;
}

export function createApiTokenService({
  db,
  clock,
  audit,
  onRevoked,
}: {
  db: Db;
  clock: Clock;
  audit: AuditLog;
  onRevoked: (id: string) => void;
}) {
  return {
    async workspaceIdOf(tokenId: string): Promise<string | undefined> {
      return (await db.apiToken.findUnique({ where: { id: tokenId }, select: { workspaceId: true } }))?.workspaceId;
    },

    /**
     * Issues a token of `ownerId` for `workspaceId`, where the caller's membership was checked; recorded in the
     * workspace's audit log (HOOK-1.1).
     */
    async create(
      ownerId: string,
      workspaceId: string,
      rawInput: unknown,
      source: AuditSource,
    ): Promise<IssuedApiToken> {
      const input = parseInput(createTokenInput(clock.now()), rawInput);
      const secret = newTokenSecret();
      const token = await db.$transaction(async (tx) => {
        const created = await tx.apiToken.create({
          data: {
            ...input,
            workspaceId,
            userId: ownerId,
            tokenHash: hashSecretToken(secret),
            lastFour: secret.slice(-4),
            createdAt: clock.now(),
          },
        });
        await audit.record(tx, {
          action: 'API_TOKEN_CREATED',
          source,
          workspaceId,
          target: { type: 'API_TOKEN', id: created.id, label: created.name },
          details: { scopes: created.scopes, expiresAt: created.expiresAt.toISOString() },
        });
        return created;
      });
      return { token, secret };
    },

    /**
     * The viewer a bearer `yel_…` secret speaks for, or why it is refused. A malformed one, or one failing its
     * checksum, is refused before any query (INT-1.2); revoked and expired ones say so (INT-1.6).
     */
    async authenticate(secret: string): Promise<TokenAuthentication> {
      if (!isWellFormedToken(secret)) return { refused: 'This is not a valid API token.' };
      // The owner's memberships in the same statement, for the scopes (PT-9.6): the loader takes the token's one.
      const token = await db.apiToken.findUnique({
        where: { tokenHash: hashSecretToken(secret) },
        include: { user: { select: viewerMembershipsSelect } },
      });
      if (!token) return { refused: 'This is not a valid API token.' };
      if (token.revokedAt !== null) return { refused: 'This API token was revoked.' };
      const now = clock.now();
      if (token.expiresAt <= now) return { refused: 'This API token has expired.' };
      if (token.lastUsedAt === null || now.getTime() - token.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
        // Conditional, so concurrent requests (on any instance) write it once a minute at most.
        await db.apiToken.updateMany({
          where: {
            id: token.id,
            OR: [{ lastUsedAt: null }, { lastUsedAt: { lte: new Date(now.getTime() - LAST_USED_RESOLUTION_MS) } }],
          },
          data: { lastUsedAt: now },
        });
      }
      return {
        viewer: {
          kind: 'token',
          userId: token.userId,
          tokenId: token.id,
          workspaceId: token.workspaceId,
          roleCap: roleCapOf(token.scopes),
          expiresAt: token.expiresAt,
        },
        memberships: token.user.memberships,
      };
    },

    /** Whether a token still works (not revoked, not expired). */
    async isActive(tokenId: string): Promise<boolean> {
      const token = await db.apiToken.findUnique({
        where: { id: tokenId },
        select: { revokedAt: true, expiresAt: true },
      });
      return token !== null && token.revokedAt === null && token.expiresAt > clock.now();
    },

    /**
     * Revokes a token of `workspaceId`: its owner may, and an admin of the workspace (`actorRole`). Streams opened with
     * it end (RT-5.3); the revocation is recorded in the audit log (HOOK-1.1).
     */
    async revoke(
      actorId: string,
      actorRole: WorkspaceRole,
      workspaceId: string,
      tokenId: string,
      source: AuditSource,
    ): Promise<void> {
      const token = await db.apiToken.findUnique({ where: { id: tokenId, workspaceId } });
      if (!token || (token.userId !== actorId && !hasRole(actorRole, requiredRole.manage))) throw notFound();
      const revoked = await db.$transaction(async (tx) => {
        const { count } = await tx.apiToken.updateMany({
          where: { id: tokenId, workspaceId, revokedAt: null },
          data: { revokedAt: clock.now() },
        });
        // Revoking a token that was already revoked changes nothing, and records nothing.
        if (count > 0) {
          await audit.record(tx, {
            action: 'API_TOKEN_REVOKED',
            source,
            workspaceId,
            target: { type: 'API_TOKEN', id: token.id, label: token.name },
            details: {},
          });
        }
        return count > 0;
      });
      if (revoked) onRevoked(tokenId);
    },

    /** Who sees which tokens of a workspace: their own, or every one for an admin (INT-1.8). */
    visibleTo(viewerId: string, role: WorkspaceRole, workspaceId: string) {
      return hasRole(role, requiredRole.manage) ? { workspaceId } : { workspaceId, userId: viewerId };
    },
  };
}

export type ApiTokenService = ReturnType<typeof createApiTokenService>;
