/**
 * Finds Chromium and builds the client once for all e2e files (a development
 * build in client/dist-dev, which the test apps serve).
 *
 * Without /usr/bin/chromium the suite is skipped with a loud warning, so
 * `npm test` passes on a fresh machine; with REQUIRE_BROWSER=1 (CI) a missing
 * browser fails the run instead. Install it with `apt-get install -y chromium`
 * (never `npx playwright install`: it downloads a browser).
 */
import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { clientOutDir, ensureClientBuilt } from '../../server/scripts/client-build.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Chromium executable, or '' when the suite must be skipped. */
    chromiumPath: string;
  }
}

export async function setup(project: TestProject) {
  const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(chromiumPath)) {
    const hint = `Chromium not found at ${chromiumPath}. Install it with: apt-get install -y chromium`;
    if (process.env.REQUIRE_BROWSER === '1')
      throw new Error(`${hint} (REQUIRE_BROWSER=1 requires the browser tests)`);
    const line = '!'.repeat(78);
    process.stderr.write(
      `\n${line}\n!! SKIPPING the browser end-to-end tests: ${hint}\n!! Set REQUIRE_BROWSER=1 to make this an error (CI does).\n${line}\n\n`,
    );
    project.provide('chromiumPath', '');
    return;
  }
  // A development build: React's and Apollo's warnings stay in, and the browser tests fail on them.
  const result = await ensureClientBuilt(
    (message) => process.stderr.write(`[e2e] ${message}\n`),
    'development',
  );
  if (!result.built) process.stderr.write('[e2e] Reusing client/dist-dev (up to date).\n');
  project.provide('clientDistDir', clientOutDir('development'));
  project.provide('chromiumPath', chromiumPath);
}
