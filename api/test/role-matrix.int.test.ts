// The role matrix (workspaces requirements 5.3, 5.5, 5.7): every workspace operation, tried by each
// role in its own workspace, against the role table of .kiro/specs/workspaces/requirements.md (and the audit log's
// readers, HOOK-2.1).
import type { WorkspaceRole } from '../src/modules/workspaces/roles.ts';
import { describe, expect, test } from './fixtures.ts';
import { errorCodes, type TestApi, type TestMember, type TestWorkspace } from './test-api.ts';

type Outcome = 'allowed' | 'FORBIDDEN';
const roles: WorkspaceRole[] = ['OWNER', 'ADMIN', 'MEMBER', 'VIEWER'];

/** A workspace with its owner, one member per role (the actors), a spare MEMBER, a spare OWNER and a pending invitation. */
interface World {
  workspace: TestWorkspace;
  actors: Record<WorkspaceRole, { accessToken: string }>;
  spareMember: TestMember;
  spareOwner: TestMember;
  invitationId: string;
  content: Awaited<ReturnType<TestApi['createContent']>>;
}

async function buildWorld(api: TestApi): Promise<World> {
  const owner = await api.signUp();
  const workspace = await api.createWorkspace(owner, 'Matrix');
  const [admin, member, viewer, spareMember, spareOwner] = await Promise.all([
    api.addMember(owner, workspace, 'ADMIN'),
    api.addMember(owner, workspace, 'MEMBER'),
    api.addMember(owner, workspace, 'VIEWER'),
    api.addMember(owner, workspace, 'MEMBER'),
    api.addMember(owner, workspace, 'OWNER'),
  ]);
  const { inviteMember } = await api.data<{ inviteMember: { invitation: { id: string } } }>(
    'mutation($input: InviteMemberInput!) { inviteMember(input: $input) { invitation { id } } }',
    {
      token: owner.accessToken,
      variables: { input: { workspaceId: workspace.id, email: 'pending@example.com', role: 'VIEWER' } },
    },
  );
  return {
    workspace,
    actors: { OWNER: owner, ADMIN: admin, MEMBER: member, VIEWER: viewer },
    spareMember,
    spareOwner,
    invitationId: inviteMember.invitation.id,
    content: await api.createContent(owner, workspace),
  };
}

interface Operation {
  query: string;
  variables: (world: World) => Record<string, unknown>;
  /** The role table's answer for OWNER, ADMIN, MEMBER, VIEWER. */
  expected: [Outcome, Outcome, Outcome, Outcome];
}

const everyone: Operation['expected'] = ['allowed', 'allowed', 'allowed', 'allowed'];
const adminsAndOwners: Operation['expected'] = ['allowed', 'allowed', 'FORBIDDEN', 'FORBIDDEN'];
const ownersOnly: Operation['expected'] = ['allowed', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'];
const writers: Operation['expected'] = ['allowed', 'allowed', 'allowed', 'FORBIDDEN'];

const operations: Record<string, Operation> = {
  'read the workspace and its members': {
    query: 'query($slug: String!) { workspace(slug: $slug) { name members { nodes { role user { email } } } } }',
    variables: (w) => ({ slug: w.workspace.slug }),
    expected: everyone,
  },
  'list invitations': {
    query: 'query($slug: String!) { workspace(slug: $slug) { invitations { nodes { email } } } }',
    variables: (w) => ({ slug: w.workspace.slug }),
    expected: adminsAndOwners,
  },
  'read the audit log': {
    query: 'query($slug: String!) { workspace(slug: $slug) { auditEntries { nodes { action actorName } } } }',
    variables: (w) => ({ slug: w.workspace.slug }),
    expected: adminsAndOwners,
  },
  'rename the workspace': {
    query: 'mutation($input: UpdateWorkspaceInput!) { updateWorkspace(input: $input) { name } }',
    variables: (w) => ({ input: { id: w.workspace.id, name: 'Renamed' } }),
    expected: adminsAndOwners,
  },
  'invite a MEMBER': {
    query: 'mutation($input: InviteMemberInput!) { inviteMember(input: $input) { url } }',
    variables: (w) => ({ input: { workspaceId: w.workspace.id, email: 'new@example.com', role: 'MEMBER' } }),
    expected: adminsAndOwners,
  },
  'invite an OWNER': {
    query: 'mutation($input: InviteMemberInput!) { inviteMember(input: $input) { url } }',
    variables: (w) => ({ input: { workspaceId: w.workspace.id, email: 'boss@example.com', role: 'OWNER' } }),
    expected: ownersOnly,
  },
  'revoke an invitation': {
    query: 'mutation($id: ID!) { revokeInvitation(id: $id) }',
    variables: (w) => ({ id: w.invitationId }),
    expected: adminsAndOwners,
  },
  'change a MEMBER to VIEWER': {
    query: 'mutation($input: ChangeMemberRoleInput!) { changeMemberRole(input: $input) { role } }',
    variables: (w) => ({ input: { membershipId: w.spareMember.membershipId, role: 'VIEWER' } }),
    expected: adminsAndOwners,
  },
  'make a MEMBER an OWNER': {
    query: 'mutation($input: ChangeMemberRoleInput!) { changeMemberRole(input: $input) { role } }',
    variables: (w) => ({ input: { membershipId: w.spareMember.membershipId, role: 'OWNER' } }),
    expected: ownersOnly,
  },
  'demote an OWNER': {
    query: 'mutation($input: ChangeMemberRoleInput!) { changeMemberRole(input: $input) { role } }',
    variables: (w) => ({ input: { membershipId: w.spareOwner.membershipId, role: 'ADMIN' } }),
    expected: ownersOnly,
  },
  'remove a MEMBER': {
    query: 'mutation($id: ID!) { removeMember(membershipId: $id) }',
    variables: (w) => ({ id: w.spareMember.membershipId }),
    expected: adminsAndOwners,
  },
  'remove an OWNER': {
    query: 'mutation($id: ID!) { removeMember(membershipId: $id) }',
    variables: (w) => ({ id: w.spareOwner.membershipId }),
    expected: ownersOnly,
  },
  'delete the workspace': {
    query: 'mutation($input: DeleteWorkspaceInput!) { deleteWorkspace(input: $input) }',
    variables: (w) => ({ input: { id: w.workspace.id, confirmSlug: w.workspace.slug } }),
    expected: ownersOnly,
  },
  'read projects and tasks': {
    query:
      'query($slug: String!, $key: String!) { task(workspaceSlug: $slug, key: $key) { title project { name states { name } } } }',
    variables: (w) => ({ slug: w.workspace.slug, key: w.content.taskKey }),
    expected: everyone,
  },
  'create a project': {
    query: 'mutation($input: CreateProjectInput!) { createProject(input: $input) { id } }',
    variables: (w) => ({ input: { workspaceId: w.workspace.id, name: 'New', key: 'NEW' } }),
    expected: adminsAndOwners,
  },
  'add a workflow state': {
    query: 'mutation($input: CreateWorkflowStateInput!) { createWorkflowState(input: $input) { id } }',
    variables: (w) => ({
      input: { projectId: w.content.projectId, name: 'Review', category: 'STARTED', color: '#8B5CF6' },
    }),
    expected: adminsAndOwners,
  },
  'create a task': {
    query: 'mutation($input: CreateTaskInput!) { createTask(input: $input) { id } }',
    variables: (w) => ({ input: { projectId: w.content.projectId, title: 'New task' } }),
    expected: writers,
  },
  'edit a task': {
    query: 'mutation($input: UpdateTaskInput!) { updateTask(input: $input) { id } }',
    variables: (w) => ({ input: { id: w.content.taskId, title: 'Edited' } }),
    expected: writers,
  },
  'move a task': {
    query: 'mutation($input: MoveTaskInput!) { moveTask(input: $input) { id } }',
    variables: (w) => ({ input: { id: w.content.taskId, stateId: w.content.stateId } }),
    expected: writers,
  },
  'create a label': {
    query: 'mutation($input: CreateLabelInput!) { createLabel(input: $input) { id } }',
    variables: (w) => ({ input: { workspaceId: w.workspace.id, name: 'new-label', color: '#22C55E' } }),
    expected: writers,
  },
  'comment on a task': {
    query: 'mutation($input: AddCommentInput!) { addComment(input: $input) { id } }',
    variables: (w) => ({ input: { taskId: w.content.taskId, body: 'Looks good' } }),
    expected: writers,
  },
  'delete someone else’s comment': {
    query: 'mutation($id: ID!) { deleteComment(id: $id) }',
    variables: (w) => ({ id: w.content.commentId }),
    expected: ['allowed', 'allowed', 'FORBIDDEN', 'FORBIDDEN'],
  },
  'leave the workspace': {
    query: 'mutation($id: ID!) { leaveWorkspace(workspaceId: $id) }',
    variables: (w) => ({ id: w.workspace.id }),
    expected: everyone,
  },
};

const matrix = Object.entries(operations).flatMap(([name, operation]) =>
  roles.map((role, index) => ({ name, role, operation, outcome: operation.expected[index] ?? 'FORBIDDEN' })),
);

describe('role matrix', () => {
  test.for(matrix)('WS-5.3 $role may $name: $outcome', async ({ role, operation, outcome }, { api }) => {
    const world = await buildWorld(api);
    const result = await api.operation(operation.query, {
      token: world.actors[role].accessToken,
      variables: operation.variables(world),
    });
    if (outcome === 'allowed') expect(result.body.errors).toBeUndefined();
    else expect(errorCodes(result.body)).toEqual(['FORBIDDEN']);
  });
});

/** A token of the workspace's OWNER acts with its scopes' role: READ as a VIEWER, WRITE as a MEMBER, ADMIN as an ADMIN. */
const tokenScopes = [
  { scope: 'READ', actsAs: 3 },
  { scope: 'WRITE', actsAs: 2 },
  { scope: 'ADMIN', actsAs: 1 },
] as const;

/** Leaving is a person's own decision: no token may (INT-1.5). */
const personOnly = new Set(['leave the workspace']);

/** The comment of the world is its OWNER's: for a token of theirs it is its own comment, which a writer may delete. */
const ownersOwn = new Set(['delete someone else’s comment']);

const tokenMatrix = Object.entries(operations).flatMap(([name, operation]) =>
  tokenScopes.map(({ scope, actsAs }) => {
    const asRole = operation.expected[actsAs] ?? 'FORBIDDEN';
    const asOwnersOwn = ownersOwn.has(name) ? writers[actsAs] : asRole;
    return { name, scope, operation, outcome: personOnly.has(name) ? 'FORBIDDEN' : (asOwnersOwn ?? 'FORBIDDEN') };
  }),
);

describe('role matrix of API tokens', () => {
  test.for(tokenMatrix)(
    'INT-1.4 INT-1.5 an owner’s $scope token may $name: $outcome',
    async ({ scope, operation, outcome }, { api }) => {
      const world = await buildWorld(api);
      const { createApiToken } = await api.data<{ createApiToken: { secret: string } }>(
        'mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) { secret } }',
        {
          token: world.actors.OWNER.accessToken,
          variables: {
            input: {
              workspaceId: world.workspace.id,
              name: `${scope} script`,
              scopes: [scope],
              expiresAt: new Date(api.clock.now().getTime() + 86_400_000).toISOString(),
            },
          },
        },
      );
      const result = await api.operation(operation.query, {
        token: createApiToken.secret,
        variables: operation.variables(world),
      });
      if (outcome === 'allowed') expect(result.body.errors).toBeUndefined();
      else expect(errorCodes(result.body)).toEqual(['FORBIDDEN']);
    },
  );
});
