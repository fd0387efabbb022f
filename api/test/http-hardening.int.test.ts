// Findings of a black-box security test (issue 9), each reproduced against the real app: through app.fetch where
// the bug lies in the app, and on a real server listening on a loopback port where it lies in the socket layer.
import { once } from 'node:events';
import { Agent, type IncomingHttpHeaders, request } from 'node:http';
import type { Socket } from 'node:net';
import { serve } from '@hono/node-server';
import { type App, createApp, MAX_BODY_BYTES } from '../src/app.ts';
import { describe, expect, test } from './fixtures.ts';
import { errorCodes, type GraphQLResponseBody, type TestApi, testAppDeps } from './test-api.ts';

/** A JSON list nested `levels` deep around a string: `[[["x"]]]`. */
const nestedList = (levels: number): string => `${'['.repeat(levels)}"x"${']'.repeat(levels)}`;
/** A JSON object nested `levels` deep around a string: `{"a":{"a":"x"}}`. */
const nestedObject = (levels: number): string => `${'{"a":'.repeat(levels)}"x"${'}'.repeat(levels)}`;

/** As many levels as fit in a request body under the limit, leaving 1 KB for the rest of the request. */
const levelsWithinLimit = (nested: (levels: number) => string): number =>
  Math.floor((MAX_BODY_BYTES - 1024) / (nested(1).length - nested(0).length));

/** Operations taking a variable where a string, a list of ids and an input object's string are expected. */
const operations = [
  ['a string argument', 'query($value: String!) { invitation(token: $value) { workspaceName } }', (v: string) => v],
  ['a list argument', 'query($value: [ID!]!) { nodes(ids: $value) { id } }', (v: string) => `[${v}]`],
  [
    'an input object field',
    'mutation($value: LoginInput!) { login(input: $value) { accessToken } }',
    (v: string) => `{"email":${v},"password":"long-enough-password"}`,
  ],
] as const;

const shapes = [
  ['a list', nestedList],
  ['an object', nestedObject],
] as const;

describe('deeply nested variables', () => {
  test.for(
    shapes.flatMap(([shape, nested]) =>
      operations.map(([where, query, wrap]) => [shape, where, query, wrap, nested] as const),
    ),
  )(
    'AUTH-12.9 %s nested as deep as the body limit allows, for %s, is BAD_USER_INPUT, not a crash',
    async ([, , query, wrap, nested], { api }) => {
      const post = async (value: string, accept: string) => {
        const body = `{"query":${JSON.stringify(query)},"variables":{"value":${wrap(value)}}}`;
        expect(body.length).toBeLessThan(MAX_BODY_BYTES);
        const response = await api.fetch('/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept },
          body,
        });
        const result: GraphQLResponseBody = await response.json();
        return { status: response.status, codes: errorCodes(result) };
      };
      const deep = nested(levelsWithinLimit(nested));
      expect(await post(deep, 'application/graphql-response+json')).toEqual({ status: 400, codes: ['BAD_USER_INPUT'] });
      // With application/json, the answer any value of the wrong type gets.
      const shallow = await post(nested(1), 'application/json');
      expect(shallow.status).toBeLessThan(500);
      expect(await post(deep, 'application/json')).toEqual({ status: shallow.status, codes: ['BAD_USER_INPUT'] });
    },
  );

  test('AUTH-12.9 a deeply nested variable in a GET request is BAD_USER_INPUT, not a crash', async ({ api }) => {
    const [, query] = operations[0];
    const search = new URLSearchParams({ query, variables: `{"value":${nestedList(5_000)}}` });
    const response = await api.fetch(`/graphql?${search}`, {
      headers: { accept: 'application/graphql-response+json', 'x-yello-csrf': '1' },
    });
    expect(errorCodes(await response.json())).toEqual(['BAD_USER_INPUT']);
    expect(response.status).toBe(400);
  });
});

describe('GET parameters', () => {
  const get = (api: TestApi, parameters: Record<string, string>) =>
    api.fetch(`/graphql?${new URLSearchParams({ query: '{ __typename }', ...parameters })}`, {
      headers: { accept: 'application/json', 'x-yello-csrf': '1' },
    });

  test.for(['variables', 'extensions'])(
    'AUTH-12.10 malformed JSON in the %s parameter is a 400 BAD_REQUEST',
    async (parameter, { api }) => {
      const wellFormed = await get(api, { [parameter]: '{}' });
      expect(await wellFormed.json()).toMatchObject({ data: { __typename: 'Query' } });
      const malformed = await get(api, { [parameter]: '{"a":' });
      expect(malformed.status).toBe(400);
      const body: GraphQLResponseBody = await malformed.json();
      expect(errorCodes(body)).toEqual(['BAD_REQUEST']);
      expect(JSON.stringify(body)).not.toMatch(/stack|\.ts:\d|node_modules/);
    },
  );
});

describe('the refresh cookie behind a proxy', () => {
  /** The Set-Cookie header of a login through `app`, sent with `headers`. */
  async function loginCookie(app: Pick<App, 'fetch'>, user: { email: string; password: string }, headers = {}) {
    const response = await app.fetch(
      new Request('http://yello.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({
          query: 'mutation($input: LoginInput!) { login(input: $input) { accessToken } }',
          variables: { input: { email: user.email, password: user.password } },
        }),
      }),
    );
    expect(response.status).toBe(200);
    const cookie = response.headers.get('set-cookie');
    expect(cookie).toMatch(/^yello_refresh=/);
    return cookie ?? '';
  }
  const secure = /;\s*Secure(;|$)/i;

  test('AUTH-5.7, AUTH-5.1 with TRUST_PROXY, X-Forwarded-Proto: https makes the refresh cookie Secure', async ({
    api,
    user,
  }) => {
    // The test app trusts the proxy (TRUST_PROXY) and leaves COOKIE_SECURE off.
    expect(await loginCookie(api.app, user, { 'x-forwarded-proto': 'https' })).toMatch(secure);
    expect(await loginCookie(api.app, user, { 'x-forwarded-proto': 'https, http' })).toMatch(secure);
    expect(await loginCookie(api.app, user, { 'x-forwarded-proto': 'http' })).not.toMatch(secure);
    expect(await loginCookie(api.app, user)).not.toMatch(secure);
  });

  test('AUTH-5.7 without TRUST_PROXY, X-Forwarded-Proto is ignored', async ({ api, user }) => {
    const direct = createApp({ ...(await testAppDeps(api.db, api.clock)), trustProxy: false });
    expect(await loginCookie(direct, user, { 'x-forwarded-proto': 'https' })).not.toMatch(secure);
  });
});

interface HttpAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
  /** The connection it came on. */
  socket: Socket;
}

/** One request through `agent`, its body announced by Content-Length or sent in chunks. */
function send(agent: Agent, url: string, method: string, body?: string, chunked = false): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const outgoing = request(url, { agent, method, headers: body ? { 'content-type': 'application/json' } : {} });
    let answered = false;
    outgoing.on('response', (incoming) => {
      answered = true;
      let text = '';
      incoming.setEncoding('utf8');
      incoming.on('data', (chunk: string) => {
        text += chunk;
      });
      incoming.on('end', () => {
        resolve({ status: incoming.statusCode ?? 0, headers: incoming.headers, body: text, socket: incoming.socket });
      });
      incoming.on('error', reject);
    });
    // Once answered, a server may close the connection while the client is still sending the body it refused.
    outgoing.on('error', (error) => {
      if (!answered) reject(error);
    });
    if (chunked && body !== undefined) outgoing.write(body);
    outgoing.end(chunked ? undefined : body);
  });
}

describe('the connection after a 413', () => {
  test.for([
    ['announced by Content-Length', false],
    ['sent in chunks', true],
  ] as const)(
    'AUTH-12.11, AUTH-12.1 a body over the limit %s is answered Connection: close, the connection is closed, and the next request is answered',
    async ([, chunked], { api }) => {
      const server = serve({
        fetch: createApp(await testAppDeps(api.db, api.clock)).fetch,
        port: 0,
        hostname: '127.0.0.1',
      });
      await once(server, 'listening');
      const address = server.address();
      if (address === null || typeof address === 'string') throw new Error('The server has no port.');
      const url = `http://127.0.0.1:${address.port}`;
      const agent = new Agent({ keepAlive: true, maxSockets: 1 });
      try {
        // Well over the limit: left to @hono/node-server's drain, such a body is not read in time and the connection
        // the answer called keep-alive is destroyed under the client's next request.
        const tooLarge = await send(
          agent,
          `${url}/graphql`,
          'POST',
          JSON.stringify({ query: '{ __typename }', padding: 'x'.repeat(10 * MAX_BODY_BYTES) }),
          chunked,
        );
        expect(tooLarge.status).toBe(413);
        expect(errorCodes(JSON.parse(tooLarge.body))).toEqual(['PAYLOAD_TOO_LARGE']);
        expect(tooLarge.headers.connection).toBe('close');
        if (!tooLarge.socket.closed) await once(tooLarge.socket, 'close');

        const next = await send(agent, `${url}/health`, 'GET');
        expect(next.status).toBe(200);
        expect(next.socket).not.toBe(tooLarge.socket);
      } finally {
        agent.destroy();
        await new Promise((closed) => server.close(closed));
      }
    },
  );
});
