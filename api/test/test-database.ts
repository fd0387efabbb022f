// A fresh, migrated database for one test file: in-memory PGlite by default, or a new database
// on the PostgreSQL server named by YELLO_TEST_DATABASE_URL (CI's second run).
import pg from 'pg';
import { type Database, openDatabase } from '../src/db/database.ts';

export interface TestDatabase extends Database {
  /** SQL statements Prisma has sent since the last reset. */
  statements: string[];
}

export async function openTestDatabase(): Promise<TestDatabase> {
  const statements: string[] = [];
  const onQuery = (sql: string) => {
    statements.push(sql);
  };
  const serverUrl = process.env.YELLO_TEST_DATABASE_URL;
  if (!serverUrl) return { ...(await openDatabase({ onQuery })), statements };

  const name = `yello_test_${crypto.randomUUID().replaceAll('-', '')}`;
  await withAdmin(serverUrl, (admin) => admin.query(`CREATE DATABASE "${name}"`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString(), onQuery });
  return {
    ...database,
    statements,
    async close() {
      await database.close();
      await withAdmin(serverUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
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
