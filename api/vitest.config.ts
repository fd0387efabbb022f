import { defineConfig } from 'vitest/config';
import { reporters } from '../.ci/vitest-reporters.ts';

export default defineConfig({
  resolve: {
    // Node loads graphql's CommonJS entry for the dependencies; make our own code use the same copy.
    alias: { graphql: 'graphql/index.js' },
  },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    reporters: reporters('api'),
    // Workers are reused across files (the app keeps no global state), so the worker-scoped
    // migrated database template is made once per worker, not once per file.
    isolate: false,
    // Integration files each get a fresh database: a clone of that template, or a new PostgreSQL database. The
    // first test of a file pays for it (and the first of a worker for the template), hence the minute.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
