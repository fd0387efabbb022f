// The pending invitations list when the API withholds it: a role below ADMIN reads `invitations` as null (with
// FORBIDDEN), and the list is then not shown, rather than failing the page or claiming there are none.
import { cleanup, screen, waitFor } from '@solidjs/testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi } from '../../../test/fake-api.ts';
import { renderPage, visitorClient } from '../../../test/render-page.tsx';
import { PendingInvitations } from './PendingInvitations.tsx';

const pageInfo = { __typename: 'PageInfo', hasNextPage: false, endCursor: null };

function open(invitations: unknown) {
  const { fetch, requests } = fakeApi(() => ({ workspace: { __typename: 'Workspace', id: 'w1', invitations } }));
  vi.stubGlobal('fetch', fetch);
  renderPage({
    path: '/:slug/members',
    url: '/acme/members',
    page: () => <PendingInvitations slug="acme" />,
    client: visitorClient(),
  });
  return requests;
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('pending invitations', () => {
  it('WS-5.9, WS-6.3 shows no list, no empty state and no error where the API answers null invitations', async () => {
    const requests = open(null);
    await waitFor(() => expect(requests).toEqual(['PendingInvitations']));
    await waitFor(() => expect(screen.queryByText('Loading invitations…')).toBeNull());
    expect(screen.queryByRole('list')).toBeNull();
    expect(screen.queryByText('No pending invitations.')).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('WS-6.3 says so when there are no pending invitations', async () => {
    open({ __typename: 'WorkspaceInvitationsConnection', pageInfo, nodes: [] });
    expect(await screen.findByText('No pending invitations.')).toBeTruthy();
  });
});
