// Costs and the hourly budget (integrator-api requirement 5) through the real app: priced from document and variables,
// refused over the maximum, charged atomically, shown on every answer, 429 when spent, and a dry run.
import { createApp } from '../src/app.ts';
import type { RateLimitSettings } from '../src/graphql/rate-limits.ts';
import { describe, expect, test } from './fixtures.ts';
import { type TestApi, testAppDeps } from './test-api.ts';

interface Cost {
  requestedQueryCost: number;
  actualQueryCost: number;
  limit: number;
  remaining: number;
  resetAt: string;
}

/** The test app, with budgets of its own (a file of its own in the same database). */
async function withLimits(api: TestApi, settings: RateLimitSettings) {
  const app = createApp({ ...(await testAppDeps(api.db, api.clock)), rateLimits: settings });
  return async (query: string, variables: Record<string, unknown>, token: string) => {
    const response = await app.fetch(
      new Request('http://yello.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
      }),
    );
    const body: {
      data?: unknown;
      errors?: { message: string; extensions?: Record<string, unknown> }[];
      extensions?: { cost?: Cost };
    } = await response.json();
    return { response, body, cost: body.extensions?.cost };
  };
}

/** A session of its own, so that its budget holds only what the test charges to it. */
async function freshSession(api: TestApi, user: { email: string; password: string }): Promise<string> {
  const { login } = await api.data<{ login: { accessToken: string } }>(
    'mutation($i: LoginInput!) { login(input: $i) { accessToken } }',
    { variables: { i: { email: user.email, password: user.password } }, ip: '10.8.0.1' },
  );
  return login.accessToken;
}

const PAGE = `query($slug: String!, $key: String!, $n: Int) { project(workspaceSlug: $slug, key: $key) {
  tasks(first: $n) { nodes { title assignee { name } } } } }`;

describe('costs and rate limits', () => {
  test('INT-5.1 INT-5.4 the cost comes from the document and its variables; the answer shows it, what the data actually cost, and the budget', async ({
    api,
    user,
    workspace,
  }) => {
    const send = await withLimits(api, { pointsPerHour: 100_000, maxCost: 10_000 });
    const content = await api.createContent(user, workspace);
    const token = await freshSession(api, user);
    const variables = { slug: workspace.slug, key: content.projectKey };
    const small = await send(PAGE, { ...variables, n: 10 }, token);
    const large = await send(PAGE, { ...variables, n: 100 }, token);
    // project 1 + tasks 2 + n × (node 1 + assignee 1).
    expect(small.cost?.requestedQueryCost).toBe(1 + 2 + 10 * 2);
    expect(large.cost?.requestedQueryCost).toBe(1 + 2 + 100 * 2);
    // One task came back, with no assignee: project 1 + tasks 2 + 1 node.
    expect(large.cost?.actualQueryCost).toBe(1 + 2 + 1);
    // Nested connections multiply: 5 workspaces × (2 + 20 projects × (1 + 2 + 3 tasks × 1)).
    const nested = await send(
      '{ workspaces(first: 5) { nodes { projects(first: 20) { nodes { tasks(first: 3) { nodes { id } } } } } } }',
      {},
      token,
    );
    expect(nested.cost?.requestedQueryCost).toBe(2 + 5 * (1 + 2 + 20 * (1 + 2 + 3 * 1)));
    // What was not used came back: two operations leave the budget less their actual costs only.
    expect(large.cost?.limit).toBe(100_000);
    expect(nested.cost?.remaining).toBe(
      100_000 -
        (small.cost?.actualQueryCost ?? 0) -
        (large.cost?.actualQueryCost ?? 0) -
        (nested.cost?.actualQueryCost ?? 0),
    );
    expect(large.response.headers.get('ratelimit-policy')).toBe('"hourly";q=100000;w=3600');
    expect(large.response.headers.get('ratelimit')).toMatch(/^"hourly";r=\d+;t=(\d+)$/);
  });

  test('INT-5.2 an operation over the maximum is refused with its cost and the maximum, and runs nothing', async ({
    api,
    user,
    workspace,
  }) => {
    const send = await withLimits(api, { pointsPerHour: 100_000, maxCost: 100 });
    const content = await api.createContent(user, workspace);
    api.db.statements.length = 0;
    const refused = await send(PAGE, { slug: workspace.slug, key: content.projectKey, n: 100 }, user.accessToken);
    expect(refused.body.data).toBeUndefined();
    expect(refused.body.errors?.[0]?.extensions).toMatchObject({
      code: 'COST_LIMIT_EXCEEDED',
      cost: 203,
      maximum: 100,
    });
    // Refused before it was charged, the answer still says where the budget stands (INT-5.4).
    expect(refused.response.headers.get('ratelimit')).toMatch(/^"hourly";r=\d+;t=\d+$/);
    const invalid = await send('{ nothingHere }', {}, user.accessToken);
    expect(invalid.response.headers.get('ratelimit-policy')).toBe('"hourly";q=100000;w=3600');
    // Only the session's check ran: no read of tasks.
    expect(api.db.statements.filter((sql) => sql.includes('"Task"'))).toEqual([]);
  });

  test('INT-5.3 operations sent at once are charged exactly their summed cost', async ({ api, user }) => {
    const send = await withLimits(api, { pointsPerHour: 100_000, maxCost: 10_000 });
    const results = await Promise.all(Array.from({ length: 50 }, () => send('{ me { id } }', {}, user.accessToken)));
    const remaining = results.map((result) => result.cost?.remaining ?? 0);
    expect(Math.min(...remaining)).toBe(100_000 - 50);
    expect(new Set(remaining).size).toBe(50);
  });

  test('PT-9.5 an operation’s charge and the refund of what its answer did not use are one statement each; a window that has ended starts anew in that statement', async ({
    api,
    user,
    workspace,
  }) => {
    const send = await withLimits(api, { pointsPerHour: 100_000, maxCost: 10_000 });
    const content = await api.createContent(user, workspace);
    const token = await freshSession(api, user);
    api.db.budgetStatements.length = 0;
    const page = await send(PAGE, { slug: workspace.slug, key: content.projectKey, n: 50 }, token);
    const charged = page.cost;
    if (!charged) throw new Error('the answer has no cost');
    expect(charged.actualQueryCost).toBeLessThan(charged.requestedQueryCost);
    // The charge, then the refund: one statement each.
    expect(api.db.budgetStatements).toHaveLength(2);
    expect(charged.remaining).toBe(100_000 - charged.actualQueryCost);

    // The hour has passed for every budget: the next charge starts a new window, in its one statement.
    await api.db.prisma.rateLimit.updateMany({ data: { expire: new Date(Date.now() - 1_000) } });
    api.db.budgetStatements.length = 0;
    const me = await send('{ me { id } }', {}, token);
    if (!me.cost) throw new Error('the answer has no cost');
    expect(me.cost.remaining).toBe(100_000 - me.cost.actualQueryCost);
    expect(api.db.budgetStatements).toHaveLength(me.cost.actualQueryCost < me.cost.requestedQueryCost ? 2 : 1);
  });

  test('PT-9.8 one document is priced, and its cursors and strings checked, for each request’s own variables', async ({
    api,
    user,
    workspace,
  }) => {
    const send = await withLimits(api, { pointsPerHour: 100_000, maxCost: 10_000 });
    const content = await api.createContent(user, workspace);
    const token = await freshSession(api, user);
    const page = `query($slug: String!, $key: String!, $n: Int!, $after: String, $search: String) {
      project(workspaceSlug: $slug, key: $key) { tasks(first: $n, after: $after, filter: { search: $search }) { nodes { id } } }
    }`;
    const request = (variables: Record<string, unknown>) =>
      send(page, { slug: workspace.slug, key: content.projectKey, ...variables }, token);
    const small = await request({ n: 5 });
    expect(small.body.errors).toBeUndefined();
    const large = await request({ n: 50 });
    expect(large.cost?.requestedQueryCost).toBeGreaterThan(small.cost?.requestedQueryCost ?? Infinity);
    expect((await request({ n: 5 })).cost?.requestedQueryCost).toBe(small.cost?.requestedQueryCost);

    expect((await request({ n: 5, after: null })).body.errors).toBeUndefined();
    const foreignCursor = await request({ n: 5, after: Buffer.from('GPC:N:1').toString('base64') });
    expect(foreignCursor.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fieldErrors: [{ path: ['after'] }],
    });

    expect((await request({ n: 5, search: 'clean' })).body.errors).toBeUndefined();
    const nul = await request({ n: 5, search: 'a\u0000b' });
    expect(nul.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fieldErrors: [{ path: ['filter', 'search'] }],
    });
  });

  test('INT-5.5 a spent budget answers 429 with Retry-After and RATE_LIMITED with the reset time', async ({
    api,
    user,
  }) => {
    const send = await withLimits(api, { pointsPerHour: 3, maxCost: 10_000 });
    for (let index = 0; index < 3; index += 1)
      expect((await send('{ me { id } }', {}, user.accessToken)).response.status).toBe(200);
    const spent = await send('{ me { id } }', {}, user.accessToken);
    expect(spent.response.status).toBe(429);
    expect(Number(spent.response.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(spent.body.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', resetAt: expect.any(String) });
    expect(spent.body.errors?.[0]?.extensions).not.toHaveProperty('http');
    expect(spent.response.headers.get('ratelimit')).toMatch(/^"hourly";r=0;t=\d+$/);
  });

  test('INT-5.6 a dry run prices the rest of the document, runs nothing else and charges nothing', async ({
    api,
    user,
    workspace,
  }) => {
    const send = await withLimits(api, { pointsPerHour: 1000, maxCost: 10_000 });
    const content = await api.createContent(user, workspace);
    const token = await freshSession(api, user);
    const query = `query($slug: String!, $key: String!, $dry: Boolean) {
      rateLimit(dryRun: $dry) { cost limit remaining used }
      project(workspaceSlug: $slug, key: $key) { tasks(first: 10) { nodes { title } } } }`;
    const variables = { slug: workspace.slug, key: content.projectKey };
    const dry = await send(query, { ...variables, dry: true }, token);
    expect(dry.body.data).toEqual({ rateLimit: { cost: 1 + 1 + 2 + 10, limit: 1000, remaining: 1000, used: 0 } });
    const again = await send(query, { ...variables, dry: true }, token);
    expect(again.body.data).toEqual(dry.body.data);
    const real = await send(query, { ...variables, dry: false }, token);
    expect(real.body.data).toMatchObject({
      rateLimit: { cost: 14, limit: 1000, remaining: 1000 - 14, used: 14 },
      project: { tasks: { nodes: [{ title: 'First task' }] } },
    });
  });
});

describe('costs of live streams', () => {
  test('INT-5.3 INT-5.4 a subscription is charged when it opens, its answer carries the RateLimit headers, and a spent budget refuses it', async ({
    api,
    user,
    workspace,
  }) => {
    const app = createApp({
      ...(await testAppDeps(api.db, api.clock)),
      rateLimits: { pointsPerHour: 5, maxCost: 10_000 },
    });
    const token = await freshSession(api, user);
    const open = () =>
      app.fetch(
        new Request('http://yello.test/graphql', {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            accept: 'text/event-stream',
            authorization: `Bearer ${token}`,
          },
          body: JSON.stringify({
            query:
              'subscription($id: ID!) { workspaceEvents(workspaceId: $id) { cursor ... on TaskCreated { task { id } } } }',
            variables: { id: workspace.id },
          }),
        }),
      );
    // workspaceEvents 1 + task 1: 2 points a stream.
    /** Reads the stream's first comment, then leaves. */
    const leave = async (response: Response) => {
      const reader = response.body?.getReader();
      await reader?.read();
      await reader?.cancel();
    };
    const first = await open();
    expect(first.headers.get('ratelimit')).toMatch(/^"hourly";r=3;t=\d+$/);
    await leave(first);
    const second = await open();
    expect(second.headers.get('ratelimit')).toMatch(/^"hourly";r=1;t=\d+$/);
    await leave(second);
    const spent = await open();
    const text = await spent.text();
    expect(text).toContain('RATE_LIMITED');
  });
});
