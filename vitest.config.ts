import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // Node resolves `graphql` to its CommonJS build (no "exports" field; "main"
    // wins), which Mercurius also requires. Vite would pick the "module" (.mjs)
    // build for our imports: two graphql realms, "Cannot use X from another
    // module or realm". Pin the same build Node uses.
    alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }],
  },
  test: {
    include: ['server/test/**/*.test.ts'],
    globalSetup: ['server/test/helpers/global-setup.ts'],
    // The server's own V8 flags (main.ts imports them first), so every test runs as the server does.
    setupFiles: ['server/src/v8-flags.ts'],
    // Each file builds its own app on its own database; files run in parallel.
    pool: 'forks',
    // Most files spend their time waiting (job lead times, restarts, lapses), not
    // computing: four at once on two cores took the suite from ~8 min to ~2 min
    // (the default, cores - 1, runs one file at a time here). Three runs in a row passed.
    maxWorkers: 4,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    teardownTimeout: 30_000,
  },
});
