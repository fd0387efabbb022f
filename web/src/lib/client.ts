// The urql client: normalized cache, bearer token with refresh on UNAUTHENTICATED, fetch.
import { Client, type ClientOptions, fetchExchange } from '@urql/core';
import { authExchange } from '@urql/exchange-auth';
import { cacheExchange } from '@urql/exchange-graphcache';
import { graphql } from '../graphql.ts';
import { type Auth, type RequestRefresh, SessionTokenFields } from './auth.ts';

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

/** The client for one signed-in session (or for a visitor); make a new one when the session ends. */
export function createAppClient(auth: Auth): Client {
  return new Client({
    ...transport,
    exchanges: [
      cacheExchange({
        keys: { AuthPayload: () => null },
        updates: {
          Mutation: {
            revokeSession(_result, args, cache) {
              cache.invalidate({ __typename: 'Session', id: String(args.id) });
            },
            changePassword(_result, _args, cache) {
              cache.invalidate('Query', 'sessions');
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
        didAuthError: (error) =>
          auth.status() === 'signedIn' &&
          error.graphQLErrors.some((graphQLError) => graphQLError.extensions.code === 'UNAUTHENTICATED'),
        willAuthError: () => auth.isExpiring(),
        async refreshAuth() {
          await auth.refresh();
        },
      })),
      fetchExchange,
    ],
  });
}
