// The board's optimistic move: the real app client (normalised cache, optimistic layer) over a fake API.
import { cleanup, fireEvent, screen, waitFor, within } from '@solidjs/testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, Refusal } from '../../../test/fake-api.ts';
import { renderPage, visitorClient } from '../../../test/render-page.tsx';
import BoardPage from './BoardPage.tsx';

// jsdom has no layout observers; @dnd-kit needs them to exist (its sensors go unused: cards move by keyboard).
vi.hoisted(() => {
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
});

const task = (id: string, key: string, title: string) => ({
  __typename: 'Task',
  id,
  key,
  title,
  priority: 'NONE',
  dueDate: null,
  commentCount: 0,
  assignee: null,
  labels: [],
});

const state = (id: string, name: string, category: string, tasks: readonly ReturnType<typeof task>[]) => ({
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

/** Launch plan: Todo holds LP-1 and LP-2, In Progress is empty. */
const board = {
  project: {
    __typename: 'Project',
    id: 'p1',
    workspace: {
      __typename: 'Workspace',
      id: 'w1',
      viewerCan: { __typename: 'WorkspacePermissions', writeContent: true },
    },
    states: [
      state('todo', 'Todo', 'UNSTARTED', [task('t1', 'LP-1', 'Book the venue'), task('t2', 'LP-2', 'Order the cake')]),
      state('doing', 'In Progress', 'STARTED', []),
    ],
  },
};

/** A column by its state's name. */
function column(name: string): HTMLElement {
  const section = screen.getByText(name, { selector: '.board-column-name' }).closest('section');
  if (!section) throw new Error(`No column ${name}.`);
  return section;
}

/** The column's count as its heading shows it, e.g. "2 tasks". */
const countOf = (name: string): string | null | undefined => column(name).querySelector('h2 .count')?.textContent;
const cardsIn = (name: string): string[] =>
  within(column(name))
    .queryAllByRole('link')
    .map((link) => link.querySelector('.task-key')?.textContent ?? '');

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('moving a card on the board', () => {
  it('PT-8.4 shows the move at once, and puts the card back with a message when the server refuses it', async () => {
    const answer = Promise.withResolvers<unknown>();
    const { fetch, requests } = fakeApi((operationName) => (operationName === 'MoveTask' ? answer.promise : board));
    vi.stubGlobal('fetch', fetch);
    renderPage({ path: '/:slug/projects/:key', url: '/acme/projects/LP', page: BoardPage, client: visitorClient() });
    await waitFor(() => expect(cardsIn('Todo')).toEqual(['LP-1', 'LP-2']));
    expect(cardsIn('In Progress')).toEqual([]);

    const card = within(column('Todo')).getByRole('link', { name: /LP-1/ });
    fireEvent.keyDown(card, { key: 'ArrowRight', altKey: true });

    // Before the server answers, the cache already holds the move: the card and the counts have changed.
    await waitFor(() => expect(cardsIn('In Progress')).toEqual(['LP-1']));
    expect(cardsIn('Todo')).toEqual(['LP-2']);
    expect(countOf('Todo')).toBe('1 task');
    expect(countOf('In Progress')).toBe('1 task');
    await waitFor(() => expect(requests).toEqual(['ProjectBoard', 'MoveTask']));
    expect(screen.queryByRole('alert')).toBeNull();

    answer.resolve(new Refusal('You are not allowed to do this.', 'FORBIDDEN'));

    // The refusal drops the optimistic layer: the board is the server's again, without fetching it anew.
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Could not move LP-1: You are not allowed to do this. It is back in Todo.');
    expect(cardsIn('Todo')).toEqual(['LP-1', 'LP-2']);
    expect(cardsIn('In Progress')).toEqual([]);
    expect(countOf('Todo')).toBe('2 tasks');
    expect(countOf('In Progress')).toBe('0 tasks');
    expect(requests).toEqual(['ProjectBoard', 'MoveTask']);

    fireEvent.click(within(alert).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
