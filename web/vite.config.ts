import solid from 'vite-plugin-solid';
import { defineConfig } from 'vitest/config';
import { reporters } from '../.ci/vitest-reporters.ts';

/** Where the dev server (`npm run dev`) sends API requests: the API's own default address unless told otherwise. */
const api = process.env.YELLO_API_URL || 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [solid()],
  build: { outDir: 'dist', emptyOutDir: true },
  // A placeholder the server replaces with each response's nonce (api/src/content-security-policy.ts): Vite writes it
  // on the page's tags and into <meta property="csp-nonce">, which web/src/lib/csp-nonce.ts reads.
  html: { cspNonce: 'YELLO_CSP_NONCE' },
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
