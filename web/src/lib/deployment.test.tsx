// Noticing a new build of Yello on the server (WEB-4.2): the page's version against the one the server's answers name,
// through the real app client over a fake API, and the notice that offers the reload without touching the page.
import { cleanup, fireEvent, render, screen, waitFor } from '@solidjs/testing-library';
import { createQuery, Provider } from '@urql/solid';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi } from '../../test/fake-api.ts';
import { signedIn } from '../../test/render-page.tsx';
import { graphql } from '../graphql.ts';
import { NewVersionNotice, newVersionMessage } from '../shell/NewVersionNotice.tsx';
import { createAppClient } from './client.ts';
import { createDeployment, DeploymentContext, isNewVersion, pageVersion, VERSION_HEADER } from './deployment.ts';

const WorkspaceNameQuery = graphql(`
  query WorkspaceName($slug: String!) {
    workspace(slug: $slug) {
      id
      name
    }
  }
`);

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

/** The fake API, its answers naming the build `served()` says (none when it says undefined). */
function serving(served: () => string | undefined) {
  const api = fakeApi(() => ({ workspace: { __typename: 'Workspace', id: 'w1', name: 'Acme' } }));
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
    const answer = await api.fetch(input, init);
    const headers = new Headers(answer.headers);
    const version = served();
    if (version) headers.set(VERSION_HEADER, version);
    return new Response(answer.body, { status: answer.status, headers });
  });
  return api.requests;
}

describe('a new deployment', () => {
  it('WEB-4.2 is another build named by the server than the page’s; an unknown version on either side is none', () => {
    expect(isNewVersion('build-1', 'build-2')).toBe(true);
    expect(isNewVersion('build-1', 'build-1')).toBe(false);
    expect(isNewVersion('build-1', null)).toBe(false);
    expect(isNewVersion(undefined, 'build-2')).toBe(false);

    const page = document.implementation.createHTMLDocument('Yello');
    expect(pageVersion(page)).toBeUndefined();
    page.head.insertAdjacentHTML('beforeend', '<meta name="yello-version" content="build-1" />');
    expect(pageVersion(page)).toBe('build-1');
  });

  it('WEB-4.2 shows a notice with Reload once an answer names another build, and what the user typed stays', async () => {
    let served = 'build-1';
    const requests = serving(() => served);
    const deployment = createDeployment('build-1');
    const client = createAppClient(signedIn('access-token'), deployment);
    const onReload = vi.fn();
    let refetch = (): void => {};
    const Page = () => {
      const [workspace, fetchAgain] = createQuery({ query: WorkspaceNameQuery, variables: { slug: 'acme' } });
      refetch = () => fetchAgain({ requestPolicy: 'network-only' });
      return (
        <form>
          <h1>{workspace.data?.workspace.name ?? 'Loading'}</h1>
          <label>
            Comment
            <textarea name="comment" />
          </label>
        </form>
      );
    };
    render(() => (
      <DeploymentContext.Provider value={deployment}>
        <Provider value={client}>
          <Page />
        </Provider>
        <NewVersionNotice onReload={onReload} />
      </DeploymentContext.Provider>
    ));
    await screen.findByRole('heading', { name: 'Acme' });
    const status = screen.getByRole('status');
    expect(status.textContent).toBe('');
    const comment = screen.getByLabelText('Comment');
    fireEvent.input(comment, { target: { value: 'Half a thought' } });

    served = 'build-2';
    refetch();
    await waitFor(() => expect(status.textContent).toContain(newVersionMessage));
    expect(requests).toEqual(['WorkspaceName', 'WorkspaceName']);
    // Nothing was replaced: the same field, with the same text.
    expect(screen.getByLabelText('Comment')).toBe(comment);
    expect(screen.getByLabelText<HTMLTextAreaElement>('Comment').value).toBe('Half a thought');
    expect(onReload).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole('button', { name: 'Reload' }));
    expect(onReload).toHaveBeenCalledTimes(1);
  });

  it('WEB-4.2 stays noticed when a later answer comes from an instance still on the old build', async () => {
    let served = 'build-2';
    serving(() => served);
    const deployment = createDeployment('build-1');
    const ask = () => deployment.fetch('/graphql', { method: 'POST', body: JSON.stringify({ query: '' }) });
    await ask();
    expect(deployment.newVersion()).toBe(true);
    served = 'build-1';
    await ask();
    expect(deployment.newVersion()).toBe(true);
  });

  it('WEB-4.2 is never noticed where the page or the server names no version (the dev server)', async () => {
    let served: string | undefined;
    serving(() => served);
    const ask = (deployment: ReturnType<typeof createDeployment>) =>
      deployment.fetch('/graphql', { method: 'POST', body: JSON.stringify({ query: '' }) });
    const unversionedPage = createDeployment(undefined);
    served = 'build-2';
    await ask(unversionedPage);
    expect(unversionedPage.newVersion()).toBe(false);
    const versionedPage = createDeployment('build-1');
    served = undefined;
    expect((await ask(versionedPage)).ok).toBe(true);
    expect(versionedPage.newVersion()).toBe(false);
  });
});
