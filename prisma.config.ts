import { defineConfig } from 'prisma/config';

// Used by `prisma generate` / `prisma migrate deploy` (for those with the native engine).
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/yello' },
});
