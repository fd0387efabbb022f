import { defineConfig } from 'vitest/config';
import { reporters } from '../.ci/vitest-reporters.ts';

export default defineConfig({
  resolve: {
    // Node loads graphql's CommonJS entry for GraphQL Inspector; make our own code use the same copy.
    alias: { graphql: 'graphql/index.js' },
  },
  test: {
    include: ['src/**/*.test.ts'],
    reporters: reporters('tools'),
  },
});
