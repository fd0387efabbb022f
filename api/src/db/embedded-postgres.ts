// Embedded PostgreSQL: PGlite (in memory, or persisted in a data directory) served on a Unix socket in a
// private directory, so the API reaches it through the same driver adapter as a real server while no other
// local user, and no TCP client, can connect to it.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import type { PostgresServer } from './postgres-server.ts';

/** Starts PGlite in `dataDir` (in memory when absent) and serves it. */
export async function startEmbeddedPostgres(options: { dataDir?: string | undefined } = {}): Promise<PostgresServer> {
  if (options.dataDir) await mkdir(options.dataDir, { recursive: true });
  return serveEmbeddedPostgres(await PGlite.create(options.dataDir ?? 'memory://'));
}

/**
 * Serves an open PGlite on a Unix socket; stopping the server closes the database. The socket lies in a fresh
 * directory that mkdtemp creates with mode 0700, so only this process's user can reach it (a user who could
 * read the data directory anyway); PostgreSQL's clients find it as `<directory>/.s.PGSQL.5432`.
 */
export async function serveEmbeddedPostgres(db: PGlite): Promise<PostgresServer> {
  const socketDir = await mkdtemp(join(tmpdir(), 'yello-pg-'));
  const server = new PGLiteSocketServer({ db, path: join(socketDir, '.s.PGSQL.5432'), maxConnections: 8 });
  try {
    await server.start();
  } catch (error) {
    await rm(socketDir, { recursive: true, force: true });
    throw error;
  }
  return {
    connectionString: `postgres://postgres@localhost/postgres?host=${encodeURIComponent(socketDir)}`,
    // PGlite has one session and the socket server interleaves the protocol messages of concurrent
    // connections, so clients must use one connection; requests queue for it.
    poolSize: 1,
    async stop() {
      await server.stop();
      await db.close();
      await rm(socketDir, { recursive: true, force: true });
    },
  };
}
