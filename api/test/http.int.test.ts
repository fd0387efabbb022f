import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import { auditServer } from 'graphql-http';
import { createApp, MAX_BODY_BYTES } from '../src/app.ts';
import { omittedByDefault } from '../src/db/database.ts';
import { PrismaClient } from '../src/generated/prisma/client.ts';
import { queryLimits } from '../src/graphql/armor.ts';
import { describe, expect, test } from './fixtures.ts';
import { errorCodes, type GraphQLResponseBody, testAppDeps } from './test-api.ts';

const postJson = (body: string, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...headers },
  body,
});

describe('GraphQL over HTTP', () => {
  test('AUTH-12.3 passes every graphql-http server audit with no error and no warning', async ({ api }) => {
    // The audit acts as Yello's own clients do: it sends the CSRF-prevention header.
    const results = await auditServer({
      url: 'http://yello.test/graphql',
      fetchFn: (input: RequestInfo | URL, init?: RequestInit) => {
        const request = new Request(input, init);
        request.headers.set('x-yello-csrf', '1');
        return api.app.fetch(request);
      },
    });
    const problems = results
      .filter((result) => result.status !== 'ok')
      .map((result) => `${result.status}: ${result.name} (${'reason' in result ? result.reason : ''})`);
    expect(problems).toEqual([]);
  });

  test('AUTH-12.2, AUTH-11.4 malformed JSON is a 400 with a GraphQL error and no stack trace', async ({ api }) => {
    const response = await api.fetch('/graphql', postJson('{"query": '));
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(errorCodes(body)).toEqual(['BAD_REQUEST']);
    expect(JSON.stringify(body)).not.toMatch(/stack|\.ts:\d|node_modules/);
  });

  test('AUTH-12.2 wrong variable types and unknown fields are 4xx GraphQL errors', async ({ api }) => {
    const wrongType = await api.fetch(
      '/graphql',
      postJson(
        JSON.stringify({ query: 'mutation($id: ID!) { revokeSession(id: $id) }', variables: { id: { nested: 1 } } }),
      ),
    );
    expect(wrongType.status).toBe(400);
    const wrongTypeBody: GraphQLResponseBody = await wrongType.json();
    expect(wrongTypeBody.errors?.[0]?.message).toMatch(/\$id/);
    expect(errorCodes(wrongTypeBody)).toEqual(['BAD_USER_INPUT']);
    const impossibleDate = await api.fetch(
      '/graphql',
      postJson(
        JSON.stringify({
          query:
            'query($filter: TaskFilter) { project(workspaceSlug: "x", key: "XY") { tasks(filter: $filter) { totalCount } } }',
          variables: { filter: { dueBefore: '2026-13-45' } },
        }),
      ),
    );
    expect(impossibleDate.status).toBe(400);
    expect(errorCodes(await impossibleDate.json())).toEqual(['BAD_USER_INPUT']);
    // PostgreSQL's date has no year 0: such a date is refused before it reaches the database.
    const yearZero = await api.fetch(
      '/graphql',
      postJson(
        JSON.stringify({
          query:
            'query($filter: TaskFilter) { project(workspaceSlug: "x", key: "XY") { tasks(filter: $filter) { totalCount } } }',
          variables: { filter: { dueBefore: '0000-01-01' } },
        }),
      ),
    );
    expect(errorCodes(await yearZero.json())).toEqual(['BAD_USER_INPUT']);
    const unknownField = await api.fetch('/graphql', postJson(JSON.stringify({ query: '{ me { password } }' })));
    expect(unknownField.status).toBe(400);
    expect(errorCodes(await unknownField.json())).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  });

  test(`AUTH-12.1 a body over ${MAX_BODY_BYTES} bytes is refused with 413`, async ({ api }) => {
    const response = await api.fetch(
      '/graphql',
      postJson(JSON.stringify({ query: `{ me { id } } #${'x'.repeat(MAX_BODY_BYTES)}` })),
    );
    expect(response.status).toBe(413);
    expect(errorCodes(await response.json())).toEqual(['PAYLOAD_TOO_LARGE']);
  });
});

describe('text the database cannot hold', () => {
  const nul = 'Before\u0000after';

  test('AUTH-12.8 a NUL character in a variable, a written argument or a login is BAD_USER_INPUT at its path', async ({
    api,
    user,
    workspace,
  }) => {
    const content = await api.createContent(user, workspace);
    const created = await api.operation('mutation($input: CreateTaskInput!) { createTask(input: $input) { id } }', {
      token: user.accessToken,
      variables: {
        input: { projectId: content.projectId, title: 'Fine', labelIds: [content.labelId], description: nul },
      },
    });
    expect(errorCodes(created.body)).toEqual(['BAD_USER_INPUT']);
    expect(created.body.errors?.[0]?.extensions?.fieldErrors?.map((error) => error.path)).toEqual([
      ['input', 'description'],
    ]);
    const tasks = await api.data<{ task: { project: { taskCount: number } } }>(
      'query($slug: String!, $key: String!) { task(workspaceSlug: $slug, key: $key) { project { taskCount } } }',
      { token: user.accessToken, variables: { slug: workspace.slug, key: content.taskKey } },
    );
    expect(tasks.task.project.taskCount).toBe(1);

    const written = await api.operation(
      `query($slug: String!, $key: String!) {
        project(workspaceSlug: $slug, key: $key) { tasks(filter: { search: "a\\u0000b" }) { totalCount } }
      }`,
      { token: user.accessToken, variables: { slug: workspace.slug, key: content.projectKey } },
    );
    expect(written.body.errors?.[0]?.extensions?.fieldErrors?.map((error) => error.path)).toEqual([
      ['filter', 'search'],
    ]);

    const login = await api.operation('mutation($input: LoginInput!) { login(input: $input) { accessToken } }', {
      variables: { input: { email: user.email, password: nul } },
    });
    expect(errorCodes(login.body)).toEqual(['BAD_USER_INPUT']);
  });
});

describe('query limits', () => {
  const deepQuery = (levels: number) =>
    `{ __type(name: "User") { fields { type ${'{ ofType '.repeat(levels)}{ name }${' }'.repeat(levels)} } } }`;

  test.for([
    ['depth', deepQuery(queryLimits.maxDepth), 'DEPTH_LIMIT_EXCEEDED'],
    [
      'aliases',
      `{ ${Array.from({ length: queryLimits.maxAliases + 1 }, (_, i) => `a${i}: me { id }`).join(' ')} }`,
      'ALIAS_LIMIT_EXCEEDED',
    ],
    ['tokens', `{ ${'__typename '.repeat(queryLimits.maxTokens)} }`, 'TOKEN_LIMIT_EXCEEDED'],
    [
      'directives',
      `{ __typename ${'@include(if: true) '.repeat(queryLimits.maxDirectives + 1)}}`,
      'DIRECTIVE_LIMIT_EXCEEDED',
    ],
  ] as const)('AUTH-12.6 too many %s is refused with its own code', async ([, query, code], { api }) => {
    const result = await api.operation(query);
    expect(errorCodes(result.body)[0]).toBe(code);
    expect(result.body.data ?? null).toBeNull();
  });

  test('AUTH-12.6 a page of 100 rich rows passes the cost limit; 100 lists of 100 do not', async ({
    api,
    user,
    workspace,
  }) => {
    const page = await api.operation(
      'query($slug: String!) { workspace(slug: $slug) { members(first: 100) { totalCount nodes { id role isViewer createdAt user { id name email } } } } }',
      { token: user.accessToken, variables: { slug: workspace.slug } },
    );
    expect(page.body.errors).toBeUndefined();
    const nested = await api.operation(
      '{ workspaces(first: 100) { nodes { members(first: 100) { nodes { id user { name email } } } } } }',
      { token: user.accessToken },
    );
    expect(errorCodes(nested.body)).toEqual(['COST_LIMIT_EXCEEDED']);
  });

  test('AUTH-12.6 a fragment counts as the fields it holds: no level, no cost of its own', async ({ api }) => {
    const viaFragment = (levels: number) =>
      `{ __type(name: "User") { ...Deep } } fragment Deep on __Type { fields { type ${'{ ofType '.repeat(levels)}{ name }${' }'.repeat(levels)} } }`;
    const refused = async (query: string) => errorCodes((await api.operation(query)).body).length > 0;
    // The deepest inline query that passes, then the same fields written through a fragment.
    let deepest = 0;
    while (!(await refused(deepQuery(deepest + 1)))) deepest += 1;
    expect(await refused(viaFragment(deepest))).toBe(false);
    expect(errorCodes((await api.operation(viaFragment(deepest + 1))).body)).toEqual(['DEPTH_LIMIT_EXCEEDED']);
  });

  test('AUTH-12.6 a query within the limits runs', async ({ api }) => {
    const result = await api.operation(deepQuery(queryLimits.maxDepth - 5));
    expect(result.body.errors).toBeUndefined();
  });
});

describe('browser safety', () => {
  test('AUTH-12.4 a request a foreign page could send without preflight is refused (CSRF)', async ({ api }) => {
    const form = await api.fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'query=mutation%20%7B%20refreshSession%20%7B%20accessToken%20%7D%20%7D',
    });
    expect(form.status).toBe(403);
    const get = await api.fetch('/graphql?query=%7B%20me%20%7B%20id%20%7D%20%7D', {
      headers: { accept: 'application/json' },
    });
    expect(get.status).toBe(403);
  });

  test('AUTH-12.5 CORS echoes configured origins only', async ({ api }) => {
    const preflight = (origin: string) =>
      api.fetch('/graphql', {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
      });
    const foreign = await preflight('https://evil.example');
    expect(foreign.headers.get('access-control-allow-origin')).not.toBe('https://evil.example');
    const allowed = await preflight('https://app.example.com');
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
    expect(allowed.headers.get('access-control-allow-credentials')).toBe('true');
  });

  test('AUTH-12.7 field suggestions are hidden from anonymous callers and shown to signed-in ones', async ({
    api,
    user,
  }) => {
    const anonymous = await api.operation('{ me { nam } }');
    expect(anonymous.body.errors?.[0]?.message).not.toMatch(/Did you mean/);
    const signedIn = await api.operation('{ me { nam } }', { token: user.accessToken });
    expect(signedIn.body.errors?.[0]?.message).toMatch(/Did you mean "name"/);
  });
});

describe('operations endpoints', () => {
  test('AUTH-13.6 /health checks the database', async ({ api }) => {
    const response = await api.fetch('/health');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  test('AUTH-10.4 GraphiQL opens at /graphql in a browser, with no external assets', async ({ api }) => {
    const response = await api.fetch('/graphql', { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('Yello GraphQL API');
    // Its assets are inlined: nothing is fetched from a CDN, so it works offline.
    expect(html).not.toMatch(/<(script|link)[^>]+(src|href)="https?:\/\//);
  });
});

describe('web app hosting', () => {
  test('AUTH-13.7, AUTH-13.9 serves the built SPA at / and its shell for client-side routes', async ({ api }) => {
    const dist = await mkdtemp(join(tmpdir(), 'yello-dist-'));
    await mkdir(join(dist, 'assets'));
    await writeFile(join(dist, 'index.html'), '<!doctype html><title>Yello</title><div id="root"></div>');
    await writeFile(join(dist, 'assets', 'app.js'), 'console.log("yello")');
    const app = createApp({ ...(await testAppDeps(api.db, api.clock)), webDistDir: dist });
    const get = (path: string) => Promise.resolve(app.fetch(new Request(`http://yello.test${path}`)));
    expect(await (await get('/')).text()).toContain('<title>Yello</title>');
    expect(await (await get('/profile')).text()).toContain('<title>Yello</title>');
    const asset = await get('/assets/app.js');
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
    expect((await get('/health')).status).toBe(200);
  });
});

describe('health when the database is down', () => {
  test('AUTH-13.6 /health answers 503 when SELECT 1 fails', async ({ api }) => {
    const unreachable = new PrismaClient({
      adapter: new PrismaPg({ connectionString: 'postgres://postgres@127.0.0.1:1/none' }),
      omit: omittedByDefault,
    });
    const app = createApp({ ...(await testAppDeps(api.db, api.clock)), db: unreachable });
    const response = await app.fetch(new Request('http://yello.test/health'));
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: 'unavailable' });
  });
});

describe('connection arguments', () => {
  test('PT-4.2 page sizes outside 1 to 100 and malformed cursors are BAD_USER_INPUT', async ({ api, user }) => {
    for (const [query, field] of [
      ['{ workspaces(first: 101) { nodes { id } } }', 'first'],
      ['{ workspaces(first: 0) { nodes { id } } }', 'first'],
      ['{ workspaces(last: 101) { nodes { id } } }', 'last'],
    ] as const) {
      const result = await api.operation(query, { token: user.accessToken });
      expect(errorCodes(result.body)).toEqual(['BAD_USER_INPUT']);
      expect(result.body.errors?.[0]?.extensions?.fieldErrors?.[0]?.path).toEqual([field]);
    }
    const cursor = await api.operation('{ workspaces(after: "garbage") { nodes { id } } }', {
      token: user.accessToken,
    });
    expect(errorCodes(cursor.body)).toEqual(['BAD_USER_INPUT']);
    expect(
      (await api.operation('{ workspaces(first: 100) { nodes { id } } }', { token: user.accessToken })).body.errors,
    ).toBeUndefined();
  });

  test('AUTH-12.12 a cursor that decodes to anything but an id is BAD_USER_INPUT, on a root and on a nested connection', async ({
    api,
    user,
    workspace,
  }) => {
    // Found by the fuzz suite: Pothos Prisma handed these to Prisma as the id, and they failed as unexpected errors.
    const chunks = ['N:1', 'Z:', 'O:null', 'O:{"a":1}', 'I:1', 'D:1', 'S:not-a-uuid', 'T:["x"]'];
    const base64 = (text: string) => Buffer.from(text).toString('base64');
    for (const cursor of chunks.map((chunk) => base64(`GPC:${chunk}`))) {
      for (const [query, variables] of [
        ['query($c: String) { workspaces(after: $c) { nodes { id } } }', { c: cursor }],
        [`{ workspaces(before: "${cursor}", last: 1) { nodes { id } } }`, {}],
        [
          'query($s: String!, $c: String) { workspace(slug: $s) { members(after: $c) { nodes { id } } } }',
          { s: workspace.slug, c: cursor },
        ],
        [
          `query($s: String!, $c: String = "${cursor}") { workspace(slug: $s) { projects(before: $c, last: 1) { nodes { id } } } }`,
          { s: workspace.slug },
        ],
      ] as const) {
        const result = await api.operation(query, { token: user.accessToken, variables });
        expect(result.status).toBeLessThan(500);
        expect(errorCodes(result.body)).toEqual(['BAD_USER_INPUT']);
        expect(result.body.errors?.[0]?.extensions?.fieldErrors?.map(({ path }) => path)).toEqual([
          [query.includes('after') ? 'after' : 'before'],
        ]);
      }
    }
    const { workspaces } = await api.data<{ workspaces: { edges: { cursor: string }[] } }>(
      '{ workspaces { edges { cursor } } }',
      { token: user.accessToken },
    );
    const cursor = workspaces.edges[0]?.cursor;
    const next = await api.operation(
      'query($s: String!, $c: String) { workspaces(after: $c) { nodes { id } } workspace(slug: $s) { members(after: $c) { nodes { id } } } }',
      { token: user.accessToken, variables: { s: workspace.slug, c: cursor } },
    );
    expect(next.body.errors).toBeUndefined();
  });
});
