// The app client's behaviour on screen: the real exchanges and cache over a fake API behind fetch.
import { render, waitFor } from '@solidjs/testing-library';
import { createQuery, Provider } from '@urql/solid';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi } from '../../test/fake-api.ts';
import { graphql } from '../graphql.ts';
import { createAuth } from './auth.ts';
import { createAppClient } from './client.ts';

const WorkspaceNameQuery = graphql(`
  query WorkspaceName($slug: String!) {
    workspace(slug: $slug) {
      id
      name
    }
  }
`);

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('the app client', () => {
  it('PT-8.7 fetches what is on screen again when the user comes back to the tab', async () => {
    let name = 'Acme';
    const { fetch, requests } = fakeApi(() => ({ workspace: { __typename: 'Workspace', id: 'w1', name } }));
    vi.stubGlobal('fetch', fetch);
    const client = createAppClient(createAuth(async () => ({ kind: 'signedOut' })));
    const WorkspaceName = () => {
      const [result] = createQuery({ query: WorkspaceNameQuery, variables: { slug: 'acme' } });
      return <p>{result.data?.workspace.name ?? 'loading'}</p>;
    };
    const { container, unmount } = render(() => (
      <Provider value={client}>
        <WorkspaceName />
      </Provider>
    ));
    await waitFor(() => expect(container.textContent).toBe('Acme'));

    name = 'Acme Rockets';
    vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('visible');
    document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
    await waitFor(() => expect(container.textContent).toBe('Acme Rockets'));
    expect(requests).toEqual(['WorkspaceName', 'WorkspaceName']);
    unmount();
  });
});
