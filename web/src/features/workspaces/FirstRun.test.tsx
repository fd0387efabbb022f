// The first-run page in the whole app (real routes, header and app client) over a fake API: creating the first
// workspace opens it, whatever arrives first, the answers or the code of the next page.
import { cleanup, fireEvent, screen } from '@solidjs/testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, Refusal } from '../../../test/fake-api.ts';
import { renderApp } from '../../../test/render-page.tsx';
// Loaded up front so the first-run page opens quickly; the workspace pages are left to load on demand.
import './HomePage.tsx';

/** The workspace layout's code arrives when the test says, as on a slow network or a busy machine. */
const workspaceLayoutCode = vi.hoisted(() => {
  let arrive = (): void => {};
  const arrived = new Promise<void>((resolve) => {
    arrive = resolve;
  });
  return { arrived, arrive: () => arrive() };
});

vi.mock('./WorkspaceLayout.tsx', async (importOriginal) => {
  await workspaceLayoutCode.arrived;
  return importOriginal();
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  localStorage.clear();
});

const pageInfo = { __typename: 'PageInfo', hasNextPage: false, endCursor: null };
const wind = { __typename: 'Workspace', id: 'w1', name: 'Wind', slug: 'wind' };

/** The API of a user without a workspace until `CreateWorkspace`; it answers at once, as a fast server would. */
function firstRunApi() {
  let created = false;
  const workspaces = () => ({ workspaces: { __typename: 'QueryWorkspacesConnection', nodes: created ? [wind] : [] } });
  // The server refuses a query whose required `$slug` is missing, as GraphQL does.
  const bySlug = (variables: Record<string, unknown>, workspace: object) =>
    variables.slug === undefined
      ? new Refusal('Variable "$slug" of required type "String!" was not provided.', 'BAD_USER_INPUT')
      : variables.slug === wind.slug
        ? { workspace }
        : new Refusal('This workspace does not exist.', 'NOT_FOUND');
  return fakeApi((operationName, variables) => {
    switch (operationName) {
      case 'AppHeader':
        return { me: { __typename: 'User', id: 'u1', name: 'Mary Jackson' }, ...workspaces() };
      case 'HomeWorkspaces':
        return workspaces();
      case 'CreateWorkspace':
        created = true;
        return { createWorkspace: wind };
      case 'WorkspaceLayout':
        return bySlug(variables, {
          ...wind,
          viewerCan: { __typename: 'WorkspacePermissions', updateSettings: true },
        });
      case 'DisabledWebhooks':
        return bySlug(variables, { ...wind, webhooks: [] });
      case 'WorkspaceOverview':
        return bySlug(variables, {
          ...wind,
          createdAt: '2026-01-05T09:00:00.000Z',
          viewerRole: 'OWNER',
          viewerCan: { __typename: 'WorkspacePermissions', manageMembers: true, updateSettings: true },
          members: {
            __typename: 'WorkspaceMembersConnection',
            totalCount: 1,
            pageInfo,
            nodes: [
              { __typename: 'Membership', id: 'm1', user: { __typename: 'User', id: 'u1', name: 'Mary Jackson' } },
            ],
          },
          projects: { __typename: 'WorkspaceProjectsConnection', nodes: [] },
        });
      default:
        throw new Error(`The fake API does not know ${operationName}.`);
    }
  });
}

describe('the first-run page', () => {
  // Creating the workspace fetches the user's workspace list again (for the header and the home page); its answer
  // comes while the workspace page's code is still loading. The page must open with the new workspace's slug.
  it('WS-6.1 opens the workspace just created when the workspace list arrives before the page’s code', async () => {
    const { fetch, requests } = firstRunApi();
    vi.stubGlobal('fetch', fetch);
    const app = renderApp('/');
    await screen.findByRole('heading', { name: 'Welcome to Yello' }, { timeout: 5_000 });
    fireEvent.input(screen.getByLabelText('Workspace name'), { target: { value: 'Wind' } });
    fireEvent.submit(screen.getByRole('button', { name: 'Create workspace' }));

    // The header's (closed) workspace menu lists the new workspace: the list came back before the page's code.
    await screen.findByRole('menuitem', { name: 'Wind', hidden: true });
    workspaceLayoutCode.arrive();

    await screen.findByRole('heading', { name: 'Wind', level: 1 }, { timeout: 5_000 });
    expect(app.path()).toBe('/wind');
    expect(screen.queryByRole('alert')).toBeNull();
    // The header names the workspace open, from the same route parameter.
    await screen.findByRole('button', { name: /^Workspace:\s*Wind$/ });
    expect(requests.filter((name) => name === 'WorkspaceLayout' || name === 'WorkspaceOverview')).toEqual([
      'WorkspaceLayout',
      'WorkspaceOverview',
    ]);
  }, 20_000);
});
