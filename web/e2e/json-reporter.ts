// A node:test reporter for the browser journeys: writes test-results/browser.json in the shape of
// vitest's JSON report, so that the spec check and the CI summary read every run the same way.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

interface Result {
  ancestorTitles: string[];
  title: string;
  fullName: string;
  status: 'passed' | 'failed' | 'skipped';
}

const outputFile = resolve(
  process.env.YELLO_TEST_REPORT_DIR ?? fileURLToPath(new URL('../../test-results', import.meta.url)),
  'browser.json',
);

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? Object.getOwnPropertyDescriptor(value, key)?.value : undefined;
}

export default async function* jsonReporter(source: AsyncIterable<{ type: string; data: unknown }>) {
  const open: string[] = [];
  const results: Result[] = [];
  let file = '';
  for await (const event of source) {
    const name = String(field(event.data, 'name') ?? '');
    const nesting = Number(field(event.data, 'nesting') ?? 0);
    if (event.type === 'test:start') open.splice(nesting, open.length, name);
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    if (field(field(event.data, 'details'), 'type') === 'suite') continue;
    file = String(field(event.data, 'file') ?? file);
    const ancestorTitles = open.slice(0, nesting);
    const skipped = field(event.data, 'skip') !== undefined || field(event.data, 'todo') !== undefined;
    results.push({
      ancestorTitles,
      title: name,
      fullName: [...ancestorTitles, name].join(' '),
      status: event.type === 'test:fail' ? 'failed' : skipped ? 'skipped' : 'passed',
    });
  }
  await mkdir(dirname(outputFile), { recursive: true });
  const count = (status: Result['status']) => results.filter((result) => result.status === status).length;
  const report = {
    numPassedTests: count('passed'),
    numFailedTests: count('failed'),
    numPendingTests: count('skipped'),
    testResults: [{ name: file, assertionResults: results }],
  };
  await writeFile(outputFile, `${JSON.stringify(report, null, 2)}\n`);
  yield '';
}
