import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * Browser end-to-end tests: each file starts a real Parley server (which
 * serves the built client) on its own database and drives Debian's Chromium
 * with playwright-core. `npm run test:e2e`.
 */
export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  // One graphql realm with Mercurius (CommonJS build), as in the root vitest.config.ts.
  resolve: { alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }] },
  test: {
    include: ['client/e2e/**/*.e2e.test.ts'],
    globalSetup: ['server/test/helpers/global-setup.ts', 'client/e2e/global-setup.ts'],
    pool: 'forks',
    // Files are mostly waiting (a 10 s token expiry, browser round trips): run them side by side.
    maxWorkers: 3,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    teardownTimeout: 30_000,
  },
});
