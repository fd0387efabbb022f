// The Chromium of the browser journeys (Debian's, or CHROMIUM_PATH) and how a person signs in there: shared by the
// journeys (run.ts) and `npm run bench:web` (tools/src/bench-web/), which measures the app in the same browser.
import type { Page } from 'playwright-core';

/** Where the browser is, and the switches it runs with: headless, no first-run chores or background traffic. */
export const chromiumLaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ],
} as const;

/** Fills the sign-in form shown on `page` and sends it. */
export async function logIn(page: Page, email: string, secret: string): Promise<void> {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(secret);
  await page.getByRole('button', { name: 'Sign in' }).click();
}
