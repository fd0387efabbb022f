// The real entry point (api/src/main.ts) as a child process on a port: for tests of what only a running
// server shows (where it listens), and for browser journeys.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

export const SERVER_ENTRY = fileURLToPath(new URL('../src/main.ts', import.meta.url));

/** A TCP port nothing listens on at the moment (the OS picks it). */
export async function freePort(host = '127.0.0.1'): Promise<number> {
  const probe = createServer().listen(0, host);
  await once(probe, 'listening');
  const address = probe.address();
  probe.close();
  await once(probe, 'close');
  if (address === null || typeof address === 'string') throw new Error('Could not find a free port.');
  return address.port;
}

export interface ServerProcess {
  readonly child: ChildProcess;
  /** What the server wrote to stdout and stderr so far. */
  output(): string;
  /** Sends SIGTERM and resolves with the exit code once the process has ended. */
  stop(): Promise<number | null>;
}

/**
 * Starts main.ts (or another server `entry`, such as the bench's baseline) with the Node binary running the caller,
 * with `env` added to the caller's environment (an undefined value removes a variable).
 */
export function startServer(env: Record<string, string | undefined>, entry = SERVER_ENTRY): ServerProcess {
  const child = spawn(process.execPath, [entry], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const collect = (chunk: Buffer) => {
    output += chunk.toString('utf8');
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<number | null>((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });
  return {
    child,
    output: () => output,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      // A server that does not end on SIGTERM must not outlive the test run.
      const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      try {
        return await exited;
      } finally {
        clearTimeout(killer);
      }
    },
  };
}

/** Waits until `${url}/health` answers 200; fails when the process exits or the time is up. */
export async function waitForHealth(url: string, server: ServerProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const { exitCode, signalCode } = server.child;
    if (exitCode !== null || signalCode !== null) {
      throw new Error(`The server exited (${exitCode ?? signalCode}):\n${server.output()}`);
    }
    const healthy = await fetch(`${url}/health`, { signal: AbortSignal.timeout(5_000) }).then(
      (response) => response.status === 200,
      () => false,
    );
    if (healthy) return;
    await delay(250);
  }
  throw new Error(`The server did not answer ${url}/health within ${timeoutMs} ms:\n${server.output()}`);
}

/**
 * Starts main.ts in production mode with `env` on a free port of `host`, and waits for its health; `onFinished` is
 * given the clean-up (stop).
 */
export async function startYello(
  env: Record<string, string | undefined>,
  onFinished: (cleanUp: () => Promise<void>) => void,
  host = '127.0.0.1',
): Promise<{ server: ServerProcess; host: string; port: number; url: string }> {
  const port = await freePort(host);
  const server = startServer({ NODE_ENV: 'production', ...env, HOST: host, PORT: String(port) });
  onFinished(async () => {
    await server.stop();
  });
  const url = `http://${host}:${port}`;
  await waitForHealth(url, server);
  return { server, host, port, url };
}

/**
 * Starts main.ts as `npm start` does (production mode, embedded PGlite in a fresh data directory) on a free port of
 * `host`, and waits for its health; `onFinished` is given the clean-up (stop, then remove the directory).
 */
export async function startYelloOnEmbeddedDatabase(
  onFinished: (cleanUp: () => Promise<void>) => void,
  host = '127.0.0.1',
  env: Record<string, string> = {},
): Promise<{ server: ServerProcess; host: string; port: number; url: string }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'yello-server-'));
  let stop: () => Promise<void> = async () => {};
  onFinished(async () => {
    await stop();
    await rm(dataDir, { recursive: true, force: true });
  });
  return startYello(
    { ...env, YELLO_DATA_DIR: dataDir, DATABASE_URL: undefined },
    (cleanUp) => {
      stop = cleanUp;
    },
    host,
  );
}
