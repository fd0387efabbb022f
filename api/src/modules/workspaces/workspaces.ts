// Workspaces: create, rename, change slug, delete. Rules and Prisma calls; no GraphQL.

import type { Db } from '../../db/database.ts';
import type { Workspace } from '../../generated/prisma/client.ts';
import { badUserInput, notFound } from '../../shared/errors.ts';
import { uniqueViolationAsConflict } from '../../shared/prisma-errors.ts';
import { parseInput } from '../../shared/validation.ts';
import type { EventLog } from '../events/event-log.ts';
import { createWorkspaceInput, slugSchema, updateWorkspaceInput } from './inputs.ts';
import { WorkspaceRole } from './roles.ts';

const SLUG_TAKEN = 'This URL is taken. Choose another.';

const slugConflict = (error: unknown) => uniqueViolationAsConflict(error, 'slug', SLUG_TAKEN, 'slug');

export function createWorkspaceService({ db, events }: { db: Db; events: EventLog }) {
  return {
    /** Creates a workspace whose only member, its OWNER, is the creator. */
    async create(creatorId: string, rawInput: unknown): Promise<Workspace> {
      const input = parseInput(createWorkspaceInput, rawInput);
      try {
        return await db.workspace.create({
          data: { ...input, memberships: { create: { userId: creatorId, role: WorkspaceRole.OWNER } } },
        });
      } catch (error) {
        throw slugConflict(error);
      }
    },

    /** Changes only the fields given. */
    async update(actorId: string, workspaceId: string, rawInput: unknown): Promise<Workspace> {
      const input = parseInput(updateWorkspaceInput, rawInput);
      try {
        return await events.write(workspaceId, actorId, async (tx, record) => {
          const workspace = await tx.workspace.update({
            where: { id: workspaceId },
            data: { ...input, version: { increment: 1 } },
          });
          record({ kind: 'WORKSPACE_UPDATED', entityId: workspace.id, version: workspace.version, payload: {} });
          return workspace;
        });
      } catch (error) {
        throw slugConflict(error);
      }
    },

    /** Deletes the workspace and, by cascade, all its tenant data, once the slug is confirmed. */
    async delete(workspaceId: string, confirmSlug: string): Promise<void> {
      await db.$transaction(async (tx) => {
        const workspace = await tx.workspace.findUnique({ where: { id: workspaceId }, select: { slug: true } });
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
      });
      events.closed(workspaceId);
    },
  };
}

export type WorkspaceService = ReturnType<typeof createWorkspaceService>;
