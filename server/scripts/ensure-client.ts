/**
 * `npm start` runs this first (prestart): builds client/dist when it is
 * missing or older than client/src, so a fresh clone serves the app at
 * http://localhost:4000. Fast when the build is current. Never blocks the
 * server: without Vite (production install without devDependencies) or on a
 * failed build it prints why and lets the API start anyway.
 */
import { ensureClientBuilt } from './client-build.ts';

try {
  await ensureClientBuilt((line) => process.stdout.write(`${line}\n`));
} catch (err) {
  const message = err instanceof Error ? err.message : String(err);
  const missingVite = /Cannot find (package|module) 'vite'/.test(message);
  process.stderr.write(
    missingVite
      ? 'Web client not built: Vite is not installed (devDependencies). The server starts with the API only.\n'
      : `Web client build failed; the server starts with the API only:\n${message}\n`,
  );
}
