import { SignJWT, UnsecuredJWT } from 'jose';
import { describe, expect, test } from '../../../test/fixtures.ts';
import { errorCodes, testAppDeps } from '../../../test/test-api.ts';
import { createApp } from '../../app.ts';
import { REFRESH_REUSE_GRACE_SECONDS } from './sessions.ts';

const ME = '{ me { id } }';
const REFRESH = 'mutation { refreshSession { accessToken expiresAt user { id } } }';
const SESSIONS = '{ sessions { id current userAgent ipAddress createdAt lastUsedAt } }';

type RefreshData = { refreshSession: { accessToken: string; expiresAt: string; user: { id: string } } };

describe('access tokens at the API', () => {
  test('AUTH-4.1 expire after at most 15 minutes', async ({ api, user }) => {
    api.clock.advance(15 * 60 * 1000 + 1000);
    expect(errorCodes((await api.operation(ME, { token: user.accessToken })).body)).toEqual(['UNAUTHENTICATED']);
    api.clock.advance(-(15 * 60 * 1000 + 1000));
  });

  test('AUTH-4.3 a tampered, foreign-signed or unsigned token is refused', async ({ api, user }) => {
    const [header, payload, signature] = user.accessToken.split('.');
    const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString());
    const tampered = `${header}.${Buffer.from(JSON.stringify({ ...claims, sub: crypto.randomUUID() })).toString('base64url')}.${signature}`;
    const foreign = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256' })
      .sign(new TextEncoder().encode('another-secret-entirely-0123456789abcdef'));
    const unsigned = new UnsecuredJWT(claims).encode();
    for (const token of [tampered, foreign, unsigned]) {
      expect(errorCodes((await api.operation(ME, { token })).body)).toEqual(['UNAUTHENTICATED']);
    }
    expect((await api.operation(ME, { token: user.accessToken })).body.errors).toBeUndefined();
  });

  test('AUTH-4.7 a stale token does not stand in the way of signing in again', async ({ api, user }) => {
    const result = await api.operation('mutation($input: LoginInput!) { login(input: $input) { accessToken } }', {
      token: 'expired.or.garbage',
      variables: { input: { email: user.email, password: user.password } },
    });
    expect(result.body.errors).toBeUndefined();
  });

  test('AUTH-4.6 lastUsedAt moves at most once a minute', async ({ api, user }) => {
    const lastUsed = async () =>
      (await api.db.prisma.session.findFirstOrThrow({ where: { user: { email: user.email } } })).lastUsedAt.getTime();
    const before = await lastUsed();
    api.clock.advance(30_000);
    await api.operation(ME, { token: user.accessToken });
    expect(await lastUsed()).toBe(before);
    api.clock.advance(40_000);
    await api.operation(ME, { token: user.accessToken });
    expect(await lastUsed()).toBe(api.clock.now().getTime());
  });
});

describe('refreshSession', () => {
  test('AUTH-5.2 trades the cookie for a new access token and rotates the cookie', async ({ api, user }) => {
    const refreshed = await api.operation<RefreshData>(REFRESH, { refreshCookie: user.refreshCookie });
    expect(refreshed.body.data?.refreshSession.user.id).toBe(user.id);
    expect(refreshed.refreshCookie).toBeTruthy();
    expect(refreshed.refreshCookie).not.toBe(user.refreshCookie);
    const me = await api.operation(ME, { token: refreshed.body.data?.refreshSession.accessToken });
    expect(me.body.data).toEqual({ me: { id: user.id } });
  });

  test('AUTH-5.4 without a cookie, or with an unknown one, is UNAUTHENTICATED', async ({ api }) => {
    expect(errorCodes((await api.operation(REFRESH)).body)).toEqual(['UNAUTHENTICATED']);
    expect(errorCodes((await api.operation(REFRESH, { refreshCookie: 'forged' })).body)).toEqual(['UNAUTHENTICATED']);
  });

  test('AUTH-5.3 reusing an old refresh token revokes the whole session', async ({ api, user }) => {
    const first = await api.operation<RefreshData>(REFRESH, { refreshCookie: user.refreshCookie });
    // Past the grace period that a repeat right after the exchange gets (AUTH-5.8, refresh-races.int.test.ts).
    api.clock.advance(REFRESH_REUSE_GRACE_SECONDS * 1000);
    try {
      const reuse = await api.operation(REFRESH, { refreshCookie: user.refreshCookie });
      expect(errorCodes(reuse.body)).toEqual(['UNAUTHENTICATED']);
      expect(reuse.refreshCookie).toBe('');
      // The legitimate holder of the newest token is signed out too.
      expect(errorCodes((await api.operation(REFRESH, { refreshCookie: first.refreshCookie })).body)).toEqual([
        'UNAUTHENTICATED',
      ]);
      expect(
        errorCodes((await api.operation(ME, { token: first.body.data?.refreshSession.accessToken })).body),
      ).toEqual(['UNAUTHENTICATED']);
    } finally {
      api.clock.advance(-REFRESH_REUSE_GRACE_SECONDS * 1000);
    }
  });

  test('AUTH-5.5 stops working when the session expires, 30 days after it began', async ({ api, user }) => {
    api.clock.advance(31 * 24 * 3600 * 1000);
    try {
      expect(errorCodes((await api.operation(REFRESH, { refreshCookie: user.refreshCookie })).body)).toEqual([
        'UNAUTHENTICATED',
      ]);
    } finally {
      api.clock.advance(-31 * 24 * 3600 * 1000);
    }
  });
});

describe('logout', () => {
  test('AUTH-6.1, AUTH-6.2 ends the session at once and clears the cookie', async ({ api, user }) => {
    const result = await api.operation('mutation { logout }', { token: user.accessToken });
    expect(result.body).toEqual({ data: { logout: true } });
    expect(result.refreshCookie).toBe('');
    expect(errorCodes((await api.operation(ME, { token: user.accessToken })).body)).toEqual(['UNAUTHENTICATED']);
    expect(errorCodes((await api.operation(REFRESH, { refreshCookie: user.refreshCookie })).body)).toEqual([
      'UNAUTHENTICATED',
    ]);
  });

  test('AUTH-6.3 without a session is UNAUTHENTICATED and still clears the cookie', async ({ api }) => {
    const result = await api.operation('mutation { logout }', { refreshCookie: 'whatever' });
    expect(errorCodes(result.body)).toEqual(['UNAUTHENTICATED']);
    expect(result.refreshCookie).toBe('');
  });
});

describe('sessions and revokeSession', () => {
  test('AUTH-9.1, AUTH-3.8 lists the open sessions with client details, marking the current one', async ({
    api,
    user,
  }) => {
    await api.operation('mutation($input: LoginInput!) { login(input: $input) { accessToken } }', {
      variables: { input: { email: user.email, password: user.password } },
      headers: { 'user-agent': 'Yello-Test-Phone/1.0' },
      ip: '198.51.100.23',
    });
    const result = await api.operation<{
      sessions: { current: boolean; userAgent: string | null; ipAddress: string }[];
    }>(SESSIONS, { token: user.accessToken });
    const sessions = result.body.data?.sessions ?? [];
    expect(sessions).toHaveLength(2);
    expect(sessions.filter((session) => session.current)).toHaveLength(1);
    expect(sessions).toContainEqual(
      expect.objectContaining({ current: false, userAgent: 'Yello-Test-Phone/1.0', ipAddress: '198.51.100.23' }),
    );
  });

  test('AUTH-3.7 the client address comes from X-Forwarded-For only behind a trusted proxy', async ({ api, user }) => {
    const direct = createApp({ ...(await testAppDeps(api.db, api.clock)), trustProxy: false });
    const response = await direct.fetch(
      new Request('http://yello.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.99' },
        body: JSON.stringify({
          query: 'mutation($input: LoginInput!) { login(input: $input) { accessToken } }',
          variables: { input: { email: user.email, password: user.password } },
        }),
      }),
    );
    expect(response.status).toBe(200);
    const addresses = await api.db.prisma.session.findMany({
      where: { user: { email: user.email } },
      select: { ipAddress: true },
    });
    expect(addresses.map((session) => session.ipAddress)).not.toContain('203.0.113.99');
  });

  test('AUTH-9.2 revokeSession ends another of my sessions', async ({ api, user }) => {
    const other = await api.operation<{ login: { accessToken: string } }>(
      'mutation($input: LoginInput!) { login(input: $input) { accessToken } }',
      { variables: { input: { email: user.email, password: user.password } } },
    );
    const list = await api.operation<{ sessions: { id: string; current: boolean }[] }>(SESSIONS, {
      token: user.accessToken,
    });
    const target = list.body.data?.sessions.find((session) => !session.current);
    const revoked = await api.operation('mutation($id: ID!) { revokeSession(id: $id) }', {
      token: user.accessToken,
      variables: { id: target?.id },
    });
    expect(revoked.body).toEqual({ data: { revokeSession: true } });
    expect(errorCodes((await api.operation(ME, { token: other.body.data?.login.accessToken })).body)).toEqual([
      'UNAUTHENTICATED',
    ]);
  });

  test("AUTH-9.3 another user's session is NOT_FOUND, the same as one that does not exist", async ({ api, user }) => {
    const stranger = await api.signUp();
    const theirs = await api.operation<{ sessions: { id: string }[] }>(SESSIONS, { token: stranger.accessToken });
    const theirId = theirs.body.data?.sessions[0]?.id;
    const revoke = (id: string | undefined) =>
      api.operation('mutation($id: ID!) { revokeSession(id: $id) }', { token: user.accessToken, variables: { id } });
    const attempt = await revoke(theirId);
    const missing = await revoke(Buffer.from(`Session:${crypto.randomUUID()}`).toString('base64'));
    expect(errorCodes(attempt.body)).toEqual(['NOT_FOUND']);
    expect(attempt.body.errors?.[0]?.message).toBe(missing.body.errors?.[0]?.message);
    expect(errorCodes(missing.body)).toEqual(['NOT_FOUND']);
    expect(errorCodes((await revoke('not-a-global-id')).body)).toEqual(['NOT_FOUND']);
    expect((await api.operation(ME, { token: stranger.accessToken })).body.errors).toBeUndefined();
  });

  test('AUTH-10.3 node(id) shows my own user and hides everyone else’s, like ids that do not exist', async ({
    api,
    user,
  }) => {
    const stranger = await api.signUp();
    const NODE = 'query($id: ID!) { node(id: $id) { id ... on User { email } ... on Session { current } } }';
    const mine = await api.operation(NODE, { token: user.accessToken, variables: { id: user.id } });
    expect(mine.body.data).toEqual({ node: { id: user.id, email: user.email } });
    const theirs = await api.operation(NODE, { token: user.accessToken, variables: { id: stranger.id } });
    expect(errorCodes(theirs.body)).toEqual(['NOT_FOUND']);
    expect(JSON.stringify(theirs.body)).not.toContain(stranger.email);
    const unknownIds = [
      Buffer.from(`User:${crypto.randomUUID()}`).toString('base64'),
      'garbage',
      'Tm9wZTox',
      Buffer.from('Task:1').toString('base64'),
      Buffer.from('User:not-a-uuid').toString('base64'),
    ];
    for (const id of unknownIds) {
      const result = await api.operation(NODE, { token: user.accessToken, variables: { id } });
      expect(result.body.data).toEqual({ node: null });
      expect(result.body.errors?.map((error) => [error.extensions?.code, error.message])).toEqual([
        ['NOT_FOUND', theirs.body.errors?.[0]?.message],
      ]);
    }
    const nodes = await api.operation<{ nodes: ({ id: string } | null)[] }>(
      'query($ids: [ID!]!) { nodes(ids: $ids) { id } }',
      { token: user.accessToken, variables: { ids: [user.id, stranger.id] } },
    );
    expect(nodes.body.data?.nodes).toEqual([{ id: user.id }, null]);
    expect(errorCodes(nodes.body)).toEqual(['NOT_FOUND']);
    const malformedArgument = await api.operation('mutation($id: ID!) { deleteTask(id: $id) }', {
      token: user.accessToken,
      variables: { id: Buffer.from('Task:1').toString('base64') },
    });
    expect(errorCodes(malformedArgument.body)).toEqual(['NOT_FOUND']);
  });
});

describe('the credential check', () => {
  /** The statements naming the Membership table. */
  const membershipReads = (statements: readonly string[]) => statements.filter((sql) => sql.includes('"Membership"'));

  test('PT-9.6 reads the memberships with the session or the API token, so scoped operations read none again', async ({
    api,
    user,
    workspace,
  }) => {
    const content = await api.createContent(user, workspace);
    const token = await api.createApiToken(user, workspace, ['WRITE']);
    const project = `query($slug: String!, $key: String!) { project(workspaceSlug: $slug, key: $key) { name tasks(first: 5) { nodes { title } } } }`;
    const rename = 'mutation($input: UpdateTaskInput!) { updateTask(input: $input) { id title } }';
    const taskId = (
      await api.data<{ createTask: { id: string } }>(
        'mutation($input: CreateTaskInput!) { createTask(input: $input) { id } }',
        {
          token: user.accessToken,
          variables: { input: { projectId: content.projectId, stateId: content.stateId, title: 'Counted' } },
        },
      )
    ).createTask.id;
    for (const credential of [user.accessToken, token.secret]) {
      // Uncached, so that the query runs its scopes (a cached answer reads the memberships with its versions).
      api.db.statements.length = 0;
      const read = await api.uncached.operation(project, {
        token: credential,
        variables: { slug: workspace.slug, key: content.projectKey },
      });
      expect(read.body.errors).toBeUndefined();
      const readStatements = [...api.db.statements];
      api.db.statements.length = 0;
      const written = await api.operation(rename, {
        token: credential,
        variables: { input: { id: taskId, title: `Renamed by ${credential.slice(0, 4)}` } },
      });
      expect(written.body.errors).toBeUndefined();
      for (const statements of [readStatements, [...api.db.statements]]) {
        // One statement names the memberships: the credential's own check, which reads them with it.
        const reads = membershipReads(statements);
        expect(reads).toHaveLength(1);
        expect(reads[0]).toMatch(/FROM "public"\."(Session|ApiToken)"/);
        expect(statements[0]).toBe(reads[0]);
      }
    }
  });
});
