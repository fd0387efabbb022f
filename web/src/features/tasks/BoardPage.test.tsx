// The board's optimistic move: the real app client (normalised cache, optimistic layer) over a fake API.
import { cleanup, fireEvent, screen, waitFor, within } from '@solidjs/testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  boardRequests,
  boardState,
  boardTask,
  cardsIn,
  column,
  columnBody,
  countOf,
  projectBoard,
  scrollColumn,
  stubBoardLayout,
} from '../../../test/board.ts';
import { fakeApi, Refusal } from '../../../test/fake-api.ts';
import { renderPage, visitorClient } from '../../../test/render-page.tsx';
import BoardPage from './BoardPage.tsx';

// jsdom has no layout observers; @dnd-kit needs them to exist as its modules load (when a card is first pressed).
await vi.hoisted(async () => (await import('../../../test/board.ts')).stubLayoutObservers());
/** The height of a card (as estimated before it is measured: offsets are the same before and after). */
const cardHeight = 96;
// A column 600 px tall and cards 96 px tall, as a browser would lay them out (the columns are virtualised).
stubBoardLayout(600, cardHeight);

/** Launch plan: Todo holds LP-1 and LP-2, In Progress is empty. */
const board = projectBoard([
  boardState('todo', 'Todo', 'UNSTARTED', [
    boardTask('t1', 'LP-1', 'Book the venue', 'a0'),
    boardTask('t2', 'LP-2', 'Order the cake', 'a1'),
  ]),
  boardState('doing', 'In Progress', 'STARTED', []),
]);

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
    await waitFor(() => expect(boardRequests(requests)).toEqual(['ProjectBoard', 'MoveTask']));
    expect(screen.queryByRole('alert')).toBeNull();

    answer.resolve(new Refusal('You are not allowed to do this.', 'FORBIDDEN'));

    // The refusal drops the optimistic layer: the board is the server's again, without fetching it anew.
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Could not move LP-1: You are not allowed to do this. It is back in Todo.');
    expect(cardsIn('Todo')).toEqual(['LP-1', 'LP-2']);
    expect(cardsIn('In Progress')).toEqual([]);
    expect(countOf('Todo')).toBe('2 tasks');
    expect(countOf('In Progress')).toBe('0 tasks');
    expect(boardRequests(requests)).toEqual(['ProjectBoard', 'MoveTask']);

    fireEvent.click(within(alert).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

describe('adding tasks from a column', () => {
  it('PT-8.6 RT-7.1 keeps typing while a task is created: the next title is kept, and the tasks are created in the order typed', async () => {
    const answers: PromiseWithResolvers<unknown>[] = [];
    const titles: unknown[] = [];
    const { fetch, requests } = fakeApi((operationName, variables) => {
      if (operationName !== 'CreateTask') return board;
      const input = variables.input;
      titles.push(typeof input === 'object' && input !== null && 'title' in input ? input.title : undefined);
      const answer = Promise.withResolvers<unknown>();
      answers.push(answer);
      return answer.promise;
    });
    vi.stubGlobal('fetch', fetch);
    renderPage({ path: '/:slug/projects/:key', url: '/acme/projects/LP', page: BoardPage, client: visitorClient() });
    await waitFor(() => expect(cardsIn('Todo')).toEqual(['LP-1', 'LP-2']));
    const open = within(column('Todo'))
      .getAllByRole('button')
      .find((button) => button.textContent?.includes('Add task'));
    if (!open) throw new Error('no Add task button');
    fireEvent.click(open);
    const field = await screen.findByLabelText('New task in Todo');
    if (!(field instanceof HTMLInputElement)) throw new Error('no title field');
    const add = (title: string) => {
      fireEvent.input(field, { target: { value: title } });
      fireEvent.submit(field.form ?? field);
    };
    add('Hire the band');
    // Typed on before the first creation is answered: nothing is lost, nothing is sent twice.
    expect(field.value).toBe('');
    add('Print the tickets');
    expect(field.value).toBe('');
    await waitFor(() => expect(titles).toEqual(['Hire the band']));
    answers[0]?.resolve({
      createTask: {
        ...boardTask('t3', 'LP-3', 'Hire the band', 'a2'),
        state: { __typename: 'WorkflowState', id: 'todo', name: 'Todo' },
      },
    });
    await waitFor(() => expect(titles).toEqual(['Hire the band', 'Print the tickets']));
    answers[1]?.resolve({
      createTask: {
        ...boardTask('t4', 'LP-4', 'Print the tickets', 'a3'),
        state: { __typename: 'WorkflowState', id: 'todo', name: 'Todo' },
      },
    });
    await waitFor(() => expect(cardsIn('Todo')).toEqual(['LP-1', 'LP-2', 'LP-3', 'LP-4']));
    expect(requests.filter((name) => name === 'CreateTask')).toHaveLength(2);
  });
});

describe('the board’s density', () => {
  afterEach(() => localStorage.clear());

  it('WEB-5.3 switches to compact cards and opens the next board compact, as this browser remembers', async () => {
    const { fetch } = fakeApi(() => board);
    vi.stubGlobal('fetch', fetch);
    const open = () =>
      renderPage({ path: '/:slug/projects/:key', url: '/acme/projects/LP', page: BoardPage, client: visitorClient() });
    const boardElement = () => column('Todo').closest('.board');
    open();
    await waitFor(() => expect(cardsIn('Todo')).toEqual(['LP-1', 'LP-2']));
    const compact = screen.getByRole('button', { name: 'Compact' });
    expect(compact.getAttribute('aria-pressed')).toBe('false');
    expect(boardElement()?.classList.contains('board-compact')).toBe(false);

    fireEvent.click(compact);
    expect(compact.getAttribute('aria-pressed')).toBe('true');
    expect(boardElement()?.classList.contains('board-compact')).toBe(true);

    cleanup();
    open();
    await waitFor(() => expect(cardsIn('Todo')).toEqual(['LP-1', 'LP-2']));
    expect(screen.getByRole('button', { name: 'Compact' }).getAttribute('aria-pressed')).toBe('true');
    expect(boardElement()?.classList.contains('board-compact')).toBe(true);

    fireEvent.click(screen.getByRole('button', { name: 'Compact' }));
    cleanup();
    open();
    await waitFor(() => expect(cardsIn('Todo')).toEqual(['LP-1', 'LP-2']));
    expect(screen.getByRole('button', { name: 'Compact' }).getAttribute('aria-pressed')).toBe('false');
  });
});

/** `count` tasks of a column, numbered from `first`: keys LP-<n>, titles "<name> <n>", in board order. */
const tasksOf = (prefix: string, name: string, count: number, first = 1) =>
  Array.from({ length: count }, (_, index) => {
    const number = first + index;
    return boardTask(`${prefix}${number}`, `LP-${number}`, `${name} ${number}`, `a${String(number).padStart(4, '0')}`);
  });

/** The answer to a successful MoveTask, for the variables it was sent with. */
const movedAnswer = (variables: Record<string, unknown>) => {
  const input = (variables.input ?? {}) as { id?: string; stateId?: string };
  return {
    moveTask: {
      __typename: 'Task',
      id: input.id,
      version: 2,
      position: 'b0',
      state: { __typename: 'WorkflowState', id: input.stateId },
    },
  };
};

const openBoard = (url = '/acme/projects/LP') =>
  renderPage({ path: '/:slug/projects/:key', url, page: BoardPage, client: visitorClient() });

/** The live region's words. */
const announced = (): string => document.querySelector('.board-view > [aria-live]')?.textContent ?? '';

describe('a column of many cards', () => {
  it('WEB-6.1, WEB-6.2 renders only the cards in and near view, and asks for the next page as its end comes into view', async () => {
    const pages: unknown[] = [];
    const { fetch, requests } = fakeApi((operationName, variables) => {
      if (operationName === 'BoardColumnPage') {
        pages.push(variables);
        return {
          node: {
            __typename: 'WorkflowState',
            id: 'todo',
            tasks: {
              __typename: 'WorkflowStateTasksConnection',
              pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: 'c120' },
              nodes: tasksOf('t', 'Todo', 20, 101),
            },
          },
        };
      }
      return projectBoard([
        boardState('todo', 'Todo', 'UNSTARTED', tasksOf('t', 'Todo', 100), { count: 20, endCursor: 'c100' }),
        boardState('doing', 'In Progress', 'STARTED', []),
      ]);
    });
    vi.stubGlobal('fetch', fetch);
    openBoard();
    // A column 600 px tall shows 7 cards of 96 px; 3 more are rendered beyond its edge.
    await waitFor(() => expect(cardsIn('Todo')).toEqual(tasksOf('t', 'Todo', 10).map((task) => task.key)));
    expect(countOf('Todo')).toBe('120 tasks');
    // The list is as tall as every card loaded, so the scroll bar tells the truth.
    expect(column('Todo').querySelector('ul')?.style.height).toBe(`${100 * cardHeight}px`);

    // Half way down: the cards there, and no next page yet.
    scrollColumn('Todo', 50 * cardHeight);
    await waitFor(() => expect(cardsIn('Todo')[0]).toBe('LP-48'));
    expect(cardsIn('Todo')).toContain('LP-57');
    expect(cardsIn('Todo')).not.toContain('LP-1');
    expect(requests).not.toContain('BoardColumnPage');

    // Near the end of the first page: the next one is asked for once, and joins the column.
    scrollColumn('Todo', 90 * cardHeight);
    await waitFor(() => expect(pages).toEqual([{ id: 'todo', after: 'c100' }]));
    await waitFor(() => expect(column('Todo').querySelector('ul')?.style.height).toBe(`${120 * cardHeight}px`));
    scrollColumn('Todo', 114 * cardHeight);
    await waitFor(() => expect(cardsIn('Todo').at(-1)).toBe('LP-120'));
    expect(pages).toHaveLength(1);
  });

  it('WEB-6.3 moves a card with Alt+arrow into a column scrolled elsewhere: the card is scrolled to and keeps focus, and the move is announced', async () => {
    const moves: unknown[] = [];
    const { fetch } = fakeApi((operationName, variables) => {
      if (operationName === 'MoveTask') {
        moves.push(variables.input);
        return movedAnswer(variables);
      }
      return projectBoard([
        boardState('todo', 'Todo', 'UNSTARTED', tasksOf('t', 'Todo', 100)),
        boardState('doing', 'In Progress', 'STARTED', tasksOf('d', 'Doing', 100, 201)),
      ]);
    });
    vi.stubGlobal('fetch', fetch);
    openBoard();
    await waitFor(() => expect(cardsIn('Todo')).toContain('LP-8'));
    scrollColumn('Todo', 58 * cardHeight);
    await waitFor(() => expect(cardsIn('Todo')).toContain('LP-61'));
    // In Progress is at its top: its 61st card is not rendered.
    expect(cardsIn('In Progress')).not.toContain('LP-261');

    const card = within(column('Todo')).getByRole('link', { name: /LP-61/ });
    card.focus();
    fireEvent.keyDown(card, { key: 'ArrowRight', altKey: true });

    // The move names its neighbours from the column's data, rendered or not.
    await waitFor(() => expect(moves).toEqual([{ id: 't61', stateId: 'doing', afterId: 'd260', beforeId: 'd261' }]));
    await waitFor(() => expect(document.activeElement?.getAttribute('data-task-id')).toBe('t61'));
    expect(document.activeElement?.closest('section')).toBe(column('In Progress'));
    expect(cardsIn('In Progress')).toContain('LP-61');
    const scrolled = column('In Progress').querySelector<HTMLElement>('.board-column-body')?.scrollTop ?? 0;
    expect(scrolled).toBeGreaterThanOrEqual(61 * cardHeight - 600);
    expect(scrolled).toBeLessThanOrEqual(60 * cardHeight);
    expect(announced()).toBe('Moved LP-61 to In Progress, position 61 of 101.');
    expect(countOf('In Progress')).toBe('101 tasks');
    expect(countOf('Todo')).toBe('99 tasks');

    // And on, down the column: focus stays on the card.
    fireEvent.keyDown(document.activeElement ?? card, { key: 'ArrowDown', altKey: true });
    await waitFor(() => expect(announced()).toBe('Moved LP-61 to In Progress, position 62 of 101.'));
    await waitFor(() => expect(document.activeElement?.getAttribute('data-task-id')).toBe('t61'));
    expect(moves.at(-1)).toEqual({ id: 't61', stateId: 'doing', afterId: 'd261', beforeId: 'd262' });
  });
});

describe('the board’s filters', () => {
  it('WEB-7.2 asks every column for the tasks matching the URL’s filters (not its state or order), and counts them as cards move', async () => {
    const boards: unknown[] = [];
    const { fetch } = fakeApi((operationName, variables) => {
      if (operationName === 'MoveTask') return movedAnswer(variables);
      if (operationName === 'ProjectBoard') boards.push(variables.filter);
      return projectBoard([
        boardState('todo', 'Todo', 'UNSTARTED', tasksOf('t', 'Todo', 2)),
        boardState('doing', 'In Progress', 'STARTED', tasksOf('d', 'Doing', 1, 201)),
      ]);
    });
    vi.stubGlobal('fetch', fetch);
    openBoard('/acme/projects/LP?priority=high&state=s1&sort=due&q=venue');
    await waitFor(() => expect(cardsIn('Todo')).toEqual(['LP-1', 'LP-2']));
    expect(boards).toEqual([{ priorities: ['HIGH'], search: 'venue' }]);
    expect(screen.getByRole('searchbox', { name: 'Search' })).toHaveProperty('value', 'venue');
    expect(screen.getByRole('button', { name: 'Filters (1)' })).toBeTruthy();
    expect(screen.queryByText('Order')).toBeNull();
    await waitFor(() => expect(screen.getByText('Anyone')).toBeTruthy());
    expect(countOf('Todo')).toBe('2 tasks');

    // A card moved between filtered columns moves their counts (the filtered columns' own).
    fireEvent.keyDown(within(column('Todo')).getByRole('link', { name: /LP-1/ }), { key: 'ArrowRight', altKey: true });
    await waitFor(() => expect(cardsIn('In Progress')).toEqual(['LP-1', 'LP-201']));
    expect(countOf('Todo')).toBe('1 task');
    expect(countOf('In Progress')).toBe('2 tasks');
    expect(announced()).toBe('Moved LP-1 to In Progress, position 1 of 2.');

    // Another search: the columns are asked again.
    fireEvent.input(screen.getByRole('searchbox', { name: 'Search' }), { target: { value: 'cake' } });
    await waitFor(() => expect(boards.at(-1)).toEqual({ priorities: ['HIGH'], search: 'cake' }));
  });
});

/**
 * Presses a card with the mouse and lets go: whether dnd-kit's pointer sensor took the press (it marks the events it
 * takes with `sensor`), i.e. whether the card is draggable.
 */
const pressReachesDndKit = (link: HTMLElement): boolean => {
  const down = new PointerEvent('pointerdown', {
    bubbles: true,
    cancelable: true,
    pointerId: 1,
    pointerType: 'mouse',
    isPrimary: true,
    button: 0,
    buttons: 1,
  });
  link.dispatchEvent(down);
  document.dispatchEvent(new PointerEvent('pointerup', { bubbles: true, pointerId: 1 }));
  return 'sensor' in down;
};

describe('the board’s drag and drop', () => {
  it('WEB-9.4 attaches to the cards already painted once it has loaded: the same elements in the same places, focus and scroll kept', async () => {
    const { fetch } = fakeApi(() =>
      projectBoard([
        boardState('todo', 'Todo', 'UNSTARTED', tasksOf('t', 'Todo', 100)),
        boardState('doing', 'In Progress', 'STARTED', []),
      ]),
    );
    vi.stubGlobal('fetch', fetch);
    openBoard();
    await waitFor(() => expect(cardsIn('Todo')).toContain('LP-8'));
    scrollColumn('Todo', 5 * cardHeight);
    await waitFor(() => expect(cardsIn('Todo')[0]).toBe('LP-3'));
    const link = column('Todo').querySelector<HTMLElement>('a[data-task-id="t7"]');
    if (!link) throw new Error('LP-7 is not rendered');
    link.focus();
    const items = () => [...column('Todo').querySelectorAll<HTMLElement>('li.task-card-item')];
    const painted = items().map((item) => ({ item, top: item.style.top }));

    await waitFor(() => expect(pressReachesDndKit(link)).toBe(true));
    expect(items().map((item) => ({ item, top: item.style.top }))).toStrictEqual(painted);
    expect(items().every((item, index) => item === painted[index]?.item)).toBe(true);
    expect(document.activeElement).toBe(link);
    expect(columnBody('Todo').scrollTop).toBe(5 * cardHeight);
  });
});
