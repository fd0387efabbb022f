// npm run schema:print writes ../schema.graphql from the Pothos schema;
// npm run schema:check (with --check) fails when the checked-in file is stale.
import { writeFile } from 'node:fs/promises';
import { checkedInSchema, printedSchema, SCHEMA_FILE } from '../src/graphql/schema-file.ts';

const printed = printedSchema();

if (process.argv.includes('--check')) {
  if ((await checkedInSchema()) !== printed) {
    console.error('schema.graphql is stale: run `npm run schema:print` and commit the result.');
    process.exit(1);
  }
  console.log('schema.graphql is up to date.');
} else {
  await writeFile(SCHEMA_FILE, printed);
  console.log('Wrote schema.graphql');
}
