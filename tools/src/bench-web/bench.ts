// `npm run bench:web` (WEB-8.1): builds the web app, starts a seeded Yello, launches the browser, measures each
// chosen page on each preset, run after run, and gathers the report with the medians.
import { availableParallelism, cpus, totalmem } from 'node:os';
import { type BenchBrowser, launchBenchBrowser } from './browser.ts';
import { type BenchReport, type Figures, medianFigures, type PageResult } from './figures.ts';
import { runLighthouse } from './lighthouse.ts';
import { type BenchOptions, PAGES, type PageId, PRESETS, type Preset } from './options.ts';
import { buildWebApp, type SeededYello, startSeededYello } from './yello.ts';

interface Measurement {
  readonly page: PageId;
  readonly preset: Preset;
  readonly url: string;
  readonly runs: Figures[];
}

/** Runs the bench; `log` reports progress (one line per step). */
export async function runBenchWeb(options: BenchOptions, log: (line: string) => void): Promise<BenchReport> {
  const date = new Date().toISOString();
  const cleanUps: (() => Promise<void>)[] = [];
  try {
    log('Building the web app…');
    await buildWebApp();
    log('Seeding the demo board and starting Yello…');
    const yello = await startSeededYello(log, (cleanUp) => cleanUps.push(cleanUp));
    const browser = await launchBenchBrowser();
    cleanUps.push(() => browser.close());
    const measurements = await measureAll(options, yello, browser, log);
    const lighthouseVersion = measurements.version ?? 'unknown';
    return {
      date,
      machine: {
        cpu: cpus()[0]?.model.trim() ?? 'unknown CPU',
        cores: availableParallelism(),
        memoryGiB: Math.round(totalmem() / 2 ** 30),
        node: process.version,
        chromium: browser.version,
        lighthouse: lighthouseVersion,
      },
      runs: options.runs,
      results: measurements.results
        .toSorted(byPageAndPreset)
        .map(({ page, preset, url, runs }): PageResult => ({ page, preset, url, runs, median: medianFigures(runs) })),
    };
  } finally {
    for (const cleanUp of cleanUps.reverse()) await cleanUp();
  }
}

/** The report's order: the pages and presets as the options list them (the board first), whatever ran first. */
const byPageAndPreset = (a: Measurement, b: Measurement): number =>
  PAGES.indexOf(a.page) - PAGES.indexOf(b.page) || PRESETS.indexOf(a.preset) - PRESETS.indexOf(b.preset);

/**
 * The sign-in page is measured first, while signed out (a signed-in visitor is sent on from it); then the page
 * signs in and the board and the list follow. Runs alternate the pages and presets, so that a machine that gets
 * busier for a while weighs on all of them alike.
 */
async function measureAll(
  options: BenchOptions,
  yello: SeededYello,
  browser: BenchBrowser,
  log: (line: string) => void,
): Promise<{ results: Measurement[]; version: string | undefined }> {
  const results: Measurement[] = [];
  let version: string | undefined;
  const measure = async (page: PageId, run: number): Promise<void> => {
    for (const preset of options.presets) {
      const url = `${yello.url}${yello.paths[page]}`;
      let measurement = results.find((result) => result.page === page && result.preset === preset);
      if (!measurement) {
        measurement = { page, preset, url, runs: [] };
        results.push(measurement);
      }
      const reading = await runLighthouse({ page, preset, run, url }, browser.port, options.reports);
      version = reading.version;
      const board = page === 'board' ? await browser.measureBoard(url, reading.viewport) : null;
      measurement.runs.push({ lighthouse: reading.figures, board });
      const { score, lcpMs, tbtMs } = reading.figures;
      log(
        `${page} ${preset} run ${run}/${options.runs}: score ${score}, LCP ${Math.round(lcpMs)} ms, TBT ${Math.round(tbtMs)} ms` +
          (board ? `, ${board.domElements} DOM elements, first card ${Math.round(board.firstCardMs)} ms` : ''),
      );
    }
  };
  const signedOut = options.pages.filter((page) => page === 'signin');
  const signedIn = options.pages.filter((page) => page !== 'signin');
  for (let run = 1; run <= options.runs; run += 1) for (const page of signedOut) await measure(page, run);
  if (signedIn.length > 0) {
    log(`Signing in as ${yello.email}…`);
    await browser.signIn(yello.url, yello.email, yello.password);
  }
  for (let run = 1; run <= options.runs; run += 1) for (const page of signedIn) await measure(page, run);
  return { results, version };
}
