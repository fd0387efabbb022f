// The task page's optimistic edits, and teammates' changes as they come: the real app client (normalised cache,
// optimistic layer, live events) over a fake API.
import { cleanup, fireEvent, screen, waitFor, within } from '@solidjs/testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { boardTask } from '../../../test/board.ts';
import { doing, grace, taskMoved, taskUpdated, todo, workspaceEvent } from '../../../test/events.ts';
import { type FakeEventStream, fakeApi, fakeEventStream, Refusal } from '../../../test/fake-api.ts';
import { renderPage, visitorClient, withWorkspaceEvents } from '../../../test/render-page.tsx';
import TaskPage from './TaskPage.tsx';

const pageInfo = { __typename: 'PageInfo', hasNextPage: false, endCursor: null };
const katherine = { __typename: 'User', id: 'u1', name: 'Katherine Johnson' };

/** LP-1 "Book the venue", due on 1 May 2030, in Todo; the viewer may edit it. */
const taskDetail = {
  task: {
    __typename: 'Task',
    id: 't1',
    version: 1,
    key: 'LP-1',
    title: 'Book the venue',
    description: '',
    priority: 'NONE',
    dueDate: '2030-05-01',
    completedAt: null,
    createdAt: '2026-01-05T09:00:00.000Z',
    updatedAt: '2026-01-05T09:00:00.000Z',
    creator: katherine,
    assignee: null,
    labels: [],
    state: todo,
    project: {
      __typename: 'Project',
      id: 'p1',
      key: 'LP',
      name: 'Launch plan',
      states: [todo, doing],
      workspace: {
        __typename: 'Workspace',
        id: 'w1',
        viewerCan: { __typename: 'WorkspacePermissions', writeContent: true, updateSettings: true },
        labels: [],
        members: {
          __typename: 'WorkspaceMembersConnection',
          pageInfo,
          nodes: [{ __typename: 'Membership', id: 'm1', user: katherine }],
        },
      },
    },
  },
};

/**
 * The API: the task, no comments, no history; `UpdateTask` answers with `update`, which a test may hold back; the
 * workspace's events come from `events`.
 */
function api(update: Promise<unknown>, events?: FakeEventStream) {
  return fakeApi((operationName) => {
    switch (operationName) {
      case 'UpdateTask':
        return update;
      case 'TaskComments':
        return {
          task: {
            __typename: 'Task',
            id: 't1',
            comments: { __typename: 'TaskCommentsConnection', pageInfo, nodes: [] },
          },
        };
      case 'TaskActivity':
        return {
          task: {
            __typename: 'Task',
            id: 't1',
            activity: { __typename: 'TaskActivityConnection', pageInfo, nodes: [] },
          },
        };
      default:
        return taskDetail;
    }
  }, events);
}

async function openTask(update: Promise<unknown>) {
  const { fetch, requests } = api(update);
  vi.stubGlobal('fetch', fetch);
  renderPage({ path: '/:slug/:taskKey', url: '/acme/LP-1', page: TaskPage, client: visitorClient() });
  const title = await screen.findByLabelText<HTMLTextAreaElement>('Title');
  const due = screen.getByLabelText<HTMLInputElement>('Due date');
  return { requests, title, due };
}

const forbidden = new Refusal('You are not allowed to do this.', 'FORBIDDEN');

/** Opens LP-1 under workspace w1's live events; resolves once the stream is open. */
async function openLiveTask() {
  const events = fakeEventStream();
  const { fetch } = api(new Promise(() => {}), events);
  vi.stubGlobal('fetch', fetch);
  renderPage({
    path: '/:slug/:taskKey',
    url: '/acme/LP-1',
    page: withWorkspaceEvents(TaskPage, 'w1'),
    client: visitorClient(),
  });
  const title = await screen.findByLabelText<HTMLTextAreaElement>('Title');
  await waitFor(() => expect(events.isOpen()).toBe(true));
  return { events, title };
}

/** LP-1 as the board shows it, before a teammate changes it. */
const venue = boardTask('t1', 'LP-1', 'Book the venue', 'a0');

/** The sentence saying a field changed under the user, if shown. */
const conflictNotice = (): string =>
  [...document.querySelectorAll('.edit-conflict')].map((notice) => notice.textContent).join('');

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('editing a task in place', () => {
  it('PT-8.4 shows a new title at once, and restores the saved one with a message when the server refuses it', async () => {
    const answer = Promise.withResolvers<unknown>();
    const { requests, title } = await openTask(answer.promise);
    expect(title.value).toBe('Book the venue');
    expect(document.title).toBe('LP-1 Book the venue · Yello');

    fireEvent.input(title, { target: { value: 'Book the town hall' } });
    fireEvent.blur(title);

    // The page title reads the task from the cache, which holds the edit before the server answers.
    await waitFor(() => expect(document.title).toBe('LP-1 Book the town hall · Yello'));
    await waitFor(() => expect(requests).toContain('UpdateTask'));
    expect(screen.queryByRole('alert')).toBeNull();

    answer.resolve(forbidden);

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Could not change the title: You are not allowed to do this.');
    expect(title.value).toBe('Book the venue');
    expect(document.title).toBe('LP-1 Book the venue · Yello');
    expect(requests.filter((name) => name === 'TaskDetail')).toHaveLength(1);
  });

  it('PT-8.4 clears the due date at once, and brings it back with a message when the server refuses it', async () => {
    const answer = Promise.withResolvers<unknown>();
    const { requests, due } = await openTask(answer.promise);
    expect(due.value).toBe('2030-05-01');

    fireEvent.click(screen.getByRole('button', { name: 'Clear' }));

    // Only the cache can empty the field and take "Clear" away: the user touched neither.
    await waitFor(() => expect(due.value).toBe(''));
    expect(screen.queryByRole('button', { name: 'Clear' })).toBeNull();
    await waitFor(() => expect(requests).toContain('UpdateTask'));

    answer.resolve(forbidden);

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Could not change the due date: You are not allowed to do this.');
    expect(due.value).toBe('2030-05-01');
    expect(screen.getByRole('button', { name: 'Clear' })).toBeTruthy();
    expect(requests.filter((name) => name === 'TaskDetail')).toHaveLength(1);

    fireEvent.click(within(alert).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

describe('a task changed by a teammate while it is open', () => {
  it('RT-7.4 keeps the title being typed when a teammate changes it, says who did, and Escape takes theirs', async () => {
    const { events, title } = await openLiveTask();
    fireEvent.input(title, { target: { value: 'Book the town hall' } });

    events.send(taskUpdated('3', venue, todo, { title: 'Book the church' }));
    await waitFor(() => expect(conflictNotice()).toContain('Grace Hopper changed the title while you were editing.'));
    expect(conflictNotice()).toContain('“Book the church”');
    expect(title.value).toBe('Book the town hall');
    expect(document.querySelector('.edit-conflict')?.getAttribute('role')).toBe('status');

    fireEvent.keyDown(title, { key: 'Escape' });
    await waitFor(() => expect(title.value).toBe('Book the church'));
    expect(conflictNotice()).toBe('');
  });

  it('RT-7.4 keeps the description being written when a teammate changes it, and says who did', async () => {
    const { events } = await openLiveTask();
    fireEvent.click(screen.getByRole('button', { name: 'Edit' }));
    const editor = await screen.findByRole<HTMLTextAreaElement>('textbox', { name: 'Description' });
    fireEvent.input(editor, { target: { value: 'Ask for the **big** room.' } });

    events.send(taskUpdated('3', venue, todo, { description: 'Bring a cake.' }));
    await waitFor(() =>
      expect(conflictNotice()).toContain('Grace Hopper changed the description while you were editing.'),
    );
    expect(editor.value).toBe('Ask for the **big** room.');

    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await screen.findByText('Bring a cake.');
    expect(conflictNotice()).toBe('');
  });

  it('RT-7.1 shows what a teammate changed at once, and their comment once, gone when they delete it', async () => {
    const { events } = await openLiveTask();
    await screen.findByText('No comments yet.');
    events.send(taskMoved('3', venue, doing, 'a0'));
    await waitFor(() => expect(screen.getByLabelText<HTMLSelectElement>('State').value).toBe('doing'));

    const comment = workspaceEvent('CommentAdded', '4', {
      version: 1,
      taskId: 't1',
      comment: {
        __typename: 'Comment',
        id: 'c1',
        version: 1,
        body: 'The venue is **confirmed**.',
        createdAt: '2026-11-29T10:00:00.000Z',
        editedAt: null,
        isViewer: false,
        author: grace,
      },
    });
    events.send(comment);
    events.send(comment);
    await screen.findByText('confirmed');
    expect(document.querySelectorAll('.comment')).toHaveLength(1);

    events.send(workspaceEvent('CommentDeleted', '5', { version: 2, taskId: 't1', commentId: 'c1' }));
    await screen.findByText('No comments yet.');
    expect(document.querySelectorAll('.comment')).toHaveLength(0);
  });
});
