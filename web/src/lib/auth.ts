// Who is signed in. The access token lives in memory only; refreshes are single-flight in a tab
// and serialized across tabs, because a refresh token presented twice revokes the session.

import { type FragmentOf, readFragment } from 'gql.tada';
import { type Accessor, createContext, createSignal, useContext } from 'solid-js';
import { graphql } from '../graphql.ts';

export const SessionTokenFields = graphql(`
  fragment SessionTokenFields on AuthPayload {
    accessToken
    expiresAt
  }
`);

export type SessionToken = FragmentOf<typeof SessionTokenFields>;
/** `unavailable`: the session could not be checked because the server gave no answer (start-up only). */
export type AuthStatus = 'unknown' | 'signedIn' | 'signedOut' | 'unavailable';

/**
 * What a refresh found: a new token; no session (the server said UNAUTHENTICATED); or no answer, which says
 * nothing about the session.
 */
export type RefreshOutcome =
  | { readonly kind: 'refreshed'; readonly token: SessionToken }
  | { readonly kind: 'signedOut' }
  | { readonly kind: 'unavailable' };

/** Trades the refresh cookie for a new token. */
export type RequestRefresh = () => Promise<RefreshOutcome>;

export interface Auth {
  readonly status: Accessor<AuthStatus>;
  /** Increases each time a session ends, so whatever was kept for that session can be dropped. */
  readonly generation: Accessor<number>;
  accessToken(): string | undefined;
  /** Whether the token expires so soon that a request sent now would be refused. */
  isExpiring(): boolean;
  signIn(token: SessionToken): void;
  signOut(): void;
  /**
   * Refreshes the session (or restores it on start-up); signs out when the server refuses. Without an answer a
   * signed-in user stays signed in (the failed request shows its error), and start-up becomes `unavailable`.
   */
  refresh(): Promise<boolean>;
}

type State =
  | { readonly status: 'unknown' | 'signedOut' | 'unavailable' }
  | { readonly status: 'signedIn'; readonly accessToken: string; readonly expiresAt: number };

const expiryMarginMs = 30_000;

// Browsers without the Web Locks API still get the in-tab single flight.
const withRefreshLock = (task: () => Promise<boolean>): Promise<boolean> =>
  navigator.locks ? navigator.locks.request('yello-refresh', task) : task();

export function createAuth(requestRefresh: RequestRefresh): Auth {
  const [state, setState] = createSignal<State>({ status: 'unknown' });
  const [generation, setGeneration] = createSignal(0);
  let pendingRefresh: Promise<boolean> | undefined;

  const signIn = (token: SessionToken): void => {
    const { accessToken, expiresAt } = readFragment(SessionTokenFields, token);
    setState({ status: 'signedIn', accessToken, expiresAt: Date.parse(expiresAt) });
  };

  const signOut = (): void => {
    if (state().status === 'signedIn') setGeneration((count) => count + 1);
    setState({ status: 'signedOut' });
  };

  const refreshNow = async (): Promise<boolean> => {
    if (state().status === 'unavailable') setState({ status: 'unknown' });
    const outcome = await requestRefresh();
    switch (outcome.kind) {
      case 'refreshed':
        signIn(outcome.token);
        return true;
      case 'signedOut':
        signOut();
        return false;
      case 'unavailable':
        if (state().status === 'unknown') setState({ status: 'unavailable' });
        return false;
    }
  };

  return {
    status: () => state().status,
    generation,
    accessToken() {
      const current = state();
      return current.status === 'signedIn' ? current.accessToken : undefined;
    },
    isExpiring() {
      const current = state();
      return current.status === 'signedIn' && current.expiresAt - Date.now() < expiryMarginMs;
    },
    signIn,
    signOut,
    refresh() {
      pendingRefresh ??= withRefreshLock(refreshNow).finally(() => {
        pendingRefresh = undefined;
      });
      return pendingRefresh;
    },
  };
}

export const AuthContext = createContext<Auth>();

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth() needs an <AuthContext.Provider> above it.');
  return auth;
}
