// The webhooks module's part of the GraphQL schema (HOOK-4, HOOK-8): webhooks, their deliveries and attempts, the
// management mutations, and sample payloads. Workspace owners and admins only (API tokens with the ADMIN scope).
import { type WebhookDeliveryState, WorkspaceEventKind } from '../../generated/prisma/enums.ts';
import { builder } from '../../graphql/builder.ts';
import { workspaceIdOf } from '../../graphql/context.ts';
import { reread } from '../../graphql/reread.ts';
import { auditSourceOf } from '../audit/audit-log.ts';
import { ProjectRef } from '../projects/schema.ts';
import { requiredRole } from '../workspaces/roles.ts';
import { roleInWorkspaceOf, WorkspaceRef } from '../workspaces/schema.ts';
import { MAX_WEBHOOK_URL_LENGTH } from './inputs.ts';
import { sampleWebhookBody, WEBHOOK_DOCUMENT, webhookType } from './webhook-payload.ts';
import { type CreatedWebhook, MAX_WEBHOOKS_PER_WORKSPACE, messageIdOf } from './webhooks.ts';

const manage = requiredRole.manage;

export const WebhookEventTypeEnum = builder.enumType(WorkspaceEventKind, {
  name: 'WebhookEventType',
  description:
    'The kinds of workspace events a webhook can receive: one per event type of `workspaceEvents`. A delivery’s `type` is the value in dotted lower case (`TASK_MOVED` → `task.moved`).',
});

const WebhookDeliveryStateEnum = builder.enumType('WebhookDeliveryState', {
  description: 'Where a delivery stands.',
  values: {
    PENDING: { description: 'Waiting for its first attempt (behind any earlier delivery of its webhook).' },
    RETRYING: { description: 'Its last attempt failed; it is sent again at `nextAttemptAt`.' },
    SUCCEEDED: { description: 'The endpoint answered 2xx.' },
    FAILED: { description: 'Given up: the endpoint answered 410 Gone, or failed for three days.' },
  } as const,
});

/** A delivery's state as integrators read it: a pending one that failed before is retrying. */
function stateOf(delivery: { state: WebhookDeliveryState; failedAttempts: number }) {
  if (delivery.state === 'PENDING' && delivery.failedAttempts > 0) return 'RETRYING' as const;
  return delivery.state;
}

const WebhookRef = builder.prismaNode('Webhook', {
  id: { field: 'id', description: 'The webhook’s global id.' },
  description: `An HTTPS endpoint that receives the workspace’s events as they commit, signed the Standard Webhooks way (\`webhook-id\`, \`webhook-timestamp\`, \`webhook-signature\` headers; verify with any Standard Webhooks library and the secret shown when it was created). Each body is \`{ type, timestamp, data }\`, \`data\` being the event selected by this document:\n\n\`\`\`graphql${WEBHOOK_DOCUMENT}\`\`\``,
  authScopes: (webhook) => ({ role: { workspaceId: webhook.workspaceId, atLeast: manage } }),
  fields: (t) => ({
    url: t.exposeString('url', { description: 'Where deliveries are POSTed.' }),
    description: t.exposeString('description', { description: 'What it is for; empty when not given.' }),
    eventTypes: t.field({
      type: [WebhookEventTypeEnum],
      description: 'The event types it receives.',
      resolve: (webhook) => webhook.eventTypes,
    }),
    projects: t.field({
      type: [ProjectRef],
      description:
        'The projects whose events it receives (workspace-wide events, such as members and labels, always); empty means every project.',
      // Not a relation (`projectIds` is an array): the projects of every webhook listed load in one query, each
      // webhook's from its own workspace only (HOOK-4.6).
      resolve: (webhook, _args, context) =>
        webhook.projectIds.length === 0
          ? []
          : context.projectsByIds.load({ workspaceId: webhook.workspaceId, ids: webhook.projectIds }),
    }),
    enabled: t.exposeBoolean('enabled', {
      description:
        'Whether events are delivered. While disabled, its events wait (as long as the event log keeps them, EVENT_RETENTION_DAYS); enabling it again delivers them, in order.',
    }),
    disabledReason: t.exposeString('disabledReason', {
      nullable: true,
      description: 'Why Yello disabled it (410 Gone, or three days of failures); null otherwise.',
    }),
    disabledAt: t.expose('disabledAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When it was disabled; null while enabled.',
    }),
    failingSince: t.expose('failingSince', {
      type: 'DateTime',
      nullable: true,
      description: 'The first failed attempt since the last success; null when the last attempt succeeded.',
    }),
    previousSecretExpiresAt: t.expose('previousSecretExpiresAt', {
      type: 'DateTime',
      nullable: true,
      description: 'Until when the secret before the last rotation still signs deliveries, beside the new one.',
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was created.' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime', description: 'When it last changed.' }),
    deliveries: t.relatedConnection('deliveries', {
      cursor: 'id',
      description: 'Its deliveries, newest event first; kept two weeks after they succeeded or were given up.',
      query: () => ({ orderBy: [{ eventSequence: 'desc' }, { id: 'desc' }] }),
    }),
  }),
});

const WebhookHeaderRef = builder.objectRef<{ name: string; value: string }>('WebhookHeader').implement({
  description: 'A header of a delivery’s request.',
  fields: (t) => ({
    name: t.exposeString('name', { description: 'The header’s name, in lower case.' }),
    value: t.exposeString('value', { description: 'Its value.' }),
  }),
});

/** The headers an attempt recorded, as written (a JSON object of strings). */
function headersOf(value: unknown): { name: string; value: string }[] {
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([name, header]) =>
    typeof header === 'string' ? [{ name, value: header }] : [],
  );
}

builder.prismaObject('WebhookAttempt', {
  description: 'One try of a delivery: what was sent and what came back.',
  authScopes: (attempt) => ({ role: { workspaceId: attempt.workspaceId, atLeast: manage } }),
  fields: (t) => ({
    number: t.exposeInt('number', { description: '1 for the first attempt.' }),
    requestHeaders: t.field({
      type: [WebhookHeaderRef],
      description: 'The request’s headers, signature included.',
      resolve: (attempt) => headersOf(attempt.requestHeaders),
    }),
    responseStatus: t.exposeInt('responseStatus', {
      nullable: true,
      description: 'The HTTP status answered; null when none came (see `error`).',
    }),
    responseBody: t.exposeString('responseBody', { description: 'The first kilobyte of the response’s body.' }),
    error: t.exposeString('error', {
      nullable: true,
      description: 'Why no status came: refused address, timeout, connection error; null when one did.',
    }),
    durationMs: t.exposeInt('durationMs', { description: 'From sending to the end of the response, in milliseconds.' }),
    attemptedAt: t.expose('attemptedAt', { type: 'DateTime', description: 'When it was sent.' }),
  }),
});

const WebhookDeliveryRef = builder.prismaNode('WebhookDelivery', {
  id: { field: 'id', description: 'The delivery’s global id (its `webhook-id` header is `messageId`).' },
  description: 'One event sent to one webhook, with every attempt.',
  authScopes: (delivery) => ({ role: { workspaceId: delivery.workspaceId, atLeast: manage } }),
  fields: (t) => ({
    messageId: t.string({
      description: 'Its `webhook-id` header (`msg_…`), the same on every attempt: receivers use it to ignore repeats.',
      resolve: (delivery) => messageIdOf(delivery.id),
    }),
    eventType: t.field({
      type: WebhookEventTypeEnum,
      description: 'The event’s type.',
      resolve: (delivery) => delivery.eventType,
    }),
    type: t.string({
      description: 'The body’s `type`, in dotted form (`task.moved`).',
      resolve: (delivery) => webhookType(delivery.eventType),
    }),
    eventCursor: t.string({
      description: 'The event’s cursor in the workspace’s log.',
      resolve: (delivery) => String(delivery.eventSequence),
    }),
    state: t.field({ type: WebhookDeliveryStateEnum, description: 'Where it stands.', resolve: stateOf }),
    body: t.exposeString('body', { description: 'The JSON body every attempt sends.' }),
    attemptCount: t.exposeInt('attemptCount', { description: 'How many times it was sent.' }),
    nextAttemptAt: t.field({
      type: 'DateTime',
      nullable: true,
      description:
        'When it is due to be sent next (it also waits for any earlier delivery of its webhook); null once it succeeded or was given up.',
      resolve: (delivery) => (delivery.state === 'PENDING' ? delivery.nextAttemptAt : null),
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When the event was turned into it.' }),
    completedAt: t.expose('completedAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When it succeeded or was given up.',
    }),
    attempts: t.relation('attempts', {
      description: 'Its attempts, latest first.',
      query: { orderBy: { number: 'desc' } },
    }),
    webhook: t.relation('webhook', { description: 'The webhook it was made for.' }),
  }),
});

const CreatedWebhookRef = builder.objectRef<CreatedWebhook>('WebhookWithSecret').implement({
  description: 'A webhook with its signing secret: shown only when created or rotated.',
  fields: (t) => ({
    webhook: t.field({ type: WebhookRef, description: 'The webhook.', resolve: ({ webhook }) => webhook }),
    secret: t.exposeString('secret', {
      description: 'The signing secret (`whsec_…`): give it to your receiver’s Standard Webhooks library. Copy it now.',
    }),
  }),
});

const URL_RULES = `An https URL of at most ${MAX_WEBHOOK_URL_LENGTH} characters, without credentials, whose host resolves only to public addresses.`;

const CreateWebhookInput = builder.inputType('CreateWebhookInput', {
  description: 'A new webhook.',
  fields: (t) => ({
    workspaceId: t.globalID({ for: WorkspaceRef, description: 'The workspace whose events it receives.' }),
    url: t.string({ description: URL_RULES }),
    eventTypes: t.field({ type: [WebhookEventTypeEnum], description: 'The event types it receives; at least one.' }),
    projectIds: t.globalIDList({
      for: ProjectRef,
      required: false,
      description: 'Only these projects’ events (workspace-wide events always); every project when absent or empty.',
    }),
    description: t.string({ required: false, description: 'What it is for, at most 500 characters.' }),
  }),
});

const UpdateWebhookInput = builder.inputType('UpdateWebhookInput', {
  description: 'Only the fields given change.',
  fields: (t) => ({
    id: t.globalID({ for: WebhookRef, description: 'The webhook to change.' }),
    url: t.string({ required: false, description: URL_RULES }),
    eventTypes: t.field({ type: [WebhookEventTypeEnum], required: false, description: 'At least one.' }),
    projectIds: t.globalIDList({
      for: ProjectRef,
      required: false,
      description: 'Only these projects’ events; an empty list means every project.',
    }),
    description: t.string({ required: false, description: 'What it is for, at most 500 characters.' }),
    enabled: t.boolean({
      required: false,
      description: 'false pauses deliveries; true resumes them and clears the failure state.',
    }),
  }),
});

builder.prismaObjectField(WorkspaceRef, 'webhooks', (t) =>
  t.prismaField({
    type: [WebhookRef],
    // Null with FORBIDDEN for a member below ADMIN, who still reads the rest of the workspace (WS-5.9).
    nullable: true,
    description:
      'The workspace’s webhooks, oldest first. Owners and admins (API tokens with the ADMIN scope); null with FORBIDDEN for others.',
    authScopes: (workspace) => ({ role: { workspaceId: workspace.id, atLeast: manage } }),
    resolve: (query, workspace, _args, context) =>
      context.db.webhook.findMany({
        ...query,
        where: { workspaceId: workspace.id },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      }),
  }),
);

builder.queryField('webhookSamplePayload', (t) =>
  t.string({
    description:
      'An example body of a delivery of this event type, as JSON, shaped exactly as a delivery’s (made-up values).',
    authScopes: { loggedIn: true },
    args: {
      eventType: t.arg({ type: WebhookEventTypeEnum, required: true, description: 'The event type.' }),
    },
    resolve: async (_root, { eventType }, context, info) =>
      JSON.stringify(await sampleWebhookBody(info.schema, eventType, context.services.clock.now()), null, 2),
  }),
);

builder.mutationFields((t) => ({
  createWebhook: t.field({
    type: CreatedWebhookRef,
    description: `Creates an enabled webhook receiving the events committed from now on, and returns its secret, once. Owners and admins. A workspace has at most ${MAX_WEBHOOKS_PER_WORKSPACE} webhooks: one more is CONFLICT (delete one first).`,
    args: { input: t.arg({ type: CreateWebhookInput, required: true, description: 'The webhook.' }) },
    authScopes: (_root, { input }) => ({ role: { workspaceId: input.workspaceId.id, atLeast: manage } }),
    resolve: (_root, { input }, context) =>
      context.services.webhooks.create(auditSourceOf(context), input.workspaceId.id, {
        url: input.url,
        eventTypes: input.eventTypes,
        projectIds: input.projectIds?.map((id) => id.id) ?? undefined,
        description: input.description ?? undefined,
      }),
  }),
  updateWebhook: t.prismaField({
    type: WebhookRef,
    description: 'Changes a webhook’s URL, event types, projects, description or whether it is enabled.',
    args: { input: t.arg({ type: UpdateWebhookInput, required: true, description: 'The webhook and what changes.' }) },
    authScopes: (_root, { input }, context) => roleInWorkspaceOf(context.workspaceOf('webhook', input.id.id), manage),
    resolve: async (query, _root, { input }, context) =>
      reread(
        (read) => context.db.webhook.findUniqueOrThrow(read),
        query,
        context.services.webhooks.update(
          auditSourceOf(context),
          await workspaceIdOf(context, 'webhook', input.id.id),
          input.id.id,
          {
            url: input.url ?? undefined,
            eventTypes: input.eventTypes ?? undefined,
            projectIds: input.projectIds?.map((id) => id.id) ?? undefined,
            description: input.description ?? undefined,
            enabled: input.enabled ?? undefined,
          },
        ),
      ),
  }),
  deleteWebhook: t.boolean({
    description: 'Deletes a webhook with its delivery log; nothing more is sent to it.',
    args: { id: t.arg.globalID({ for: WebhookRef, required: true, description: 'The webhook to delete.' }) },
    authScopes: (_root, { id }, context) => roleInWorkspaceOf(context.workspaceOf('webhook', id.id), manage),
    resolve: async (_root, { id }, context) => {
      await context.services.webhooks.remove(
        auditSourceOf(context),
        await workspaceIdOf(context, 'webhook', id.id),
        id.id,
      );
      return true;
    },
  }),
  rotateWebhookSecret: t.field({
    type: CreatedWebhookRef,
    description:
      'Gives a webhook a new secret, returned once; for 24 hours deliveries carry signatures of both the new and the previous secret.',
    args: { id: t.arg.globalID({ for: WebhookRef, required: true, description: 'The webhook.' }) },
    authScopes: (_root, { id }, context) => roleInWorkspaceOf(context.workspaceOf('webhook', id.id), manage),
    resolve: async (_root, { id }, context) =>
      context.services.webhooks.rotateSecret(
        auditSourceOf(context),
        await workspaceIdOf(context, 'webhook', id.id),
        id.id,
      ),
  }),
  redeliverWebhookDelivery: t.prismaField({
    type: WebhookDeliveryRef,
    description:
      'Sends a delivery again, with the same `webhook-id` and body, as a new attempt within seconds (after any earlier delivery of its webhook that is still pending).',
    args: {
      id: t.arg.globalID({ for: WebhookDeliveryRef, required: true, description: 'The delivery to send again.' }),
    },
    authScopes: (_root, { id }, context) => roleInWorkspaceOf(context.workspaceOf('webhookDelivery', id.id), manage),
    resolve: async (query, _root, { id }, context) =>
      reread(
        (read) => context.db.webhookDelivery.findUniqueOrThrow(read),
        query,
        context.services.webhooks.redeliver(await workspaceIdOf(context, 'webhookDelivery', id.id), id.id),
      ),
  }),
}));
