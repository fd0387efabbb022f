// How `npm run bench:web` prints its medians (WEB-8.1): a Markdown table, readable in a terminal and ready for
// the README, under a line saying when, where and on what it ran.
import { markdownTable } from 'markdown-table';
import type { BenchReport, PageResult } from './figures.ts';

const HEADINGS = [
  'page',
  'preset',
  'score',
  'LCP (ms)',
  'TBT (ms)',
  'CLS',
  'transfer (KB)',
  'JS (ms)',
  'DOM elements',
  'first card (ms)',
  'move painted (ms)',
  'benchmarkIndex',
] as const;

const whole = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const tenths = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const thousandths = new Intl.NumberFormat('en-US', { minimumFractionDigits: 3, maximumFractionDigits: 3 });

/** What the table shows where a figure is not measured (Playwright's figures are the board's only). */
export const NOT_MEASURED = '–';

/** One row of the table: a page on a preset, its medians. */
export function tableRow({ page, preset, median }: PageResult): string[] {
  const { lighthouse, board } = median;
  return [
    page,
    preset,
    whole.format(lighthouse.score),
    whole.format(lighthouse.lcpMs),
    whole.format(lighthouse.tbtMs),
    thousandths.format(lighthouse.cls),
    tenths.format(lighthouse.transferBytes / 1024),
    whole.format(lighthouse.scriptMs),
    board ? whole.format(board.domElements) : NOT_MEASURED,
    board ? whole.format(board.firstCardMs) : NOT_MEASURED,
    board ? whole.format(board.movePaintMs) : NOT_MEASURED,
    whole.format(lighthouse.benchmarkIndex),
  ];
}

/** The report as text: when and where, the table of medians, and how to read it. */
export function formatReport(report: BenchReport): string {
  const { machine } = report;
  const table = markdownTable([[...HEADINGS], ...report.results.map(tableRow)], {
    align: ['l', 'l', ...HEADINGS.slice(2).map(() => 'r')],
  });
  return [
    `Yello web app, median of ${report.runs} run${report.runs === 1 ? '' : 's'}, ${report.date}`,
    `${machine.cpu} × ${machine.cores} cores, ${machine.memoryGiB} GiB; Node ${machine.node}, ${machine.chromium}, Lighthouse ${machine.lighthouse}`,
    '',
    table,
    '',
    'score, LCP, TBT, CLS, transfer (cold load) and JS: Lighthouse with its simulated throttling (mobile: slow 4G',
    'and 4× CPU slowdown, JS time included); benchmarkIndex: its CPU benchmark of this machine at the time (higher is',
    'faster; a busy machine reads low). DOM elements (the most while scrolling every column to its end), first',
    `card (cold cache) and move painted (Alt+ArrowRight): Playwright on the board, unthrottled. ${NOT_MEASURED}: not measured.`,
  ].join('\n');
}
