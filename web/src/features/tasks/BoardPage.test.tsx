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
