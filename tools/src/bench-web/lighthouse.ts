// Lighthouse's Node API on a page of the bench's browser (WEB-8.1): a tab of its own in the signed-in profile, the
// browser cache cleared first (a cold load), the performance category only, with the desktop or the default
// (mobile) preset.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import lighthouse, { type Config, desktopConfig, type Flags, generateReport } from 'lighthouse';
import { type LighthouseReading, readLighthouseResult } from './figures.ts';
import type { PageId, Preset } from './options.ts';

/** The default config is Lighthouse's mobile preset. */
const presetConfigs: Readonly<Record<Preset, Config | undefined>> = { desktop: desktopConfig, mobile: undefined };

export interface LighthouseRun {
  readonly page: PageId;
  readonly preset: Preset;
  readonly run: number;
  readonly url: string;
}

/**
 * Runs Lighthouse on `url` through the browser's debugging `port`; fails when the page could not be measured or
 * Lighthouse ended elsewhere (signed out, sent to the sign-in page). With `reportsDir`, writes the report there.
 */
export async function runLighthouse(
  { page, preset, run, url }: LighthouseRun,
  port: number,
  reportsDir: string | undefined,
): Promise<LighthouseReading> {
  const flags: Flags = { port, hostname: '127.0.0.1', logLevel: 'error', onlyCategories: ['performance'] };
  const result = await lighthouse(url, flags, presetConfigs[preset]);
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}.`);
  if (reportsDir) {
    await mkdir(reportsDir, { recursive: true });
    const name = join(reportsDir, `${page}-${preset}-${run}`);
    await writeFile(`${name}.json`, generateReport(result.lhr, 'json'));
    await writeFile(`${name}.html`, generateReport(result.lhr, 'html'));
  }
  const reading = readLighthouseResult(result.lhr);
  if (new URL(reading.finalUrl).pathname !== new URL(url).pathname) {
    throw new Error(`Lighthouse was sent from ${url} to ${reading.finalUrl}.`);
  }
  return reading;
}
