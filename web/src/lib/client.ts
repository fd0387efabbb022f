// The urql client: normalized cache, bearer token with refresh on UNAUTHENTICATED, fetch.
import { Client, type ClientOptions, fetchExchange } from '@urql/core';
import { authExchange } from '@urql/exchange-auth';
import { type Cache, cacheExchange, type Entity, type Resolver, type Variables } from '@urql/exchange-graphcache';
import { relayPagination } from '@urql/exchange-graphcache/extras';
import { refocusExchange } from '@urql/exchange-refocus';
import { graphql } from '../graphql.ts';
import { type Auth, type RequestRefresh, SessionTokenFields } from './auth.ts';
import { hasErrorCode } from './errors.ts';

const transport = {
  url: '/graphql',
  preferGetMethod: false,
  // The server's CSRF prevention refuses requests without this header.
  fetchOptions: { credentials: 'same-origin', headers: { 'x-yello-csrf': '1' } },
} satisfies Omit<ClientOptions, 'exchanges'>;

const RefreshSessionMutation = graphql(
  `
    mutation RefreshSession {
      refreshSession {
        ...SessionTokenFields
      }
    }
  `,
  [SessionTokenFields],
);

/**
 * Sends refreshSession on a cache-less client of its own: the app client's auth exchange holds every
 * operation back while it refreshes, so a refresh sent through it would wait for itself.
 */
export function createRefreshRequest(): RequestRefresh {
  const client = new Client({ ...transport, exchanges: [fetchExchange] });
  return async () => {
    const result = await client.mutation(RefreshSessionMutation, {}).toPromise();
    const token = result.data?.refreshSession;
    if (token) return { kind: 'refreshed', token };
    return result.error && hasErrorCode(result.error, 'UNAUTHENTICATED')
      ? { kind: 'signedOut' }
      : { kind: 'unavailable' };
  };
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** A mutation's string argument, given directly (`id: ID!`) or in its `input` object. */
function argument(args: Variables, name: string): string | undefined {
  const value = args[name] ?? (isRecord(args.input) ? args.input[name] : undefined);
  return typeof value === 'string' ? value : undefined;
}

const entity = (__typename: string, id: string | undefined): Entity => (id ? { __typename, id } : undefined);

/** Drops `field` of `owner` under every set of arguments it was read with, so the queries using it fetch again. */
function invalidateField(cache: Cache, owner: Entity, field: string): void {
  for (const info of cache.inspectFields(owner)) {
    if (info.fieldName === field) cache.invalidate(owner, field, info.arguments);
  }
}

/**
 * `relayPagination` for a connection the API may answer with null (a field the viewer's role may not read, WS-5.9):
 * `relayPagination` takes a null page for a cache miss, and the query would wait for data forever; null stays null.
 */
function nullableRelayPagination(): Resolver {
  const paginate = relayPagination();
  return (parent, args, cache, info) =>
    cache.resolve(info.parentKey, info.fieldName, args) === null ? null : paginate(parent, args, cache, info);
}

/** The signed-in user's workspaces changed: created, joined, left, deleted or renamed. */
function invalidateViewerWorkspaces(cache: Cache): void {
  invalidateField(cache, 'Query', 'workspaces');
  const viewer = cache.resolve('Query', 'me');
  if (typeof viewer === 'string') invalidateField(cache, viewer, 'memberships');
}

/**
 * Drops every page of `field` on the workspaces opened in this session, after one of its rows went away: a
 * merged list with a page missing or a dangling row would show the wrong rows, so it is fetched again.
 */
function invalidateWorkspaceLists(cache: Cache, field: 'members' | 'invitations' | 'projects' | 'labels'): void {
  for (const info of cache.inspectFields('Query')) {
    const workspace = info.fieldName === 'workspace' ? cache.resolve('Query', info.fieldKey) : null;
    if (typeof workspace === 'string') invalidateField(cache, workspace, field);
  }
}

/** Drops a workspace the user no longer reaches, and every list it was in. */
function forgetWorkspace(cache: Cache, id: string | undefined): void {
  cache.invalidate(entity('Workspace', id));
  invalidateViewerWorkspaces(cache);
}

const stringKeys = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];

/** The projects opened in this session (`project(workspaceSlug, key)`), as cache keys. */
function cachedProjects(cache: Cache): string[] {
  return cache
    .inspectFields('Query')
    .filter((info) => info.fieldName === 'project')
    .flatMap((info) => stringKeys([cache.resolve('Query', info.fieldKey)]));
}

/** Every board column read in this session: a state and each of its cached `tasks` lists. */
function boardColumns(cache: Cache): { state: string; list: string }[] {
  return cachedProjects(cache)
    .flatMap((project) => stringKeys(cache.resolve(project, 'states')))
    .flatMap((state) =>
      cache
        .inspectFields(state)
        .filter((info) => info.fieldName === 'tasks')
        .flatMap((info) => stringKeys([cache.resolve(state, info.fieldKey)]).map((list) => ({ state, list }))),
    );
}

const StateTaskCount = graphql(`
  fragment StateTaskCount on WorkflowState {
    id
    taskCount
  }
`);

function setStateTaskCount(cache: Cache, state: string, change: number): void {
  const count = cache.resolve(state, 'taskCount');
  const id = cache.resolve(state, 'id');
  if (typeof count !== 'number' || typeof id !== 'string') return;
  cache.writeFragment(StateTaskCount, { id, taskCount: Math.max(0, count + change) });
}

interface Placement {
  readonly stateId: string;
  readonly afterId?: string | undefined;
  readonly beforeId?: string | undefined;
}

/**
 * Puts a task into a board column between its neighbours, taking it out of any other column, so the board shows
 * a move (or a new task) before the server answers. Lists that were never read are left alone. A column read in
 * several pages gets the task in the page holding its neighbour, or else in the first page.
 */
function placeOnBoard(cache: Cache, taskId: string, placement: Placement | undefined): void {
  const task = cache.keyOfEntity({ __typename: 'Task', id: taskId });
  if (!task) return;
  const target = placement && cache.keyOfEntity({ __typename: 'WorkflowState', id: placement.stateId });
  const anchor = (id: string | undefined) => (id ? cache.keyOfEntity({ __typename: 'Task', id }) : null);
  const after = anchor(placement?.afterId);
  const before = anchor(placement?.beforeId);
  const columns = boardColumns(cache).map((column) => ({
    ...column,
    nodes: stringKeys(cache.resolve(column.list, 'nodes')),
  }));
  const pages = columns.filter((column) => column.state === target);
  const into =
    pages.find(({ nodes }) => (after && nodes.includes(after)) || (before && nodes.includes(before))) ?? pages[0];
  const was = new Set<string>();
  const is = new Set<string>();
  for (const column of columns) {
    const { state, list, nodes } = column;
    const rest = nodes.filter((node) => node !== task);
    const next = [...rest];
    if (column === into) {
      const afterIndex = after ? rest.indexOf(after) : -1;
      const beforeIndex = before ? rest.indexOf(before) : -1;
      next.splice(afterIndex >= 0 ? afterIndex + 1 : beforeIndex >= 0 ? beforeIndex : rest.length, 0, task);
    }
    if (nodes.length !== rest.length) was.add(state);
    if (next.length !== rest.length) is.add(state);
    if (nodes.join() !== next.join()) cache.link(list, 'nodes', next);
  }
  for (const state of new Set([...was, ...is])) {
    if (was.has(state) !== is.has(state)) setStateTaskCount(cache, state, is.has(state) ? 1 : -1);
  }
}

/** Drops the states (the board's columns) of every project read, after one was added, moved or deleted. */
function invalidateProjectStates(cache: Cache): void {
  for (const project of cachedProjects(cache)) invalidateField(cache, project, 'states');
}

/** Drops the list views' pages (`project.tasks` with filters) of every project read, to be fetched again. */
function invalidateTaskLists(cache: Cache): void {
  for (const project of cachedProjects(cache)) {
    invalidateField(cache, project, 'tasks');
    invalidateField(cache, project, 'taskCount');
  }
}

function invalidateBoards(cache: Cache): void {
  for (const { state } of boardColumns(cache)) {
    invalidateField(cache, state, 'tasks');
    invalidateField(cache, state, 'taskCount');
  }
}

const optionalString = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

const inputOf = (args: Variables): Record<string, unknown> => (isRecord(args.input) ? args.input : {});

/** What `updateTask` will return, from its input: the fields given, with references as entities. */
function optimisticTask(args: Variables): Record<string, unknown> {
  const input = inputOf(args);
  const task: Record<string, unknown> = { __typename: 'Task', id: input.id };
  for (const field of ['title', 'description', 'priority', 'dueDate'] as const) {
    if (field in input) task[field] = input[field];
  }
  if (typeof input.stateId === 'string') task.state = { __typename: 'WorkflowState', id: input.stateId };
  if ('assigneeId' in input) {
    task.assignee = typeof input.assigneeId === 'string' ? { __typename: 'User', id: input.assigneeId } : null;
  }
  if (Array.isArray(input.labelIds)) {
    task.labels = stringKeys(input.labelIds).map((id) => ({ __typename: 'Label', id }));
  }
  return task;
}

/** The client for one signed-in session (or for a visitor); make a new one when the session ends. */
export function createAppClient(auth: Auth): Client {
  return new Client({
    ...transport,
    exchanges: [
      // Queries on screen fetch again when the user comes back to the tab: teammates may have moved things.
      refocusExchange(),
      cacheExchange({
        // Types without an id of their own are stored inside their parent.
        keys: {
          AuthPayload: () => null,
          PageInfo: () => null,
          WorkspacePermissions: () => null,
          InvitationPreview: () => null,
          InviteMemberPayload: () => null,
          QueryWorkspacesConnection: () => null,
          WorkspaceInvitationsConnection: () => null,
          WorkspaceMembersConnection: () => null,
          WorkspaceProjectsConnection: () => null,
          ProjectTasksConnection: () => null,
          WorkflowStateTasksConnection: () => null,
          TaskCommentsConnection: () => null,
          TaskActivityConnection: () => null,
        },
        // Pages fetched with `after` join the first page, so "Show more" grows the list in place.
        resolvers: {
          Workspace: {
            members: relayPagination(),
            invitations: nullableRelayPagination(),
            projects: relayPagination(),
          },
          Project: { tasks: relayPagination() },
          WorkflowState: { tasks: relayPagination() },
          Task: { comments: relayPagination(), activity: relayPagination() },
        },
        // Board moves and inline edits show at once; graphcache drops the guess when the server refuses.
        optimistic: {
          moveTask: (args) => {
            const input = inputOf(args);
            return { __typename: 'Task', id: input.id, state: { __typename: 'WorkflowState', id: input.stateId } };
          },
          updateTask: (args) => optimisticTask(args),
        },
        updates: {
          Mutation: {
            revokeSession(_result, args, cache) {
              cache.invalidate({ __typename: 'Session', id: String(args.id) });
            },
            changePassword(_result, _args, cache) {
              cache.invalidate('Query', 'sessions');
            },
            createWorkspace(_result, _args, cache) {
              invalidateViewerWorkspaces(cache);
            },
            updateWorkspace(_result, _args, cache) {
              // A new slug leaves `workspace(slug: <old slug>)` pointing at the renamed workspace.
              invalidateField(cache, 'Query', 'workspace');
              invalidateViewerWorkspaces(cache);
            },
            deleteWorkspace(_result, args, cache) {
              forgetWorkspace(cache, argument(args, 'id'));
            },
            leaveWorkspace(_result, args, cache) {
              forgetWorkspace(cache, argument(args, 'workspaceId'));
            },
            acceptInvitation(_result, _args, cache) {
              invalidateField(cache, 'Query', 'invitation');
              invalidateViewerWorkspaces(cache);
            },
            inviteMember(_result, args, cache) {
              invalidateField(cache, entity('Workspace', argument(args, 'workspaceId')), 'invitations');
            },
            revokeInvitation(_result, args, cache) {
              cache.invalidate(entity('Invitation', argument(args, 'id')));
              invalidateWorkspaceLists(cache, 'invitations');
            },
            createProject(_result, args, cache) {
              invalidateField(cache, entity('Workspace', argument(args, 'workspaceId')), 'projects');
            },
            updateProject(_result, _args, cache) {
              // A new key leaves `project(key: <old key>)` pointing at the renamed project.
              invalidateField(cache, 'Query', 'project');
            },
            archiveProject(_result, _args, cache) {
              invalidateWorkspaceLists(cache, 'projects');
            },
            unarchiveProject(_result, _args, cache) {
              invalidateWorkspaceLists(cache, 'projects');
            },
            deleteProject(_result, args, cache) {
              cache.invalidate(entity('Project', argument(args, 'id')));
              invalidateWorkspaceLists(cache, 'projects');
            },
            createTask(result, _args, cache) {
              const task = result.createTask;
              if (!isRecord(task) || typeof task.id !== 'string' || !isRecord(task.state)) return;
              placeOnBoard(cache, task.id, { stateId: String(task.state.id) });
              invalidateTaskLists(cache);
            },
            moveTask(result, args, cache, info) {
              if (!info.optimistic && !result.moveTask) return;
              const input = inputOf(args);
              const id = optionalString(input.id);
              const stateId = optionalString(input.stateId);
              if (!id || !stateId) return;
              placeOnBoard(cache, id, {
                stateId,
                afterId: optionalString(input.afterId),
                beforeId: optionalString(input.beforeId),
              });
              if (!info.optimistic) {
                invalidateField(cache, entity('Task', id), 'activity');
                invalidateTaskLists(cache);
              }
            },
            updateTask(result, args, cache, info) {
              if (info.optimistic || !result.updateTask) return;
              const input = inputOf(args);
              invalidateField(cache, entity('Task', optionalString(input.id)), 'activity');
              if ('stateId' in input) invalidateBoards(cache);
              invalidateTaskLists(cache);
            },
            deleteTask(_result, args, cache) {
              const id = argument(args, 'id');
              if (id) placeOnBoard(cache, id, undefined);
              cache.invalidate(entity('Task', id));
              invalidateTaskLists(cache);
            },
            createWorkflowState(_result, args, cache) {
              invalidateField(cache, entity('Project', argument(args, 'projectId')), 'states');
            },
            moveWorkflowState(_result, _args, cache) {
              invalidateProjectStates(cache);
            },
            deleteWorkflowState(_result, args, cache) {
              // Its tasks moved to another state: the columns and lists holding them are fetched again.
              invalidateBoards(cache);
              invalidateTaskLists(cache);
              invalidateProjectStates(cache);
              cache.invalidate(entity('WorkflowState', argument(args, 'id')));
            },
            createLabel(_result, args, cache) {
              invalidateField(cache, entity('Workspace', argument(args, 'workspaceId')), 'labels');
            },
            deleteLabel(_result, args, cache) {
              cache.invalidate(entity('Label', argument(args, 'id')));
              invalidateWorkspaceLists(cache, 'labels');
            },
            addComment(_result, args, cache) {
              const task = entity('Task', argument(args, 'taskId'));
              invalidateField(cache, task, 'comments');
              invalidateField(cache, task, 'commentCount');
            },
            deleteComment(_result, args, cache) {
              cache.invalidate(entity('Comment', argument(args, 'id')));
            },
            removeMember(_result, args, cache) {
              cache.invalidate(entity('Membership', argument(args, 'membershipId')));
              invalidateWorkspaceLists(cache, 'members');
            },
          },
        },
      }),
      authExchange(async (utils) => ({
        addAuthToOperation(operation) {
          const token = auth.accessToken();
          return token ? utils.appendHeaders(operation, { Authorization: `Bearer ${token}` }) : operation;
        },
        // A visitor's UNAUTHENTICATED (a wrong password) has no session to refresh.
        didAuthError: (error) => auth.status() === 'signedIn' && hasErrorCode(error, 'UNAUTHENTICATED'),
        willAuthError: () => auth.isExpiring(),
        async refreshAuth() {
          await auth.refresh();
        },
      })),
      fetchExchange,
    ],
  });
}
