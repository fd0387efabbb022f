// The demo workspace of `npm run seed`, seeded on a small scale into a test database by the seed's own code, with
// its report and progress bar captured.
import { Writable } from 'node:stream';
import { type SeedOptions, type SeedOutcome, type SeedOutput, seedDemoWorkspace } from '../scripts/demo-seeding.ts';
import { DEMO_PROJECTS } from '../scripts/demo-workspace.ts';
import { createPasswordHasher } from '../src/modules/accounts/password-hasher.ts';
import type { TestApi, TestSettings } from './test-api.ts';

/** The demo's projects (same keys: the benchmark needs them) with a few dozen tasks each instead of hundreds. */
export const SMALL_DEMO_PROJECTS = DEMO_PROJECTS.map((project, index) => ({
  ...project,
  tasks: index === 0 ? 40 : 30,
}));

export const DEMO_TEST_PASSWORD = 'harbour-violet-quiet-58';

export interface CapturedOutput extends SeedOutput {
  /** The report's lines. */
  lines: string[];
  /** Everything the progress bar drew. */
  progressText(): string;
}

export function captureOutput(): CapturedOutput {
  const lines: string[] = [];
  const drawn: string[] = [];
  return {
    lines,
    log: (line) => {
      lines.push(line);
    },
    progress: new Writable({
      write(chunk: unknown, _encoding, done) {
        drawn.push(String(chunk));
        done();
      },
    }),
    progressText: () => drawn.join(''),
  };
}

/** Seeds the small demo into the test app's database; returns what the seed reported. */
export async function seedSmallDemo(
  api: TestApi,
  settings: TestSettings,
  options: Partial<SeedOptions> = {},
): Promise<{ outcome: SeedOutcome; output: CapturedOutput }> {
  const output = captureOutput();
  const outcome = await seedDemoWorkspace(
    { db: api.db.prisma, clock: api.clock, hasher: await createPasswordHasher(settings.bcryptCost) },
    {
      password: DEMO_TEST_PASSWORD,
      projects: SMALL_DEMO_PROJECTS,
      signInUrl: 'http://127.0.0.1:3000',
      databaseName: 'the test database',
      ...options,
    },
    output,
  );
  return { outcome, output };
}
