import { maskFragments } from 'gql.tada';
import { createRoot } from 'solid-js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  type Auth,
  createAuth,
  type RefreshOutcome,
  type RequestRefresh,
  type SessionToken,
  SessionTokenFields,
} from './auth.ts';

const token = (accessToken: string, expiresInMs = 15 * 60_000): SessionToken =>
  maskFragments([SessionTokenFields], { accessToken, expiresAt: new Date(Date.now() + expiresInMs).toISOString() });

const refreshed = (accessToken: string): RefreshOutcome => ({ kind: 'refreshed', token: token(accessToken) });
const signedOut: RefreshOutcome = { kind: 'signedOut' };
const unavailable: RefreshOutcome = { kind: 'unavailable' };

const withAuth = (requestRefresh: RequestRefresh, run: (auth: Auth) => Promise<void>) =>
  createRoot(async (dispose) => {
    await run(createAuth(requestRefresh));
    dispose();
  });

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('createAuth', () => {
  it('AUTH-16.1 restores the session from the refresh cookie', async () => {
    await withAuth(
      async () => refreshed('restored'),
      async (auth) => {
        expect(auth.status()).toBe('unknown');
        expect(await auth.refresh()).toBe(true);
        expect(auth.status()).toBe('signedIn');
        expect(auth.accessToken()).toBe('restored');
      },
    );
  });

  it('AUTH-16.3 signs out when the refresh is refused, and counts the ended session once', async () => {
    await withAuth(
      async () => signedOut,
      async (auth) => {
        auth.signIn(token('old'));
        expect(await auth.refresh()).toBe(false);
        expect(auth.status()).toBe('signedOut');
        expect(auth.accessToken()).toBeUndefined();
        expect(auth.generation()).toBe(1);
        auth.signOut();
        expect(auth.generation()).toBe(1);
      },
    );
  });

  it('AUTH-16.4 sends one refresh at a time, inside the cross-tab lock', async () => {
    const request = vi.fn((_name: string, task: () => Promise<boolean>) => task());
    vi.stubGlobal('navigator', { locks: { request } });
    const requestRefresh = vi.fn(async () => refreshed('fresh'));
    await withAuth(requestRefresh, async (auth) => {
      expect(await Promise.all([auth.refresh(), auth.refresh()])).toEqual([true, true]);
      expect(requestRefresh).toHaveBeenCalledTimes(1);
      expect(request).toHaveBeenCalledTimes(1);
      expect(request).toHaveBeenCalledWith('yello-refresh', expect.any(Function));
      await auth.refresh();
      expect(requestRefresh).toHaveBeenCalledTimes(2);
    });
  });

  it('AUTH-16.5 keeps the token out of web storage and cookies', async () => {
    await withAuth(
      async () => refreshed('secret'),
      async (auth) => {
        await auth.refresh();
        expect(localStorage.length + sessionStorage.length).toBe(0);
        expect(document.cookie).not.toContain('secret');
      },
    );
  });

  it('AUTH-16.7 keeps a signed-in user signed in when the refresh gets no answer', async () => {
    await withAuth(
      async () => unavailable,
      async (auth) => {
        auth.signIn(token('kept'));
        expect(await auth.refresh()).toBe(false);
        expect(auth.status()).toBe('signedIn');
        expect(auth.accessToken()).toBe('kept');
        expect(auth.generation()).toBe(0);
      },
    );
  });

  it('AUTH-16.7 reports an unreachable server on start-up, and checks again on retry', async () => {
    const outcomes = [unavailable, refreshed('later')];
    const requestRefresh = vi.fn(async () => outcomes.shift() ?? signedOut);
    await withAuth(requestRefresh, async (auth) => {
      expect(await auth.refresh()).toBe(false);
      expect(auth.status()).toBe('unavailable');
      const retry = auth.refresh();
      expect(auth.status()).toBe('unknown');
      expect(await retry).toBe(true);
      expect(auth.status()).toBe('signedIn');
    });
  });

  it('AUTH-16.3 reports a token about to expire', async () => {
    await withAuth(
      async () => signedOut,
      async (auth) => {
        auth.signIn(token('short', 10_000));
        expect(auth.isExpiring()).toBe(true);
        auth.signIn(token('long'));
        expect(auth.isExpiring()).toBe(false);
      },
    );
  });
});
