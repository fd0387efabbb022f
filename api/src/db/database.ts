// Opens Yello's database on a PostgreSQL server (real, or embedded PGlite): applies pending
// migrations, then returns a Prisma client over @prisma/adapter-pg.
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/prisma/client.ts';
import { startEmbeddedPostgres } from './embedded-postgres.ts';
import { applyMigrations } from './migrations.ts';
import { externalPostgres, type PostgresServer } from './postgres-server.ts';

export interface Database {
  prisma: PrismaClient;
  /** Names of the migrations applied while opening. */
  appliedMigrations: string[];
  /** Disconnects, and stops the server when Yello started it. */
  close(): Promise<void>;
}

/** The PostgreSQL to use: the server at `url`, or an embedded PGlite in `dataDir` (memory when absent). */
export async function startPostgres(options: { url?: string | undefined; dataDir?: string | undefined }) {
  return options.url ? externalPostgres(options.url) : startEmbeddedPostgres({ dataDir: options.dataDir });
}

/**
 * How long a transaction may wait for a connection. PGlite serves one connection, so a burst of writes queues
 * for it by design; Prisma's default of 2 s turned the tail of 30 concurrent moves on a busy machine into
 * INTERNAL errors (ordering-races.int.test.ts).
 */
const transactionOptions = { maxWait: 30_000 };

/**
 * Migrates the database on `server` and connects to it. `onQuery` sees every SQL statement Prisma
 * sends (tests count them). The server is stopped if opening fails.
 */
export async function openDatabase(server: PostgresServer, onQuery?: (sql: string) => void): Promise<Database> {
  const { connectionString, poolSize } = server;
  try {
    const appliedMigrations = await applyMigrations(connectionString);
    const adapter = new PrismaPg({ connectionString, max: poolSize });
    const prisma = onQuery
      ? withQueryLog(
          new PrismaClient({ adapter, transactionOptions, log: [{ emit: 'event', level: 'query' }] }),
          onQuery,
        )
      : new PrismaClient({ adapter, transactionOptions });
    return {
      prisma,
      appliedMigrations,
      async close() {
        await prisma.$disconnect();
        await server.stop();
      },
    };
  } catch (error) {
    await server.stop();
    throw error;
  }
}

function withQueryLog(prisma: PrismaClient<'query'>, onQuery: (sql: string) => void): PrismaClient<'query'> {
  prisma.$on('query', (event) => onQuery(event.query));
  return prisma;
}
