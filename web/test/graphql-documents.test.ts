// @vitest-environment node
// Every GraphQL document in the web app must be valid against schema.graphql. gql.tada types the
// results, but under TypeScript 7 nothing else rejects an unknown field or argument in a document.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildSchema, NoUnusedFragmentsRule, parse, specifiedRules, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { documentSources } from './graphql-documents.ts';

const schemaFile = join(import.meta.dirname, '../../schema.graphql');

describe('GraphQL documents', () => {
  it('AUTH-16.6 every document in web/src is valid against schema.graphql', async () => {
    const schema = buildSchema(await readFile(schemaFile, 'utf8'));
    const sources = await documentSources();
    expect(sources.length).toBeGreaterThan(5);
    // One document holding every operation and fragment, as the client may send any of them together.
    const combined = parse(sources.map((source) => source.text).join('\n'));
    const rules = specifiedRules.filter((rule) => rule !== NoUnusedFragmentsRule);
    expect(validate(schema, combined, rules).map((error) => error.message)).toEqual([]);
  });
});
