// Renders one page of the app at a URL, under the router and the real app client (lib/client.ts), as main.tsx does,
// alone or under its workspace's live events; or the whole app (its real routes, pages loaded on demand, header
// included) for a signed-in user.

// The whole app imports assets (the header's logo) the way Vite builds them; this file is checked with the Node
// settings (tsconfig.node.json), so it names Vite's client types itself.
/// <reference types="vite/client" />
import { createMemoryHistory, MemoryRouter, Route, type RouteSectionProps } from '@solidjs/router';
import { render } from '@solidjs/testing-library';
import type { Client } from '@urql/core';
import { Provider } from '@urql/solid';
import { maskFragments } from 'gql.tada';
import type { Component, JSX } from 'solid-js';
import { LiveStatus } from '../src/features/workspaces/LiveStatus.tsx';
import { createWorkspaceEvents, WorkspaceEventsContext } from '../src/features/workspaces/workspace-events.ts';
import { type Auth, AuthContext, createAuth, type RequestRefresh, SessionTokenFields } from '../src/lib/auth.ts';
import { createAppClient } from '../src/lib/client.ts';
import { routes } from '../src/routes.ts';

/** The app client of a visitor (no token): the fake API behind `fetch` does not check one. */
export const visitorClient = (): Client => createAppClient(createAuth(async () => ({ kind: 'signedOut' })));

/** A session signed in with `accessToken`, valid for `validForMs`; `refresh` answers its refreshes. */
export function signedIn(
  accessToken: string,
  validForMs = 15 * 60_000,
  refresh: RequestRefresh = async () => ({ kind: 'signedOut' }),
): Auth {
  const auth = createAuth(refresh);
  auth.signIn(sessionToken(accessToken, validForMs));
  return auth;
}

/** A token as the API answers a sign-in or a refresh. */
export const sessionToken = (accessToken: string, validForMs = 15 * 60_000) =>
  maskFragments([SessionTokenFields], { accessToken, expiresAt: new Date(Date.now() + validForMs).toISOString() });

/**
 * A page under the live events of workspace `workspaceId`, as the workspace layout holds them, with the layout's
 * indicator of their connection.
 */
export function withWorkspaceEvents(Page: Component, workspaceId: string): Component {
  return (): JSX.Element => {
    const events = createWorkspaceEvents(() => workspaceId);
    return (
      <WorkspaceEventsContext.Provider value={events}>
        <LiveStatus status={events.status()} />
        <Page />
      </WorkspaceEventsContext.Provider>
    );
  };
}

interface PageOptions {
  /** The route, with its parameters, e.g. `/:slug/projects/:key`. */
  readonly path: string;
  /** The URL opened, e.g. `/acme/projects/LP`. */
  readonly url: string;
  /** The route's component: a page, or a layout (which gets the route's props). */
  readonly page: Component<RouteSectionProps>;
  readonly client: Client;
}

/** Renders the page; `path()` is the router's current location (the query string the page keeps its state in). */
export function renderPage(options: PageOptions): ReturnType<typeof render> & { readonly path: () => string } {
  const history = createMemoryHistory();
  history.set({ value: options.url, replace: true, scroll: false });
  const rendered = render(() => (
    <MemoryRouter history={history} root={(props) => <Provider value={options.client}>{props.children}</Provider>}>
      <Route path={options.path} component={options.page} />
    </MemoryRouter>
  ));
  return { ...rendered, path: () => history.get() };
}

/**
 * Renders the whole app at a URL for a signed-in user, as main.tsx does once the session is restored: the real
 * routes (each page's code loaded on demand), the header, and the real app client over whatever `fetch` is.
 * `path()` is the router's current location.
 */
export function renderApp(url: string): ReturnType<typeof render> & { readonly path: () => string } {
  const auth = signedIn('access-token');
  const client = createAppClient(auth);
  const history = createMemoryHistory();
  history.set({ value: url, replace: true, scroll: false });
  const rendered = render(() => (
    <AuthContext.Provider value={auth}>
      <Provider value={client}>
        <MemoryRouter history={history}>{routes}</MemoryRouter>
      </Provider>
    </AuthContext.Provider>
  ));
  return { ...rendered, path: () => history.get() };
}
