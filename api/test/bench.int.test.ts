// `npm run bench` (projects-and-tasks 7.2–7.6, realtime 8.2): the bench's own code, for a moment per run, against the
// real app, over the demo workspace seeded (small) by the seed's own code. Not a performance test: it proves that every
// scenario runs under concurrent load without a failed request, that the plain baseline answers byte for byte as
// Yello does (it needs a TCP PostgreSQL, so those tests run in `npm run test:pg`), that the fan-out of live events
// reaches every subscriber, and what the bench reports.
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestContext } from 'vitest';
import { startBaseline } from '../scripts/baseline-server.ts';
import {
  assertSameAnswers,
  type ComparisonOutput,
  differenceExcerpt,
  failedRequests,
  runComparison,
} from '../scripts/bench-comparison.ts';
import { BOARD, operation } from '../scripts/bench-documents.ts';
import { checkDelivered, runFanout, type Subscriber } from '../scripts/bench-fanout.ts';
import {
  BenchError,
  type BenchOutput,
  failedScenarios,
  prepareWorkload,
  runBenchmark,
  SCENARIO_IDS,
  type Workload,
} from '../scripts/benchmark.ts';
import { BOARD_PROJECT_KEY, DEMO_EMAIL, DEMO_WORKSPACE } from '../scripts/demo-workspace.ts';
import { SCALE_SLUG_PREFIX, scaleSlug, seedScaleTenants } from '../scripts/scale-seeding.ts';
import { TEAMMATES } from '../scripts/seed-data.ts';
import { captureOutput, DEMO_TEST_PASSWORD, SMALL_DEMO_PROJECTS, seedSmallDemo } from './demo-seed.ts';
import { describe, expect, test } from './fixtures.ts';
import { listen } from './http-server.ts';
import { defaultTestSettings, type TestApi, type TestSettings, testAppDeps } from './test-api.ts';

/** Seeding and the scenarios' runs of a second each, after the file's database starts: slow on a busy machine. */
const BENCH_TIMEOUT = 120_000;
/** Also starts Yello and the baseline as processes, and runs each scenario four times. */
const COMPARISON_TIMEOUT = 240_000;

/** The baseline needs a PostgreSQL server it can connect to: the `npm run test:pg` run. */
const onPostgres = Boolean(defaultTestSettings.databaseUrl);

/** Tiny tenants for --scale: the demo's keys, a dozen tasks. */
const TINY_PROJECTS = SMALL_DEMO_PROJECTS.slice(0, 2).map((project) => ({ ...project, tasks: 6 }));

function collect(): BenchOutput & { lines: string[]; tables: Record<string, string | number>[] } {
  const lines: string[] = [];
  const tables: Record<string, string | number>[] = [];
  return {
    lines,
    tables,
    log: (line) => {
      lines.push(line);
    },
    table: (rows) => {
      tables.push(...rows);
    },
  };
}

/** The URL of this file's PostgreSQL database (the server's URL names another). */
async function databaseUrlOf(api: TestApi, settings: TestSettings): Promise<string> {
  const [row] = await api.db.prisma.$queryRaw<{ name: string }[]>`SELECT current_database() AS name`;
  const url = new URL(settings.databaseUrl ?? '');
  url.pathname = `/${row?.name ?? ''}`;
  return url.toString();
}

/** The test app's token-signing key, for the baseline to verify the same tokens. */
async function tokenSecretOf(api: TestApi, settings: TestSettings): Promise<string> {
  return new TextDecoder().decode((await testAppDeps(api.db, api.clock, settings)).tokenSecret);
}

/** The small demo seeded afresh and the app on a port; `signIn` prepares the bench's workload through it. */
async function demoServed(api: TestApi, settings: TestSettings, onTestFinished: TestContext['onTestFinished']) {
  await seedSmallDemo(api, settings, { reset: true });
  const server = await listen(api.app);
  onTestFinished(() => server.close());
  const endpoint = `${server.url}/graphql`;
  const signIn = (search: string): Promise<Workload> =>
    prepareWorkload(endpoint, { email: DEMO_EMAIL, password: DEMO_TEST_PASSWORD, connections: 1, search });
  return { endpoint, signIn };
}

describe('benchmark', () => {
  test('PT-7.2 measures the board, the filtered list, createTask and moveTask under concurrent load, reporting req/s and latency percentiles', {
    timeout: BENCH_TIMEOUT,
  }, async ({ api, settings, onTestFinished }) => {
    await seedSmallDemo(api, settings, { reset: true });
    const stateChanges = () => api.db.prisma.taskActivity.count({ where: { kind: 'CHANGED', field: 'state' } });
    const stateChangesBefore = await stateChanges();
    const server = await listen(api.app);
    onTestFinished(() => server.close());
    const output = collect();

    const measured = await runBenchmark(
      {
        url: server.url,
        email: DEMO_EMAIL,
        password: DEMO_TEST_PASSWORD,
        duration: 1,
        connections: 2,
        search: 'login',
      },
      output,
    );

    expect(measured.map((scenario) => scenario.id)).toEqual([...SCENARIO_IDS]);
    expect(failedScenarios(measured)).toEqual([]);
    for (const { result, graphqlErrors } of measured) {
      expect(result.errors).toBe(0);
      expect(result.non2xx).toBe(0);
      expect(result.timeouts).toBe(0);
      expect(graphqlErrors).toBe(0);
      expect(result.requests.total).toBeGreaterThan(0);
      expect(result.requests.average).toBeGreaterThan(0);
      for (const percentile of [result.latency.p50, result.latency.p90, result.latency.p99, result.latency.max]) {
        expect(Number.isFinite(percentile)).toBe(true);
      }
    }
    // The writes happened: tasks were created, and moved between Todo and In Progress.
    expect(await api.db.prisma.task.count({ where: { title: 'Benchmark task' } })).toBeGreaterThan(0);
    expect(await stateChanges()).toBeGreaterThan(stateChangesBefore);

    // What it prints: one row per scenario as it finishes, then the same as a Markdown table.
    const { lines, tables } = output;
    expect(tables).toHaveLength(SCENARIO_IDS.length);
    for (const row of tables) {
      expect(Object.keys(row)).toEqual(expect.arrayContaining(['scenario', 'req/s', 'p50', 'p90', 'p99', 'max']));
      expect(row['req/s']).toEqual(expect.any(Number));
      expect(row.p99).toMatch(/^\d+ ms$/);
      expect(row['errors / non-2xx / GraphQL errors']).toBe('0 / 0 / 0');
    }
    expect(lines[0]).toBe(`Benchmarking ${server.url}/graphql: 2 connections, 1 s per scenario.`);
    const markdown = lines.filter((line) => line.startsWith('| '));
    expect(markdown[0]).toBe(
      '| scenario | req/s | p50 | p90 | p99 | max | requests | errors / non-2xx / GraphQL errors |',
    );
    expect(markdown.slice(2).map((line) => line.split(' | ')[0])).toEqual(
      measured.map((scenario) => `| ${scenario.name}`),
    );
  });

  test.skipIf(!onPostgres)(
    'PT-7.3 the baseline answers the board, task lists and moveTask byte for byte as Yello does, and a move writes the same',
    { timeout: BENCH_TIMEOUT },
    async ({ api, settings, onTestFinished }) => {
      const yello = await demoServed(api, settings, onTestFinished);
      const databaseUrl = await databaseUrlOf(api, settings);
      const baseline = await startBaseline({ databaseUrl, tokenSecret: await tokenSecretOf(api, settings) });
      onTestFinished(() => baseline.close());
      const db = new pg.Client({ connectionString: databaseUrl });
      await db.connect();
      onTestFinished(() => db.end());
      const moves = () => api.db.prisma.taskActivity.count({ where: { kind: 'CHANGED', field: 'state' } });
      const movesBefore = await moves();

      // Several lists: one search the demo matches a few times, one it matches in every project, none (all of them).
      for (const search of ['login', 'Fix', '']) {
        const checked = await assertSameAnswers(
          yello.endpoint,
          `${baseline.url}/graphql`,
          await yello.signIn(search),
          ['board', 'list', 'move'],
          db,
        );
        expect(checked).toEqual([
          expect.stringMatching(/^board: \d+ bytes$/),
          expect.stringMatching(/^list: \d+ bytes$/),
          'move: 2 moves each, answers and writes',
        ]);
      }
      // Each server moved the task to In Progress and back, three times: twelve state changes in the history.
      expect((await moves()) - movesBefore).toBe(12);
      // The answers compared are real ones: the board holds the demo's tasks.
      const board = await fetch(`${baseline.url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: (await yello.signIn('')).headers.authorization ?? '',
        },
        body: operation(BOARD, { slug: DEMO_WORKSPACE.slug, key: BOARD_PROJECT_KEY }),
      }).then((response) => response.text());
      expect(board.match(/"key":"YEL-\d+"/g)).toHaveLength(SMALL_DEMO_PROJECTS[0]?.tasks ?? 0);
      // Anyone else gets nothing from it: no token, or a token it did not sign.
      for (const authorization of ['', 'Bearer not-a-token']) {
        const refused = await fetch(`${baseline.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization },
          body: operation(BOARD, { slug: DEMO_WORKSPACE.slug, key: BOARD_PROJECT_KEY }),
        }).then((response) => response.json());
        expect(refused).toEqual({
          errors: [{ message: 'Sign in first.', extensions: { code: 'UNAUTHENTICATED' } }],
          data: null,
        });
      }
    },
  );

  test('PT-7.3 refuses to measure when the baseline answers differently, showing where', {
    timeout: BENCH_TIMEOUT,
  }, async ({ api, settings, onTestFinished }) => {
    const yello = await demoServed(api, settings, onTestFinished);
    const workload = await yello.signIn('login');
    // A "baseline" that passes Yello's answer on with one priority changed.
    const impostor = createServer((request, response) => {
      void (async () => {
        const chunks: Buffer[] = [];
        for await (const chunk of request) chunks.push(Buffer.from(chunk));
        const answer = await fetch(yello.endpoint, {
          method: 'POST',
          headers: workload.headers,
          body: Buffer.concat(chunks).toString(),
        }).then((forwarded) => forwarded.text());
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(answer.replace('"priority":"NONE"', '"priority":"LOW"'));
      })();
    }).listen(0, '127.0.0.1');
    onTestFinished(() => {
      impostor.close();
    });
    await new Promise((listening) => impostor.once('listening', listening));
    const address = impostor.address();
    const port = address !== null && typeof address === 'object' ? address.port : 0;

    const refusal = await assertSameAnswers(yello.endpoint, `http://127.0.0.1:${port}/graphql`, workload, [
      'board',
    ]).catch((error: unknown) => error);

    expect(refusal).toBeInstanceOf(BenchError);
    const message = refusal instanceof Error ? refusal.message : '';
    expect(message).toMatch(/^The baseline does not answer as Yello does; not measuring\.\n/);
    expect(message).toMatch(/board \(YEL, 5 states × first 100\): Yello and the baseline differ at character \d+/);
    expect(message).toContain('"priority\\":\\"NONE');
    expect(message).toContain('"priority\\":\\"LOW');
    expect(differenceExcerpt('x', 'abcdef', 'abcXef').split('\n')).toEqual([
      'x: Yello and the baseline differ at character 3 (lengths 6 and 6).',
      '  Yello:    …"abcdef"…',
      '  baseline: …"abcXef"…',
    ]);
  });

  test.skipIf(!onPostgres)(
    'PT-7.4 alternates runs of Yello and the baseline as processes, printing req/s of each, their ratio and CPU ms per request of each process and of PostgreSQL',
    { timeout: COMPARISON_TIMEOUT },
    async ({ api, settings }) => {
      await seedSmallDemo(api, settings, { reset: true });
      const output: ComparisonOutput & ReturnType<typeof collect> = {
        ...collect(),
        progress: captureOutput().progress,
      };

      const compared = await runComparison(
        {
          databaseUrl: await databaseUrlOf(api, settings),
          dataDir: join(tmpdir(), 'unused'),
          password: DEMO_TEST_PASSWORD,
          scale: 1,
          demoProjects: TINY_PROJECTS,
          connections: 2,
          duration: 1,
          warmup: 0,
          rounds: 2,
          search: 'login',
        },
        output,
      );

      expect(failedRequests(compared)).toBe(0);
      expect(compared.map((row) => row.id)).toEqual([...SCENARIO_IDS]);
      const { lines, tables } = output;
      // --scale 1: a tenant beside the demo (tiny here), counted in the header.
      expect(await api.db.prisma.workspace.count({ where: { slug: scaleSlug(1) } })).toBe(1);
      expect(lines).toContainEqual(
        expect.stringMatching(
          / workspaces, \d+ tasks \(the demo: \d+; 1 scale tenants\), planner statistics just analyzed\.$/,
        ),
      );
      expect(lines).toContainEqual(expect.stringMatching(/^Same answers, byte for byte: board: \d+ bytes; list: /));
      expect(lines).toContainEqual(
        expect.stringMatching(/^CPU: .*PostgreSQL: the backends connected to this database/),
      );
      // Runs alternate, Yello first; createTask is Yello's alone.
      const runs = lines
        .filter((line) => /^ {2}(Yello|baseline) +run \d/.test(line))
        .map((line) => line.trim().split(':')[0]);
      const alternated = ['Yello    run 1', 'baseline run 1', 'Yello    run 2', 'baseline run 2'];
      expect(runs).toEqual([...alternated, ...alternated, 'Yello    run 1', 'Yello    run 2', ...alternated]);
      for (const row of compared) {
        const servers = row.id === 'create' ? [row.yello] : [row.yello, row.baseline];
        for (const totals of servers) {
          expect(totals?.runs).toBe(2);
          expect(totals?.requests).toBeGreaterThan(0);
          // Every run read the processes' CPU and the backends': the measuring machine is the database's.
          expect(totals?.cpuMs).toBeGreaterThanOrEqual(0);
          expect(totals?.postgresCpuMs).toBeGreaterThanOrEqual(0);
        }
        expect(row.baseline === undefined).toBe(row.id === 'create');
      }
      const number = /^\d+\.\d\d$/;
      for (const row of tables.filter((table) => table.scenario !== 'createTask (OPS)')) {
        expect(row).toEqual({
          scenario: expect.any(String),
          'Yello req/s': expect.any(Number),
          'baseline req/s': expect.any(Number),
          'Yello ÷ baseline': expect.stringMatching(/^\d+\.\d\d×$/),
          'Yello CPU ms/req': expect.stringMatching(number),
          'baseline CPU ms/req': expect.stringMatching(number),
          'PostgreSQL CPU ms/req (Yello)': expect.stringMatching(number),
          'PostgreSQL CPU ms/req (baseline)': expect.stringMatching(number),
          'p99 Yello / baseline': expect.stringMatching(/^\d+ ms \/ \d+ ms$/),
          'failed Yello / baseline': '0 / 0',
        });
      }
      expect(tables.find((table) => table.scenario === 'createTask (OPS)')).toMatchObject({
        'baseline req/s': '—',
        'Yello ÷ baseline': '—',
      });
      const markdown = lines.filter((line) => line.startsWith('| '));
      expect(markdown[0]).toMatch(
        /^\| scenario \| Yello req\/s \| baseline req\/s \| Yello ÷ baseline \| Yello CPU ms\/req \|/,
      );
      expect(markdown).toHaveLength(2 + SCENARIO_IDS.length);
    },
  );

  test.skipIf(onPostgres)(
    'PT-7.5 on the embedded PGlite measures Yello alone, seeding the demo itself, and says the baseline cannot attach',
    { timeout: COMPARISON_TIMEOUT },
    async ({ onTestFinished }) => {
      const dataDir = await mkdtemp(join(tmpdir(), 'yello-bench-'));
      onTestFinished(() => rm(dataDir, { recursive: true, force: true }));
      const output: ComparisonOutput & ReturnType<typeof collect> = {
        ...collect(),
        progress: captureOutput().progress,
      };

      const compared = await runComparison(
        {
          dataDir,
          scale: 0,
          connections: 2,
          duration: 1,
          warmup: 0,
          rounds: 1,
          search: 'login',
          only: ['board', 'move'],
          demoProjects: SMALL_DEMO_PROJECTS,
          bcryptCost: 4,
        },
        output,
      );

      const { lines, tables } = output;
      // The demo did not exist: seeded, with a password printed.
      expect(lines).toContainEqual(expect.stringMatching(/^ {2}password: \S+$/));
      expect(lines).toContainEqual(expect.stringContaining('the baseline cannot attach'));
      expect(lines).toContainEqual(expect.stringContaining(`embedded PGlite in ${dataDir}`));
      expect(lines.filter((line) => /^ {2}baseline/.test(line))).toEqual([]);
      expect(compared.map((row) => [row.id, row.baseline])).toEqual([
        ['board', undefined],
        ['move', undefined],
      ]);
      expect(failedRequests(compared)).toBe(0);
      for (const row of tables) {
        expect(row).toMatchObject({
          'Yello req/s': expect.any(Number),
          'baseline req/s': '—',
          'Yello ÷ baseline': '—',
          'Yello CPU ms/req': expect.stringMatching(/^\d+\.\d\d$/),
          'PostgreSQL CPU ms/req (Yello)': 'in Yello',
        });
      }
    },
  );

  test.skipIf(onPostgres)(
    'RT-8.2 --fanout reports the time from a move until every subscriber of one instance has its event, and the events per second a burst of moves reaches each of its subscribers',
    { timeout: COMPARISON_TIMEOUT },
    async ({ onTestFinished }) => {
      const dataDir = await mkdtemp(join(tmpdir(), 'yello-fanout-'));
      onTestFinished(() => rm(dataDir, { recursive: true, force: true }));
      const output: ComparisonOutput & ReturnType<typeof collect> = {
        ...collect(),
        progress: captureOutput().progress,
      };
      const options = {
        dataDir,
        scale: 0,
        connections: 2,
        subscribers: 12,
        events: 3,
        burstSubscribers: 5,
        burst: 8,
        demoProjects: SMALL_DEMO_PROJECTS,
        bcryptCost: 4,
      };

      // It throws unless every subscriber received every event of the log, in order.
      const result = await runFanout(options, output);

      expect(result.toAll).toHaveLength(options.events);
      expect(result.toEach).toHaveLength(options.events * options.subscribers);
      // The time until every subscriber has an event is the slowest of its deliveries.
      expect(result.toAll).toEqual(
        result.toAll.map((_, event) =>
          Math.max(...result.toEach.slice(event * options.subscribers, (event + 1) * options.subscribers)),
        ),
      );
      expect(result.writesPerSecond).toBeGreaterThan(0);
      expect(result.eventsPerSecond).toBeCloseTo((options.burst * 1000) / result.burstMs);
      const { lines, tables } = output;
      expect(lines).toContainEqual(expect.stringContaining(`embedded PGlite in ${dataDir}`));
      expect(lines).toContainEqual(
        expect.stringMatching(/^CPU during the burst: Yello \d+ ms \(\d+\.\d\d ms per delivery\)/),
      );
      const duration = expect.stringMatching(/^\d+ ms$/);
      expect(tables).toEqual([
        {
          measure: 'move → every subscriber has the event',
          subscribers: 12,
          events: 3,
          p50: duration,
          p95: duration,
          max: duration,
          'events/s to each': '—',
          'deliveries/s': '—',
        },
        {
          measure: 'move → a subscriber has the event',
          subscribers: 12,
          events: 3,
          p50: duration,
          p95: duration,
          max: duration,
          'events/s to each': '—',
          'deliveries/s': '—',
        },
        {
          measure: expect.stringMatching(/^burst of moves \(\d+\/s committed\) → the last subscriber has the last$/),
          subscribers: 5,
          events: 8,
          p50: '—',
          p95: '—',
          max: duration,
          'events/s to each': Math.round(result.eventsPerSecond),
          'deliveries/s': Math.round(result.eventsPerSecond * 5),
        },
      ]);
      const markdown = lines.filter((line) => line.startsWith('| '));
      expect(markdown[0]).toBe(
        '| measure | subscribers | events | p50 | p95 | max | events/s to each | deliveries/s |',
      );
      expect(markdown).toHaveLength(2 + 3);

      // A subscriber that missed an event, or got another one, makes it refuse the figures.
      const streamOf = (...results: Subscriber['results']): Subscriber => ({
        results,
        take: async () => results,
        ended: Promise.resolve(undefined),
        isEnded: () => false,
        close: () => {},
      });
      const moved = (cursor: number) => ({
        data: { workspaceEvents: { __typename: 'TaskMoved', cursor: String(cursor) } },
      });
      expect(() => checkDelivered([streamOf(moved(5), moved(6))], 4, 6)).not.toThrow();
      for (const wrong of [
        streamOf(moved(5), moved(7)),
        streamOf(moved(5)),
        streamOf(moved(5), { data: { workspaceEvents: { __typename: 'ResyncRequired', cursor: '6' } } }),
      ]) {
        expect(() => checkDelivered([streamOf(moved(5), moved(6)), wrong], 4, 6)).toThrow(
          /^1 subscriber\(s\) did not receive every event of the log \(5 to 6\) in order/,
        );
      }
    },
  );

  test('PT-7.6 --scale seeds tenants the size of the demo beside it, keeps those that exist and leaves the demo as it was', {
    timeout: BENCH_TIMEOUT,
  }, async ({ api, settings, onTestFinished }) => {
    const yello = await demoServed(api, settings, onTestFinished);
    const workload = await yello.signIn('');
    const demoAnswers = () =>
      Promise.all(
        workload.scenarios
          .filter((scenario) => scenario.id === 'board' || scenario.id === 'list')
          .map((scenario) =>
            fetch(yello.endpoint, { method: 'POST', headers: workload.headers, body: scenario.body('') }).then(
              // The data, without the answer's cost accounting (its remaining budget moves with every request).
              async (response) => JSON.stringify((await response.json()).data),
            ),
          ),
      );
    const before = await demoAnswers();
    const deps = {
      db: api.db.prisma,
      clock: api.clock,
      hasher: (await testAppDeps(api.db, api.clock, settings)).hasher,
    };
    const tenants = () =>
      api.db.prisma.workspace.findMany({
        where: { slug: { startsWith: SCALE_SLUG_PREFIX } },
        orderBy: { slug: 'asc' },
        select: {
          slug: true,
          name: true,
          _count: { select: { memberships: true, labels: true, projects: true } },
          projects: { select: { _count: { select: { tasks: true } } } },
        },
      });
    const perTenant = TINY_PROJECTS.reduce((sum, project) => sum + project.tasks, 0);
    // None from another test of this file (the comparison's --scale 1).
    await api.db.prisma.workspace.deleteMany({ where: { slug: { startsWith: SCALE_SLUG_PREFIX } } });

    const output = captureOutput();
    expect(await seedScaleTenants(deps, { tenants: 2, projects: TINY_PROJECTS }, output)).toEqual({
      added: 2,
      tasks: 2 * perTenant,
    });
    const seeded = await tenants();
    expect(seeded.map(({ slug, name }) => ({ slug, name }))).toEqual([
      { slug: scaleSlug(1), name: 'Scale tenant 1' },
      { slug: scaleSlug(2), name: 'Scale tenant 2' },
    ]);
    for (const tenant of seeded) {
      expect(tenant._count).toEqual({ memberships: TEAMMATES.length + 1, labels: 8, projects: TINY_PROJECTS.length });
      expect(tenant.projects.reduce((sum, project) => sum + project._count.tasks, 0)).toBe(perTenant);
    }
    expect(output.progressText()).toMatch(new RegExp(`Scaling .* ${2 * perTenant}/${2 * perTenant} tasks`));

    // Again with one more: the two are kept; a tenant an interrupted run left provisional is seeded again.
    await api.db.prisma.workspace.update({ where: { slug: scaleSlug(2) }, data: { name: 'Scale tenant 2 (seeding)' } });
    expect(await seedScaleTenants(deps, { tenants: 3, projects: TINY_PROJECTS }, captureOutput())).toEqual({
      added: 2,
      tasks: 2 * perTenant,
    });
    expect((await tenants()).map(({ slug, name }) => ({ slug, name }))).toEqual([
      { slug: scaleSlug(1), name: 'Scale tenant 1' },
      { slug: scaleSlug(2), name: 'Scale tenant 2' },
      { slug: scaleSlug(3), name: 'Scale tenant 3' },
    ]);
    expect(await seedScaleTenants(deps, { tenants: 3, projects: TINY_PROJECTS }, captureOutput())).toEqual({
      added: 0,
      tasks: 0,
    });
    // The demo tenant answers exactly as before.
    expect(await demoAnswers()).toEqual(before);
  });
});
