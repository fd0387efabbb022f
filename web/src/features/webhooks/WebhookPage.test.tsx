// A webhook's page over a fake API, with the real app client and its cache: its deliveries newest first, each opened
// to its body and attempts; Redeliver and the log read again until the new attempt shows; changing, pausing,
// rotating and deleting the webhook; why Yello disabled it.
import { cleanup, fireEvent, screen, waitFor, within } from '@solidjs/testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { stubModalDialogs } from '../../../test/dialogs.ts';
import { renderPage, visitorClient } from '../../../test/render-page.tsx';
import {
  attempt,
  type FakeWebhook,
  fakeDelivery,
  fakeWebhook,
  lease,
  record,
  rotatedSecret,
  webhooksApi,
} from '../../../test/webhooks.ts';
import WebhookPage, { deliveryPollMs, retryPollMs } from './WebhookPage.tsx';

stubModalDialogs();

function open(webhooks: FakeWebhook[], id = 'h1', role: 'ADMIN' | 'MEMBER' = 'ADMIN') {
  const api = webhooksApi({ webhooks, role });
  vi.stubGlobal('fetch', api.fetch);
  const rendered = renderPage({
    path: '/:slug/settings/webhooks/:id',
    url: `/acme/settings/webhooks/${encodeURIComponent(id)}`,
    page: WebhookPage,
    client: visitorClient(),
  });
  return { ...api, rendered };
}

/** The list item of the delivery of event `cursor`. */
async function deliveryRow(cursor: string): Promise<HTMLElement> {
  const summary = await screen.findByText(`Event ${cursor}`);
  const item = summary.closest('li');
  if (!item) throw new Error(`The delivery of event ${cursor} is not in a list item.`);
  return item;
}

const expand = (row: HTMLElement): void => {
  const details = row.querySelector('details');
  if (!details) throw new Error('The delivery cannot be opened.');
  details.open = true;
  details.dispatchEvent(new Event('toggle'));
};

/** Waits until `condition` holds, on timeouts (the tests that fake intervals leave them real). */
async function until(condition: () => boolean): Promise<void> {
  for (let tries = 0; !condition(); tries += 1) {
    if (tries > 200) throw new Error('The condition did not hold within two seconds.');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('a webhook’s page', () => {
  it('HOOK-8.3 lists the deliveries newest first with state, type, event, attempts and next attempt; one opens to its body and attempts', async () => {
    const failing = fakeDelivery(12, { type: 'task.moved' });
    attempt(failing, 500, '{"error":"database down"}');
    const delivered = fakeDelivery(11);
    attempt(delivered, 200, 'ok');
    open([fakeWebhook({ id: 'h1', url: 'https://hooks.example.com/yello', deliveries: [failing, delivered] })]);

    expect(await screen.findByRole('heading', { name: 'https://hooks.example.com/yello', level: 1 })).toBeTruthy();
    const rows = within(screen.getByRole('region', { name: 'Deliveries' })).getAllByRole('listitem');
    expect(rows.map((row) => row.querySelector('summary code')?.textContent)).toEqual(['task.moved', 'task.created']);
    const first = await deliveryRow('12');
    expect(first.textContent).toContain('Pending');
    expect(first.textContent).toContain('1 attempt');
    expect(first.textContent).toMatch(/Next attempt \S/);
    expect(first.textContent).toContain('msg_0012');
    const second = await deliveryRow('11');
    expect(second.textContent).toContain('Succeeded');
    expect(second.textContent).not.toContain('Next attempt');

    expand(first);
    const body = await within(first).findByText(/"type": "task\.created",/);
    expect(body.textContent).toContain('\n  "data": {\n');
    const attempts = within(first).getAllByRole('listitem');
    expect(attempts).toHaveLength(1);
    expect(attempts[0]?.textContent).toContain('Attempt 1');
    expect(attempts[0]?.textContent).toContain('HTTP 500');
    expect(attempts[0]?.textContent).toContain('42 ms');
    expect(within(first).getByText(/"error": "database down"/)).toBeTruthy();
    const headers = within(first).getByRole('table');
    expect(within(headers).getByRole('rowheader', { name: 'webhook-id' }).nextElementSibling?.textContent).toBe(
      'msg_0012',
    );
    expect(within(headers).getByRole('rowheader', { name: 'webhook-signature' })).toBeTruthy();
  });

  it('HOOK-8.3 Redeliver sends a delivery again; the log is read again while it is pending and the new attempt shows', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const delivered = fakeDelivery(7);
    attempt(delivered, 200, 'ok');
    const { mutations, requests } = open([
      fakeWebhook({ id: 'h1', url: 'https://hooks.example.com/', deliveries: [delivered] }),
    ]);
    const row = await deliveryRow('7');
    expand(row);
    await within(row).findByText('Attempt 1');
    const before = requests.filter((name) => name === 'WebhookPage').length;

    // Nothing pending: the log is not read again.
    vi.advanceTimersByTime(3 * deliveryPollMs);
    expect(requests.filter((name) => name === 'WebhookPage')).toHaveLength(before);

    fireEvent.click(within(row).getByRole('button', { name: 'Redeliver' }));
    await waitFor(() => expect(row.textContent).toContain('Pending'));
    expect(mutations).toEqual([{ name: 'RedeliverWebhookDelivery', variables: { id: 'msg_0007' } }]);

    // The dispatcher sends it again; the next reading of the log shows the second attempt, and the opened delivery
    // reads its attempts again.
    attempt(delivered, 200, 'ok again');
    vi.advanceTimersByTime(deliveryPollMs);
    await waitFor(() => expect(row.textContent).toContain('Succeeded'));
    expect(row.textContent).toContain('2 attempts');
    await within(row).findByText('Attempt 2');
    expect(within(row).getByText('Attempt 1')).toBeTruthy();
    const after = requests.filter((name) => name === 'WebhookPage').length;
    vi.advanceTimersByTime(3 * deliveryPollMs);
    expect(requests.filter((name) => name === 'WebhookPage')).toHaveLength(after);
  });

  it('HOOK-8.3 a delivery waiting for a retry far ahead is read every half minute, and its opened attempts follow each retry', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const retrying = fakeDelivery(5);
    attempt(retrying, 503, 'busy');
    const { requests } = open([fakeWebhook({ id: 'h1', url: 'https://hooks.example.com/', deliveries: [retrying] })]);
    const row = await deliveryRow('5');
    expand(row);
    await within(row).findByText('HTTP 503');
    const readings = () => requests.filter((name) => name === 'WebhookPage').length;
    const before = readings();
    vi.advanceTimersByTime(5 * deliveryPollMs);
    expect(readings()).toBe(before);

    // The dispatcher takes it (the count goes up), then records a failed retry (the next attempt moves on).
    lease(retrying);
    vi.advanceTimersByTime(retryPollMs);
    await waitFor(() => expect(row.textContent).toContain('2 attempts'));
    // The opened delivery reads its attempts again: none new yet.
    const details = () => requests.filter((name) => name === 'WebhookDeliveryDetails').length;
    await until(() => details() === 2);
    record(retrying, 502, 'bad gateway');
    vi.advanceTimersByTime(retryPollMs);
    await within(row).findByText('HTTP 502');
    expect(within(row).getByText('HTTP 503')).toBeTruthy();
    expect(readings()).toBe(before + 2);
    expect(details()).toBe(3);
  });

  it('HOOK-8.3 more deliveries load on demand', async () => {
    const deliveries = Array.from({ length: 25 }, (_, index) => fakeDelivery(25 - index, { state: 'SUCCEEDED' }));
    open([fakeWebhook({ id: 'h1', url: 'https://hooks.example.com/', deliveries })]);
    await deliveryRow('25');
    const list = screen.getByRole('region', { name: 'Deliveries' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(20);
    fireEvent.click(within(list).getByRole('button', { name: 'Show more' }));
    await deliveryRow('1');
    expect(within(list).getAllByRole('listitem')).toHaveLength(25);
  });

  it('HOOK-8.3 an admin changes the webhook, disables and enables it, and rotates its secret (shown once)', async () => {
    const { inputs, mutations } = open([
      fakeWebhook({ id: 'h1', url: 'https://hooks.example.com/', eventTypes: ['TASK_CREATED'] }),
    ]);
    const url = await screen.findByLabelText<HTMLInputElement>('Endpoint URL');
    expect(url.value).toBe('https://hooks.example.com/');
    expect(screen.getByRole<HTMLInputElement>('checkbox', { name: 'Task created' }).checked).toBe(true);
    expect(screen.getByRole<HTMLInputElement>('checkbox', { name: 'Task moved' }).checked).toBe(false);
    fireEvent.input(url, { target: { value: 'https://hooks.example.com/v2' } });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Label created' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'LP · Launch plan' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    await screen.findByText('Saved.');
    expect(inputs[0]).toEqual({
      id: 'h1',
      url: 'https://hooks.example.com/v2',
      eventTypes: ['TASK_CREATED', 'LABEL_CREATED'],
      projectIds: ['p1'],
      description: '',
    });
    await screen.findByRole('heading', { name: 'https://hooks.example.com/v2', level: 1 });

    const state = screen.getByRole('region', { name: 'State and secret' });
    fireEvent.click(within(state).getByRole('button', { name: 'Disable' }));
    await within(state).findByRole('button', { name: 'Enable' });
    expect(within(state).getByText('Disabled', { selector: '.badge' })).toBeTruthy();
    expect(inputs[1]).toEqual({ id: 'h1', enabled: false });
    fireEvent.click(within(state).getByRole('button', { name: 'Enable' }));
    await within(state).findByRole('button', { name: 'Disable' });
    expect(inputs[2]).toEqual({ id: 'h1', enabled: true });

    fireEvent.click(within(state).getByRole('button', { name: 'Rotate secret' }));
    const dialog = within(state).getByRole('dialog');
    expect(dialog.textContent).toContain('24 hours');
    expect(mutations).toEqual([]);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Rotate secret' }));
    const secret = await screen.findByLabelText<HTMLInputElement>('New signing secret');
    expect(secret.value).toBe(rotatedSecret);
    expect(mutations).toEqual([{ name: 'RotateWebhookSecret', variables: { id: 'h1' } }]);
    expect(state.textContent).toMatch(/The old secret signs deliveries too until \S/);
    fireEvent.click(within(state).getByRole('button', { name: 'Done' }));
    expect(document.body.innerHTML).not.toContain(rotatedSecret);
  });

  it('HOOK-8.3 deleting the webhook asks first, then goes back to the list', async () => {
    const { mutations, webhooks } = open([fakeWebhook({ id: 'h1', url: 'https://hooks.example.com/' })]);
    const state = await screen.findByRole('region', { name: 'State and secret' });
    fireEvent.click(within(state).getByRole('button', { name: 'Delete' }));
    const dialog = within(state).getByRole('dialog');
    expect(dialog.textContent).toContain('Nothing more is sent to https://hooks.example.com/');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete webhook' }));
    await waitFor(() => expect(mutations).toEqual([{ name: 'DeleteWebhook', variables: { id: 'h1' } }]));
    expect(webhooks).toEqual([]);
    await waitFor(() => expect(screen.queryByRole('region', { name: 'State and secret' })).toBeNull());
  });

  it('HOOK-6.4 says why Yello disabled the webhook; enabling it clears that', async () => {
    open([
      fakeWebhook({
        id: 'h1',
        url: 'https://hooks.example.com/',
        enabled: false,
        disabledReason: 'Deliveries failed for three days without a success.',
        failingSince: '2026-02-27T10:00:00.000Z',
      }),
    ]);
    const state = await screen.findByRole('region', { name: 'State and secret' });
    expect(within(state).getByText(/^Yello disabled it/).textContent).toBe(
      'Yello disabled it: Deliveries failed for three days without a success.',
    );
    expect(within(state).getByText('Disabled by Yello', { selector: '.badge' })).toBeTruthy();
    fireEvent.click(within(state).getByRole('button', { name: 'Enable' }));
    await waitFor(() => expect(within(state).queryByText(/Yello disabled it/)).toBeNull());
    expect(within(state).getByText('Enabled', { selector: '.badge' })).toBeTruthy();
  });

  it('HOOK-8.3 an unknown webhook is not found; a member is told webhooks are for owners and admins', async () => {
    open([fakeWebhook({ id: 'h1', url: 'https://hooks.example.com/' })], 'h9');
    expect(await screen.findByRole('heading', { name: 'Webhook not found' })).toBeTruthy();
    cleanup();
    open([fakeWebhook({ id: 'h1', url: 'https://hooks.example.com/' })], 'h1', 'MEMBER');
    expect(await screen.findByRole('heading', { name: 'Only owners and admins manage webhooks' })).toBeTruthy();
    expect(screen.queryByText('https://hooks.example.com/')).toBeNull();
  });
});
