// npm run db:migration:create -- <name>: writes prisma/migrations/<timestamp>_<name>/migration.sql
// from the difference between the existing migrations and prisma/schema.prisma. Works offline.
import { PGlite } from '@electric-sql/pglite';
import { createMigration } from '../src/db/migrations.ts';

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error('Usage: npm run db:migration:create -- <name>   (lower-case letters, digits and _)');
  process.exit(2);
}
const shadow = await PGlite.create('memory://');
try {
  const folder = await createMigration(shadow, name, new Date());
  console.log(
    folder ? `Created prisma/migrations/${folder}/migration.sql` : 'The schema matches the migrations: nothing to do.',
  );
} finally {
  await shadow.close();
}
