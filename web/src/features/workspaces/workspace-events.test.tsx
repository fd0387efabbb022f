// The open workspace's live events on the board: the real app client (graphql-sse transport, normalised cache)
// over a fake API that streams events as the API does.
import { cleanup, fireEvent, screen, waitFor, within } from '@solidjs/testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  type BoardTask,
  boardRequests,
  boardState,
  boardTask,
  cardsIn,
  column,
  countOf,
  projectBoard,
  stubBoardLayout,
} from '../../../test/board.ts';
import { doing, liveTask, taskMoved, taskUpdated, todo, workspaceEvent } from '../../../test/events.ts';
import { type FakeEventStream, fakeApi, fakeEventStream } from '../../../test/fake-api.ts';
import { renderPage, sessionToken, signedIn, visitorClient, withWorkspaceEvents } from '../../../test/render-page.tsx';
import { createAppClient } from '../../lib/client.ts';
import BoardPage from '../tasks/BoardPage.tsx';
import { nextLiveStatus } from './workspace-events.ts';

// jsdom has no layout observers; @dnd-kit needs them to exist as its modules load.
await vi.hoisted(async () => (await import('../../../test/board.ts')).stubLayoutObservers());
// A column 600 px tall and cards 80 px tall, as a browser would lay them out (the columns are virtualised).
stubBoardLayout();

const venue = boardTask('t1', 'LP-1', 'Book the venue', 'a0');
const cake = boardTask('t2', 'LP-2', 'Order the cake', 'a1');
/** The task quick create makes in Todo. */
const menus = boardTask('t3', 'LP-3', 'Print the menus', 'a2');

/** Launch plan: Todo holds LP-1 and LP-2, In Progress is empty. */
const launchPlan = (tasks: readonly BoardTask[] = [venue, cake]) =>
  projectBoard([boardState('todo', 'Todo', 'UNSTARTED', tasks), boardState('doing', 'In Progress', 'STARTED', [])]);

/** Opens the board under workspace w1's live events; resolves once its stream is open. */
async function openBoard(options: {
  board?: object;
  events?: FakeEventStream;
  client?: ReturnType<typeof visitorClient>;
  url?: string;
}) {
  const events = options.events ?? fakeEventStream();
  const board = options.board ?? launchPlan();
  /** The filter of each ProjectBoard asked for. */
  const filters: unknown[] = [];
  const api = fakeApi((operationName, variables) => {
    if (operationName === 'ProjectBoard') filters.push(variables.filter);
    return operationName === 'CreateTask'
      ? { createTask: { ...menus, state: { __typename: 'WorkflowState', id: 'todo', name: 'Todo' } } }
      : board;
  }, events);
  vi.stubGlobal('fetch', api.fetch);
  renderPage({
    path: '/:slug/projects/:key',
    url: options.url ?? '/acme/projects/LP',
    page: withWorkspaceEvents(BoardPage, 'w1'),
    client: options.client ?? visitorClient(),
  });
  await waitFor(() => expect(cardsIn('Todo')).toEqual(['LP-1', 'LP-2']));
  await waitFor(() => expect(events.isOpen()).toBe(true));
  return { events, requests: api.requests, filters };
}

const titleOf = (key: string): string | null | undefined =>
  screen.getByText(key, { selector: '.task-key' }).closest('a')?.querySelector('.task-card-title')?.textContent;

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('the board under live events', () => {
  it('RT-7.1 shows a teammate’s edit, move, creation and deletion as they come, a creation sent twice once', async () => {
    const { events, requests } = await openBoard({});
    expect(events.requests[0]?.variables).toEqual({ workspaceId: 'w1' });

    events.send(taskUpdated('4', venue, todo, { title: 'Book the town hall' }, 2));
    await waitFor(() => expect(titleOf('LP-1')).toBe('Book the town hall'));

    events.send(taskMoved('5', cake, doing, 'a0', 2));
    await waitFor(() => expect(cardsIn('In Progress')).toEqual(['LP-2']));
    expect(cardsIn('Todo')).toEqual(['LP-1']);
    expect(countOf('Todo')).toBe('1 task');
    expect(countOf('In Progress')).toBe('1 task');

    // A new task goes where its position puts it: before LP-2.
    const created = workspaceEvent('TaskCreated', '6', {
      version: 1,
      task: liveTask(boardTask('t3', 'LP-3', 'Print the menus', 'Zz'), doing),
    });
    events.send(created);
    await waitFor(() => expect(cardsIn('In Progress')).toEqual(['LP-3', 'LP-2']));
    events.send(created);
    events.send(workspaceEvent('TaskDeleted', '7', { version: 3, taskId: 't1', stateId: 'todo' }));
    await waitFor(() => expect(cardsIn('Todo')).toEqual([]));
    expect(cardsIn('In Progress')).toEqual(['LP-3', 'LP-2']);
    expect(countOf('Todo')).toBe('0 tasks');
    expect(countOf('In Progress')).toBe('2 tasks');
    // All of it from the events alone: the board was never fetched again.
    expect(boardRequests(requests)).toEqual(['ProjectBoard']);
  });

  it('RT-7.1 shows one’s own new task once, when its event follows the answer', async () => {
    const { events } = await openBoard({});
    fireEvent.click(within(column('Todo')).getByRole('button', { name: /Add task/ }));
    const input = await screen.findByLabelText('New task in Todo');
    fireEvent.input(input, { target: { value: 'Print the menus' } });
    fireEvent.submit(input.closest('form') ?? input);
    await waitFor(() => expect(cardsIn('Todo')).toEqual(['LP-1', 'LP-2', 'LP-3']));

    events.send(
      workspaceEvent('TaskCreated', '4', {
        version: 1,
        task: liveTask(menus, todo),
      }),
    );
    events.send(taskUpdated('5', cake, todo, { title: 'Order two cakes' }, 2));
    await waitFor(() => expect(titleOf('LP-2')).toBe('Order two cakes'));
    expect(cardsIn('Todo')).toEqual(['LP-1', 'LP-2', 'LP-3']);
    expect(countOf('Todo')).toBe('3 tasks');
  });

  it('RT-7.1 changes nothing for an event whose version is not newer than the one on screen', async () => {
    const { events } = await openBoard({ board: launchPlan([{ ...venue, version: 3 }, cake]) });

    events.send(taskUpdated('4', venue, todo, { title: 'Book the church' }, 3));
    events.send(taskMoved('5', venue, doing, 'a0', 2));
    // A later event shows the two before it were handled.
    events.send(taskUpdated('6', cake, todo, { title: 'Order two cakes' }, 2));
    await waitFor(() => expect(titleOf('LP-2')).toBe('Order two cakes'));
    expect(titleOf('LP-1')).toBe('Book the venue');
    expect(cardsIn('Todo')).toEqual(['LP-1', 'LP-2']);
    expect(cardsIn('In Progress')).toEqual([]);
  });

  it('WEB-7.2 asks a filtered board’s columns again after a teammate’s change: whether the task matches is the server’s to say', async () => {
    const { events, requests, filters } = await openBoard({ url: '/acme/projects/LP?priority=high' });
    expect(filters).toEqual([{ priorities: ['HIGH'] }]);
    events.send(taskUpdated('4', venue, todo, { priority: 'LOW' }, 2));
    await waitFor(() => expect(boardRequests(requests)).toEqual(['ProjectBoard', 'ProjectBoard']));
    expect(filters).toEqual([{ priorities: ['HIGH'] }, { priorities: ['HIGH'] }]);
  });

  it('RT-7.1 fetches the board again when the server says events were missed (ResyncRequired)', async () => {
    const { events, requests } = await openBoard({});
    events.send(workspaceEvent('ResyncRequired', '40', { reason: 'RETENTION' }));
    await waitFor(() => expect(boardRequests(requests)).toEqual(['ProjectBoard', 'ProjectBoard']));
    expect(cardsIn('Todo')).toEqual(['LP-1', 'LP-2']);
  });

  it('RT-7.1 opens the stream again when the server ends it, with a fresh token, after the last event applied', async () => {
    const auth = signedIn('first-token', 15 * 60_000, async () => ({
      kind: 'refreshed',
      token: sessionToken('fresh-token'),
    }));
    const { events } = await openBoard({ client: createAppClient(auth) });
    expect(events.requests[0]?.authorization).toBe('Bearer first-token');
    events.send(taskUpdated('8', venue, todo, { title: 'Book the town hall' }, 2));
    await waitFor(() => expect(titleOf('LP-1')).toBe('Book the town hall'));

    // The access token is about to expire, and the server ends the stream as it does when it has.
    auth.signIn(sessionToken('expiring-token', 10_000));
    events.complete();

    await waitFor(() => expect(events.requests).toHaveLength(2), { timeout: 3000 });
    expect(events.requests[1]).toEqual({
      variables: { workspaceId: 'w1', after: '8' },
      authorization: 'Bearer fresh-token',
    });
    await waitFor(() => expect(events.isOpen()).toBe(true));
    events.send(taskMoved('9', cake, doing, 'a0', 2));
    await waitFor(() => expect(cardsIn('In Progress')).toEqual(['LP-2']));
  });

  it('RT-7.3 says while live updates are down, and when they have caught up again', async () => {
    const { events } = await openBoard({});
    const status = screen.getByText((_, element) => element?.classList.contains('live-status') ?? false);
    expect(status.getAttribute('role')).toBe('status');
    expect(status.textContent).toBe('');
    events.send(taskUpdated('4', venue, todo, { title: 'Book the town hall' }, 2));
    await waitFor(() => expect(titleOf('LP-1')).toBe('Book the town hall'));

    events.setReachable(false);
    events.cut();
    await waitFor(() => expect(status.textContent).toBe('Live updates paused — reconnecting…'), { timeout: 3000 });
    events.setReachable(true);
    await waitFor(() => expect(status.textContent).toBe('Live updates back — caught up'), { timeout: 5000 });
    expect(events.requests.at(-1)?.variables).toEqual({ workspaceId: 'w1', after: '4' });
  });
});

describe('the live connection’s status', () => {
  it('RT-7.3 is quiet while connecting and live, down while retrying, caught up once back, then quiet', () => {
    expect(nextLiveStatus('connecting', 'connected')).toBe('live');
    // A stream the server ends is opened again at once, without a word.
    expect(nextLiveStatus('live', 'connecting')).toBe('live');
    expect(nextLiveStatus('live', 'retrying')).toBe('down');
    expect(nextLiveStatus('live', 'interrupted')).toBe('down');
    expect(nextLiveStatus('down', 'connecting')).toBe('down');
    expect(nextLiveStatus('down', 'connected')).toBe('caughtUp');
    expect(nextLiveStatus('caughtUp', 'settled')).toBe('live');
    expect(nextLiveStatus('live', 'settled')).toBe('live');
    expect(nextLiveStatus('live', 'stopped')).toBe('off');
    expect(nextLiveStatus('off', 'connecting')).toBe('connecting');
  });
});
