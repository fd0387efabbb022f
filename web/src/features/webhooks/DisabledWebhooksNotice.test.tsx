// The notice of webhooks Yello disabled, in the whole app (real routes, workspace layout, header and app client) over
// a fake API: owners and admins see it above every workspace page, naming each webhook and linking to it; it goes
// once the webhook is enabled again; others never ask for it.
import { cleanup, fireEvent, screen, waitFor, within } from '@solidjs/testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderApp } from '../../../test/render-page.tsx';
import { type FakeWebhook, fakeWebhook, webhooksApi } from '../../../test/webhooks.ts';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  localStorage.clear();
});

const pageInfo = { __typename: 'PageInfo', hasNextPage: false, endCursor: null };
const acme = { __typename: 'Workspace', id: 'w1', name: 'Acme', slug: 'acme' };

/** The app around the webhooks, for a viewer with `role` in workspace acme. */
function openWorkspace(role: 'ADMIN' | 'MEMBER', webhooks: FakeWebhook[]) {
  const admin = role === 'ADMIN';
  const viewerCan = { __typename: 'WorkspacePermissions', manageMembers: admin, updateSettings: admin };
  const api = webhooksApi({
    role,
    webhooks,
    others: (operationName) => {
      switch (operationName) {
        case 'AppHeader':
          return {
            me: { __typename: 'User', id: 'u1', name: 'Mary Jackson' },
            workspaces: { __typename: 'QueryWorkspacesConnection', nodes: [acme] },
          };
        case 'WorkspaceLayout':
          return { workspace: { ...acme, viewerCan } };
        case 'WorkspaceOverview':
          return {
            workspace: {
              ...acme,
              createdAt: '2026-01-05T09:00:00.000Z',
              viewerRole: role,
              viewerCan,
              members: { __typename: 'WorkspaceMembersConnection', totalCount: 0, pageInfo, nodes: [] },
              projects: { __typename: 'WorkspaceProjectsConnection', nodes: [] },
            },
          };
        default:
          throw new Error(`The fake API does not know ${operationName}.`);
      }
    },
  });
  vi.stubGlobal('fetch', api.fetch);
  return { ...api, app: renderApp('/acme') };
}

const gone = () =>
  fakeWebhook({
    id: 'h2',
    url: 'https://gone.example.com/hooks',
    enabled: false,
    disabledReason: 'The endpoint answered 410 Gone.',
  });

describe('the notice of disabled webhooks', () => {
  it('HOOK-6.4 admins see each webhook Yello disabled, named and linked, on every page until it is enabled again', async () => {
    const { app, requests } = openWorkspace('ADMIN', [
      fakeWebhook({ id: 'h1', url: 'https://fine.example.com/hooks' }),
      gone(),
    ]);
    const link = await screen.findByRole('link', { name: 'https://gone.example.com/hooks' }, { timeout: 5_000 });
    const notice = link.closest('p');
    expect(notice?.textContent).toContain('Yello disabled the webhook https://gone.example.com/hooks');
    expect(notice?.textContent).toContain('The endpoint answered 410 Gone.');
    expect(screen.queryByText(/fine\.example\.com/)).toBeNull();
    expect(link.getAttribute('href')).toBe('/acme/settings/webhooks/h2');
    const readings = requests.filter((name) => name === 'DisabledWebhooks').length;

    // The link opens the webhook's page, above which the notice stays (read again on the way), until it is enabled.
    fireEvent.click(link);
    await screen.findByRole('heading', { name: 'https://gone.example.com/hooks', level: 1 }, { timeout: 5_000 });
    expect(app.path()).toBe('/acme/settings/webhooks/h2');
    await waitFor(() =>
      expect(requests.filter((name) => name === 'DisabledWebhooks').length).toBeGreaterThan(readings),
    );
    expect(screen.getByRole('link', { name: 'https://gone.example.com/hooks' })).toBeTruthy();
    const state = screen.getByRole('region', { name: 'State and secret' });
    fireEvent.click(within(state).getByRole('button', { name: 'Enable' }));
    await waitFor(() => expect(screen.queryByRole('link', { name: 'https://gone.example.com/hooks' })).toBeNull());
    expect(screen.queryByText(/Yello disabled the webhook/)).toBeNull();
  }, 20_000);

  it('HOOK-6.4 members see no notice: the app does not even ask for the webhooks', async () => {
    const { requests } = openWorkspace('MEMBER', [gone()]);
    await screen.findByRole('heading', { name: 'Acme', level: 1 }, { timeout: 5_000 });
    expect(screen.queryByText(/Yello disabled the webhook/)).toBeNull();
    expect(requests).not.toContain('DisabledWebhooks');
  }, 20_000);
});
