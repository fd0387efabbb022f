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
    // Integration files each start an in-memory PostgreSQL (PGlite) or a fresh database.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
