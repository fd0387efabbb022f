// A fresh, migrated database for one test file: a clone of a migrated in-memory PGlite (the
// template, made once per worker), or a new database on a PostgreSQL server (CI's second run).
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { type Database, openDatabase } from '../src/db/database.ts';
import { serveEmbeddedPostgres } from '../src/db/embedded-postgres.ts';
import { applyMigrationsToPGlite } from '../src/db/migrations.ts';
import { externalPostgres, type PostgresServer } from '../src/db/postgres-server.ts';

export interface TestDatabase extends Database {
  /** SQL statements Prisma has sent; tests empty it before counting. */
  statements: string[];
  /** The same statements with their parameters (a JSON array); emptied on its own. */
  queries: LoggedQuery[];
  /** The budget's bookkeeping (the `RateLimit` rows), kept apart from `statements`; tests empty it before counting. */
  budgetStatements: string[];
}

export interface LoggedQuery {
  sql: string;
  params: string;
}

/** What each test file's database starts from. */
export interface DatabaseTemplate {
  newServer(): Promise<PostgresServer>;
  close(): Promise<void>;
}

/** Migrating once per worker and cloning per file saves PGlite's start-up (seconds) per file. */
export async function createDatabaseTemplate(serverUrl: string | undefined): Promise<DatabaseTemplate> {
  if (serverUrl) return postgresTemplate(serverUrl);
  const template = await PGlite.create('memory://');
  await applyMigrationsToPGlite(template);
  return {
    async newServer() {
      const copy = await template.clone();
      if (!(copy instanceof PGlite)) throw new Error('PGlite.clone() returned something other than a PGlite');
      return serveEmbeddedPostgres(copy);
    },
    close: () => template.close(),
  };
}

function postgresTemplate(serverUrl: string): DatabaseTemplate {
  return {
    async newServer() {
      const name = `yello_test_${crypto.randomUUID().replaceAll('-', '')}`;
      await withAdmin(serverUrl, (admin) => admin.query(`CREATE DATABASE "${name}"`));
      const url = new URL(serverUrl);
      url.pathname = `/${name}`;
      const server = externalPostgres(url.toString());
      return {
        ...server,
        async stop() {
          await withAdmin(serverUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
        },
      };
    },
    close: async () => {},
  };
}

export async function openTestDatabase(template: DatabaseTemplate): Promise<TestDatabase> {
  const statements: string[] = [];
  const queries: LoggedQuery[] = [];
  const budgetStatements: string[] = [];
  const database = await openDatabase(await template.newServer(), (sql, params) => {
    // The budget's bookkeeping (the RateLimit rows, a statement per charge and per refund, INT-5.3, PT-9.5) is
    // counted apart: the counts in `statements` are those of the work itself.
    if (sql.includes('"RateLimit"')) {
      budgetStatements.push(sql);
      return;
    }
    statements.push(sql);
    queries.push({ sql, params });
  });
  return { ...database, statements, queries, budgetStatements };
}

async function withAdmin<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
