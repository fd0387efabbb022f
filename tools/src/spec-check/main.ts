// `npm run spec:check`: judges the specs against the test reports of the last runs and the tree.
// Reports are read from test-results/ (or YELLO_TEST_REPORT_DIR), where every test run writes them.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkSpecs } from './check.ts';
import { readCheckInput } from './repository.ts';

const root = fileURLToPath(new URL('../../..', import.meta.url)).replace(/\/$/, '');
const reportDir = resolve(process.env.YELLO_TEST_REPORT_DIR ?? resolve(root, 'test-results'));

const input = await readCheckInput(root, reportDir);
const result = checkSpecs(input);
const tests = input.reports.reduce((sum, report) => sum + report.tests.length, 0);

console.log(`Reports read from ${reportDir}: ${input.reports.map((report) => report.name).join(', ') || 'none'}`);
if (input.specs.every((spec) => spec.history.length === 0)) {
  console.log('No git history: requirement IDs were not compared with earlier versions.');
}
if (result.outsideTests.length > 0) {
  console.log('\nVerified outside the test suite (check these by hand when they change):');
  for (const line of result.outsideTests) console.log(`  ${line}`);
}
if (result.problems.length > 0) {
  console.log(`\n${result.problems.length} problem${result.problems.length === 1 ? '' : 's'}:`);
  for (const problem of result.problems) console.log(`  ✗ ${problem}`);
  console.log('\nWhat to do: .kiro/steering/spec-development.md, "The spec check".');
}
console.log(
  `\nspec check: ${input.specs.length} specs, ${result.criteria} criteria, ${result.traced} traced to passing tests` +
    ` (of ${tests} test results), ${result.outsideTests.length} verified outside the suite, ${result.problems.length} problems`,
);
process.exitCode = result.problems.length === 0 ? 0 : 1;
