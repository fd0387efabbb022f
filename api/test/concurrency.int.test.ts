// Invariants under concurrency (issue 9): each test sends real GraphQL operations at once (Promise.all), then
// checks that the invariant holds and that every call either succeeded or failed with a code a client can act
// on, never an unexpected error. On PostgreSQL (`npm run test:pg`) the requests overlap, ten connections at a
// time; on PGlite, with its one connection, transactions take turns but statements outside them still
// interleave. Races already covered elsewhere: positions (ordering-races), refresh tokens (refresh-races),
// concurrent owner demotions (members), task numbers (tasks).
import { encodeGlobalID } from '@pothos/plugin-relay';
import { z } from 'zod';
import { describe, expect, test } from './fixtures.ts';
import { uuid } from './global-ids.ts';
import { errorCodes, type OperationResult, type SignedUpUser, type TestApi, type TestWorkspace } from './test-api.ts';

const REGISTER = 'mutation($input: RegisterInput!) { register(input: $input) { user { id } } }';
const LOGIN = 'mutation($input: LoginInput!) { login(input: $input) { accessToken } }';
const CHANGE_PASSWORD = 'mutation($input: ChangePasswordInput!) { changePassword(input: $input) }';
const CREATE_WORKSPACE = 'mutation($input: CreateWorkspaceInput!) { createWorkspace(input: $input) { id slug } }';
const UPDATE_WORKSPACE = 'mutation($input: UpdateWorkspaceInput!) { updateWorkspace(input: $input) { id slug } }';
const DELETE_WORKSPACE = 'mutation($input: DeleteWorkspaceInput!) { deleteWorkspace(input: $input) }';
const INVITE = 'mutation($input: InviteMemberInput!) { inviteMember(input: $input) { url invitation { id } } }';
const ACCEPT = 'mutation($token: String!) { acceptInvitation(token: $token) { id } }';
const REVOKE_INVITATION = 'mutation($id: ID!) { revokeInvitation(id: $id) }';
const REMOVE = 'mutation($id: ID!) { removeMember(membershipId: $id) }';
const LEAVE = 'mutation($id: ID!) { leaveWorkspace(workspaceId: $id) }';
const CREATE_PROJECT = `mutation($input: CreateProjectInput!) {
  createProject(input: $input) { id key states { id name } }
}`;
const UPDATE_PROJECT = 'mutation($input: UpdateProjectInput!) { updateProject(input: $input) { id key } }';
const DELETE_PROJECT = 'mutation($id: ID!) { deleteProject(id: $id) }';
const CREATE_STATE = 'mutation($input: CreateWorkflowStateInput!) { createWorkflowState(input: $input) { id } }';
const UPDATE_STATE = 'mutation($input: UpdateWorkflowStateInput!) { updateWorkflowState(input: $input) { id } }';
const DELETE_STATE = 'mutation($input: DeleteWorkflowStateInput!) { deleteWorkflowState(input: $input) }';
const CREATE_TASK = 'mutation($input: CreateTaskInput!) { createTask(input: $input) { id } }';
const UPDATE_TASK = 'mutation($input: UpdateTaskInput!) { updateTask(input: $input) { id } }';
const MOVE_TASK = 'mutation($input: MoveTaskInput!) { moveTask(input: $input) { id } }';
const DELETE_TASK = 'mutation($id: ID!) { deleteTask(id: $id) }';
const CREATE_LABEL = 'mutation($input: CreateLabelInput!) { createLabel(input: $input) { id } }';
const UPDATE_LABEL = 'mutation($input: UpdateLabelInput!) { updateLabel(input: $input) { id } }';
const DELETE_LABEL = 'mutation($id: ID!) { deleteLabel(id: $id) }';
const ADD_COMMENT = 'mutation($input: AddCommentInput!) { addComment(input: $input) { id } }';

/** How a call ended: `ok`, or the codes of its errors (joined when there are several). */
function outcome(result: OperationResult<unknown>): string {
  const codes = errorCodes(result.body);
  if (codes.length === 0 && result.body.data) return 'ok';
  return codes.map((code) => code ?? 'no code').join('+') || 'no answer';
}

/**
 * The outcome of every call, after checking that each one either succeeded or failed with a single error whose
 * code is one of `allowed` (never INTERNAL_SERVER_ERROR nor an error without a code).
 */
function outcomes(results: readonly OperationResult<unknown>[], allowed: readonly string[]): string[] {
  const seen = results.map(outcome);
  expect(seen.filter((each) => each !== 'ok' && !allowed.includes(each))).toEqual([]);
  return seen;
}

const count = (seen: readonly string[], which: string) => seen.filter((each) => each === which).length;

/** The field paths of the field errors of every failed call. */
const fieldErrorPaths = (results: readonly OperationResult<unknown>[]) =>
  results.flatMap((result) =>
    (result.body.errors ?? []).map((error) => error.extensions?.fieldErrors?.map((fieldError) => fieldError.path)),
  );

/** One call of a race for a unique value won; every other is CONFLICT with a field error at `input.<field>`. */
function expectOneWinner(results: readonly OperationResult<unknown>[], field: string): void {
  expect(count(outcomes(results, ['CONFLICT']), 'ok')).toBe(1);
  expect(fieldErrorPaths(results.filter((result) => outcome(result) === 'CONFLICT'))).toEqual(
    Array.from({ length: results.length - 1 }, () => [['input', field]]),
  );
}

/** Two to six capital letters, distinct per call in a test file. */
let keyCounter = 0;
function newKey(): string {
  keyCounter += 1;
  let n = keyCounter;
  let letters = '';
  do {
    letters = String.fromCharCode(65 + (n % 26)) + letters;
    n = Math.floor(n / 26);
  } while (n > 0);
  return `Q${letters}`.padEnd(2, 'Q');
}

interface Project {
  id: string;
  key: string;
  states: { id: string; name: string }[];
}

async function newProject(api: TestApi, owner: SignedUpUser, workspace: TestWorkspace): Promise<Project> {
  const { createProject } = await api.data<{ createProject: Project }>(CREATE_PROJECT, {
    token: owner.accessToken,
    variables: { input: { workspaceId: workspace.id, name: 'Races', key: newKey() } },
  });
  return createProject;
}

function stateNamed(project: Project, name: string): string {
  const state = project.states.find((each) => each.name === name);
  if (!state) throw new Error(`No state ${name}`);
  return state.id;
}

async function newTask(api: TestApi, owner: SignedUpUser, projectId: string, input: Record<string, unknown> = {}) {
  const { createTask } = await api.data<{ createTask: { id: string } }>(CREATE_TASK, {
    token: owner.accessToken,
    variables: { input: { projectId, title: 'Task', ...input } },
  });
  return createTask.id;
}

async function invite(api: TestApi, inviter: SignedUpUser, workspace: TestWorkspace, email: string) {
  const { inviteMember } = await api.data<{ inviteMember: { url: string; invitation: { id: string } } }>(INVITE, {
    token: inviter.accessToken,
    variables: { input: { workspaceId: workspace.id, email, role: 'MEMBER' } },
  });
  return { id: inviteMember.invitation.id, token: inviteMember.url.split('/invite/')[1] ?? '' };
}

const PASSWORD = 'lantern-oyster-quiet-47';

describe('accounts under concurrency', () => {
  test('AUTH-1.7 registrations with one email in several letter cases at once make one account; the others are CONFLICT at the email', async ({
    api,
  }) => {
    const email = `racer-${crypto.randomUUID().slice(0, 8)}@example.com`;
    const variants = [email, email.toUpperCase(), ` ${email} `, `Racer${email.slice(5)}`];
    const results = await Promise.all(
      [...variants, ...variants].map((variant, i) =>
        api.operation(REGISTER, {
          variables: { input: { email: variant, name: 'Racer', password: PASSWORD } },
          ip: `192.0.2.${i + 1}`,
        }),
      ),
    );
    expectOneWinner(results, 'email');
    expect(await api.db.prisma.user.count({ where: { email } })).toBe(1);
  });

  test('AUTH-3.10, AUTH-3.4 twelve wrong passwords for one account at once: five are checked, the others are RATE_LIMITED', async ({
    api,
    user,
  }) => {
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        api.operation(LOGIN, {
          variables: { input: { email: user.email, password: `wrong-password-${i}` } },
          ip: `198.18.0.${i + 1}`,
        }),
      ),
    );
    const seen = outcomes(results, ['UNAUTHENTICATED', 'RATE_LIMITED']);
    expect(count(seen, 'UNAUTHENTICATED')).toBe(5);
    const right = await api.operation(LOGIN, {
      variables: { input: { email: user.email, password: user.password } },
      ip: '198.18.0.99',
    });
    expect(errorCodes(right.body)).toEqual(['RATE_LIMITED']);
  });

  test('AUTH-3.10, AUTH-3.5 thirty failed logins from one address at once: twenty are checked, the others are RATE_LIMITED', async ({
    api,
  }) => {
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        api.operation(LOGIN, {
          variables: { input: { email: `nobody-${i}-${crypto.randomUUID().slice(0, 8)}@example.com`, password: 'x' } },
          ip: '198.18.1.1',
        }),
      ),
    );
    const seen = outcomes(results, ['UNAUTHENTICATED', 'RATE_LIMITED']);
    expect(count(seen, 'UNAUTHENTICATED')).toBe(20);
  });

  test('AUTH-3.10, AUTH-8.2 eight password changes with a wrong current password at once: five are checked, the others are RATE_LIMITED', async ({
    api,
    user,
  }) => {
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        api.operation(CHANGE_PASSWORD, {
          token: user.accessToken,
          variables: { input: { currentPassword: `wrong-password-${i}`, newPassword: 'violet-harbor-compass-93' } },
          ip: `198.18.2.${i + 1}`,
        }),
      ),
    );
    const seen = outcomes(results, ['BAD_USER_INPUT', 'RATE_LIMITED']);
    expect(count(seen, 'BAD_USER_INPUT')).toBe(5);
  });
});

describe('workspaces and members under concurrency', () => {
  test('WS-1.7 workspaces created and renamed to one slug at once: one gets it, the others are CONFLICT at the slug', async ({
    api,
    user,
  }) => {
    const slug = `race-${crypto.randomUUID().slice(0, 8)}`;
    const others = [await api.createWorkspace(user, 'Other'), await api.createWorkspace(user, 'Other')];
    const results = await Promise.all([
      ...Array.from({ length: 6 }, (_, i) =>
        api.operation(CREATE_WORKSPACE, {
          token: user.accessToken,
          variables: { input: { name: 'Race', slug: i % 2 === 0 ? slug : slug.toUpperCase() } },
        }),
      ),
      ...others.map((other) =>
        api.operation(UPDATE_WORKSPACE, { token: user.accessToken, variables: { input: { id: other.id, slug } } }),
      ),
    ]);
    expectOneWinner(results, 'slug');
    expect(await api.db.prisma.workspace.count({ where: { slug } })).toBe(1);
  });

  test('WS-3.8 one invitation accepted five times at once by its invitee makes one membership', async ({
    api,
    user,
    workspace,
  }) => {
    const invitee = await api.signUp();
    const { token } = await invite(api, user, workspace, invitee.email);
    const results = await Promise.all(
      Array.from({ length: 5 }, () => api.operation(ACCEPT, { token: invitee.accessToken, variables: { token } })),
    );
    const seen = outcomes(results, ['NOT_FOUND', 'CONFLICT']);
    expect(count(seen, 'ok')).toBe(1);
    expect(await api.db.prisma.membership.count({ where: { workspaceId: uuid(workspace.id) } })).toBe(2);
  });

  test('WS-3.8 one invitation accepted at once by its invitee and by other users: only the invitee joins', async ({
    api,
    user,
    workspace,
  }) => {
    const invitee = await api.signUp();
    const strangers = await Promise.all([api.signUp(), api.signUp(), api.signUp()]);
    const { token } = await invite(api, user, workspace, invitee.email);
    const results = await Promise.all(
      [...strangers, invitee].map((each) => api.operation(ACCEPT, { token: each.accessToken, variables: { token } })),
    );
    // The others are refused for their email, or find the invitation already accepted.
    const seen = outcomes(results, ['FORBIDDEN', 'NOT_FOUND']);
    expect(seen.map((each) => each === 'ok')).toEqual([false, false, false, true]);
    const members = await api.db.prisma.membership.findMany({ where: { workspaceId: uuid(workspace.id) } });
    expect(members.map((member) => member.userId).sort()).toEqual([uuid(user.id), uuid(invitee.id)].sort());
  });

  test('WS-3.8 invitations accepted while they are revoked, or replaced by a new one, at once: never both', async ({
    api,
    user,
    workspace,
  }) => {
    for (let round = 0; round < 6; round += 1) {
      const invitee = await api.signUp();
      const invitation = await invite(api, user, workspace, invitee.email);
      const [accepted, other] = await Promise.all([
        api.operation(ACCEPT, { token: invitee.accessToken, variables: { token: invitation.token } }),
        round % 2 === 0
          ? api.operation(REVOKE_INVITATION, { token: user.accessToken, variables: { id: invitation.id } })
          : api.operation(INVITE, {
              token: user.accessToken,
              variables: { input: { workspaceId: workspace.id, email: invitee.email, role: 'ADMIN' } },
            }),
      ]);
      // Either the acceptance came first (the revocation or the new invitation is then NOT_FOUND or CONFLICT), or
      // the revocation or replacement did (the acceptance is then NOT_FOUND).
      expect(count(outcomes([accepted, other], ['NOT_FOUND', 'CONFLICT']), 'ok')).toBe(1);
      const member = await api.db.prisma.membership.findUnique({
        where: { workspaceId_userId: { workspaceId: uuid(workspace.id), userId: uuid(invitee.id) } },
      });
      const stored = await api.db.prisma.invitation.findMany({ where: { email: invitee.email } });
      // Joined exactly when the acceptance succeeded; no invitation is both accepted and revoked, and none is
      // left pending for someone who is now a member.
      expect(member !== null).toBe(outcome(accepted) === 'ok');
      expect(stored.filter((each) => each.acceptedAt !== null && each.revokedAt !== null)).toEqual([]);
      if (member) expect(stored.filter((each) => each.acceptedAt === null && each.revokedAt === null)).toEqual([]);
    }
  });

  test('WS-3.9 invitations for one email issued at once leave exactly one pending', async ({
    api,
    user,
    workspace,
  }) => {
    const email = `invitee-${crypto.randomUUID().slice(0, 8)}@example.com`;
    const results = await Promise.all(
      ['MEMBER', 'ADMIN', 'VIEWER', 'MEMBER', 'ADMIN'].map((role) =>
        api.operation(INVITE, {
          token: user.accessToken,
          variables: { input: { workspaceId: workspace.id, email, role } },
        }),
      ),
    );
    expect(outcomes(results, [])).toEqual(['ok', 'ok', 'ok', 'ok', 'ok']);
    expect(await api.db.prisma.invitation.count({ where: { email, acceptedAt: null, revokedAt: null } })).toBe(1);
  });

  test('WS-4.5 two owners leaving at once, or removing each other at once, leave one owner', async ({
    api,
    user,
    workspace,
  }) => {
    const owners = () => api.db.prisma.membership.count({ where: { workspaceId: uuid(workspace.id), role: 'OWNER' } });
    const second = await api.addMember(user, workspace, 'OWNER');
    const leaving = await Promise.all(
      [user, second].map((owner) =>
        api.operation(LEAVE, { token: owner.accessToken, variables: { id: workspace.id } }),
      ),
    );
    const left = outcomes(leaving, ['CONFLICT']);
    expect(left.toSorted()).toEqual(['CONFLICT', 'ok']);
    expect(await owners()).toBe(1);

    const stayed = left[0] === 'ok' ? second : user;
    const third = await api.addMember(stayed, workspace, 'OWNER');
    const stayedMembership = await api.db.prisma.membership.findUniqueOrThrow({
      where: { workspaceId_userId: { workspaceId: uuid(workspace.id), userId: uuid(stayed.id) } },
    });
    const removing = await Promise.all([
      api.operation(REMOVE, { token: stayed.accessToken, variables: { id: third.membershipId } }),
      api.operation(REMOVE, {
        token: third.accessToken,
        variables: { id: encodeGlobalID('Membership', stayedMembership.id) },
      }),
    ]);
    const seen = outcomes(removing, ['CONFLICT', 'NOT_FOUND', 'FORBIDDEN']);
    expect(count(seen, 'ok')).toBe(1);
    expect(await owners()).toBe(1);
  });
});

describe('deletions racing with creations under them', () => {
  test('WS-5.12 a workspace deleted while its members create projects, labels, tasks, comments and invitations in it: each call succeeds or is NOT_FOUND, and nothing is left', async ({
    api,
    user,
    workspace,
  }) => {
    const content = await api.createContent(user, workspace);
    const token = user.accessToken;
    const results = await Promise.all([
      ...Array.from({ length: 2 }, () =>
        api.operation(CREATE_PROJECT, {
          token,
          variables: { input: { workspaceId: workspace.id, name: 'Late', key: newKey() } },
        }),
      ),
      ...Array.from({ length: 2 }, (_, i) =>
        api.operation(CREATE_LABEL, {
          token,
          variables: { input: { workspaceId: workspace.id, name: `late-${i}`, color: '#3B82F6' } },
        }),
      ),
      api.operation(DELETE_WORKSPACE, {
        token,
        variables: { input: { id: workspace.id, confirmSlug: workspace.slug } },
      }),
      ...Array.from({ length: 2 }, () =>
        api.operation(CREATE_TASK, {
          token,
          variables: { input: { projectId: content.projectId, title: 'Late', labelIds: [content.labelId] } },
        }),
      ),
      api.operation(CREATE_STATE, {
        token,
        variables: { input: { projectId: content.projectId, name: 'Late', category: 'STARTED', color: '#3B82F6' } },
      }),
      api.operation(ADD_COMMENT, { token, variables: { input: { taskId: content.taskId, body: 'Late' } } }),
      api.operation(INVITE, {
        token,
        variables: { input: { workspaceId: workspace.id, email: 'late@example.com', role: 'MEMBER' } },
      }),
    ]);
    const seen = outcomes(results, ['NOT_FOUND', 'BAD_USER_INPUT']);
    expect(seen[4]).toBe('ok');
    const workspaceId = uuid(workspace.id);
    const left = await Promise.all([
      api.db.prisma.workspace.count({ where: { id: workspaceId } }),
      api.db.prisma.project.count({ where: { workspaceId } }),
      api.db.prisma.label.count({ where: { workspaceId } }),
      api.db.prisma.task.count({ where: { workspaceId } }),
      api.db.prisma.invitation.count({ where: { workspaceId } }),
      api.db.prisma.comment.count({ where: { taskId: uuid(content.taskId) } }),
    ]);
    expect(left).toEqual([0, 0, 0, 0, 0, 0]);
  });

  test('WS-5.12 a project deleted while tasks and states are created in it, and a task deleted while it is commented on and changed: each call succeeds or is NOT_FOUND', async ({
    api,
    user,
    workspace,
  }) => {
    const token = user.accessToken;
    for (let round = 0; round < 4; round += 1) {
      const project = await newProject(api, user, workspace);
      const taskId = await newTask(api, user, project.id);
      const results = await Promise.all([
        ...Array.from({ length: 3 }, () =>
          api.operation(CREATE_TASK, { token, variables: { input: { projectId: project.id, title: 'Late' } } }),
        ),
        ...Array.from({ length: 3 }, (_, i) =>
          api.operation(ADD_COMMENT, { token, variables: { input: { taskId, body: `Late ${i}` } } }),
        ),
        round % 2 === 0
          ? api.operation(DELETE_PROJECT, { token, variables: { id: project.id } })
          : api.operation(DELETE_TASK, { token, variables: { id: taskId } }),
        api.operation(UPDATE_TASK, { token, variables: { input: { id: taskId, title: 'Renamed' } } }),
        api.operation(MOVE_TASK, {
          token,
          variables: { input: { id: taskId, stateId: stateNamed(project, 'Done') } },
        }),
        api.operation(CREATE_STATE, {
          token,
          variables: { input: { projectId: project.id, name: 'Late', category: 'STARTED', color: '#3B82F6' } },
        }),
      ]);
      expect(outcomes(results, ['NOT_FOUND', 'BAD_USER_INPUT'])[6]).toBe('ok');
      expect(await api.db.prisma.task.count({ where: { id: uuid(taskId) } })).toBe(0);
      expect(await api.db.prisma.comment.count({ where: { taskId: uuid(taskId) } })).toBe(0);
    }
  });
});

describe('projects and states under concurrency', () => {
  test('PT-1.6 projects created with one key at once: one gets it, the others are CONFLICT at the key', async ({
    api,
    user,
    workspace,
  }) => {
    const key = newKey();
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        api.operation(CREATE_PROJECT, {
          token: user.accessToken,
          variables: {
            input: { workspaceId: workspace.id, name: `Race ${i}`, key: i % 2 === 0 ? key : key.toLowerCase() },
          },
        }),
      ),
    );
    expectOneWinner(results, 'key');
    expect(await api.db.prisma.project.count({ where: { workspaceId: uuid(workspace.id), key } })).toBe(1);
  });

  test('PT-1.6, PT-1.5 a project created with a key while another project gives that key up: the key stays the other project’s old key', async ({
    api,
    user,
    workspace,
  }) => {
    for (let round = 0; round < 10; round += 1) {
      const project = await newProject(api, user, workspace);
      const [renamed, ...created] = await Promise.all([
        api.operation(UPDATE_PROJECT, {
          token: user.accessToken,
          variables: { input: { id: project.id, key: newKey() } },
        }),
        ...Array.from({ length: 4 }, (_, i) =>
          api.operation(CREATE_PROJECT, {
            token: user.accessToken,
            variables: { input: { workspaceId: workspace.id, name: `Taker ${i}`, key: project.key } },
          }),
        ),
      ]);
      expect(outcomes(renamed ? [renamed] : [], [])).toEqual(['ok']);
      expect(outcomes(created, ['CONFLICT'])).toEqual(['CONFLICT', 'CONFLICT', 'CONFLICT', 'CONFLICT']);
      expect(await api.db.prisma.project.count({ where: { workspaceId: uuid(workspace.id), key: project.key } })).toBe(
        0,
      );
    }
  });

  test('PT-2.4 every state of a project deleted at once: one state is left, its deletion refused with CONFLICT', async ({
    api,
    user,
    workspace,
  }) => {
    for (let round = 0; round < 3; round += 1) {
      const project = await newProject(api, user, workspace);
      const results = await Promise.all(
        project.states.map((state) =>
          api.operation(DELETE_STATE, { token: user.accessToken, variables: { input: { id: state.id } } }),
        ),
      );
      expect(count(outcomes(results, ['CONFLICT']), 'CONFLICT')).toBe(1);
      expect(await api.db.prisma.workflowState.count({ where: { projectId: uuid(project.id) } })).toBe(1);
    }
  });

  test('PT-2.4 a state deleted while tasks are created in it and moved into it: no call fails unexpectedly and no task is lost', async ({
    api,
    user,
    workspace,
  }) => {
    const token = user.accessToken;
    for (let round = 0; round < 4; round += 1) {
      const project = await newProject(api, user, workspace);
      const doomed = stateNamed(project, 'Todo');
      const backlog = stateNamed(project, 'Backlog');
      const waiting = await Promise.all(
        Array.from({ length: 4 }, () => newTask(api, user, project.id, { stateId: backlog })),
      );
      const moveTo = round % 2 === 0 ? stateNamed(project, 'Done') : undefined;
      const results = await Promise.all([
        ...Array.from({ length: 3 }, () =>
          api.operation(CREATE_TASK, {
            token,
            variables: { input: { projectId: project.id, title: 'Late', stateId: doomed } },
          }),
        ),
        api.operation(DELETE_STATE, { token, variables: { input: { id: doomed, moveTasksToStateId: moveTo } } }),
        ...waiting
          .slice(0, 2)
          .map((id) => api.operation(MOVE_TASK, { token, variables: { input: { id, stateId: doomed } } })),
        ...waiting
          .slice(2)
          .map((id) => api.operation(UPDATE_TASK, { token, variables: { input: { id, stateId: doomed } } })),
      ]);
      const placements = [...results.slice(0, 3), ...results.slice(4)];
      const placed = outcomes(placements, ['NOT_FOUND', 'BAD_USER_INPUT']);
      // With a state to move its tasks to, the deletion always goes through; without one, it is refused when a
      // task got there first.
      const deletion = outcomes(results.slice(3, 4), moveTo === undefined ? ['CONFLICT'] : []);
      const deleted = deletion[0] === 'ok';
      if (deleted && moveTo === undefined) expect(count(placed, 'ok')).toBe(0);
      if (!deleted) expect(count(placed, 'ok')).toBeGreaterThan(0);
      expect(await api.db.prisma.workflowState.count({ where: { id: uuid(doomed) } })).toBe(deleted ? 0 : 1);
      const created = count(placed.slice(0, 3), 'ok');
      expect(await api.db.prisma.task.count({ where: { projectId: uuid(project.id) } })).toBe(4 + created);
    }
  });

  test('PT-2.5 states created and renamed to one name in several letter cases at once: one gets it, the others are CONFLICT at the name', async ({
    api,
    user,
    workspace,
  }) => {
    const project = await newProject(api, user, workspace);
    const names = ['Review', 'review', 'REVIEW', 'ReView'];
    const results = await Promise.all([
      ...names.map((name) =>
        api.operation(CREATE_STATE, {
          token: user.accessToken,
          variables: { input: { projectId: project.id, name, category: 'STARTED', color: '#3B82F6' } },
        }),
      ),
      ...['Done', 'Canceled'].map((state) =>
        api.operation(UPDATE_STATE, {
          token: user.accessToken,
          variables: { input: { id: stateNamed(project, state), name: 'rEVIEW' } },
        }),
      ),
    ]);
    expectOneWinner(results, 'name');
    const states = await api.db.prisma.workflowState.findMany({ where: { projectId: uuid(project.id) } });
    expect(states.filter((state) => state.name.toLowerCase() === 'review')).toHaveLength(1);
  });
});

describe('tasks and labels under concurrency', () => {
  test('PT-5.4 labels created and renamed to one name in several letter cases at once: one gets it, the others are CONFLICT at the name', async ({
    api,
    user,
    workspace,
  }) => {
    const label = async (name: string) =>
      (
        await api.data<{ createLabel: { id: string } }>(CREATE_LABEL, {
          token: user.accessToken,
          variables: { input: { workspaceId: workspace.id, name, color: '#3B82F6' } },
        })
      ).createLabel.id;
    const existing = [await label('one'), await label('two')];
    const results = await Promise.all([
      ...['Bug', 'bug', 'BUG', 'bUg'].map((name) =>
        api.operation(CREATE_LABEL, {
          token: user.accessToken,
          variables: { input: { workspaceId: workspace.id, name, color: '#EF4444' } },
        }),
      ),
      ...existing.map((id) =>
        api.operation(UPDATE_LABEL, { token: user.accessToken, variables: { input: { id, name: 'BuG' } } }),
      ),
    ]);
    expectOneWinner(results, 'name');
    const labels = await api.db.prisma.label.findMany({ where: { workspaceId: uuid(workspace.id) } });
    expect(labels.filter((each) => each.name.toLowerCase() === 'bug')).toHaveLength(1);
  });

  test('PT-3.12 a member leaving or removed while tasks are assigned to them and projects given them as lead: nothing is left assigned to or led by them', async ({
    api,
    user,
    workspace,
  }) => {
    const token = user.accessToken;
    const project = await newProject(api, user, workspace);
    const tasks = await Promise.all(Array.from({ length: 4 }, () => newTask(api, user, project.id)));
    for (let round = 0; round < 4; round += 1) {
      const member = await api.addMember(user, workspace, 'MEMBER');
      const results = await Promise.all([
        ...tasks.map((id) =>
          api.operation(UPDATE_TASK, { token, variables: { input: { id, assigneeId: member.id } } }),
        ),
        round % 2 === 0
          ? api.operation(LEAVE, { token: member.accessToken, variables: { id: workspace.id } })
          : api.operation(REMOVE, { token, variables: { id: member.membershipId } }),
        ...Array.from({ length: 2 }, () =>
          api.operation(CREATE_TASK, {
            token,
            variables: { input: { projectId: project.id, title: 'Late', assigneeId: member.id } },
          }),
        ),
        api.operation(UPDATE_PROJECT, { token, variables: { input: { id: project.id, leadId: member.id } } }),
        api.operation(CREATE_PROJECT, {
          token,
          variables: { input: { workspaceId: workspace.id, name: 'Led', key: newKey(), leadId: member.id } },
        }),
      ]);
      const seen = outcomes(results, ['BAD_USER_INPUT']);
      expect(seen[tasks.length]).toBe('ok');
      const memberId = uuid(member.id);
      const workspaceId = uuid(workspace.id);
      expect(await api.db.prisma.task.count({ where: { workspaceId, assigneeId: memberId } })).toBe(0);
      expect(await api.db.prisma.project.count({ where: { workspaceId, leadId: memberId } })).toBe(0);
    }
  });

  test('PT-3.12, WS-5.12 a member who leads a project and has tasks in it removed while the project and its states are deleted: no call fails unexpectedly', async ({
    api,
    user,
    workspace,
  }) => {
    const token = user.accessToken;
    for (let round = 0; round < 4; round += 1) {
      const member = await api.addMember(user, workspace, 'MEMBER');
      const project = await newProject(api, user, workspace);
      await api.data(UPDATE_PROJECT, { token, variables: { input: { id: project.id, leadId: member.id } } });
      const todo = stateNamed(project, 'Todo');
      const backlog = stateNamed(project, 'Backlog');
      await Promise.all(
        Array.from({ length: 3 }, () => newTask(api, user, project.id, { stateId: todo, assigneeId: member.id })),
      );
      const results = await Promise.all([
        api.operation(REMOVE, { token, variables: { id: member.membershipId } }),
        round % 2 === 0
          ? api.operation(DELETE_STATE, { token, variables: { input: { id: todo, moveTasksToStateId: backlog } } })
          : api.operation(DELETE_PROJECT, { token, variables: { id: project.id } }),
      ]);
      expect(outcomes(results, ['NOT_FOUND'])[0]).toBe('ok');
      expect(await api.db.prisma.task.count({ where: { assigneeId: uuid(member.id) } })).toBe(0);
    }
  });

  test('WS-5.11, WS-5.12 labels deleted while tasks are given them: each call succeeds or is NOT_FOUND or BAD_USER_INPUT, and no task keeps a deleted label', async ({
    api,
    user,
    workspace,
  }) => {
    const token = user.accessToken;
    const project = await newProject(api, user, workspace);
    const tasks = await Promise.all(Array.from({ length: 4 }, () => newTask(api, user, project.id)));
    for (let round = 0; round < 3; round += 1) {
      const labels = await Promise.all(
        Array.from({ length: 2 }, async (_, i) => {
          const { createLabel } = await api.data<{ createLabel: { id: string } }>(CREATE_LABEL, {
            token,
            variables: { input: { workspaceId: workspace.id, name: `doomed-${round}-${i}`, color: '#3B82F6' } },
          });
          return createLabel.id;
        }),
      );
      const results = await Promise.all([
        ...tasks.map((id) => api.operation(UPDATE_TASK, { token, variables: { input: { id, labelIds: labels } } })),
        ...tasks.map((_, i) =>
          api.operation(CREATE_TASK, {
            token,
            variables: { input: { projectId: project.id, title: `Labelled ${i}`, labelIds: labels } },
          }),
        ),
        ...labels.map((id) => api.operation(DELETE_LABEL, { token, variables: { id } })),
      ]);
      outcomes(results, ['NOT_FOUND', 'BAD_USER_INPUT']);
      const links = await api.db.prisma.$queryRaw<{ links: bigint }[]>`SELECT count(*) AS links FROM "_LabelToTask" l
        LEFT JOIN "Label" label ON label.id = l."A" WHERE label.id IS NULL`;
      expect(Number(links[0]?.links ?? 0)).toBe(0);
    }
  });

  test('PT-3.2, PT-6.2 different fields of one task changed at once by different members: every change sticks and is recorded once, by its author', async ({
    api,
    user,
    workspace,
  }) => {
    const project = await newProject(api, user, workspace);
    const taskId = await newTask(api, user, project.id, { title: 'Before', stateId: stateNamed(project, 'Todo') });
    const writers = await Promise.all(Array.from({ length: 5 }, () => api.addMember(user, workspace, 'MEMBER')));
    const changes: Record<string, unknown>[] = [
      { title: 'After' },
      { description: 'Now with a description' },
      { priority: 'HIGH' },
      { dueDate: '2027-01-15' },
      { assigneeId: user.id },
    ];
    const results = await Promise.all([
      ...changes.map((change, i) =>
        api.operation(UPDATE_TASK, {
          token: writers[i]?.accessToken ?? '',
          variables: { input: { id: taskId, ...change } },
        }),
      ),
      api.operation(MOVE_TASK, {
        token: user.accessToken,
        variables: { input: { id: taskId, stateId: stateNamed(project, 'In Progress') } },
      }),
    ]);
    expect(outcomes(results, [])).toEqual(['ok', 'ok', 'ok', 'ok', 'ok', 'ok']);
    const task = await api.db.prisma.task.findUniqueOrThrow({ where: { id: uuid(taskId) } });
    expect(task).toMatchObject({
      title: 'After',
      description: 'Now with a description',
      priority: 'HIGH',
      assigneeId: uuid(user.id),
      stateId: uuid(stateNamed(project, 'In Progress')),
    });
    expect(task.dueDate?.toISOString().slice(0, 10)).toBe('2027-01-15');
    const activity = await api.db.prisma.taskActivity.findMany({ where: { taskId: uuid(taskId), kind: 'CHANGED' } });
    const recorded = activity.map((row) => ({ field: row.field, actorId: row.actorId, from: row.from }));
    const authors = writers.map((writer) => uuid(writer.id));
    expect(recorded.toSorted((a, b) => String(a.field).localeCompare(String(b.field)))).toEqual([
      { field: 'assignee', actorId: authors[4], from: null },
      { field: 'description', actorId: authors[1], from: '' },
      { field: 'dueDate', actorId: authors[3], from: null },
      { field: 'priority', actorId: authors[2], from: 'NONE' },
      { field: 'state', actorId: uuid(user.id), from: { id: uuid(stateNamed(project, 'Todo')), name: 'Todo' } },
      { field: 'title', actorId: authors[0], from: 'Before' },
    ]);
  });

  test('PT-9.7, PT-6.2 one task moved into every state at once, round after round: each move records the state the one before it left, so history chains from the first state to the last', async ({
    api,
    user,
    workspace,
  }) => {
    const project = await newProject(api, user, workspace);
    const todo = uuid(stateNamed(project, 'Todo'));
    const taskId = await newTask(api, user, project.id, { stateId: stateNamed(project, 'Todo') });
    for (let round = 0; round < 3; round += 1) {
      // Into every state, the one the task is in too: that move changes nothing history shows.
      const results = await Promise.all(
        project.states.map((state) =>
          api.operation(MOVE_TASK, {
            token: user.accessToken,
            variables: { input: { id: taskId, stateId: state.id } },
          }),
        ),
      );
      expect(outcomes(results, [])).toEqual(project.states.map(() => 'ok'));
    }
    // The moves in the order they committed (the event log's): each from where the one before left the task.
    const moved = z.object({ fromStateId: z.string(), toStateId: z.string() });
    const events = await api.db.prisma.workspaceEvent.findMany({
      where: { workspaceId: uuid(workspace.id), entityId: uuid(taskId), kind: 'TASK_MOVED' },
      orderBy: { sequence: 'asc' },
      select: { version: true, payload: true },
    });
    const moves = events.map((event) => moved.parse(event.payload));
    expect(moves).toHaveLength(3 * project.states.length);
    expect(moves.map((move) => move.fromStateId)).toEqual([todo, ...moves.map((move) => move.toStateId).slice(0, -1)]);
    const versions = events.map((event) => event.version);
    expect(versions).toEqual(versions.map((_, i) => (versions[0] ?? 0) + i));
    const last = moves.at(-1)?.toStateId;
    const task = await api.db.prisma.task.findUniqueOrThrow({ where: { id: uuid(taskId) } });
    const name = (id: string | undefined) => project.states.find((state) => uuid(state.id) === id)?.name;
    expect(task.stateId).toBe(last);
    expect(task.completedAt !== null).toBe(['Done', 'Canceled'].includes(name(last) ?? ''));
    // One history row per move that changed the state, from the state it replaced.
    const shown = (id: string) => ({ id, name: name(id) });
    const inOrder = <T>(rows: T[]) => rows.map((row) => JSON.stringify(row)).toSorted();
    const activity = await api.db.prisma.taskActivity.findMany({
      where: { taskId: uuid(taskId), kind: 'CHANGED' },
      select: { field: true, from: true, to: true },
    });
    expect(inOrder(activity)).toEqual(
      inOrder(
        moves
          .filter((move) => move.fromStateId !== move.toStateId)
          .map((move) => ({ field: 'state', from: shown(move.fromStateId), to: shown(move.toStateId) })),
      ),
    );
  });
});
