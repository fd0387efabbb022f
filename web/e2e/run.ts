// Browser journeys: builds the web app, starts the real server on a fresh data directory, drives Chromium.
import assert from 'node:assert/strict';
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Locator, type Page } from 'playwright-core';

const webDir = fileURLToPath(new URL('..', import.meta.url));
const serverEntry = fileURLToPath(new URL('../../api/src/main.ts', import.meta.url));
const screenshotPath = '/tmp/yello-profile.png';

const password = 'violet-harbour-lantern-42';
const user = { name: 'Ada Lovelace', email: `ada.${Date.now()}@example.com` };

interface Person {
  readonly name: string;
  readonly email: string;
}

let dataDir: string | undefined;
let server: ChildProcess | undefined;
let browser: Browser | undefined;
let baseUrl = '';

async function freePort(): Promise<number> {
  const probe = createServer().listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const address = probe.address();
  probe.close();
  if (address === null || typeof address === 'string') throw new Error('Could not find a free port.');
  return address.port;
}

async function waitForHealth(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The server exited with code ${child.exitCode}.`);
    const healthy = await fetch(`${url}/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (healthy) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The server did not answer ${url}/health within a minute.`);
}

/** Opens a path of the app (or a whole URL) in a browser context of its own, i.e. a separate visitor. */
async function newPage(pathOrUrl: string): Promise<Page> {
  assert.ok(browser, 'the browser is running');
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(new URL(pathOrUrl, baseUrl).href);
  return page;
}

async function register(page: Page, person: Person): Promise<void> {
  await page.getByLabel('Name').fill(person.name);
  await page.getByLabel('Email').fill(person.email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Create account' }).click();
}

/** Creates a workspace on the first-run page, checking the suggested slug, and waits for its home. */
async function createFirstWorkspace(page: Page, workspace: { name: string; slug: string }): Promise<void> {
  await page.goto(`${baseUrl}/`);
  await page.getByRole('heading', { name: 'Welcome to Yello' }).waitFor();
  await page.getByLabel('Workspace name').fill(workspace.name);
  assert.equal(await page.getByLabel('URL').inputValue(), workspace.name.toLowerCase(), '6.1 suggests a slug');
  await page.getByLabel('URL').fill(workspace.slug);
  await page.getByRole('button', { name: 'Create workspace' }).click();
  await page.waitForURL(`${baseUrl}/${workspace.slug}`);
  await page.getByRole('heading', { name: workspace.name, level: 1 }).waitFor();
}

async function logIn(page: Page, email: string, secret: string): Promise<void> {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(secret);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Runs a GraphQL operation against the server as an API client would, failing on any error. */
async function graphqlRequest<T>(query: string, variables: object, accessToken?: string): Promise<T> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-yello-csrf': '1',
      ...(accessToken ? { authorization: `Bearer ${accessToken}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  const body: { data?: T; errors?: unknown } = await response.json();
  assert.equal(body.errors, undefined, `${query.slice(0, 60)}… succeeds`);
  assert.ok(body.data, 'the operation returns data');
  return body.data;
}

/**
 * A user with a workspace and a project whose Todo column holds `tasks` tasks, made through the API (quicker than
 * clicking through a hundred quick creates).
 */
async function seedProject(person: Person, workspaceSlug: string, tasks: number): Promise<{ key: string }> {
  const { register } = await graphqlRequest<{ register: { accessToken: string } }>(
    'mutation($input: RegisterInput!) { register(input: $input) { accessToken } }',
    { input: { ...person, password } },
  );
  const token = register.accessToken;
  const { createWorkspace } = await graphqlRequest<{ createWorkspace: { id: string } }>(
    'mutation($input: CreateWorkspaceInput!) { createWorkspace(input: $input) { id } }',
    { input: { name: 'Touch', slug: workspaceSlug } },
    token,
  );
  const { createProject } = await graphqlRequest<{
    createProject: { id: string; key: string; states: { id: string; name: string }[] };
  }>(
    'mutation($input: CreateProjectInput!) { createProject(input: $input) { id key states { id name } } }',
    { input: { workspaceId: createWorkspace.id, name: 'Field work', key: 'FW' } },
    token,
  );
  const todo = createProject.states.find((state) => state.name === 'Todo');
  assert.ok(todo, 'a new project has a Todo state');
  for (let number = 1; number <= tasks; number += 1) {
    await graphqlRequest(
      'mutation($input: CreateTaskInput!) { createTask(input: $input) { id } }',
      { input: { projectId: createProject.id, stateId: todo.id, title: `Survey plot ${number}` } },
      token,
    );
  }
  return { key: createProject.key };
}

/** Centre of an element on the page. */
async function centreOf(locator: Locator): Promise<{ x: number; y: number }> {
  const box = await locator.boundingBox();
  assert.ok(box, 'the element is on the page');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Presses the mouse on `source`, moves it in steps onto `target` (so the board sees it pass) and releases it. */
async function dragWithMouse(page: Page, source: Locator, target: Locator): Promise<void> {
  const from = await centreOf(source);
  const to = await centreOf(target);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 12 });
  await page.mouse.move(to.x, to.y + 2);
  await page.mouse.up();
}

interface Point {
  readonly x: number;
  readonly y: number;
}

/**
 * Touches the screen at `from`, rests the finger for `holdMs`, slides it in steps to `to` and lifts it, through
 * the browser's touch input (the page sees touch events and pointer events of type "touch").
 */
async function slideFinger(page: Page, from: Point, to: Point, holdMs: number): Promise<void> {
  const touch = await page.context().newCDPSession(page);
  const touchAt = (type: 'touchStart' | 'touchMove', point: Point) =>
    touch.send('Input.dispatchTouchEvent', { type, touchPoints: [point] });
  await touchAt('touchStart', from);
  await page.waitForTimeout(holdMs);
  const steps = 12;
  for (let step = 1; step <= steps; step += 1) {
    await touchAt('touchMove', {
      x: from.x + ((to.x - from.x) * step) / steps,
      y: from.y + ((to.y - from.y) * step) / steps,
    });
    await page.waitForTimeout(16);
  }
  await touch.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await touch.detach();
}

/** Waits for the drop animation to end: until then a copy of the dropped card marks its place. */
async function dropFinished(page: Page): Promise<void> {
  await page.locator('[data-dnd-placeholder]').waitFor({ state: 'detached' });
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

declare global {
  interface Window {
    /** axe-core, once `expectAccessible` has added it to the page. */
    axe: typeof import('axe-core');
  }
}

/** Runs axe-core on the page (user-written Markdown left out) and fails on any violation, naming where. */
async function expectAccessible(page: Page, view: string): Promise<void> {
  await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run({ exclude: ['.markdown'] }, { resultTypes: ['violations'] });
    return result.violations.map(
      (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
    );
  });
  assert.deepEqual(violations, [], `${view} has no accessibility violations`);
}

/** Waits for `/` after signing in without `next`: a user without workspaces gets the first-run page. */
async function expectFirstRun(page: Page): Promise<void> {
  await page.waitForURL(`${baseUrl}/`);
  await page.getByRole('heading', { name: 'Welcome to Yello' }).waitFor();
}

/** Opens the profile as a user would, through their name in the header. */
async function openProfile(page: Page): Promise<void> {
  await page.getByRole('banner').getByRole('link', { name: user.name }).click();
  await expectProfile(page);
}

async function expectProfile(page: Page): Promise<void> {
  await page.waitForURL(`${baseUrl}/profile`);
  await page.getByRole('heading', { name: 'Profile', level: 1 }).waitFor();
  await page.getByText(user.email).waitFor();
  assert.equal(await page.getByLabel('Name').inputValue(), user.name);
  assert.equal(await page.getByRole('banner').getByText(user.name).count(), 1);
}

before(async () => {
  // Always build, so the journeys never run against a stale bundle (it takes a second or two).
  const build = spawnSync('npm', ['run', 'build'], { cwd: webDir, stdio: 'inherit' });
  assert.equal(build.status, 0, 'the web app builds');
  dataDir = await mkdtemp(join(tmpdir(), 'yello-e2e-'));
  const port = await freePort();
  baseUrl = `http://127.0.0.1:${port}`;
  server = spawn(process.execPath, [serverEntry], {
    env: { ...process.env, NODE_ENV: 'production', PORT: String(port), HOST: '127.0.0.1', YELLO_DATA_DIR: dataDir },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  await waitForHealth(baseUrl, server);
  browser = await chromium.launch({
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
  });
});

after(async () => {
  console.log(`\nBrowser journeys ran against ${baseUrl}; profile screenshot: ${screenshotPath}`);
  await browser?.close();
  if (server && server.exitCode === null) {
    server.kill('SIGTERM');
    await once(server, 'exit');
  }
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

test('16.2 an anonymous visitor to /profile is sent to the login page with next', async () => {
  const page = await newPage('/profile');
  await page.waitForURL(`${baseUrl}/login?next=%2Fprofile`);
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  await page.context().close();
});

test('17.4 register, reload and stay signed in, log out, log in again', async () => {
  const page = await newPage('/register');
  await register(page, user);
  await expectFirstRun(page);
  await openProfile(page);
  await page.getByText('This device').waitFor();
  await page.screenshot({ path: screenshotPath, fullPage: true });
  await expectAccessible(page, 'The profile page');

  await page.reload();
  await expectProfile(page);
  assert.equal(await page.getByRole('button', { name: 'Sign in' }).count(), 0, 'no login form after a reload');

  await page.getByRole('button', { name: 'Log out' }).click();
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  assert.match(new URL(page.url()).pathname, /^\/login$/);

  // The login page asks to come back to the page logged out of.
  await logIn(page, user.email, password);
  await expectProfile(page);
  await page.context().close();
});

test('3.2 a wrong password shows the error with the form', async () => {
  const page = await newPage('/login');
  await logIn(page, user.email, 'not-the-password');
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.match((await alert.textContent()) ?? '', /Email or password is incorrect/);
  assert.equal(await page.getByRole('button', { name: 'Sign in' }).isEnabled(), true);
  assert.match(page.url(), /\/login$/);
  await page.context().close();
});

test('6.6 an invitee registers through the link, joins the workspace and cannot open a third one', async () => {
  const unique = Date.now().toString(36);
  const owner = { name: 'Grace Hopper', email: `grace.${unique}@example.com` };
  const invitee = { name: 'Alan Turing', email: `alan.${unique}@example.com` };
  const outsider = { name: 'Edsger Dijkstra', email: `edsger.${unique}@example.com` };
  const acme = { name: 'Acme', slug: `acme-${unique}` };
  const other = { name: 'Other', slug: `other-${unique}` };

  const ownerPage = await newPage('/register');
  await register(ownerPage, owner);
  await ownerPage.waitForURL(`${baseUrl}/`);
  await createFirstWorkspace(ownerPage, acme);
  await ownerPage
    .getByRole('navigation', { name: 'Workspace', exact: true })
    .getByRole('link', { name: 'Members' })
    .click();
  await ownerPage.getByLabel('Email').fill(invitee.email);
  await ownerPage.getByLabel('Role', { exact: true }).selectOption('MEMBER');
  await ownerPage.getByRole('button', { name: 'Invite', exact: true }).click();
  const link = await ownerPage.getByLabel('Invitation link').inputValue();
  assert.match(link, /\/invite\/[\w-]+$/, 'the page shows the invitation link');
  await ownerPage
    .getByRole('region', { name: 'Pending invitations' })
    .getByText(invitee.email, { exact: true })
    .waitFor();
  await expectAccessible(ownerPage, 'The members page');
  await ownerPage.context().close();

  const outsiderPage = await newPage('/register');
  await register(outsiderPage, outsider);
  await outsiderPage.waitForURL(`${baseUrl}/`);
  await createFirstWorkspace(outsiderPage, other);
  await outsiderPage.context().close();

  const page = await newPage(link);
  const invitationUrl = page.url();
  await page.getByRole('heading', { name: `Join ${acme.name}` }).waitFor();
  await expectAccessible(page, 'The invitation page');
  await page.getByText('Grace Hopper invited you to join Acme as Member.').waitFor();
  await page.getByText(invitee.email).waitFor();
  await page.getByRole('link', { name: 'Create an account' }).click();
  await register(page, invitee);
  await page.waitForURL(invitationUrl);
  await page.getByRole('button', { name: 'Accept invitation' }).click();
  await page.waitForURL(`${baseUrl}/${acme.slug}`);
  await page.getByRole('heading', { name: acme.name, level: 1 }).waitFor();

  await page.getByRole('button', { name: 'Workspace: Acme' }).click();
  const menu = page.getByRole('menu');
  await menu.getByRole('menuitem', { name: acme.name }).waitFor();
  assert.equal(await menu.getByRole('menuitem').count(), 2, 'the switcher lists Acme and "Create workspace" only');
  await page.keyboard.press('Escape');
  assert.equal(await menu.isHidden(), true, 'Escape closes the switcher');

  await page.goto(`${baseUrl}/${other.slug}`);
  await page.getByRole('heading', { name: 'Workspace not found' }).waitFor();
  assert.equal(await page.getByText(other.name, { exact: true }).count(), 0);
  await page.context().close();
});

test('8.6 create a project and tasks, drag one across columns, reload, filter the list, comment, see the history', async () => {
  const unique = Date.now().toString(36);
  const page = await newPage('/register');
  await register(page, { name: 'Katherine Johnson', email: `katherine.${unique}@example.com` });
  await page.waitForURL(`${baseUrl}/`);
  const workspace = { name: 'Orbit', slug: `orbit-${unique}` };
  await createFirstWorkspace(page, workspace);
  await page.getByText('No projects yet — create one to start planning.').waitFor();

  await page
    .getByRole('navigation', { name: 'Workspace', exact: true })
    .getByRole('link', { name: 'Projects' })
    .click();
  await page.getByLabel('Project name').fill('Launch plan');
  assert.equal(await page.getByLabel('Key').inputValue(), 'LP', '8.1 suggests a key from the name');
  await page.getByRole('button', { name: 'Create project' }).click();
  await page.waitForURL(`${baseUrl}/${workspace.slug}/projects/LP`);
  await page.getByRole('heading', { name: 'Launch plan', level: 1 }).waitFor();

  const column = (state: string) => page.getByRole('region', { name: new RegExp(`^${state} \\d+ tasks?$`) });
  const titles = ['Write the press release', 'Book the venue', 'Order the cake'];
  await column('Todo').getByRole('button', { name: 'Add task to Todo' }).click();
  for (const title of titles) {
    await page.getByLabel('New task in Todo').fill(title);
    await page.keyboard.press('Enter');
    await column('Todo')
      .getByRole('link', { name: new RegExp(title) })
      .waitFor();
  }
  await page.keyboard.press('Escape');
  assert.equal(await column('Todo').getByRole('link').count(), 3, '8.1 quick create adds the tasks to the column');
  await expectAccessible(page, 'The board');

  const card = column('Todo').getByRole('link', { name: /Book the venue/ });
  const moved = page.waitForResponse((response) => response.request().postData()?.includes('MoveTask') ?? false);
  await dragWithMouse(page, card, column('In Progress').getByRole('list'));
  assert.equal((await (await moved).json()).errors, undefined, '8.1 the move is saved');
  await dropFinished(page);
  await column('In Progress')
    .getByRole('link', { name: /Book the venue/ })
    .waitFor();

  await page.reload();
  await column('In Progress')
    .getByRole('link', { name: /Book the venue/ })
    .waitFor();
  assert.equal(
    await column('Todo').getByRole('link').count(),
    2,
    '8.6 after a reload the task is still in In Progress',
  );

  await page.getByRole('navigation', { name: 'Project view' }).getByRole('link', { name: 'List' }).click();
  await page.getByRole('link', { name: 'Order the cake' }).waitFor();
  await page.getByRole('searchbox', { name: 'Search' }).fill('venue');
  await page.waitForURL(/\/list\?q=venue$/);
  await page.getByText('1 task match').waitFor();
  const rows = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: 'Book the venue' }) });
  assert.equal(await rows.count(), 1);
  assert.equal(await page.getByRole('link', { name: 'Order the cake' }).count(), 0, '8.1 the filter hides the rest');
  await expectAccessible(page, 'The list view');

  await page.getByRole('link', { name: 'Book the venue' }).click();
  await page.waitForURL(new RegExp(`/${workspace.slug}/LP-\\d+$`));
  assert.equal(await page.getByLabel('Title').inputValue(), 'Book the venue');
  await page.getByLabel('Add a comment').fill('Venue **confirmed** <img src=x onerror="window.hacked=1">');
  await page.getByRole('button', { name: 'Comment', exact: true }).click();
  await page.locator('.comment strong', { hasText: 'confirmed' }).waitFor();
  assert.equal(await page.evaluate(() => 'hacked' in window), false, '8.2 Markdown is rendered without handlers');
  await page.getByText('Katherine Johnson changed state from Todo to In Progress').waitFor();
  await page.getByText('Katherine Johnson created the task').waitFor();
  await expectAccessible(page, 'The task page');
  await page.context().close();
});

test('2.1 an owner adds a state "Review" in the project settings and sees its column on the board', async () => {
  const unique = Date.now().toString(36);
  const page = await newPage('/register');
  await register(page, { name: 'Mary Jackson', email: `mary.${unique}@example.com` });
  await page.waitForURL(`${baseUrl}/`);
  const workspace = { name: 'Wind', slug: `wind-${unique}` };
  await createFirstWorkspace(page, workspace);
  await page
    .getByRole('navigation', { name: 'Workspace', exact: true })
    .getByRole('link', { name: 'Projects' })
    .click();
  await page.getByLabel('Project name').fill('Tunnel tests');
  await page.getByRole('button', { name: 'Create project' }).click();
  await page.waitForURL(`${baseUrl}/${workspace.slug}/projects/TT`);

  const projectView = page.getByRole('navigation', { name: 'Project view' });
  await projectView.getByRole('link', { name: 'Settings' }).click();
  await page.waitForURL(`${baseUrl}/${workspace.slug}/projects/TT/settings`);
  await page.getByRole('heading', { name: 'Workflow states' }).waitFor();
  await page.getByLabel('State name').fill('Review');
  await page.getByRole('button', { name: 'Add state' }).click();
  await page.getByLabel('Name of Review').waitFor();
  await expectAccessible(page, 'The project settings');

  await projectView.getByRole('link', { name: 'Board' }).click();
  await page.waitForURL(`${baseUrl}/${workspace.slug}/projects/TT`);
  await page.getByRole('region', { name: /^Review \d+ tasks?$/ }).waitFor();
  await page.context().close();
});

test('8.1 on a touch screen: a swipe scrolls, a long press drags a card to another column; a long column pages', async () => {
  const unique = Date.now().toString(36);
  const person = { name: 'Dorothy Vaughan', email: `dorothy.${unique}@example.com` };
  const slug = `touch-${unique}`;
  const { key } = await seedProject(person, slug, 101);
  assert.ok(browser, 'the browser is running');
  const context = await browser.newContext({ hasTouch: true, viewport: { width: 1024, height: 768 } });
  const page = await context.newPage();
  await page.goto(`${baseUrl}/login`);
  await logIn(page, person.email, password);
  await page.waitForURL(`${baseUrl}/${slug}`);
  await page.goto(`${baseUrl}/${slug}/projects/${key}`);

  const column = (state: string) => page.getByRole('region', { name: new RegExp(`^${state} \\d+ tasks?$`) });
  const todoCards = column('Todo').getByRole('link', { name: /^FW-\d+/ });
  await column('Todo')
    .getByRole('heading', { name: /101 tasks/ })
    .waitFor();
  assert.equal(await todoCards.count(), 100, '8.1 a column shows its first 100 tasks');
  await column('Todo').getByRole('button', { name: 'Show more' }).tap();
  await todoCards.nth(100).waitFor();
  assert.equal(await column('Todo').getByRole('button', { name: 'Show more' }).count(), 0, '8.1 no page is left');
  const keys = await todoCards.evaluateAll((cards) => cards.map((card) => card.getAttribute('href')));
  assert.equal(new Set(keys).size, 101, '8.1 the second page adds no card twice');
  await expectAccessible(page, 'A board of 101 tasks on a tablet');

  let moves = 0;
  page.on('request', (request) => {
    if (request.postData()?.includes('MoveTask')) moves += 1;
  });
  const first = todoCards.first();
  await first.scrollIntoViewIfNeeded();
  const href = await first.getAttribute('href');
  const start = await centreOf(first);
  const boardScroll = () => page.locator('.board').evaluate((board) => board.scrollLeft);
  await slideFinger(page, start, { x: start.x - 240, y: start.y }, 0);
  await page.waitForFunction(() => (document.querySelector('.board')?.scrollLeft ?? 0) > 100);
  assert.equal(moves, 0, '8.1 a swipe over a card scrolls the board and does not pick the card up');
  assert.equal(await todoCards.count(), 101);
  // Let the fling settle, then bring the first columns back into view.
  for (let last = -1, now = await boardScroll(); now !== last; last = now, now = await boardScroll()) {
    await page.waitForTimeout(150);
  }
  await page.locator('.board').evaluate((board) => board.scrollTo({ left: 0, behavior: 'instant' }));
  assert.equal(await boardScroll(), 0);

  const inProgressCard = column('In Progress').locator(`a[href="${href}"]`);
  const moved = page.waitForResponse((response) => response.request().postData()?.includes('MoveTask') ?? false);
  await slideFinger(page, await centreOf(first), await centreOf(column('In Progress').getByRole('list')), 400);
  assert.equal((await (await moved).json()).errors, undefined, '8.1 the move by touch is saved');
  await dropFinished(page);
  await inProgressCard.waitFor();
  assert.equal(page.url(), `${baseUrl}/${slug}/projects/${key}`, '8.1 lifting the finger does not open the task');

  await page.reload();
  await inProgressCard.waitFor();
  await column('Todo')
    .getByRole('heading', { name: /100 tasks/ })
    .waitFor();
  await context.close();
});
