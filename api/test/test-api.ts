// The real Yello app on a fresh test database, driven through app.fetch (no port), with helpers
// to send GraphQL operations as a browser or an integrator would (also over HTTP to a running server).
import { generateNKeysBetween } from 'fractional-indexing';
import { type App, type AppDeps, createApp } from '../src/app.ts';
import { REFRESH_COOKIE } from '../src/graphql/yoga.ts';
import { createPasswordHasher } from '../src/modules/accounts/password-hasher.ts';
import { createOutboundHttp } from '../src/modules/webhooks/outbound.ts';
import type { WorkspaceRole } from '../src/modules/workspaces/roles.ts';
import type { Clock } from '../src/shared/clock.ts';
import { subscribe } from './live-events.ts';
import { type DatabaseTemplate, openTestDatabase, type TestDatabase } from './test-database.ts';

export interface TestSettings {
  /** bcrypt cost: low for speed; production's cost is asserted in its own test. */
  bcryptCost: number;
  /** A PostgreSQL server to test on (`npm run test:pg`); in-memory PGlite when absent. */
  databaseUrl: string | undefined;
}

export const defaultTestSettings: TestSettings = {
  bcryptCost: 4,
  databaseUrl: process.env.YELLO_TEST_DATABASE_URL || undefined,
};

export interface TestClock {
  now(): Date;
  advance(ms: number): void;
}

export function createTestClock(start = new Date()): TestClock {
  let current = start.getTime();
  return {
    now: () => new Date(current),
    advance: (ms) => {
      current += ms;
    },
  };
}

export interface GraphQLErrorBody {
  message: string;
  path?: (string | number)[];
  extensions?: {
    code?: string;
    fieldErrors?: { path: (string | number)[]; message: string }[];
    retryAfter?: number;
    [key: string]: unknown;
  };
}

export interface GraphQLResponseBody<TData = Record<string, unknown>> {
  data?: TData | null;
  errors?: GraphQLErrorBody[];
  extensions?: Record<string, unknown>;
}

export interface OperationOptions {
  variables?: Record<string, unknown>;
  /** The variables as JSON text, sent as written (what `JSON.stringify` cannot write: huge numbers, deep nesting). */
  variablesJson?: string;
  token?: string;
  /** Value of the refresh cookie to send. */
  refreshCookie?: string;
  /** Client address (X-Forwarded-For; the test app trusts the proxy header). */
  ip?: string;
  headers?: Record<string, string>;
}

export interface OperationResult<TData> {
  status: number;
  body: GraphQLResponseBody<TData>;
  /** The refresh cookie the response set ('' when it cleared it), undefined when untouched. */
  refreshCookie: string | undefined;
  setCookie: string | null;
}

export interface SignedUpUser {
  id: string;
  email: string;
  name: string;
  password: string;
  accessToken: string;
  refreshCookie: string;
}

export interface TestWorkspace {
  id: string;
  name: string;
  slug: string;
}

export interface TestMember extends SignedUpUser {
  membershipId: string;
  role: WorkspaceRole;
}

let userCounter = 0;

function withoutExtensions<TData>({
  extensions: _none,
  ...rest
}: GraphQLResponseBody<TData>): GraphQLResponseBody<TData> {
  return rest;
}

/** What the app is built from in tests: production settings but a fast hasher and a test key. */
export async function testAppDeps(
  db: TestDatabase,
  clock: Clock,
  settings: TestSettings = defaultTestSettings,
): Promise<AppDeps> {
  return {
    db: db.prisma,
    clock,
    hasher: await createPasswordHasher(settings.bcryptCost),
    tokenSecret: new TextEncoder().encode('test-secret-'.repeat(4)),
    development: false,
    cookieSecure: false,
    corsOrigins: ['https://app.example.com'],
    trustProxy: true,
    // Receivers in tests listen on 127.0.0.1, which production refuses (HOOK-7.2); a short timeout keeps tests quick.
    outbound: createOutboundHttp({ allowPrivateAddresses: true, timeoutMs: 2_000, maxResponseBytes: 64 * 1024 }),
  };
}

/** Sends a request to a path of Yello (`/graphql`): through the app's own fetch, or over HTTP to a running server. */
export type YelloFetch = (path: string, init?: RequestInit) => Promise<Response>;

/** Requests to a Yello server listening at `origin` (`http://127.0.0.1:3000`). */
export function fetchAt(origin: string): YelloFetch {
  return (path, init) => fetch(`${origin}${path}`, init);
}

/**
 * What a client does through `fetch`: GraphQL operations, and the sign-ups, workspaces, members and content tests
 * start from, through the real API.
 */
export function createGraphQLClient(fetch: YelloFetch) {
  async function operation<TData = Record<string, unknown>>(
    query: string,
    options: OperationOptions = {},
  ): Promise<OperationResult<TData>> {
    const headers: Record<string, string> = { 'content-type': 'application/json', ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.refreshCookie !== undefined) headers.cookie = `${REFRESH_COOKIE}=${options.refreshCookie}`;
    if (options.ip) headers['x-forwarded-for'] = options.ip;
    const response = await fetch('/graphql', {
      method: 'POST',
      headers,
      body:
        options.variablesJson === undefined
          ? JSON.stringify({ query, variables: options.variables })
          : `{"query":${JSON.stringify(query)},"variables":${options.variablesJson}}`,
    });
    const setCookie = response.headers.get('set-cookie');
    const cookieMatch = setCookie ? new RegExp(`${REFRESH_COOKIE}=([^;]*)`).exec(setCookie) : null;
    const answer: GraphQLResponseBody<TData> = await response.json();
    // Every answer carries its cost (INT-5.4), which test/rate-limits.int.test.ts checks; the other suites compare
    // what they are about.
    const { cost: _cost, ...extensions } = answer.extensions ?? {};
    const body: GraphQLResponseBody<TData> =
      Object.keys(extensions).length > 0 ? { ...answer, extensions } : withoutExtensions(answer);
    return { status: response.status, body, refreshCookie: cookieMatch?.[1], setCookie };
  }

  async function signUp(
    overrides: Partial<Pick<SignedUpUser, 'email' | 'name' | 'password'>> = {},
  ): Promise<SignedUpUser> {
    userCounter += 1;
    const input = {
      email: overrides.email ?? `user${userCounter}-${crypto.randomUUID().slice(0, 8)}@example.com`,
      name: overrides.name ?? `Test User ${userCounter}`,
      password: overrides.password ?? 'lantern-oyster-quiet-47',
    };
    const result = await operation<{ register: { accessToken: string; user: { id: string } } }>(
      'mutation Register($input: RegisterInput!) { register(input: $input) { accessToken user { id } } }',
      { variables: { input }, ip: `10.0.${userCounter % 250}.1` },
    );
    const payload = result.body.data?.register;
    if (!payload || result.refreshCookie === undefined) {
      throw new Error(`signUp failed: ${JSON.stringify(result.body.errors)}`);
    }
    return { ...input, id: payload.user.id, accessToken: payload.accessToken, refreshCookie: result.refreshCookie };
  }

  /** Runs an operation that must succeed, returning its data. */
  async function data<TData>(query: string, options: OperationOptions = {}): Promise<TData> {
    const result = await operation<TData>(query, options);
    if (result.body.errors || !result.body.data)
      throw new Error(`Operation failed: ${JSON.stringify(result.body.errors)}`);
    return result.body.data;
  }

  async function createWorkspace(owner: SignedUpUser, name = 'Acme'): Promise<TestWorkspace> {
    const slug = `${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${crypto.randomUUID().slice(0, 8)}`;
    const { createWorkspace } = await data<{ createWorkspace: TestWorkspace }>(
      'mutation($input: CreateWorkspaceInput!) { createWorkspace(input: $input) { id name slug } }',
      { token: owner.accessToken, variables: { input: { name, slug } } },
    );
    return createWorkspace;
  }

  /** Brings an existing user into `workspace` with `role` through the real invitation flow. */
  async function join(
    inviter: SignedUpUser,
    workspace: TestWorkspace,
    member: SignedUpUser,
    role: WorkspaceRole,
  ): Promise<TestMember> {
    const { inviteMember } = await data<{ inviteMember: { url: string } }>(
      'mutation($input: InviteMemberInput!) { inviteMember(input: $input) { url } }',
      { token: inviter.accessToken, variables: { input: { workspaceId: workspace.id, email: member.email, role } } },
    );
    const token = inviteMember.url.split('/invite/')[1];
    const { acceptInvitation } = await data<{ acceptInvitation: { id: string } }>(
      'mutation($token: String!) { acceptInvitation(token: $token) { id } }',
      { token: member.accessToken, variables: { token } },
    );
    return { ...member, membershipId: acceptInvitation.id, role };
  }

  /** Invites a new user with `role` through the real invitation flow; returns them with their membership id. */
  async function addMember(inviter: SignedUpUser, workspace: TestWorkspace, role: WorkspaceRole): Promise<TestMember> {
    return join(inviter, workspace, await signUp(), role);
  }

  /** Ends `member`'s membership: they leave, or `owner` removes them. */
  async function endMembership(
    owner: SignedUpUser,
    member: TestMember,
    workspace: TestWorkspace,
    how: 'leaves' | 'is removed',
  ): Promise<void> {
    if (how === 'leaves') {
      await data('mutation($id: ID!) { leaveWorkspace(workspaceId: $id) }', {
        token: member.accessToken,
        variables: { id: workspace.id },
      });
    } else {
      await data('mutation($id: ID!) { removeMember(membershipId: $id) }', {
        token: owner.accessToken,
        variables: { id: member.membershipId },
      });
    }
  }

  /** A project with a task (labelled and commented) in the workspace; returns the ids a client would see. */
  async function createContent(author: SignedUpUser, workspace: TestWorkspace) {
    const token = author.accessToken;
    const key = `P${crypto
      .randomUUID()
      .replace(/[^a-f]/g, '')
      .slice(0, 4)
      .toUpperCase()
      .padEnd(4, 'X')}`;
    const { createProject } = await data<{ createProject: { id: string; key: string; states: { id: string }[] } }>(
      'mutation($input: CreateProjectInput!) { createProject(input: $input) { id key states { id } } }',
      { token, variables: { input: { workspaceId: workspace.id, name: `Project ${key}`, key } } },
    );
    const { createLabel } = await data<{ createLabel: { id: string } }>(
      'mutation($input: CreateLabelInput!) { createLabel(input: $input) { id } }',
      { token, variables: { input: { workspaceId: workspace.id, name: `label-${key}`, color: '#3B82F6' } } },
    );
    const { createTask } = await data<{ createTask: { id: string; key: string } }>(
      'mutation($input: CreateTaskInput!) { createTask(input: $input) { id key } }',
      { token, variables: { input: { projectId: createProject.id, title: 'First task', labelIds: [createLabel.id] } } },
    );
    const { addComment } = await data<{ addComment: { id: string } }>(
      'mutation($input: AddCommentInput!) { addComment(input: $input) { id } }',
      { token, variables: { input: { taskId: createTask.id, body: 'A comment' } } },
    );
    return {
      projectId: createProject.id,
      projectKey: createProject.key,
      stateId: createProject.states[0]?.id ?? '',
      taskId: createTask.id,
      taskKey: createTask.key,
      labelId: createLabel.id,
      commentId: addComment.id,
    };
  }

  /** An API token of `owner` for `workspace` with `scopes` (for 30 days by default): its id and its secret. */
  async function createApiToken(
    owner: SignedUpUser,
    workspace: TestWorkspace,
    scopes: ('READ' | 'WRITE' | 'ADMIN')[],
    expiresAt = new Date(Date.now() + 30 * 86_400_000),
  ): Promise<{ id: string; secret: string }> {
    const { createApiToken } = await data<{ createApiToken: { secret: string; token: { id: string } } }>(
      'mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) { secret token { id } } }',
      {
        token: owner.accessToken,
        variables: {
          input: {
            workspaceId: workspace.id,
            name: `Token ${scopes.join('+')}`,
            scopes,
            expiresAt: expiresAt.toISOString(),
          },
        },
      },
    );
    return { id: createApiToken.token.id, secret: createApiToken.secret };
  }

  return { operation, data, signUp, createWorkspace, join, addMember, endMembership, createContent, createApiToken };
}

export type GraphQLClient = ReturnType<typeof createGraphQLClient>;

/** A client of an app a test built itself (other settings, the same database), through the app's own fetch. */
export function clientOfApp(app: Pick<App, 'fetch'>): GraphQLClient {
  return createGraphQLClient((path, init) => Promise.resolve(app.fetch(new Request(`http://yello.test${path}`, init))));
}

export async function createTestApi(template: DatabaseTemplate, settings: TestSettings = defaultTestSettings) {
  const db: TestDatabase = await openTestDatabase(template);
  const clock = createTestClock();
  const deps = await testAppDeps(db, clock, settings);
  const app = createApp(deps);
  // The same app with the response cache off (PT-10): for tests of what executing a query reads, which a repeat
  // answered from the cache would not show.
  const uncachedApp = createApp({ ...deps, responseCache: { maxBytes: 0, ttlMs: 1 } });

  function fetch(path: string, init?: RequestInit): Promise<Response> {
    return Promise.resolve(app.fetch(new Request(`http://yello.test${path}`, init)));
  }

  /** A subscription over Server-Sent Events, as the web app opens it, through the app's own fetch. */
  function live<TData = Record<string, unknown>>(token: string, query: string, variables?: Record<string, unknown>) {
    const fetchFn = (input: RequestInfo | URL, init?: RequestInit) =>
      Promise.resolve(app.fetch(new Request(input, init)));
    return subscribe<TData>({ url: 'http://yello.test/graphql', token, fetchFn }, query, variables);
  }

  return {
    app,
    db,
    clock,
    fetch,
    live,
    ...createGraphQLClient(fetch),
    /** Operations through the app with the response cache off. */
    uncached: clientOfApp(uncachedApp),
    close: () => db.close(),
  };
}

export type TestApi = Awaited<ReturnType<typeof createTestApi>>;

/** The codes of a response's errors, in order. */
export function errorCodes(body: GraphQLResponseBody<unknown>): (string | undefined)[] {
  return (body.errors ?? []).map((error) => error.extensions?.code);
}

/**
 * What a client learns from an answer: its status, data and errors (code, message, path), errors sorted by path
 * (GraphQL does not order them, they come as resolvers finish). Two answers that must not be told apart compare equal.
 */
export function clientView(result: OperationResult<unknown>) {
  return {
    status: result.status,
    data: result.body.data ?? null,
    errors: (result.body.errors ?? [])
      .map(({ message, path, extensions }) => ({ message, path, code: extensions?.code }))
      .sort((a, b) => JSON.stringify(a.path).localeCompare(JSON.stringify(b.path))),
  };
}

/**
 * A digest of every tenant table (and sessions' revocations, and the audit log): equal before and after means nothing
 * changed.
 */
export async function tenantFingerprint(api: TestApi): Promise<string> {
  const rows = await api.db.prisma.$queryRawUnsafe<{ digest: string | null }[]>(`
    SELECT md5(concat_ws('#',
      (SELECT string_agg(t::text, '|' ORDER BY t.id) FROM "Workspace" t),
      (SELECT string_agg(t::text, '|' ORDER BY t.id) FROM "Membership" t),
      (SELECT string_agg(t::text, '|' ORDER BY t.id) FROM "Invitation" t),
      (SELECT string_agg(t::text, '|' ORDER BY t.id) FROM "User" t),
      (SELECT string_agg(t::text, '|' ORDER BY t.id) FROM "Project" t),
      (SELECT string_agg(t::text, '|' ORDER BY t.id) FROM "WorkflowState" t),
      (SELECT string_agg(t::text, '|' ORDER BY t.id) FROM "Task" t),
      (SELECT string_agg(t::text, '|' ORDER BY t.id) FROM "Label" t),
      (SELECT string_agg(t::text, '|' ORDER BY t.id) FROM "Comment" t),
      (SELECT string_agg(t::text, '|' ORDER BY t.id) FROM "TaskActivity" t),
      (SELECT string_agg(t.id || ':' || coalesce(t."revokedAt"::text, ''), '|' ORDER BY t.id) FROM "Session" t),
      (SELECT string_agg(t::text, '|' ORDER BY t.id) FROM "AuditEntry" t)
    )) AS digest`);
  return rows[0]?.digest ?? '';
}

/**
 * Adds `count` plain tasks at the end of `like`'s column (its workspace, project, state and creator), written in one
 * statement: a large column without a request per task. Numbers start at `firstNumber`.
 */
export async function addFillerTasks(
  api: TestApi,
  like: { workspaceId: string; projectId: string; stateId: string; creatorId: string | null },
  count: number,
  firstNumber: number,
): Promise<void> {
  const last = await api.db.prisma.task.findFirst({
    where: { stateId: like.stateId },
    orderBy: { position: 'desc' },
    select: { position: true },
  });
  const positions = generateNKeysBetween(last?.position ?? null, null, count);
  await api.db.prisma.task.createMany({
    data: positions.map((position, index) => ({
      workspaceId: like.workspaceId,
      projectId: like.projectId,
      number: firstNumber + index,
      title: `Filler ${index}`,
      stateId: like.stateId,
      position,
      creatorId: like.creatorId,
    })),
  });
}
