// Renders one page of the app at a URL, under the router and the real app client (lib/client.ts), as main.tsx does.
import { createMemoryHistory, MemoryRouter, Route } from '@solidjs/router';
import { render } from '@solidjs/testing-library';
import type { Client } from '@urql/core';
import { Provider } from '@urql/solid';
import type { Component } from 'solid-js';
import { createAuth } from '../src/lib/auth.ts';
import { createAppClient } from '../src/lib/client.ts';

/** The app client of a visitor (no token): the fake API behind `fetch` does not check one. */
export const visitorClient = (): Client => createAppClient(createAuth(async () => ({ kind: 'signedOut' })));

interface PageOptions {
  /** The route, with its parameters, e.g. `/:slug/projects/:key`. */
  readonly path: string;
  /** The URL opened, e.g. `/acme/projects/LP`. */
  readonly url: string;
  readonly page: Component;
  readonly client: Client;
}

export function renderPage(options: PageOptions): ReturnType<typeof render> {
  const history = createMemoryHistory();
  history.set({ value: options.url, replace: true, scroll: false });
  return render(() => (
    <MemoryRouter history={history} root={(props) => <Provider value={options.client}>{props.children}</Provider>}>
      <Route path={options.path} component={options.page} />
    </MemoryRouter>
  ));
}
