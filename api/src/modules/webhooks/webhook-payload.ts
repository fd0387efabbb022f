// What a webhook delivery carries (HOOK-5.2): the event as its subscription type, selected by one documented
// GraphQL document and executed against Yello's own schema, so the payload is a selection of schema types that the
// reference documents, read with a VIEWER's rights in the webhook's workspace. Sample payloads (HOOK-4.5) execute
// the same document against a mocked copy of the schema.
import { addMocksToSchema } from '@graphql-tools/mock';
import type { IResolvers } from '@graphql-tools/utils';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { buildSchema, execute, type GraphQLSchema, parse, printSchema } from 'graphql';
import type { EventKind, LoggedEvent } from '../events/event-kinds.ts';
import { typeNames } from '../events/schema.ts';

/** The selection every delivery's `data` follows; printed in the guide. */
export const WEBHOOK_DOCUMENT = /* GraphQL */ `
subscription WebhookPayload($workspaceId: ID!) {
  workspaceEvents(workspaceId: $workspaceId) {
    __typename
    cursor
    occurredAt
    ... on TaskCreated { version actor { ...Person } projectId task { ...TaskFields } }
    ... on TaskUpdated { version actor { ...Person } projectId fields task { ...TaskFields } }
    ... on TaskMoved { version actor { ...Person } projectId fromStateId task { ...TaskFields } }
    ... on TaskDeleted { version actor { ...Person } taskId projectId stateId }
    ... on CommentAdded { version actor { ...Person } taskId comment { ...CommentFields } }
    ... on CommentEdited { version actor { ...Person } taskId comment { ...CommentFields } }
    ... on CommentDeleted { version actor { ...Person } taskId commentId }
    ... on LabelCreated { version actor { ...Person } label { id name color version } }
    ... on LabelUpdated { version actor { ...Person } label { id name color version } }
    ... on LabelDeleted { version actor { ...Person } labelId }
    ... on ProjectCreated { version actor { ...Person } project { ...ProjectFields } }
    ... on ProjectUpdated { version actor { ...Person } project { ...ProjectFields } }
    ... on ProjectDeleted { version actor { ...Person } projectId }
    ... on WorkflowStateCreated { version actor { ...Person } projectId state { ...StateFields } }
    ... on WorkflowStateUpdated { version actor { ...Person } projectId state { ...StateFields } }
    ... on WorkflowStateDeleted { version actor { ...Person } projectId stateId }
    ... on MemberJoined { version actor { ...Person } membership { ...MembershipFields } }
    ... on MemberRoleChanged { version actor { ...Person } membership { ...MembershipFields } }
    ... on MemberRemoved { version actor { ...Person } membershipId userId }
    ... on WorkspaceUpdated { version actor { ...Person } workspace { id name slug } }
  }
}

fragment Person on User { id name }

fragment TaskFields on Task {
  id key number title description priority dueDate position completedAt createdAt updatedAt version
  state { id name category }
  assignee { ...Person }
  labels { id name color }
}

fragment CommentFields on Comment { id body createdAt editedAt version author { ...Person } }
fragment ProjectFields on Project { id key name description archivedAt version lead { ...Person } }
fragment StateFields on WorkflowState { id name category color version }
fragment MembershipFields on Membership { id role version user { ...Person } }
`;

const document = parse(WEBHOOK_DOCUMENT);

/** The Standard Webhooks `type` of a kind: `TASK_MOVED` → `task.moved`, `MEMBER_ROLE_CHANGED` → `member.role_changed`. */
export function webhookType(kind: EventKind): string {
  const [entity = '', ...rest] = kind.toLowerCase().split('_');
  return `${entity}.${rest.join('_')}`;
}

export interface WebhookBody {
  type: string;
  timestamp: string;
  data: unknown;
}

/** Serialises the body once; every attempt of the delivery sends these exact bytes. */
export function serializeBody(body: WebhookBody): string {
  return JSON.stringify(body);
}

/**
 * Executes the webhook document for one event, as the event's subscription would deliver it, with `context`
 * (a read-only member of the event's workspace). Errors (a field the context may not read) leave nulls, as in a
 * subscription; the body is still sent.
 */
export async function buildWebhookBody(
  schema: GraphQLSchema,
  event: LoggedEvent,
  context: object,
): Promise<WebhookBody> {
  const result = await execute({
    schema,
    document,
    rootValue: event,
    contextValue: context,
    variableValues: { workspaceId: encodeGlobalID('Workspace', event.workspaceId) },
  });
  const data = 'data' in result && result.data ? result.data.workspaceEvents : null;
  return { type: webhookType(event.kind), timestamp: event.occurredAt.toISOString(), data };
}

/** The schema's types alone, without Yello's resolvers, scopes and type checks: built once per schema. */
const shapes = new WeakMap<GraphQLSchema, GraphQLSchema>();
function shapesOf(schema: GraphQLSchema): GraphQLSchema {
  let shaped = shapes.get(schema);
  if (!shaped) {
    shaped = buildSchema(printSchema(schema));
    shapes.set(schema, shaped);
  }
  return shaped;
}

/** A made-up example of a kind's body, shaped exactly as a delivery's (HOOK-4.5): the document over a mocked schema. */
export async function sampleWebhookBody(schema: GraphQLSchema, kind: EventKind, now: Date): Promise<WebhookBody> {
  const known = samples.get(schema)?.get(kind);
  if (known) return { ...known, timestamp: now.toISOString() };
  const sample = await mockedBody(schema, kind, now);
  const bySchema = samples.get(schema) ?? new Map<EventKind, WebhookBody>();
  bySchema.set(kind, sample);
  samples.set(schema, bySchema);
  return sample;
}

/** Samples made once per schema and kind: mocking executes the whole document. */
const samples = new WeakMap<GraphQLSchema, Map<EventKind, WebhookBody>>();

async function mockedBody(schema: GraphQLSchema, kind: EventKind, now: Date): Promise<WebhookBody> {
  const typename = typeNames[kind];
  const mocked = addMocksToSchema<IResolvers>({
    schema: shapesOf(schema),
    preserveResolvers: false,
    mocks: {
      ID: () => encodeGlobalID('Example', '0195f5c2-7a3e-7b1c-9d4e-2f6a8b0c1d2e'),
      DateTime: () => now.toISOString(),
      Date: () => now.toISOString().slice(0, 10),
      Int: () => 1,
      String: () => 'Example',
    },
    resolvers: {
      Subscription: { workspaceEvents: { resolve: () => ({ __typename: typename }) } },
      WorkspaceEvent: { __resolveType: () => typename },
    },
  });
  const result = await execute({
    schema: mocked,
    document,
    rootValue: {},
    variableValues: { workspaceId: encodeGlobalID('Workspace', '0195f5c2-7a3e-7b1c-9d4e-2f6a8b0c1d2e') },
  });
  const data = 'data' in result && result.data ? result.data.workspaceEvents : null;
  return { type: webhookType(kind), timestamp: now.toISOString(), data };
}
