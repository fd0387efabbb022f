// Writes gql.tada's introspection types from the schema configured for its plugin in tsconfig.json.
// Stands in for `gql-tada generate output`, which cannot read tsconfig.json under TypeScript 7
// (0no-co/gql.tada#572); the output is the same.
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadFromSDL, minifyIntrospection, outputIntrospectionFile, parseConfig } from '@gql.tada/internal';

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const tsconfig: unknown = JSON.parse(await readFile(resolve(root, 'tsconfig.json'), 'utf8'));
const plugins: unknown[] =
  isRecord(tsconfig) && isRecord(tsconfig.compilerOptions) && Array.isArray(tsconfig.compilerOptions.plugins)
    ? tsconfig.compilerOptions.plugins
    : [];
const config = parseConfig(
  plugins.find((plugin) => isRecord(plugin) && plugin.name === 'gql.tada/ts-plugin'),
  root,
);
if (!('schema' in config) || typeof config.schema !== 'string' || !config.tadaOutputLocation) {
  throw new Error('tsconfig.json: the gql.tada plugin needs a local "schema" file and a "tadaOutputLocation".');
}

const output = resolve(root, config.tadaOutputLocation);
const { introspection } = await loadFromSDL({ file: resolve(root, config.schema) }).load();
await writeFile(
  output,
  outputIntrospectionFile(minifyIntrospection(introspection), { fileType: output, shouldPreprocess: true }),
);
console.log(`Wrote ${output}`);
