// Requests that leave Yello for a webhook's URL (HOOK-7.1, HOOK-7.2) and the URL check at creation (HOOK-4.2).
// `post` goes through request-filtering-agent's agents, which check the address actually connected to, after DNS,
// so a name that answers a public address to `checkUrl` and a private one at delivery is still refused. Node's
// `http.request` follows no redirect. `checkUrl` resolves every address of the host and checks each with ipaddr.js
// (the library the agent itself uses), so creation refuses what delivery would.
import { lookup as dnsLookup } from 'node:dns';
import * as http from 'node:http';
import * as https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';
import { RequestFilteringHttpAgent, RequestFilteringHttpsAgent } from 'request-filtering-agent';

/** Limits of a delivery in production (HOOK-7.1): 10 seconds, 64 KB of the response read. */
export const PRODUCTION_OUTBOUND_LIMITS = { timeoutMs: 10_000, maxResponseBytes: 64 * 1024 } as const;

/** The longest URL a webhook may have (HOOK-4.2). */
export const MAX_URL_LENGTH = 2000;

/** How much of a response's body is kept as text. */
const BODY_PREFIX_BYTES = 1024;

export interface OutboundOptions {
  /** WEBHOOKS_ALLOW_PRIVATE_ADDRESSES: private, loopback and meta addresses and plain `http` URLs allowed (HOOK-7.2). */
  allowPrivateAddresses: boolean;
  /** From the start of the request to the end of reading its response: connection, answer and body. */
  timeoutMs: number;
  /** Read no more of a response than this, then close the connection. */
  maxResponseBytes: number;
  /** DNS resolution, for `checkUrl` and for every connection (`dns.lookup` by default); a seam for tests. */
  lookup?: LookupFunction;
}

export interface OutboundResponse {
  /** The response's status (a 3xx is returned as is, never followed); null when none arrived. */
  status: number | null;
  /** The first 1,024 bytes of the body as text (a character cut at the end is left out, NUL bytes replaced). */
  bodyPrefix: string;
  durationMs: number;
  /** Why the attempt failed (refused URL or address, network error, timeout); null when a whole answer was read. */
  error: string | null;
}

/** A sentence for a BAD_USER_INPUT field error. */
export type UrlProblem = string;

export interface OutboundHttp {
  /** POSTs once; never throws; never follows a redirect; refuses non-public addresses at connection time unless allowed. */
  post(url: string, headers: Readonly<Record<string, string>>, body: string): Promise<OutboundResponse>;
  /**
   * For creation: an absolute https URL (http too when private addresses are allowed) of at most 2,000 characters,
   * without username or password, whose host resolves only to public addresses (unless allowed). Null when fine.
   */
  checkUrl(url: string): Promise<UrlProblem | null>;
}

/** Only ipaddr.js's `unicast` range is public; an IPv4-mapped IPv6 address is judged as its IPv4 address. */
function isPublicAddress(address: string): boolean {
  return ipaddr.isValid(address) && ipaddr.process(address).range() === 'unicast';
}

/** The URL's problem of form (HOOK-4.2, HOOK-7.2), or the parsed URL. */
function parseUrl(url: string, allowPrivateAddresses: boolean): { problem: UrlProblem } | { url: URL } {
  if (url.length > MAX_URL_LENGTH) return { problem: `The URL must be at most ${MAX_URL_LENGTH} characters long.` };
  const parsed = URL.parse(url);
  const protocols = allowPrivateAddresses ? ['https:', 'http:'] : ['https:'];
  if (parsed === null || !protocols.includes(parsed.protocol) || parsed.hostname === '')
    return {
      problem: allowPrivateAddresses
        ? 'The URL must be an absolute http(s) URL.'
        : 'The URL must be an absolute https URL.',
    };
  if (parsed.username !== '' || parsed.password !== '')
    return { problem: 'The URL must not carry a username or password.' };
  return { url: parsed };
}

/** The host of a URL as DNS and `net` take it: an IPv6 address without its brackets. */
function hostOf(url: URL): string {
  return url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
}

function resolveAll(lookup: LookupFunction, host: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    lookup(host, { all: true }, (error, addresses) => {
      if (error) reject(error);
      else resolve(Array.isArray(addresses) ? addresses.map((entry) => entry.address) : [addresses]);
    });
  });
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function createOutboundHttp(options: OutboundOptions): OutboundHttp {
  const { allowPrivateAddresses, timeoutMs, maxResponseBytes } = options;
  const lookup: LookupFunction = options.lookup ?? dnsLookup;
  // Per client, not request-filtering-agent's global agents. No keep-alive: each delivery connects, and so is
  // checked, anew. `allowMetaIPAddress` follows the flag too (0.0.0.0 reaches this machine, like loopback).
  const filter = { allowPrivateIPAddress: allowPrivateAddresses, allowMetaIPAddress: allowPrivateAddresses };
  const httpAgent = new RequestFilteringHttpAgent({ ...filter, keepAlive: false });
  const httpsAgent = new RequestFilteringHttpsAgent({ ...filter, keepAlive: false });

  function send(url: URL, headers: Readonly<Record<string, string>>, body: string, started: number) {
    return new Promise<OutboundResponse>((resolve) => {
      const payload = Buffer.from(body, 'utf8');
      const prefix = Buffer.alloc(BODY_PREFIX_BYTES);
      let prefixLength = 0;
      let received = 0;
      let status: number | null = null;
      let settled = false;

      const settle = (error: string | null) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        // Closes the connection: after a whole answer it is idle, after the cap or a timeout it is cut.
        request.destroy();
        // `stream: true` holds back a character cut by the prefix's end instead of decoding it as U+FFFD;
        // PostgreSQL text cannot hold NUL, so those become U+FFFD.
        const text = new TextDecoder('utf-8').decode(prefix.subarray(0, prefixLength), { stream: true });
        resolve({
          status,
          bodyPrefix: text.replaceAll('\u0000', '\uFFFD'),
          durationMs: Math.round(performance.now() - started),
          error,
        });
      };

      const requestOptions: http.RequestOptions = {
        method: 'POST',
        agent: url.protocol === 'https:' ? httpsAgent : httpAgent,
        headers: { ...headers, 'content-length': String(payload.byteLength) },
        // request-filtering-agent resolves through the request's `lookup` when there is one (dns.lookup otherwise)
        // and checks what it answers before the socket connects.
        ...(options.lookup === undefined ? {} : { lookup: options.lookup }),
      };
      const onResponse = (response: http.IncomingMessage) => {
        status = response.statusCode ?? null;
        response.on('data', (chunk: Buffer) => {
          if (prefixLength < BODY_PREFIX_BYTES) prefixLength += chunk.copy(prefix, prefixLength);
          received += chunk.byteLength;
          if (received >= maxResponseBytes) settle(null);
        });
        response.on('end', () => settle(null));
        response.on('error', (error) => settle(messageOf(error)));
        response.on('close', () => {
          if (!response.complete) settle('The connection closed before the whole response arrived.');
        });
      };
      const request =
        url.protocol === 'https:'
          ? https.request(url, requestOptions, onResponse)
          : http.request(url, requestOptions, onResponse);
      request.on('error', (error) => settle(messageOf(error)));
      const timer = setTimeout(() => settle(`No complete response within ${timeoutMs} ms.`), timeoutMs);
      request.end(payload);
    });
  }

  return {
    async post(url, headers, body) {
      const started = performance.now();
      const parsed = parseUrl(url, allowPrivateAddresses);
      if ('problem' in parsed) return { status: null, bodyPrefix: '', durationMs: 0, error: parsed.problem };
      try {
        return await send(parsed.url, headers, body, started);
      } catch (error: unknown) {
        // http.request throws synchronously on a header it cannot send (a bad name or value).
        return {
          status: null,
          bodyPrefix: '',
          durationMs: Math.round(performance.now() - started),
          error: messageOf(error),
        };
      }
    },

    async checkUrl(url) {
      const parsed = parseUrl(url, allowPrivateAddresses);
      if ('problem' in parsed) return parsed.problem;
      if (allowPrivateAddresses) return null;
      const host = hostOf(parsed.url);
      let addresses: string[];
      try {
        addresses = isIP(host) === 0 ? await resolveAll(lookup, host) : [host];
      } catch {
        return `The URL's host ${host} could not be resolved.`;
      }
      if (addresses.length === 0) return `The URL's host ${host} could not be resolved.`;
      const refused = addresses.find((address) => !isPublicAddress(address));
      return refused === undefined ? null : `The URL's host resolves to ${refused}, which is not a public address.`;
    },
  };
}
