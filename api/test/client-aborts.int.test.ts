// Clients that go in the middle of a request, as a browser does when a page navigation aborts its requests: the real
// entry point on its embedded database, and raw sockets that reset the connection at chosen moments. A browser test run
// once saw the process exit with `TypeError [ERR_INVALID_STATE]: Invalid state: ReadableStream is already closed`:
// a connection reset after Yoga had answered but before the answer's first byte was written, while Hono's compression
// piped a body Node's undici had adapted from Yoga's Fetch ponyfill (see yoga.ts).
import { connect } from 'node:net';
import { it } from 'vitest';
import { describe, expect, test } from './fixtures.ts';
import { startYelloOnEmbeddedDatabase } from './server-process.ts';
import { createGraphQLClient, fetchAt } from './test-api.ts';

/** An introspection of the type names: an anonymous answer of about 4 KB, which Yello compresses (WEB-1.1). */
const TYPE_NAMES = JSON.stringify({ query: '{ __schema { types { name } } }' });

/** A raw HTTP/1.1 request: its head, then its body. */
function httpRequest(head: string[], body = ''): string {
  return `${head.join('\r\n')}\r\n\r\n${body}`;
}

const compressedAnswer = httpRequest(
  [
    'POST /graphql HTTP/1.1',
    'Host: yello.test',
    'Content-Type: application/json',
    'Accept-Encoding: gzip, deflate, br',
    `Content-Length: ${Buffer.byteLength(TYPE_NAMES)}`,
  ],
  TYPE_NAMES,
);

interface Reset {
  /** The reset follows this many milliseconds after the request was written… */
  afterMs?: number;
  /** …or is made here, given the answer received so far. */
  onReceived?: (received: string, reset: () => void) => void;
}

/**
 * Sends `request` on a connection of its own and resets it (TCP RST, as a browser's abort does) as `reset` says, or
 * after 5 seconds at the latest; resolves with what was received once the connection is closed.
 */
function sendAndReset(port: number, request: string, reset: Reset): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let received = '';
    const cut = () => {
      if (!socket.destroyed) socket.resetAndDestroy();
    };
    const latest = setTimeout(cut, 5_000);
    socket.on('error', () => {});
    socket.on('close', () => {
      clearTimeout(latest);
      resolve(received);
    });
    socket.on('data', (chunk) => {
      received += chunk.toString('latin1');
      reset.onReceived?.(received, cut);
    });
    socket.on('connect', () => {
      socket.write(request);
      if (reset.afterMs !== undefined) setTimeout(cut, reset.afterMs);
    });
  });
}

/** Milliseconds from writing `request` to the first byte of its answer; NaN when the connection failed. */
function timeToFirstByte(port: number, request: string): Promise<number> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let sentAt = 0;
    socket.on('error', () => resolve(Number.NaN));
    socket.on('connect', () => {
      sentAt = performance.now();
      socket.write(request);
    });
    socket.once('data', () => {
      resolve(performance.now() - sentAt);
      socket.destroy();
    });
  });
}

/** Milliseconds until each of `size` copies of `request`, sent at once, had the first byte of its answer. */
async function burstTime(port: number, request: string, size: number): Promise<number> {
  const times = await Promise.all(Array.from({ length: size }, () => timeToFirstByte(port, request)));
  return Math.max(0, ...times.filter(Number.isFinite));
}

/** Runs `attempt(0)`, `attempt(1)`… on `parallel` connections at a time until `total` ran or `stop()` says so. */
async function inParallel(
  parallel: number,
  total: number,
  stop: () => boolean,
  attempt: (index: number) => Promise<unknown>,
) {
  let next = 0;
  const worker = async () => {
    while (next < total && !stop()) {
      const index = next;
      next += 1;
      await attempt(index);
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
}

describe('clients that go mid-request', () => {
  it('AUTH-12.14 a connection reset while the client sends its body, as its compressed answer becomes ready, or on an event stream, never ends the process', {
    timeout: 180_000,
  }, async ({ onTestFinished }) => {
    const { server, port, url } = await startYelloOnEmbeddedDatabase(onTestFinished);
    const exited = () => server.child.exitCode !== null || server.child.signalCode !== null;
    /** The process is still there, and wrote no uncaught error; its output when not. */
    const expectServing = async (after: string) => {
      expect(exited(), `The server exited after ${after}:\n${server.output()}`).toBe(false);
      expect(server.output()).not.toContain('ERR_INVALID_STATE');
      expect((await fetch(`${url}/health`)).status).toBe(200);
    };
    const client = createGraphQLClient(fetchAt(url));

    // The answer the resets cut is one Yello compresses: else they would not reach the compression's stream.
    const plain = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-encoding': 'gzip' },
      body: TYPE_NAMES,
    });
    expect(plain.headers.get('content-encoding')).toBe('gzip');
    await plain.arrayBuffer();

    // Bursts of requests, as a page sends them, each reset one after the other across the time the burst takes to be
    // answered: the process exited when a reset came after Yoga had answered and before the answer's first byte was
    // written, which happens when answers and resets arrive together. Before Yoga answered with Node's own Fetch API,
    // it did within a dozen bursts.
    const BURST = 16;
    let answered = 0;
    for (let warmUp = 0; warmUp < 3; warmUp += 1) answered = await burstTime(port, compressedAnswer, BURST);
    for (let burst = 0; burst < 100 && !exited(); burst += 1) {
      if (burst % 20 === 19) answered = await burstTime(port, compressedAnswer, BURST);
      const shift = (burst * 0.618) % 1;
      await Promise.all(
        Array.from({ length: BURST }, (_, index) =>
          sendAndReset(port, compressedAnswer, { afterMs: (1.2 * answered * (index + shift)) / BURST }),
        ),
      );
    }
    await expectServing('resets around the moment compressed answers were ready');

    // A body cut short: the connection reset before the announced length arrived.
    const body = JSON.stringify({ query: `{ __typename }${' '.repeat(4_000)}` });
    await inParallel(8, 200, exited, (index) =>
      sendAndReset(
        port,
        httpRequest(
          [
            'POST /graphql HTTP/1.1',
            'Host: yello.test',
            'Content-Type: application/json',
            'Accept-Encoding: gzip',
            `Content-Length: ${Buffer.byteLength(body)}`,
          ],
          body.slice(0, (index * 37) % body.length),
        ),
        { afterMs: index % 4 },
      ),
    );
    await expectServing('resets in the middle of request bodies');

    // Event streams, as the web app opens them: reset at open, and as an event arrives.
    const owner = await client.signUp();
    const workspace = await client.createWorkspace(owner);
    const { createProject } = await client.data<{ createProject: { id: string } }>(
      'mutation($input: CreateProjectInput!) { createProject(input: $input) { id } }',
      { token: owner.accessToken, variables: { input: { workspaceId: workspace.id, name: 'Aborts', key: 'ABT' } } },
    );
    const subscription = JSON.stringify({
      query: 'subscription($id: ID!) { workspaceEvents(workspaceId: $id) { cursor } }',
      variables: { id: workspace.id },
    });
    const eventStream = httpRequest(
      [
        'POST /graphql HTTP/1.1',
        'Host: yello.test',
        'Content-Type: application/json',
        'Accept: text/event-stream',
        'Accept-Encoding: gzip, deflate, br',
        `Authorization: Bearer ${owner.accessToken}`,
        `Content-Length: ${Buffer.byteLength(subscription)}`,
      ],
      subscription,
    );
    await inParallel(8, 100, exited, (index) => sendAndReset(port, eventStream, { afterMs: index % 20 }));
    await inParallel(4, 40, exited, async (index) => {
      let opened = () => {};
      const open = new Promise<void>((resolve) => {
        opened = resolve;
      });
      const streamed = sendAndReset(port, eventStream, {
        onReceived: (received, reset) => {
          if (received.includes('event: next')) reset();
          else if (received.includes(':\n\n')) opened();
        },
      });
      // Only events after the stream opened (its first bytes are a comment, `:`) are sent on it.
      await Promise.race([open, streamed]);
      await client.data('mutation($input: CreateTaskInput!) { createTask(input: $input) { id } }', {
        token: owner.accessToken,
        variables: { input: { projectId: createProject.id, title: `Event ${index}` } },
      });
      await streamed;
    });

    await expectServing('resets of event streams');
  });
});

describe('the GraphQL endpoint', () => {
  test('AUTH-12.14 streams events in a body of Node’s own ReadableStream, which nothing between Yoga and the socket adapts', async ({
    api,
    user,
    workspace,
  }) => {
    const stream = await api.fetch('/graphql', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'text/event-stream',
        authorization: `Bearer ${user.accessToken}`,
      },
      body: JSON.stringify({
        query: 'subscription($id: ID!) { workspaceEvents(workspaceId: $id) { cursor } }',
        variables: { id: workspace.id },
      }),
    });
    expect(stream.headers.get('content-type')).toBe('text/event-stream');
    expect(stream.body).toBeInstanceOf(ReadableStream);
    await stream.body?.cancel();
  });
});
