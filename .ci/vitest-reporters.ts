// Vitest reporters for api/ and web/: under .ci/run each run also writes a JSON report, which
// .ci/summary.ts adds up into the closing "N passed, N failed" line.
import type { ViteUserConfig } from 'vitest/config';

type Reporters = NonNullable<NonNullable<ViteUserConfig['test']>['reporters']>;

export function reporters(workspace: string): Reporters {
  const dir = process.env.YELLO_TEST_REPORT_DIR;
  const run = process.env.YELLO_TEST_REPORT_NAME ?? 'tests';
  return dir ? ['default', ['json', { outputFile: `${dir}/${run}-${workspace}.json` }]] : ['default'];
}
