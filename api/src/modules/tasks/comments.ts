// Comments on tasks: writers add them; authors edit and delete their own; managers delete any.

import { z } from 'zod';
import type { Db } from '../../db/database.ts';
import type { Comment } from '../../generated/prisma/client.ts';
import type { Clock } from '../../shared/clock.ts';
import { forbidden, notFound } from '../../shared/errors.ts';
import { parseInput } from '../../shared/validation.ts';
import type { EventLog } from '../events/event-log.ts';
import { hasRole, requiredRole, type WorkspaceRole } from '../workspaces/roles.ts';
import { commentBodySchema } from './inputs.ts';

const bodyInput = z.object({ body: commentBodySchema });

/** A comment of a task of the workspace. */
const inWorkspace = (commentId: string, workspaceId: string) => ({ id: commentId, task: { workspaceId } });

export function createCommentService({ db, clock, events }: { db: Db; clock: Clock; events: EventLog }) {
  return {
    async workspaceIdOfComment(commentId: string): Promise<string | undefined> {
      return (
        await db.comment.findUnique({ where: { id: commentId }, select: { task: { select: { workspaceId: true } } } })
      )?.task.workspaceId;
    },

    /** Adds a comment to a task of `workspaceId` (none elsewhere: NOT_FOUND). */
    async add(authorId: string, workspaceId: string, taskId: string, rawInput: unknown): Promise<Comment> {
      const { body } = parseInput(bodyInput, rawInput);
      return events.write(workspaceId, authorId, async (tx, record) => {
        const comment = await tx.comment.create({
          data: {
            task: { connect: { id: taskId, workspaceId } },
            author: { connect: { id: authorId } },
            body,
            createdAt: clock.now(),
          },
        });
        record({ kind: 'COMMENT_ADDED', entityId: comment.id, version: comment.version, payload: { taskId } });
        return comment;
      });
    },

    async edit(editorId: string, workspaceId: string, commentId: string, rawInput: unknown): Promise<Comment> {
      const { body } = parseInput(bodyInput, rawInput);
      return events.write(workspaceId, editorId, async (tx, record) => {
        const comment = await tx.comment.findUnique({ where: inWorkspace(commentId, workspaceId) });
        if (!comment) throw notFound('This comment');
        if (comment.authorId !== editorId) throw forbidden('Only its author can edit a comment.');
        const edited = await tx.comment.update({
          where: inWorkspace(commentId, workspaceId),
          data: { body, editedAt: clock.now(), version: { increment: 1 } },
        });
        record({
          kind: 'COMMENT_EDITED',
          entityId: edited.id,
          version: edited.version,
          payload: { taskId: edited.taskId },
        });
        return edited;
      });
    },

    /** `role` is the actor's role in `workspaceId`. */
    async delete(
      actorId: string,
      role: WorkspaceRole | undefined,
      workspaceId: string,
      commentId: string,
    ): Promise<void> {
      await events.write(workspaceId, actorId, async (tx, record) => {
        const comment = await tx.comment.findUnique({
          where: inWorkspace(commentId, workspaceId),
          select: { authorId: true },
        });
        if (!comment) throw notFound('This comment');
        if (comment.authorId !== actorId && !(role && hasRole(role, requiredRole.manage))) {
          throw forbidden('Only its author or an admin can delete a comment.');
        }
        const deleted = await tx.comment.delete({ where: inWorkspace(commentId, workspaceId) });
        record({
          kind: 'COMMENT_DELETED',
          entityId: deleted.id,
          version: deleted.version + 1,
          payload: { taskId: deleted.taskId },
        });
      });
    },
  };
}

export type CommentService = ReturnType<typeof createCommentService>;
