// The audit log (HOOK-1): services record an entry per security-relevant change in the transaction of that change,
// so it exists if and only if the change committed (HOOK-1.1, HOOK-1.3). Entries are never updated or deleted here:
// only the retention job deletes, and the database refuses anything else (HOOK-1.4).
import type { DbTransaction } from '../../db/database.ts';
import type { ClientInfo, Viewer } from '../../graphql/context.ts';
import type { Clock } from '../../shared/clock.ts';
import { type AuditAction, type AuditDetailsOf, type AuditTargetType, auditDetails } from './audit-actions.ts';

/** Who acted and from where: the person, the session or API token they used, the client's address and user agent. */
export interface AuditSource {
  /** Null for the system, and for a failed sign-in. */
  actorId: string | null;
  sessionId: string | null;
  apiTokenId: string | null;
  ipAddress: string | null;
  userAgent: string | null;
}

/** The source of entries Yello writes on its own (a webhook disabled after failures): no actor, no client. */
export const systemAuditSource: AuditSource = {
  actorId: null,
  sessionId: null,
  apiTokenId: null,
  ipAddress: null,
  userAgent: null,
};

/** The source of a request's changes, from its GraphQL context: its viewer and client. */
export function auditSourceOf({ viewer, client }: { viewer: Viewer | null; client: ClientInfo }): AuditSource {
  return {
    actorId: viewer?.userId ?? null,
    sessionId: viewer?.kind === 'session' ? viewer.sessionId : null,
    apiTokenId: viewer?.kind === 'token' ? viewer.tokenId : null,
    ipAddress: client.ipAddress,
    userAgent: client.userAgent,
  };
}

/** What an entry is about: a type, its id (null when there is none, as for an unknown email) and its name then. */
export interface AuditTarget {
  type: AuditTargetType;
  id: string | null;
  /** A name or email as it was; kept when the target is renamed or gone. */
  label: string | null;
}

/** An entry as a service records it. */
export type NewAuditEntry = {
  [A in AuditAction]: {
    action: A;
    source: AuditSource;
    /** Set for a workspace entry. */
    workspaceId?: string | null;
    /** Set for an account entry: the person it concerns. */
    accountId?: string | null;
    target: AuditTarget;
    details: AuditDetailsOf<A>;
  };
}[AuditAction];

/** User agents are cut to this many characters, like a session's. */
const MAX_USER_AGENT = 512;

export function createAuditLog({ clock }: { clock: Clock }) {
  return {
    /** Appends `entry` in the caller's transaction `tx` (HOOK-1.1), so it is rolled back with the change (HOOK-1.3). */
    async record(tx: Pick<DbTransaction, 'auditEntry'>, entry: NewAuditEntry): Promise<void> {
      const { source, target } = entry;
      await tx.auditEntry.create({
        data: {
          action: entry.action,
          workspaceId: entry.workspaceId ?? null,
          accountId: entry.accountId ?? null,
          actorId: source.actorId,
          sessionId: source.sessionId,
          apiTokenId: source.apiTokenId,
          targetType: target.type,
          targetId: target.id,
          targetLabel: target.label,
          ipAddress: source.ipAddress,
          userAgent: source.userAgent?.slice(0, MAX_USER_AGENT) ?? null,
          details: auditDetails[entry.action].parse(entry.details),
          createdAt: clock.now(),
        },
        select: { id: true },
      });
    },
  };
}

export type AuditLog = ReturnType<typeof createAuditLog>;
