// The real entry point, started as `npm start` starts it: production mode, embedded PGlite in a data directory.
import { describe, expect, it } from 'vitest';
import { startYelloOnEmbeddedDatabase } from './server-process.ts';

/** Whether anything answers HTTP at `url` (a refused connection is no answer). */
const answers = (url: string) =>
  fetch(url, { signal: AbortSignal.timeout(5_000) }).then(
    () => true,
    () => false,
  );

describe('the entry point', () => {
  it('AUTH-13.8 listens on HOST and PORT, and on no other address', { timeout: 120_000 }, async ({
    onTestFinished,
  }) => {
    const { server, host, port } = await startYelloOnEmbeddedDatabase(onTestFinished);
    // Bound to HOST itself, not to every address: another loopback address on the same port gets no answer.
    expect(await answers(`http://127.0.0.2:${port}/health`)).toBe(false);
    expect(await server.stop()).toBe(0);
    expect(await answers(`http://${host}:${port}/health`)).toBe(false);
  });
});
