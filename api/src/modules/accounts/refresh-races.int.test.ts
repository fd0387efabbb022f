// A refresh token presented twice within moments (two tabs waking at once, a retry after a lost answer) gets the
// successor it was exchanged for; later, or once that successor moved on, it is reuse and ends the session.
import { createHash } from 'node:crypto';
import { describe, expect, test } from '../../../test/fixtures.ts';
import {
  errorCodes,
  type OperationResult,
  type SignedUpUser,
  type TestApi,
  testAppDeps,
} from '../../../test/test-api.ts';
import { createApp } from '../../app.ts';
import { REFRESH_COOKIE } from '../../graphql/yoga.ts';
import { REFRESH_REUSE_GRACE_SECONDS } from './sessions.ts';

const ME = '{ me { id } }';
const REFRESH = 'mutation { refreshSession { accessToken user { id } } }';
const GRACE_MS = REFRESH_REUSE_GRACE_SECONDS * 1000;

type RefreshData = { refreshSession: { accessToken: string; user: { id: string } } };

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

function refresh(api: TestApi, refreshCookie: string): Promise<OperationResult<RefreshData>> {
  return api.operation<RefreshData>(REFRESH, { refreshCookie });
}

/** The refresh token a successful refresh set in the cookie. */
function rotatedCookie(result: OperationResult<RefreshData>): string {
  expect(result.body.errors).toBeUndefined();
  if (!result.refreshCookie) throw new Error(`refreshSession set no cookie: ${JSON.stringify(result.body)}`);
  return result.refreshCookie;
}

/** Whether an access token still speaks for the user. */
async function signedIn(api: TestApi, user: SignedUpUser, accessToken: string | undefined): Promise<boolean> {
  const result = await api.operation<{ me: { id: string } }>(ME, { token: accessToken });
  return result.body.data?.me.id === user.id;
}

/** The stored hashes of the user's refresh tokens. */
async function storedHashes(api: TestApi, user: SignedUpUser): Promise<string[]> {
  const rows = await api.db.prisma.refreshToken.findMany({ where: { session: { user: { email: user.email } } } });
  return rows.map((row) => row.tokenHash).sort();
}

/** Asserts that the session is over: refused refresh with a cleared cookie, access tokens refused too. */
async function expectSessionEnded(api: TestApi, user: SignedUpUser, answer: OperationResult<RefreshData>) {
  expect(errorCodes(answer.body)).toEqual(['UNAUTHENTICATED']);
  expect(answer.refreshCookie).toBe('');
  const session = await api.db.prisma.session.findFirstOrThrow({ where: { user: { email: user.email } } });
  expect(session.revokedAt).not.toBeNull();
  expect(await signedIn(api, user, user.accessToken)).toBe(false);
}

describe('refreshes racing with one refresh cookie', () => {
  test('AUTH-5.8, AUTH-5.6 parallel refreshes with one cookie all succeed with the same successor, one chain of hashes', async ({
    api,
    user,
  }) => {
    const answers = await Promise.all(Array.from({ length: 4 }, () => refresh(api, user.refreshCookie)));
    const successors = answers.map(rotatedCookie);
    const successor = successors[0];
    expect(successor).not.toBe(user.refreshCookie);
    expect(new Set(successors)).toEqual(new Set([successor]));
    for (const answer of answers) {
      expect(answer.body.data?.refreshSession.user.id).toBe(user.id);
      expect(await signedIn(api, user, answer.body.data?.refreshSession.accessToken)).toBe(true);
    }
    // One successor, stored as its hash only: no second, parallel chain.
    expect(await storedHashes(api, user)).toEqual([sha256(user.refreshCookie), sha256(successor ?? '')].sort());
    // The chain goes on from the successor.
    const next = rotatedCookie(await refresh(api, successor ?? ''));
    expect(next).not.toBe(successor);
    expect(await signedIn(api, user, user.accessToken)).toBe(true);
  });

  test('AUTH-5.8 a retry within the grace period gets the same successor and a new access token', async ({
    api,
    user,
  }) => {
    const first = await refresh(api, user.refreshCookie);
    const successor = rotatedCookie(first);
    api.clock.advance(GRACE_MS - 1000);
    const retry = await refresh(api, user.refreshCookie);
    expect(rotatedCookie(retry)).toBe(successor);
    const accessToken = retry.body.data?.refreshSession.accessToken;
    expect(accessToken).not.toBe(first.body.data?.refreshSession.accessToken);
    expect(await signedIn(api, user, accessToken)).toBe(true);
    expect(await signedIn(api, user, first.body.data?.refreshSession.accessToken)).toBe(true);
    expect(await storedHashes(api, user)).toHaveLength(2);
    expect(rotatedCookie(await refresh(api, successor))).not.toBe(successor);
  });

  test('AUTH-5.9, AUTH-5.3 presenting the exchanged token once the grace period has passed ends the session', async ({
    api,
    user,
  }) => {
    const successor = rotatedCookie(await refresh(api, user.refreshCookie));
    api.clock.advance(GRACE_MS);
    await expectSessionEnded(api, user, await refresh(api, user.refreshCookie));
    expect(errorCodes((await refresh(api, successor)).body)).toEqual(['UNAUTHENTICATED']);
  });

  test('AUTH-5.9, AUTH-5.3 presenting the exchanged token after its successor was exchanged ends the session, even within the grace period', async ({
    api,
    user,
  }) => {
    const successor = rotatedCookie(await refresh(api, user.refreshCookie));
    const next = rotatedCookie(await refresh(api, successor));
    await expectSessionEnded(api, user, await refresh(api, user.refreshCookie));
    expect(errorCodes((await refresh(api, next)).body)).toEqual(['UNAUTHENTICATED']);
  });

  test('AUTH-5.8, AUTH-5.9 the grace period is configuration given to createApp', async ({ api, user }) => {
    const app = createApp({ ...(await testAppDeps(api.db, api.clock)), refreshReuseGraceSeconds: 5 });
    const send = async (refreshCookie: string) => {
      const response = await app.fetch(
        new Request('http://yello.test/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie: `${REFRESH_COOKIE}=${refreshCookie}` },
          body: JSON.stringify({ query: REFRESH }),
        }),
      );
      const body: { errors?: { extensions?: { code?: string } }[] } = await response.json();
      return body.errors?.map((error) => error.extensions?.code) ?? [];
    };
    expect(await send(user.refreshCookie)).toEqual([]);
    api.clock.advance(4000);
    expect(await send(user.refreshCookie)).toEqual([]);
    api.clock.advance(1000);
    expect(await send(user.refreshCookie)).toEqual(['UNAUTHENTICATED']);
    expect(await signedIn(api, user, user.accessToken)).toBe(false);
  });
});
