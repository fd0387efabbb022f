import { constants } from 'node:zlib';
import { compression, defineAlgorithm } from 'vite-plugin-compression2';
import solid from 'vite-plugin-solid';
import { defineConfig } from 'vitest/config';
import { reporters } from '../.ci/vitest-reporters.ts';

/** Where the dev server (`npm run dev`) sends API requests: the API's own default address unless told otherwise. */
const api = process.env.YELLO_API_URL || 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [
    solid(),
    // A Brotli (quality 11) and a gzip (level 9) copy beside each script, style sheet and SVG of 1 KB or more, which
    // the server sends as they are (serveStatic's `precompressed`, WEB-1.4). The shell is not among them: the server
    // writes a nonce into it per response and compresses it then.
    compression({
      include: /\.(js|css|svg)$/,
      threshold: 1024,
      algorithms: [
        defineAlgorithm('brotliCompress', {
          params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY },
        }),
        defineAlgorithm('gzip', { level: constants.Z_BEST_COMPRESSION }),
      ],
      logLevel: 'silent',
    }),
  ],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    rolldownOptions: {
      output: {
        // The app's own modules that several lazy pages share go into two chunks, the generic UI and helpers
        // (`ui`: what the sign-in pages need too) and the features' shared pieces (`features`: task card, pickers,
        // workspace events…), rather than a few dozen chunks of a few hundred bytes, each a request with its
        // headers and too small to compress: the board loaded 16 of them (27 KB transferred for 25 KB of code).
        // `app` keeps the entry's own modules in the entry chunk. Measured with `npm run bench:web` (WEB-8.1).
        codeSplitting: {
          groups: [
            { name: 'app', tags: ['$initial'], priority: 2 },
            { name: 'ui', test: /[\\/]web[\\/]src[\\/](components|lib)[\\/]/, minShareCount: 2, priority: 1 },
            // What the board, the list and the task page share (and the workspace layout's pieces) apart from the settings
            // pages' shared pieces, so that the board does not load the webhooks' and the audit log's (WEB-9.3).
            {
              name: 'workspace-pages',
              test: /[\\/]web[\\/]src[\\/]features[\\/](tasks[\\/]|projects[\\/]|workspaces[\\/](workspace-events|LiveStatus|remembered-workspace|format)|webhooks[\\/]webhook-fields)/,
              minShareCount: 2,
              priority: 1,
            },
            { name: 'features', test: /[\\/]web[\\/]src[\\/]features[\\/]/, minShareCount: 2 },
          ],
        },
      },
    },
  },
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
