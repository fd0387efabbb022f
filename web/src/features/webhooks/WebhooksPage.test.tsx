// The webhooks settings page over a fake API, with the real app client and its cache: an admin creates a webhook
// (event types by group, projects, description) and sees its secret once, and the list shows it; the server's field
// errors show at their fields; members are told the page is not theirs and have no link to it.
import { cleanup, fireEvent, screen, waitFor, within } from '@solidjs/testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderPage, visitorClient } from '../../../test/render-page.tsx';
import { fakeWebhook, webhookSecret, webhooksApi } from '../../../test/webhooks.ts';
import SettingsPage from '../workspaces/SettingsPage.tsx';
import WebhooksPage from './WebhooksPage.tsx';

type Options = Parameters<typeof webhooksApi>[0];

function open(options: Options = {}) {
  const api = webhooksApi(options);
  vi.stubGlobal('fetch', api.fetch);
  renderPage({
    path: '/:slug/settings/webhooks',
    url: '/acme/settings/webhooks',
    page: WebhooksPage,
    client: visitorClient(),
  });
  return api;
}

/** The text of the elements an element's aria-describedby names. */
function description(element: HTMLElement): string {
  const ids = element.getAttribute('aria-describedby')?.split(' ') ?? [];
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
}

const checkbox = (name: string) => screen.getByRole<HTMLInputElement>('checkbox', { name });
const submit = () => fireEvent.click(screen.getByRole('button', { name: 'Create webhook' }));

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  Reflect.deleteProperty(navigator, 'clipboard');
});

describe('the webhooks settings page', () => {
  it('HOOK-8.3 an admin creates a webhook, sees its signing secret once with Copy, and the list shows the webhook', async () => {
    const writeText = vi.fn(async (_text: string) => {});
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText } });
    const { inputs } = open();
    expect(await screen.findByText('No webhooks yet.')).toBeTruthy();
    expect(
      within(screen.getByRole('navigation', { name: 'Settings' })).getByRole('link', { name: 'Webhooks' }),
    ).toBeTruthy();

    // Every task event is chosen at first; "All comment events" chooses a whole group.
    expect(checkbox('All task events').checked).toBe(true);
    expect(checkbox('Task moved').checked).toBe(true);
    fireEvent.click(checkbox('Task updated'));
    expect(checkbox('All task events').checked).toBe(false);
    expect(checkbox('All task events').indeterminate).toBe(true);
    fireEvent.click(checkbox('All comment events'));
    expect(['Comment added', 'Comment edited', 'Comment deleted'].map((name) => checkbox(name).checked)).toEqual([
      true,
      true,
      true,
    ]);
    expect(within(screen.getByRole('group', { name: 'Tasks' })).getByText('task.moved')).toBeTruthy();

    fireEvent.input(screen.getByLabelText('Endpoint URL'), { target: { value: ' https://hooks.example.com/yello ' } });
    fireEvent.click(checkbox('OPS · Operations'));
    fireEvent.input(screen.getByLabelText('Description (optional)'), { target: { value: 'Deploy bot' } });
    submit();

    const secretField = await screen.findByLabelText<HTMLInputElement>('Signing secret');
    expect(secretField.value).toBe(webhookSecret);
    expect(secretField.readOnly).toBe(true);
    expect(screen.getByText(/it will not be shown again/).textContent).toContain('https://hooks.example.com/yello');
    expect(inputs).toEqual([
      {
        workspaceId: 'w1',
        url: 'https://hooks.example.com/yello',
        eventTypes: [
          'TASK_CREATED',
          'TASK_MOVED',
          'TASK_DELETED',
          'COMMENT_ADDED',
          'COMMENT_EDITED',
          'COMMENT_DELETED',
        ],
        projectIds: ['p2'],
        description: 'Deploy bot',
      },
    ]);
    fireEvent.click(screen.getByRole('button', { name: 'Copy' }));
    expect(await screen.findByText('Copied to the clipboard.')).toBeTruthy();
    expect(writeText).toHaveBeenCalledWith(webhookSecret);

    // The list shows the new webhook, linking to its page, never with its secret.
    const list = screen.getByRole('region', { name: 'Webhooks' });
    const link = await within(list).findByRole('link', { name: 'https://hooks.example.com/yello' });
    expect(link.getAttribute('href')).toBe('/acme/settings/webhooks/h1');
    const row = link.closest('li');
    expect(row?.textContent).toContain('Enabled');
    expect(row?.textContent).toContain('Task created, Task moved, Task deleted, All comment events');
    expect(row?.textContent).toContain('Operations');
    expect(row?.textContent).toContain('Deploy bot');
    expect(row?.textContent).not.toContain(webhookSecret);
    expect(screen.getByLabelText<HTMLInputElement>('Endpoint URL').value).toBe('');

    fireEvent.click(screen.getByRole('button', { name: 'Done' }));
    expect(screen.queryByLabelText('Signing secret')).toBeNull();
    expect(document.body.innerHTML).not.toContain(webhookSecret);
  });

  it('HOOK-8.3, HOOK-6.4 the list shows each webhook’s state: disabled by an admin, by Yello with why, or failing', async () => {
    open({
      webhooks: [
        fakeWebhook({ id: 'h1', url: 'https://a.example.com/', failingSince: '2026-03-01T10:00:00.000Z' }),
        fakeWebhook({ id: 'h2', url: 'https://b.example.com/', enabled: false }),
        fakeWebhook({
          id: 'h3',
          url: 'https://c.example.com/',
          enabled: false,
          disabledReason: 'The endpoint answered 410 Gone.',
          eventTypes: ['MEMBER_JOINED'],
        }),
      ],
    });
    const row = async (url: string) => (await screen.findByRole('link', { name: url })).closest('li')?.textContent;
    expect(await row('https://a.example.com/')).toMatch(/Failing.*Failing since \S/);
    expect(await row('https://b.example.com/')).toContain('Disabled');
    const gone = await row('https://c.example.com/');
    expect(gone).toContain('Disabled by Yello');
    expect(gone).toContain('The endpoint answered 410 Gone.');
    expect(gone).toContain('Member joined');
    expect(gone).toContain('Every project');
  });

  it('HOOK-8.3 the server’s field errors show at the URL, event types and projects', async () => {
    const { inputs } = open({
      refuseWith: [
        { path: ['input', 'url'], message: 'Use an https URL.' },
        { path: ['input', 'eventTypes'], message: 'Choose at least one event type.' },
        { path: ['input', 'projectIds'], message: 'Choose projects of this workspace.' },
      ],
    });
    await screen.findByText('No webhooks yet.');
    fireEvent.click(checkbox('All task events'));
    fireEvent.input(screen.getByLabelText('Endpoint URL'), { target: { value: 'http://example.com' } });
    submit();

    const url = screen.getByLabelText('Endpoint URL');
    await waitFor(() => expect(url.getAttribute('aria-invalid')).toBe('true'));
    expect(description(url)).toContain('Use an https URL.');
    const types = screen.getByRole('group', { name: 'Event types' });
    expect(description(types)).toContain('Choose at least one event type.');
    expect(checkbox('Task created').getAttribute('aria-invalid')).toBe('true');
    expect(description(screen.getByRole('group', { name: 'Limit to projects' }))).toContain(
      'Choose projects of this workspace.',
    );
    expect(document.activeElement).toBe(url);
    expect(inputs[0]?.eventTypes).toEqual([]);
    expect(screen.queryByLabelText('Signing secret')).toBeNull();
  });

  it('HOOK-4.7 a webhook beyond the workspace’s limit: the form shows the API’s message, takes focus to it, and shows no secret', async () => {
    const { inputs, webhooks } = open({
      webhooks: Array.from({ length: 25 }, (_, index) =>
        fakeWebhook({ id: `h${index + 1}`, url: `https://hooks.example.com/${index + 1}` }),
      ),
      limit: 25,
    });
    const list = await screen.findByRole('region', { name: 'Webhooks' });
    expect(await within(list).findByRole('link', { name: 'https://hooks.example.com/25' })).toBeTruthy();
    fireEvent.input(screen.getByLabelText('Endpoint URL'), { target: { value: 'https://hooks.example.com/second' } });
    submit();

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('A workspace has at most 25 webhooks. Delete one before adding another.');
    expect(document.activeElement).toBe(alert);
    expect(inputs).toHaveLength(1);
    expect(webhooks).toHaveLength(25);
    expect(screen.getByLabelText('Endpoint URL').getAttribute('aria-invalid')).not.toBe('true');
    expect(screen.queryByLabelText('Signing secret')).toBeNull();
    expect(within(list).queryByRole('link', { name: 'https://hooks.example.com/second' })).toBeNull();
  });

  it('HOOK-8.3 a member is told webhooks are for owners and admins, and the settings offer no link to them', async () => {
    open({ role: 'MEMBER' });
    expect(await screen.findByRole('heading', { name: 'Only owners and admins manage webhooks' })).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.queryByRole('link', { name: 'Webhooks' })).toBeNull();
    expect(screen.queryByLabelText('Endpoint URL')).toBeNull();
  });

  it('HOOK-8.3 the general settings link to webhooks for admins only', async () => {
    const settings = (updateSettings: boolean) =>
      vi.fn(async () => {
        const body = {
          data: {
            workspace: {
              __typename: 'Workspace',
              id: 'w1',
              name: 'Acme',
              slug: 'acme',
              createdAt: '2026-01-05T09:00:00.000Z',
              labels: [],
              viewerCan: {
                __typename: 'WorkspacePermissions',
                updateSettings,
                deleteWorkspace: false,
                writeContent: true,
              },
            },
          },
        };
        return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
      });
    for (const admin of [true, false]) {
      vi.stubGlobal('fetch', settings(admin));
      renderPage({ path: '/:slug/settings', url: '/acme/settings', page: SettingsPage, client: visitorClient() });
      const nav = await screen.findByRole('navigation', { name: 'Settings' });
      await screen.findByRole('heading', { name: 'General' });
      expect(within(nav).queryByRole('link', { name: 'Webhooks' }) !== null).toBe(admin);
      cleanup();
    }
  });
});
