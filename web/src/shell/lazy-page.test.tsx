// A page that fails to load stays within the app's frame with a way to retry (WEB-4.1); its code gone with a new
// build offers the reload instead (WEB-4.2). Pages on demand under a router and the real app client, over a fake API.
import { A, createMemoryHistory, MemoryRouter, Route, type RouteSectionProps } from '@solidjs/router';
import { cleanup, fireEvent, render, screen, waitFor } from '@solidjs/testing-library';
import { Provider } from '@urql/solid';
import { type Component, ErrorBoundary, type JSX } from 'solid-js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi } from '../../test/fake-api.ts';
import { renderApp, signedIn } from '../../test/render-page.tsx';
import { createAppClient } from '../lib/client.ts';
import { createDeployment, DeploymentContext, VERSION_HEADER } from '../lib/deployment.ts';
import { networkErrorMessage } from '../lib/errors.ts';
import { lazyPage, PageCodeError, pageCodeFailedMessage, pageFailedMessage, retryingLoad } from './lazy-page.tsx';
import { NewVersionNotice, newVersionMessage } from './NewVersionNotice.tsx';
// Loaded up front so that the profile page opens quickly.
import '../features/accounts/ProfilePage.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  localStorage.clear();
});

/** A failed dynamic import, as Chromium reports one. */
const chunkFailure = () =>
  new TypeError('Failed to fetch dynamically imported module: /assets/MembersPage-0a1b2c3d.js');

/** A page module whose code arrives only while `reachable()` says so. */
function pageModule(reachable: () => boolean) {
  const attempts = { count: 0 };
  const MembersPage: Component = () => <h2>Members</h2>;
  const load = async () => {
    attempts.count += 1;
    if (!reachable()) throw chunkFailure();
    return { default: MembersPage };
  };
  return { load, attempts };
}

/** The app's frame: a header with navigation above the page, and the app's last-resort boundary around them. */
function Frame(props: RouteSectionProps): JSX.Element {
  return (
    <ErrorBoundary fallback={<h1>Something went wrong</h1>}>
      <header>
        <nav aria-label="Workspace">
          <A href="/">Overview</A>
          <A href="/members">Members</A>
        </nav>
      </header>
      <main>{props.children}</main>
    </ErrorBoundary>
  );
}

/** The routes `/` and `/members` (on demand) in the frame, under the real app client, watching for a new build. */
function renderRoutes(members: Component, options: { readonly version?: () => string } = {}) {
  const api = fakeApi(() => ({ __typename: 'Query' }));
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
    const answer = await api.fetch(input, init);
    const headers = new Headers(answer.headers);
    if (options.version) headers.set(VERSION_HEADER, options.version());
    return new Response(answer.body, { status: answer.status, headers });
  });
  const deployment = createDeployment('build-1');
  const client = createAppClient(signedIn('access-token'), deployment);
  const history = createMemoryHistory();
  history.set({ value: '/', replace: true, scroll: false });
  render(() => (
    <DeploymentContext.Provider value={deployment}>
      <Provider value={client}>
        <MemoryRouter history={history} root={Frame}>
          <Route path="/" component={() => <h2>Overview</h2>} />
          <Route path="/members" component={members} />
        </MemoryRouter>
      </Provider>
      <NewVersionNotice onReload={() => {}} />
    </DeploymentContext.Provider>
  ));
  return { requests: api.requests, path: () => history.get() };
}

const openMembers = () => fireEvent.click(screen.getByRole('link', { name: 'Members' }));

describe('a page loaded on demand', () => {
  it('WEB-4.1 forgets a failed load, so that the next one imports again, and keeps a successful one', async () => {
    let reachable = false;
    const { load, attempts } = pageModule(() => reachable);
    const loadPage = retryingLoad(load);
    const failure = await loadPage().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(PageCodeError);
    expect(failure instanceof PageCodeError && failure.cause).toBeInstanceOf(TypeError);
    await expect(loadPage()).rejects.toBeInstanceOf(PageCodeError);
    expect(attempts.count).toBe(2);

    reachable = true;
    const loaded = await loadPage();
    expect(await loadPage()).toBe(loaded);
    expect(attempts.count).toBe(3);
  });

  it('WEB-4.1 whose code does not arrive says so in its place, under the header and navigation, and Retry loads it', async () => {
    let reachable = false;
    const { load, attempts } = pageModule(() => reachable);
    const routes = renderRoutes(lazyPage(load));
    await screen.findByRole('heading', { name: 'Overview' });
    openMembers();

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(pageCodeFailedMessage);
    expect(screen.getByRole('heading', { name: 'This page could not load', level: 1 })).toBeTruthy();
    expect(alert.closest('main')).not.toBeNull();
    expect(routes.path()).toBe('/members');
    expect(screen.getByRole('navigation', { name: 'Workspace' })).toBeTruthy();
    expect(screen.queryByText('Something went wrong')).toBeNull();
    // The server still runs this page's build: nothing to reload.
    await waitFor(() => expect(routes.requests).toEqual(['ServerVersion']));
    expect(screen.getByRole('status').textContent).toBe('');

    // Still offline: Retry tries again, and says so again.
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(attempts.count).toBe(2));
    expect((await screen.findByRole('alert')).textContent).toContain(pageCodeFailedMessage);

    reachable = true;
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    await screen.findByRole('heading', { name: 'Members' });
    expect(screen.queryByRole('alert')).toBeNull();
    expect(attempts.count).toBe(3);
  });

  it('WEB-4.1 that fails while it renders stays in its place with Retry', async () => {
    let broken = true;
    const Flaky: Component = () => {
      if (broken) throw new Error('A bug.');
      return <h2>Members</h2>;
    };
    renderRoutes(lazyPage(async () => ({ default: Flaky })));
    await screen.findByRole('heading', { name: 'Overview' });
    openMembers();
    expect((await screen.findByRole('alert')).textContent).toContain(pageFailedMessage);
    expect(screen.getByRole('navigation', { name: 'Workspace' })).toBeTruthy();
    expect(screen.queryByText('Something went wrong')).toBeNull();

    broken = false;
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    await screen.findByRole('heading', { name: 'Members' });
  });

  it('WEB-4.2 whose code is gone with a new build offers the reload in its place and in the notice', async () => {
    const { load } = pageModule(() => false);
    let served = 'build-1';
    renderRoutes(lazyPage(load), { version: () => served });
    await screen.findByRole('heading', { name: 'Overview' });
    // Deployed meanwhile: the old build's chunks are gone.
    served = 'build-2';
    openMembers();

    const notices = await screen.findAllByText(new RegExp(newVersionMessage.replace('.', '\\.')));
    expect(notices).toHaveLength(2);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getAllByRole('button', { name: 'Reload' })).toHaveLength(2);
    expect(screen.getByRole('navigation', { name: 'Workspace' })).toBeTruthy();
  });
});

describe('a page whose data fails to load', () => {
  it('WEB-4.1 says so in its place, under the header, and its retry loads it once the network is back', async () => {
    let online = false;
    const mary = { __typename: 'User', id: 'u1', name: 'Mary Jackson' };
    const { fetch, requests } = fakeApi((operationName) => {
      switch (operationName) {
        case 'AppHeader':
          return { me: mary, workspaces: { __typename: 'QueryWorkspacesConnection', nodes: [] } };
        case 'Sessions':
          return { sessions: [] };
        case 'SecurityActivity':
          return { me: { ...mary, auditEntries: { __typename: 'UserAuditEntriesConnection', nodes: [] } } };
        case 'Profile':
          if (!online) throw new TypeError('Failed to fetch');
          return { me: { ...mary, email: 'mary@example.com' } };
        default:
          throw new Error(`The fake API does not know ${operationName}.`);
      }
    });
    vi.stubGlobal('fetch', fetch);
    renderApp('/profile');

    const alert = await screen.findByRole('alert', {}, { timeout: 5_000 });
    expect(alert.textContent).toContain(networkErrorMessage);
    expect(screen.getByRole('heading', { name: 'Profile', level: 1 })).toBeTruthy();
    // The app's header, with the account menu.
    await waitFor(() => expect(document.querySelector('.app-header')?.textContent).toContain('Mary Jackson'));

    online = true;
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await screen.findByText('mary@example.com');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(requests.filter((name) => name === 'Profile')).toHaveLength(2);
  }, 20_000);
});
