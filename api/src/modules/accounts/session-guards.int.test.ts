// What a session lets a request do: a valid one speaks for its user, an ended one for nobody; what is stored of
// a refresh token; and the global ids of the objects sessions show.
import { createHash } from 'node:crypto';
import { decodeJwt } from 'jose';
import { onTestFinished } from 'vitest';
import { test as base, describe, expect } from '../../../test/fixtures.ts';
import { errorCodes, type SignedUpUser, type TestApi } from '../../../test/test-api.ts';

const ME = '{ me { id email } }';
const SESSIONS = '{ sessions { id current } }';
const LOGIN = 'mutation($input: LoginInput!) { login(input: $input) { accessToken user { id } } }';
const LOGOUT = 'mutation { logout }';
const REFRESH = 'mutation { refreshSession { accessToken expiresAt } }';
const REVOKE = 'mutation($id: ID!) { revokeSession(id: $id) }';
const UPDATE_PROFILE = 'mutation($input: UpdateProfileInput!) { updateProfile(input: $input) { id name } }';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

type SessionsData = { sessions: { id: string; current: boolean }[] };

/** Opens another session of the user, as a second device would. */
async function logIn(api: TestApi, user: SignedUpUser): Promise<{ accessToken: string; user: { id: string } }> {
  const { login } = await api.data<{ login: { accessToken: string; user: { id: string } } }>(LOGIN, {
    variables: { input: { email: user.email, password: user.password } },
  });
  return login;
}

/** The global id of the session an access token belongs to, as `sessions` lists it. */
async function sessionIdOf(api: TestApi, accessToken: string): Promise<string> {
  const { sessions } = await api.data<SessionsData>(SESSIONS, { token: accessToken });
  const current = sessions.find((session) => session.current);
  if (!current) throw new Error('sessions marks no session as current');
  return current.id;
}

/** Moves the file's clock forward for this test only. */
function advanceClock(api: TestApi, ms: number): void {
  api.clock.advance(ms);
  onTestFinished(() => api.clock.advance(-ms));
}

/** A Relay global id, decoded: the base64 of `Type:id`. */
function decodeGlobalId(globalId: string): { type: string; id: string } {
  const decoded = Buffer.from(globalId, 'base64').toString('utf8');
  expect(Buffer.from(decoded, 'utf8').toString('base64'), `${globalId} is base64`).toBe(globalId);
  const separator = decoded.indexOf(':');
  expect(separator, `${decoded} has the form Type:id`).toBeGreaterThan(0);
  return { type: decoded.slice(0, separator), id: decoded.slice(separator + 1) };
}

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

/** The tables of the test database that hold `text` anywhere in a row. */
async function tablesHolding(api: TestApi, text: string): Promise<string[]> {
  const tables = await api.db.prisma.$queryRaw<{ name: string }[]>`
    SELECT table_name AS name FROM information_schema.tables
    WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`;
  const holding: string[] = [];
  for (const { name } of tables) {
    const table = `"${name.replaceAll('"', '""')}"`;
    const [row] = await api.db.prisma.$queryRawUnsafe<{ found: boolean }[]>(
      `SELECT EXISTS (SELECT 1 FROM ${table} AS t WHERE strpos(row_to_json(t)::text, $1) > 0) AS found`,
      text,
    );
    if (row?.found) holding.push(name);
  }
  return holding;
}

interface Credential {
  label: string;
  token: string | undefined;
}

const test = base.extend('withoutValidSession', async ({ api, user }): Promise<Credential[]> => {
  const loggedOut = await logIn(api, user);
  await api.data(LOGOUT, { token: loggedOut.accessToken });
  const revoked = await logIn(api, user);
  await api.data(REVOKE, { token: user.accessToken, variables: { id: await sessionIdOf(api, revoked.accessToken) } });
  return [
    { label: 'no token', token: undefined },
    { label: 'a malformed token', token: 'not-a-jwt' },
    { label: 'the token of a logged-out session', token: loggedOut.accessToken },
    { label: 'the token of a revoked session', token: revoked.accessToken },
  ];
});

describe('bearer tokens', () => {
  test('AUTH-4.2 a valid token of an active session makes the request that session’s user', async ({ api, user }) => {
    const other = await api.signUp();
    for (const person of [user, other]) {
      const me = await api.operation(ME, { token: person.accessToken });
      expect(me.body).toEqual({ data: { me: { id: person.id, email: person.email } } });
    }
    // The request speaks for the token's own session (sid), not merely for its user.
    const second = await logIn(api, user);
    const { sid } = decodeJwt(second.accessToken);
    expect(decodeGlobalId(await sessionIdOf(api, second.accessToken)).id).toBe(sid);
    expect(decodeGlobalId(await sessionIdOf(api, user.accessToken)).id).not.toBe(sid);
  });

  test('AUTH-4.4 a session ended with revokeSession makes its token anonymous at once', async ({ api, user }) => {
    const anonymous = await api.operation(ME);
    const second = await logIn(api, user);
    expect((await api.operation(ME, { token: second.accessToken })).body.errors).toBeUndefined();
    const revoked = await api.operation(REVOKE, {
      token: user.accessToken,
      variables: { id: await sessionIdOf(api, second.accessToken) },
    });
    expect(revoked.body).toEqual({ data: { revokeSession: true } });
    const after = await api.operation(ME, { token: second.accessToken });
    expect(errorCodes(after.body)).toEqual(['UNAUTHENTICATED']);
    expect(after.body).toEqual(anonymous.body);
    expect((await api.operation(ME, { token: user.accessToken })).body.errors).toBeUndefined();
  });

  test('AUTH-4.4 a session ended with logout makes its token anonymous at once', async ({ api, user }) => {
    const anonymous = await api.operation(ME);
    const second = await logIn(api, user);
    expect((await api.operation(ME, { token: second.accessToken })).body.errors).toBeUndefined();
    expect((await api.operation(LOGOUT, { token: second.accessToken })).body).toEqual({ data: { logout: true } });
    const after = await api.operation(ME, { token: second.accessToken });
    expect(errorCodes(after.body)).toEqual(['UNAUTHENTICATED']);
    expect(after.body).toEqual(anonymous.body);
    expect((await api.operation(ME, { token: user.accessToken })).body.errors).toBeUndefined();
  });

  test('AUTH-4.4, AUTH-5.5 a session expired after 30 days makes its still-unexpired token anonymous', async ({
    api,
    user,
  }) => {
    const anonymous = await api.operation(ME);
    // Ten minutes before the session ends, a refresh still gives a fresh access token (valid for 15 minutes).
    advanceClock(api, 30 * DAY - 10 * MINUTE);
    const refreshed = await api.data<{ refreshSession: { accessToken: string; expiresAt: string } }>(REFRESH, {
      refreshCookie: user.refreshCookie,
    });
    const token = refreshed.refreshSession.accessToken;
    expect((await api.operation(ME, { token })).body.errors).toBeUndefined();
    // One minute after the session ended, that token has not expired itself, but its session has.
    advanceClock(api, 11 * MINUTE);
    expect(new Date(refreshed.refreshSession.expiresAt).getTime()).toBeGreaterThan(api.clock.now().getTime());
    const after = await api.operation(ME, { token });
    expect(errorCodes(after.body)).toEqual(['UNAUTHENTICATED']);
    expect(after.body).toEqual(anonymous.body);
  });
});

describe('refresh tokens at rest', () => {
  test('AUTH-5.6 only the SHA-256 hash of each refresh token is stored, never the token', async ({ api, user }) => {
    const refreshed = await api.operation(REFRESH, { refreshCookie: user.refreshCookie });
    const rotated = refreshed.refreshCookie;
    if (!rotated) throw new Error(`refreshSession set no cookie: ${JSON.stringify(refreshed.body)}`);
    const rows = await api.db.prisma.refreshToken.findMany({ where: { session: { user: { email: user.email } } } });
    expect(rows.map((row) => row.tokenHash).sort()).toEqual([sha256(user.refreshCookie), sha256(rotated)].sort());
    // The search does find what is stored (the hash), so finding no raw token means there is none.
    expect(await tablesHolding(api, sha256(rotated))).toEqual(['RefreshToken']);
    for (const raw of [user.refreshCookie, rotated]) expect(await tablesHolding(api, raw)).toEqual([]);
  });
});

describe('protected account operations', () => {
  test('AUTH-7.2 updateProfile without a valid session is UNAUTHENTICATED and changes nothing', async ({
    api,
    user,
    withoutValidSession,
  }) => {
    for (const { label, token } of withoutValidSession) {
      const result = await api.operation(UPDATE_PROFILE, { token, variables: { input: { name: 'Mallory' } } });
      expect(errorCodes(result.body), label).toEqual(['UNAUTHENTICATED']);
      expect(result.body.data, label).toBeNull();
    }
    const stored = await api.db.prisma.user.findUniqueOrThrow({ where: { email: user.email } });
    expect(stored.name).toBe(user.name);
  });

  test('AUTH-9.4 sessions without a valid session is UNAUTHENTICATED', async ({ api, withoutValidSession }) => {
    for (const { label, token } of withoutValidSession) {
      const result = await api.operation(SESSIONS, { token });
      expect(errorCodes(result.body), label).toEqual(['UNAUTHENTICATED']);
      expect(result.body.data, label).toBeNull();
    }
  });

  test('AUTH-9.4 revokeSession without a valid session is UNAUTHENTICATED and ends nothing', async ({
    api,
    user,
    withoutValidSession,
  }) => {
    const target = await sessionIdOf(api, user.accessToken);
    for (const { label, token } of withoutValidSession) {
      const result = await api.operation(REVOKE, { token, variables: { id: target } });
      expect(errorCodes(result.body), label).toEqual(['UNAUTHENTICATED']);
      expect(result.body.data, label).toBeNull();
    }
    expect(await sessionIdOf(api, user.accessToken)).toBe(target);
  });
});

describe('global ids', () => {
  test('AUTH-10.2 User and Session ids are Relay global ids of Nodes that node(id) finds again', async ({
    api,
    user,
  }) => {
    const types = await api.data<{
      user: { interfaces: { name: string }[] };
      session: { interfaces: { name: string }[] };
    }>(
      '{ user: __type(name: "User") { interfaces { name } } session: __type(name: "Session") { interfaces { name } } }',
    );
    expect(types.user.interfaces).toContainEqual({ name: 'Node' });
    expect(types.session.interfaces).toContainEqual({ name: 'Node' });

    const stored = await api.db.prisma.user.findUniqueOrThrow({ where: { email: user.email } });
    expect(decodeGlobalId(user.id)).toEqual({ type: 'User', id: stored.id });
    const login = await logIn(api, user);
    const profile = await api.data<{ updateProfile: { id: string } }>(UPDATE_PROFILE, {
      token: user.accessToken,
      variables: { input: { name: user.name } },
    });
    const me = await api.data<{ me: { id: string } }>(ME, { token: user.accessToken });
    expect([login.user.id, profile.updateProfile.id, me.me.id]).toEqual([user.id, user.id, user.id]);

    const { sessions } = await api.data<SessionsData>(SESSIONS, { token: user.accessToken });
    const storedSessions = await api.db.prisma.session.findMany({ where: { userId: stored.id } });
    expect(sessions.map((session) => decodeGlobalId(session.id)).sort((a, b) => a.id.localeCompare(b.id))).toEqual(
      storedSessions.map((session) => ({ type: 'Session', id: session.id })).sort((a, b) => a.id.localeCompare(b.id)),
    );

    const NODE = 'query($id: ID!) { node(id: $id) { __typename id } }';
    const objects = [{ __typename: 'User', id: user.id }, ...sessions.map(({ id }) => ({ __typename: 'Session', id }))];
    for (const object of objects) {
      const node = await api.operation(NODE, { token: user.accessToken, variables: { id: object.id } });
      expect(node.body).toEqual({ data: { node: object } });
    }
  });
});
