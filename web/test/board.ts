// A project's board for tests of the board page over the fake API: its answer to ProjectBoard, its tasks and states,
// and how a test reads the board on screen (columns, their cards and counts).
import { screen, within } from '@solidjs/testing-library';

/**
 * jsdom has no layout observers; @dnd-kit needs them to exist. Its sensors only take presses here: jsdom lays nothing
 * out and animates nothing, so cards move by keyboard (drags are the browser journeys').
 */
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

/**
 * jsdom lays nothing out, so a virtualised column (WEB-6.1) would render no card: each column's scrolling box is
 * given `columnHeight` px (and scrolls as far as its list is tall) and each card `cardHeight` px, as a browser would
 * measure them, and scrolling an element
 * (`scrollTo`, which jsdom lacks) sets its `scrollTop` and tells it so. Returns the undoing.
 */
export function stubBoardLayout(columnHeight = 600, cardHeight = 96): () => void {
  const scrollTo = Object.getOwnPropertyDescriptor(Element.prototype, 'scrollTo');
  Object.defineProperty(Element.prototype, 'scrollTo', {
    configurable: true,
    writable: true,
    value(this: Element, options?: ScrollToOptions) {
      if (typeof options?.top === 'number') this.scrollTop = options.top;
      this.dispatchEvent(new Event('scroll'));
    },
  });
  const clientHeight = Object.getOwnPropertyDescriptor(Element.prototype, 'clientHeight');
  const offsetHeight = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'offsetHeight');
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
    configurable: true,
    get(this: HTMLElement) {
      return this.classList.contains('board-column-body') ? columnHeight : (clientHeight?.get?.call(this) ?? 0);
    },
  });
  // A column scrolls as far as its list is tall (the virtualiser sets that height).
  Object.defineProperty(HTMLElement.prototype, 'scrollHeight', {
    configurable: true,
    get(this: HTMLElement) {
      if (!this.classList.contains('board-column-body')) return 0;
      return Math.max(
        Number.parseFloat(this.querySelector<HTMLElement>('.board-cards')?.style.height ?? '') || 0,
        columnHeight,
      );
    },
  });
  Object.defineProperty(HTMLElement.prototype, 'offsetHeight', {
    configurable: true,
    get(this: HTMLElement) {
      return this.classList.contains('task-card-item') ? cardHeight : (offsetHeight?.get?.call(this) ?? 0);
    },
  });
  return () => {
    if (scrollTo) Object.defineProperty(Element.prototype, 'scrollTo', scrollTo);
    else Reflect.deleteProperty(Element.prototype, 'scrollTo');
    Reflect.deleteProperty(HTMLElement.prototype, 'clientHeight');
    Reflect.deleteProperty(HTMLElement.prototype, 'scrollHeight');
    if (offsetHeight) Object.defineProperty(HTMLElement.prototype, 'offsetHeight', offsetHeight);
  };
}

/** The scrolling box of a column's cards. */
export function columnBody(name: string): HTMLElement {
  const body = column(name).querySelector<HTMLElement>('.board-column-body');
  if (!body) throw new Error(`No scrolling box in ${name}.`);
  return body;
}

/** Scrolls a column's cards to `top` px, as a user would. */
export function scrollColumn(name: string, top: number): void {
  const body = columnBody(name);
  body.scrollTop = top;
  body.dispatchEvent(new Event('scroll'));
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

/** A column holding `tasks`; with `more`, the column has that many tasks past them, on pages after `endCursor`. */
export const boardState = (
  id: string,
  name: string,
  category: string,
  tasks: readonly BoardTask[],
  more?: { readonly count: number; readonly endCursor: string },
) => ({
  __typename: 'WorkflowState',
  id,
  name,
  category,
  color: '#8b8d98',
  taskCount: tasks.length + (more?.count ?? 0),
  tasks: {
    __typename: 'WorkflowStateTasksConnection',
    totalCount: tasks.length + (more?.count ?? 0),
    pageInfo: { __typename: 'PageInfo', hasNextPage: more !== undefined, endCursor: more?.endCursor ?? null },
    nodes: tasks,
  },
});

const noPage = { __typename: 'PageInfo', hasNextPage: false, endCursor: null };

/**
 * The answer to ProjectBoard: project p1 of workspace w1, whose viewer may write, with these columns; it answers
 * BoardFilterChoices too (a workspace without labels, its only member the viewer).
 */
export const projectBoard = (states: readonly ReturnType<typeof boardState>[]) => ({
  project: {
    __typename: 'Project',
    id: 'p1',
    workspace: {
      __typename: 'Workspace',
      id: 'w1',
      viewerCan: { __typename: 'WorkspacePermissions', writeContent: true },
      labels: [],
      members: {
        __typename: 'WorkspaceMembersConnection',
        pageInfo: noPage,
        nodes: [{ __typename: 'Membership', id: 'm1', user: { __typename: 'User', id: 'u1', name: 'Ada Lovelace' } }],
      },
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

/** The requests a board sent but the one for its filters' choices (BoardFilterChoices), which loads beside it. */
export const boardRequests = (requests: readonly string[]): string[] =>
  requests.filter((name) => name !== 'BoardFilterChoices');
