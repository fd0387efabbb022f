// Opens Yello's database: a real PostgreSQL when a URL is given, else embedded PGlite; applies
// pending migrations, then returns a Prisma client over @prisma/adapter-pg.
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/prisma/client.ts';
import { startEmbeddedPostgres } from './embedded-postgres.ts';
import { applyMigrations } from './migrations.ts';

export interface DatabaseOptions {
  /** postgres:// URL of a real server; when absent an embedded PGlite is started. */
  url?: string | undefined;
  /** Folder for the embedded database's files; in memory when absent. */
  dataDir?: string | undefined;
  /** Logs every SQL statement Prisma sends (tests count them). */
  onQuery?: (sql: string) => void;
}

export interface Database {
  prisma: PrismaClient;
  connectionString: string;
  /** Names of the migrations applied while opening. */
  appliedMigrations: string[];
  close(): Promise<void>;
}

export interface PostgresServer {
  connectionString: string;
  stop(): Promise<void>;
}

/** The PostgreSQL to use: the server at `url`, or an embedded PGlite started now. */
export async function startPostgres({
  url,
  dataDir,
}: Pick<DatabaseOptions, 'url' | 'dataDir'>): Promise<PostgresServer> {
  if (url) return { connectionString: url, stop: async () => {} };
  return startEmbeddedPostgres({ dataDir });
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const server = await startPostgres(options);
  const { connectionString } = server;
  const embedded = options.url === undefined;
  try {
    const appliedMigrations = await applyMigrations(connectionString);
    const adapter = new PrismaPg({ connectionString, max: embedded ? 4 : 10 });
    const prisma = options.onQuery
      ? withQueryLog(new PrismaClient({ adapter, log: [{ emit: 'event', level: 'query' }] }), options.onQuery)
      : new PrismaClient({ adapter });
    return {
      prisma,
      connectionString,
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
