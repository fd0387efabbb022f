// Webhooks in tests: a real HTTP receiver on 127.0.0.1 that records what arrives and answers as told, and helpers
// that create a webhook through the API and run the dispatcher's rounds.
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { SignedUpUser, TestApi, TestWorkspace } from './test-api.ts';

export interface ReceivedRequest {
  headers: IncomingHttpHeaders;
  body: string;
  /** Header values as the Standard Webhooks library's `verify` takes them. */
  signatureHeaders: Record<string, string>;
}

export interface Receiver {
  url: string;
  received: ReceivedRequest[];
  /** The statuses the next requests get, in order; 200 once they run out. */
  answer(...statuses: number[]): void;
  /** Forgets what was received and the statuses not yet used. */
  reset(): void;
  close(): Promise<void>;
}

/** Starts a receiver on a free port of 127.0.0.1. */
export async function startReceiver(): Promise<Receiver> {
  const received: ReceivedRequest[] = [];
  const statuses: number[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const header = (name: string) => String(request.headers[name] ?? '');
      received.push({
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        signatureHeaders: {
          'webhook-id': header('webhook-id'),
          'webhook-timestamp': header('webhook-timestamp'),
          'webhook-signature': header('webhook-signature'),
        },
      });
      const status = statuses.shift() ?? 200;
      response.writeHead(status, { 'content-type': 'text/plain' }).end(`answered ${status}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (typeof address !== 'object' || address === null) throw new Error('The receiver is not listening on a port.');
  const { port } = address;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    received,
    answer: (...next) => statuses.push(...next),
    reset: () => {
      received.length = 0;
      statuses.length = 0;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export const CREATE_WEBHOOK = `mutation($input: CreateWebhookInput!) {
  createWebhook(input: $input) { secret webhook { id url eventTypes enabled } } }`;

export interface CreatedWebhook {
  createWebhook: { secret: string; webhook: { id: string; url: string; eventTypes: string[]; enabled: boolean } };
}

/** Creates a webhook of `workspace` for `eventTypes` (every task event by default) through the API. */
export async function createWebhook(
  api: TestApi,
  owner: SignedUpUser,
  workspace: TestWorkspace,
  url: string,
  eventTypes: string[] = ['TASK_CREATED', 'TASK_UPDATED', 'TASK_MOVED', 'TASK_DELETED'],
  extra: Record<string, unknown> = {},
) {
  const { createWebhook: created } = await api.data<CreatedWebhook>(CREATE_WEBHOOK, {
    token: owner.accessToken,
    variables: { input: { workspaceId: workspace.id, url, eventTypes, ...extra } },
  });
  return created;
}

/** The ids of a webhook's deliveries, newest event first. */
export async function deliveryIds(api: TestApi, owner: SignedUpUser, webhookId: string): Promise<string[]> {
  const { node } = await api.data<{ node: { deliveries: { nodes: { id: string }[] } } }>(
    'query($id: ID!) { node(id: $id) { ... on Webhook { deliveries(first: 100) { nodes { id } } } } }',
    { token: owner.accessToken, variables: { id: webhookId } },
  );
  return node.deliveries.nodes.map((delivery) => delivery.id);
}
