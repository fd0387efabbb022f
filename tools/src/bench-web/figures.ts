// What `npm run bench:web` measures (WEB-8.1), the shape of its JSON report, the figures read from a Lighthouse
// result, and the medians of several runs. Pure: no browser, no server.
import { z } from 'zod';
import { PAGES, PRESETS } from './options.ts';

/** What Lighthouse measures of one page load. */
export const lighthouseFiguresSchema = z.object({
  /** The performance score, 0–100. */
  score: z.number().min(0).max(100),
  /** Largest Contentful Paint, ms (simulated throttling). */
  lcpMs: z.number().min(0),
  /** Total Blocking Time, ms (simulated throttling). */
  tbtMs: z.number().min(0),
  /** Cumulative Layout Shift. */
  cls: z.number().min(0),
  /** Lighthouse's CPU benchmark of the machine at the time: higher is faster. */
  benchmarkIndex: z.number().min(0),
  /** Bytes transferred on a cold load (Lighthouse clears the cache first). */
  transferBytes: z.number().min(0),
  /** JavaScript evaluated, parsed and compiled on the main thread, ms (times the preset's CPU slowdown). */
  scriptMs: z.number().min(0),
});
export type LighthouseFigures = z.infer<typeof lighthouseFiguresSchema>;

/** What Playwright measures on the board, in the same browser, unthrottled. */
export const boardFiguresSchema = z.object({
  /** The most DOM elements in the document found while scrolling every column to its end. */
  domElements: z.number().int().min(0),
  /** From navigation to the first card painted, cold cache, ms. */
  firstCardMs: z.number().min(0),
  /** From the keydown of Alt+ArrowRight to the card painted in the next column, ms. */
  movePaintMs: z.number().min(0),
});
export type BoardFigures = z.infer<typeof boardFiguresSchema>;

const figuresSchema = z.object({
  lighthouse: lighthouseFiguresSchema,
  /** Only for the board. */
  board: boardFiguresSchema.nullable(),
});
export type Figures = z.infer<typeof figuresSchema>;

export const pageResultSchema = z.object({
  page: z.enum(PAGES),
  preset: z.enum(PRESETS),
  url: z.string(),
  runs: z.array(figuresSchema).min(1),
  median: figuresSchema,
});
export type PageResult = z.infer<typeof pageResultSchema>;

export const benchReportSchema = z.object({
  date: z.iso.datetime(),
  machine: z.object({
    cpu: z.string(),
    cores: z.number().int().min(1),
    memoryGiB: z.number(),
    node: z.string(),
    chromium: z.string(),
    lighthouse: z.string(),
  }),
  runs: z.number().int().min(1),
  results: z.array(pageResultSchema),
});
/** What `npm run bench:web -- --json` prints. */
export type BenchReport = z.infer<typeof benchReportSchema>;

/** The middle value, or the mean of the two middle ones. */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('The median of no values.');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? Number.NaN;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? Number.NaN) + upper) / 2;
}

/** Each field's median over the samples, checked against the schema it must satisfy. */
function medians<Shape extends z.ZodRawShape>(
  schema: z.ZodObject<Shape>,
  samples: readonly Record<keyof Shape, number>[],
): z.infer<z.ZodObject<Shape>> {
  const fields = Object.keys(schema.shape);
  return schema.parse(
    Object.fromEntries(fields.map((field) => [field, median(samples.map((sample) => sample[field] ?? Number.NaN))])),
  );
}

/** The median of each figure over the runs (the board's only when every run has them). */
export function medianFigures(runs: readonly Figures[]): Figures {
  const boards = runs.flatMap((run) => (run.board ? [run.board] : []));
  return {
    lighthouse: medians(
      lighthouseFiguresSchema,
      runs.map((run) => run.lighthouse),
    ),
    board: boards.length > 0 && boards.length === runs.length ? medians(boardFiguresSchema, boards) : null,
  };
}

const numericAudit = z.object({ numericValue: z.number() });

/** The parts of a Lighthouse result (LHR) the bench reads. */
const lighthouseResultSchema = z.object({
  lighthouseVersion: z.string(),
  finalDisplayedUrl: z.string(),
  configSettings: z.object({ screenEmulation: z.object({ width: z.number(), height: z.number() }) }),
  runtimeError: z.object({ code: z.string(), message: z.string() }).optional(),
  environment: z.object({ benchmarkIndex: z.number() }),
  categories: z.object({ performance: z.object({ score: z.number().nullable() }) }),
  audits: z.object({
    'largest-contentful-paint': numericAudit,
    'total-blocking-time': numericAudit,
    'cumulative-layout-shift': numericAudit,
    'total-byte-weight': numericAudit,
    'mainthread-work-breakdown': z.object({
      details: z.object({ items: z.array(z.object({ group: z.string(), duration: z.number() })) }),
    }),
  }),
});

/** The main thread's task groups that are JavaScript (Lighthouse's `bootup-time` adds up the same two). */
const SCRIPT_GROUPS = new Set(['scriptEvaluation', 'scriptParseCompile']);

export interface LighthouseReading {
  readonly figures: LighthouseFigures;
  readonly version: string;
  readonly finalUrl: string;
  /** The screen the preset emulated. */
  readonly viewport: { readonly width: number; readonly height: number };
}

/**
 * The figures of a Lighthouse result; throws, saying what is missing, when Lighthouse could not measure the page.
 * JavaScript time comes from `mainthread-work-breakdown` rather than `bootup-time`, which leaves out every script
 * under 50 ms and so reads 0 on a fast desktop run.
 */
export function readLighthouseResult(lhr: unknown): LighthouseReading {
  const parsed = lighthouseResultSchema.safeParse(lhr);
  if (!parsed.success) {
    const error = z.object({ runtimeError: z.object({ message: z.string() }) }).safeParse(lhr);
    const why = error.success ? error.data.runtimeError.message : z.prettifyError(parsed.error);
    throw new Error(`Lighthouse could not measure the page: ${why}`);
  }
  const { audits, categories, environment, runtimeError } = parsed.data;
  if (runtimeError) throw new Error(`Lighthouse could not measure the page: ${runtimeError.message}`);
  const { score } = categories.performance;
  if (score === null) throw new Error('Lighthouse gave no performance score.');
  const scriptMs = audits['mainthread-work-breakdown'].details.items
    .filter((item) => SCRIPT_GROUPS.has(item.group))
    .reduce((sum, item) => sum + item.duration, 0);
  return {
    figures: lighthouseFiguresSchema.parse({
      score: Math.round(score * 100),
      lcpMs: audits['largest-contentful-paint'].numericValue,
      tbtMs: audits['total-blocking-time'].numericValue,
      cls: audits['cumulative-layout-shift'].numericValue,
      benchmarkIndex: environment.benchmarkIndex,
      transferBytes: audits['total-byte-weight'].numericValue,
      scriptMs,
    }),
    version: parsed.data.lighthouseVersion,
    finalUrl: parsed.data.finalDisplayedUrl,
    viewport: {
      width: parsed.data.configSettings.screenEmulation.width,
      height: parsed.data.configSettings.screenEmulation.height,
    },
  };
}
