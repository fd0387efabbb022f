// Members: change roles, remove, leave, without ever leaving a workspace without an OWNER.

import type { Db, DbTransaction } from '../../db/database.ts';
import type { Membership } from '../../generated/prisma/client.ts';
import type { Clock } from '../../shared/clock.ts';
import { conflict, forbidden, notFound } from '../../shared/errors.ts';
import { lockWorkspaceMembers } from '../../shared/row-locks.ts';
import type { AuditLog, AuditSource } from '../audit/audit-log.ts';
import type { EventLog, RecordEvent } from '../events/event-log.ts';
import { hasRole, lowerRole, roleNeededToAssign, WorkspaceRole } from './roles.ts';

type Transaction = DbTransaction;

const LAST_OWNER = 'A workspace needs at least one owner. Make someone else an owner first.';

async function assertAnotherOwner(tx: Transaction, target: Membership): Promise<void> {
  if (target.role !== WorkspaceRole.OWNER) return;
  const owners = await tx.membership.count({ where: { workspaceId: target.workspaceId, role: WorkspaceRole.OWNER } });
  if (owners <= 1) throw conflict(LAST_OWNER);
}

/** Who changes a membership, and the most their credential allows them (an API token's scopes, INT-1.4). */
export interface MembershipActor {
  userId: string;
  cap: WorkspaceRole;
}

/** The actor may move `target` to `to` (undefined: out of the workspace), with their role as it is now, capped. */
async function assertMayAssign(
  tx: Transaction,
  actor: MembershipActor,
  target: Membership,
  to: WorkspaceRole | undefined,
) {
  const membership = await tx.membership.findUnique({
    where: { workspaceId_userId: { workspaceId: target.workspaceId, userId: actor.userId } },
    select: { role: true },
  });
  if (!membership) throw notFound();
  if (!hasRole(lowerRole(membership.role, actor.cap), roleNeededToAssign(target.role, to))) throw forbidden();
}

/**
 * Removes a membership; the person's tasks and projects in that workspace lose them as assignee and lead, each
 * with its event (RT-1.7).
 */
async function removeMembership(
  tx: Transaction,
  record: RecordEvent,
  membership: Membership,
  now: Date,
): Promise<{ id: string }[]> {
  const { workspaceId, userId } = membership;
  // Projects before tasks, the order every writer takes them in (a state's or a project's deletion too).
  const projects = await tx.project.updateManyAndReturn({
    where: { workspaceId, leadId: userId },
    data: { leadId: null, version: { increment: 1 } },
    select: { id: true, version: true },
  });
  for (const project of projects)
    record({ kind: 'PROJECT_UPDATED', entityId: project.id, version: project.version, payload: {} });
  const tasks = await tx.task.updateManyAndReturn({
    where: { workspaceId, assigneeId: userId },
    data: { assigneeId: null, version: { increment: 1 } },
    select: { id: true, version: true, projectId: true },
  });
  for (const task of tasks) {
    record({
      kind: 'TASK_UPDATED',
      entityId: task.id,
      version: task.version,
      payload: { projectId: task.projectId, fields: ['assignee'] },
    });
  }
  const removed = await tx.membership.delete({ where: { id: membership.id, workspaceId } });
  record({ kind: 'MEMBER_REMOVED', entityId: removed.id, version: removed.version + 1, payload: { userId } });
  // Their API tokens for the workspace go with them, and do not come back if they are invited again (INT-1.4).
  return tx.apiToken.updateManyAndReturn({
    where: { workspaceId, userId, revokedAt: null },
    data: { revokedAt: now },
    select: { id: true },
  });
}

export interface MemberServiceDeps {
  db: Db;
  events: EventLog;
  clock: Clock;
  audit: AuditLog;
  /** Told after commit about API tokens revoked with a membership, so that their live streams end. */
  onTokensRevoked: (tokenIds: string[]) => void;
}

/** A membership with its person's email, the label of its audit entries. */
type LabelledMembership = Membership & { user: { email: string } };

const withEmail = { user: { select: { email: true } } } as const;

/** A membership as the target of an audit entry: its id, labelled with the member's email. */
const membershipTarget = (membership: LabelledMembership) =>
  ({ type: 'MEMBERSHIP', id: membership.id, label: membership.user.email }) as const;

export function createMemberService({ db, events, clock, audit, onTokensRevoked }: MemberServiceDeps) {
  /**
   * Runs `work` while holding a lock on the workspace row, so that changes to its owners are serialised and the
   * "at least one owner" check cannot be raced.
   */
  async function withWorkspaceLocked<T>(
    actorId: string,
    workspaceId: string,
    work: (tx: Transaction, record: RecordEvent) => Promise<T>,
  ) {
    return events.write(workspaceId, actorId, async (tx, record) => {
      await lockWorkspaceMembers(tx, workspaceId);
      return work(tx, record);
    });
  }

  /** Runs `work` on a membership of `workspaceId` with the workspace locked. */
  async function locked<T>(
    actorId: string,
    workspaceId: string,
    membershipId: string,
    work: (tx: Transaction, record: RecordEvent, target: LabelledMembership) => Promise<T>,
  ) {
    return withWorkspaceLocked(actorId, workspaceId, async (tx, record) => {
      const target = await tx.membership.findUnique({ where: { id: membershipId, workspaceId }, include: withEmail });
      if (!target) throw notFound();
      return work(tx, record, target);
    });
  }

  /** Removes a membership (removeMembership) and records the departure, a removal or a leave, in its transaction. */
  async function depart(
    tx: Transaction,
    record: RecordEvent,
    membership: LabelledMembership,
    action: 'MEMBER_REMOVED' | 'MEMBER_LEFT',
    source: AuditSource,
  ): Promise<{ id: string }[]> {
    const tokens = await removeMembership(tx, record, membership, clock.now());
    await audit.record(tx, {
      action,
      source,
      workspaceId: membership.workspaceId,
      target: membershipTarget(membership),
      details: { role: membership.role, apiTokensRevoked: tokens.length },
    });
    return tokens;
  }

  return {
    /** The workspace a membership belongs to, for authorization; undefined when there is none. */
    async workspaceIdOf(membershipId: string): Promise<string | undefined> {
      return (await db.membership.findUnique({ where: { id: membershipId }, select: { workspaceId: true } }))
        ?.workspaceId;
    },

    async changeRole(
      actor: MembershipActor,
      workspaceId: string,
      membershipId: string,
      role: WorkspaceRole,
      source: AuditSource,
    ): Promise<Membership> {
      return locked(actor.userId, workspaceId, membershipId, async (tx, record, target) => {
        await assertMayAssign(tx, actor, target, role);
        if (role !== WorkspaceRole.OWNER) await assertAnotherOwner(tx, target);
        const changed = await tx.membership.update({
          where: { id: target.id, workspaceId },
          data: { role, version: { increment: 1 } },
        });
        record({
          kind: 'MEMBER_ROLE_CHANGED',
          entityId: changed.id,
          version: changed.version,
          payload: { userId: changed.userId, role },
        });
        await audit.record(tx, {
          action: 'MEMBER_ROLE_CHANGED',
          source,
          workspaceId,
          target: membershipTarget(target),
          details: { previousRole: target.role, role },
        });
        return changed;
      });
    },

    async remove(
      actor: MembershipActor,
      workspaceId: string,
      membershipId: string,
      source: AuditSource,
    ): Promise<void> {
      const revoked = await locked(actor.userId, workspaceId, membershipId, async (tx, record, target) => {
        await assertMayAssign(tx, actor, target, undefined);
        await assertAnotherOwner(tx, target);
        return depart(tx, record, target, 'MEMBER_REMOVED', source);
      });
      onTokensRevoked(revoked.map((token) => token.id));
    },

    async leave(userId: string, workspaceId: string, source: AuditSource): Promise<void> {
      const revoked = await withWorkspaceLocked(userId, workspaceId, async (tx, record) => {
        const own = await tx.membership.findUnique({
          where: { workspaceId_userId: { workspaceId, userId } },
          include: withEmail,
        });
        if (!own) throw notFound();
        await assertAnotherOwner(tx, own);
        return depart(tx, record, own, 'MEMBER_LEFT', source);
      });
      onTokensRevoked(revoked.map((token) => token.id));
    },
  };
}

export type MemberService = ReturnType<typeof createMemberService>;
