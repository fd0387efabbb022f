// Tasks: create (with a per-project number), change, move on the board, delete; every change is
// recorded in the task's activity in the same transaction. Rules and Prisma calls; no GraphQL.

import { z } from 'zod';
import type { Db, DbTransaction } from '../../db/database.ts';
import type { Prisma, Task } from '../../generated/prisma/client.ts';
import { StateCategory } from '../../generated/prisma/enums.ts';
import type { Clock } from '../../shared/clock.ts';
import { badUserInput, throwNotFound } from '../../shared/errors.ts';
import { type Positioned, positionBetween, untied } from '../../shared/ordering.ts';
import { keepWorkspace, lockStateOrder, lockTask } from '../../shared/row-locks.ts';
import { parseInput } from '../../shared/validation.ts';
import { taskFields } from '../events/event-kinds.ts';
import type { EventLog } from '../events/event-log.ts';
import { assertMemberReference } from '../workspaces/member-references.ts';
import { type ActivityValue, changedFields } from './activity.ts';
import { type TaskPriority, taskFieldsInput } from './inputs.ts';

type Tx = DbTransaction;

/** Fields a client may set; undefined leaves a field as it is, null clears a nullable one. */
export interface TaskChanges {
  title?: string | undefined;
  description?: string | undefined;
  priority?: TaskPriority | undefined;
  dueDate?: Date | null | undefined;
  stateId?: string | undefined;
  assigneeId?: string | null | undefined;
  labelIds?: string[] | undefined;
}

export interface TaskPlacement {
  stateId: string;
  afterId?: string | null | undefined;
  beforeId?: string | null | undefined;
}

/** The categories of a task that is finished: it carries a completion time while in one of them. */
export const closedCategories: ReadonlySet<StateCategory> = new Set([StateCategory.COMPLETED, StateCategory.CANCELED]);

const withDisplay = {
  state: { select: { id: true, name: true, category: true } },
  assignee: { select: { id: true, name: true } },
  labels: { select: { id: true, name: true }, orderBy: { name: 'asc' } },
} satisfies Prisma.TaskInclude;

type TaskWithDisplay = Prisma.TaskGetPayload<{ include: typeof withDisplay }>;

/** The tracked fields of a task as activity shows them. */
function displayValues(task: TaskWithDisplay): Record<string, ActivityValue> {
  return {
    title: task.title,
    description: task.description,
    priority: task.priority,
    dueDate: task.dueDate?.toISOString().slice(0, 10) ?? null,
    state: { id: task.state.id, name: task.state.name },
    assignee: task.assignee ? { id: task.assignee.id, name: task.assignee.name } : null,
    labels: task.labels.map((label) => label.name),
  };
}

async function assertState(tx: Tx, projectId: string, stateId: string, path: string[]) {
  const state = await tx.workflowState.findUnique({ where: { id: stateId } });
  if (!state || state.projectId !== projectId) {
    throw badUserInput([{ path, message: 'Choose a state of this task’s project.' }]);
  }
  return state;
}

/**
 * Makes `labelIds` the task's labels in two statements on Prisma's implicit many-to-many table (A: label, B: task),
 * where `labels: { set }` reads the current links, deletes and inserts them one statement each (PT-9.4).
 */
async function setLabels(tx: Tx, taskId: string, labelIds: string[]): Promise<void> {
  await tx.$executeRaw`DELETE FROM "_LabelToTask" WHERE "B" = ${taskId}::uuid AND "A" <> ALL(${labelIds}::uuid[])`;
  await tx.$executeRaw`INSERT INTO "_LabelToTask" ("A", "B")
    SELECT label, ${taskId}::uuid FROM unnest(${labelIds}::uuid[]) AS label ON CONFLICT DO NOTHING`;
}

/**
 * The labels, in name order, once each is known to be of the workspace; held in key-share mode until the
 * transaction ends, so that a label deleted meanwhile waits for the links written to it (WS-5.11).
 */
async function assertLabels(tx: Tx, workspaceId: string, labelIds: string[], path: string[]) {
  const found = await tx.$queryRaw<{ id: string; name: string }[]>`SELECT "id", "name" FROM "Label"
    WHERE "id" = ANY(${labelIds}::uuid[]) AND "workspaceId" = ${workspaceId}::uuid
    ORDER BY "name" FOR KEY SHARE`;
  if (found.length !== new Set(labelIds).size)
    throw badUserInput([{ path, message: 'Choose labels of this workspace.' }]);
  return found;
}

/**
 * The position between two tasks of a state (either may be absent: the end of the column). Locks the state
 * first, so that concurrent placements in one column take turns and read committed neighbours (PT-3.9).
 */
async function positionIn(tx: Tx, placement: TaskPlacement, movingId: string | undefined): Promise<string> {
  await lockStateOrder(tx, placement.stateId);
  return positionInLockedState(tx, placement, movingId);
}

/**
 * `positionIn` for a caller that already holds the state's lock (a move takes it with its reads, PT-9.7): the
 * neighbours are read after it, in statements of their own, so that they are the ones the previous holder committed.
 */
async function positionInLockedState(tx: Tx, placement: TaskPlacement, movingId: string | undefined): Promise<string> {
  const { stateId } = placement;
  // The neighbours given, both in one statement (a drop between two cards names both, PT-9.7).
  const given = [placement.afterId, placement.beforeId].filter((id) => typeof id === 'string');
  const neighbours =
    given.length === 0
      ? []
      : await tx.task.findMany({ where: { id: { in: given } }, select: { id: true, stateId: true, position: true } });
  const neighbour = (id: string | null | undefined, field: string) => {
    if (!id) return undefined;
    const task = neighbours.find((each) => each.id === id);
    if (!task || task.stateId !== stateId || id === movingId) {
      throw badUserInput([{ path: ['input', field], message: 'Choose a task of the target state.' }]);
    }
    return task;
  };
  const after = neighbour(placement.afterId, 'afterId');
  const before = neighbour(placement.beforeId, 'beforeId');
  /** The closest task before or after a position, the moving one aside. */
  const next = async (position: string, direction: 'asc' | 'desc'): Promise<Positioned | undefined> =>
    (await tx.task.findFirst({
      where: { stateId, id: { not: movingId }, position: direction === 'asc' ? { gt: position } : { lt: position } },
      orderBy: { position: direction },
      select: { id: true, position: true },
    })) ?? undefined;
  /** The anchor's position once the tasks sharing it (ties written before PT-3.9) are spread apart (PT-3.10). */
  const untiedPosition = async (anchor: Positioned): Promise<string> => {
    const tied = await tx.task.findMany({
      where: { stateId, position: anchor.position, id: { not: movingId } },
      orderBy: { id: 'asc' },
      select: { id: true, position: true },
    });
    if (tied.length < 2) return anchor.position;
    const around = [await next(anchor.position, 'desc'), ...tied, await next(anchor.position, 'asc')];
    const changes = untied(around.filter((task) => task !== undefined));
    for (const change of changes)
      await tx.task.update({ where: { id: change.id }, data: { position: change.position } });
    return changes.find((change) => change.id === anchor.id)?.position ?? anchor.position;
  };
  /**
   * The anchor's position and the closest task past it in `direction`, in one read when nothing shares the anchor's
   * position (the anchor and the next one come first); otherwise the tie is repaired first.
   */
  const besideAnchor = async (anchor: Positioned, direction: 'asc' | 'desc') => {
    const [first, second] = await tx.task.findMany({
      where: {
        stateId,
        id: { not: movingId },
        position: direction === 'asc' ? { gte: anchor.position } : { lte: anchor.position },
      },
      orderBy: [{ position: direction }, { id: direction }],
      take: 2,
      select: { id: true, position: true },
    });
    if (first?.position === anchor.position && second?.position !== anchor.position) {
      return { position: anchor.position, next: second?.position };
    }
    const position = await untiedPosition(anchor);
    return { position, next: (await next(position, direction))?.position };
  };
  // With both, `afterId` decides and its actual successor is the other neighbour: the client's view may be
  // stale (someone moved a task in between) or reversed, and a key between non-neighbours could equal one
  // between them.
  if (after) {
    const { position, next: successor } = await besideAnchor(after, 'asc');
    return positionBetween(position, successor);
  }
  if (before) {
    const { position, next: predecessor } = await besideAnchor(before, 'desc');
    return positionBetween(predecessor, position);
  }
  const last = await tx.task.findFirst({
    where: { stateId, id: { not: movingId } },
    orderBy: { position: 'desc' },
    select: { position: true },
  });
  return positionBetween(last?.position, null);
}

/** A state as a move reads it: what activity shows of it and what decides the completion time. */
interface MovedState {
  id: string;
  name: string;
  category: StateCategory;
}

/** The target state of a move, and the state the task was in when the move began: a row as read, checked. */
const moveTargetRow = z.object({
  id: z.string(),
  name: z.string(),
  category: z.enum(StateCategory),
  fromId: z.string(),
  fromName: z.string(),
  fromCategory: z.enum(StateCategory),
});
type MoveTarget = z.infer<typeof moveTargetRow>;

/** What a move replaces, as the task's locking read returns it. */
const movedTaskRow = z.object({ stateId: z.string(), completedAt: z.date().nullable() });

/**
 * Locks a move's target state (its column: placements there take turns, PT-3.9) and reads it with the state the
 * task is in, in one statement (PT-9.7); nothing when the task is not in the workspace or the state is not of its
 * project, so no other project's or tenant's state is ever locked. Under READ COMMITTED the locked row is returned
 * as last committed; the task and the state it is in as the statement's snapshot had them. The task's project never
 * changes, its state may have (a move committed since), which `lockMovedTask` tells.
 */
async function lockMoveTarget(
  tx: Tx,
  workspaceId: string,
  taskId: string,
  stateId: string,
): Promise<MoveTarget | undefined> {
  const rows = await tx.$queryRaw<unknown[]>`
    SELECT target."id", target."name", target."category"::text AS "category",
      source."id" AS "fromId", source."name" AS "fromName", source."category"::text AS "fromCategory"
    FROM "WorkflowState" target
      JOIN "Task" task ON task."projectId" = target."projectId"
      JOIN "WorkflowState" source ON source."id" = task."stateId"
    WHERE target."id" = ${stateId}::uuid AND task."id" = ${taskId}::uuid AND task."workspaceId" = ${workspaceId}::uuid
    FOR NO KEY UPDATE OF target`;
  const [target] = z.array(moveTargetRow).parse(rows);
  return target;
}

/**
 * Locks a task being moved, after its target state (the order of `row-locks.ts`), and reads what the move replaces
 * in the same statement: changes to the task take turns from here, so this is the task as the previous one left it
 * (PT-6.2). Nothing when the task was deleted meanwhile.
 */
async function lockMovedTask(
  tx: Tx,
  workspaceId: string,
  taskId: string,
): Promise<z.infer<typeof movedTaskRow> | undefined> {
  const rows = await tx.$queryRaw<unknown[]>`
    SELECT "stateId", "completedAt" FROM "Task" WHERE "id" = ${taskId}::uuid AND "workspaceId" = ${workspaceId}::uuid
    FOR NO KEY UPDATE`;
  const [task] = z.array(movedTaskRow).parse(rows);
  return task;
}

/** The tracked fields whose values differ, as a TASK_UPDATED event names them. */
function changedTaskFields(before: Record<string, ActivityValue>, after: Record<string, ActivityValue>) {
  const changed = new Set(changedFields(before, after).map((change) => change.field));
  return taskFields.filter((field) => changed.has(field));
}

export function createTaskService({ db, clock, events }: { db: Db; clock: Clock; events: EventLog }) {
  /** completedAt when moving from `from` (undefined: a new task) to `to`. */
  const completedAtFor = (from: StateCategory | undefined, to: StateCategory, current: Date | null) => {
    if (!closedCategories.has(to)) return null;
    return from !== undefined && closedCategories.has(from) ? current : clock.now();
  };

  /** Writes the activity of a change from `before` to `after` (the task's values as activity shows them). */
  async function record(
    tx: Tx,
    taskId: string,
    actorId: string,
    before: Record<string, ActivityValue>,
    after: Record<string, ActivityValue>,
  ) {
    const rows = changedFields(before, after).map((change) => ({
      taskId,
      actorId,
      kind: 'CHANGED' as const,
      field: change.field,
      from: change.from ?? undefined,
      to: change.to ?? undefined,
      createdAt: clock.now(),
    }));
    const [only] = rows;
    // One change (every move, most edits) through `create`, whose query plan Prisma keeps: it compiles every
    // `createMany` anew, 5 % of the API's CPU under moves (PT-9.8).
    if (rows.length === 1 && only) await tx.taskActivity.create({ data: only, select: { id: true } });
    else if (rows.length > 1) await tx.taskActivity.createMany({ data: rows });
  }

  return {
    async workspaceIdOfTask(taskId: string): Promise<string | undefined> {
      return (await db.task.findUnique({ where: { id: taskId }, select: { workspaceId: true } }))?.workspaceId;
    },

    /** Creates a task with the project's next number, last in its state; the project must be of `workspaceId`. */
    async create(actorId: string, workspaceId: string, projectId: string, changes: TaskChanges): Promise<Task> {
      const fields = parseInput(taskFieldsInput.partial().required({ title: true }), {
        title: changes.title,
        description: changes.description,
        priority: changes.priority,
        dueDate: changes.dueDate,
      });
      return events.write(workspaceId, actorId, async (tx, recordEvent) => {
        // The workspace first, as a departure (PT-3.12) and a deletion (WS-5.12) take it before the project's row:
        // in share mode with the assignee's membership, else in key-share mode.
        await assertMemberReference(tx, workspaceId, changes.assigneeId, ['input', 'assigneeId']);
        if (!changes.assigneeId) await keepWorkspace(tx, workspaceId);
        // Incrementing the counter locks the project row: concurrent creations take turns.
        const project = await tx.project.update({
          where: { id: projectId, workspaceId },
          data: { taskCounter: { increment: 1 } },
          select: { taskCounter: true, workspaceId: true },
        });
        const state = changes.stateId
          ? await assertState(tx, projectId, changes.stateId, ['input', 'stateId'])
          : ((await tx.workflowState.findFirst({
              where: { projectId, category: StateCategory.UNSTARTED },
              orderBy: { position: 'asc' },
            })) ?? (await tx.workflowState.findFirstOrThrow({ where: { projectId }, orderBy: { position: 'asc' } })));
        if (changes.labelIds) await assertLabels(tx, project.workspaceId, changes.labelIds, ['input', 'labelIds']);
        const position = await positionIn(tx, { stateId: state.id }, undefined);
        const task = await tx.task.create({
          data: {
            ...fields,
            workspaceId: project.workspaceId,
            projectId,
            number: project.taskCounter,
            stateId: state.id,
            position,
            assigneeId: changes.assigneeId ?? null,
            creatorId: actorId,
            completedAt: completedAtFor(undefined, state.category, null),
            labels: changes.labelIds ? { connect: changes.labelIds.map((id) => ({ id })) } : undefined,
          },
        });
        await tx.taskActivity.create({ data: { taskId: task.id, actorId, kind: 'CREATED', createdAt: clock.now() } });
        recordEvent({
          kind: 'TASK_CREATED',
          entityId: task.id,
          version: task.version,
          payload: { projectId, stateId: state.id },
        });
        return task;
      });
    },

    /** Changes only the fields given, so concurrent edits of different fields both stick. */
    async update(actorId: string, workspaceId: string, taskId: string, changes: TaskChanges): Promise<Task> {
      const fields = parseInput(taskFieldsInput.partial(), {
        title: changes.title,
        description: changes.description,
        priority: changes.priority,
        dueDate: changes.dueDate,
      });
      return events.write(workspaceId, actorId, async (tx, recordEvent) => {
        // Locks in the order every writer takes them: the workspace's members, a state, the task.
        await assertMemberReference(tx, workspaceId, changes.assigneeId, ['input', 'assigneeId']);
        const current = await tx.task.findUniqueOrThrow({
          where: { id: taskId, workspaceId },
          select: { projectId: true, stateId: true },
        });
        const state = changes.stateId
          ? await assertState(tx, current.projectId, changes.stateId, ['input', 'stateId'])
          : undefined;
        const labels =
          changes.labelIds && (await assertLabels(tx, workspaceId, changes.labelIds, ['input', 'labelIds']));
        const position =
          state && state.id !== current.stateId ? await positionIn(tx, { stateId: state.id }, taskId) : undefined;
        // Changes to this task take turns from here, so `before` is what this change replaces (PT-6.2).
        await lockTask(tx, taskId);
        const before = await tx.task.findUniqueOrThrow({ where: { id: taskId, workspaceId }, include: withDisplay });
        const after = await tx.task.update({
          where: { id: taskId, workspaceId },
          data: {
            ...fields,
            version: { increment: 1 },
            ...(changes.assigneeId === undefined ? {} : { assigneeId: changes.assigneeId }),
            ...(state && position !== undefined
              ? {
                  stateId: state.id,
                  position,
                  completedAt: completedAtFor(before.state.category, state.category, before.completedAt),
                }
              : {}),
          },
          include: withDisplay,
        });
        if (changes.labelIds && labels) {
          await setLabels(tx, taskId, changes.labelIds);
          after.labels = labels;
        }
        const beforeValues = displayValues(before);
        const afterValues = displayValues(after);
        await record(tx, taskId, actorId, beforeValues, afterValues);
        recordEvent({
          kind: 'TASK_UPDATED',
          entityId: taskId,
          version: after.version,
          payload: { projectId: after.projectId, fields: changedTaskFields(beforeValues, afterValues) },
        });
        return after;
      });
    },

    /** Places the task in `stateId` between the given neighbours (last when none is given). */
    async move(actorId: string, workspaceId: string, taskId: string, placement: TaskPlacement): Promise<Task> {
      return events.write(workspaceId, actorId, async (tx, recordEvent) => {
        // Locks in the order every writer takes them: the target state, then the task; each with what the move
        // reads of it (PT-9.7). No target: the task is not in the workspace, or the state is not of its project.
        const target = await lockMoveTarget(tx, workspaceId, taskId, placement.stateId);
        if (!target) {
          await tx.task.findUniqueOrThrow({ where: { id: taskId, workspaceId }, select: { id: true } });
          throw badUserInput([{ path: ['input', 'stateId'], message: 'Choose a state of this task’s project.' }]);
        }
        const position = await positionInLockedState(tx, placement, taskId);
        const current = (await lockMovedTask(tx, workspaceId, taskId)) ?? throwNotFound();
        // The state read with the target's lock, unless a move committed since took the task elsewhere: then the
        // one it is in now, so that history records what this move replaced (PT-6.2).
        const from: MovedState =
          current.stateId === target.fromId
            ? { id: target.fromId, name: target.fromName, category: target.fromCategory }
            : current.stateId === target.id
              ? target
              : await tx.workflowState.findUniqueOrThrow({
                  where: { id: current.stateId },
                  select: { id: true, name: true, category: true },
                });
        const moved = await tx.task.update({
          where: { id: taskId, workspaceId },
          data: {
            stateId: target.id,
            position,
            completedAt: completedAtFor(from.category, target.category, current.completedAt),
            version: { increment: 1 },
          },
        });
        // Only the state changes among the values activity shows.
        await record(
          tx,
          taskId,
          actorId,
          { state: { id: from.id, name: from.name } },
          { state: { id: target.id, name: target.name } },
        );
        recordEvent({
          kind: 'TASK_MOVED',
          entityId: taskId,
          version: moved.version,
          payload: { projectId: moved.projectId, fromStateId: from.id, toStateId: target.id },
        });
        return moved;
      });
    },

    async delete(actorId: string, workspaceId: string, taskId: string): Promise<void> {
      await events.write(workspaceId, actorId, async (tx, recordEvent) => {
        const task = await tx.task.delete({
          where: { id: taskId, workspaceId },
          select: { id: true, version: true, projectId: true, stateId: true },
        });
        recordEvent({
          kind: 'TASK_DELETED',
          entityId: task.id,
          version: task.version + 1,
          payload: { projectId: task.projectId, stateId: task.stateId },
        });
      });
    },
  };
}

export type TaskService = ReturnType<typeof createTaskService>;
