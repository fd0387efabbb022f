// The API tokens page over a fake API, with the real app client and its cache: creating a token shows its secret
// once and lists the token; revoking marks it; admins see everyone's tokens with their owner; the server's field
// errors show at their fields.
import { cleanup, fireEvent, screen, waitFor, within } from '@solidjs/testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { stubModalDialogs } from '../../../test/dialogs.ts';
import { type FakeFieldError, fakeApi, Refusal } from '../../../test/fake-api.ts';
import { renderPage, visitorClient } from '../../../test/render-page.tsx';
import ApiTokensPage from './ApiTokensPage.tsx';

const pageInfo = { __typename: 'PageInfo', hasNextPage: false, endCursor: null };
const secret = 'yel_4Fq9ZkT2mWb7Xc1Lp0Rs8Ud3Ve6Yg5Hj2Nk9Qx0Aa7c4F';
const day = 24 * 60 * 60 * 1000;

const people = {
  ada: { __typename: 'User', id: 'u1', name: 'Ada Lovelace' },
  grace: { __typename: 'User', id: 'u2', name: 'Grace Hopper' },
};

interface FakeToken {
  readonly id: string;
  readonly name: string;
  readonly scopes: readonly string[];
  readonly lastFour: string;
  readonly createdAt: string;
  readonly expiresAt: string;
  readonly lastUsedAt: string | null;
  revokedAt: string | null;
  readonly owner: { readonly __typename: string; readonly id: string; readonly name: string } | null;
}

function token(fields: Partial<FakeToken> & Pick<FakeToken, 'id' | 'name'>): FakeToken {
  return {
    scopes: ['READ'],
    lastFour: 'k9Zq',
    createdAt: new Date(Date.now() - 10 * day).toISOString(),
    expiresAt: new Date(Date.now() + 80 * day).toISOString(),
    lastUsedAt: null,
    revokedAt: null,
    owner: people.ada,
    ...fields,
  };
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

interface ApiOptions {
  readonly role?: 'OWNER' | 'ADMIN' | 'MEMBER' | 'VIEWER';
  readonly tokens?: FakeToken[];
  /** The field errors `createApiToken` answers with, instead of creating a token. */
  readonly refuseWith?: readonly FakeFieldError[];
}

/** The API of one workspace's tokens, as the viewer with `role` sees them; creations and revocations change them. */
function open(options: ApiOptions = {}) {
  const role = options.role ?? 'MEMBER';
  const tokens = options.tokens ?? [];
  const inputs: Record<string, unknown>[] = [];
  const revoked: unknown[] = [];
  const { fetch, requests } = fakeApi((operationName, variables) => {
    switch (operationName) {
      case 'WorkspaceApiTokens':
        return {
          workspace: {
            __typename: 'Workspace',
            id: 'w1',
            name: 'Acme',
            slug: 'acme',
            viewerRole: role,
            viewerCan: {
              __typename: 'WorkspacePermissions',
              manageMembers: role === 'OWNER' || role === 'ADMIN',
              updateSettings: role === 'OWNER' || role === 'ADMIN',
            },
            apiTokens: {
              __typename: 'WorkspaceApiTokensConnection',
              pageInfo,
              nodes: tokens.map((item) => ({ __typename: 'ApiToken', prefix: 'yel_', ...item })),
            },
          },
        };
      case 'CreateApiToken': {
        const input = isRecord(variables.input) ? variables.input : {};
        inputs.push(input);
        if (options.refuseWith)
          return new Refusal('Check the highlighted fields.', 'BAD_USER_INPUT', options.refuseWith);
        const created = token({
          id: `t${tokens.length + 1}`,
          name: String(input.name),
          scopes: Array.isArray(input.scopes) ? input.scopes.map(String) : [],
          lastFour: secret.slice(-4),
          createdAt: new Date().toISOString(),
          expiresAt: String(input.expiresAt),
        });
        tokens.unshift(created);
        return {
          createApiToken: {
            __typename: 'CreatedApiToken',
            secret,
            token: { __typename: 'ApiToken', id: created.id, name: created.name },
          },
        };
      }
      case 'RevokeApiToken': {
        revoked.push(variables.id);
        const found = tokens.find((item) => item.id === variables.id);
        if (found) found.revokedAt = new Date().toISOString();
        return { revokeApiToken: true };
      }
      default:
        throw new Error(`The fake API does not know ${operationName}.`);
    }
  });
  vi.stubGlobal('fetch', fetch);
  renderPage({
    path: '/:slug/settings/api-tokens',
    url: '/acme/settings/api-tokens',
    page: ApiTokensPage,
    client: visitorClient(),
  });
  return { requests, inputs, revoked };
}

/** The list item of the token named `name`. */
async function row(name: string): Promise<HTMLElement> {
  const title = await screen.findByText(name, { selector: '.row-title span' });
  const item = title.closest('li');
  if (!item) throw new Error(`${name} is not in a list item.`);
  return item;
}

/** The text of the elements an element's aria-describedby names. */
function description(element: HTMLElement): string {
  const ids = element.getAttribute('aria-describedby')?.split(' ') ?? [];
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
}

const submit = () => fireEvent.click(screen.getByRole('button', { name: 'Create token' }));

stubModalDialogs();

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  Reflect.deleteProperty(navigator, 'clipboard');
});

describe('the API tokens page', () => {
  it('INT-1.9 creating a token shows its secret once, with Copy, a warning and a curl line, and lists the token', async () => {
    const writeText = vi.fn(async (_text: string) => {});
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText } });
    const { inputs } = open();
    expect(await screen.findByText('No tokens yet.')).toBeTruthy();
    expect(screen.getByText(/Your role here is Member/)).toBeTruthy();

    fireEvent.input(screen.getByLabelText('Token name'), { target: { value: 'Deploy bot' } });
    expect(screen.getByLabelText<HTMLInputElement>('Read').checked).toBe(true);
    fireEvent.click(screen.getByLabelText('Write'));
    expect(screen.getByLabelText<HTMLSelectElement>('Expires').value).toBe('90');
    fireEvent.change(screen.getByLabelText('Expires'), { target: { value: '30' } });
    submit();

    const secretField = await screen.findByLabelText<HTMLInputElement>('Secret');
    expect(secretField.value).toBe(secret);
    expect(secretField.readOnly).toBe(true);
    expect(screen.getByText(/it will not be shown again/).textContent).toContain('Deploy bot');
    const [input] = inputs;
    expect(input).toMatchObject({ workspaceId: 'w1', name: 'Deploy bot', scopes: ['READ', 'WRITE'] });
    expect(Date.parse(String(input?.expiresAt)) - Date.now()).toBeGreaterThan(30 * day - 60_000);
    expect(Date.parse(String(input?.expiresAt)) - Date.now()).toBeLessThanOrEqual(30 * day);
    const curl = screen.getByText(/^curl /).textContent ?? '';
    expect(curl).toContain(`curl ${location.origin}/graphql`);
    expect(curl).toContain(`-H 'Authorization: Bearer ${secret}'`);
    expect(curl).toContain('workspace(slug: \\"acme\\")');

    fireEvent.click(screen.getByRole('button', { name: 'Copy' }));
    expect(await screen.findByText('Copied to the clipboard.')).toBeTruthy();
    expect(writeText).toHaveBeenCalledWith(secret);

    // The list shows the new token by the end of its secret, never the secret itself.
    const created = await row('Deploy bot');
    expect(created.textContent).toContain(`yel_…${secret.slice(-4)}`);
    expect(created.textContent).toContain('Read, Write');
    expect(created.textContent).toContain('Never used');
    expect(created.textContent).not.toContain(secret);
    expect(within(created).getByRole('button', { name: 'Revoke' })).toBeTruthy();
    expect(screen.getByLabelText<HTMLInputElement>('Token name').value).toBe('');

    fireEvent.click(screen.getByRole('button', { name: 'Done' }));
    expect(screen.queryByLabelText('Secret')).toBeNull();
    expect(document.body.innerHTML).not.toContain(secret);
  });

  it('INT-1.9 revoking a token asks first, then marks it revoked and offers no Revoke; an expired one is marked too', async () => {
    const { revoked, requests } = open({
      tokens: [
        token({ id: 't2', name: 'Deploy bot', lastUsedAt: new Date(Date.now() - day).toISOString() }),
        token({ id: 't1', name: 'Old script', expiresAt: new Date(Date.now() - day).toISOString() }),
      ],
    });
    const deploy = await row('Deploy bot');
    expect(deploy.textContent).toMatch(/Last used \S/);
    expect(deploy.textContent).not.toContain('Revoked');
    const old = await row('Old script');
    expect(within(old).getByText('Expired')).toBeTruthy();
    expect(within(old).queryByRole('button', { name: 'Revoke' })).toBeNull();

    fireEvent.click(within(deploy).getByRole('button', { name: 'Revoke' }));
    const dialog = within(deploy).getByRole('dialog');
    expect(dialog.textContent).toContain('Revoke Deploy bot?');
    expect(revoked).toEqual([]);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Revoke token' }));

    await waitFor(() => expect(within(deploy).getByText('Revoked', { selector: '.badge' })).toBeTruthy());
    expect(revoked).toEqual(['t2']);
    expect(deploy.textContent).toMatch(/Revoked \S/);
    expect(within(deploy).queryByRole('button', { name: 'Revoke' })).toBeNull();
    expect(requests.filter((name) => name === 'WorkspaceApiTokens')).toHaveLength(2);
  });

  it('INT-1.9 an admin sees every token of the workspace with its owner; a member is not told whose', async () => {
    const tokens = () => [
      token({ id: 't2', name: 'Grace’s bot', owner: people.grace }),
      token({ id: 't1', name: 'Ada’s script', owner: people.ada }),
      token({ id: 't0', name: 'Left behind', owner: null }),
    ];
    open({ role: 'ADMIN', tokens: tokens() });
    expect((await row('Grace’s bot')).textContent).toContain('Owner: Grace Hopper');
    expect((await row('Ada’s script')).textContent).toContain('Owner: Ada Lovelace');
    expect((await row('Left behind')).textContent).toContain('Owner: a former member');
    expect(screen.getByText(/Every token of this workspace/)).toBeTruthy();
    cleanup();

    open({ role: 'MEMBER', tokens: tokens().slice(1, 2) });
    expect((await row('Ada’s script')).textContent).not.toContain('Owner');
    expect(screen.getByText(/Your tokens for this workspace/)).toBeTruthy();
  });

  it('INT-1.9 the server’s field errors show at the name, scopes and expiry fields; a missing date is asked for', async () => {
    const { inputs } = open({
      refuseWith: [
        { path: ['input', 'name'], message: 'Enter a name.' },
        { path: ['input', 'scopes'], message: 'Choose at least one scope.' },
        { path: ['input', 'expiresAt'], message: 'A token lives at most 366 days.' },
      ],
    });
    await screen.findByText('No tokens yet.');
    fireEvent.click(screen.getByLabelText('Read'));
    submit();

    const name = screen.getByLabelText('Token name');
    await waitFor(() => expect(name.getAttribute('aria-invalid')).toBe('true'));
    expect(description(name)).toContain('Enter a name.');
    const scopes = screen.getByRole('group', { name: 'Scopes' });
    expect(description(scopes)).toContain('Choose at least one scope.');
    for (const checkbox of within(scopes).getAllByRole('checkbox')) {
      expect(checkbox.getAttribute('aria-invalid')).toBe('true');
    }
    expect(description(screen.getByLabelText('Expires'))).toContain('A token lives at most 366 days.');
    expect(document.activeElement).toBe(name);

    // On a date: none chosen is asked for before sending; a date the server refuses shows at the date field.
    fireEvent.change(screen.getByLabelText('Expires'), { target: { value: 'date' } });
    submit();
    const date = screen.getByLabelText('Expiry date');
    expect(description(date)).toContain('Choose the day it expires.');
    expect(inputs).toHaveLength(1);
    fireEvent.input(date, { target: { value: '2099-01-01' } });
    submit();
    await waitFor(() => expect(description(date)).toContain('A token lives at most 366 days.'));
    expect(inputs).toHaveLength(2);
    expect(new Date(String(inputs[1]?.expiresAt)).getFullYear()).toBe(2099);
    expect(description(screen.getByLabelText('Expires'))).not.toContain('366 days');
  });
});
