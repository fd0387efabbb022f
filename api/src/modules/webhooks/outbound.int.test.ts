// Outbound webhook requests against real HTTP servers on 127.0.0.1 (no HTTP mocks). DNS names are answered by the
// `lookup` seam, so a name can change its answer between the creation check and the connection.

import type { LookupAddress } from 'node:dns';
import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, LookupFunction } from 'node:net';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { afterEach, describe, expect, test } from 'vitest';
import { createOutboundHttp } from './outbound.ts';

interface Receiver {
  port: number;
  url: string;
  /** TCP connections accepted, requests received. */
  connections: number;
  requests: {
    method: string | undefined;
    url: string | undefined;
    headers: IncomingMessage['headers'];
    body: string;
  }[];
}

const running: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((close) => close()));
});

/** An HTTP server on a free port of 127.0.0.1 that records what reaches it; the handler answers once the body is read. */
async function startReceiver(
  handler: (request: IncomingMessage, response: ServerResponse) => void = (_request, response) => response.end('ok'),
): Promise<Receiver> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address: AddressInfo | string | null = server.address();
  if (address === null || typeof address === 'string') throw new Error('The receiver has no TCP address.');
  const receiver: Receiver = {
    port: address.port,
    url: `http://127.0.0.1:${address.port}`,
    connections: 0,
    requests: [],
  };
  server.on('connection', () => {
    receiver.connections += 1;
  });
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      receiver.requests.push({
        method: request.method,
        url: request.url,
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      handler(request, response);
    });
  });
  running.push(async () => {
    server.closeAllConnections();
    server.close();
    await once(server, 'close');
  });
  return receiver;
}

/** A resolver that answers `answer(call)` for every name, recording the names asked, as `dns.lookup` would. */
function scriptedLookup(answer: (call: number) => string[]): { lookup: LookupFunction; names: string[] } {
  const names: string[] = [];
  const lookup: LookupFunction = (hostname, options, callback) => {
    names.push(hostname);
    const addresses: LookupAddress[] = answer(names.length).map((address) => ({
      address,
      family: address.includes(':') ? 6 : 4,
    }));
    const [first] = addresses;
    process.nextTick(() => {
      if (first === undefined)
        callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }), []);
      else if (options.all) callback(null, addresses);
      else callback(null, first.address, first.family);
    });
  };
  return { lookup, names };
}

const PUBLIC_V4 = '93.184.215.14';
const PUBLIC_V6 = '2606:4700:4700::1111';
const limits = { timeoutMs: 5000, maxResponseBytes: 64 * 1024 };

describe('outbound requests where private addresses are allowed', () => {
  const outbound = createOutboundHttp({ allowPrivateAddresses: true, ...limits });

  test('HOOK-7.1 HOOK-7.2 posts the body once to a loopback http URL and returns the 200 with its body prefix and duration', async () => {
    const answer = `${'a'.repeat(1000)}${'b'.repeat(2000)}`;
    const receiver = await startReceiver((_request, response) => {
      setTimeout(() => response.writeHead(200, { 'content-type': 'text/plain' }).end(answer), 40);
    });

    const result = await outbound.post(
      `${receiver.url}/hooks/yello?x=1`,
      { 'content-type': 'application/json', 'webhook-id': 'msg_1' },
      '{"type":"task.created"}',
    );

    expect(result).toMatchObject({ status: 200, error: null, bodyPrefix: answer.slice(0, 1024) });
    expect(result.durationMs).toBeGreaterThanOrEqual(35);
    expect(result.durationMs).toBeLessThan(limits.timeoutMs);
    expect(receiver.requests).toHaveLength(1);
    expect(receiver.requests[0]).toMatchObject({
      method: 'POST',
      url: '/hooks/yello?x=1',
      body: '{"type":"task.created"}',
      headers: { 'content-type': 'application/json', 'webhook-id': 'msg_1', 'content-length': '23' },
    });
  });

  test('HOOK-7.1 returns a 500 as the attempt’s status with its body', async () => {
    const receiver = await startReceiver((_request, response) => response.writeHead(500).end('receiver broke'));

    const result = await outbound.post(receiver.url, {}, '{}');

    expect(result).toMatchObject({ status: 500, bodyPrefix: 'receiver broke', error: null });
  });

  test('HOOK-7.1 follows no redirect: a 302 is returned as is and its target receives nothing', async () => {
    const target = await startReceiver();
    const redirecting = await startReceiver((_request, response) =>
      response.writeHead(302, { location: `${target.url}/elsewhere` }).end(),
    );

    const result = await outbound.post(redirecting.url, {}, '{}');

    expect(result).toMatchObject({ status: 302, error: null });
    expect(redirecting.requests).toHaveLength(1);
    expect(target.connections).toBe(0);
  });

  test('HOOK-7.1 gives up on a receiver that never answers once the timeout has passed', async () => {
    const silent = await startReceiver(() => {});
    const impatient = createOutboundHttp({ allowPrivateAddresses: true, timeoutMs: 200, maxResponseBytes: 1024 });

    const result = await impatient.post(silent.url, {}, '{}');

    expect(silent.requests).toHaveLength(1);
    expect(result).toMatchObject({ status: null, bodyPrefix: '', error: 'No complete response within 200 ms.' });
    expect(result.durationMs).toBeGreaterThanOrEqual(195);
  });

  test('HOOK-7.1 reads a 10 MB response only up to the cap, then closes the connection', async () => {
    const total = 10 * 1024 * 1024;
    const chunk = Buffer.alloc(64 * 1024, 'z');
    let written = 0;
    let finished = false;
    const closed = Promise.withResolvers<void>();
    const receiver = await startReceiver((_request, response) => {
      response.on('close', () => closed.resolve());
      response.on('finish', () => {
        finished = true;
      });
      response.writeHead(200, { 'content-length': String(total) });
      const body = async function* () {
        while (written < total) {
          written += chunk.byteLength;
          yield chunk;
        }
      };
      // Stops pulling chunks, with an error that says so, once the client has closed the connection.
      pipeline(Readable.from(body()), response).catch(() => {});
    });
    const capped = createOutboundHttp({ allowPrivateAddresses: true, timeoutMs: 5000, maxResponseBytes: 64 * 1024 });

    const result = await capped.post(receiver.url, {}, '{}');
    await closed.promise;

    expect(result).toMatchObject({ status: 200, error: null, bodyPrefix: 'z'.repeat(1024) });
    expect(finished).toBe(false);
    expect(written).toBeLessThan(total);
  });

  test('HOOK-7.1 keeps the first kilobyte as text, leaving out a character cut at its end and replacing NUL', async () => {
    const receiver = await startReceiver((_request, response) => response.end(`\u0000${'é'.repeat(600)}`));

    const result = await outbound.post(receiver.url, {}, '{}');

    // 1 byte of NUL and 511 two-byte characters make 1,023 bytes; the 1,024th is half of the 512th character.
    expect(result.bodyPrefix).toBe(`\uFFFD${'é'.repeat(511)}`);
  });

  test('HOOK-7.2 connects to the address the lookup answers for a name, loopback included', async () => {
    const receiver = await startReceiver();
    const dns = scriptedLookup(() => ['127.0.0.1']);
    const client = createOutboundHttp({ allowPrivateAddresses: true, ...limits, lookup: dns.lookup });

    expect(await client.checkUrl(`http://receiver.example:${receiver.port}/hook`)).toBeNull();
    const result = await client.post(`http://receiver.example:${receiver.port}/hook`, {}, '{}');

    expect(result).toMatchObject({ status: 200, error: null, bodyPrefix: 'ok' });
    expect(receiver.requests[0]?.headers.host).toBe(`receiver.example:${receiver.port}`);
    expect(dns.names).toEqual(['receiver.example']);
  });

  test('HOOK-7.2 HOOK-4.2 checkUrl accepts http and private hosts but still refuses credentials, other schemes and long URLs', async () => {
    for (const url of [
      'http://127.0.0.1:3000/hook',
      'http://localhost/hook',
      'https://10.0.0.1/hook',
      'http://[::1]/',
    ]) {
      expect(await outbound.checkUrl(url)).toBeNull();
    }
    expect(await outbound.checkUrl('http://user:secret@127.0.0.1/')).toMatch(/username or password/);
    expect(await outbound.checkUrl('ftp://127.0.0.1/')).toMatch(/absolute http\(s\) URL/);
    expect(await outbound.checkUrl(`http://127.0.0.1/${'a'.repeat(2000)}`)).toMatch(/at most 2000 characters/);
  });
});

describe('outbound requests where private addresses are refused (the default)', () => {
  const outbound = createOutboundHttp({ allowPrivateAddresses: false, ...limits });
  const nonPublicHosts = [
    '127.0.0.1',
    'localhost',
    '10.0.0.1',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '[::1]',
    '[fe80::1]',
    '[::ffff:127.0.0.1]',
    '[::ffff:7f00:1]',
    '0.0.0.0',
  ];

  test.each(nonPublicHosts)('HOOK-7.1 post refuses to connect to %s', async (host) => {
    const receiver = await startReceiver();

    const result = await outbound.post(`https://${host}:${receiver.port}/hook`, {}, '{}');

    expect(result.status).toBeNull();
    expect(result.error).toMatch(/is not allowed\. Because,? It is (private|meta) IP address/);
    expect(receiver.connections).toBe(0);
  });

  test.each(nonPublicHosts)('HOOK-4.2 HOOK-7.1 checkUrl refuses %s', async (host) => {
    expect(await outbound.checkUrl(`https://${host}/hook`)).toMatch(
      /^The URL's host resolves to .+, which is not a public address\.$/,
    );
  });

  test('HOOK-4.2 HOOK-7.2 refuses plain http, credentials, relative and other-scheme URLs and URLs over 2,000 characters', async () => {
    const dns = scriptedLookup(() => [PUBLIC_V4]);
    const client = createOutboundHttp({ allowPrivateAddresses: false, ...limits, lookup: dns.lookup });
    const base = 'https://hooks.example.com/';
    const refused: [string, RegExp][] = [
      ['http://hooks.example.com/hook', /^The URL must be an absolute https URL\.$/],
      ['ftp://hooks.example.com/hook', /^The URL must be an absolute https URL\.$/],
      ['/hook', /^The URL must be an absolute https URL\.$/],
      ['hooks.example.com/hook', /^The URL must be an absolute https URL\.$/],
      ['https://user:secret@hooks.example.com/hook', /^The URL must not carry a username or password\.$/],
      ['https://user@hooks.example.com/hook', /^The URL must not carry a username or password\.$/],
      [`${base}${'a'.repeat(2001 - base.length)}`, /^The URL must be at most 2000 characters long\.$/],
    ];

    for (const [url, problem] of refused) {
      expect(await client.checkUrl(url), url).toMatch(problem);
      expect(await client.post(url, {}, '{}'), url).toMatchObject({
        status: null,
        error: expect.stringMatching(problem),
      });
    }
    expect(dns.names).toEqual([]);
    expect(await client.checkUrl(`${base}${'a'.repeat(2000 - base.length)}`)).toBeNull();
    expect(dns.names).toEqual(['hooks.example.com']);
  });

  test('HOOK-4.2 checkUrl accepts a name whose every address is public, and a public IPv4 address mapped into IPv6', async () => {
    const dns = scriptedLookup(() => [PUBLIC_V4, PUBLIC_V6]);
    const client = createOutboundHttp({ allowPrivateAddresses: false, ...limits, lookup: dns.lookup });

    expect(await client.checkUrl('https://hooks.example.com:8443/yello')).toBeNull();
    expect(await client.checkUrl('https://[::ffff:93.184.215.14]/yello')).toBeNull();
    expect(await client.checkUrl(`https://${PUBLIC_V4}/yello`)).toBeNull();
  });

  test('HOOK-4.2 HOOK-7.1 checkUrl refuses a name among whose addresses one is private', async () => {
    const dns = scriptedLookup(() => [PUBLIC_V4, PUBLIC_V6, '10.1.2.3']);
    const client = createOutboundHttp({ allowPrivateAddresses: false, ...limits, lookup: dns.lookup });

    expect(await client.checkUrl('https://hooks.example.com/yello')).toBe(
      "The URL's host resolves to 10.1.2.3, which is not a public address.",
    );
  });

  test('HOOK-4.2 checkUrl refuses a host that does not resolve', async () => {
    const dns = scriptedLookup(() => []);
    const client = createOutboundHttp({ allowPrivateAddresses: false, ...limits, lookup: dns.lookup });

    expect(await client.checkUrl('https://nowhere.example/yello')).toBe(
      "The URL's host nowhere.example could not be resolved.",
    );
  });

  test('HOOK-7.1 post refuses a name that answered a public address to checkUrl and answers loopback at connection', async () => {
    const receiver = await startReceiver();
    const dns = scriptedLookup((call) => (call === 1 ? [PUBLIC_V4] : ['127.0.0.1']));
    const client = createOutboundHttp({ allowPrivateAddresses: false, ...limits, lookup: dns.lookup });
    const url = `https://rebinding.example:${receiver.port}/hook`;

    expect(await client.checkUrl(url)).toBeNull();
    const result = await client.post(url, {}, '{}');

    expect(result.status).toBeNull();
    expect(result.error).toMatch(/DNS lookup 127\.0\.0\.1\(family:4, host:rebinding\.example\) is not allowed/);
    expect(dns.names).toEqual(['rebinding.example', 'rebinding.example']);
    expect(receiver.connections).toBe(0);
  });
});
