// npm run db:migrate: applies pending migrations to DATABASE_URL, or to the embedded database in
// YELLO_DATA_DIR. The server also does this at start-up.
import { loadConfigOrExit } from '../src/config.ts';
import { startPostgres } from '../src/db/database.ts';
import { applyMigrations } from '../src/db/migrations.ts';

const config = loadConfigOrExit(process.env);
const server = await startPostgres({ url: config.databaseUrl, dataDir: config.pgliteDir });
try {
  const applied = await applyMigrations(server.connectionString);
  console.log(applied.length > 0 ? `Applied: ${applied.join(', ')}` : 'The database is up to date.');
} finally {
  await server.stop();
}
