// How Yello serves the web app and the API's answers (web-performance requirement 1): compression by Accept-Encoding,
// long-lived caching of hashed assets, robots.txt and the shell's meta description; and the web build's version
// named in the shell and in every GraphQL answer (WEB-4.2).
import { copyFile, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { createApp, VERSION_HEADER } from '../src/app.ts';
import { CSP_NONCE_PLACEHOLDER } from '../src/content-security-policy.ts';
import { describe, expect, test } from './fixtures.ts';
import { type TestApi, testAppDeps } from './test-api.ts';

const webDir = new URL('../../web/', import.meta.url).pathname;

/** A built web app: the real index.html and robots.txt, and a hashed script of 20 KB. */
async function builtWebApp(api: TestApi) {
  const dist = await mkdtemp(join(tmpdir(), 'yello-dist-'));
  await mkdir(join(dist, 'assets'));
  const shell = (await readFile(join(webDir, 'index.html'), 'utf8')).replace(
    '</head>',
    `<script type="module" src="/assets/index-3f9a1c2b.js" nonce="${CSP_NONCE_PLACEHOLDER}"></script></head>`,
  );
  await writeFile(join(dist, 'index.html'), shell);
  const script = `export const cards = ${JSON.stringify(Array.from({ length: 400 }, (_, index) => `card ${index}`))};`;
  await writeFile(join(dist, 'assets', 'index-3f9a1c2b.js'), script);
  await writeFile(join(dist, 'assets', 'tiny-1b2c3d4e.js'), 'export {};');
  await copyFile(join(webDir, 'public', 'robots.txt'), join(dist, 'robots.txt'));
  const app = createApp({ ...(await testAppDeps(api.db, api.clock)), webDistDir: dist });
  const fetch = (path: string, init?: RequestInit) =>
    Promise.resolve(app.fetch(new Request(`http://yello.test${path}`, init)));
  return { fetch, script, dist };
}

const gzip = { 'accept-encoding': 'gzip, deflate, br' };

describe('serving the web app', () => {
  test('WEB-1.1 pages, scripts and GraphQL answers from 1 KB are gzipped for clients that accept it, and only then', async ({
    api,
    user,
  }) => {
    const { fetch, script } = await builtWebApp(api);
    const compressed = await fetch('/assets/index-3f9a1c2b.js', { headers: gzip });
    expect(compressed.headers.get('content-encoding')).toBe('gzip');
    expect(compressed.headers.get('vary')).toContain('Accept-Encoding');
    const bytes = Buffer.from(await compressed.arrayBuffer());
    expect(bytes.length).toBeLessThan(script.length / 3);
    expect(gunzipSync(bytes).toString()).toBe(script);

    const plain = await fetch('/assets/index-3f9a1c2b.js');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe(script);
    const tiny = await fetch('/assets/tiny-1b2c3d4e.js', { headers: gzip });
    expect(tiny.headers.get('content-encoding')).toBeNull();

    const page = await fetch('/some/board', { headers: gzip });
    expect(page.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await page.arrayBuffer())).toString()).toContain('<meta name="description"');

    const query = `{ me { id name email } a: __schema { types { name } } }`;
    const answer = await fetch('/graphql', {
      method: 'POST',
      headers: { ...gzip, 'content-type': 'application/json', authorization: `Bearer ${user.accessToken}` },
      body: JSON.stringify({ query }),
    });
    expect(answer.headers.get('content-encoding')).toBe('gzip');
    const body: unknown = JSON.parse(gunzipSync(Buffer.from(await answer.arrayBuffer())).toString());
    expect(body).toMatchObject({ data: { me: { name: user.name } } });
  });

  test('WEB-1.1 an event stream is never compressed', async ({ api, user, workspace }) => {
    const { fetch } = await builtWebApp(api);
    const response = await fetch('/graphql', {
      method: 'POST',
      headers: {
        ...gzip,
        'content-type': 'application/json',
        accept: 'text/event-stream',
        authorization: `Bearer ${user.accessToken}`,
      },
      body: JSON.stringify({
        query: 'subscription($id: ID!) { workspaceEvents(workspaceId: $id) { cursor } }',
        variables: { id: workspace.id },
      }),
    });
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    expect(response.headers.get('content-encoding')).not.toBe('gzip');
    const reader = response.body?.getReader();
    const first = await reader?.read();
    await reader?.cancel();
    expect(new TextDecoder().decode(first?.value)).toMatch(/^:/);
  });

  test('WEB-1.4 a script is sent as the build compressed it: its Brotli copy to a client that accepts Brotli, its gzip copy to one that accepts only gzip', async ({
    api,
  }) => {
    const { fetch, script, dist } = await builtWebApp(api);
    // As the build writes them (web/vite.config.ts): each copy beside its script, named by its encoding.
    const scriptPath = join(dist, 'assets', 'index-3f9a1c2b.js');
    await writeFile(`${scriptPath}.br`, brotliCompressSync(script));
    await writeFile(`${scriptPath}.gz`, gzipSync(script, { level: 9 }));

    const brotli = await fetch('/assets/index-3f9a1c2b.js', { headers: gzip });
    expect(brotli.headers.get('content-encoding')).toBe('br');
    expect(brotli.headers.get('vary')).toContain('Accept-Encoding');
    expect(brotli.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(brotli.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const brotliBytes = Buffer.from(await brotli.arrayBuffer());
    // The copy as it is on disk, not compressed again per request.
    expect(brotliBytes.equals(brotliCompressSync(script))).toBe(true);
    expect(brotliDecompressSync(brotliBytes).toString()).toBe(script);

    const gzipped = await fetch('/assets/index-3f9a1c2b.js', { headers: { 'accept-encoding': 'gzip' } });
    expect(gzipped.headers.get('content-encoding')).toBe('gzip');
    const gzipBytes = Buffer.from(await gzipped.arrayBuffer());
    expect(gzipBytes.equals(gzipSync(script, { level: 9 }))).toBe(true);

    const plain = await fetch('/assets/index-3f9a1c2b.js');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe(script);
  });

  test('WEB-1.2 hashed assets are cached for a year as immutable, the shell is revalidated', async ({ api }) => {
    const { fetch } = await builtWebApp(api);
    const asset = await fetch('/assets/index-3f9a1c2b.js');
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const gone = await fetch('/assets/index-00000000.js');
    expect(gone.status).toBe(404);
    expect(gone.headers.get('cache-control')).toBeNull();
    for (const path of ['/', '/index.html', '/acme/projects/YEL/board']) {
      const shell = await fetch(path);
      expect(shell.headers.get('content-type')).toContain('text/html');
      expect(shell.headers.get('cache-control')).toBe('no-cache');
    }
  });

  test('WEB-1.3 robots.txt is a robots file that keeps crawlers off the API and the app; the shell has a meta description', async ({
    api,
  }) => {
    const { fetch } = await builtWebApp(api);
    const robots = await fetch('/robots.txt');
    expect(robots.status).toBe(200);
    expect(robots.headers.get('content-type')).toContain('text/plain');
    const text = await robots.text();
    expect(text).not.toContain('<html');
    expect(text).toMatch(/^User-agent: \*$/m);
    expect(text).toMatch(/^Disallow: \/graphql$/m);
    expect(text).toMatch(/^Allow: \/login$/m);
    const shell = await (await fetch('/')).text();
    expect(shell).toMatch(/<meta name="description" content="[^"]{50,160}"/);
  });

  test('WEB-4.2 every GraphQL answer names the web build the shell was served from, and a new build another', async ({
    api,
    user,
    workspace,
  }) => {
    const { fetch, dist } = await builtWebApp(api);
    const shellVersion = async () =>
      /<meta name="yello-version" content="([\w-]+)" \/>/.exec(await (await fetch('/some/board')).text())?.[1];
    const post = (body: object, headers: Record<string, string> = {}) =>
      fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${user.accessToken}`, ...headers },
        body: JSON.stringify(body),
      });

    const version = await shellVersion();
    expect(version).toMatch(/^[\w-]{16}$/);
    const answer = await post({ query: '{ me { id } }' });
    expect(answer.headers.get(VERSION_HEADER)).toBe(version);
    // Refusals too: what the tab compares is the server's build, whatever the answer says.
    const refused = await post({ query: '{ nope }' });
    expect(await refused.json()).toMatchObject({ errors: [{ message: expect.stringContaining('nope') }] });
    expect(refused.headers.get(VERSION_HEADER)).toBe(version);
    const stream = await post(
      {
        query: 'subscription($id: ID!) { workspaceEvents(workspaceId: $id) { cursor } }',
        variables: { id: workspace.id },
      },
      { accept: 'text/event-stream' },
    );
    expect(stream.headers.get('content-type')).toBe('text/event-stream');
    expect(stream.headers.get(VERSION_HEADER)).toBe(version);
    const reader = stream.body?.getReader();
    await reader?.read();
    await reader?.cancel();

    // A deployment: the shell loads other assets.
    const shell = await readFile(join(dist, 'index.html'), 'utf8');
    await writeFile(join(dist, 'index.html'), shell.replace('index-3f9a1c2b.js', 'index-7d0e5a9c41.js'));
    const deployed = await shellVersion();
    expect(deployed).toMatch(/^[\w-]{16}$/);
    expect(deployed).not.toBe(version);
    expect((await post({ query: '{ me { id } }' })).headers.get(VERSION_HEADER)).toBe(deployed);
  });

  test('WEB-4.2 an API without a web app names no version', async ({ api, user }) => {
    const app = createApp(await testAppDeps(api.db, api.clock));
    const answer = await app.fetch(
      new Request('http://yello.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${user.accessToken}` },
        body: JSON.stringify({ query: '{ me { id } }' }),
      }),
    );
    expect(answer.status).toBe(200);
    expect(answer.headers.get(VERSION_HEADER)).toBeNull();
  });
});
