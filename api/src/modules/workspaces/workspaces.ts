// Workspaces: create, rename, change slug, delete. Rules and Prisma calls; no GraphQL.

import type { Db } from '../../db/database.ts';
import type { Workspace } from '../../generated/prisma/client.ts';
import { badUserInput, notFound } from '../../shared/errors.ts';
import { uniqueViolationAsConflict } from '../../shared/prisma-errors.ts';
import { parseInput } from '../../shared/validation.ts';
import type { AuditLog, AuditSource } from '../audit/audit-log.ts';
import type { EventLog } from '../events/event-log.ts';
import { createWorkspaceInput, slugSchema, updateWorkspaceInput } from './inputs.ts';
import { WorkspaceRole } from './roles.ts';

const SLUG_TAKEN = 'This URL is taken. Choose another.';

const slugConflict = (error: unknown) => uniqueViolationAsConflict(error, 'slug', SLUG_TAKEN, 'slug');

/** What an update changed, before and after, for its audit entry: only the fields whose value changed. */
function changes(before: { name: string; slug: string }, after: { name: string; slug: string }) {
  return {
    ...(before.name === after.name ? {} : { previousName: before.name, name: after.name }),
    ...(before.slug === after.slug ? {} : { previousSlug: before.slug, slug: after.slug }),
  };
}

export function createWorkspaceService({ db, events, audit }: { db: Db; events: EventLog; audit: AuditLog }) {
  return {
    /**
     * Creates a workspace whose only member, its OWNER, is the creator, and audits it in the same transaction
     * (HOOK-1.5).
     */
    async create(creatorId: string, rawInput: unknown, source: AuditSource): Promise<Workspace> {
      const input = parseInput(createWorkspaceInput, rawInput);
      try {
        return await db.$transaction(async (tx) => {
          const workspace = await tx.workspace.create({
            data: { ...input, memberships: { create: { userId: creatorId, role: WorkspaceRole.OWNER } } },
          });
          await audit.record(tx, {
            action: 'WORKSPACE_CREATED',
            source,
            workspaceId: workspace.id,
            target: { type: 'WORKSPACE', id: workspace.id, label: workspace.name },
            details: { name: workspace.name, slug: workspace.slug },
          });
          return workspace;
        });
      } catch (error) {
        throw slugConflict(error);
      }
    },

    /** Changes only the fields given. */
    async update(actorId: string, workspaceId: string, rawInput: unknown, source: AuditSource): Promise<Workspace> {
      const input = parseInput(updateWorkspaceInput, rawInput);
      try {
        return await events.write(workspaceId, actorId, async (tx, record) => {
          // Locked as it is read, so that the audit entry's "before" is what this change replaced.
          const [before] = await tx.$queryRaw<{ name: string; slug: string }[]>`
            SELECT "name", "slug" FROM "Workspace" WHERE "id" = ${workspaceId}::uuid FOR NO KEY UPDATE`;
          if (!before) throw notFound();
          const workspace = await tx.workspace.update({
            where: { id: workspaceId },
            data: { ...input, version: { increment: 1 } },
          });
          record({ kind: 'WORKSPACE_UPDATED', entityId: workspace.id, version: workspace.version, payload: {} });
          await audit.record(tx, {
            action: 'WORKSPACE_UPDATED',
            source,
            workspaceId,
            target: { type: 'WORKSPACE', id: workspaceId, label: workspace.name },
            details: changes(before, workspace),
          });
          return workspace;
        });
      } catch (error) {
        throw slugConflict(error);
      }
    },

    /** Deletes the workspace and, by cascade, all its tenant data, once the slug is confirmed. */
    async delete(workspaceId: string, confirmSlug: string, source: AuditSource): Promise<void> {
      await db.$transaction(async (tx) => {
        const workspace = await tx.workspace.findUnique({
          where: { id: workspaceId },
          select: { slug: true, name: true },
        });
        if (!workspace) throw notFound();
        const typed = slugSchema.safeParse(confirmSlug);
        if (!typed.success || typed.data !== workspace.slug) {
          throw badUserInput([
            { path: ['input', 'confirmSlug'], message: 'Type the workspace’s URL name to confirm.' },
          ]);
        }
        await tx.workspace.delete({ where: { id: workspaceId } });
        // The log has no foreign key to the workspace (appending locks nothing else): it goes here, with its counter.
        await tx.workspaceEvent.deleteMany({ where: { workspaceId } });
        await tx.workspaceEventCounter.deleteMany({ where: { workspaceId } });
        // The audit log is not the workspace's to take along: its entries, and this one, outlive it (HOOK-1.1).
        await audit.record(tx, {
          action: 'WORKSPACE_DELETED',
          source,
          workspaceId,
          target: { type: 'WORKSPACE', id: workspaceId, label: workspace.name },
          details: { slug: workspace.slug },
        });
      });
      events.closed(workspaceId);
    },
  };
}

export type WorkspaceService = ReturnType<typeof createWorkspaceService>;
