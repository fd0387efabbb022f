// `npm run bench` (projects-and-tasks 7.3–7.6): Yello against the plain baseline (baseline-server.ts) on one
// database. Seeds the demo workspace when it is missing (and `--scale` tenants), starts Yello's real entry point and,
// on PostgreSQL, the baseline as child processes, checks that both give byte-identical answers and the same writes,
// then measures each scenario in alternating runs (Yello, baseline, Yello, baseline…) and prints per scenario the
// requests per second of each, their ratio, and the CPU milliseconds per request of each server process and of the
// PostgreSQL backends serving the database. On the embedded PGlite the baseline cannot attach: Yello alone.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { z } from 'zod';
import { loadConfig } from '../src/config.ts';
import { openDatabase, startPostgres } from '../src/db/database.ts';
import { createPasswordHasher } from '../src/modules/accounts/password-hasher.ts';
import { systemClock } from '../src/shared/clock.ts';
import { freePort, SERVER_ENTRY, type ServerProcess, startServer, waitForHealth } from '../test/server-process.ts';
import { MOVE_TASK, operation } from './bench-documents.ts';
import {
  BenchError,
  type BenchOutput,
  failures,
  type Loaded,
  load,
  ms,
  prepareWorkload,
  printMarkdown,
  type ScenarioId,
  sendFirst,
  type Workload,
} from './benchmark.ts';
import { seedDemoWorkspace } from './demo-seeding.ts';
import { DEMO_EMAIL, DEMO_PASSWORD_VARIABLE, DEMO_WORKSPACE, type DemoProject } from './demo-workspace.ts';
import {
  type BackendCpu,
  backendCpuBetween,
  postgresBackendCpu,
  postgresIsLocal,
  processCpuMs,
} from './process-cpu.ts';
import { seedScaleTenants } from './scale-seeding.ts';

const BASELINE_ENTRY = new URL('./baseline-server.ts', import.meta.url).pathname;
/** Sign in again before a run once the token is this old (it lasts 15 minutes). */
const TOKEN_REFRESH_MS = 10 * 60_000;

export interface ComparisonOptions {
  /** postgres://… to compare on; the embedded PGlite in `dataDir` (Yello alone) when absent. */
  databaseUrl?: string | undefined;
  /** YELLO_DATA_DIR for the embedded PGlite (an absolute path). */
  dataDir: string;
  /** The demo user's password: needed when the demo exists; when the bench seeds it, a random one if absent. */
  password?: string | undefined;
  /** Seed the demo workspace again. */
  reset?: boolean | undefined;
  /** Scale tenants there should be beside the demo (each the demo's size). */
  scale: number;
  connections: number;
  /** Seconds per measured run. */
  duration: number;
  /** Seconds of unmeasured load per server and scenario before the runs (JIT, caches, pools). */
  warmup: number;
  /** Measured runs per server and scenario. */
  rounds: number;
  search: string;
  only?: readonly ScenarioId[] | undefined;
  /** The demo's projects when the bench seeds it, and each scale tenant's (tests: small ones). */
  demoProjects?: readonly DemoProject[] | undefined;
  /** bcrypt cost of the passwords the bench seeds (tests: a low one). */
  bcryptCost?: number | undefined;
}

export interface ComparisonOutput extends BenchOutput {
  /** Where the seeding progress bars go. */
  progress: NodeJS.WritableStream;
}

/** What one server did over the measured runs of a scenario. */
export interface Totals {
  runs: number;
  requests: number;
  seconds: number;
  /** CPU ms of the server process; undefined where /proc cannot tell. */
  cpuMs: number | undefined;
  /** CPU ms of the PostgreSQL backends serving the database; undefined where they cannot be read. */
  postgresCpuMs: number | undefined;
  /** The highest p99 latency of the runs, in ms. */
  worstP99: number;
  failed: number;
}

export interface Compared {
  id: ScenarioId;
  name: string;
  yello: Totals;
  /** Undefined where the baseline does not run (PGlite, createTask). */
  baseline: Totals | undefined;
}

export interface Contender {
  name: 'Yello' | 'baseline';
  endpoint: string;
  process: ServerProcess;
}

/** A URL with its password hidden, for printing. */
function shown(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}

/** What preparing the database needs (the fan-out's options have it too). */
export type DataOptions = Pick<
  ComparisonOptions,
  'databaseUrl' | 'dataDir' | 'password' | 'reset' | 'scale' | 'demoProjects' | 'bcryptCost'
>;

/** The database ready to measure: the demo (seeded when missing), the scale tenants; what it holds. */
export async function prepareData(options: DataOptions, output: ComparisonOutput) {
  const config = loadConfig({ YELLO_DATA_DIR: options.dataDir, DATABASE_URL: options.databaseUrl });
  const databaseName = config.databaseUrl ? shown(config.databaseUrl) : `embedded PGlite in ${config.dataDir}`;
  const database = await openDatabase(await startPostgres({ url: config.databaseUrl, dataDir: config.pgliteDir }));
  try {
    const db = database.prisma;
    const deps = { db, clock: systemClock, hasher: await createPasswordHasher(options.bcryptCost) };
    const demo = await db.workspace.findUnique({ where: { slug: DEMO_WORKSPACE.slug }, select: { id: true } });
    let password = options.password;
    if (!demo || options.reset) {
      password ??= randomBytes(18).toString('base64url');
      // The seed's report, but for its line on benchmarking a running server: the bench says how to run it again.
      const report = {
        ...output,
        log: (line: string) => {
          if (!line.startsWith('Benchmark: ')) output.log(line);
        },
      };
      const signInUrl = 'a Yello server on this database';
      await seedDemoWorkspace(
        deps,
        { password, reset: options.reset, projects: options.demoProjects, signInUrl, databaseName },
        report,
      );
      output.log(`Next time on this database, give the bench --password '${password}' (or ${DEMO_PASSWORD_VARIABLE}).`);
    } else if (!password) {
      throw new BenchError(
        `The demo workspace exists in ${databaseName}: give its password (--password or ${DEMO_PASSWORD_VARIABLE}), or --reset to seed it again.`,
      );
    }
    if (options.scale > 0) {
      await seedScaleTenants(deps, { tenants: options.scale, projects: options.demoProjects }, output);
    }
    // The planner's statistics, as autovacuum would keep them (a server may run without it): bulk-seeded tables
    // never analyzed get plans for tiny tables, which both contenders would pay for.
    await db.$executeRaw`ANALYZE`;
    const [workspaces, tasks, demoTasks] = await Promise.all([
      db.workspace.count(),
      db.task.count(),
      db.task.count({ where: { project: { workspace: { slug: DEMO_WORKSPACE.slug } } } }),
    ]);
    return { password, databaseName, workspaces, tasks, demoTasks };
  } finally {
    await database.close();
  }
}

/** Starts a server (Yello's entry point, or the baseline's) on a free port and waits for its health. */
export async function startContender(
  name: Contender['name'],
  entry: string,
  env: Record<string, string | undefined>,
): Promise<Contender> {
  const port = await freePort();
  const child = startServer({ ...env, PORT: String(port), HOST: '127.0.0.1' }, entry);
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(url, child);
  } catch (error) {
    await child.stop();
    throw error;
  }
  return { name, endpoint: `${url}/graphql`, process: child };
}

/** The first place two texts differ; undefined when they are the same. */
export function firstDifference(a: string, b: string): number | undefined {
  if (a === b) return undefined;
  let at = 0;
  while (at < a.length && at < b.length && a[at] === b[at]) at += 1;
  return at;
}

/** The two texts around where they differ, for the bench's refusal. */
export function differenceExcerpt(what: string, yello: string, baseline: string): string {
  const at = firstDifference(yello, baseline) ?? 0;
  const around = (text: string) => JSON.stringify(text.slice(Math.max(0, at - 120), at + 120));
  return [
    `${what}: Yello and the baseline differ at character ${at} (lengths ${yello.length} and ${baseline.length}).`,
    `  Yello:    …${around(yello)}…`,
    `  baseline: …${around(baseline)}…`,
  ].join('\n');
}

/** An answer as compared: its status, then its body as sent. */
/** Yello's accounting of an answer's cost (INT-5.4), which the baseline does not keep: the rest must be identical. */
const COST_EXTENSION = /,"extensions":\{"cost":\{[^{}]*\}\}\}$/;

async function answerOf(endpoint: string, body: string, headers: Record<string, string>): Promise<string> {
  const response = await fetch(endpoint, { method: 'POST', headers, body });
  return `HTTP ${response.status} ${(await response.text()).replace(COST_EXTENSION, '}')}`;
}

/** The status part of an answer from answerOf. */
const statusOf = (answer: string): string => /^HTTP \d+ /.exec(answer)?.[0] ?? '';

/** The database id inside a relay global id. */
const rawId = (globalId: string): string => Buffer.from(globalId, 'base64').toString().split(':')[1] ?? '';

const moveEffects = z.object({
  stateId: z.string(),
  position: z.string(),
  completed: z.boolean(),
  activities: z.number(),
  latest: z.string().nullable(),
});

/** What a move wrote: the task's state, position and completion, and its history's length and latest entry. */
async function effectsOf(db: pg.Client, taskId: string): Promise<z.infer<typeof moveEffects>> {
  const { rows } = await db.query(
    `SELECT t."stateId", t."position", t."completedAt" IS NOT NULL AS "completed",
            (SELECT count(*) FROM "TaskActivity" a WHERE a."taskId" = t."id")::int AS "activities",
            (SELECT json_build_object('kind', a."kind", 'field', a."field", 'from', a."from", 'to', a."to",
                                      'actorId', a."actorId")::text
             FROM "TaskActivity" a WHERE a."taskId" = t."id" ORDER BY a."createdAt" DESC, a."id" DESC LIMIT 1) AS "latest"
     FROM "Task" t WHERE t."id" = $1`,
    [taskId],
  );
  return moveEffects.parse(rows[0]);
}

/**
 * Refuses to measure unless the baseline answers each scenario byte for byte as Yello does: the board and the list
 * once each; a task moved to In Progress and back by Yello, then by the baseline, with the same answers and the
 * same writes (state, position, completion, one activity row with the same from/to).
 */
export async function assertSameAnswers(
  yello: string,
  baseline: string,
  workload: Workload,
  scenarios: readonly ScenarioId[],
  /** Reads what the moves wrote: needed when `move` is among the scenarios. */
  db?: pg.Client,
): Promise<string[]> {
  const differences: string[] = [];
  const checked: string[] = [];
  for (const scenario of workload.scenarios) {
    if (!scenario.baseline || !scenarios.includes(scenario.id) || scenario.id === 'move') continue;
    const body = scenario.body('');
    const [ours, theirs] = [
      await answerOf(yello, body, workload.headers),
      await answerOf(baseline, body, workload.headers),
    ];
    if (ours !== theirs) differences.push(differenceExcerpt(scenario.name, ours, theirs));
    checked.push(`${scenario.id}: ${Buffer.byteLength(ours) - Buffer.byteLength(statusOf(ours))} bytes`);
  }
  if (scenarios.includes('move')) {
    if (!db) throw new Error('Comparing moves needs the database, to compare what they wrote.');
    const task = workload.movable[0] ?? '';
    const to = [workload.states.inProgress, workload.states.todo];
    const movesBy = async (endpoint: string) => {
      const steps: { answer: string; effects: z.infer<typeof moveEffects>; added: number }[] = [];
      for (const stateId of to) {
        const before = await effectsOf(db, rawId(task));
        const answer = await answerOf(
          endpoint,
          operation(MOVE_TASK, { input: { id: task, stateId } }),
          workload.headers,
        );
        const effects = await effectsOf(db, rawId(task));
        steps.push({ answer, effects, added: effects.activities - before.activities });
      }
      return steps;
    };
    const ours = await movesBy(yello);
    const theirs = await movesBy(baseline);
    for (const [index, step] of ours.entries()) {
      const other = theirs[index];
      const what = `moveTask to ${index === 0 ? 'In Progress' : 'Todo'}`;
      if (!other) continue;
      if (step.answer !== other.answer) differences.push(differenceExcerpt(what, step.answer, other.answer));
      const written = (s: typeof step) => JSON.stringify({ ...s.effects, activities: undefined, added: s.added });
      if (written(step) !== written(other)) {
        differences.push(differenceExcerpt(`${what}, what it wrote`, written(step), written(other)));
      }
    }
    checked.push(`move: ${ours.length} moves each, answers and writes`);
  }
  if (differences.length > 0) {
    throw new BenchError(`The baseline does not answer as Yello does; not measuring.\n${differences.join('\n')}`);
  }
  return checked;
}

function emptyTotals(): Totals {
  return { runs: 0, requests: 0, seconds: 0, cpuMs: 0, postgresCpuMs: 0, worstP99: 0, failed: 0 };
}

const sum = (a: number | undefined, b: number | undefined) => (a === undefined || b === undefined ? undefined : a + b);

function added(totals: Totals, loaded: Loaded, cpuMs: number | undefined, postgresCpuMs: number | undefined): Totals {
  return {
    runs: totals.runs + 1,
    requests: totals.requests + loaded.result.requests.total,
    seconds: totals.seconds + loaded.result.duration,
    cpuMs: sum(totals.cpuMs, cpuMs),
    postgresCpuMs: sum(totals.postgresCpuMs, postgresCpuMs),
    worstP99: Math.max(totals.worstP99, loaded.result.latency.p99),
    failed: totals.failed + failures(loaded),
  };
}

const perSecond = (totals: Totals) => (totals.seconds > 0 ? totals.requests / totals.seconds : 0);
const perRequest = (cpu: number | undefined, totals: Totals) =>
  cpu === undefined || totals.requests === 0 ? '—' : (cpu / totals.requests).toFixed(2);

/** A scenario's row: requests per second of each, their ratio, CPU ms per request of each process and PostgreSQL. */
export function comparisonRow({ name, yello, baseline }: Compared, embedded: boolean): Record<string, string | number> {
  const none = '—';
  return {
    scenario: name,
    'Yello req/s': Math.round(perSecond(yello)),
    'baseline req/s': baseline ? Math.round(perSecond(baseline)) : none,
    'Yello ÷ baseline':
      baseline && perSecond(baseline) > 0 ? `${(perSecond(yello) / perSecond(baseline)).toFixed(2)}×` : none,
    'Yello CPU ms/req': perRequest(yello.cpuMs, yello),
    'baseline CPU ms/req': baseline ? perRequest(baseline.cpuMs, baseline) : none,
    'PostgreSQL CPU ms/req (Yello)': embedded ? 'in Yello' : perRequest(yello.postgresCpuMs, yello),
    'PostgreSQL CPU ms/req (baseline)': baseline ? perRequest(baseline.postgresCpuMs, baseline) : none,
    'p99 Yello / baseline': `${ms(yello.worstP99)} / ${baseline ? ms(baseline.worstP99) : none}`,
    'failed Yello / baseline': `${yello.failed} / ${baseline ? baseline.failed : none}`,
  };
}

/** Every failed request of the comparison: connection errors, non-2xx statuses, GraphQL errors. */
export const failedRequests = (compared: readonly Compared[]): number =>
  compared.reduce((total, row) => total + row.yello.failed + (row.baseline?.failed ?? 0), 0);

/**
 * Prepares the data, starts the servers, checks the baseline's answers and measures; prints as it goes and a
 * Markdown table at the end. Throws BenchError when it cannot measure (or the answers differ).
 */
export async function runComparison(options: ComparisonOptions, output: ComparisonOutput): Promise<Compared[]> {
  const data = await prepareData(options, output);
  const { databaseUrl } = options;
  const tokenSecret = randomBytes(36).toString('base64url');
  const contenders: Contender[] = [];
  const monitor = databaseUrl ? new pg.Client({ connectionString: databaseUrl }) : undefined;
  try {
    await monitor?.connect();
    contenders.push(
      await startContender('Yello', SERVER_ENTRY, {
        NODE_ENV: 'production',
        JWT_SECRET: tokenSecret,
        DATABASE_URL: databaseUrl,
        YELLO_DATA_DIR: options.dataDir,
        // Thousands of boards a second spend the demo's hourly budget in seconds: the bench measures the server's
        // throughput, each operation still charged and given back (INT-5.3), against a budget it cannot spend.
        RATE_LIMIT_POINTS_PER_HOUR: String(1_000_000_000),
      }),
    );
    if (databaseUrl) {
      contenders.push(
        await startContender('baseline', BASELINE_ENTRY, {
          BASELINE_DATABASE_URL: databaseUrl,
          JWT_SECRET: tokenSecret,
        }),
      );
    }
    const [yello, baseline] = contenders;
    if (!yello) throw new BenchError('Yello did not start.');

    output.log(
      `${baseline ? 'Yello vs the plain baseline (api/scripts/baseline-server.ts)' : 'Yello alone'} on ${data.databaseName}: ${data.workspaces} workspaces, ${data.tasks} tasks (the demo: ${data.demoTasks}; ${options.scale} scale tenants), planner statistics just analyzed.`,
    );
    output.log(
      `${options.connections} connections; per scenario and server ${options.warmup} s of warm-up, then ${options.rounds} run(s) of ${options.duration} s${baseline ? ', alternating Yello and baseline' : ''}.`,
    );
    if (!monitor) {
      output.log(
        'On the embedded PGlite the baseline cannot attach (PGlite serves Yello’s process alone, through a private socket): Yello is measured alone, and the database’s CPU is inside Yello’s process. Give --database-url to compare.',
      );
    }

    const workload = await prepareWorkload(yello.endpoint, {
      email: DEMO_EMAIL,
      password: data.password,
      connections: options.connections,
      search: options.search,
    });
    let signedInAt = Date.now();
    const selected = workload.scenarios.filter((scenario) => !options.only || options.only.includes(scenario.id));

    const measuredPostgres = monitor !== undefined && (await postgresIsLocal(monitor));
    const postgresCpu = async (): Promise<BackendCpu | undefined> =>
      monitor && measuredPostgres ? await postgresBackendCpu(monitor) : undefined;
    output.log(
      `CPU: each server process's user + system time (/proc/<pid>/stat)${
        measuredPostgres
          ? '; PostgreSQL: the backends connected to this database (pids from pg_stat_activity, times from /proc), its background writers aside.'
          : monitor
            ? '; PostgreSQL: not measured (it does not run on this machine).'
            : '.'
      }`,
    );
    if (baseline && monitor) {
      const checked = await assertSameAnswers(
        yello.endpoint,
        baseline.endpoint,
        workload,
        selected.map((scenario) => scenario.id),
        monitor,
      );
      output.log(`Same answers, byte for byte: ${checked.join('; ')}.`);
    }

    const compared: Compared[] = [];
    for (const scenario of selected) {
      const targets = contenders.filter((contender) => contender.name === 'Yello' || scenario.baseline);
      output.log(
        `\n${scenario.name}${targets.length === 1 && baseline ? ' (Yello only: the baseline does not create tasks)' : ''}`,
      );
      for (const target of targets) await sendFirst(target.endpoint, workload, scenario);
      if (options.warmup > 0) {
        for (const target of targets) {
          await load(target.endpoint, workload, scenario, {
            connections: options.connections,
            duration: options.warmup,
          });
        }
      }
      const totals = new Map<Contender['name'], Totals>(targets.map((target) => [target.name, emptyTotals()]));
      for (let round = 1; round <= options.rounds; round += 1) {
        for (const target of targets) {
          if (Date.now() - signedInAt > TOKEN_REFRESH_MS) {
            await workload.signIn();
            signedInAt = Date.now();
          }
          const pid = target.process.child.pid;
          const before = { cpu: pid === undefined ? undefined : processCpuMs(pid), postgres: await postgresCpu() };
          const loaded = await load(target.endpoint, workload, scenario, {
            connections: options.connections,
            duration: options.duration,
          });
          const after = { cpu: pid === undefined ? undefined : processCpuMs(pid), postgres: await postgresCpu() };
          const cpu = before.cpu === undefined || after.cpu === undefined ? undefined : after.cpu - before.cpu;
          const postgres =
            before.postgres && after.postgres ? backendCpuBetween(before.postgres, after.postgres) : undefined;
          const run = added(emptyTotals(), loaded, cpu, postgres);
          totals.set(target.name, added(totals.get(target.name) ?? emptyTotals(), loaded, cpu, postgres));
          output.log(
            `  ${target.name.padEnd(8)} run ${round}: ${Math.round(perSecond(run))} req/s, CPU ${perRequest(run.cpuMs, run)} ms/req, PostgreSQL ${monitor ? `${perRequest(run.postgresCpuMs, run)} ms/req` : 'in Yello’s process'}, p99 ${ms(run.worstP99)}, ${run.failed} failed`,
          );
        }
      }
      const row: Compared = {
        id: scenario.id,
        name: scenario.name,
        yello: totals.get('Yello') ?? emptyTotals(),
        baseline: totals.get('baseline'),
      };
      compared.push(row);
      output.table([comparisonRow(row, monitor === undefined)]);
    }
    printMarkdown(
      output,
      compared.map((row) => comparisonRow(row, monitor === undefined)),
    );
    return compared;
  } finally {
    for (const contender of contenders.reverse()) await contender.process.stop();
    await monitor?.end();
  }
}
