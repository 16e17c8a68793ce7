/**
 * Builds the web client (client/ → client/dist) with Vite, only when needed:
 * when client/dist/index.html is missing or older than any client source.
 * Used by `npm start` (prestart) and the end-to-end tests.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CLIENT_DIR = path.join(REPO_ROOT, 'client');
const BUILT_INDEX = path.join(CLIENT_DIR, 'dist', 'index.html');
const SOURCES = ['src', 'index.html', 'vite.config.ts', 'public'].map((p) => path.join(CLIENT_DIR, p));

function newestMtime(p: string): number {
  if (!existsSync(p)) return 0;
  const stat = statSync(p);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, entry)));
  return newest;
}

/** Why the client needs building, or undefined when client/dist is current. */
export function clientBuildReason(): string | undefined {
  if (!existsSync(BUILT_INDEX)) return 'client/dist is missing';
  const built = statSync(BUILT_INDEX).mtimeMs;
  if (SOURCES.some((p) => newestMtime(p) > built)) return 'client/src changed since the last build';
  return undefined;
}

export interface EnsureResult {
  built: boolean;
  reason?: string;
  ms: number;
}

/** Builds the client if it is missing or stale. Throws when Vite is not installed or the build fails. */
export async function ensureClientBuilt(log: (line: string) => void = () => {}): Promise<EnsureResult> {
  const started = performance.now();
  const reason = clientBuildReason();
  if (!reason) return { built: false, ms: performance.now() - started };
  log(`Building the web client (${reason})…`);
  const { build } = await import('vite');
  await build({ configFile: path.join(CLIENT_DIR, 'vite.config.ts'), logLevel: 'warn' });
  const ms = performance.now() - started;
  log(`Web client built in ${(ms / 1000).toFixed(1)} s.`);
  return { built: true, reason, ms };
}
