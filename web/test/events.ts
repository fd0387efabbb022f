// Workspace events as the API streams them (Subscription.workspaceEvents), for tests of the live web app.
import type { BoardTask } from './board.ts';

export const todo = { __typename: 'WorkflowState', id: 'todo', name: 'Todo', category: 'UNSTARTED', color: '#8b8d98' };
export const doing = {
  __typename: 'WorkflowState',
  id: 'doing',
  name: 'In Progress',
  category: 'STARTED',
  color: '#ffc53d',
};
export const grace = { __typename: 'User', id: 'u2', name: 'Grace Hopper' };

/** A task as an event carries it: what the board, the list and the task page show of it. */
export const liveTask = (task: BoardTask, state: typeof todo, changes: Record<string, unknown> = {}) => ({
  ...task,
  description: '',
  completedAt: null,
  updatedAt: '2026-11-29T10:00:00.000Z',
  state,
  ...changes,
});

/** One result of the subscription: an event of type `typename` at `cursor`, with its fields. */
export const workspaceEvent = (typename: string, cursor: string, fields: Record<string, unknown>) => ({
  workspaceEvents: { __typename: typename, cursor, ...fields },
});

/** Grace Hopper's change of `changes` (e.g. a title) to `task`, in `state`, leaving it at `version`. */
export const taskUpdated = (
  cursor: string,
  task: BoardTask,
  state: typeof todo,
  changes: Record<string, unknown>,
  version = task.version + 1,
) =>
  workspaceEvent('TaskUpdated', cursor, {
    version,
    fields: Object.keys(changes),
    actor: grace,
    task: liveTask({ ...task, version }, state, changes),
  });

/** `task` moved to `state` at `position`, leaving it at `version`. */
export const taskMoved = (cursor: string, task: BoardTask, state: typeof todo, position: string, version = 2) =>
  workspaceEvent('TaskMoved', cursor, { version, task: liveTask({ ...task, version, position }, state) });
