import { readdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { describe, expect, it } from 'vitest';
import { startEmbeddedPostgres } from './embedded-postgres.ts';
import { applyMigrations, createMigration, prismaPaths } from './migrations.ts';

describe('migrations', () => {
  it('AUTH-13.5 prisma/schema.prisma and prisma/migrations agree (no migration is missing)', async () => {
    const shadow = await PGlite.create('memory://');
    try {
      await expect(createMigration(shadow, 'drift_check', new Date())).resolves.toBeUndefined();
    } finally {
      await shadow.close();
    }
  });

  it('AUTH-13.4, AUTH-13.5 applies every migration once, recording them like prisma migrate deploy', async () => {
    const database = await startEmbeddedPostgres();
    try {
      const folders = (await readdir(prismaPaths.migrationsDir, { withFileTypes: true }))
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name);
      await expect(applyMigrations(database.connectionString)).resolves.toEqual(folders.sort());
      await expect(applyMigrations(database.connectionString)).resolves.toEqual([]);
    } finally {
      await database.stop();
    }
  });
});
