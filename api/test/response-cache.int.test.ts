// Repeated reads answered from a cache keyed on the database's versions (PT-10), through the real app: a repeated
// board reads nothing but the session and the versions; every kind of change is in the next answer; no viewer gets
// another's answer; what is not workspace data, errors and partial answers run every time; authentication, costs
// and RateLimit headers as for an executed answer; TTL and size bounds.

import { decodeJwt } from 'jose';
import { BOARD } from '../scripts/bench-documents.ts';
import { createApp } from '../src/app.ts';
import type { ResponseCacheSettings } from '../src/graphql/response-cache.ts';
import { describe, expect, test } from './fixtures.ts';
import {
  clientOfApp,
  errorCodes,
  type GraphQLResponseBody,
  type SignedUpUser,
  type TestApi,
  type TestWorkspace,
  testAppDeps,
} from './test-api.ts';

/** A field of a JSON value read as unknown (undefined where there is none); with no key, the value itself. */
function field(value: unknown, key?: string): unknown {
  if (key === undefined) return value;
  return typeof value === 'object' && value !== null ? Reflect.get(value, key) : undefined;
}

/** The statement that reads the versions of what the viewer can read. */
const isVersionRead = (sql: string) => sql.includes('"WorkspaceEventCounter"') && sql.includes('json_agg');
/** Statements of the credential's check: the session or the API token, and their last use. */
const isCredentialCheck = (sql: string) =>
  /FROM "public"\."(Session|ApiToken)"|UPDATE "public"\."(Session|ApiToken)"/.test(sql);
/** The statements of the query's own work: none when it was answered from the cache. */
const work = (statements: readonly string[]) =>
  statements.filter((sql) => !isVersionRead(sql) && !isCredentialCheck(sql));

/** Sends `query` as `token` through `api`, with the statements it made the database run. */
async function read(api: TestApi, token: string, query: string, variables: Record<string, unknown> = {}) {
  api.db.statements.length = 0;
  const result = await api.operation(query, { token, variables });
  return { body: result.body, statements: [...api.db.statements] };
}

/** A test app with cache settings of its own, on the same database. */
async function withCache(api: TestApi, settings: ResponseCacheSettings) {
  return clientOfApp(createApp({ ...(await testAppDeps(api.db, api.clock)), responseCache: settings }));
}

const EVERYTHING = `query Everything($slug: String!, $key: String!, $taskKey: String!) {
  workspace(slug: $slug) {
    name viewerRole viewerCan { writeContent }
    labels { name color }
    members(first: 50) { totalCount nodes { role user { name } } }
    projects(first: 50) { nodes { name key } }
  }
  project(workspaceSlug: $slug, key: $key) {
    name description
    states { name taskCount tasks(first: 50) { nodes { key title priority assignee { name } creator { name } labels { name } commentCount } } }
  }
  task(workspaceSlug: $slug, key: $taskKey) {
    title
    comments(first: 20) { nodes { body author { name } } }
    activity(first: 50) { nodes { kind field actor { name } } }
  }
}`;

/** A session of its own for `user`, signed in from `ip`: its budget holds only what the test charges to it. */
async function signIn(api: TestApi, user: SignedUpUser, ip: string): Promise<{ accessToken: string }> {
  const { login } = await api.data<{ login: { accessToken: string } }>(
    'mutation($input: LoginInput!) { login(input: $input) { accessToken } }',
    { variables: { input: { email: user.email, password: user.password } }, ip },
  );
  return login;
}

/** A workspace with content, its owner and a MEMBER reading it. */
async function team(api: TestApi, owner: SignedUpUser, workspace: TestWorkspace) {
  const content = await api.createContent(owner, workspace);
  const reader = await api.addMember(owner, workspace, 'MEMBER');
  return { content, reader };
}

describe('the response cache', () => {
  test('PT-10.1 a repeated board is answered from the cache: only the session and the versions are read', async ({
    api,
    user,
    workspace,
  }) => {
    const { content } = await team(api, user, workspace);
    const variables = { slug: workspace.slug, key: content.projectKey };
    const first = await read(api, user.accessToken, BOARD, variables);
    const second = await read(api, user.accessToken, BOARD, variables);
    expect(first.body.errors).toBeUndefined();
    expect(second.body).toEqual(first.body);
    // The first answer ran the board's statements; the second only the session's look-up and the versions.
    expect(first.statements.length).toBeGreaterThan(2);
    expect(second.statements).toHaveLength(2);
    expect(second.statements.filter(isVersionRead)).toHaveLength(1);
    expect(second.statements.filter((sql) => sql.includes('"Session"'))).toHaveLength(1);

    // node and nodes with ids of workspace data are cached too.
    const NODE = 'query($id: ID!, $ids: [ID!]!) { node(id: $id) { ... on Task { title } } nodes(ids: $ids) { id } }';
    const ids = { id: content.taskId, ids: [content.projectId, content.labelId] };
    await read(api, user.accessToken, NODE, ids);
    const again = await read(api, user.accessToken, NODE, ids);
    expect(again.body.data).toEqual({
      node: { title: 'First task' },
      nodes: [{ id: content.projectId }, { id: content.labelId }],
    });
    expect(again.statements).toHaveLength(2);
  });

  test('PT-10.2 every kind of change, and a member renaming themselves, is in the next answer', async ({
    api,
    user,
    workspace,
  }) => {
    const { content, reader } = await team(api, user, workspace);
    const leaving = await api.addMember(user, workspace, 'VIEWER');
    const fresh = api.uncached;
    const token = user.accessToken;
    const mutate = (query: string, variables: Record<string, unknown>) => api.data(query, { token, variables });
    const variables = { slug: workspace.slug, key: content.projectKey, taskKey: content.taskKey };
    const { project } = await api.data<{ project: { states: { id: string }[] } }>(
      'query($slug: String!, $key: String!) { project(workspaceSlug: $slug, key: $key) { states { id } } }',
      { token, variables },
    );
    // Backlog, Todo (where createContent's task is), In Progress…
    const [firstState, secondState, thirdState] = project.states.map((state) => state.id);
    let created = '';

    const changes: [string, () => Promise<unknown>][] = [
      [
        'a task created',
        async () => {
          const { createTask } = await api.data<{ createTask: { id: string } }>(
            'mutation($input: CreateTaskInput!) { createTask(input: $input) { id } }',
            {
              token,
              variables: { input: { projectId: content.projectId, title: 'Second task', stateId: firstState } },
            },
          );
          created = createTask.id;
        },
      ],
      [
        'a task updated',
        () =>
          mutate('mutation($input: UpdateTaskInput!) { updateTask(input: $input) { id } }', {
            input: { id: content.taskId, title: 'Renamed task', priority: 'HIGH', assigneeId: reader.id },
          }),
      ],
      [
        'a task moved',
        () =>
          mutate('mutation($input: MoveTaskInput!) { moveTask(input: $input) { id } }', {
            input: { id: content.taskId, stateId: thirdState },
          }),
      ],
      [
        'a comment added',
        () =>
          mutate('mutation($input: AddCommentInput!) { addComment(input: $input) { id } }', {
            input: { taskId: content.taskId, body: 'Another comment' },
          }),
      ],
      [
        'a comment edited',
        () =>
          mutate('mutation($input: EditCommentInput!) { editComment(input: $input) { id } }', {
            input: { id: content.commentId, body: 'An edited comment' },
          }),
      ],
      [
        'a label changed',
        () =>
          mutate('mutation($input: UpdateLabelInput!) { updateLabel(input: $input) { id } }', {
            input: { id: content.labelId, name: 'renamed-label', color: '#10B981' },
          }),
      ],
      ['a task deleted', () => mutate('mutation($id: ID!) { deleteTask(id: $id) }', { id: created })],
      [
        'a member’s role changed',
        () =>
          mutate('mutation($input: ChangeMemberRoleInput!) { changeMemberRole(input: $input) { id } }', {
            input: { membershipId: reader.membershipId, role: 'ADMIN' },
          }),
      ],
      [
        'a member removed',
        () => mutate('mutation($id: ID!) { removeMember(membershipId: $id) }', { id: leaving.membershipId }),
      ],
      ['a member joined', () => api.addMember(user, workspace, 'VIEWER')],
      [
        'a project updated',
        () =>
          mutate('mutation($input: UpdateProjectInput!) { updateProject(input: $input) { id } }', {
            input: { id: content.projectId, name: 'Renamed project', description: 'Now described' },
          }),
      ],
      [
        'a state added',
        () =>
          mutate('mutation($input: CreateWorkflowStateInput!) { createWorkflowState(input: $input) { id } }', {
            input: { projectId: content.projectId, name: 'Review', category: 'STARTED', color: '#F59E0B' },
          }),
      ],
      [
        'a state renamed',
        () =>
          mutate('mutation($input: UpdateWorkflowStateInput!) { updateWorkflowState(input: $input) { id } }', {
            input: { id: secondState, name: 'Doing' },
          }),
      ],
      [
        'the workspace renamed',
        () =>
          mutate('mutation($input: UpdateWorkspaceInput!) { updateWorkspace(input: $input) { id } }', {
            input: { id: workspace.id, name: 'Renamed workspace' },
          }),
      ],
      [
        'a member renamed themselves',
        () =>
          api.data('mutation($input: UpdateProfileInput!) { updateProfile(input: $input) { id } }', {
            token: reader.accessToken,
            variables: { input: { name: 'Renamed Reader' } },
          }),
      ],
      [
        'the owner renamed themselves',
        () =>
          api.data('mutation($input: UpdateProfileInput!) { updateProfile(input: $input) { id } }', {
            token,
            variables: { input: { name: 'Renamed Owner' } },
          }),
      ],
    ];

    // The member to be removed has the workspace's data cached.
    await api.operation(EVERYTHING, { token: leaving.accessToken, variables });
    expect(work((await read(api, leaving.accessToken, EVERYTHING, variables)).statements)).toEqual([]);

    for (const [change, make] of changes) {
      // Cached before the change: the second read is a hit.
      const before = await read(api, reader.accessToken, EVERYTHING, variables);
      const hit = await read(api, reader.accessToken, EVERYTHING, variables);
      expect(work(hit.statements), change).toEqual([]);
      expect(hit.body, change).toEqual(before.body);
      await make();
      const after = await read(api, reader.accessToken, EVERYTHING, variables);
      const executed = await fresh.operation(EVERYTHING, { token: reader.accessToken, variables });
      expect(after.body, change).toEqual(executed.body);
      expect(after.body, change).not.toEqual(before.body);
    }
    // Removed, they are told NOT_FOUND, as if the workspace did not exist, although their answer was cached.
    const removed = await api.operation(EVERYTHING, { token: leaving.accessToken, variables });
    expect(removed.body.data ?? null).toBeNull();
    expect(errorCodes(removed.body)).toContain('NOT_FOUND');
    const last = await read(api, reader.accessToken, EVERYTHING, variables);
    const data = last.body.data;
    expect(field(field(data, 'workspace'), 'name')).toBe('Renamed workspace');
    expect(field(field(data, 'workspace'), 'viewerRole')).toBe('ADMIN');
    expect(JSON.stringify(data)).toContain('Renamed Reader');
    expect(JSON.stringify(data)).toContain('Renamed Owner');
  });

  test('PT-10.3 users of other workspaces, members of other roles and tokens of other scopes never share an answer', async ({
    api,
    user,
    workspace,
  }) => {
    const { content } = await team(api, user, workspace);
    const outsider = await api.signUp();
    const otherWorkspace = await api.createWorkspace(outsider, 'Other');
    await api.createContent(outsider, otherWorkspace);
    const admin = await api.addMember(user, workspace, 'ADMIN');
    const viewer = await api.addMember(user, workspace, 'VIEWER');
    const readToken = await api.createApiToken(user, workspace, ['READ']);
    const write = await api.createApiToken(user, workspace, ['WRITE']);

    const WHO = `query($slug: String!) {
      workspace(slug: $slug) { name viewerRole viewerCan { writeContent manageMembers } }
      workspaces(first: 10) { nodes { name } }
    }`;
    const variables = { slug: workspace.slug };
    const answers = async () => ({
      owner: await api.operation(WHO, { token: user.accessToken, variables }),
      admin: await api.operation(WHO, { token: admin.accessToken, variables }),
      viewer: await api.operation(WHO, { token: viewer.accessToken, variables }),
      outsider: await api.operation(WHO, { token: outsider.accessToken, variables }),
      readToken: await api.operation(WHO, { token: readToken.secret, variables }),
      writeToken: await api.operation(WHO, { token: write.secret, variables }),
    });
    // Twice over, so that each viewer's second answer could come from a cache filled by any of them.
    const first = await answers();
    const second = await answers();
    expect(second.owner.body).toEqual(first.owner.body);
    const roles = Object.fromEntries(
      Object.entries(second).map(([who, result]) => [
        who,
        field(field(result.body.data, 'workspace'), 'viewerRole') ?? null,
      ]),
    );
    expect(roles).toEqual({
      owner: 'OWNER',
      admin: 'ADMIN',
      viewer: 'VIEWER',
      outsider: null,
      readToken: 'VIEWER',
      writeToken: 'MEMBER',
    });
    // The outsider is told NOT_FOUND, every time; a token sees its one workspace, the session all of the user's.
    expect(errorCodes(second.outsider.body)).toEqual(['NOT_FOUND']);
    const names = (body: GraphQLResponseBody) =>
      [field(field(body.data, 'workspaces'), 'nodes')].flat().flatMap((node) => (node ? [field(node, 'name')] : []));
    expect(names(second.readToken.body)).toEqual([workspace.name]);
    const another = await api.createWorkspace(user, 'Second');
    const afterCreation = await api.operation(WHO, { token: user.accessToken, variables });
    expect(names(afterCreation.body)).toContain(another.name);
    expect(names((await api.operation(WHO, { token: readToken.secret, variables })).body)).toEqual([workspace.name]);

    // The same document and variables with nothing of the viewer in them: each gets their own board or NOT_FOUND.
    const board = { slug: workspace.slug, key: content.projectKey };
    const owners = await api.operation(BOARD, { token: user.accessToken, variables: board });
    const outsiders = await api.operation(BOARD, { token: outsider.accessToken, variables: board });
    expect(owners.body.data).not.toBeNull();
    expect(errorCodes(outsiders.body)).toEqual(['NOT_FOUND']);
  });

  test('PT-10.3 what is not workspace data, errors and partial answers run every time', async ({
    api,
    user,
    workspace,
  }) => {
    const { content } = await team(api, user, workspace);
    const other = await api.signUp();
    const foreign = await api.createContent(other, await api.createWorkspace(other, 'Foreign'));
    const { me } = await api.data<{ me: { id: string } }>('{ me { id } }', { token: user.accessToken });
    const { sessions } = await api.data<{ sessions: { id: string }[] }>('{ sessions { id } }', {
      token: user.accessToken,
    });
    const runsEveryTime = [
      '{ me { name } }',
      '{ sessions { id userAgent } }',
      '{ rateLimit { remaining } }',
      `{ workspace(slug: "${workspace.slug}") { name invitations(first: 5) { nodes { email } } } }`,
      `{ workspace(slug: "${workspace.slug}") { name apiTokens(first: 5) { nodes { name } } } }`,
      `{ workspace(slug: "${workspace.slug}") { name webhooks { url } } }`,
      `{ workspace(slug: "${workspace.slug}") { name auditEntries(first: 5) { nodes { action } } } }`,
      `{ node(id: "${me.id}") { ... on User { name auditEntries(first: 5) { nodes { action } } } } }`,
      `{ node(id: "${sessions[0]?.id}") { id } }`,
      `{ workspaceEvents(workspaceId: "${workspace.id}", first: 5) { edges { cursor } } }`,
      '{ __schema { queryType { name } } }',
    ];
    for (const query of runsEveryTime) {
      await read(api, user.accessToken, query);
      // Not consulted: no versions read, the query ran as before.
      expect((await read(api, user.accessToken, query)).statements.filter(isVersionRead), query).toEqual([]);
    }
    const notKept = [
      // An error.
      `{ project(workspaceSlug: "${workspace.slug}", key: "NOPE") { name } }`,
      // A partial answer: one id out of reach.
      `{ nodes(ids: ["${content.taskId}", "${foreign.taskId}"]) { id } }`,
    ];
    for (const query of notKept) {
      const first = await read(api, user.accessToken, query);
      expect(errorCodes(first.body), query).toContain('NOT_FOUND');
      // Consulted, but it ran again: nothing had been kept.
      expect(work((await read(api, user.accessToken, query)).statements).length, query).toBeGreaterThan(0);
    }
    // A mutation is never answered from the cache: the same one twice creates two tasks.
    const CREATE = 'mutation($input: CreateTaskInput!) { createTask(input: $input) { key } }';
    const input = { input: { projectId: content.projectId, title: 'Twice' } };
    const keys = [];
    for (const _ of [1, 2]) {
      keys.push(
        (await api.data<{ createTask: { key: string } }>(CREATE, { token: user.accessToken, variables: input }))
          .createTask.key,
      );
    }
    expect(new Set(keys).size).toBe(2);
  });

  test('PT-10.4 a revoked session or API token is refused although its answer is cached', async ({
    api,
    user,
    workspace,
  }) => {
    const { content } = await team(api, user, workspace);
    const variables = { slug: workspace.slug, key: content.projectKey };
    const login = await signIn(api, user, '10.9.0.1');
    const token = await api.createApiToken(user, workspace, ['READ']);
    for (const credential of [login.accessToken, token.secret]) {
      await api.operation(BOARD, { token: credential, variables });
      expect(work((await read(api, credential, BOARD, variables)).statements)).toEqual([]);
    }
    await api.data('mutation { logout }', { token: login.accessToken });
    await api.data('mutation($id: ID!) { revokeApiToken(id: $id) }', {
      token: user.accessToken,
      variables: { id: token.id },
    });
    for (const credential of [login.accessToken, token.secret]) {
      const refused = await api.operation(BOARD, { token: credential, variables });
      expect(refused.body.data ?? null).toBeNull();
      expect(errorCodes(refused.body)).toContain('UNAUTHENTICATED');
    }
  });

  /** The board, sent through an app with a budget by a session of its own (from `ip`): its answer and headers. */
  const budgetedBoard = async (api: TestApi, user: SignedUpUser, workspace: TestWorkspace, ip: string) => {
    const { content } = await team(api, user, workspace);
    const app = createApp({
      ...(await testAppDeps(api.db, api.clock)),
      rateLimits: { pointsPerHour: 100_000, maxCost: 50_000 },
    });
    const login = await signIn(api, user, ip);
    const send = async () => {
      const response = await app.fetch(
        new Request('http://yello.test/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${login.accessToken}` },
          body: JSON.stringify({ query: BOARD, variables: { slug: workspace.slug, key: content.projectKey } }),
        }),
      );
      const body: {
        data?: unknown;
        errors?: { extensions?: Record<string, unknown> }[];
        extensions?: { cost?: { requestedQueryCost: number; actualQueryCost: number; remaining: number } };
      } = await response.json();
      return { body, headers: response.headers, status: response.status };
    };
    // The session its budget is kept under (INT-5.3).
    const sessionId = String(decodeJwt(login.accessToken).sid);
    return Object.assign(send, { sessionId });
  };

  test('PT-10.4 a cached answer is charged as when it ran, and reports the budget as it is now', async ({
    api,
    user,
    workspace,
  }) => {
    const send = await budgetedBoard(api, user, workspace, '10.9.0.2');
    const executed = await send();
    api.db.statements.length = 0;
    const cached = await send();
    expect(api.db.statements).toHaveLength(2);
    expect(cached.body.data).toEqual(executed.body.data);
    const cost = executed.body.extensions?.cost;
    expect(cost?.actualQueryCost).toBeLessThan(cost?.requestedQueryCost ?? 0);
    expect(cached.body.extensions?.cost).toMatchObject({
      requestedQueryCost: cost?.requestedQueryCost,
      actualQueryCost: cost?.actualQueryCost,
      // Charged the same net: its actual cost (charged at once, PT-10.7).
      remaining: (cost?.remaining ?? 0) - (cost?.actualQueryCost ?? 0),
    });
    expect(cached.headers.get('ratelimit')).toMatch(
      new RegExp(`^"hourly";r=${cached.body.extensions?.cost?.remaining};t=\\d+$`),
    );
    expect(cached.headers.get('ratelimit-policy')).toBe('"hourly";q=100000;w=3600');
  });

  test('PT-10.7 a cached answer is charged its actual cost in one statement, with nothing given back', async ({
    api,
    user,
    workspace,
  }) => {
    const send = await budgetedBoard(api, user, workspace, '10.9.0.3');
    api.db.budgetStatements.length = 0;
    const executed = (await send()).body.extensions?.cost;
    // Run: charged what it requests, then given back what its answer did not use.
    expect(api.db.budgetStatements).toHaveLength(2);
    api.db.budgetStatements.length = 0;
    const cached = (await send()).body.extensions?.cost;
    expect(api.db.budgetStatements).toHaveLength(1);
    expect(cached).toMatchObject({
      requestedQueryCost: executed?.requestedQueryCost,
      actualQueryCost: executed?.actualQueryCost,
      remaining: (executed?.remaining ?? 0) - (executed?.actualQueryCost ?? 0),
    });

    // The budget needs only the actual cost left: one point less is refused, exactly that much is served.
    const actual = executed?.actualQueryCost ?? 0;
    expect(actual).toBeLessThan(executed?.requestedQueryCost ?? 0);
    const { key } = await api.db.prisma.rateLimit.findFirstOrThrow({ where: { key: { endsWith: send.sessionId } } });
    const leave = (left: number) =>
      api.db.prisma.rateLimit.update({ where: { key }, data: { points: 100_000 - left } });
    await leave(actual - 1);
    const refused = await send();
    expect(refused.status).toBe(429);
    expect(refused.body.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED' });
    await leave(actual);
    const served = await send();
    expect(served.status).toBe(200);
    expect(served.body.extensions?.cost).toMatchObject({ actualQueryCost: actual, remaining: 0 });
  });

  test('PT-10.5 an answer is kept at most its TTL, and none beyond the size bound', async ({
    api,
    user,
    workspace,
  }) => {
    const { content } = await team(api, user, workspace);
    const variables = { slug: workspace.slug, key: content.projectKey };
    await read(api, user.accessToken, BOARD, variables);
    api.clock.advance(59_000);
    expect(work((await read(api, user.accessToken, BOARD, variables)).statements)).toEqual([]);
    api.clock.advance(2_000);
    expect(work((await read(api, user.accessToken, BOARD, variables)).statements).length).toBeGreaterThan(0);

    // A bound smaller than the board's answer keeps nothing; 0 turns the cache off.
    for (const settings of [
      { maxBytes: 200, ttlMs: 60_000 },
      { maxBytes: 0, ttlMs: 60_000 },
    ]) {
      const client = await withCache(api, settings);
      await client.operation(BOARD, { token: user.accessToken, variables });
      api.db.statements.length = 0;
      await client.operation(BOARD, { token: user.accessToken, variables });
      expect(work(api.db.statements).length, JSON.stringify(settings)).toBeGreaterThan(0);
    }
    const small = await withCache(api, { maxBytes: 200, ttlMs: 60_000 });
    const TITLE = 'query($id: ID!) { node(id: $id) { ... on Task { title } } }';
    await small.operation(TITLE, { token: user.accessToken, variables: { id: content.taskId } });
    api.db.statements.length = 0;
    await small.operation(TITLE, { token: user.accessToken, variables: { id: content.taskId } });
    expect(work(api.db.statements)).toEqual([]);
  });
  test('PT-10.3 two members of one workspace with the same role each get their own answer, never the other’s', async ({
    api,
    user,
    workspace,
  }) => {
    const first = await api.addMember(user, workspace, 'MEMBER');
    const second = await api.addMember(user, workspace, 'MEMBER');
    const WHO_AM_I = `query($slug: String!) {
      workspace(slug: $slug) { members(first: 10) { nodes { isViewer user { name } } } }
    }`;
    const viewerName = (body: GraphQLResponseBody): unknown[] => {
      const members = field(field(field(field(body.data, 'workspace'), 'members'), 'nodes'));
      return Array.isArray(members)
        ? members
            .filter((member) => field(member, 'isViewer') === true)
            .map((member) => field(field(member, 'user'), 'name'))
        : [];
    };
    for (let round = 0; round < 2; round += 1) {
      const a = await read(api, first.accessToken, WHO_AM_I, { slug: workspace.slug });
      const b = await read(api, second.accessToken, WHO_AM_I, { slug: workspace.slug });
      expect(viewerName(a.body)).toEqual([first.name]);
      expect(viewerName(b.body)).toEqual([second.name]);
      // The second round is the cache's: each had an answer of their own kept.
      if (round === 1) expect(work(a.statements).concat(work(b.statements))).toEqual([]);
    }
  });

  test('PT-10.2 someone in no workspace who renames themselves reads their new name at once', async ({ api }) => {
    const loner = await api.signUp();
    const SELF = 'query($id: ID!) { node(id: $id) { ... on User { name } } }';
    const before = await read(api, loner.accessToken, SELF, { id: loner.id });
    expect(field(field(before.body.data, 'node'), 'name')).toBe(loner.name);
    await api.data('mutation($input: UpdateProfileInput!) { updateProfile(input: $input) { id } }', {
      token: loner.accessToken,
      variables: { input: { name: 'Renamed Loner' } },
    });
    const after = await read(api, loner.accessToken, SELF, { id: loner.id });
    expect(field(field(after.body.data, 'node'), 'name')).toBe('Renamed Loner');
  });
});
