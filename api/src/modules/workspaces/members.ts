// Members: change roles, remove, leave, without ever leaving a workspace without an OWNER.

import type { Db, DbTransaction } from '../../db/database.ts';
import type { Membership } from '../../generated/prisma/client.ts';
import { conflict, forbidden, notFound } from '../../shared/errors.ts';
import { lockWorkspaceMembers } from '../../shared/row-locks.ts';
import { hasRole, roleNeededToAssign, WorkspaceRole } from './roles.ts';

type Transaction = DbTransaction;

const LAST_OWNER = 'A workspace needs at least one owner. Make someone else an owner first.';

/**
 * Runs `work` while holding a lock on the workspace row, so that changes to its owners are
 * serialised and the "at least one owner" check cannot be raced.
 */
async function withWorkspaceLocked<T>(db: Db, workspaceId: string, work: (tx: Transaction) => Promise<T>) {
  return db.$transaction(async (tx) => {
    await lockWorkspaceMembers(tx, workspaceId);
    return work(tx);
  });
}

async function assertAnotherOwner(tx: Transaction, target: Membership): Promise<void> {
  if (target.role !== WorkspaceRole.OWNER) return;
  const owners = await tx.membership.count({ where: { workspaceId: target.workspaceId, role: WorkspaceRole.OWNER } });
  if (owners <= 1) throw conflict(LAST_OWNER);
}

/** The actor may move `target` to `to` (undefined: out of the workspace). */
async function assertMayAssign(tx: Transaction, actorId: string, target: Membership, to: WorkspaceRole | undefined) {
  const actor = await tx.membership.findUnique({
    where: { workspaceId_userId: { workspaceId: target.workspaceId, userId: actorId } },
    select: { role: true },
  });
  if (!actor) throw notFound();
  if (!hasRole(actor.role, roleNeededToAssign(target.role, to))) throw forbidden();
}

/** Removes a membership; the person's tasks and projects in that workspace lose them as assignee and lead. */
async function removeMembership(tx: Transaction, membership: Membership): Promise<void> {
  const { workspaceId, userId } = membership;
  // Projects before tasks, the order every writer takes them in (a state's or a project's deletion too).
  await tx.project.updateMany({ where: { workspaceId, leadId: userId }, data: { leadId: null } });
  await tx.task.updateMany({ where: { workspaceId, assigneeId: userId }, data: { assigneeId: null } });
  await tx.membership.delete({ where: { id: membership.id, workspaceId } });
}

export function createMemberService({ db }: { db: Db }) {
  /** Runs `work` on a membership of `workspaceId` with the workspace locked. */
  async function locked<T>(
    workspaceId: string,
    membershipId: string,
    work: (tx: Transaction, target: Membership) => Promise<T>,
  ) {
    return withWorkspaceLocked(db, workspaceId, async (tx) => {
      const target = await tx.membership.findUnique({ where: { id: membershipId, workspaceId } });
      if (!target) throw notFound();
      return work(tx, target);
    });
  }

  return {
    /** The workspace a membership belongs to, for authorization; undefined when there is none. */
    async workspaceIdOf(membershipId: string): Promise<string | undefined> {
      return (await db.membership.findUnique({ where: { id: membershipId }, select: { workspaceId: true } }))
        ?.workspaceId;
    },

    async changeRole(
      actorId: string,
      workspaceId: string,
      membershipId: string,
      role: WorkspaceRole,
    ): Promise<Membership> {
      return locked(workspaceId, membershipId, async (tx, target) => {
        await assertMayAssign(tx, actorId, target, role);
        if (role !== WorkspaceRole.OWNER) await assertAnotherOwner(tx, target);
        return tx.membership.update({ where: { id: target.id, workspaceId }, data: { role } });
      });
    },

    async remove(actorId: string, workspaceId: string, membershipId: string): Promise<void> {
      await locked(workspaceId, membershipId, async (tx, target) => {
        await assertMayAssign(tx, actorId, target, undefined);
        await assertAnotherOwner(tx, target);
        await removeMembership(tx, target);
      });
    },

    async leave(userId: string, workspaceId: string): Promise<void> {
      await withWorkspaceLocked(db, workspaceId, async (tx) => {
        const own = await tx.membership.findUnique({ where: { workspaceId_userId: { workspaceId, userId } } });
        if (!own) throw notFound();
        await assertAnotherOwner(tx, own);
        await removeMembership(tx, own);
      });
    },
  };
}

export type MemberService = ReturnType<typeof createMemberService>;
