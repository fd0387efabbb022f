// zod schema of the audit log's filter (HOOK-2.1).
import { z } from 'zod';
import type { Prisma } from '../../generated/prisma/client.ts';
import { AuditAction } from './audit-actions.ts';

export const auditFilterInput = z
  .object({
    actorId: z.uuid().nullish(),
    action: z.enum(AuditAction).nullish(),
    since: z.date().nullish(),
    until: z.date().nullish(),
  })
  .refine(({ since, until }) => !since || !until || since <= until, {
    path: ['until'],
    message: 'Give an end after the start.',
  });

export type AuditFilter = z.infer<typeof auditFilterInput>;

/** The entries of a workspace matching every condition given: `since` included, `until` excluded. */
export function workspaceEntriesWhere(workspaceId: string, filter: AuditFilter): Prisma.AuditEntryWhereInput {
  return {
    workspaceId,
    ...(filter.actorId ? { actorId: filter.actorId } : {}),
    ...(filter.action ? { action: filter.action } : {}),
    ...(filter.since || filter.until
      ? { createdAt: { ...(filter.since ? { gte: filter.since } : {}), ...(filter.until ? { lt: filter.until } : {}) } }
      : {}),
  };
}

/** Newest first; entries of the same instant by id, so cursors stay stable. */
export const newestFirst = [
  { createdAt: 'desc' },
  { id: 'desc' },
] satisfies Prisma.AuditEntryOrderByWithRelationInput[];
