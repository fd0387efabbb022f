// Two tabs of one browser profile share the refresh cookie and the Web Lock. A tab that waited for the lock must send
// its refresh only once it holds it: the browser attaches the cookie when the request is sent, so that request
// carries the cookie the other tab's refresh set, and the server sees a rotation, not a token presented twice.
import { maskFragments } from 'gql.tada';
import { createRoot } from 'solid-js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type Auth, createAuth, type RefreshOutcome, SessionTokenFields } from './auth.ts';

afterEach(() => {
  vi.unstubAllGlobals();
});

/** navigator.locks for one profile: each named lock grants its holders one at a time, in order of request. */
function profileLocks() {
  const tails = new Map<string, Promise<unknown>>();
  return {
    request<T>(name: string, task: () => Promise<T>): Promise<T> {
      const granted = (tails.get(name) ?? Promise.resolve()).then(task);
      tails.set(
        name,
        granted.catch(() => undefined),
      );
      return granted;
    },
  };
}

/** The server and the profile's cookie jar: each refresh trades the cookie sent for a new one. */
function profileServer() {
  let cookie = 'cookie-0';
  const sent: string[] = [];
  let release: () => void = () => {};
  let hold = Promise.resolve();
  return {
    sent,
    /** Keeps the next answers back until `answer()`, as a slow network would. */
    holdAnswers() {
      hold = new Promise((resolve) => {
        release = resolve;
      });
    },
    answer: () => release(),
    /** A tab's refresh request: the cookie is read from the jar when the request is sent. */
    async requestRefresh(): Promise<RefreshOutcome> {
      const presented = cookie;
      sent.push(presented);
      await hold;
      if (presented !== cookie) return { kind: 'signedOut' };
      cookie = `cookie-${sent.length}`;
      const expiresAt = new Date(Date.now() + 15 * 60_000).toISOString();
      return {
        kind: 'refreshed',
        token: maskFragments([SessionTokenFields], { accessToken: `token-for-${presented}`, expiresAt }),
      };
    },
  };
}

const inTab = (server: ReturnType<typeof profileServer>, run: (auth: Auth) => Promise<void>) =>
  createRoot(async (dispose) => {
    await run(createAuth(() => server.requestRefresh()));
    dispose();
  });

describe('refreshes across tabs', () => {
  it('AUTH-16.4 a tab that waited for the lock sends its refresh with the cookie the other tab’s refresh set', async () => {
    vi.stubGlobal('navigator', { locks: profileLocks() });
    const server = profileServer();
    server.holdAnswers();
    await inTab(server, (first) =>
      inTab(server, async (second) => {
        const refreshes = Promise.all([first.refresh(), second.refresh()]);
        // The second tab waits for the lock: only the first tab's request has been sent.
        await vi.waitFor(() => expect(server.sent).toEqual(['cookie-0']));
        await Promise.resolve();
        expect(server.sent).toEqual(['cookie-0']);
        server.answer();
        expect(await refreshes).toEqual([true, true]);
        expect(server.sent).toEqual(['cookie-0', 'cookie-1']);
        expect([first.accessToken(), second.accessToken()]).toEqual(['token-for-cookie-0', 'token-for-cookie-1']);
      }),
    );
  });
});
