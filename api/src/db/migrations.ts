// Applies and creates migrations in Prisma's standard layout (prisma/migrations/<name>/migration.sql,
// `_prisma_migrations` table) through the WebAssembly schema engine, so they run offline and stay
// compatible with `prisma migrate deploy`.
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import type { MigrationList, SchemaFilter } from '@prisma/schema-engine-wasm/schema_engine_bg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { loadSchemaEngine, type SchemaEngine } from './schema-engine.ts';

export interface PrismaPaths {
  schemaFile: string;
  migrationsDir: string;
}

/** Paths of the repository's Prisma schema and migrations folder. */
export const prismaPaths: PrismaPaths = {
  schemaFile: new URL('../../../prisma/schema.prisma', import.meta.url).pathname,
  migrationsDir: new URL('../../../prisma/migrations', import.meta.url).pathname,
};

const noFilters: SchemaFilter = { externalTables: [], externalEnums: [] };
const lockfileName = 'migration_lock.toml';

export async function readMigrations(migrationsDir: string): Promise<MigrationList> {
  const entries = await readdir(migrationsDir, { withFileTypes: true }).catch(() => []);
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const migrationDirectories = await Promise.all(
    names.map(async (name) => ({
      path: name,
      migrationFile: {
        path: 'migration.sql',
        content: { tag: 'ok' as const, value: await readFile(join(migrationsDir, name, 'migration.sql'), 'utf8') },
      },
    })),
  );
  const lockfile = await readFile(join(migrationsDir, lockfileName), 'utf8').catch(() => null);
  return {
    baseDir: migrationsDir,
    lockfile: { path: lockfileName, content: lockfile },
    shadowDbInitScript: '',
    migrationDirectories,
  };
}

type AdapterFactory = Parameters<typeof bindMigrationAwareSqlAdapterFactory>[0];

async function withEngine<T>(
  adapterFactory: AdapterFactory,
  paths: PrismaPaths,
  work: (engine: SchemaEngine, schema: string) => Promise<T>,
): Promise<T> {
  const SchemaEngineClass = await loadSchemaEngine();
  const schema = await readFile(paths.schemaFile, 'utf8');
  const adapter = bindMigrationAwareSqlAdapterFactory(adapterFactory);
  const engine = await SchemaEngineClass.new({ datamodels: [[paths.schemaFile, schema]] }, () => {}, adapter);
  try {
    return await work(engine, schema);
  } finally {
    engine.free();
  }
}

/** Applies every migration not yet recorded in `_prisma_migrations`; returns their names. */
export async function applyMigrations(connectionString: string, paths: PrismaPaths = prismaPaths): Promise<string[]> {
  return apply(new PrismaPg({ connectionString, max: 1 }), paths);
}

/** The same, on a PGlite reached in-process (test templates, tooling). */
export async function applyMigrationsToPGlite(db: PGlite, paths: PrismaPaths = prismaPaths): Promise<string[]> {
  return apply(new PrismaPGlite(db), paths);
}

async function apply(adapterFactory: AdapterFactory, paths: PrismaPaths): Promise<string[]> {
  const migrationsList = await readMigrations(paths.migrationsDir);
  return withEngine(adapterFactory, paths, async (engine) => {
    const result = await engine.applyMigrations({ migrationsList, filters: noFilters });
    return result.appliedMigrationNames;
  });
}

/**
 * Writes a new migration with the SQL that takes the existing migrations to the schema file
 * (what `prisma migrate diff --from-migrations --to-schema` prints), computed on a throw-away
 * in-memory PGlite reached in-process (adapter-pg cannot describe the catalog's "char" columns
 * the diff reads). Returns its folder name,
 * or undefined when the schema and the migrations already agree.
 */
export async function createMigration(
  shadow: PGlite,
  name: string,
  now: Date,
  paths: PrismaPaths = prismaPaths,
): Promise<string | undefined> {
  await ensureLockfile(paths.migrationsDir);
  const migrationsList = await readMigrations(paths.migrationsDir);
  const sql = await withEngine(new PrismaPGlite(shadow), paths, async (engine, schema) => {
    const result = await engine.diff({
      from: { tag: 'migrations', ...migrationsList },
      to: { tag: 'schemaDatamodel', files: [{ path: paths.schemaFile, content: schema }] },
      script: true,
      exitCode: null,
      filters: noFilters,
    });
    return result.stdout ?? '';
  });
  if (!/^\s*[A-Z]/m.test(sql.replace(/^--.*$/gm, ''))) return undefined;
  const stamp = now.toISOString().replace(/\D/g, '').slice(0, 14);
  const folder = `${stamp}_${name}`;
  await mkdir(join(paths.migrationsDir, folder), { recursive: true });
  await writeFile(join(paths.migrationsDir, folder, 'migration.sql'), sql);
  return folder;
}

async function ensureLockfile(migrationsDir: string): Promise<void> {
  await mkdir(migrationsDir, { recursive: true });
  await writeFile(
    join(migrationsDir, lockfileName),
    '# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "postgresql"\n',
    { flag: 'wx' },
  ).catch((error: unknown) => {
    if (!(error instanceof Error && 'code' in error && error.code === 'EEXIST')) throw error;
  });
}
