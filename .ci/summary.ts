// Adds up the test counts of a CI run from the JSON reports in test-results/ (vitest's, and the
// browser journeys' in the same shape) into the closing "N passed, N failed" line.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

interface Report {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
}

const dir = process.argv[2];
if (!dir) throw new Error('usage: summary.ts <report dir>');

let passed = 0;
let failed = 0;
let skipped = 0;
for (const name of (await readdir(dir)).filter((file) => file.endsWith('.json')).sort()) {
  const report: Report = JSON.parse(await readFile(join(dir, name), 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += report.numPendingTests;
  console.log(`${name.replace(/\.json$/, '')}: ${report.numPassedTests} passed, ${report.numFailedTests} failed`);
}
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
if (failed > 0 || passed === 0) process.exit(1);
