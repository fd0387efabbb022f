// The guide for integrators (docs/guide.md) stays true: every example in it runs, in order, against the real entry
// point on a fresh embedded database, and must answer what the guide shows.
//
// How the guide's fenced blocks are read (the info string is what follows the opening fence):
// - `graphql`: a document sent as JSON with POST, with `Authorization: Bearer $TOKEN`, or what its first line says
//   (`# Authorization: Bearer $ACCESS_TOKEN`, `# No Authorization header`); then optionally `json variables`, then the
//   answer as `json`;
// - `sh`: one `curl` command, run with fetch as the shell would (shell-quote expands `$NAME` where the shell would);
//   then the answer: `json`, or `text` for an event stream (`-N`): its first events, compared event by event;
// - `js`: a Node script, run with the variables in its environment; then its output as `text`.
// `$NAME` (capitals) in variables and commands is a value the guide obtained before. In an answer, a string
// `"$NAME"` takes the value found there the first time, and must equal it afterwards. Values of keys that differ on
// every run (ids, dates, tokens, opaque cursors) are compared only as strings.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { lexer, type Token } from 'marked';
import { parse as parseShell } from 'shell-quote';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startYelloOnEmbeddedDatabase } from './server-process.ts';
import { createGraphQLClient, fetchAt } from './test-api.ts';

const GUIDE_FILE = fileURLToPath(new URL('../../docs/guide.md', import.meta.url));
/** Where the guide's commands send their requests; the test's server replaces it. */
const GUIDE_ORIGIN = 'http://127.0.0.1:3000';
const SECTIONS = ['Authenticating', 'Pagination', 'Live events', 'Errors', 'Webhooks'] as const;
/** Keys whose string values change from run to run. */
const VARYING_KEYS = new Set([
  'id',
  'accessToken',
  'secret',
  'lastFour',
  'createdAt',
  'updatedAt',
  'expiresAt',
  'occurredAt',
  'lastUsedAt',
  'startCursor',
  'endCursor',
]);
const PLACEHOLDER = /\$([A-Z][A-Z0-9_]*)/g;
const WHOLE_PLACEHOLDER = /^\$([A-Z][A-Z0-9_]*)$/;

type Example = { section: string; label: string } & (
  | { kind: 'graphql'; document: string; variables: string | undefined; answer: string }
  | { kind: 'curl'; command: string; answer: string; stream: boolean }
  | { kind: 'node'; script: string; output: string }
);

/**
 * An answer without its `extensions` (every answer carries its cost, INT-5.4) unless the guide shows them: the
 * guide's answers show what the example is about.
 */
function shownPart(expected: unknown, answer: unknown): unknown {
  if (!isRecord(answer) || (isRecord(expected) && 'extensions' in expected)) return answer;
  const { extensions: _cost, ...rest } = answer;
  return rest;
}

/** The guide's examples in order, each with its expected answer; fails on a block that is neither. */
function examplesOf(markdown: string): Example[] {
  const blocks: { lang: string; text: string; section: string }[] = [];
  let section = '';
  for (const token of lexer(markdown)) {
    if (token.type === 'heading' && token.depth === 2) section = token.text;
    if (isCode(token)) blocks.push({ lang: token.lang ?? '', text: token.text, section });
  }
  const examples: Example[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i];
    if (block === undefined) break;
    const next = (lang: string) => {
      const following = blocks[i + 1];
      if (following?.lang !== lang) return undefined;
      i += 1;
      return following.text;
    };
    const label = `${block.lang} example ${examples.length + 1} (${block.text.split('\n').find((line) => !line.startsWith('#')) ?? ''})`;
    const answerMissing = () => new Error(`The guide's ${label} has no answer after it.`);
    if (block.lang === 'graphql') {
      const variables = next('json variables');
      const answer = next('json') ?? throwError(answerMissing());
      examples.push({ section: block.section, label, kind: 'graphql', document: block.text, variables, answer });
    } else if (block.lang === 'sh') {
      const stream = /(^|\s)-\w*N/.test(block.text);
      const answer = next(stream ? 'text' : 'json') ?? throwError(answerMissing());
      examples.push({ section: block.section, label, kind: 'curl', command: block.text, answer, stream });
    } else if (block.lang === 'js') {
      const output = next('text') ?? throwError(answerMissing());
      examples.push({ section: block.section, label, kind: 'node', script: block.text, output });
    } else {
      throw new Error(`The guide has a \`${block.lang}\` block that answers no example: ${block.text.slice(0, 80)}`);
    }
  }
  return examples;
}

function isCode(token: Token): token is Token & { type: 'code'; lang?: string; text: string } {
  return token.type === 'code';
}

function throwError(error: Error): never {
  throw error;
}

/** Values the guide obtained so far, by placeholder name. */
type Bindings = Map<string, string>;

function boundValue(bindings: Bindings, name: string): string {
  const value = bindings.get(name);
  if (value === undefined) throw new Error(`The guide uses $${name} before any example gave it.`);
  return value;
}

/** `value` with every `$NAME` in its strings replaced by its binding. */
function substituted(value: unknown, bindings: Bindings): unknown {
  if (typeof value === 'string') return value.replace(PLACEHOLDER, (_, name: string) => boundValue(bindings, name));
  if (Array.isArray(value)) return value.map((item) => substituted(item, bindings));
  if (isRecord(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substituted(v, bindings)]));
  return value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * `actual` with what the guide cannot know replaced by what the guide shows: placeholders (bound on first sight) and
 * the varying keys' strings. Anything else is left as it is, for `toEqual` to compare.
 */
function conformed(expected: unknown, actual: unknown, bindings: Bindings, key?: string): unknown {
  if (typeof expected === 'string' && typeof actual === 'string') {
    const name = WHOLE_PLACEHOLDER.exec(expected)?.[1];
    if (name !== undefined) {
      const bound = bindings.get(name);
      if (bound === undefined) bindings.set(name, actual);
      return bound === undefined || bound === actual ? expected : actual;
    }
    return key !== undefined && VARYING_KEYS.has(key) ? expected : actual;
  }
  if (Array.isArray(expected) && Array.isArray(actual)) {
    return actual.map((item, index) => conformed(expected[index], item, bindings));
  }
  if (isRecord(expected) && isRecord(actual)) {
    return Object.fromEntries(Object.entries(actual).map(([k, v]) => [k, conformed(expected[k], v, bindings, k)]));
  }
  return actual;
}

interface StreamMessage {
  event: string | undefined;
  data: unknown;
}

/** A Server-Sent Events message (`event:` and `data:` lines); undefined for one without data (a comment). */
function streamMessage(raw: string): StreamMessage | undefined {
  let event: string | undefined;
  const data: string[] = [];
  for (const line of raw.split('\n')) {
    if (line.startsWith('event:')) event = line.slice('event:'.length).trim();
    if (line.startsWith('data:')) data.push(line.slice('data:'.length).trim());
  }
  return data.length === 0 ? undefined : { event, data: JSON.parse(data.join('\n')) };
}

const streamMessages = (text: string) =>
  text.split(/\n\n+/).flatMap((raw) => {
    const message = streamMessage(raw.trim());
    return message ? [message] : [];
  });

/** The first `count` messages of an event stream; the stream is closed after them. */
async function firstMessages(response: Response, count: number): Promise<StreamMessage[]> {
  if (!response.body) throw new Error(`No event stream (HTTP ${response.status}).`);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  const messages: StreamMessage[] = [];
  let buffer = '';
  try {
    while (messages.length < count) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += value;
      for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
        const message = streamMessage(buffer.slice(0, end));
        buffer = buffer.slice(end + 2);
        if (message && messages.length < count) messages.push(message);
      }
    }
  } finally {
    await reader.cancel();
  }
  return messages;
}

/** The request a `curl` command of the guide makes, sent to `origin`. */
function curlRequest(command: string, bindings: Bindings, origin: string): { url: string; init: RequestInit } {
  const words = parseShell(command, (name) => boundValue(bindings, name));
  let url: string | undefined;
  const headers = new Headers();
  let body: string | undefined;
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    if (word === '') continue; // a line continuation
    if (typeof word !== 'string') throw new Error(`Only one plain curl command per block: ${command}`);
    if (i === 0) {
      if (word !== 'curl') throw new Error(`Not a curl command: ${command}`);
    } else if (word === '-H' || word === '-d') {
      const value = words[++i];
      if (typeof value !== 'string') throw new Error(`${word} without a value: ${command}`);
      if (word === '-d') body = value;
      else {
        const colon = value.indexOf(':');
        headers.append(value.slice(0, colon).trim(), value.slice(colon + 1).trim());
      }
    } else if (/^-[sN]+$/.test(word)) {
      // silent, unbuffered: how curl prints, not what it sends
    } else if (word.startsWith(GUIDE_ORIGIN)) {
      url = origin + word.slice(GUIDE_ORIGIN.length);
    } else {
      throw new Error(`The test does not know curl's ${word}: ${command}`);
    }
  }
  if (url === undefined) throw new Error(`No ${GUIDE_ORIGIN} URL in: ${command}`);
  return { url, init: body === undefined ? { headers } : { method: 'POST', headers, body } };
}

/** The bearer credential a GraphQL example is sent with. */
function bearerOf(document: string, bindings: Bindings): string | undefined {
  const firstLine = document.split('\n', 1)[0] ?? '';
  if (firstLine === '# No Authorization header') return undefined;
  const named = /^# Authorization: Bearer \$([A-Z][A-Z0-9_]*)$/.exec(firstLine)?.[1];
  return boundValue(bindings, named ?? 'TOKEN');
}

const run = promisify(execFile);
const guide = readFileSync(GUIDE_FILE, 'utf8');
const examples = examplesOf(guide);
const bindings: Bindings = new Map();
let origin = '';
let scratch = '';
const cleanUps: (() => Promise<void>)[] = [];

beforeAll(async () => {
  // The webhooks example's receiver listens on 127.0.0.1, as the guide says (HOOK-7.2).
  const { url } = await startYelloOnEmbeddedDatabase((cleanUp) => cleanUps.push(cleanUp), '127.0.0.1', {
    WEBHOOKS_ALLOW_PRIVATE_ADDRESSES: 'true',
  });
  origin = url;
  // Under the repository's node_modules, so that a script's imports (standardwebhooks) resolve as in a reader's project.
  const cache = fileURLToPath(new URL('../../node_modules/.cache/', import.meta.url));
  await mkdir(cache, { recursive: true });
  scratch = await mkdtemp(join(cache, 'yello-guide-'));
  // What the guide starts from: Ada, her workspace Acme and its project Website with two tasks.
  const client = createGraphQLClient(fetchAt(url));
  const ada = await client.signUp({ name: 'Ada Lovelace', email: 'ada@example.com' });
  const token = ada.accessToken;
  const { createWorkspace } = await client.data<{ createWorkspace: { id: string } }>(
    'mutation($input: CreateWorkspaceInput!) { createWorkspace(input: $input) { id } }',
    { token, variables: { input: { name: 'Acme', slug: 'acme' } } },
  );
  const { createProject } = await client.data<{ createProject: { id: string } }>(
    'mutation($input: CreateProjectInput!) { createProject(input: $input) { id } }',
    { token, variables: { input: { workspaceId: createWorkspace.id, name: 'Website', key: 'WEB' } } },
  );
  for (const title of ['Write the launch post', 'Fix the signup form']) {
    await client.data('mutation($input: CreateTaskInput!) { createTask(input: $input) { id } }', {
      token,
      variables: { input: { projectId: createProject.id, title } },
    });
  }
  // What a reader knows without asking Yello: their sign-in, and a date for their token's expiry.
  bindings.set('EMAIL', ada.email);
  bindings.set('PASSWORD', ada.password);
  bindings.set('EXPIRES_AT', new Date(Date.now() + 90 * 86_400_000).toISOString());
}, 120_000);

afterAll(async () => {
  for (const cleanUp of cleanUps) await cleanUp();
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

describe('the guide for integrators', () => {
  it('INT-3.2 explains authenticating with a token, pagination, live events and errors, each with examples, and every error code the API sends', async () => {
    for (const section of SECTIONS) {
      expect(guide, `a "## ${section}" section`).toMatch(new RegExp(`^## ${section}$`, 'm'));
      expect(examples.filter((example) => example.section === section).length, section).toBeGreaterThan(0);
    }
    expect(examples.some((example) => example.kind === 'curl')).toBe(true);
    expect(examples.some((example) => example.kind === 'node')).toBe(true);
    // The codes the API's sources send: its own error tiers, the query limits, and the HTTP layer's.
    const source = (path: string) => readFile(fileURLToPath(new URL(`../src/${path}`, import.meta.url)), 'utf8');
    const tiers = /export type ErrorCode = ([^;]+);/.exec(await source('shared/errors.ts'))?.[1] ?? '';
    const codes = [
      ...tiers.matchAll(/'([A-Z_]+)'/g),
      ...(await source('graphql/armor.ts')).matchAll(/rejectWith\('([A-Z_]+)'\)/g),
      ...(await source('graphql/yoga.ts')).matchAll(/code: '([A-Z_]+)'/g),
      ...(await source('app.ts')).matchAll(/code: '([A-Z_]+)'/g),
    ].map((match) => match[1]);
    expect(codes.length).toBeGreaterThan(10);
    const errors = guide.slice(guide.indexOf('## Errors'));
    expect(codes.filter((code) => !errors.includes(`\`${code}\``))).toEqual([]);
  });

  it.each(examples.map((example) => [example.label, example] as const))(
    'INT-3.2, INT-3.3 %s answers as the guide shows, on a real server',
    async (_label, example) => {
      if (example.kind === 'graphql') {
        const headers = new Headers({ 'content-type': 'application/json' });
        const bearer = bearerOf(example.document, bindings);
        if (bearer !== undefined) headers.set('authorization', `Bearer ${bearer}`);
        const variables =
          example.variables === undefined ? undefined : substituted(JSON.parse(example.variables), bindings);
        const response = await fetch(`${origin}/graphql`, {
          method: 'POST',
          headers,
          body: JSON.stringify({ query: example.document, variables }),
        });
        const expected: unknown = JSON.parse(example.answer);
        expect(conformed(expected, shownPart(expected, await response.json()), bindings)).toEqual(expected);
      } else if (example.kind === 'curl') {
        const { url, init } = curlRequest(example.command, bindings, origin);
        const response = await fetch(url, { ...init, signal: AbortSignal.timeout(15_000) });
        if (example.stream) {
          const expected = streamMessages(example.answer);
          const received = await firstMessages(response, expected.length);
          expect(
            received.map((message, index) => ({
              event: message.event,
              data: conformed(expected[index]?.data, message.data, bindings),
            })),
          ).toEqual(expected);
        } else {
          const expected: unknown = JSON.parse(example.answer);
          expect(conformed(expected, shownPart(expected, await response.json()), bindings)).toEqual(expected);
        }
      } else {
        const file = join(scratch, 'example.mjs');
        await writeFile(file, example.script);
        const { stdout } = await run(process.execPath, [file], {
          env: { ...process.env, ...Object.fromEntries(bindings), YELLO_URL: origin },
          timeout: 30_000,
        });
        expect(stdout.trimEnd()).toBe(substituted(example.output, bindings));
      }
    },
  );
});
