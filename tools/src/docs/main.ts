// `npm run docs`: writes the API reference (docs/reference/) from schema.graphql.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildReference, REFERENCE_DIR, SCHEMA_FILE } from './reference.ts';

const root = fileURLToPath(new URL('../../..', import.meta.url));
await buildReference(join(root, SCHEMA_FILE), join(root, REFERENCE_DIR));
console.log(`Wrote ${REFERENCE_DIR}/ from ${SCHEMA_FILE}.`);
