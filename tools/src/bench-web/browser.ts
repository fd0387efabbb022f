// The browser of `npm run bench:web` (WEB-8.1): the Chromium of the browser journeys, started by Playwright with a
// profile of its own and a remote-debugging port, so that Lighthouse opens its tabs in the same profile (signed in
// through the page, the refresh cookie kept), and the board's own figures measured with Playwright.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { freePort } from '../../../api/test/server-process.ts';
import { chromiumLaunchOptions, logIn } from '../../../web/e2e/chromium.ts';
import type { BoardFigures } from './figures.ts';

/** Performance entries the page writes for the bench. */
const FIRST_CARD_MARK = 'yello-bench:first-card';
const MOVE_MEASURE = 'yello-bench:move';

/** How long a column may take to load its next page once its end is reached (or "Show more" is pressed). */
const NEXT_PAGE_WAIT_MS = 10_000;
/** How long to wait for a next page that nothing announced (a column that loads on scroll by itself). */
const QUIET_END_WAIT_MS = 1_500;

export interface Viewport {
  readonly width: number;
  readonly height: number;
}

export interface BenchBrowser {
  /** Where Lighthouse connects. */
  readonly port: number;
  /** The browser's name and version, e.g. "Chrome/156.0.8078.108". */
  readonly version: string;
  /** Signs in at `url`/login; the profile keeps the session for every tab, Lighthouse's included. */
  signIn(url: string, email: string, password: string): Promise<void>;
  /** Loads the board at `url` in a tab of `viewport` and measures it (see BoardFigures). */
  measureBoard(url: string, viewport: Viewport): Promise<BoardFigures>;
  close(): Promise<void>;
}

export async function launchBenchBrowser(): Promise<BenchBrowser> {
  const profile = await mkdtemp(join(tmpdir(), 'yello-bench-web-profile-'));
  const port = await freePort();
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumLaunchOptions.executablePath,
      args: [...chromiumLaunchOptions.args, `--remote-debugging-port=${port}`],
      headless: true,
      // No emulation of Playwright's own: it would apply to Lighthouse's tabs too, over Lighthouse's presets.
      viewport: null,
    });
  } catch (error) {
    await rm(profile, { recursive: true, force: true });
    throw error;
  }
  const [page = await context.newPage()] = context.pages();
  const session = await context.newCDPSession(page);
  const { product } = await session.send('Browser.getVersion');
  await session.detach();
  return {
    port,
    version: product.replace('HeadlessChrome', 'Chromium'),
    async signIn(url, email, password) {
      await page.goto(`${url}/login`);
      await logIn(page, email, password);
      await page.waitForURL((address) => address.pathname !== '/login');
      // Out of the way: one tab at a time refreshes the session.
      await page.goto('about:blank');
    },
    async measureBoard(url, viewport) {
      const tab = await context.newPage();
      try {
        return await measureBoard(tab, url, viewport);
      } finally {
        await tab.close();
      }
    },
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

async function measureBoard(page: Page, url: string, viewport: Viewport): Promise<BoardFigures> {
  await page.setViewportSize(viewport);
  const session = await page.context().newCDPSession(page);
  await session.send('Network.clearBrowserCache');
  await session.detach();
  // Marks, from before the app's own scripts run, the first frame painted after a card is in the document.
  await page.addInitScript((mark: string) => {
    const observer = new MutationObserver(() => {
      if (!document.querySelector('[data-task-id]')) return;
      observer.disconnect();
      requestAnimationFrame(() => setTimeout(() => performance.mark(mark)));
    });
    observer.observe(document, { childList: true, subtree: true });
  }, FIRST_CARD_MARK);
  await page.goto(url);
  const firstCard = await page.waitForFunction(
    (mark: string) => performance.getEntriesByName(mark)[0]?.startTime ?? false,
    FIRST_CARD_MARK,
  );
  const firstCardMs = await firstCard.jsonValue();
  if (firstCardMs === false) throw new Error('No first card was marked.');
  const columns = page.getByRole('region', { name: /\d+ tasks?$/ });
  const count = await columns.count();
  if (count < 2) throw new Error(`The board shows ${count} column(s); the move needs two.`);
  // The move first, on the board as it opens (every column at its top), then the largest DOM while scrolling.
  const movePaintMs = await moveFirstCard(page, columns.nth(0), columns.nth(1));
  let domElements = await elementCount(page);
  for (let index = 0; index < count; index += 1) {
    domElements = Math.max(domElements, await scrollToEnd(columns.nth(index)));
  }
  return { domElements, firstCardMs, movePaintMs };
}

const elementCount = (page: Page): Promise<number> => page.evaluate(() => document.getElementsByTagName('*').length);

interface ColumnPosition {
  /** Elements in the whole document. */
  readonly elements: number;
  /** The height of the column's scrolling content. */
  readonly height: number;
  readonly atEnd: boolean;
}

/**
 * In the page: finds the column's scrolling element, scrolls it a screen down when `scroll` is set, waits two
 * frames (so that what came into view is rendered and painted) and says where it stands. Self-contained: Playwright
 * sends its source to the page.
 */
async function columnPosition(section: Element, scroll: boolean): Promise<ColumnPosition> {
  const scroller = [section, ...section.querySelectorAll('*')].find((element) => {
    const { overflowY } = getComputedStyle(element);
    return (overflowY === 'auto' || overflowY === 'scroll') && element.scrollHeight > element.clientHeight;
  });
  if (scroll) scroller?.scrollBy({ top: scroller.clientHeight, behavior: 'instant' });
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  return {
    elements: document.getElementsByTagName('*').length,
    height: scroller?.scrollHeight ?? 0,
    atEnd: scroller ? scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 1 : true,
  };
}

/**
 * Scrolls a column to its end a screen at a time, pressing "Show more" where the column offers it and waiting for
 * the next page where the column loads it by itself; returns the most elements the document held meanwhile.
 */
async function scrollToEnd(column: Locator): Promise<number> {
  let most = 0;
  const showMore = column.getByRole('button', { name: 'Show more' });
  for (let step = 0; step < 1_000; step += 1) {
    const position = await column.evaluate(columnPosition, true);
    most = Math.max(most, position.elements);
    if (!position.atEnd) continue;
    const pressed = await showMore.isVisible();
    if (pressed) await showMore.click();
    const deadline = performance.now() + (pressed ? NEXT_PAGE_WAIT_MS : QUIET_END_WAIT_MS);
    let grown = false;
    while (!grown && performance.now() < deadline) {
      await delay(100);
      const now = await column.evaluate(columnPosition, false);
      most = Math.max(most, now.elements);
      grown = now.height > position.height;
    }
    if (!grown) {
      if (pressed) throw new Error('"Show more" loaded nothing.');
      return most;
    }
  }
  throw new Error('A column did not end after 1,000 screens.');
}

/**
 * Moves the first card of `from` to `to` with Alt+ArrowRight and returns the time from the keydown to the frame
 * after the card is in `to`; then moves it back, waiting for both moves to be saved.
 */
async function moveFirstCard(page: Page, from: Locator, to: Locator): Promise<number> {
  const card = from.locator('[data-task-id]').first();
  const taskId = await card.getAttribute('data-task-id');
  if (!taskId) throw new Error('The first column has no card to move.');
  await card.scrollIntoViewIfNeeded();
  await card.focus();
  const target = await to.elementHandle();
  if (!target) throw new Error('The second column is gone.');
  await page.evaluate(
    ({ target, taskId, measure }) => {
      let start: number | undefined;
      addEventListener(
        'keydown',
        (event) => {
          start = event.timeStamp;
        },
        { capture: true, once: true },
      );
      const observer = new MutationObserver(() => {
        if (start === undefined || !target.querySelector(`[data-task-id="${CSS.escape(taskId)}"]`)) return;
        observer.disconnect();
        const from = start;
        requestAnimationFrame(() =>
          setTimeout(() => performance.measure(measure, { start: from, end: performance.now() })),
        );
      });
      observer.observe(document.body, { childList: true, subtree: true });
    },
    { target, taskId, measure: MOVE_MEASURE },
  );
  const saved = () =>
    page.waitForResponse(
      (response) => response.url().endsWith('/graphql') && (response.request().postData() ?? '').includes('moveTask'),
    );
  const movedThere = saved();
  await page.keyboard.press('Alt+ArrowRight');
  const measured = await page.waitForFunction(
    (measure: string) => performance.getEntriesByName(measure)[0]?.duration ?? false,
    MOVE_MEASURE,
  );
  const movePaintMs = await measured.jsonValue();
  if (movePaintMs === false) throw new Error('The move was not measured.');
  await movedThere;
  const movedBack = saved();
  await to.locator(`[data-task-id="${taskId}"]`).focus();
  await page.keyboard.press('Alt+ArrowLeft');
  await movedBack;
  await from.locator(`[data-task-id="${taskId}"]`).waitFor();
  return movePaintMs;
}
