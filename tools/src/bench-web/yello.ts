// The Yello that `npm run bench:web` measures (WEB-8.1): the web app built for production, and the real entry point
// (api/src/main.ts) on a fresh embedded PGlite in a temporary folder, seeded first with the demo's board project by
// the seed's own code (`npm run seed`), the way the server process of the API's tests starts it.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { seedDemoWorkspace } from '../../../api/scripts/demo-seeding.ts';
import { BOARD_PROJECT_KEY, DEMO_EMAIL, DEMO_PROJECTS, DEMO_WORKSPACE } from '../../../api/scripts/demo-workspace.ts';
import { loadConfig } from '../../../api/src/config.ts';
import { openDatabase, startPostgres } from '../../../api/src/db/database.ts';
import { createPasswordHasher } from '../../../api/src/modules/accounts/password-hasher.ts';
import { systemClock } from '../../../api/src/shared/clock.ts';
import { startYello } from '../../../api/test/server-process.ts';

const root = fileURLToPath(new URL('../../..', import.meta.url));

/** Runs `npm run build -w web`, its output on stderr (stdout may carry the JSON report). */
export async function buildWebApp(): Promise<void> {
  // Both of the build's outputs go to our stderr (file descriptor 2), so that stdout keeps only what the bench prints.
  const build = spawn('npm', ['run', 'build', '-w', 'web'], { cwd: root, stdio: ['ignore', 2, 2] });
  const [code] = await once(build, 'exit');
  if (code !== 0) throw new Error(`npm run build -w web exited with ${String(code)}.`);
}

export interface SeededYello {
  /** Where it answers, e.g. http://127.0.0.1:41234. */
  readonly url: string;
  /** The demo user, who owns the demo workspace. */
  readonly email: string;
  readonly password: string;
  /** The paths of the measured pages. */
  readonly paths: { readonly board: string; readonly list: string; readonly signin: string };
}

/**
 * Seeds the demo's board project (YEL: 500 tasks in 5 states) into a fresh data folder, then starts Yello there in
 * production mode; `onFinished` is given the clean-up (stop the server, remove the folder).
 */
export async function startSeededYello(
  log: (line: string) => void,
  onFinished: (cleanUp: () => Promise<void>) => void,
): Promise<SeededYello> {
  const dataDir = await mkdtemp(join(tmpdir(), 'yello-bench-web-'));
  let stopServer: () => Promise<void> = async () => {};
  onFinished(async () => {
    await stopServer();
    await rm(dataDir, { recursive: true, force: true });
  });
  const config = loadConfig({ YELLO_DATA_DIR: dataDir });
  const project = DEMO_PROJECTS.find((candidate) => candidate.key === BOARD_PROJECT_KEY);
  if (!project) throw new Error(`The demo has no project ${BOARD_PROJECT_KEY}.`);
  const password = randomBytes(18).toString('base64url');
  const database = await openDatabase(await startPostgres({ dataDir: config.pgliteDir }));
  try {
    const outcome = await seedDemoWorkspace(
      { db: database.prisma, clock: systemClock, hasher: await createPasswordHasher() },
      { password, projects: [project], signInUrl: 'the bench’s server', databaseName: `PGlite in ${dataDir}` },
      // The seed's report says how to sign in later; the bench signs in itself, so only its first line is kept.
      { log: (line) => (line.startsWith('Seeded') ? log(line) : undefined), progress: process.stderr },
    );
    if (!outcome.seeded) throw new Error(`The fresh data folder ${dataDir} already had a demo workspace.`);
  } finally {
    await database.close();
  }
  const { url } = await startYello(
    {
      YELLO_DATA_DIR: dataDir,
      DATABASE_URL: undefined,
      // The bench loads the board dozens of times within the hour: measure the app, not the API's budget (INT-5.3).
      RATE_LIMIT_POINTS_PER_HOUR: String(1_000_000_000),
    },
    (cleanUp) => {
      stopServer = cleanUp;
    },
  );
  const board = `/${DEMO_WORKSPACE.slug}/projects/${project.key}`;
  return { url, email: DEMO_EMAIL, password, paths: { board, list: `${board}/list`, signin: '/login' } };
}
