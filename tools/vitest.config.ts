import { defineConfig } from 'vitest/config';
import { reporters } from '../.ci/vitest-reporters.ts';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    reporters: reporters('tools'),
  },
});
