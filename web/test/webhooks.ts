// A workspace's webhooks behind the fake API, for tests of the webhook pages: what the API answers to each of their
// operations, for a viewer of a given role, kept in memory so that changes show in later answers; and a stand-in
// for the dispatcher (`attempt`) that records an attempt of a delivery as the server would.
import { type FakeFieldError, fakeApi, Refusal } from './fake-api.ts';

const pageInfo = (hasNextPage: boolean, endCursor: string | null) => ({
  __typename: 'PageInfo',
  hasNextPage,
  endCursor,
});

export const fakeProjects = [
  { __typename: 'Project', id: 'p1', key: 'LP', name: 'Launch plan' },
  { __typename: 'Project', id: 'p2', key: 'OPS', name: 'Operations' },
] as const;

export interface FakeAttempt {
  readonly __typename: 'WebhookAttempt';
  readonly number: number;
  readonly attemptedAt: string;
  readonly responseStatus: number | null;
  readonly responseBody: string;
  readonly error: string | null;
  readonly durationMs: number;
  readonly requestHeaders: readonly { readonly __typename: 'WebhookHeader'; name: string; value: string }[];
}

export interface FakeDelivery {
  readonly __typename: 'WebhookDelivery';
  readonly id: string;
  readonly messageId: string;
  readonly type: string;
  readonly eventType: string;
  readonly eventCursor: string;
  state: 'PENDING' | 'SUCCEEDED' | 'FAILED';
  attemptCount: number;
  nextAttemptAt: string | null;
  readonly createdAt: string;
  completedAt: string | null;
  readonly body: string;
  attempts: FakeAttempt[];
}

export interface FakeWebhook {
  readonly __typename: 'Webhook';
  readonly id: string;
  url: string;
  description: string;
  eventTypes: string[];
  enabled: boolean;
  disabledReason: string | null;
  disabledAt: string | null;
  failingSince: string | null;
  previousSecretExpiresAt: string | null;
  readonly createdAt: string;
  projects: { readonly __typename: 'Project'; readonly id: string; readonly key: string; readonly name: string }[];
  /** Newest first, as the API lists them. */
  deliveries: FakeDelivery[];
}

export function fakeWebhook(fields: Partial<FakeWebhook> & Pick<FakeWebhook, 'id' | 'url'>): FakeWebhook {
  return {
    __typename: 'Webhook',
    description: '',
    eventTypes: ['TASK_CREATED', 'TASK_UPDATED', 'TASK_MOVED', 'TASK_DELETED'],
    enabled: true,
    disabledReason: null,
    disabledAt: null,
    failingSince: null,
    previousSecretExpiresAt: null,
    createdAt: '2026-03-01T09:00:00.000Z',
    projects: [],
    deliveries: [],
    ...fields,
  };
}

/**
 * A delivery of event `sequence` (a task created), not yet attempted; its `messageId` (the `webhook-id` header) is
 * its own id, as the API's is.
 */
export function fakeDelivery(sequence: number, fields: Partial<FakeDelivery> = {}): FakeDelivery {
  const id = `msg_${String(sequence).padStart(4, '0')}`;
  return {
    __typename: 'WebhookDelivery',
    id,
    messageId: id,
    type: 'task.created',
    eventType: 'TASK_CREATED',
    eventCursor: String(sequence),
    state: 'PENDING',
    attemptCount: 0,
    nextAttemptAt: '2026-03-02T10:00:00.000Z',
    createdAt: `2026-03-02T10:00:${String(sequence % 60).padStart(2, '0')}.000Z`,
    completedAt: null,
    body: JSON.stringify({
      type: 'task.created',
      timestamp: '2026-03-02T10:00:00.000Z',
      data: { __typename: 'TaskCreated', cursor: String(sequence), task: { key: `LP-${sequence}` } },
    }),
    attempts: [],
    ...fields,
  };
}

/** Takes a delivery to send, as the dispatcher does: its attempt count goes up before the attempt is recorded. */
export function lease(delivery: FakeDelivery): void {
  delivery.attemptCount += 1;
}

/** Makes an attempt of `delivery` answered with `status` (null: no answer): leases it, then records the attempt. */
export function attempt(delivery: FakeDelivery, status: number | null, responseBody = ''): void {
  lease(delivery);
  record(delivery, status, responseBody);
}

/** Records the attempt of a leased delivery, and what follows from it, as the dispatcher does. */
export function record(delivery: FakeDelivery, status: number | null, responseBody = ''): void {
  delivery.attempts.unshift({
    __typename: 'WebhookAttempt',
    number: delivery.attemptCount,
    attemptedAt: '2026-03-02T10:00:05.000Z',
    responseStatus: status,
    responseBody,
    error: status === null ? 'connect ECONNREFUSED 127.0.0.1:9' : null,
    durationMs: 42,
    requestHeaders: [
      { __typename: 'WebhookHeader', name: 'content-type', value: 'application/json' },
      { __typename: 'WebhookHeader', name: 'webhook-id', value: delivery.messageId },
      {
        __typename: 'WebhookHeader',
        name: 'webhook-signature',
        value: 'v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=',
      },
    ],
  });
  const succeeded = status !== null && status >= 200 && status < 300;
  delivery.state = succeeded ? 'SUCCEEDED' : 'PENDING';
  delivery.nextAttemptAt = succeeded ? null : new Date(Date.now() + 10 * 60_000 * delivery.attemptCount).toISOString();
  delivery.completedAt = succeeded ? '2026-03-02T10:00:05.000Z' : null;
}

export const webhookSecret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
export const rotatedSecret = 'whsec_2q4n7sZk0c1Qy5Xo8Vb3Lm9Rt6Wd0Pa1';

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const strings = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);

interface WebhooksApiOptions {
  readonly role?: 'OWNER' | 'ADMIN' | 'MEMBER' | 'VIEWER';
  readonly webhooks?: FakeWebhook[];
  /** The field errors `createWebhook` and `updateWebhook` answer with, instead of making the change. */
  readonly refuseWith?: readonly FakeFieldError[];
  /** The most webhooks the workspace may have: `createWebhook` beyond it answers CONFLICT, as the API does (HOOK-4.7). */
  readonly limit?: number;
  /** Answers the operations that are not the webhooks' (the rest of the app, when a test renders all of it). */
  readonly others?: (operationName: string, variables: Record<string, unknown>) => unknown;
}

/** The fake API of workspace `acme` (w1) and its webhooks, as a viewer with `role` reaches them. */
export function webhooksApi(options: WebhooksApiOptions = {}) {
  const role = options.role ?? 'ADMIN';
  const admin = role === 'OWNER' || role === 'ADMIN';
  const webhooks = options.webhooks ?? [];
  const inputs: Record<string, unknown>[] = [];
  const mutations: { readonly name: string; readonly variables: Record<string, unknown> }[] = [];
  const forbidden = () => new Refusal('You are not allowed to do this.', 'FORBIDDEN');
  const notFound = () => new Refusal('This webhook does not exist.', 'NOT_FOUND');
  const find = (id: unknown) => webhooks.find((webhook) => webhook.id === id);
  const projectsOf = (ids: unknown) => fakeProjects.filter((project) => strings(ids).includes(project.id));
  const workspace = (fields: object) => ({
    workspace: { __typename: 'Workspace', id: 'w1', name: 'Acme', slug: 'acme', ...fields },
  });
  const projectChoices = {
    projects: { __typename: 'WorkspaceProjectsConnection', nodes: fakeProjects },
  };
  const deliveriesOf = (webhook: FakeWebhook, after: unknown) => {
    const start = typeof after === 'string' ? webhook.deliveries.findIndex((d) => d.id === after) + 1 : 0;
    const page = webhook.deliveries.slice(start, start + 20);
    const hasNextPage = start + 20 < webhook.deliveries.length;
    return {
      __typename: 'WebhookDeliveriesConnection',
      pageInfo: pageInfo(hasNextPage, page.at(-1)?.id ?? null),
      nodes: page,
    };
  };

  const api = fakeApi((operationName, variables) => {
    switch (operationName) {
      case 'WorkspaceWebhooks':
        return admin ? workspace({ webhooks, ...projectChoices }) : forbidden();
      case 'DisabledWebhooks':
        return admin ? workspace({ webhooks }) : forbidden();
      case 'WebhookPage': {
        if (!admin) return forbidden();
        const webhook = find(variables.id);
        const node = webhook ? { ...webhook, deliveries: deliveriesOf(webhook, variables.after) } : null;
        return { ...workspace({ webhooks, ...projectChoices }), node };
      }
      case 'WebhookDeliveryDetails': {
        const delivery = webhooks.flatMap((webhook) => webhook.deliveries).find((d) => d.id === variables.id);
        return delivery ? { node: delivery } : notFound();
      }
      case 'CreateWebhook': {
        const input = isRecord(variables.input) ? variables.input : {};
        inputs.push(input);
        if (options.refuseWith)
          return new Refusal('Check the highlighted fields.', 'BAD_USER_INPUT', options.refuseWith);
        if (options.limit !== undefined && webhooks.length >= options.limit) {
          return new Refusal(
            `A workspace has at most ${options.limit} webhooks. Delete one before adding another.`,
            'CONFLICT',
          );
        }
        const webhook = fakeWebhook({
          id: `h${webhooks.length + 1}`,
          url: String(input.url),
          description: String(input.description ?? ''),
          eventTypes: strings(input.eventTypes),
          projects: projectsOf(input.projectIds),
        });
        webhooks.push(webhook);
        return { createWebhook: { __typename: 'WebhookWithSecret', secret: webhookSecret, webhook } };
      }
      case 'UpdateWebhook': {
        const input = isRecord(variables.input) ? variables.input : {};
        inputs.push(input);
        if (options.refuseWith)
          return new Refusal('Check the highlighted fields.', 'BAD_USER_INPUT', options.refuseWith);
        const webhook = find(input.id);
        if (!webhook) return notFound();
        if (typeof input.url === 'string') webhook.url = input.url;
        if (typeof input.description === 'string') webhook.description = input.description;
        if (Array.isArray(input.eventTypes)) webhook.eventTypes = strings(input.eventTypes);
        if (Array.isArray(input.projectIds)) webhook.projects = projectsOf(input.projectIds);
        if (typeof input.enabled === 'boolean') {
          if (input.enabled && !webhook.enabled) {
            webhook.disabledReason = null;
            webhook.disabledAt = null;
            webhook.failingSince = null;
          }
          if (!input.enabled && webhook.enabled) webhook.disabledAt = '2026-03-02T11:00:00.000Z';
          webhook.enabled = input.enabled;
        }
        return { updateWebhook: webhook };
      }
      case 'RotateWebhookSecret': {
        mutations.push({ name: operationName, variables });
        const webhook = find(variables.id);
        if (!webhook) return notFound();
        webhook.previousSecretExpiresAt = '2026-03-03T11:00:00.000Z';
        return { rotateWebhookSecret: { __typename: 'WebhookWithSecret', secret: rotatedSecret, webhook } };
      }
      case 'DeleteWebhook': {
        mutations.push({ name: operationName, variables });
        const index = webhooks.findIndex((webhook) => webhook.id === variables.id);
        if (index < 0) return notFound();
        webhooks.splice(index, 1);
        return { deleteWebhook: true };
      }
      case 'RedeliverWebhookDelivery': {
        mutations.push({ name: operationName, variables });
        const delivery = webhooks.flatMap((webhook) => webhook.deliveries).find((d) => d.id === variables.id);
        if (!delivery) return notFound();
        delivery.state = 'PENDING';
        delivery.nextAttemptAt = '2026-03-02T10:00:10.000Z';
        delivery.completedAt = null;
        return { redeliverWebhookDelivery: delivery };
      }
      default:
        if (options.others) return options.others(operationName, variables);
        throw new Error(`The fake API does not know ${operationName}.`);
    }
  });
  return { ...api, webhooks, inputs, mutations };
}
