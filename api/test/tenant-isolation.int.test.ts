// Tenant isolation (workspaces requirement 5.2, 5.7): every operation that takes an id or a slug,
// found in the schema itself, is tried by a member of workspace A against workspace B's objects.
// The answer must be the one for an id that does not exist, and no tenant table may change.
import { schema } from '../src/graphql/schema.ts';
import { describe, expect, test } from './fixtures.ts';
import { operationsTakingIdOrSlug, takesIdOrSlug } from './schema-operations.ts';
import { clientView, type TestApi, tenantFingerprint } from './test-api.ts';
import { createWebhook, deliveryIds } from './webhook-fixtures.ts';

/** The ids of one workspace's objects, as a client sees them. */
interface Targets {
  workspaceId: string;
  auditEntryId: string;
  apiTokenId: string;
  webhookId: string;
  deliveryId: string;
  slug: string;
  membershipId: string;
  invitationId: string;
  userId: string;
  sessionId: string;
  projectId: string;
  projectKey: string;
  stateId: string;
  taskId: string;
  taskKey: string;
  labelId: string;
  commentId: string;
}

interface Attempt {
  query: string;
  variables: (targets: Targets) => Record<string, unknown>;
}

type IsolationCase = { attempts: Attempt[] } | { exempt: string };

const one = (query: string, variables: Attempt['variables']): IsolationCase => ({ attempts: [{ query, variables }] });

/** How to aim each id-taking operation at another workspace. A new such operation needs an entry. */
const cases: Record<string, IsolationCase> = {
  node: {
    attempts: (
      [
        'workspaceId',
        'auditEntryId',
        'membershipId',
        'invitationId',
        'userId',
        'sessionId',
        'projectId',
        'stateId',
        'taskId',
        'labelId',
        'commentId',
      ] as const
    ).map((key) => ({
      query: 'query($id: ID!) { node(id: $id) { id } }',
      variables: (targets) => ({ id: targets[key] }),
    })),
  },
  nodes: one('query($ids: [ID!]!) { nodes(ids: $ids) { id } }', (t) => ({
    ids: [
      t.workspaceId,
      t.auditEntryId,
      t.membershipId,
      t.invitationId,
      t.userId,
      t.sessionId,
      t.projectId,
      t.taskId,
      t.commentId,
    ],
  })),
  project: one('query($slug: String!, $key: String!) { project(workspaceSlug: $slug, key: $key) { id } }', (t) => ({
    slug: t.slug,
    key: t.projectKey,
  })),
  task: one('query($slug: String!, $key: String!) { task(workspaceSlug: $slug, key: $key) { id title } }', (t) => ({
    slug: t.slug,
    key: t.taskKey,
  })),
  createProject: one('mutation($input: CreateProjectInput!) { createProject(input: $input) { id } }', (t) => ({
    input: { workspaceId: t.workspaceId, name: 'Intrusion', key: 'INTR' },
  })),
  updateProject: one('mutation($input: UpdateProjectInput!) { updateProject(input: $input) { id } }', (t) => ({
    input: { id: t.projectId, name: 'Taken over' },
  })),
  archiveProject: one('mutation($id: ID!) { archiveProject(id: $id) { id } }', (t) => ({ id: t.projectId })),
  unarchiveProject: one('mutation($id: ID!) { unarchiveProject(id: $id) { id } }', (t) => ({ id: t.projectId })),
  deleteProject: one('mutation($id: ID!) { deleteProject(id: $id) }', (t) => ({ id: t.projectId })),
  createWorkflowState: one(
    'mutation($input: CreateWorkflowStateInput!) { createWorkflowState(input: $input) { id } }',
    (t) => ({
      input: { projectId: t.projectId, name: 'Hacked', category: 'STARTED', color: '#000000' },
    }),
  ),
  updateWorkflowState: one(
    'mutation($input: UpdateWorkflowStateInput!) { updateWorkflowState(input: $input) { id } }',
    (t) => ({
      input: { id: t.stateId, name: 'Hacked' },
    }),
  ),
  moveWorkflowState: one(
    'mutation($input: MoveWorkflowStateInput!) { moveWorkflowState(input: $input) { id } }',
    (t) => ({
      input: { id: t.stateId },
    }),
  ),
  deleteWorkflowState: one(
    'mutation($input: DeleteWorkflowStateInput!) { deleteWorkflowState(input: $input) }',
    (t) => ({
      input: { id: t.stateId },
    }),
  ),
  createTask: one('mutation($input: CreateTaskInput!) { createTask(input: $input) { id } }', (t) => ({
    input: { projectId: t.projectId, title: 'Planted' },
  })),
  updateTask: one('mutation($input: UpdateTaskInput!) { updateTask(input: $input) { id } }', (t) => ({
    input: { id: t.taskId, title: 'Defaced' },
  })),
  moveTask: one('mutation($input: MoveTaskInput!) { moveTask(input: $input) { id } }', (t) => ({
    input: { id: t.taskId, stateId: t.stateId },
  })),
  deleteTask: one('mutation($id: ID!) { deleteTask(id: $id) }', (t) => ({ id: t.taskId })),
  createLabel: one('mutation($input: CreateLabelInput!) { createLabel(input: $input) { id } }', (t) => ({
    input: { workspaceId: t.workspaceId, name: 'planted', color: '#000000' },
  })),
  updateLabel: one('mutation($input: UpdateLabelInput!) { updateLabel(input: $input) { id } }', (t) => ({
    input: { id: t.labelId, name: 'defaced' },
  })),
  deleteLabel: one('mutation($id: ID!) { deleteLabel(id: $id) }', (t) => ({ id: t.labelId })),
  addComment: one('mutation($input: AddCommentInput!) { addComment(input: $input) { id } }', (t) => ({
    input: { taskId: t.taskId, body: 'Planted' },
  })),
  editComment: one('mutation($input: EditCommentInput!) { editComment(input: $input) { id } }', (t) => ({
    input: { id: t.commentId, body: 'Defaced' },
  })),
  deleteComment: one('mutation($id: ID!) { deleteComment(id: $id) }', (t) => ({ id: t.commentId })),
  workspace: {
    attempts: [
      { query: 'query($slug: String!) { workspace(slug: $slug) { id name } }', variables: (t) => ({ slug: t.slug }) },
      // Its audit log (HOOK-2.1), with a filter naming one of its members.
      {
        query:
          'query($slug: String!, $actorId: ID!) { workspace(slug: $slug) { auditEntries(filter: { actorId: $actorId }) { nodes { id action } } } }',
        variables: (t) => ({ slug: t.slug, actorId: t.userId }),
      },
    ],
  },
  createApiToken: one('mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) { secret } }', (t) => ({
    input: {
      workspaceId: t.workspaceId,
      name: 'Intruder',
      scopes: ['ADMIN'],
      expiresAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
    },
  })),
  revokeApiToken: one('mutation($id: ID!) { revokeApiToken(id: $id) }', (t) => ({ id: t.apiTokenId })),
  workspaceEvents: one(
    'query($id: ID!) { workspaceEvents(workspaceId: $id) { edges { cursor node { __typename cursor } } } }',
    (t) => ({ id: t.workspaceId }),
  ),
  updateWorkspace: one('mutation($input: UpdateWorkspaceInput!) { updateWorkspace(input: $input) { id } }', (t) => ({
    input: { id: t.workspaceId, name: 'Taken over' },
  })),
  deleteWorkspace: one('mutation($input: DeleteWorkspaceInput!) { deleteWorkspace(input: $input) }', (t) => ({
    input: { id: t.workspaceId, confirmSlug: t.slug },
  })),
  inviteMember: one('mutation($input: InviteMemberInput!) { inviteMember(input: $input) { url } }', (t) => ({
    input: { workspaceId: t.workspaceId, email: 'intruder@example.com', role: 'ADMIN' },
  })),
  revokeInvitation: one('mutation($id: ID!) { revokeInvitation(id: $id) }', (t) => ({ id: t.invitationId })),
  changeMemberRole: one('mutation($input: ChangeMemberRoleInput!) { changeMemberRole(input: $input) { id } }', (t) => ({
    input: { membershipId: t.membershipId, role: 'VIEWER' },
  })),
  removeMember: one('mutation($id: ID!) { removeMember(membershipId: $id) }', (t) => ({ id: t.membershipId })),
  leaveWorkspace: one('mutation($id: ID!) { leaveWorkspace(workspaceId: $id) }', (t) => ({ id: t.workspaceId })),
  revokeSession: one('mutation($id: ID!) { revokeSession(id: $id) }', (t) => ({ id: t.sessionId })),
  createWorkspace: { exempt: 'Slugs are global names: a taken slug is CONFLICT by design (workspaces 1.3).' },
  createWebhook: one('mutation($input: CreateWebhookInput!) { createWebhook(input: $input) { secret } }', (t) => ({
    input: { workspaceId: t.workspaceId, url: 'http://127.0.0.1:9/intrusion', eventTypes: ['TASK_CREATED'] },
  })),
  updateWebhook: one('mutation($input: UpdateWebhookInput!) { updateWebhook(input: $input) { id } }', (t) => ({
    input: { id: t.webhookId, url: 'http://127.0.0.1:9/intrusion' },
  })),
  deleteWebhook: one('mutation($id: ID!) { deleteWebhook(id: $id) }', (t) => ({ id: t.webhookId })),
  rotateWebhookSecret: one('mutation($id: ID!) { rotateWebhookSecret(id: $id) { secret } }', (t) => ({
    id: t.webhookId,
  })),
  redeliverWebhookDelivery: one('mutation($id: ID!) { redeliverWebhookDelivery(id: $id) { id } }', (t) => ({
    id: t.deliveryId,
  })),
};

function discoverOperations(): string[] {
  return operationsTakingIdOrSlug(schema).map(({ field }) => field.name);
}

const globalId = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64');

/** The id of the newest entry of a workspace's audit log, read by its owner. */
async function firstAuditEntry(api: TestApi, token: string, slug: string): Promise<string> {
  const { workspace } = await api.data<{ workspace: { auditEntries: { nodes: { id: string }[] } } }>(
    'query($slug: String!) { workspace(slug: $slug) { auditEntries(first: 1) { nodes { id } } } }',
    { token, variables: { slug } },
  );
  const [entry] = workspace.auditEntries.nodes;
  if (!entry) throw new Error('the workspace has no audit entry');
  return entry.id;
}

/** Ids of the right types that name nothing. */
function missingTargets(): Targets {
  return {
    workspaceId: globalId('Workspace', crypto.randomUUID()),
    auditEntryId: globalId('AuditEntry', crypto.randomUUID()),
    apiTokenId: globalId('ApiToken', crypto.randomUUID()),
    webhookId: globalId('Webhook', crypto.randomUUID()),
    deliveryId: globalId('WebhookDelivery', crypto.randomUUID()),
    slug: `missing-${crypto.randomUUID().slice(0, 8)}`,
    membershipId: globalId('Membership', crypto.randomUUID()),
    invitationId: globalId('Invitation', crypto.randomUUID()),
    userId: globalId('User', crypto.randomUUID()),
    sessionId: globalId('Session', crypto.randomUUID()),
    projectId: globalId('Project', crypto.randomUUID()),
    projectKey: 'NOPE',
    stateId: globalId('WorkflowState', crypto.randomUUID()),
    taskId: globalId('Task', crypto.randomUUID()),
    taskKey: 'NOPE-1',
    labelId: globalId('Label', crypto.randomUUID()),
    commentId: globalId('Comment', crypto.randomUUID()),
  };
}

/** A digest of every tenant table (and of which sessions are revoked). */
describe('tenant isolation', () => {
  test('WS-5.7 every operation taking an id or a slug has an isolation case', () => {
    const discovered = discoverOperations();
    expect(discovered.length).toBeGreaterThan(10);
    expect(discovered.filter((name) => !(name in cases))).toEqual([]);
    expect(Object.keys(cases).filter((name) => !discovered.includes(name))).toEqual([]);
  });

  test.for(discoverOperations().filter((name) => 'attempts' in (cases[name] ?? {})))(
    'WS-5.2 %s on another workspace’s objects answers as for ids that do not exist, and changes nothing',
    async (operation, { api }) => {
      const attacker = await api.signUp();
      await api.createWorkspace(attacker, 'Attacker');
      const victim = await api.signUp();
      const workspace = await api.createWorkspace(victim, 'Victim');
      const member = await api.addMember(victim, workspace, 'MEMBER');
      const { inviteMember } = await api.data<{ inviteMember: { invitation: { id: string } } }>(
        'mutation($input: InviteMemberInput!) { inviteMember(input: $input) { invitation { id } } }',
        {
          token: victim.accessToken,
          variables: { input: { workspaceId: workspace.id, email: 'soon@example.com', role: 'VIEWER' } },
        },
      );
      const { sessions } = await api.data<{ sessions: { id: string }[] }>('{ sessions { id } }', {
        token: member.accessToken,
      });
      const { webhook } = await createWebhook(api, victim, workspace, 'http://127.0.0.1:9/victim');
      const content = await api.createContent(victim, workspace);
      await api.app.webhookDispatcher.enqueue();
      const [deliveryId = ''] = await deliveryIds(api, victim, webhook.id);
      const foreign: Targets = {
        workspaceId: workspace.id,
        slug: workspace.slug,
        membershipId: member.membershipId,
        invitationId: inviteMember.invitation.id,
        userId: member.id,
        sessionId: sessions[0]?.id ?? '',
        apiTokenId: (
          await api.data<{ createApiToken: { token: { id: string } } }>(
            'mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) { token { id } } }',
            {
              token: victim.accessToken,
              variables: {
                input: {
                  workspaceId: workspace.id,
                  name: 'Victim’s',
                  scopes: ['READ'],
                  expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
                },
              },
            },
          )
        ).createApiToken.token.id,
        webhookId: webhook.id,
        deliveryId,
        ...content,
        auditEntryId: await firstAuditEntry(api, victim.accessToken, workspace.slug),
      };
      const isolationCase = cases[operation];
      if (!isolationCase || !('attempts' in isolationCase)) throw new Error(`no attempts for ${operation}`);

      for (const attempt of isolationCase.attempts) {
        const before = await tenantFingerprint(api);
        const intrusion = await api.operation(attempt.query, {
          token: attacker.accessToken,
          variables: attempt.variables(foreign),
        });
        expect(await tenantFingerprint(api)).toBe(before);
        const missing = await api.operation(attempt.query, {
          token: attacker.accessToken,
          variables: attempt.variables(missingTargets()),
        });
        const seen = clientView(intrusion);
        expect(seen.errors.length).toBeGreaterThan(0);
        expect(seen.errors.every((error) => error.code === 'NOT_FOUND')).toBe(true);
        expect(JSON.stringify(seen)).not.toContain(workspace.name);
        expect(seen).toEqual(clientView(missing));
      }
    },
  );
});

/** How to aim each subscription that takes an id or a slug at another workspace. A new one needs an entry. */
const subscriptionCases: Record<string, Attempt> = {
  workspaceEvents: {
    query: 'subscription($id: ID!) { workspaceEvents(workspaceId: $id) { __typename cursor } }',
    variables: (t) => ({ id: t.workspaceId }),
  },
};

function discoverSubscriptions(): string[] {
  return Object.values(schema.getSubscriptionType()?.getFields() ?? {})
    .filter((field) => field.args.some((arg) => takesIdOrSlug(arg.type, arg.name)))
    .map((field) => field.name);
}

describe('tenant isolation of live streams', () => {
  test('RT-5.5 every subscription taking an id or a slug has an isolation case', () => {
    expect(discoverSubscriptions()).toEqual(Object.keys(subscriptionCases));
  });

  test.for(Object.keys(subscriptionCases))(
    'RT-5.1 RT-5.5 %s on another workspace answers as for an id that does not exist, and opens no stream',
    async (name, { api }) => {
      const attempt = subscriptionCases[name];
      if (!attempt) throw new Error(`no case for ${name}`);
      const attacker = await api.signUp();
      const victim = await api.signUp();
      const workspace = await api.createWorkspace(victim, 'Victim');
      const foreign = {
        workspaceId: workspace.id,
        slug: workspace.slug,
        ...(await api.createContent(victim, workspace)),
      };
      const missing = missingTargets();
      const answers = [];
      for (const targets of [{ ...missing, ...foreign }, missing]) {
        const stream = api.live(attacker.accessToken, attempt.query, attempt.variables(targets));
        await stream.ended;
        answers.push(stream.results);
      }
      const [intrusion, unknown] = answers;
      expect(intrusion).toHaveLength(1);
      expect(intrusion?.[0]?.data ?? null).toBeNull();
      expect(intrusion?.[0]?.errors?.map((error) => error.extensions?.code)).toEqual(['NOT_FOUND']);
      expect(JSON.stringify(intrusion)).not.toContain(workspace.name);
      expect(intrusion).toEqual(unknown);
    },
  );

  test('RT-5.5 a subscriber of one workspace receives the events of that workspace and nothing of another', async ({
    api,
  }) => {
    const reader = await api.signUp();
    const own = await api.createWorkspace(reader, 'Own');
    const other = await api.signUp();
    const theirs = await api.createWorkspace(other, 'Theirs');
    const stream = api.live<{ workspaceEvents: { __typename: string; cursor: string } }>(
      reader.accessToken,
      'subscription($id: ID!) { workspaceEvents(workspaceId: $id) { __typename cursor ... on TaskCreated { task { id title } } } }',
      { id: own.id },
    );
    await api.createContent(other, theirs);
    const mine = await api.createContent(reader, own);
    const results = await stream.take(4);
    stream.close();
    expect(results.map((result) => result.data?.workspaceEvents.__typename)).toEqual([
      'ProjectCreated',
      'LabelCreated',
      'TaskCreated',
      'CommentAdded',
    ]);
    expect(JSON.stringify(results)).toContain(mine.taskId);
    expect(JSON.stringify(results)).not.toContain('Theirs');
  });
});
