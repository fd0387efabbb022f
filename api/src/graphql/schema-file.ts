// schema.graphql, the checked-in contract the web app is typed from: how it is printed from the code and
// where it lives. `npm run schema:print` writes it, `npm run schema:check` and the test suite compare it.
import { readFile } from 'node:fs/promises';
import { printSchema } from 'graphql';
import { schema } from './schema.ts';

/** schema.graphql at the repository root. */
export const SCHEMA_FILE = new URL('../../../schema.graphql', import.meta.url);

/** The schema as it belongs in schema.graphql. */
export function printedSchema(): string {
  return `${printSchema(schema)}\n`;
}

/** The checked-in schema.graphql; empty when there is none. */
export async function checkedInSchema(): Promise<string> {
  return readFile(SCHEMA_FILE, 'utf8').catch(() => '');
}
