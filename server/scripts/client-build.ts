/**
 * Builds the web client with Vite, only when needed: when the output's
 * index.html is missing or older than any client source.
 *
 * Two builds, never mixed up:
 * - `production` → client/dist, what `npm start` serves (prestart);
 * - `development` → client/dist-dev, what the end-to-end tests load: React's
 *   and Apollo's development checks stay in, so a warning they print (a
 *   missing key, "cache data may be lost") fails a browser test.
 * The mode is set explicitly (NODE_ENV too, for the build's duration): a
 * build started under vitest would otherwise inherit NODE_ENV=test and give
 * `npm start` a development bundle.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CLIENT_DIR = path.join(REPO_ROOT, 'client');

export type ClientBuildMode = 'production' | 'development';

/** Where each mode's build goes. */
export function clientOutDir(mode: ClientBuildMode): string {
  return path.join(CLIENT_DIR, mode === 'production' ? 'dist' : 'dist-dev');
}
const SOURCES = ['src', 'index.html', 'graphiql.html', 'vite.config.ts', 'public'].map((p) =>
  path.join(CLIENT_DIR, p),
);

function newestMtime(p: string): number {
  if (!existsSync(p)) return 0;
  const stat = statSync(p);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, entry)));
  return newest;
}

/** Why the client needs building, or undefined when its build is current. */
export function clientBuildReason(mode: ClientBuildMode = 'production'): string | undefined {
  const index = path.join(clientOutDir(mode), 'index.html');
  const name = path.relative(REPO_ROOT, clientOutDir(mode));
  if (!existsSync(index)) return `${name} is missing`;
  const built = statSync(index).mtimeMs;
  if (SOURCES.some((p) => newestMtime(p) > built)) return 'client/src changed since the last build';
  return undefined;
}

export interface EnsureResult {
  built: boolean;
  reason?: string;
  ms: number;
}

/** Builds the client if it is missing or stale. Throws when Vite is not installed or the build fails. */
export async function ensureClientBuilt(
  log: (line: string) => void = () => {},
  mode: ClientBuildMode = 'production',
): Promise<EnsureResult> {
  const started = performance.now();
  const reason = clientBuildReason(mode);
  if (!reason) return { built: false, ms: performance.now() - started };
  log(`Building the web client, ${mode} (${reason})…`);
  const { build } = await import('vite');
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = mode;
  try {
    await build({
      configFile: path.join(CLIENT_DIR, 'vite.config.ts'),
      mode,
      logLevel: 'warn',
      build: { outDir: clientOutDir(mode) },
    });
  } finally {
    if (previous === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = previous;
  }
  const ms = performance.now() - started;
  log(`Web client built in ${(ms / 1000).toFixed(1)} s.`);
  return { built: true, reason, ms };
}
