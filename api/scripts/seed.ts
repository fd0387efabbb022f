// npm run seed [-- --reset]: fills a demo workspace (slug `demo`) with teammates, labels, five
// projects and 4,500 tasks with comments and history, in the database the server uses (DATABASE_URL,
// or the embedded PGlite in YELLO_DATA_DIR). The seeding itself is in demo-seeding.ts; this script
// reads the configuration, opens the database and reports to the terminal. Stop the server first when
// it uses embedded PGlite.
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { loadConfigOrExit } from '../src/config.ts';
import { openDatabase, startPostgres } from '../src/db/database.ts';
import { createPasswordHasher } from '../src/modules/accounts/password-hasher.ts';
import { passwordProblem } from '../src/modules/accounts/password-policy.ts';
import { systemClock } from '../src/shared/clock.ts';
import { seedDemoWorkspace } from './demo-seeding.ts';
import { DEMO_EMAIL, DEMO_NAME, DEMO_PASSWORD_VARIABLE } from './demo-workspace.ts';

const { values: options } = parseArgs({ options: { reset: { type: 'boolean', default: false } } });
const config = loadConfigOrExit(process.env);

function demoPassword(): string {
  const chosen = process.env[DEMO_PASSWORD_VARIABLE];
  if (!chosen) return randomBytes(18).toString('base64url');
  const problem = passwordProblem(chosen, [DEMO_EMAIL, DEMO_NAME]);
  if (problem) {
    console.error(`${DEMO_PASSWORD_VARIABLE}: ${problem}`);
    process.exit(1);
  }
  return chosen;
}

function signInUrl(): string {
  const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
  return `http://${host.includes(':') ? `[${host}]` : host}:${config.port}`;
}

const password = demoPassword();
const database = await openDatabase(await startPostgres({ url: config.databaseUrl, dataDir: config.pgliteDir }));
try {
  await seedDemoWorkspace(
    { db: database.prisma, clock: systemClock, hasher: await createPasswordHasher() },
    {
      password,
      reset: options.reset,
      signInUrl: signInUrl(),
      databaseName: config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `embedded PGlite in ${config.dataDir}`,
    },
    { log: (line) => console.log(line), progress: process.stderr },
  );
} finally {
  await database.close();
}
