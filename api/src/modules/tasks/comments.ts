// Comments on tasks: writers add them; authors edit and delete their own; managers delete any.

import { z } from 'zod';
import type { Comment, PrismaClient } from '../../generated/prisma/client.ts';
import type { Clock } from '../../shared/clock.ts';
import { forbidden, notFound } from '../../shared/errors.ts';
import { parseInput } from '../../shared/validation.ts';
import { hasRole, requiredRole, type WorkspaceRole } from '../workspaces/roles.ts';
import { commentBodySchema } from './inputs.ts';

const bodyInput = z.object({ body: commentBodySchema });

export function createCommentService({ db, clock }: { db: PrismaClient; clock: Clock }) {
  async function load(commentId: string) {
    const comment = await db.comment.findUnique({ where: { id: commentId } });
    if (!comment) throw notFound('This comment');
    return comment;
  }

  return {
    async workspaceIdOfComment(commentId: string): Promise<string | undefined> {
      return (
        await db.comment.findUnique({ where: { id: commentId }, select: { task: { select: { workspaceId: true } } } })
      )?.task.workspaceId;
    },

    async add(authorId: string, taskId: string, rawInput: unknown): Promise<Comment> {
      const { body } = parseInput(bodyInput, rawInput);
      return db.comment.create({ data: { taskId, authorId, body, createdAt: clock.now() } });
    },

    async edit(editorId: string, commentId: string, rawInput: unknown): Promise<Comment> {
      const { body } = parseInput(bodyInput, rawInput);
      const comment = await load(commentId);
      if (comment.authorId !== editorId) throw forbidden('Only its author can edit a comment.');
      return db.comment.update({ where: { id: commentId }, data: { body, editedAt: clock.now() } });
    },

    /** `roleIn` tells the actor's role in a workspace (the request's membership loader). */
    async delete(
      actorId: string,
      roleIn: (workspaceId: string) => Promise<WorkspaceRole | undefined>,
      commentId: string,
    ): Promise<void> {
      const comment = await db.comment.findUnique({
        where: { id: commentId },
        select: { authorId: true, task: { select: { workspaceId: true } } },
      });
      if (!comment) throw notFound('This comment');
      if (comment.authorId !== actorId) {
        const role = await roleIn(comment.task.workspaceId);
        if (!role || !hasRole(role, requiredRole.manage)) {
          throw forbidden('Only its author or an admin can delete a comment.');
        }
      }
      await db.comment.delete({ where: { id: commentId } });
    },
  };
}

export type CommentService = ReturnType<typeof createCommentService>;
