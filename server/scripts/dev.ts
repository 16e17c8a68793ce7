/**
 * `npm run dev`: the API server (restarted when server code or the schema
 * changes) and the Vite dev server (hot reload, proxying the API) together.
 * Open http://localhost:5173. Ctrl+C stops both; if either exits, the other
 * is stopped too.
 */
import { type ChildProcess, type SpawnOptions, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { REPO_ROOT } from './client-build.ts';

const require = createRequire(import.meta.url);
const viteBin = path.join(path.dirname(require.resolve('vite/package.json')), 'bin', 'vite.js');

// Own process groups (detached) so a terminal Ctrl+C reaches them once, through us, not
// twice; stdin ignored so a background process never blocks reading the terminal.
const options: SpawnOptions = { cwd: REPO_ROOT, stdio: ['ignore', 'inherit', 'inherit'], detached: true };
const children: ChildProcess[] = [
  spawn(
    process.execPath,
    [
      '--watch-path=server/src',
      '--watch-path=schema.graphql',
      '--watch-path=migrations',
      '--watch-preserve-output',
      'server/src/main.ts',
    ],
    options,
  ),
  spawn(process.execPath, [viteBin, '--config', 'client/vite.config.ts'], options),
];

let stopping = false;
function stop(signal: NodeJS.Signals) {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  // The API server shuts down gracefully (embedded PostgreSQL included); give it time.
  setTimeout(() => process.exit(1), 25_000).unref();
}

let exitCode = 0;
for (const child of children) {
  child.on('exit', (code, signal) => {
    if (!stopping) {
      exitCode = code ?? (signal ? 1 : 0);
      stop('SIGTERM');
    }
    if (children.every((c) => c.exitCode !== null || c.signalCode !== null)) process.exit(exitCode);
  });
}
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
