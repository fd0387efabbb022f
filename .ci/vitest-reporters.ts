// Vitest reporters for api/, web/ and tools/: besides the console, every run writes a JSON report to
// test-results/ (or YELLO_TEST_REPORT_DIR), which the spec check and .ci/summary.ts read. The API's
// report is named after the database it ran on, since the same suite runs on PGlite and PostgreSQL.
import { fileURLToPath } from 'node:url';
import type { ViteUserConfig } from 'vitest/config';

type Reporters = NonNullable<NonNullable<ViteUserConfig['test']>['reporters']>;

export const reportDir =
  process.env.YELLO_TEST_REPORT_DIR ?? fileURLToPath(new URL('../test-results', import.meta.url));

export function reporters(workspace: string): Reporters {
  const run = workspace === 'api' ? `api-${process.env.YELLO_TEST_DATABASE_URL ? 'postgres' : 'pglite'}` : workspace;
  return ['default', ['json', { outputFile: `${reportDir}/${run}.json` }]];
}
