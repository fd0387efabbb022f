// Embedded PostgreSQL: PGlite (in memory, or persisted in a data directory) served on a
// loopback socket, so the API reaches it through the same driver adapter as a real server.
import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import type { PostgresServer } from './postgres-server.ts';

/** Starts PGlite in `dataDir` (in memory when absent) and serves it. */
export async function startEmbeddedPostgres(options: { dataDir?: string | undefined } = {}): Promise<PostgresServer> {
  if (options.dataDir) await mkdir(options.dataDir, { recursive: true });
  return serveEmbeddedPostgres(await PGlite.create(options.dataDir ?? 'memory://'));
}

/** Serves an open PGlite on a free loopback port; stopping the server closes the database. */
export async function serveEmbeddedPostgres(db: PGlite): Promise<PostgresServer> {
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 8 });
  await server.start();
  return {
    connectionString: `postgres://postgres@${server.getServerConn()}/postgres`,
    // PGlite has one session and the socket server interleaves the protocol messages of concurrent
    // connections, so clients must use one connection; requests queue for it.
    poolSize: 1,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
