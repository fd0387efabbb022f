// @vitest-environment node
// `npm run dev`: the API restarting on change and the Vite dev server side by side, Vite proxying the API's paths.
// The dev server starts from web/vite.config.ts, with an HTTP server in the API's place.
import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import { createServer as createHttpServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const webDir = join(import.meta.dirname, '..');
const rootDir = join(webDir, '..');

interface ReceivedRequest {
  readonly method: string | undefined;
  readonly url: string | undefined;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/** What the stand-in for the API received, in order. */
const received: ReceivedRequest[] = [];
let upstream: Server | undefined;
let vite: ViteDevServer | undefined;
let viteUrl = '';
const previousApiUrl = process.env.YELLO_API_URL;

/** The port a listening server (node:http's, or Vite's) was given. */
function portOf(server: { address(): AddressInfo | string | null } | null | undefined): number {
  const address = server?.address();
  if (!address || typeof address === 'string') throw new Error('The server is not listening on a port.');
  return address.port;
}

beforeAll(async () => {
  upstream = createHttpServer(async (request, response) => {
    let body = '';
    for await (const chunk of request) body += String(chunk);
    received.push({ method: request.method, url: request.url, headers: request.headers, body });
    response.setHeader('content-type', 'application/json');
    if (request.url === '/health') {
      response.end(JSON.stringify({ status: 'ok', from: 'upstream' }));
    } else if (request.url === '/graphql') {
      response.end(JSON.stringify({ data: { echo: JSON.parse(body) } }));
    } else {
      response.statusCode = 404;
      response.end('{}');
    }
  });
  upstream.listen(0, '127.0.0.1');
  await once(upstream, 'listening');

  process.env.YELLO_API_URL = `http://127.0.0.1:${portOf(upstream)}`;
  vite = await createServer({
    configFile: join(webDir, 'vite.config.ts'),
    root: webDir,
    logLevel: 'silent',
    clearScreen: false,
    server: { host: '127.0.0.1', port: 0 },
  });
  await vite.listen();
  viteUrl = `http://127.0.0.1:${portOf(vite.httpServer)}`;
}, 60_000);

afterAll(async () => {
  await vite?.close();
  upstream?.close();
  if (previousApiUrl === undefined) delete process.env.YELLO_API_URL;
  else process.env.YELLO_API_URL = previousApiUrl;
});

describe('the development servers', () => {
  it('AUTH-17.2 npm run dev runs the API with restart on change and the Vite dev server together', async () => {
    const root: { scripts: Record<string, string> } = JSON.parse(await readFile(join(rootDir, 'package.json'), 'utf8'));
    const api: { scripts: Record<string, string> } = JSON.parse(
      await readFile(join(rootDir, 'api/package.json'), 'utf8'),
    );
    const web: { scripts: Record<string, string> } = JSON.parse(await readFile(join(webDir, 'package.json'), 'utf8'));
    expect(root.scripts.dev).toMatch(/^concurrently /);
    expect(root.scripts.dev).toContain('"npm run dev -w api"');
    expect(root.scripts.dev).toContain('"npm run dev -w web"');
    expect(api.scripts.dev).toMatch(/\bnode --watch src\/main\.ts$/);
    expect(web.scripts.dev).toBe('vite');
  });

  it('AUTH-17.2 the Vite dev server serves the app and proxies /health and /graphql to the API', async () => {
    const page = await fetch(`${viteUrl}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');

    const health = await fetch(`${viteUrl}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok', from: 'upstream' });

    const operation = { operationName: 'Profile', query: 'query Profile { me { id } }', variables: {} };
    const graphql = await fetch(`${viteUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-yello-csrf': '1', authorization: 'Bearer token-1' },
      body: JSON.stringify(operation),
    });
    expect(graphql.status).toBe(200);
    expect(await graphql.json()).toEqual({ data: { echo: operation } });

    expect(received.map((request) => `${request.method} ${request.url}`)).toEqual(['GET /health', 'POST /graphql']);
    const [, sent] = received;
    expect(sent?.headers['x-yello-csrf']).toBe('1');
    expect(sent?.headers.authorization).toBe('Bearer token-1');
    expect(sent?.body).toBe(JSON.stringify(operation));
  });
});
