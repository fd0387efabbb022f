// A project's board for tests of the board page over the fake API: its answer to ProjectBoard, its tasks and states,
// and how a test reads the board on screen (columns, their cards and counts).
import { screen, within } from '@solidjs/testing-library';

/** jsdom has no layout observers; @dnd-kit needs them to exist (its sensors go unused: cards move by keyboard). */
export function stubLayoutObservers(): void {
  class NoLayoutObserver implements ResizeObserver, IntersectionObserver {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
    takeRecords(): IntersectionObserverEntry[] {
      return [];
    }
    readonly root = null;
    readonly rootMargin = '';
    readonly scrollMargin = '';
    readonly thresholds: readonly number[] = [];
  }
  globalThis.ResizeObserver ??= NoLayoutObserver;
  globalThis.IntersectionObserver ??= NoLayoutObserver;
}

/** A task as a board card shows it, at version 1 unless told. */
export const boardTask = (id: string, key: string, title: string, position: string, version = 1) => ({
  __typename: 'Task',
  id,
  version,
  position,
  key,
  title,
  priority: 'NONE',
  dueDate: null,
  commentCount: 0,
  assignee: null,
  labels: [],
});

export type BoardTask = ReturnType<typeof boardTask>;

export const boardState = (id: string, name: string, category: string, tasks: readonly BoardTask[]) => ({
  __typename: 'WorkflowState',
  id,
  name,
  category,
  color: '#8b8d98',
  taskCount: tasks.length,
  tasks: {
    __typename: 'WorkflowStateTasksConnection',
    pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
    nodes: tasks,
  },
});

/** The answer to ProjectBoard: project p1 of workspace w1, whose viewer may write, with these columns. */
export const projectBoard = (states: readonly ReturnType<typeof boardState>[]) => ({
  project: {
    __typename: 'Project',
    id: 'p1',
    workspace: {
      __typename: 'Workspace',
      id: 'w1',
      viewerCan: { __typename: 'WorkspacePermissions', writeContent: true },
    },
    states,
  },
});

/** A column by its state's name. */
export function column(name: string): HTMLElement {
  const section = screen.getByText(name, { selector: '.board-column-name' }).closest('section');
  if (!section) throw new Error(`No column ${name}.`);
  return section;
}

/** The column's count as its heading shows it, e.g. "2 tasks". */
export const countOf = (name: string): string | null | undefined =>
  column(name).querySelector('h2 .count')?.textContent;

/** The keys of the column's cards, in order. */
export const cardsIn = (name: string): string[] =>
  within(column(name))
    .queryAllByRole('link')
    .map((link) => link.querySelector('.task-key')?.textContent ?? '');
