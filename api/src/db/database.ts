// Opens Yello's database on a PostgreSQL server (real, or embedded PGlite): applies pending
// migrations, then returns a Prisma client over @prisma/adapter-pg.
import { PrismaPg } from '@prisma/adapter-pg';
import type { ITXClientDenyList } from '@prisma/client/runtime/client';
import { PrismaClient } from '../generated/prisma/client.ts';
import { startEmbeddedPostgres } from './embedded-postgres.ts';
import { applyMigrations } from './migrations.ts';
import { externalPostgres, type PostgresServer } from './postgres-server.ts';

/**
 * Columns a read returns only when it asks for them: a password hash is selected where a password is checked or
 * set, never by a relation or a list (PT-9.3).
 */
export const omittedByDefault = { user: { passwordHash: true } } as const;

/** Yello's Prisma client: every service, resolver and script is given this one. */
export type Db = PrismaClient<never, typeof omittedByDefault>;

/** The client inside `db.$transaction(async (tx) => …)`. */
export type DbTransaction = Omit<Db, ITXClientDenyList>;

export interface Database {
  prisma: Db;
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

/** Sees each SQL statement Prisma sends, with its parameters as a JSON array. */
export type QueryListener = (sql: string, params: string) => void;

/**
 * Migrates the database on `server` and connects to it. `onQuery` sees every SQL statement Prisma
 * sends (tests count them). The server is stopped if opening fails.
 */
export async function openDatabase(server: PostgresServer, onQuery?: QueryListener): Promise<Database> {
  const { connectionString, poolSize } = server;
  try {
    const appliedMigrations = await applyMigrations(connectionString);
    const adapter = new PrismaPg({ connectionString, max: poolSize });
    const prisma = onQuery
      ? withQueryLog(
          new PrismaClient({
            adapter,
            transactionOptions,
            omit: omittedByDefault,
            log: [{ emit: 'event', level: 'query' }],
          }),
          onQuery,
        )
      : new PrismaClient({ adapter, transactionOptions, omit: omittedByDefault });
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

function withQueryLog(
  prisma: PrismaClient<'query', typeof omittedByDefault>,
  onQuery: QueryListener,
): PrismaClient<'query', typeof omittedByDefault> {
  prisma.$on('query', (event) => onQuery(event.query, event.params));
  return prisma;
}
