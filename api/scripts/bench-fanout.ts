// `npm run bench -- --fanout` (RT-8.2): how one Yello instance fans live events out to its subscribers. Starts Yello's
// real entry point on the bench's database (the demo workspace, seeded when missing), subscribes to the demo
// workspace as the demo user over Server-Sent Events (each subscriber its own connection, selecting what a board
// applies from a move), and moves tasks of the write project through the API:
// - latency: with `subscribers` (500) open, one move at a time, `events` (10) times: the time from sending the move
//   until every subscriber has its event (p50/p95/max over the events), and until each one has it (over every
//   delivery);
// - throughput: with `burstSubscribers` (100) open, `burst` (200) moves sent as fast as `connections` writers can:
//   the events per second each subscriber receives, until the last has the last event.
// Every subscriber must receive every event, in order (consecutive cursors), or the bench refuses the figures.
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { type LiveStream, subscribe } from '../test/live-events.ts';
import { SERVER_ENTRY } from '../test/server-process.ts';
import { type ComparisonOutput, type DataOptions, prepareData, startContender } from './bench-comparison.ts';
import { LAST_EVENT, operation, WORKSPACE_EVENTS, WORKSPACE_ID } from './bench-documents.ts';
import { BenchError, ms, prepareWorkload, printMarkdown, request, type Workload } from './benchmark.ts';
import { DEMO_EMAIL, DEMO_WORKSPACE } from './demo-workspace.ts';
import { processCpuMs } from './process-cpu.ts';

export interface FanoutOptions extends DataOptions {
  /** Subscribers of the latency measure. */
  subscribers: number;
  /** Moves of the latency measure, one at a time. */
  events: number;
  /** Subscribers of the throughput measure. */
  burstSubscribers: number;
  /** Moves of the throughput measure, sent at once. */
  burst: number;
  /** Concurrent writers of the burst (at most one per task the write project offers). */
  connections: number;
}

export interface FanoutResult {
  /** Per event: ms from sending its move until every subscriber had it. */
  toAll: number[];
  /** Per delivery: ms from sending the move until that subscriber had it. */
  toEach: number[];
  /** The burst: moves committed per second, and events per second each subscriber received. */
  writesPerSecond: number;
  eventsPerSecond: number;
  /** ms from the burst's first move until the last subscriber had the last event. */
  burstMs: number;
  /** CPU ms Yello's process and the bench's own (the subscribers' client) used during the burst; undefined where /proc cannot tell. */
  burstCpuMs: { yello: number | undefined; bench: number };
}

interface EventData {
  workspaceEvents: { __typename: string; cursor: string };
}

export type Subscriber = LiveStream<EventData>;

/** How long a subscriber may take to open or to get an event before the bench gives up. */
const WAIT_MS = 120_000;

/** The value below which `fraction` of the values lie (nearest rank); NaN without values. */
export function percentile(values: readonly number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(fraction * sorted.length)));
  return sorted[rank - 1] ?? Number.NaN;
}

/** The demo workspace on the running server, and the moves that make its events. */
async function fanoutTarget(endpoint: string, workload: Workload) {
  const { workspace } = await request(
    endpoint,
    'workspace',
    z.object({ workspace: z.object({ id: z.string() }) }),
    operation(WORKSPACE_ID, { slug: DEMO_WORKSPACE.slug }),
    workload.headers,
  );
  const moveScenario = workload.scenarios.find((scenario) => scenario.id === 'move');
  if (!moveScenario) throw new BenchError('The workload has no move scenario.');
  const token = (workload.headers.authorization ?? '').replace(/^Bearer /, '');
  return {
    /** One writer per task, so that a task's moves take turns. */
    writers: workload.movable.length,
    /** Moves writer `writer`'s task to the other column: one TaskMoved event. */
    async move(writer: number): Promise<void> {
      const taskId = workload.movable[writer % workload.movable.length] ?? '';
      await request(endpoint, 'moveTask', z.unknown(), moveScenario.body(taskId), workload.headers);
    },
    /** The cursor of the workspace's last logged event. */
    async lastCursor(): Promise<number | undefined> {
      const { workspaceEvents } = await request(
        endpoint,
        'workspaceEvents',
        z.object({ workspaceEvents: z.object({ edges: z.array(z.object({ cursor: z.string() })) }) }),
        operation(LAST_EVENT, { workspaceId: workspace.id }),
        workload.headers,
      );
      const cursor = workspaceEvents.edges[0]?.cursor;
      return cursor === undefined ? undefined : Number(cursor);
    },
    /**
     * Opens `count` subscriptions after the log's last event, then moves a task: each subscriber has that event
     * (replayed if it subscribed after the move, else live), so every stream is open when this returns.
     */
    async open(count: number): Promise<{ subscribers: Subscriber[]; after: number }> {
      if ((await this.lastCursor()) === undefined) await this.move(0);
      const after = (await this.lastCursor()) ?? 0;
      const subscribers = Array.from({ length: count }, () =>
        subscribe<EventData>({ url: endpoint, token }, WORKSPACE_EVENTS, {
          workspaceId: workspace.id,
          after: String(after),
        }),
      );
      try {
        await this.move(0);
        await received(subscribers, 1, 'the first event');
      } catch (error) {
        close(subscribers);
        throw error;
      }
      return { subscribers, after };
    },
  };
}

function close(subscribers: readonly Subscriber[]): void {
  for (const subscriber of subscribers) subscriber.close();
}

/** Waits until every subscriber has `count` results; resolves to when each had them (performance.now()). */
async function received(subscribers: readonly Subscriber[], count: number, what: string): Promise<number[]> {
  try {
    return await Promise.all(
      subscribers.map((subscriber) => subscriber.take(count, WAIT_MS).then(() => performance.now())),
    );
  } catch (error: unknown) {
    throw new BenchError(`A subscriber did not receive ${what}: ${error instanceof Error ? error.message : error}`);
  }
}

/** Refuses figures unless every subscriber received TaskMoved events with consecutive cursors after `after`. */
export function checkDelivered(subscribers: readonly Subscriber[], after: number, last: number | undefined): void {
  const expected = Array.from({ length: (last ?? after) - after }, (_, index) => String(after + 1 + index));
  const wrong = subscribers.filter((subscriber) => {
    const events = subscriber.results.map((result) => (result.errors ? undefined : result.data?.workspaceEvents));
    return (
      events.some((event) => event?.__typename !== 'TaskMoved') ||
      JSON.stringify(events.map((event) => event?.cursor)) !== JSON.stringify(expected)
    );
  });
  if (wrong.length > 0) {
    const example = JSON.stringify(wrong[0]?.results.slice(0, 3));
    throw new BenchError(
      `${wrong.length} subscriber(s) did not receive every event of the log (${after + 1} to ${last}) in order, e.g. ${example}`,
    );
  }
}

const perSecond = (count: number, elapsedMs: number) => (elapsedMs > 0 ? (count * 1000) / elapsedMs : 0);

/** The rows printed: the latency measure's two, then the burst's. */
export function fanoutRows(options: FanoutOptions, result: FanoutResult): Record<string, string | number>[] {
  const none = '—';
  const spread = (values: readonly number[]) => ({
    p50: ms(percentile(values, 0.5)),
    p95: ms(percentile(values, 0.95)),
    max: ms(percentile(values, 1)),
  });
  return [
    {
      measure: 'move → every subscriber has the event',
      subscribers: options.subscribers,
      events: options.events,
      ...spread(result.toAll),
      'events/s to each': none,
      'deliveries/s': none,
    },
    {
      measure: 'move → a subscriber has the event',
      subscribers: options.subscribers,
      events: options.events,
      ...spread(result.toEach),
      'events/s to each': none,
      'deliveries/s': none,
    },
    {
      measure: `burst of moves (${Math.round(result.writesPerSecond)}/s committed) → the last subscriber has the last`,
      subscribers: options.burstSubscribers,
      events: options.burst,
      p50: none,
      p95: none,
      max: ms(result.burstMs),
      'events/s to each': Math.round(result.eventsPerSecond),
      'deliveries/s': Math.round(result.eventsPerSecond * options.burstSubscribers),
    },
  ];
}

/**
 * Prepares the data, starts Yello, measures the latency and the throughput of its live events, and prints them as a
 * table and in Markdown. Throws BenchError when it cannot measure or a subscriber misses an event.
 */
export async function runFanout(options: FanoutOptions, output: ComparisonOutput): Promise<FanoutResult> {
  const data = await prepareData(options, output);
  const yello = await startContender('Yello', SERVER_ENTRY, {
    NODE_ENV: 'production',
    JWT_SECRET: randomBytes(36).toString('base64url'),
    DATABASE_URL: options.databaseUrl,
    YELLO_DATA_DIR: options.dataDir,
  });
  try {
    const workload = await prepareWorkload(yello.endpoint, {
      email: DEMO_EMAIL,
      password: data.password,
      connections: options.connections,
      search: '',
    });
    const target = await fanoutTarget(yello.endpoint, workload);
    const writers = Math.min(options.connections, target.writers);
    output.log(
      `Live events from one Yello instance on ${data.databaseName}, to subscribers of the demo workspace over Server-Sent Events (each its own connection; the bench's process is their client).`,
    );

    output.log(`\nLatency: ${options.subscribers} subscribers, ${options.events} moves one at a time…`);
    const toAll: number[] = [];
    const toEach: number[] = [];
    const latency = await target.open(options.subscribers);
    try {
      for (let event = 1; event <= options.events; event += 1) {
        const sent = performance.now();
        const arrivals = received(latency.subscribers, 1 + event, `move ${event}`);
        await target.move(0);
        const times = (await arrivals).map((at) => at - sent);
        toEach.push(...times);
        toAll.push(Math.max(...times));
      }
      checkDelivered(latency.subscribers, latency.after, await target.lastCursor());
    } finally {
      close(latency.subscribers);
    }

    output.log(
      `Throughput: ${options.burstSubscribers} subscribers, ${options.burst} moves sent at once by ${writers} writers…`,
    );
    const burst = await target.open(options.burstSubscribers);
    let writesPerSecond: number;
    let burstMs: number;
    const pid = yello.process.child.pid;
    const yelloCpu = () => (pid === undefined ? undefined : processCpuMs(pid));
    const benchCpu = () => {
      const { user, system } = process.cpuUsage();
      return (user + system) / 1000;
    };
    const cpuBefore = { yello: yelloCpu(), bench: benchCpu() };
    let burstCpuMs: FanoutResult['burstCpuMs'];
    try {
      const started = performance.now();
      const arrivals = received(burst.subscribers, 1 + options.burst, `the burst's ${options.burst} moves`);
      let sent = 0;
      const writer = async (index: number) => {
        while (sent < options.burst) {
          sent += 1;
          await target.move(index);
        }
      };
      await Promise.all(Array.from({ length: writers }, (_, index) => writer(index)));
      writesPerSecond = perSecond(options.burst, performance.now() - started);
      burstMs = Math.max(...(await arrivals)) - started;
      const yelloAfter = yelloCpu();
      burstCpuMs = {
        yello: cpuBefore.yello === undefined || yelloAfter === undefined ? undefined : yelloAfter - cpuBefore.yello,
        bench: benchCpu() - cpuBefore.bench,
      };
      checkDelivered(burst.subscribers, burst.after, await target.lastCursor());
    } finally {
      close(burst.subscribers);
    }

    const result: FanoutResult = {
      toAll,
      toEach,
      writesPerSecond,
      eventsPerSecond: perSecond(options.burst, burstMs),
      burstMs,
      burstCpuMs,
    };
    const deliveries = options.burst * options.burstSubscribers;
    const { yello: yelloMs, bench: benchMs } = burstCpuMs;
    output.log(
      `CPU during the burst: Yello ${yelloMs === undefined ? 'not measured' : `${Math.round(yelloMs)} ms (${(yelloMs / deliveries).toFixed(2)} ms per delivery)`}, the bench's subscribers ${Math.round(benchMs)} ms, in ${Math.round(burstMs)} ms.`,
    );
    const rows = fanoutRows(options, result);
    output.table(rows);
    printMarkdown(output, rows);
    return result;
  } finally {
    await yello.process.stop();
  }
}
