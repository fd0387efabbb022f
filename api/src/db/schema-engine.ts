// Prisma's official WebAssembly schema engine, wired to its wasm binary by hand (the package
// imports the .wasm as an ES module, which Node does not do by default).
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import * as glue from '@prisma/schema-engine-wasm/schema_engine_bg';

export type { SchemaEngine } from '@prisma/schema-engine-wasm/schema_engine_bg';

let loaded: Promise<typeof glue.SchemaEngine> | undefined;

/** Instantiates the engine module once per process and returns its `SchemaEngine` class. */
export function loadSchemaEngine(): Promise<typeof glue.SchemaEngine> {
  loaded ??= instantiate();
  return loaded;
}

async function instantiate(): Promise<typeof glue.SchemaEngine> {
  const require = createRequire(import.meta.url);
  const gluePath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
  const bytes = await readFile(new URL('schema_engine_bg.wasm', `file://${gluePath}`));
  const module = await WebAssembly.compile(bytes);
  const instance = await WebAssembly.instantiate(module, { './schema_engine_bg.js': glue });
  glue.__wbg_set_wasm(instance.exports);
  const start = instance.exports.__wbindgen_start;
  if (typeof start === 'function') start();
  return glue.SchemaEngine;
}
