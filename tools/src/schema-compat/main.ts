// `npm run schema:compat`: fails on a breaking change of schema.graphql since its previous version.
import { fileURLToPath } from 'node:url';
import { checkSchemaCompat, reportSchemaCompat } from './check.ts';

const root = fileURLToPath(new URL('../../..', import.meta.url)).replace(/\/$/, '');
const { lines, exitCode } = reportSchemaCompat(await checkSchemaCompat(root, new Date()));
for (const line of lines) console.log(line);
process.exitCode = exitCode;
