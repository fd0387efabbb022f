// The options of `npm run bench:web` (WEB-8.1): which pages, which Lighthouse presets, how many runs, how to print.
import { parseArgs } from 'node:util';

export const PAGES = ['board', 'list', 'signin'] as const;
export type PageId = (typeof PAGES)[number];

export const PRESETS = ['desktop', 'mobile'] as const;
export type Preset = (typeof PRESETS)[number];

export const DEFAULT_RUNS = 3;

export const HELP = `npm run bench:web [-- options]

Builds the web app, starts Yello on a fresh embedded database seeded with the demo workspace (project YEL:
5 columns, 500 tasks), signs in through the page in the Chromium of the browser tests, and measures the YEL
board, its list view and the sign-in page with Lighthouse (performance score, LCP, TBT, CLS, bytes transferred
on a cold load, JavaScript executed, and Lighthouse's CPU benchmark index) on its desktop and mobile presets;
on the board it also measures, with Playwright in the same browser, the most DOM elements found while
scrolling every column to its end, the time from navigation to the first card, and the time until a card
moved with Alt+ArrowRight is painted in its new column. Prints the median of the runs.

  --only PAGE      a page to measure, repeatable: ${PAGES.join(', ')} (default: all)
  --preset NAME    a Lighthouse preset, repeatable: ${PRESETS.join(', ')} (default: both)
  --runs N         runs per page and preset (default ${DEFAULT_RUNS})
  --json           print the figures as JSON (every run and the medians) instead of a table
  --reports DIR    also write each run's Lighthouse report there (JSON and HTML)
  --help           this text`;

export interface BenchOptions {
  readonly pages: readonly PageId[];
  readonly presets: readonly Preset[];
  readonly runs: number;
  readonly json: boolean;
  /** Where to write Lighthouse's reports, if anywhere. */
  readonly reports: string | undefined;
}

export type ParsedOptions =
  | { readonly kind: 'options'; readonly options: BenchOptions }
  | { readonly kind: 'help' }
  | { readonly kind: 'error'; readonly message: string };

const isPage = (value: string): value is PageId => PAGES.some((page) => page === value);
const isPreset = (value: string): value is Preset => PRESETS.some((preset) => preset === value);

/** Each chosen value once, in the order of `all`; all of them when none is chosen. */
function chosen<T extends string>(all: readonly T[], values: readonly T[] | undefined): readonly T[] {
  return values && values.length > 0 ? all.filter((value) => values.includes(value)) : all;
}

/** Reads the command line (without node and the script). */
export function parseOptions(args: readonly string[]): ParsedOptions {
  let values: ReturnType<typeof read>['values'];
  try {
    values = read(args).values;
  } catch (error: unknown) {
    return { kind: 'error', message: error instanceof Error ? error.message : String(error) };
  }
  if (values.help) return { kind: 'help' };
  const only = values.only ?? [];
  const pages = only.filter(isPage);
  if (pages.length !== only.length) return { kind: 'error', message: `--only takes: ${PAGES.join(', ')}.` };
  const preset = values.preset ?? [];
  const presets = preset.filter(isPreset);
  if (presets.length !== preset.length) return { kind: 'error', message: `--preset takes: ${PRESETS.join(', ')}.` };
  const runs = Number(values.runs);
  if (!(Number.isInteger(runs) && runs >= 1))
    return { kind: 'error', message: '--runs must be a whole number of at least 1.' };
  return {
    kind: 'options',
    options: {
      pages: chosen(PAGES, pages),
      presets: chosen(PRESETS, presets),
      runs,
      json: values.json,
      reports: values.reports,
    },
  };
}

function read(args: readonly string[]) {
  return parseArgs({
    args: [...args],
    options: {
      only: { type: 'string', multiple: true },
      preset: { type: 'string', multiple: true },
      runs: { type: 'string', default: String(DEFAULT_RUNS) },
      json: { type: 'boolean', default: false },
      reports: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
}
