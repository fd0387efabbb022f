// The urql client: normalized cache, bearer token with refresh on UNAUTHENTICATED, fetch; subscriptions (a
// workspace's live events) over Server-Sent Events.
import {
  Client,
  type ClientOptions,
  type Exchange,
  fetchExchange,
  mapExchange,
  subscriptionExchange,
} from '@urql/core';
import { authExchange } from '@urql/exchange-auth';
import { cacheExchange, type Resolver, type Variables } from '@urql/exchange-graphcache';
import { relayPagination } from '@urql/exchange-graphcache/extras';
import { refocusExchange } from '@urql/exchange-refocus';
import { createClient as createSseClient } from 'graphql-sse';
import { graphql } from '../graphql.ts';
import { type Auth, type RequestRefresh, SessionTokenFields } from './auth.ts';
import {
  entity,
  forgetWorkspace,
  invalidateBoards,
  invalidateField,
  invalidateFilteredBoards,
  invalidateProjectStates,
  invalidateTaskLists,
  invalidateViewerWorkspaces,
  invalidateWorkspaceLists,
  isRecord,
  optionalString,
  placeOnBoard,
  removeTask,
  stringKeys,
} from './cache.ts';
import type { Deployment } from './deployment.ts';
import { hasErrorCode } from './errors.ts';
import {
  applyWorkspaceEvent,
  createKnownVersions,
  eventCursor,
  type KnownVersions,
  liveConnectionOf,
  reconnectDelay,
  rootField,
  withOtherTypesFieldsNull,
} from './live-events.ts';

// The server's CSRF prevention refuses requests without this header.
const csrfHeaders = { 'x-yello-csrf': '1' };

const transport = {
  url: '/graphql',
  preferGetMethod: false,
  fetchOptions: { credentials: 'same-origin', headers: csrfHeaders },
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

/** A mutation's string argument, given directly (`id: ID!`) or in its `input` object. */
function argument(args: Variables, name: string): string | undefined {
  const value = args[name] ?? (isRecord(args.input) ? args.input[name] : undefined);
  return typeof value === 'string' ? value : undefined;
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

/** The event types of `Subscription.workspaceEvents`: none has an id; each is kept inside its result. */
const workspaceEventTypes = [
  'TaskCreated',
  'TaskUpdated',
  'TaskMoved',
  'TaskDeleted',
  'CommentAdded',
  'CommentEdited',
  'CommentDeleted',
  'LabelCreated',
  'LabelUpdated',
  'LabelDeleted',
  'ProjectCreated',
  'ProjectUpdated',
  'ProjectDeleted',
  'WorkflowStateCreated',
  'WorkflowStateUpdated',
  'WorkflowStateDeleted',
  'MemberJoined',
  'MemberRoleChanged',
  'MemberRemoved',
  'WorkspaceUpdated',
  'ResyncRequired',
] as const;

/** The current token (refreshed first when it is about to expire) and the CSRF header, for each new connection. */
async function connectionHeaders(auth: Auth): Promise<Record<string, string>> {
  if (auth.isExpiring()) await auth.refresh();
  const token = auth.accessToken();
  return token ? { ...csrfHeaders, authorization: `Bearer ${token}` } : { ...csrfHeaders };
}

/**
 * Subscriptions as GraphQL over Server-Sent Events (graphql-sse, distinct connections): one HTTP response per
 * subscription, retried without end while the network or the server is away. Each attempt asks for the current
 * token, and resumes after the last event applied (its `LiveConnection`, from the operation's context). An event
 * `versions` turns away (not newer than what the cache holds) goes no further.
 */
function liveEventsExchange(auth: Auth, versions: KnownVersions, fetchFn: typeof fetch): Exchange {
  const sse = createSseClient({
    url: transport.url,
    credentials: 'same-origin',
    retryAttempts: Number.POSITIVE_INFINITY,
    retry: (retries) => new Promise((resolve) => setTimeout(resolve, reconnectDelay(retries))),
    headers: () => connectionHeaders(auth),
    // The page's fetch when each connection opens, as the fetch exchange does.
    fetchFn: (input: RequestInfo | URL, init?: RequestInit) => fetchFn(input, init),
  });
  return subscriptionExchange({
    forwardSubscription: (request, operation) => ({
      subscribe(sink) {
        const connection = liveConnectionOf(operation.context);
        const variables: Record<string, unknown> = isRecord(request.variables) ? request.variables : {};
        const payload = {
          query: request.query ?? '',
          operationName: request.operationName,
          extensions: request.extensions,
          // Read as each attempt sends the request, so that a retry resumes after the last event applied.
          get variables(): Record<string, unknown> {
            const after = connection?.after();
            return after === undefined ? variables : { ...variables, after };
          },
        };
        const unsubscribe = sse.subscribe<Record<string, unknown>, Record<string, unknown>>(
          payload,
          {
            next(result) {
              const event = rootField(result.data);
              if (versions.admit(event))
                sink.next({ ...result, data: withOtherTypesFieldsNull(result.data, operation.query) });
              const cursor = eventCursor(event);
              if (cursor) connection?.applied(cursor);
            },
            error: (error) => sink.error(error),
            complete: () => sink.complete(),
          },
          {
            connecting: (retrying) => connection?.connecting(retrying),
            connected: () => connection?.connected(),
          },
        );
        return { unsubscribe };
      },
    }),
  });
}

/**
 * The client for one signed-in session (or for a visitor); make a new one when the session ends. With `deployment`,
 * every answer tells it which build the server runs (WEB-4.2).
 */
export function createAppClient(auth: Auth, deployment?: Deployment): Client {
  const versions = createKnownVersions();
  // The page's fetch at the time of each request (tests put a fake API there).
  const fetchFn: typeof fetch = deployment?.fetch ?? ((input, init) => fetch(input, init));
  return new Client({
    ...transport,
    fetch: fetchFn,
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
          WorkspaceApiTokensConnection: () => null,
          CreatedApiToken: () => null,
          WebhookWithSecret: () => null,
          WebhookDeliveriesConnection: () => null,
          WebhookAttempt: () => null,
          WebhookHeader: () => null,
          WorkspaceProjectsConnection: () => null,
          ProjectTasksConnection: () => null,
          WorkflowStateTasksConnection: () => null,
          TaskCommentsConnection: () => null,
          TaskActivityConnection: () => null,
          WorkspaceAuditEntriesConnection: () => null,
          UserAuditEntriesConnection: () => null,
          AuditDetail: () => null,
          ...Object.fromEntries(workspaceEventTypes.map((type) => [type, () => null])),
        },
        possibleTypes: { WorkspaceEvent: [...workspaceEventTypes] },
        // Pages fetched with `after` join the first page, so "Show more" grows the list in place.
        resolvers: {
          Workspace: {
            members: relayPagination(),
            invitations: nullableRelayPagination(),
            apiTokens: nullableRelayPagination(),
            auditEntries: nullableRelayPagination(),
            projects: relayPagination(),
          },
          User: { auditEntries: nullableRelayPagination() },
          Project: { tasks: relayPagination() },
          Webhook: { deliveries: relayPagination() },
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
              // The edit may make the task match a board's filter, or no longer match it.
              invalidateFilteredBoards(cache);
            },
            deleteTask(_result, args, cache) {
              removeTask(cache, argument(args, 'id'));
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
            createApiToken(_result, args, cache) {
              invalidateField(cache, entity('Workspace', argument(args, 'workspaceId')), 'apiTokens');
            },
            revokeApiToken(_result, args, cache) {
              // The token stays listed, marked revoked: its revocation time comes from the server.
              cache.invalidate(entity('ApiToken', argument(args, 'id')), 'revokedAt');
            },
            createWebhook(_result, args, cache) {
              invalidateField(cache, entity('Workspace', argument(args, 'workspaceId')), 'webhooks');
            },
            deleteWebhook(_result, args, cache) {
              cache.invalidate(entity('Webhook', argument(args, 'id')));
              invalidateWorkspaceLists(cache, 'webhooks');
            },
            removeMember(_result, args, cache) {
              cache.invalidate(entity('Membership', argument(args, 'membershipId')));
              invalidateWorkspaceLists(cache, 'members');
            },
          },
          // Teammates' changes, and one's own (applying both changes nothing more).
          Subscription: {
            workspaceEvents(result, args, cache) {
              applyWorkspaceEvent(cache, optionalString(args.workspaceId), result.workspaceEvents);
            },
          },
        },
      }),
      // Every answer tells which version of each entity the cache now holds (see `liveEventsExchange`).
      mapExchange({ onResult: (result) => versions.record(result.data) }),
      authExchange(async (utils) => ({
        addAuthToOperation(operation) {
          const token = auth.accessToken();
          return token ? utils.appendHeaders(operation, { Authorization: `Bearer ${token}` }) : operation;
        },
        // A visitor's UNAUTHENTICATED (a wrong password) has no session to refresh.
        didAuthError: (error) => auth.status() === 'signedIn' && hasErrorCode(error, 'UNAUTHENTICATED'),
        // While the session is being restored (a page's first queries, sent as its route opens), they wait for it.
        willAuthError: () => auth.status() === 'unknown' || auth.isExpiring(),
        async refreshAuth() {
          await auth.refresh();
        },
      })),
      liveEventsExchange(auth, versions, fetchFn),
      fetchExchange,
    ],
  });
}
