// Real API processes (api/src/main.ts) sharing one fresh PostgreSQL database, one JWT_SECRET and one Redis, as an
// operator runs them behind a load balancer: a change made through one reaches the subscribers of another, a removal
// ends streams everywhere, a client resumes on another instance after a `kill -9`, and the Redis channel
// subscriptions go away with the clients. It needs both servers: `npm run test:pg` (and so CI) gives
// YELLO_TEST_DATABASE_URL and YELLO_TEST_REDIS_URL; the in-memory PGlite run cannot share a database between processes.
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { Redis } from 'ioredis';
import { decodeJwt } from 'jose';
import pg from 'pg';
import { Webhook as StandardWebhook } from 'standardwebhooks';
import { vi } from 'vitest';
import { sessionTopic, workspaceTopic } from '../src/modules/events/event-bus.ts';
import { describe, expect, test } from './fixtures.ts';
import { uuid } from './global-ids.ts';
import { type LiveStream, subscribe } from './live-events.ts';
import { type ServerProcess, startYello } from './server-process.ts';
import {
  createGraphQLClient,
  defaultTestSettings,
  fetchAt,
  type GraphQLClient,
  type SignedUpUser,
  type TestWorkspace,
} from './test-api.ts';
import { CREATE_WEBHOOK, type CreatedWebhook, startReceiver } from './webhook-fixtures.ts';

const redisUrl = process.env.YELLO_TEST_REDIS_URL || undefined;
const databaseUrl = defaultTestSettings.databaseUrl;

/** Starting processes (migrations, bcrypt at production cost) on a busy machine. */
const TIMEOUT = 180_000;
/** RT-3.2, RT-5.2: what "within one second" means here, measured from sending the mutation. */
const ONE_SECOND = 1000;

const EVENTS = `subscription Events($workspaceId: ID!, $after: String) {
  workspaceEvents(workspaceId: $workspaceId, after: $after) {
    __typename
    cursor
    ... on TaskUpdated { task { title } }
  }
}`;

interface EventData {
  workspaceEvents: { __typename: string; cursor: string; task?: { title: string } | null };
}

type EventStream = LiveStream<EventData>;

/** One API process and a client of it. */
interface Instance {
  name: string;
  url: string;
  server: ServerProcess;
  client: GraphQLClient;
  /** Subscribes `user` to the workspace's events on this instance; closed when the test ends. */
  live(user: SignedUpUser, workspace: TestWorkspace, after?: string): EventStream;
}

/** The events a stream received: type, cursor and the task's title; a result with errors fails the test. */
function received(stream: EventStream) {
  return stream.results.map((result) => {
    const event = result.data?.workspaceEvents;
    if (!event || result.errors) throw new Error(`A result with errors: ${JSON.stringify(result)}`);
    return { type: event.__typename, cursor: Number(event.cursor), title: event.task?.title };
  });
}

const lastCursor = (stream: EventStream): string => String(received(stream).at(-1)?.cursor ?? '');

/** Renames a task through `instance`: one TaskUpdated event. */
async function rename(instance: Instance, user: SignedUpUser, taskId: string, title: string): Promise<void> {
  await instance.client.data('mutation($input: UpdateTaskInput!) { updateTask(input: $input) { id } }', {
    token: user.accessToken,
    variables: { input: { id: taskId, title } },
  });
}

/** The workspace's logged events after `after`, as the log (Query.workspaceEvents) holds them. */
async function logged(instance: Instance, user: SignedUpUser, workspace: TestWorkspace, after: string) {
  const { workspaceEvents } = await instance.client.data<{
    workspaceEvents: { edges: { cursor: string; node: { __typename: string } }[] };
  }>(
    'query($id: ID!, $after: String) { workspaceEvents(workspaceId: $id, after: $after, first: 100) { edges { cursor node { __typename } } } }',
    { token: user.accessToken, variables: { id: workspace.id, after } },
  );
  return workspaceEvents.edges.map((edge) => ({ type: edge.node.__typename, cursor: Number(edge.cursor) }));
}

/** The cursor of the workspace's last logged event. */
async function lastLogged(instance: Instance, user: SignedUpUser, workspace: TestWorkspace): Promise<string> {
  const { workspaceEvents } = await instance.client.data<{ workspaceEvents: { edges: { cursor: string }[] } }>(
    'query($id: ID!) { workspaceEvents(workspaceId: $id, last: 1) { edges { cursor } } }',
    { token: user.accessToken, variables: { id: workspace.id } },
  );
  const cursor = workspaceEvents.edges[0]?.cursor;
  if (cursor === undefined) throw new Error('The workspace has no event yet.');
  return cursor;
}

/**
 * Subscribes from the workspace's last logged event, so that a change committed from now on reaches the stream
 * whether it was open yet or not (replayed, else live). Once it has received an event, the stream is open.
 */
async function follow(instance: Instance, user: SignedUpUser, workspace: TestWorkspace): Promise<EventStream> {
  return instance.live(user, workspace, await lastLogged(instance, user, workspace));
}

/** Subscriptions Redis holds on a channel, over all the instances' connections. */
async function channelSubscriptions(redis: Redis, channel: string): Promise<number> {
  const [, count] = await redis.pubsub('NUMSUB', channel);
  return Number(count);
}

const it = test.extend('cluster', { scope: 'file' }, async ({ databaseTemplate }, { onCleanup }) => {
  // A fresh database of the test server; the first instance migrates it.
  const database = await databaseTemplate.newServer();
  const stops: (() => Promise<void>)[] = [];
  onCleanup(async () => {
    for (const stop of stops.reverse()) await stop();
    await database.stop();
  });
  const env = {
    DATABASE_URL: database.connectionString,
    REDIS_URL: redisUrl,
    JWT_SECRET: randomBytes(36).toString('base64url'),
    // Sign-ups say where they come from (X-Forwarded-For), as in the in-process tests, so none is throttled.
    TRUST_PROXY: 'true',
    // The test's webhook receiver listens on 127.0.0.1 (HOOK-7.2).
    WEBHOOKS_ALLOW_PRIVATE_ADDRESSES: 'true',
  };
  const start = async (name: string): Promise<Instance> => {
    const { server, url } = await startYello(env, (stop) => {
      stops.push(stop);
    });
    return {
      name,
      url,
      server,
      client: createGraphQLClient(fetchAt(url)),
      live: (user, workspace, after) =>
        subscribe<EventData>({ url: `${url}/graphql`, token: user.accessToken }, EVENTS, {
          workspaceId: workspace.id,
          after,
        }),
    };
  };
  const a = await start('A');
  const b = await start('B');
  return { a, b, start, databaseUrl: database.connectionString };
});

describe.skipIf(!databaseUrl || !redisUrl)(
  'several instances on PostgreSQL and Redis (npm run test:pg: needs YELLO_TEST_DATABASE_URL and YELLO_TEST_REDIS_URL)',
  () => {
    it('RT-3.2, RT-8.1 a change made through one instance reaches a subscriber of the other within one second', {
      timeout: TIMEOUT,
    }, async ({ cluster: { a, b }, annotate, onTestFinished }) => {
      const owner = await b.client.signUp();
      const workspace = await b.client.createWorkspace(owner);
      const { taskId } = await b.client.createContent(owner, workspace);
      const stream = await follow(a, owner, workspace);
      onTestFinished(() => stream.close());
      // The stream is open once a first change reaches it.
      await rename(b, owner, taskId, 'Warm-up');
      await stream.take(1, 10_000);

      const latencies: number[] = [];
      for (let change = 1; change <= 5; change += 1) {
        const sent = performance.now();
        await rename(b, owner, taskId, `Change ${change}`);
        await stream.take(1 + change);
        latencies.push(performance.now() - sent);
      }

      await annotate(
        `B → A, mutation sent to event received: ${latencies.map((ms) => `${ms.toFixed(0)} ms`).join(', ')}`,
      );
      expect(Math.max(...latencies)).toBeLessThan(ONE_SECOND);
      const events = received(stream);
      expect(events.map((event) => [event.type, event.title])).toEqual([
        ['TaskUpdated', 'Warm-up'],
        ...[1, 2, 3, 4, 5].map((change) => ['TaskUpdated', `Change ${change}`]),
      ]);
      const first = events[0]?.cursor ?? 0;
      expect(events.map((event) => event.cursor)).toEqual(events.map((_, index) => first + index));
    });

    it('INT-5.3, RT-8.1 a caller has one budget, whichever instance answers', { timeout: TIMEOUT }, async ({
      cluster: { a, b },
    }) => {
      const caller = await a.client.signUp();
      /** What is left of the caller's budget after `{ me { id } }` (cost 1) through `instance`. */
      const remaining = async (instance: Instance): Promise<number | undefined> => {
        const response = await fetch(`${instance.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${caller.accessToken}` },
          body: JSON.stringify({ query: '{ me { id } }' }),
        });
        const body: { extensions?: { cost?: { remaining: number } } } = await response.json();
        return body.extensions?.cost?.remaining;
      };
      const first = await remaining(a);
      expect(first).toBeGreaterThan(0);
      expect([await remaining(b), await remaining(a), await remaining(b)]).toEqual(
        [1, 2, 3].map((spent) => (first ?? 0) - spent),
      );
    });

    it('RT-5.2, RT-8.1 removing a member through one instance ends their streams on both within one second, with nothing after the removal', {
      timeout: TIMEOUT,
    }, async ({ cluster: { a, b }, annotate, onTestFinished }) => {
      const owner = await b.client.signUp();
      const workspace = await b.client.createWorkspace(owner);
      const { taskId } = await b.client.createContent(owner, workspace);
      const member = await b.client.addMember(owner, workspace, 'MEMBER');
      const onA = await follow(a, member, workspace);
      const onB = await follow(b, member, workspace);
      const ownersView = await follow(a, owner, workspace);
      onTestFinished(() => {
        for (const stream of [onA, onB, ownersView]) stream.close();
      });
      await rename(b, owner, taskId, 'Warm-up');
      await Promise.all([onA.take(1, 10_000), onB.take(1, 10_000), ownersView.take(1, 10_000)]);

      const sent = performance.now();
      const endedAfter = (stream: EventStream) =>
        stream.ended.then((error) => ({ error, ms: performance.now() - sent }));
      const ends = Promise.all([endedAfter(onA), endedAfter(onB)]);
      await b.client.endMembership(owner, member, workspace, 'is removed');
      await vi.waitFor(() => expect([onA.isEnded(), onB.isEnded()]).toEqual([true, true]), {
        timeout: 10_000,
        interval: 10,
      });
      const [endedOnA, endedOnB] = await ends;

      await annotate(
        `removal through B, stream ended on A after ${endedOnA.ms.toFixed(0)} ms, on B after ${endedOnB.ms.toFixed(0)} ms`,
      );
      // Completed by the server, not failed.
      expect([endedOnA.error, endedOnB.error]).toEqual([undefined, undefined]);
      expect(Math.max(endedOnA.ms, endedOnB.ms)).toBeLessThan(ONE_SECOND);
      // The removal was published (the owner sees it), and the member's streams got nothing from it on.
      const [removal] = (await ownersView.take(2)).slice(1);
      expect(removal?.data?.workspaceEvents.__typename).toBe('MemberRemoved');
      for (const stream of [onA, onB]) expect(received(stream).map((event) => event.title)).toEqual(['Warm-up']);
    });

    it('HOOK-6.5, HOOK-5.1 two instances deliver every event of a webhook exactly once, in the order of the log, signed with its secret', {
      timeout: TIMEOUT,
    }, async ({ cluster: { a, b }, onTestFinished }) => {
      const receiver = await startReceiver();
      onTestFinished(() => receiver.close());
      const owner = await a.client.signUp();
      const workspace = await a.client.createWorkspace(owner);
      const { projectId } = await a.client.createContent(owner, workspace);
      const { createWebhook } = await a.client.data<CreatedWebhook>(CREATE_WEBHOOK, {
        token: owner.accessToken,
        variables: { input: { workspaceId: workspace.id, url: receiver.url, eventTypes: ['TASK_CREATED'] } },
      });
      const titles = Array.from({ length: 24 }, (_, index) => `Hook ${index + 1}`);
      for (const [index, title] of titles.entries()) {
        // Through both instances, alternately: each runs its own dispatcher on the shared database.
        await (index % 2 === 0 ? a : b).client.data(
          'mutation($input: CreateTaskInput!) { createTask(input: $input) { id } }',
          { token: owner.accessToken, variables: { input: { projectId, title } } },
        );
      }
      await vi.waitFor(() => expect(receiver.received.length).toBeGreaterThanOrEqual(titles.length), {
        timeout: 30_000,
        interval: 200,
      });
      // A second more: a repeat would arrive within a round of either dispatcher.
      await new Promise((resolve) => setTimeout(resolve, 2500));
      const verifier = new StandardWebhook(createWebhook.secret);
      const bodies = receiver.received.map((request) => {
        const body = verifier.verify(request.body, request.signatureHeaders);
        if (typeof body !== 'object' || body === null || !('data' in body)) throw new Error('No data in a delivery');
        return { id: request.signatureHeaders['webhook-id'], data: JSON.parse(request.body).data };
      });
      expect(bodies).toHaveLength(titles.length);
      expect(new Set(bodies.map((body) => body.id)).size).toBe(titles.length);
      expect(bodies.map((body) => body.data.task.title)).toEqual(titles);
      const cursors = bodies.map((body) => Number(body.data.cursor));
      expect(cursors).toEqual([...cursors].sort((x, y) => x - y));
    });

    it('RT-5.2, RT-8.1 a member leaving through one instance ends their stream on the other within one second', {
      timeout: TIMEOUT,
    }, async ({ cluster: { a, b }, annotate, onTestFinished }) => {
      const owner = await a.client.signUp();
      const workspace = await a.client.createWorkspace(owner);
      const { taskId } = await a.client.createContent(owner, workspace);
      const member = await a.client.addMember(owner, workspace, 'VIEWER');
      const stream = await follow(b, member, workspace);
      onTestFinished(() => stream.close());
      await rename(a, owner, taskId, 'Warm-up');
      await stream.take(1, 10_000);

      const sent = performance.now();
      const ended = stream.ended.then((error) => ({ error, ms: performance.now() - sent }));
      await a.client.endMembership(owner, member, workspace, 'leaves');
      await vi.waitFor(() => expect(stream.isEnded()).toBe(true), { timeout: 10_000, interval: 10 });
      const { error, ms } = await ended;

      await annotate(`leaving through A, stream ended on B after ${ms.toFixed(0)} ms`);
      expect(error).toBeUndefined();
      expect(ms).toBeLessThan(ONE_SECOND);
      expect(received(stream).map((event) => event.title)).toEqual(['Warm-up']);
    });

    it('RT-6.4, RT-6.1, RT-8.1 after a kill -9 of its instance, a client resumes on another with its last cursor and receives every event committed meanwhile, in order, none twice', {
      timeout: TIMEOUT,
    }, async ({ cluster: { b, start }, annotate, onTestFinished }) => {
      // An instance of its own to kill, so that the others stay up for the rest of the file.
      const doomed = await start('C');
      const owner = await b.client.signUp();
      const workspace = await b.client.createWorkspace(owner);
      const { taskId } = await b.client.createContent(owner, workspace);
      const first = await follow(doomed, owner, workspace);
      onTestFinished(() => first.close());
      await rename(b, owner, taskId, 'Warm-up');
      await first.take(1, 10_000);
      const warmUp = lastCursor(first);

      // The client: when its stream breaks, it subscribes again on B with the last cursor it received.
      const resumed = first.ended.then(() => {
        const stream = b.live(owner, workspace, lastCursor(first));
        onTestFinished(() => stream.close());
        return stream;
      });
      const changes = 20;
      for (let change = 1; change <= changes; change += 1) {
        await rename(b, owner, taskId, `Change ${change}`);
        if (change === 5) {
          // Killed while the client is subscribed and changes keep coming through B.
          const exited = once(doomed.server.child, 'exit');
          doomed.server.child.kill('SIGKILL');
          await exited;
        }
      }
      expect(doomed.server.child.signalCode).toBe('SIGKILL');
      const second = await resumed;

      // Every event committed after the warm-up, as the log holds them.
      const log = await logged(b, owner, workspace, warmUp);
      expect(log).toHaveLength(changes);
      const beforeKill = received(first).slice(1);
      await second.take(log.length - beforeKill.length, 10_000);
      const events = [...beforeKill, ...received(second)];

      await annotate(
        `${beforeKill.length} event(s) on C before the kill, ${received(second).length} replayed and live on B`,
      );
      expect(events.map(({ type, cursor }) => ({ type, cursor }))).toEqual(log);
      // An event's task is read as it is when the event is sent (RT-4.1): one replayed after later changes committed
      // shows the latest of them, so each shows its own change or a later one, never an earlier one.
      const shown = events.map((event) => Number(event.title?.replace('Change ', '')));
      shown.forEach((change, index) => {
        expect(change).toBeGreaterThanOrEqual(index + 1);
        expect(change).toBeGreaterThanOrEqual(shown[index - 1] ?? 0);
      });
      expect(shown.at(-1)).toBe(changes);
      expect(second.isEnded()).toBe(false);
    });

    it('RT-6.3, RT-8.1 when every client has gone, no instance keeps a Redis subscription to the workspace or the session', {
      timeout: TIMEOUT,
    }, async ({ cluster: { a, b }, annotate, onTestFinished }) => {
      const redis = new Redis(redisUrl ?? '');
      onTestFinished(async () => {
        await redis.quit();
      });
      const owner = await a.client.signUp();
      const workspace = await a.client.createWorkspace(owner);
      const { taskId } = await a.client.createContent(owner, workspace);
      const channels = [workspaceTopic(uuid(workspace.id)), sessionTopic(String(decodeJwt(owner.accessToken).sid))];
      const streams = [
        await follow(a, owner, workspace),
        await follow(a, owner, workspace),
        await follow(b, owner, workspace),
        await follow(b, owner, workspace),
      ];
      onTestFinished(() => {
        for (const stream of streams) stream.close();
      });
      await rename(a, owner, taskId, 'Warm-up');
      await Promise.all(streams.map((stream) => stream.take(1, 10_000)));
      // One channel subscription per instance and topic, whatever the number of its subscribers.
      for (const channel of channels) expect(await channelSubscriptions(redis, channel)).toBe(2);

      const closed = performance.now();
      for (const stream of streams) stream.close();

      // Within a second, long before the next keep-alive comment (every 12 seconds) would have told the instance.
      await vi.waitFor(
        async () => {
          for (const channel of channels) expect(await channelSubscriptions(redis, channel)).toBe(0);
        },
        { timeout: 1000, interval: 50 },
      );
      await annotate(
        `channel subscriptions at 0 ${(performance.now() - closed).toFixed(0)} ms after the clients closed`,
      );
    });

    it('PT-10.6 a change committed through one instance is in the next answer of the other, which answered from its cache until then', {
      timeout: TIMEOUT,
    }, async ({ cluster: { a, b, databaseUrl: url } }) => {
      const owner = await a.client.signUp();
      const workspace = await a.client.createWorkspace(owner);
      const { taskId, taskKey } = await a.client.createContent(owner, workspace);
      const TITLE = 'query($slug: String!, $key: String!) { task(workspaceSlug: $slug, key: $key) { title } }';
      const titleOn = async (instance: Instance) => {
        const { task } = await instance.client.data<{ task: { title: string } }>(TITLE, {
          token: owner.accessToken,
          variables: { slug: workspace.slug, key: taskKey },
        });
        return task.title;
      };
      expect(await titleOn(b)).toBe('First task');
      // Written beside the services, so in no workspace's log: B goes on answering from its cache, which shows it has
      // one (a hand-run SQL is seen once the TTL is over, or with the next logged change).
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query('UPDATE "Task" SET "title" = $1 WHERE "id" = $2', ['Written by hand', uuid(taskId)]);
      } finally {
        await client.end();
      }
      expect(await titleOn(b)).toBe('First task');
      // A change through A bumps the workspace's sequence: B's next answer is executed, with no message from A.
      await rename(a, owner, taskId, 'Renamed through A');
      expect(await titleOn(b)).toBe('Renamed through A');
      expect(await titleOn(a)).toBe('Renamed through A');
    });
  },
);
