// How the check is wired into the test runs and CI.
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseReport } from './reports.ts';

const root = fileURLToPath(new URL('../../..', import.meta.url));

describe('reports and CI', () => {
  it('TRACE-2.1 the browser journeys write a report the check reads, with suites in the full name', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'browser-report-'));
    try {
      const journeys = join(dir, 'journeys.ts');
      await writeFile(
        journeys,
        [
          "import { describe, test } from 'node:test';",
          "describe('profile', () => { test('AUTH-15.1 shows the name', () => {}); });",
          "test('AUTH-15.4 logs out', { skip: true }, () => {});",
          "test('AUTH-15.3 lists sessions', () => { throw new Error('no'); });",
        ].join('\n'),
      );
      const reporter = join(root, 'web', 'e2e', 'json-reporter.ts');
      try {
        execFileSync(
          process.execPath,
          [`--test-reporter=${reporter}`, '--test-reporter-destination=stderr', journeys],
          {
            env: { ...process.env, YELLO_TEST_REPORT_DIR: dir },
            stdio: 'pipe',
          },
        );
      } catch {
        // The failing journey makes the run exit 1; the report is what this test reads.
      }
      const report = parseReport('browser', await readFile(join(dir, 'browser.json'), 'utf8'));
      expect(report.tests.map((test) => [test.fullName, test.status])).toEqual([
        ['profile AUTH-15.1 shows the name', 'passed'],
        ['AUTH-15.4 logs out', 'skipped'],
        ['AUTH-15.3 lists sessions', 'failed'],
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('TRACE-4.1 .ci/run runs the spec check after every test run, and stops on a failure', async () => {
    const script = await readFile(join(root, '.ci', 'run'), 'utf8');
    expect(script).toMatch(/^set -euo pipefail$/m);
    const at = (command: string) => script.search(new RegExp(`^${command}$`, 'm'));
    const check = at('npm run spec:check');
    expect(check).toBeGreaterThan(-1);
    for (const run of ['npm test', 'npm run test:pg', 'npm run test:browser']) {
      expect(at(run), run).toBeGreaterThan(-1);
      expect(at(run), run).toBeLessThan(check);
    }
  });
});
