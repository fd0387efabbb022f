// Projects and their workflow states. Rules and Prisma calls; no GraphQL.

import type { Db, DbTransaction } from '../../db/database.ts';
import type { Project, WorkflowState } from '../../generated/prisma/client.ts';
import type { Clock } from '../../shared/clock.ts';
import { badUserInput, conflict, notFound } from '../../shared/errors.ts';
import { initialPositions, positionBetween, untied } from '../../shared/ordering.ts';
import { uniqueViolationAsConflict } from '../../shared/prisma-errors.ts';
import { lockProjectKeys, lockProjectOrder, lockStateOrder } from '../../shared/row-locks.ts';
import { parseInput } from '../../shared/validation.ts';
import type { AuditLog, AuditSource } from '../audit/audit-log.ts';
import type { NewEvent } from '../events/event-kinds.ts';
import type { EventLog } from '../events/event-log.ts';
import { closedCategories } from '../tasks/tasks.ts';
import { assertMemberReference } from '../workspaces/member-references.ts';
import { createProjectInput, defaultStates, stateInput, updateProjectInput, updateStateInput } from './inputs.ts';

const KEY_TAKEN = 'Another project of this workspace uses this key.';
const KEY_USED_BEFORE = 'Another project of this workspace used this key before; its old links still lead there.';
const STATE_NAME_TAKEN = 'This project already has a state with this name.';

const keyConflict = (error: unknown) => uniqueViolationAsConflict(error, 'key', KEY_TAKEN);

const stateNameTaken = () => conflict(STATE_NAME_TAKEN, [{ path: ['input', 'name'], message: STATE_NAME_TAKEN }]);

const stateNameConflict = (error: unknown) => uniqueViolationAsConflict(error, 'name', STATE_NAME_TAKEN);

/** Where a moved or added item lands: between `afterId` and `beforeId`, or last. */
export interface Placement {
  afterId?: string | null | undefined;
  beforeId?: string | null | undefined;
}

type KeyAliases = Pick<Db, 'projectKeyAlias'>;
type Tx = DbTransaction;

/** The event of a change to a workflow state's fields or place. */
const stateUpdated = (state: WorkflowState): NewEvent => ({
  kind: 'STATE_UPDATED',
  entityId: state.id,
  version: state.version,
  payload: { projectId: state.projectId },
});

/** A workflow state of a project of the workspace. */
const stateIn = (stateId: string, workspaceId: string) => ({ id: stateId, project: { workspaceId } });

/** Refuses a key that another project of the workspace had before (its old task keys still lead there). */
async function assertKeyNotUsedBefore(
  db: KeyAliases,
  workspaceId: string,
  key: string,
  projectId?: string,
): Promise<void> {
  const alias = await db.projectKeyAlias.findUnique({ where: { workspaceId_key: { workspaceId, key } } });
  if (alias && alias.projectId !== projectId) {
    throw conflict(KEY_USED_BEFORE, [{ path: ['input', 'key'], message: KEY_USED_BEFORE }]);
  }
}

export function createProjectService({
  db,
  clock,
  events,
  audit,
}: {
  db: Db;
  clock: Clock;
  events: EventLog;
  audit: AuditLog;
}) {
  /** State names are one regardless of case; the unique index catches exact duplicates written concurrently. */
  async function assertStateNameFree(projectId: string, name: string, stateId?: string): Promise<void> {
    const other = await db.workflowState.findFirst({
      where: { projectId, name: { equals: name, mode: 'insensitive' }, ...(stateId ? { id: { not: stateId } } : {}) },
      select: { id: true },
    });
    if (other) throw stateNameTaken();
  }

  /**
   * The position for a state placed in its project's order. Locks the project first, so that concurrent
   * placements take turns and read committed neighbours (PT-3.9); states sharing a position (ties written
   * before that) are spread apart on the way (PT-3.10).
   */
  async function statePosition(
    tx: Tx,
    projectId: string,
    movingId: string | undefined,
    placement: Placement,
    path: string[],
  ): Promise<string> {
    await lockProjectOrder(tx, projectId);
    const stored = await tx.workflowState.findMany({
      where: { projectId, ...(movingId ? { id: { not: movingId } } : {}) },
      orderBy: [{ position: 'asc' }, { id: 'asc' }],
      select: { id: true, position: true },
    });
    const changes = untied(stored);
    for (const change of changes) {
      await tx.workflowState.update({ where: { id: change.id }, data: { position: change.position } });
    }
    const states = stored.map((state) => changes.find((change) => change.id === state.id) ?? state);
    const anchorId = placement.afterId ?? placement.beforeId;
    const index = anchorId ? states.findIndex((state) => state.id === anchorId) : states.length - 1;
    if (anchorId && index < 0) throw badUserInput([{ path, message: 'Choose a state of the same project.' }]);
    // `afterId` decides when both are given, as for tasks; the state lands right next to its anchor.
    if (!placement.afterId && placement.beforeId) {
      return positionBetween(states[index - 1]?.position, states[index]?.position);
    }
    return positionBetween(states[index]?.position, states[index + 1]?.position);
  }

  return {
    async workspaceIdOfProject(projectId: string): Promise<string | undefined> {
      return (await db.project.findUnique({ where: { id: projectId }, select: { workspaceId: true } }))?.workspaceId;
    },

    async workspaceIdOfState(stateId: string): Promise<string | undefined> {
      return (
        await db.workflowState.findUnique({
          where: { id: stateId },
          select: { project: { select: { workspaceId: true } } },
        })
      )?.project.workspaceId;
    },

    /** Creates a project with the default workflow states. */
    async create(
      actorId: string,
      workspaceId: string,
      rawInput: unknown,
      leadId: string | null | undefined,
    ): Promise<Project> {
      const input = parseInput(createProjectInput, rawInput);
      const positions = initialPositions(defaultStates.length);
      try {
        return await events.write(workspaceId, actorId, async (tx, record) => {
          // Key claims take turns (PT-1.6); the lead stays a member until this commits (PT-3.12).
          await lockProjectKeys(tx, workspaceId);
          await assertMemberReference(tx, workspaceId, leadId, ['input', 'leadId']);
          await assertKeyNotUsedBefore(tx, workspaceId, input.key);
          const project = await tx.project.create({
            data: {
              ...input,
              workspaceId,
              leadId: leadId ?? null,
              states: {
                create: defaultStates.map((state, index) => ({ ...state, position: positions[index] ?? '' })),
              },
            },
          });
          record({ kind: 'PROJECT_CREATED', entityId: project.id, version: project.version, payload: {} });
          return project;
        });
      } catch (error) {
        throw keyConflict(error);
      }
    },

    /**
     * Changes only the fields given; `leadId: null` removes the lead. A new key keeps the old one as an alias,
     * so links to the old task keys still work; taking an old key back drops its alias.
     */
    async update(
      actorId: string,
      workspaceId: string,
      projectId: string,
      rawInput: unknown,
      leadId: string | null | undefined,
    ): Promise<Project> {
      const input = parseInput(updateProjectInput, rawInput);
      try {
        return await events.write(workspaceId, actorId, async (tx, record) => {
          // Key claims take turns (PT-1.6); the lead stays a member until this commits (PT-3.12).
          if (input.key !== undefined) await lockProjectKeys(tx, workspaceId);
          await assertMemberReference(tx, workspaceId, leadId, ['input', 'leadId']);
          const project = await tx.project.findUniqueOrThrow({
            where: { id: projectId, workspaceId },
            select: { key: true },
          });
          const newKey = input.key !== undefined && input.key !== project.key ? input.key : undefined;
          if (newKey !== undefined) {
            await assertKeyNotUsedBefore(tx, workspaceId, newKey, projectId);
            await tx.projectKeyAlias.deleteMany({ where: { workspaceId, key: newKey, projectId } });
            await tx.projectKeyAlias.create({ data: { workspaceId, key: project.key, projectId } });
          }
          const updated = await tx.project.update({
            where: { id: projectId, workspaceId },
            data: { ...input, ...(leadId === undefined ? {} : { leadId }), version: { increment: 1 } },
          });
          record({ kind: 'PROJECT_UPDATED', entityId: updated.id, version: updated.version, payload: {} });
          return updated;
        });
      } catch (error) {
        throw keyConflict(error);
      }
    },

    async setArchived(actorId: string, workspaceId: string, projectId: string, archived: boolean): Promise<Project> {
      return events.write(workspaceId, actorId, async (tx, record) => {
        const project = await tx.project.update({
          where: { id: projectId, workspaceId },
          data: { archivedAt: archived ? clock.now() : null, version: { increment: 1 } },
        });
        record({ kind: 'PROJECT_UPDATED', entityId: project.id, version: project.version, payload: {} });
        return project;
      });
    },

    /** Deletes the project with its tasks (and their comments and history) and states, by cascade. */
    async delete(actorId: string, workspaceId: string, projectId: string, source: AuditSource): Promise<void> {
      await events.write(workspaceId, actorId, async (tx, record) => {
        const project = await tx.project.delete({ where: { id: projectId, workspaceId } });
        record({ kind: 'PROJECT_DELETED', entityId: project.id, version: project.version + 1, payload: {} });
        await audit.record(tx, {
          action: 'PROJECT_DELETED',
          source,
          workspaceId,
          target: { type: 'PROJECT', id: project.id, label: project.name },
          details: { key: project.key },
        });
      });
    },

    async addState(
      actorId: string,
      workspaceId: string,
      projectId: string,
      rawInput: unknown,
      placement: Placement,
    ): Promise<WorkflowState> {
      const input = parseInput(stateInput, rawInput);
      await assertStateNameFree(projectId, input.name);
      try {
        return await events.write(workspaceId, actorId, async (tx, record) => {
          const position = await statePosition(tx, projectId, undefined, placement, ['input', 'afterId']);
          const state = await tx.workflowState.create({
            data: { ...input, project: { connect: { id: projectId, workspaceId } }, position },
          });
          record({ kind: 'STATE_CREATED', entityId: state.id, version: state.version, payload: { projectId } });
          return state;
        });
      } catch (error) {
        throw stateNameConflict(error);
      }
    },

    async updateState(
      actorId: string,
      workspaceId: string,
      stateId: string,
      rawInput: unknown,
    ): Promise<WorkflowState> {
      const input = parseInput(updateStateInput, rawInput);
      if (input.name !== undefined) {
        const { projectId } = await db.workflowState.findUniqueOrThrow({
          where: stateIn(stateId, workspaceId),
          select: { projectId: true },
        });
        await assertStateNameFree(projectId, input.name, stateId);
      }
      try {
        return await events.write(workspaceId, actorId, async (tx, record) => {
          const state = await tx.workflowState.update({
            where: stateIn(stateId, workspaceId),
            data: { ...input, version: { increment: 1 } },
          });
          record(stateUpdated(state));
          return state;
        });
      } catch (error) {
        throw stateNameConflict(error);
      }
    },

    async moveState(
      actorId: string,
      workspaceId: string,
      stateId: string,
      placement: Placement,
    ): Promise<WorkflowState> {
      return events.write(workspaceId, actorId, async (tx, record) => {
        const state = await tx.workflowState.findUniqueOrThrow({
          where: stateIn(stateId, workspaceId),
          select: { projectId: true },
        });
        const position = await statePosition(tx, state.projectId, stateId, placement, ['input', 'afterId']);
        const moved = await tx.workflowState.update({
          where: stateIn(stateId, workspaceId),
          data: { position, version: { increment: 1 } },
        });
        record(stateUpdated(moved));
        return moved;
      });
    },

    /** Deletes a state; its tasks move to the end of `moveTasksToStateId`, which is needed when there are any. */
    async deleteState(
      actorId: string,
      workspaceId: string,
      stateId: string,
      moveTasksToStateId: string | undefined,
    ): Promise<void> {
      await events.write(workspaceId, actorId, async (tx, record) => {
        const found = await tx.workflowState.findUnique({
          where: stateIn(stateId, workspaceId),
          select: { projectId: true },
        });
        if (!found) throw notFound();
        // Deletions of the project's states take turns, and with task creations in it (they update the project's
        // counter); placements in this state finish first, so the counts below are final (PT-2.4).
        await lockProjectOrder(tx, found.projectId);
        await lockStateOrder(tx, stateId);
        const state = await tx.workflowState.findUnique({
          where: stateIn(stateId, workspaceId),
          include: { _count: { select: { tasks: true } } },
        });
        if (!state) throw notFound();
        if ((await tx.workflowState.count({ where: { projectId: state.projectId } })) === 1) {
          throw conflict('A project needs at least one state.');
        }
        if (state._count.tasks > 0) {
          const path = ['input', 'moveTasksToStateId'];
          if (!moveTasksToStateId)
            throw conflict('Tasks use this state. Choose where to move them.', [
              { path, message: 'Choose a state for its tasks.' },
            ]);
          const target = await tx.workflowState.findUnique({ where: { id: moveTasksToStateId } });
          if (!target || target.projectId !== state.projectId || target.id === state.id) {
            throw badUserInput([{ path, message: 'Choose another state of the same project.' }]);
          }
          // Appended in turn with other placements in the target column (PT-3.9).
          await lockStateOrder(tx, target.id);
          const last = await tx.task.findFirst({ where: { stateId: target.id }, orderBy: { position: 'desc' } });
          const moving = await tx.task.findMany({
            where: { stateId },
            orderBy: { position: 'asc' },
            select: { id: true },
          });
          let previous = last?.position ?? null;
          // Entering a finished state sets the completion time, leaving one clears it (PT-3.4).
          const wasClosed = closedCategories.has(state.category);
          const completion = closedCategories.has(target.category)
            ? wasClosed
              ? {}
              : { completedAt: clock.now() }
            : { completedAt: null };
          for (const task of moving) {
            previous = positionBetween(previous, null);
            const moved = await tx.task.update({
              where: { id: task.id },
              data: { stateId: target.id, position: previous, ...completion, version: { increment: 1 } },
              select: { version: true },
            });
            // Each task moved with the state is an event of its own (RT-1.7).
            record({
              kind: 'TASK_MOVED',
              entityId: task.id,
              version: moved.version,
              payload: { projectId: state.projectId, fromStateId: stateId, toStateId: target.id },
            });
          }
        }
        const deleted = await tx.workflowState.delete({ where: stateIn(stateId, workspaceId) });
        record({
          kind: 'STATE_DELETED',
          entityId: deleted.id,
          version: deleted.version + 1,
          payload: { projectId: deleted.projectId },
        });
      });
    },
  };
}

export type ProjectService = ReturnType<typeof createProjectService>;
