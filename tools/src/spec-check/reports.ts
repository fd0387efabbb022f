// Test reports: vitest's JSON reporter (api, web, tools) and the browser journeys' reporter, which
// writes the same shape. A test's full name (its describe blocks and its title) is what cites criteria.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';

export type TestStatus = 'passed' | 'failed' | 'skipped';

export interface TestCase {
  /** The report it came from (`api-pglite`, `browser`, …). */
  readonly report: string;
  readonly file: string;
  readonly fullName: string;
  readonly title: string;
  readonly status: TestStatus;
}

export interface TestReport {
  readonly name: string;
  readonly tests: readonly TestCase[];
}

const reportSchema = z.object({
  testResults: z.array(
    z.object({
      name: z.string(),
      assertionResults: z.array(
        z.object({
          fullName: z.string(),
          title: z.string(),
          status: z.string(),
        }),
      ),
    }),
  ),
});

/** The reports every full run produces; each names the command that writes it. */
export const EXPECTED_REPORTS: ReadonlyMap<string, string> = new Map([
  ['api-pglite', 'npm test'],
  ['web', 'npm test'],
  ['tools', 'npm test'],
  ['api-postgres', 'npm run test:pg'],
  ['browser', 'npm run test:browser'],
]);

export function parseReport(name: string, json: string, root = ''): TestReport {
  const report = reportSchema.parse(JSON.parse(json));
  const tests = report.testResults.flatMap((file) =>
    file.assertionResults.map(
      (test): TestCase => ({
        report: name,
        file: root && file.name.startsWith(root) ? file.name.slice(root.length + 1) : file.name,
        fullName: test.fullName,
        title: test.title,
        status: test.status === 'passed' ? 'passed' : test.status === 'failed' ? 'failed' : 'skipped',
      }),
    ),
  );
  return { name, tests };
}

/** Reads every `*.json` report of a folder (none when the folder does not exist). */
export async function readReports(dir: string, root: string): Promise<TestReport[]> {
  const names = await readdir(dir).catch((error: unknown) => {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return [];
    throw error;
  });
  const reports: TestReport[] = [];
  for (const name of names.filter((file) => file.endsWith('.json')).sort()) {
    reports.push(parseReport(name.replace(/\.json$/, ''), await readFile(join(dir, name), 'utf8'), root));
  }
  return reports;
}
