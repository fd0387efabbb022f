// The real entry point, started as `npm start` starts it: production mode, embedded PGlite in a data directory.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freePort, startServer, waitForHealth } from './server-process.ts';

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
    const dataDir = await mkdtemp(join(tmpdir(), 'yello-main-'));
    onTestFinished(() => rm(dataDir, { recursive: true, force: true }));
    const host = '127.0.0.1';
    const port = await freePort(host);
    const server = startServer({
      NODE_ENV: 'production',
      HOST: host,
      PORT: String(port),
      YELLO_DATA_DIR: dataDir,
      DATABASE_URL: undefined,
    });
    onTestFinished(async () => {
      await server.stop();
    });

    await waitForHealth(`http://${host}:${port}`, server);
    // Bound to HOST itself, not to every address: another loopback address on the same port gets no answer.
    expect(await answers(`http://127.0.0.2:${port}/health`)).toBe(false);
    expect(await server.stop()).toBe(0);
    expect(await answers(`http://${host}:${port}/health`)).toBe(false);
  });
});
