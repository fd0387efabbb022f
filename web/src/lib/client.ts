// The urql client: normalized cache, bearer token with refresh on UNAUTHENTICATED, fetch.
import { Client, type ClientOptions, fetchExchange } from '@urql/core';
import { authExchange } from '@urql/exchange-auth';
import { type Cache, cacheExchange, type Entity, type Variables } from '@urql/exchange-graphcache';
import { relayPagination } from '@urql/exchange-graphcache/extras';
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
    return result.data?.refreshSession ?? null;
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
function invalidateWorkspaceLists(cache: Cache, field: 'members' | 'invitations'): void {
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

/** The client for one signed-in session (or for a visitor); make a new one when the session ends. */
export function createAppClient(auth: Auth): Client {
  return new Client({
    ...transport,
    exchanges: [
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
        },
        // Pages fetched with `after` join the first page, so "Show more" grows the list in place.
        resolvers: {
          Workspace: { members: relayPagination(), invitations: relayPagination() },
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
