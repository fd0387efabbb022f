// The API reference (INT-3.1): built offline from schema.graphql, complete, and committed as built.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  buildSchema,
  type GraphQLArgument,
  type GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isScalarType,
  isUnionType,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildReference, REFERENCE_DIR, type ReferencePage, referencePages, SCHEMA_FILE } from './reference.ts';

const root = fileURLToPath(new URL('../../..', import.meta.url));

/** A page's text as a reader sees it: character references decoded, whitespace collapsed. */
const readable = (markdown: string) =>
  markdown
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, decimal: string) => String.fromCodePoint(Number.parseInt(decimal, 10)))
    .replace(/\s+/g, ' ');

let built = '';
let pages: ReferencePage[] = [];
let schema: GraphQLSchema;

beforeAll(async () => {
  built = await mkdtemp(join(tmpdir(), 'yello-reference-'));
  // No network: nothing the build does may fetch (the schema is a file, the formatter a local package).
  vi.stubGlobal('fetch', () => Promise.reject(new Error('npm run docs must not use the network.')));
  try {
    await buildReference(join(root, SCHEMA_FILE), join(built, 'reference'));
  } finally {
    vi.unstubAllGlobals();
  }
  pages = await referencePages(join(built, 'reference'));
  schema = buildSchema(await readFile(join(root, SCHEMA_FILE), 'utf8'));
}, 60_000);

afterAll(async () => {
  await rm(built, { recursive: true, force: true });
});

/** The text of the page titled `title` in one of `folders`, or undefined. */
async function pageText(folders: readonly string[], title: string): Promise<string | undefined> {
  const page = pages.find(
    (candidate) => candidate.title === title && folders.some((f) => candidate.path.startsWith(f)),
  );
  return page && readable(await readFile(join(built, 'reference', page.path), 'utf8'));
}

function folderOf(type: ReturnType<GraphQLSchema['getTypeMap']>[string]): string {
  if (isObjectType(type)) return 'types/objects/';
  if (isInterfaceType(type)) return 'types/interfaces/';
  if (isUnionType(type)) return 'types/unions/';
  if (isInputObjectType(type)) return 'types/inputs/';
  if (isEnumType(type)) return 'types/enums/';
  if (isScalarType(type)) return 'types/scalars/';
  throw new Error(`Unknown kind of type: ${String(type)}`);
}

describe('the API reference', () => {
  it('INT-3.1 npm run docs writes, offline, a page for every operation, type and directive, with every field, argument and enum value and their descriptions', async () => {
    const missing: string[] = [];
    /** Notes what `text` lacks: the entry `name` (as the page names it) and its description. */
    const expectEntry = (where: string, text: string | undefined, name: string | undefined, description: unknown) => {
      if (text === undefined) return;
      if (name !== undefined && !text.includes(`\`${name}\``)) missing.push(`${where}: ${name}`);
      if (typeof description === 'string' && description !== '' && !text.includes(readable(description).trim())) {
        missing.push(`${where}: the description of ${name ?? 'the page'}`);
      }
    };
    const expectArguments = (
      where: string,
      text: string | undefined,
      prefix: string,
      args: readonly GraphQLArgument[],
    ) => {
      for (const arg of args) expectEntry(where, text, `${prefix}.${arg.name}`, arg.description);
    };

    const roots = [
      [schema.getQueryType(), 'operations/queries/'],
      [schema.getMutationType(), 'operations/mutations/'],
      [schema.getSubscriptionType(), 'operations/subscriptions/'],
    ] as const;
    const rootNames = new Set(roots.map(([rootType]) => rootType?.name));
    for (const [rootType, folder] of roots) {
      for (const field of Object.values(rootType?.getFields() ?? {})) {
        const text = await pageText([folder], field.name);
        if (text === undefined) missing.push(`${folder}: ${field.name}`);
        expectEntry(field.name, text, undefined, field.description);
        expectArguments(field.name, text, field.name, field.args);
      }
    }

    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || rootNames.has(type.name)) continue;
      const text = await pageText([folderOf(type)], type.name);
      if (text === undefined) missing.push(`${folderOf(type)}: ${type.name}`);
      expectEntry(type.name, text, undefined, type.description);
      if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          expectEntry(type.name, text, `${type.name}.${field.name}`, field.description);
          if ('args' in field) expectArguments(type.name, text, `${type.name}.${field.name}`, field.args);
        }
      }
      if (isEnumType(type)) {
        for (const value of type.getValues())
          expectEntry(type.name, text, `${type.name}.${value.name}`, value.description);
      }
    }

    for (const directive of schema.getDirectives()) {
      const text = await pageText(['operations/directives/', 'types/directives/'], directive.name);
      if (text === undefined) missing.push(`directives: @${directive.name}`);
      expectEntry(`@${directive.name}`, text, undefined, directive.description);
      expectArguments(`@${directive.name}`, text, directive.name, directive.args);
    }

    expect(missing).toEqual([]);
    // The index links every page.
    const index = await readFile(join(built, 'reference', 'README.md'), 'utf8');
    expect(pages.filter((page) => !index.includes(`](${page.path})`))).toEqual([]);
  });

  it('INT-3.1 docs/reference is committed as npm run docs builds it from the committed schema.graphql', async () => {
    const committed = join(root, REFERENCE_DIR);
    const expected = [...pages.map((page) => page.path), 'README.md'].sort();
    const present = [...(await referencePages(committed)).map((page) => page.path), 'README.md'].sort();
    const stale: string[] = [];
    for (const path of new Set([...expected, ...present])) {
      const want = await readFile(join(built, 'reference', path), 'utf8').catch(() => undefined);
      const have = await readFile(join(committed, path), 'utf8').catch(() => undefined);
      if (want !== have) stale.push(path);
    }
    expect(stale, `${REFERENCE_DIR} is stale: run \`npm run docs\` and commit the result.`).toEqual([]);
  });
});
