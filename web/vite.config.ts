import solid from 'vite-plugin-solid';
import { defineConfig } from 'vitest/config';
import { reporters } from '../.ci/vitest-reporters.ts';

const api = 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [solid()],
  build: { outDir: 'dist', emptyOutDir: true },
  server: {
    proxy: {
      '/graphql': api,
      '/health': api,
    },
  },
  test: {
    reporters: reporters('web'),
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.ts'],
  },
});
