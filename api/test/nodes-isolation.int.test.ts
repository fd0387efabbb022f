// nodes(ids:) position by position (workspaces 5.8, accounts 10.3): for every type implementing Node, found in the
// schema, an id the caller cannot reach answers exactly as an id that names nothing (null and NOT_FOUND at its
// index), and the caller's own object beside it is still returned.
import { assertObjectType, isInterfaceType } from 'graphql';
import { schema } from '../src/graphql/schema.ts';
import { describe, expect, test } from './fixtures.ts';
import { clientView, type SignedUpUser, type TestApi } from './test-api.ts';
import { createWebhook, deliveryIds } from './webhook-fixtures.ts';

const globalId = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64');

/** The names of the object types implementing Node. */
function nodeTypes(): string[] {
  const node = schema.getType('Node');
  if (!isInterfaceType(node)) throw new Error('the schema has no Node interface');
  return schema
    .getPossibleTypes(node)
    .map((type) => assertObjectType(type).name)
    .sort();
}

/** The Node types `objectsOf` makes an object of; a new Node type needs one there. */
const coveredTypes = [
  'ApiToken',
  'AuditEntry',
  'Comment',
  'Invitation',
  'Label',
  'Membership',
  'Project',
  'Session',
  'Task',
  'TaskActivity',
  'User',
  'Webhook',
  'WebhookDelivery',
  'WorkflowState',
  'Workspace',
] as const;
type CoveredType = (typeof coveredTypes)[number];

/**
 * One object of every Node type, each reachable by `owner`: their user and session, a workspace they own with a
 * membership, a pending invitation, an entry of its audit log, and a project with a state, a task, a label, a comment
 * and its activity.
 */
async function objectsOf(api: TestApi, owner: SignedUpUser): Promise<Record<CoveredType, string>> {
  const token = owner.accessToken;
  const workspace = await api.createWorkspace(owner, 'Nodes');
  const { webhook } = await createWebhook(api, owner, workspace, 'http://127.0.0.1:9/nodes');
  const content = await api.createContent(owner, workspace);
  await api.app.webhookDispatcher.enqueue();
  const [deliveryId = ''] = await deliveryIds(api, owner, webhook.id);
  const { inviteMember } = await api.data<{ inviteMember: { invitation: { id: string } } }>(
    'mutation($input: InviteMemberInput!) { inviteMember(input: $input) { invitation { id } } }',
    { token, variables: { input: { workspaceId: workspace.id, email: 'invitee@example.com', role: 'VIEWER' } } },
  );
  const { createApiToken } = await api.data<{ createApiToken: { token: { id: string } } }>(
    'mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) { token { id } } }',
    {
      token,
      variables: {
        input: {
          workspaceId: workspace.id,
          name: 'Nodes',
          scopes: ['READ'],
          expiresAt: new Date(api.clock.now().getTime() + 86_400_000).toISOString(),
        },
      },
    },
  );
  const {
    me,
    sessions,
    task,
    workspace: log,
  } = await api.data<{
    me: { memberships: { id: string }[] };
    sessions: { id: string }[];
    task: { activity: { nodes: { id: string }[] } };
    workspace: { auditEntries: { nodes: { id: string }[] } };
  }>(
    'query($slug: String!, $key: String!) { me { memberships { id } } sessions { id } task(workspaceSlug: $slug, key: $key) { activity { nodes { id } } } workspace(slug: $slug) { auditEntries(first: 1) { nodes { id } } } }',
    { token, variables: { slug: workspace.slug, key: content.taskKey } },
  );
  return {
    ApiToken: createApiToken.token.id,
    AuditEntry: log.auditEntries.nodes[0]?.id ?? '',
    Comment: content.commentId,
    Invitation: inviteMember.invitation.id,
    Label: content.labelId,
    Membership: me.memberships[0]?.id ?? '',
    Project: content.projectId,
    Session: sessions[0]?.id ?? '',
    Task: content.taskId,
    TaskActivity: task.activity.nodes[0]?.id ?? '',
    User: owner.id,
    Webhook: webhook.id,
    WebhookDelivery: deliveryId,
    WorkflowState: content.stateId,
    Workspace: workspace.id,
  };
}

const nodesQuery = 'query($ids: [ID!]!) { nodes(ids: $ids) { id __typename } }';

describe('nodes isolation', () => {
  test('WS-5.8 every Node type of the schema has an object to aim at', () => {
    expect(nodeTypes().length).toBeGreaterThan(5);
    expect([...coveredTypes].sort()).toEqual(nodeTypes());
  });

  test.for(nodeTypes())(
    'WS-5.8, WS-5.2, AUTH-10.3 nodes([own, foreign %s]) answers as nodes([own, missing]): own returned, NOT_FOUND at index 1',
    async (type, { api }) => {
      const caller = await api.signUp();
      const own = await objectsOf(api, caller);
      const foreign = await objectsOf(api, await api.signUp());
      const covered = coveredTypes.find((name) => name === type);
      if (covered === undefined) throw new Error(`no object of type ${type}`);
      const ownId = own[covered];
      expect(ownId).not.toBe('');
      const ask = (ids: string[]) => api.operation(nodesQuery, { token: caller.accessToken, variables: { ids } });

      const intrusion = clientView(await ask([ownId, foreign[covered]]));
      const missing = clientView(await ask([ownId, globalId(type, crypto.randomUUID())]));
      expect(intrusion).toEqual(missing);
      expect(intrusion.data).toEqual({ nodes: [{ id: ownId, __typename: type }, null] });
      expect(intrusion.errors.map(({ path, code }) => ({ path, code }))).toEqual([
        { path: ['nodes', 1], code: 'NOT_FOUND' },
      ]);
    },
  );

  test('WS-5.8, AUTH-10.3 unreachable, missing and malformed ids fail each at its own index, between reachable ones', async ({
    api,
  }) => {
    const caller = await api.signUp();
    const own = await objectsOf(api, caller);
    const foreign = await objectsOf(api, await api.signUp());
    const ids = [
      own.Task,
      foreign.Task,
      own.Workspace,
      globalId('Project', crypto.randomUUID()),
      own.User,
      'not-a-global-id',
      globalId('Task', '1'),
      globalId('Nothing', crypto.randomUUID()),
      foreign.User,
      own.Comment,
    ];
    const result = clientView(await api.operation(nodesQuery, { token: caller.accessToken, variables: { ids } }));
    expect(result.data).toEqual({
      nodes: [
        { id: own.Task, __typename: 'Task' },
        null,
        { id: own.Workspace, __typename: 'Workspace' },
        null,
        { id: own.User, __typename: 'User' },
        null,
        null,
        null,
        null,
        { id: own.Comment, __typename: 'Comment' },
      ],
    });
    const failed = [1, 3, 5, 6, 7, 8];
    expect(result.errors.map(({ path, code }) => ({ path, code }))).toEqual(
      failed
        .map((index) => ({ path: ['nodes', index], code: 'NOT_FOUND' }))
        .sort((a, b) => JSON.stringify(a.path).localeCompare(JSON.stringify(b.path))),
    );
    expect(new Set(result.errors.map(({ message }) => message)).size).toBe(1);
  });
});

describe('the size of nodes(ids:)', () => {
  test('AUTH-10.7 more than 100 ids are refused at ids before anything is loaded; 100 are answered', async ({
    api,
    user,
  }) => {
    const query = 'query($ids: [ID!]!) { nodes(ids: $ids) { id } }';
    const ids = (count: number) => Array.from({ length: count }, () => globalId('Task', crypto.randomUUID()));
    const tooMany = await api.operation(query, { token: user.accessToken, variables: { ids: ids(101) } });
    expect(tooMany.body.data).toBeNull();
    expect(tooMany.body.errors?.map((error) => error.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    expect(tooMany.body.errors?.[0]?.extensions?.fieldErrors?.map(({ path }) => path)).toEqual([['ids']]);
    const page = await api.operation(query, { token: user.accessToken, variables: { ids: ids(100) } });
    expect(page.body.data).toEqual({ nodes: Array.from({ length: 100 }, () => null) });
    expect(new Set(page.body.errors?.map((error) => error.extensions?.code))).toEqual(new Set(['NOT_FOUND']));
  });
});
