// npm run bench [-- options]: Yello against a plain node:http + pg baseline on one database (bench-comparison.ts),
// or, with --url, a load test of a server that is already running (benchmark.ts), or, with --fanout, the fan-out of
// live events from one instance to its subscribers (bench-fanout.ts). `--help` lists the options.
import { parseArgs } from 'node:util';
import { loadConfigOrExit } from '../src/config.ts';
import { failedRequests, runComparison } from './bench-comparison.ts';
import { runFanout } from './bench-fanout.ts';
import { BenchError, failedScenarios, isScenarioId, runBenchmark, SCENARIO_IDS } from './benchmark.ts';
import { DEMO_EMAIL, DEMO_PASSWORD_VARIABLE } from './demo-workspace.ts';

const HELP = `npm run bench [-- options]

Compares Yello with a plain baseline (api/scripts/baseline-server.ts: node:http and pg with hand-written SQL) on the
demo workspace: the board, the filtered task list and moveTask (createTask: Yello alone). It seeds the demo when it
is missing, starts Yello and the baseline as child processes, refuses to measure unless both answer byte for byte
alike (and write the same for a move), then alternates runs (Yello, baseline, Yello, baseline…) and prints per
scenario the requests per second of each, their ratio, and the CPU ms per request of each server process and of
the PostgreSQL backends serving the database (from /proc). On the embedded PGlite the baseline cannot attach:
Yello is measured alone.

  --database-url URL   PostgreSQL to run on (default: DATABASE_URL); without one, the embedded PGlite in
                       --data-dir (Yello alone). Use a database of its own: the bench writes to it.
  --data-dir DIR       the embedded PGlite's YELLO_DATA_DIR (default: YELLO_DATA_DIR or ./data)
  --password PASSWORD  the demo user's password (default: ${DEMO_PASSWORD_VARIABLE}); needed when the demo exists,
                       chosen at random and printed when the bench seeds it
  --reset              seed the demo workspace again
  --scale N            first seed N more tenants, each a workspace the demo's size (100: 100 times the demo's
                       data), to show that the demo's numbers do not move (default 0; existing ones are kept)
  --connections N      concurrent connections (default 10)
  --duration S         seconds per measured run (default 10)
  --warmup S           seconds of unmeasured load per server and scenario first (default 2)
  --rounds N           measured runs per server and scenario (default 2)
  --only ID            a scenario to run, repeatable: ${SCENARIO_IDS.join(', ')} (default: all)
  --search WORDS       what the task list searches for (default: login)
  --url URL            instead: load-test Yello already running at URL (seeded with npm run seed), alone
  --email EMAIL        with --url: who signs in (default: ${DEMO_EMAIL})
  --fanout             instead: live events from one Yello instance (on --database-url or the embedded PGlite) to
                       subscribers of the demo workspace over Server-Sent Events: the time from a move until every
                       subscriber has its event, and the events per second a burst of moves reaches each subscriber
  --subscribers N      with --fanout: subscribers of the latency measure (default 500)
  --events N           with --fanout: moves of the latency measure, one at a time (default 10)
  --burst-subscribers N  with --fanout: subscribers of the throughput measure (default 100)
  --burst N            with --fanout: moves of the throughput measure, sent at once by --connections writers
                       (default 200; above 256 a subscriber that falls behind is ended with ResyncRequired)
  --help               this text`;

const { values: options } = parseArgs({
  options: {
    'database-url': { type: 'string' },
    'data-dir': { type: 'string' },
    password: { type: 'string' },
    reset: { type: 'boolean', default: false },
    scale: { type: 'string', default: '0' },
    connections: { type: 'string', default: '10' },
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '2' },
    rounds: { type: 'string', default: '2' },
    only: { type: 'string', multiple: true },
    search: { type: 'string', default: 'login' },
    url: { type: 'string' },
    email: { type: 'string', default: DEMO_EMAIL },
    fanout: { type: 'boolean', default: false },
    subscribers: { type: 'string', default: '500' },
    events: { type: 'string', default: '10' },
    'burst-subscribers': { type: 'string', default: '100' },
    burst: { type: 'string', default: '200' },
    help: { type: 'boolean', default: false },
  },
});

if (options.help) {
  console.log(HELP);
  process.exit(0);
}

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const count = (name: string, value: string, least: number): number => {
  const parsed = Number(value);
  if (!(Number.isInteger(parsed) && parsed >= least)) fail(`--${name} must be a whole number of at least ${least}.`);
  return parsed;
};
const seconds = (name: string, value: string, least: number): number => {
  const parsed = Number(value);
  if (!(Number.isFinite(parsed) && parsed >= least))
    fail(`--${name} must be a number of seconds of at least ${least}.`);
  return parsed;
};

const connections = count('connections', options.connections, 1);
const duration = seconds('duration', options.duration, 0.1);
const only = options.only?.filter(isScenarioId);
if (options.only && (only?.length ?? 0) !== options.only.length) fail(`--only takes: ${SCENARIO_IDS.join(', ')}.`);
const password = options.password ?? process.env[DEMO_PASSWORD_VARIABLE];

try {
  if (options.url) {
    if (!password)
      fail(`Give the demo user's password (printed by npm run seed): --password or ${DEMO_PASSWORD_VARIABLE}.`);
    const output = {
      log: (line: string) => console.log(line),
      table: (rows: Record<string, string | number>[]) => console.table(rows),
    };
    const measured = await runBenchmark(
      { url: options.url, email: options.email, password, duration, connections, search: options.search, only },
      output,
    );
    const failed = failedScenarios(measured);
    if (failed.length > 0) fail(`\nSome requests failed in: ${failed.map((m) => m.name).join(', ')}.`);
  } else {
    // The same defaults as the server: DATABASE_URL, YELLO_DATA_DIR (relative to where npm was run).
    const config = loadConfigOrExit({
      ...process.env,
      DATABASE_URL: options['database-url'] ?? process.env.DATABASE_URL,
      YELLO_DATA_DIR: options['data-dir'] ?? process.env.YELLO_DATA_DIR,
    });
    const output = {
      log: (line: string) => console.log(line),
      table: (rows: Record<string, string | number>[]) => console.table(rows),
      progress: process.stderr,
    };
    /** What both kinds of bench start from: the database, the demo's password, its seeding and the load. */
    const setup = {
      databaseUrl: config.databaseUrl,
      dataDir: config.dataDir,
      password,
      reset: options.reset,
      scale: count('scale', options.scale, 0),
      connections,
    };
    if (options.fanout) {
      await runFanout(
        {
          ...setup,
          subscribers: count('subscribers', options.subscribers, 1),
          events: count('events', options.events, 1),
          burstSubscribers: count('burst-subscribers', options['burst-subscribers'], 1),
          burst: count('burst', options.burst, 1),
        },
        output,
      );
    } else {
      const compared = await runComparison(
        {
          ...setup,
          duration,
          warmup: seconds('warmup', options.warmup, 0),
          rounds: count('rounds', options.rounds, 1),
          search: options.search,
          only,
        },
        output,
      );
      const failed = failedRequests(compared);
      if (failed > 0) fail(`\n${failed} request(s) failed: the numbers above measure errors too.`);
    }
  }
} catch (error: unknown) {
  if (!(error instanceof BenchError)) throw error;
  fail(error.message);
}
