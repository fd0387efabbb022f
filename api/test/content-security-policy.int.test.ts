import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../src/app.ts';
import { CSP_NONCE_PLACEHOLDER, sha256Source } from '../src/content-security-policy.ts';
import { describe, expect, test } from './fixtures.ts';
import { type TestApi, testAppDeps } from './test-api.ts';

/** A page shell as Vite writes it with `html.cspNonce` set to the placeholder. */
const shell = `<!doctype html><html><head><meta property="csp-nonce" nonce="${CSP_NONCE_PLACEHOLDER}">
<title>Yello</title><script type="module" crossorigin src="/assets/index.js" nonce="${CSP_NONCE_PLACEHOLDER}"></script>
<link rel="stylesheet" crossorigin href="/assets/index.css" nonce="${CSP_NONCE_PLACEHOLDER}"></head>
<body><div id="root"></div></body></html>`;

/** The directives of a Content-Security-Policy header, each with its sources. */
function directives(header: string | null): Map<string, string[]> {
  expect(header).not.toBeNull();
  return new Map(
    (header ?? '')
      .split(';')
      .map((directive) => directive.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name = '', ...sources]) => [name, sources]),
  );
}

/** The nonce a policy allows styles by. */
function styleNonce(policy: Map<string, string[]>): string {
  const source = policy.get('style-src')?.find((value) => value.startsWith("'nonce-"));
  expect(source).toBeDefined();
  return (source ?? '').slice("'nonce-".length, -1);
}

async function webApp(api: TestApi) {
  const dist = await mkdtemp(join(tmpdir(), 'yello-dist-'));
  await mkdir(join(dist, 'assets'));
  await writeFile(join(dist, 'index.html'), shell);
  await writeFile(join(dist, 'assets', 'index.js'), 'console.log("yello")');
  const app = createApp({ ...(await testAppDeps(api.db, api.clock)), webDistDir: dist });
  return (path: string, init?: RequestInit) =>
    Promise.resolve(app.fetch(new Request(`http://yello.test${path}`, init)));
}

describe('Content-Security-Policy', () => {
  test('AUTH-12.13 the web app is sent with a strict policy: scripts, styles, images and requests from Yello only', async ({
    api,
  }) => {
    const get = await webApp(api);
    for (const path of ['/', '/index.html', '/profile', '/acme/projects/YEL/board']) {
      const policy = directives((await get(path)).headers.get('content-security-policy'));
      expect(policy.get('default-src'), path).toEqual(["'self'"]);
      expect(policy.get('script-src'), path).toEqual(["'self'"]);
      expect(
        policy.get('style-src')?.filter((source) => !source.startsWith("'nonce-")),
        path,
      ).toEqual(["'self'"]);
      expect(policy.get('img-src'), path).toEqual(["'self'", 'data:']);
      expect(policy.get('connect-src'), path).toEqual(["'self'"]);
      expect(policy.get('object-src'), path).toEqual(["'none'"]);
      expect(policy.get('base-uri'), path).toEqual(["'none'"]);
      expect(policy.get('frame-ancestors'), path).toEqual(["'none'"]);
      expect(policy.get('form-action'), path).toEqual(["'self'"]);
      expect([...policy.values()].flat(), path).not.toContain("'unsafe-inline'");
      expect([...policy.values()].flat(), path).not.toContain("'unsafe-eval'");
    }
  });

  test('AUTH-12.13, WEB-9.6 the policy comes with the pages, not with the scripts and style sheets they load, which keep the other security headers; no response carries headers of another era', async ({
    api,
  }) => {
    const get = await webApp(api);
    const script = await get('/assets/index.js');
    expect(script.status).toBe(200);
    expect(script.headers.get('content-security-policy')).toBeNull();
    expect(script.headers.get('x-content-type-options')).toBe('nosniff');
    expect(script.headers.get('cross-origin-resource-policy')).toBe('same-origin');
    expect((await get('/')).headers.get('content-security-policy')).toContain("script-src 'self'");
    // Nor the headers only Internet Explorer 8, Flash and the removed XSS auditors read, on any response.
    for (const response of [script, await get('/'), await get('/graphql?query=%7B__typename%7D')]) {
      for (const header of ['x-download-options', 'x-permitted-cross-domain-policies', 'x-xss-protection']) {
        expect(response.headers.get(header), header).toBeNull();
      }
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });

  test('AUTH-12.13 every page shell gets a fresh nonce, in its policy and in the HTML the app reads it from', async ({
    api,
  }) => {
    const get = await webApp(api);
    const nonces: string[] = [];
    for (const path of ['/', '/', '/index.html', '/profile']) {
      const response = await get(path);
      const nonce = styleNonce(directives(response.headers.get('content-security-policy')));
      expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
      const html = await response.text();
      expect(html).not.toContain(CSP_NONCE_PLACEHOLDER);
      expect(html).toContain(`<meta property="csp-nonce" nonce="${nonce}">`);
      expect(html.match(/nonce="([^"]*)"/g)).toEqual(Array(3).fill(`nonce="${nonce}"`));
      expect(response.headers.get('cache-control')).toBe('no-cache');
      nonces.push(nonce);
    }
    expect(new Set(nonces).size).toBe(nonces.length);
    // The web app is built with the placeholder the server replaces.
    const viteConfig = await readFile(new URL('../../web/vite.config.ts', import.meta.url), 'utf8');
    expect(viteConfig).toContain(`cspNonce: '${CSP_NONCE_PLACEHOLDER}'`);
  });

  test('AUTH-12.13, AUTH-10.4 GraphiQL runs only its own inline scripts, allowed by their hashes', async ({ api }) => {
    const response = await api.fetch('/graphql', { headers: { accept: 'text/html' } });
    const html = await response.text();
    expect(html).toContain('Yello GraphQL API');
    const policy = directives(response.headers.get('content-security-policy'));
    const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((match) => match[1] ?? '');
    expect(scripts).toHaveLength(2);
    expect(policy.get('script-src')).toEqual(scripts.map(sha256Source));
    expect(policy.get('worker-src')).toEqual(['blob:']);
    expect(policy.get('connect-src')).toEqual(["'self'"]);
    expect(policy.get('img-src')).toEqual(["'self'", 'data:']);
    for (const directive of ['object-src', 'base-uri', 'frame-ancestors'])
      expect(policy.get(directive)).toEqual(["'none'"]);
    expect(policy.get('form-action')).toEqual(["'self'"]);
    // The same page, rendered once, with the same policy.
    const again = await api.fetch('/graphql', { headers: { accept: 'text/html' } });
    expect(again.headers.get('content-security-policy')).toBe(response.headers.get('content-security-policy'));
  });

  test('AUTH-12.13 the API answers data that may load nothing and be framed nowhere', async ({ api }) => {
    const response = await api.fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(response.status).toBe(200);
    const policy = directives(response.headers.get('content-security-policy'));
    expect(policy.get('default-src')).toEqual(["'none'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
  });
});
