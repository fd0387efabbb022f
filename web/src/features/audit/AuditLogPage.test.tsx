// The audit log page over a fake API, with the real app client and its cache: admins read the entries with who, what,
// from where and when; the filters go to the URL and to the API; "Show more" pages on; other roles are told they
// cannot read it. The profile shows the person's own recent entries.
import { cleanup, fireEvent, screen, waitFor, within } from '@solidjs/testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi } from '../../../test/fake-api.ts';
import { renderPage, visitorClient } from '../../../test/render-page.tsx';
import AuditLogPage from './AuditLogPage.tsx';
import { SecurityActivity } from './SecurityActivity.tsx';

const people = {
  ada: { __typename: 'User', id: 'u1', name: 'Ada Lovelace' },
  grace: { __typename: 'User', id: 'u2', name: 'Grace Hopper' },
};

interface FakeEntry {
  readonly id: string;
  readonly action: string;
  readonly actor: { readonly __typename: string; readonly id: string; readonly name: string } | null;
  readonly actorName?: string | null;
  readonly apiTokenId?: string | null;
  readonly targetType?: string;
  readonly targetLabel: string | null;
  readonly details?: readonly { readonly name: string; readonly value: string }[];
}

const entry = (fields: FakeEntry) => ({
  __typename: 'AuditEntry',
  targetType: fields.action.startsWith('SIGN_IN') ? 'ACCOUNT' : 'MEMBERSHIP',
  createdAt: '2026-11-20T10:30:00.000Z',
  actorName: fields.actor?.name ?? null,
  apiTokenId: null,
  ipAddress: '203.0.113.7',
  userAgent: 'Firefox/140.0',
  ...fields,
  details: (fields.details ?? []).map((detail) => ({ __typename: 'AuditDetail', ...detail })),
});

const someEntries = [
  entry({
    id: 'a3',
    action: 'MEMBER_ROLE_CHANGED',
    actor: people.ada,
    targetLabel: 'grace@example.com',
    details: [
      { name: 'previousRole', value: 'MEMBER' },
      { name: 'role', value: 'ADMIN' },
    ],
  }),
  entry({ id: 'a2', action: 'API_TOKEN_CREATED', actor: people.grace, apiTokenId: 't1', targetLabel: 'Deploy bot' }),
  entry({ id: 'a1', action: 'WORKSPACE_UPDATED', actor: null, actorName: 'Alan Turing', targetLabel: 'Acme' }),
];

/** The API of one workspace's audit log for a viewer of `role`: pages of two entries, filtered by action. */
function open(url: string, role: 'ADMIN' | 'MEMBER' = 'ADMIN', entries = someEntries) {
  const filters: unknown[] = [];
  const { fetch, requests } = fakeApi((operationName, variables) => {
    if (operationName !== 'WorkspaceAuditLog') throw new Error(`The fake API does not know ${operationName}.`);
    filters.push(variables.filter);
    const filter = typeof variables.filter === 'object' && variables.filter !== null ? variables.filter : {};
    const action = 'action' in filter ? filter.action : undefined;
    const matching = entries.filter((item) => action === undefined || item.action === action);
    const start = variables.after === 'cursor-2' ? 2 : 0;
    const page = matching.slice(start, start + 2);
    return {
      workspace: {
        __typename: 'Workspace',
        id: 'w1',
        name: 'Acme',
        slug: 'acme',
        viewerCan: { __typename: 'WorkspacePermissions', manageMembers: role === 'ADMIN' },
        labels: [],
        members: {
          __typename: 'WorkspaceMembersConnection',
          pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
          nodes: [
            { __typename: 'Membership', id: 'm1', user: people.ada },
            { __typename: 'Membership', id: 'm2', user: people.grace },
          ],
        },
        auditEntries:
          role === 'ADMIN'
            ? {
                __typename: 'WorkspaceAuditEntriesConnection',
                pageInfo: {
                  __typename: 'PageInfo',
                  hasNextPage: start + 2 < matching.length,
                  endCursor: `cursor-${start + 2}`,
                },
                nodes: page,
              }
            : null,
      },
    };
  });
  vi.stubGlobal('fetch', fetch);
  const { path } = renderPage({ path: '/:slug/settings/audit-log', url, page: AuditLogPage, client: visitorClient() });
  return { filters, requests, path };
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

/** The row of the entry whose action reads `label`. */
async function row(label: string): Promise<HTMLElement> {
  const title = await screen.findByText(label, { selector: '.row-title span' });
  const item = title.closest('li');
  if (!item) throw new Error(`${label} is not in a list item.`);
  return item;
}

describe('the audit log page', () => {
  it('HOOK-2.3 an admin reads each entry: the action and its target, who, with a token or not, from where, when, and what changed', async () => {
    open('/acme/settings/audit-log');
    const changed = await row('Role changed');
    expect(changed.textContent).toContain('grace@example.com');
    expect(changed.textContent).toContain('Ada Lovelace');
    expect(changed.textContent).toContain('From 203.0.113.7');
    expect(changed.textContent).toContain('Firefox/140.0');
    expect(changed.textContent).toContain('Role: Member → Admin');
    expect(within(changed).getByText(/2026/, { selector: 'time' }).getAttribute('datetime')).toBe(
      '2026-11-20T10:30:00.000Z',
    );
    expect(within(await row('API token created')).getByText('API token')).toBeTruthy();
    expect(screen.getByRole('navigation', { name: 'Settings' }).textContent).toContain('Audit log');
  });

  it('HOOK-2.3 the filters come from the URL, change it, and narrow what the API is asked for; Show more pages on', async () => {
    const { filters, path } = open('/acme/settings/audit-log?action=member_role_changed&from=2026-11-02');
    await row('Role changed');
    expect(filters[0]).toEqual({ action: 'MEMBER_ROLE_CHANGED', since: new Date(2026, 10, 2).toISOString() });
    expect(screen.getByLabelText<HTMLSelectElement>('Action').value).toBe('MEMBER_ROLE_CHANGED');
    expect(screen.getByLabelText<HTMLInputElement>('From').value).toBe('2026-11-02');

    fireEvent.change(screen.getByLabelText('Who'), { target: { value: 'u1' } });
    await waitFor(() => expect(path()).toContain('actor=u1'));
    await waitFor(() => expect(filters.at(-1)).toMatchObject({ actorId: 'u1', action: 'MEMBER_ROLE_CHANGED' }));

    fireEvent.click(screen.getByRole('link', { name: 'Clear filters' }));
    await waitFor(() => expect(filters.at(-1)).toEqual({}));
    await row('API token created');
    expect(screen.queryByText('Workspace deleted', { selector: '.row-title span' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Show more' }));
    // A former member is named; nobody is shown as a person for it.
    expect((await row('Settings changed')).textContent).toContain('Alan Turing');
  });

  it('HOOK-2.4 a workspace’s creation reads “Workspace created” with its name and URL and can be filtered on; an invitation a new one replaced reads as revoked, saying why', async () => {
    const { filters } = open('/acme/settings/audit-log?action=workspace_created', 'ADMIN', [
      entry({
        id: 'c3',
        action: 'INVITATION_CREATED',
        actor: people.ada,
        targetType: 'INVITATION',
        targetLabel: 'alan@example.com',
        details: [{ name: 'role', value: 'ADMIN' }],
      }),
      entry({
        id: 'c2',
        action: 'INVITATION_REVOKED',
        actor: people.ada,
        targetType: 'INVITATION',
        targetLabel: 'alan@example.com',
        // By name, as the API gives them.
        details: [
          { name: 'reason', value: 'REPLACED_BY_NEW_INVITATION' },
          { name: 'role', value: 'MEMBER' },
        ],
      }),
      entry({
        id: 'c1',
        action: 'WORKSPACE_CREATED',
        actor: people.ada,
        targetType: 'WORKSPACE',
        targetLabel: 'Acme',
        details: [
          { name: 'name', value: 'Acme' },
          { name: 'slug', value: 'acme' },
        ],
      }),
    ]);
    const created = await row('Workspace created');
    expect(filters[0]).toEqual({ action: 'WORKSPACE_CREATED' });
    expect(screen.getByLabelText<HTMLSelectElement>('Action').value).toBe('WORKSPACE_CREATED');
    expect(within(screen.getByLabelText('Action')).getByRole('option', { name: 'Workspace created' })).toBeTruthy();
    expect(created.textContent).toContain('Acme');
    expect(created.textContent).toContain('Ada Lovelace');
    expect(within(created).getByText('Name: Acme')).toBeTruthy();
    expect(within(created).getByText('URL: acme')).toBeTruthy();

    fireEvent.click(screen.getByRole('link', { name: 'Clear filters' }));
    const revoked = await row('Invitation revoked');
    expect(revoked.textContent).toContain('alan@example.com');
    expect(within(revoked).getByText('Role: Member')).toBeTruthy();
    expect(within(revoked).getByText('Why: Replaced by new invitation')).toBeTruthy();
    expect(within(await row('Invitation sent')).getByText('Role: Admin')).toBeTruthy();
  });

  it('HOOK-2.3 a member is told only owners and admins read it, and the settings do not offer it', async () => {
    open('/acme/settings/audit-log', 'MEMBER');
    expect(await screen.findByText(/Only the workspace’s owners and admins can read its audit log/)).toBeTruthy();
    expect(screen.getByRole('navigation', { name: 'Settings' }).textContent).not.toContain('Audit log');
    expect(screen.queryByRole('form', { name: 'Filter the audit log' })).toBeNull();
  });
});

describe('the profile’s security activity', () => {
  it('HOOK-2.3 lists the person’s latest account entries with where they came from, without naming the person', async () => {
    const asked: unknown[] = [];
    const { fetch } = fakeApi((operationName, variables) => {
      asked.push(variables.first);
      if (operationName !== 'SecurityActivity') throw new Error(`The fake API does not know ${operationName}.`);
      return {
        me: {
          __typename: 'User',
          id: 'u1',
          auditEntries: {
            __typename: 'UserAuditEntriesConnection',
            nodes: [
              entry({ id: 'b2', action: 'SIGN_IN', actor: people.ada, targetLabel: 'ada@example.com' }),
              entry({
                id: 'b1',
                action: 'SIGN_IN_FAILED',
                actor: null,
                targetLabel: 'ada@example.com',
                details: [{ name: 'reason', value: 'WRONG_PASSWORD' }],
              }),
            ],
          },
        },
      };
    });
    vi.stubGlobal('fetch', fetch);
    renderPage({ path: '/profile', url: '/profile', page: SecurityActivity, client: visitorClient() });
    const failed = await row('Failed sign-in');
    expect(failed.textContent).toContain('Why: Wrong password');
    expect(failed.textContent).toContain('From 203.0.113.7');
    // Who acted, and the account itself, go without saying on one's own profile.
    const signedIn = await row('Signed in');
    expect(signedIn.textContent).not.toContain('Ada Lovelace');
    expect(signedIn.textContent).not.toContain('ada@example.com');
    expect(asked).toEqual([10]);
  });
});
