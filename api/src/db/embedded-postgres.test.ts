import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { startEmbeddedPostgres } from './embedded-postgres.ts';

async function query(connectionString: string, sql: string) {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

describe('embedded PostgreSQL', () => {
  it('AUTH-13.3 keeps its data in the data directory across restarts', async () => {
    const dataDir = join(await mkdtemp(join(tmpdir(), 'yello-pglite-')), 'pglite');
    const first = await startEmbeddedPostgres({ dataDir });
    await query(first.connectionString, "CREATE TABLE note (body text); INSERT INTO note VALUES ('kept')");
    await first.stop();
    const second = await startEmbeddedPostgres({ dataDir });
    try {
      expect(await query(second.connectionString, 'SELECT body FROM note')).toEqual([{ body: 'kept' }]);
    } finally {
      await second.stop();
    }
  });
});
