// Adds up the test counts of a CI run: vitest's JSON reports and the browser runner's log.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

interface VitestReport {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
}

const dir = process.argv[2];
if (!dir) throw new Error('usage: summary.ts <report dir>');

let passed = 0;
let failed = 0;
let skipped = 0;
for (const name of await readdir(dir)) {
  const text = await readFile(join(dir, name), 'utf8');
  if (name.endsWith('.json')) {
    const report: VitestReport = JSON.parse(text);
    passed += report.numPassedTests;
    failed += report.numFailedTests;
    skipped += report.numPendingTests;
    console.log(`${name}: ${report.numPassedTests} passed, ${report.numFailedTests} failed`);
  } else if (name === 'browser.log') {
    const count = (label: string) => Number(new RegExp(`^ℹ ${label} (\\d+)$`, 'm').exec(text)?.[1] ?? 0);
    passed += count('pass');
    failed += count('fail');
    console.log(`browser: ${count('pass')} passed, ${count('fail')} failed`);
  }
}
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
if (failed > 0 || passed === 0) process.exit(1);
