// The bench's pure parts: its options, the figures read from a Lighthouse result, the medians, the table.
import { describe, expect, it } from 'vitest';
import { type BenchReport, type Figures, median, medianFigures, readLighthouseResult } from './figures.ts';
import { DEFAULT_RUNS, parseOptions } from './options.ts';
import { formatReport, NOT_MEASURED, tableRow } from './table.ts';

/** The parts of a Lighthouse result the bench reads, as Lighthouse 13 writes them, with the given changes. */
function lighthouseResult(changes: Record<string, unknown> = {}): Record<string, unknown> {
  const numeric = (numericValue: number) => ({ score: 0.5, numericValue });
  return {
    lighthouseVersion: '13.5.0',
    finalDisplayedUrl: 'http://127.0.0.1:3000/demo/projects/YEL',
    configSettings: { formFactor: 'desktop', screenEmulation: { mobile: false, width: 1350, height: 940 } },
    environment: { benchmarkIndex: 2175.5, hostUserAgent: 'HeadlessChrome/156' },
    categories: { performance: { id: 'performance', score: 0.874 } },
    audits: {
      'largest-contentful-paint': numeric(3417.7),
      'total-blocking-time': numeric(10586.1),
      'cumulative-layout-shift': numeric(0.0693),
      'total-byte-weight': numeric(152620),
      'mainthread-work-breakdown': {
        numericValue: 14326.9,
        details: {
          type: 'table',
          items: [
            { group: 'scriptEvaluation', groupLabel: 'Script Evaluation', duration: 7833.4 },
            { group: 'styleLayout', groupLabel: 'Style & Layout', duration: 2532 },
            { group: 'scriptParseCompile', groupLabel: 'Script Parsing & Compilation', duration: 2.1 },
          ],
        },
      },
    },
    ...changes,
  };
}

const figures = (score: number, board: Figures['board']): Figures => ({
  lighthouse: {
    score,
    lcpMs: score * 10,
    tbtMs: 0,
    cls: 0.001 * score,
    benchmarkIndex: 2000 + score,
    transferBytes: 1024 * score,
    scriptMs: score * 2,
  },
  board,
});

/** What `lighthouseResult()` reads as, but for the score. */
const readFigures = {
  lcpMs: 3417.7,
  tbtMs: 10586.1,
  cls: 0.0693,
  benchmarkIndex: 2175.5,
  transferBytes: 152620,
  scriptMs: 7835.5,
};

const board = (domElements: number) => ({ domElements, firstCardMs: domElements / 10, movePaintMs: 16 });

describe('the options', () => {
  it('WEB-8.1 measures every page on both presets, three times, as a table, by default', () => {
    expect(parseOptions([])).toEqual({
      kind: 'options',
      options: {
        pages: ['board', 'list', 'signin'],
        presets: ['desktop', 'mobile'],
        runs: DEFAULT_RUNS,
        json: false,
        reports: undefined,
      },
    });
  });

  it('WEB-8.1 narrows to the pages and presets asked for, in their usual order, and prints JSON', () => {
    expect(
      parseOptions(['--only', 'signin', '--only', 'board', '--preset', 'desktop', '--runs', '1', '--json']),
    ).toEqual({
      kind: 'options',
      options: { pages: ['board', 'signin'], presets: ['desktop'], runs: 1, json: true, reports: undefined },
    });
  });

  it('WEB-8.1 refuses an unknown page, preset, option or number of runs, saying what it takes', () => {
    expect(parseOptions(['--only', 'settings'])).toEqual({
      kind: 'error',
      message: '--only takes: board, list, signin.',
    });
    expect(parseOptions(['--preset', 'tablet'])).toEqual({
      kind: 'error',
      message: '--preset takes: desktop, mobile.',
    });
    expect(parseOptions(['--runs', '0'])).toMatchObject({ kind: 'error', message: expect.stringContaining('--runs') });
    expect(parseOptions(['--runs', '1.5'])).toMatchObject({ kind: 'error' });
    expect(parseOptions(['--fast'])).toMatchObject({ kind: 'error', message: expect.stringContaining('--fast') });
    expect(parseOptions(['--help'])).toEqual({ kind: 'help' });
  });
});

describe('the medians', () => {
  it('WEB-8.1 takes the middle of an odd count and the mean of the two middles of an even one, in any order', () => {
    expect(median([3])).toBe(3);
    expect(median([9, 1, 5])).toBe(5);
    expect(median([40, 10, 30, 20])).toBe(25);
    expect(() => median([])).toThrow('no values');
  });

  it('WEB-8.1 gives each figure its own median across the runs', () => {
    const runs = [figures(90, board(900)), figures(70, board(1200)), figures(80, board(600))];
    expect(medianFigures(runs)).toEqual({
      lighthouse: {
        score: 80,
        lcpMs: 800,
        tbtMs: 0,
        cls: 0.08,
        benchmarkIndex: 2080,
        transferBytes: 81920,
        scriptMs: 160,
      },
      board: { domElements: 900, firstCardMs: 90, movePaintMs: 16 },
    });
  });

  it('WEB-8.1 leaves the board’s figures out where a run has none', () => {
    expect(medianFigures([figures(90, null), figures(80, null)]).board).toBeNull();
    expect(medianFigures([figures(90, board(900)), figures(80, null)]).board).toBeNull();
  });
});

describe('a Lighthouse result', () => {
  it('WEB-8.1 gives the score out of 100, the metrics, the benchmark index, the bytes and the JavaScript time', () => {
    expect(readLighthouseResult(lighthouseResult())).toEqual({
      // Script evaluation and parsing, not style and layout: 7,833.4 + 2.1 ms.
      figures: { ...readFigures, score: 87 },
      version: '13.5.0',
      finalUrl: 'http://127.0.0.1:3000/demo/projects/YEL',
      viewport: { width: 1350, height: 940 },
    });
  });

  it('WEB-8.1 fails, saying why, when Lighthouse could not measure the page', () => {
    const failed = lighthouseResult({
      runtimeError: { code: 'NO_FCP', message: 'The page did not paint any content.' },
      categories: { performance: { score: null } },
    });
    expect(() => readLighthouseResult(failed)).toThrow('The page did not paint any content.');
    expect(() => readLighthouseResult(lighthouseResult({ categories: { performance: { score: null } } }))).toThrow(
      'no performance score',
    );
    expect(() => readLighthouseResult(lighthouseResult({ audits: {} }))).toThrow('largest-contentful-paint');
  });
});

describe('the table', () => {
  const report: BenchReport = {
    date: '2026-11-29T14:00:00.000Z',
    machine: {
      cpu: 'AMD EPYC',
      cores: 2,
      memoryGiB: 24,
      node: 'v24.21.0',
      chromium: 'Chrome/156.0.8078.108',
      lighthouse: '13.5.0',
    },
    runs: 3,
    results: [
      {
        page: 'board',
        preset: 'desktop',
        url: 'http://127.0.0.1:3000/demo/projects/YEL',
        runs: [figures(40, board(6500))],
        median: {
          lighthouse: { ...readFigures, score: 40 },
          board: { domElements: 6500, firstCardMs: 4127.4, movePaintMs: 128.2 },
        },
      },
      {
        page: 'signin',
        preset: 'mobile',
        url: 'http://127.0.0.1:3000/login',
        runs: [figures(98, null)],
        median: figures(98, null),
      },
    ],
  };

  it('WEB-8.1 rounds each figure to what tells runs apart, in its unit, and marks what is not measured', () => {
    expect(tableRow(report.results[0] ?? expect.unreachable())).toEqual([
      'board',
      'desktop',
      '40',
      '3,418',
      '10,586',
      '0.069',
      '149.0',
      '7,836',
      '6,500',
      '4,127',
      '128',
      '2,176',
    ]);
    expect(tableRow(report.results[1] ?? expect.unreachable()).slice(8, 11)).toEqual([
      NOT_MEASURED,
      NOT_MEASURED,
      NOT_MEASURED,
    ]);
  });

  it('WEB-8.1 prints when and where it ran, then a Markdown table with a column per figure, numbers to the right', () => {
    const lines = formatReport(report).split('\n');
    expect(lines[0]).toBe('Yello web app, median of 3 runs, 2026-11-29T14:00:00.000Z');
    expect(lines[1]).toBe('AMD EPYC × 2 cores, 24 GiB; Node v24.21.0, Chrome/156.0.8078.108, Lighthouse 13.5.0');
    const table = lines.filter((line) => line.startsWith('|'));
    expect(table).toHaveLength(4);
    const [heading = '', alignment = '', boardRow = ''] = table;
    expect(heading.split('|').map((cell) => cell.trim())).toEqual([
      '',
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
      '',
    ]);
    expect(alignment).toMatch(/^\| :-+ \| :-+ \| -+: \|/);
    // Every row as wide as the heading: the columns line up in a terminal too.
    expect(new Set(table.map((line) => line.length)).size).toBe(1);
    expect(boardRow).toMatch(/\| +10,586 \|/);
  });
});
