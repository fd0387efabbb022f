// The board's optimistic move: the real app client (normalised cache, optimistic layer) over a fake API.
import { cleanup, fireEvent, screen, waitFor, within } from '@solidjs/testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { boardState, boardTask, cardsIn, column, countOf, projectBoard } from '../../../test/board.ts';
import { fakeApi, Refusal } from '../../../test/fake-api.ts';
import { renderPage, visitorClient } from '../../../test/render-page.tsx';
import BoardPage from './BoardPage.tsx';

// jsdom has no layout observers; @dnd-kit needs them to exist as its modules load.
await vi.hoisted(async () => (await import('../../../test/board.ts')).stubLayoutObservers());

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
