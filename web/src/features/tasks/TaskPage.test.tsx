// The task page's optimistic edits: the real app client (normalised cache, optimistic layer) over a fake API.
import { cleanup, fireEvent, screen, waitFor, within } from '@solidjs/testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, Refusal } from '../../../test/fake-api.ts';
import { renderPage, visitorClient } from '../../../test/render-page.tsx';
import TaskPage from './TaskPage.tsx';

const pageInfo = { __typename: 'PageInfo', hasNextPage: false, endCursor: null };
const katherine = { __typename: 'User', id: 'u1', name: 'Katherine Johnson' };
const todo = { __typename: 'WorkflowState', id: 'todo', name: 'Todo', category: 'UNSTARTED', color: '#8b8d98' };
const doing = { __typename: 'WorkflowState', id: 'doing', name: 'In Progress', category: 'STARTED', color: '#ffc53d' };

/** LP-1 "Book the venue", due on 1 May 2030, in Todo; the viewer may edit it. */
const taskDetail = {
  task: {
    __typename: 'Task',
    id: 't1',
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

/** The API: the task, no comments, no history; `UpdateTask` answers with `update`, which a test may hold back. */
function api(update: Promise<unknown>) {
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
  });
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
