// npm run bench [-- --url http://127.0.0.1:3000 --password … --duration 10 --connections 10 --only board …]:
// load-tests a running server seeded with `npm run seed` (see benchmark.ts for what it measures) and prints
// requests per second and latency percentiles per scenario, and a Markdown table for the README.
import { parseArgs } from 'node:util';
import { BenchError, failedScenarios, isScenarioId, runBenchmark, SCENARIO_IDS } from './benchmark.ts';
import { DEMO_EMAIL, DEMO_PASSWORD_VARIABLE } from './demo-workspace.ts';

const { values: options } = parseArgs({
  options: {
    url: { type: 'string', default: 'http://127.0.0.1:3000' },
    email: { type: 'string', default: DEMO_EMAIL },
    password: { type: 'string' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '10' },
    search: { type: 'string', default: 'login' },
    /** Scenario ids to run (board, list, create, move); all when absent. */
    only: { type: 'string', multiple: true },
  },
});

const duration = Number(options.duration);
const connections = Number(options.connections);
const password = options.password ?? process.env[DEMO_PASSWORD_VARIABLE];
if (!password) {
  console.error(`Give the demo user's password (printed by npm run seed): --password or ${DEMO_PASSWORD_VARIABLE}.`);
  process.exit(1);
}
if (!(duration > 0 && Number.isInteger(connections) && connections > 0)) {
  console.error('--duration must be a positive number of seconds and --connections a positive integer.');
  process.exit(1);
}
const only = options.only?.filter(isScenarioId);
if (options.only && (only?.length ?? 0) === 0) {
  console.error(`--only takes one or more of: ${SCENARIO_IDS.join(', ')}.`);
  process.exit(1);
}

try {
  const measured = await runBenchmark(
    { url: options.url, email: options.email, password, duration, connections, search: options.search, only },
    { log: (line) => console.log(line), table: (rows) => console.table(rows) },
  );
  const failed = failedScenarios(measured);
  if (failed.length > 0) {
    console.error(`\nSome requests failed in: ${failed.map((m) => m.name).join(', ')}.`);
    process.exitCode = 1;
  }
} catch (error: unknown) {
  if (!(error instanceof BenchError)) throw error;
  console.error(error.message);
  process.exit(1);
}
