// `npm run bench:web [-- options]` (WEB-8.1): what a user of the web app waits for, measured. `--help` lists the
// options. Progress goes to stderr; stdout carries only the table, or with --json the report.
import { runBenchWeb } from './bench.ts';
import { HELP, parseOptions } from './options.ts';
import { formatReport } from './table.ts';

const parsed = parseOptions(process.argv.slice(2));
if (parsed.kind === 'help') {
  console.log(HELP);
} else if (parsed.kind === 'error') {
  console.error(`${parsed.message}\n\n${HELP}`);
  process.exitCode = 2;
} else {
  const started = performance.now();
  const elapsed = () => `${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s`;
  const report = await runBenchWeb(parsed.options, (line) => console.error(`${elapsed()}  ${line}`));
  console.log(parsed.options.json ? JSON.stringify(report, null, 2) : formatReport(report));
}
