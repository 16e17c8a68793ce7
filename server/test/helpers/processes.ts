/**
 * Real processes for fault tests: Parley instances started like production
 * (`node server/src/main.ts`), and a private Redis that a test may kill and
 * restart without disturbing the shared one other tests use.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../../..');

/** Whether a server can listen on `port` of 127.0.0.1 right now. */
function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

/** The ports `freePort` picks from: 20000-31999, split between vitest's workers (see there). */
const PORTS = { from: 20_000, count: 12_000 };
const WORKER_SLOTS = 8;
/** Ports this process handed out: two calls at once (instances started together) never get the same one. */
const handedOut = new Set<number>();

/**
 * A port to listen on later, free right now. Taken from below the kernel's
 * ephemeral range (32768-60999 on Linux, 49152-65535 elsewhere): a port
 * handed out for `listen(0)` or an outgoing connection in the meantime (a
 * test's own server, a database client) could otherwise take it before the
 * caller listens, which failed a run with EADDRINUSE. Each vitest worker
 * (`VITEST_POOL_ID`, 1 to maxWorkers) picks from its own share of the range:
 * two test files running at once drew the same port between one's check and
 * its listen (or while it restarted an instance on its port), which failed
 * another run with EADDRINUSE.
 */
export async function freePort(): Promise<number> {
  const worker = Number(process.env.VITEST_POOL_ID);
  const share = PORTS.count / WORKER_SLOTS;
  const [from, count] =
    Number.isInteger(worker) && worker >= 1 && worker <= WORKER_SLOTS
      ? [PORTS.from + (worker - 1) * share, share]
      : [PORTS.from, PORTS.count];
  for (let attempt = 0; attempt < 100; attempt++) {
    const port = from + Math.floor(Math.random() * count);
    if (handedOut.has(port)) continue;
    handedOut.add(port);
    if (await canListen(port)) return port;
  }
  throw new Error(`no free port found between ${from} and ${from + count - 1}`);
}

async function waitFor(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what} not ready within ${timeoutMs} ms`);
}

export interface Instance {
  url: string;
  wsUrl: string;
  proc: ChildProcess;
  /** Every log line the process wrote (JSON lines from pino, and plain text). */
  lines: string[];
  /** Resolves with the exit code (or signal name). */
  exited: Promise<number | string>;
}

/** Starts Parley as its own process and waits until /readyz answers 200. */
export async function startInstance(env: Record<string, string>): Promise<Instance> {
  const port = await freePort();
  const proc = spawn(process.execPath, ['server/src/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      HOST: '127.0.0.1',
      PORT: String(port),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  for (const stream of [proc.stdout, proc.stderr]) {
    let buf = '';
    stream?.on('data', (chunk: Buffer) => {
      buf += chunk.toString();
      const parts = buf.split('\n');
      buf = parts.pop() ?? '';
      lines.push(...parts.filter(Boolean));
    });
  }
  const exited = new Promise<number | string>((resolve) =>
    proc.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')),
  );
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitFor(async () => (await fetch(`${url}/readyz`)).status === 200, 30_000, 'Parley instance');
  } catch (err) {
    proc.kill('SIGKILL');
    throw new Error(`${(err as Error).message}\n${lines.join('\n')}`);
  }
  return { url, wsUrl: `ws://127.0.0.1:${port}/graphql`, proc, lines, exited };
}

/** Whether a log line is pino JSON at level error (50) or above. */
export function isErrorLogLine(line: string): boolean {
  try {
    return (JSON.parse(line) as { level?: number }).level! >= 50;
  } catch {
    return false;
  }
}

/** Log lines at pino level error (50) or above. */
export const errorLines = (lines: string[]) => lines.filter(isErrorLogLine);

export interface PrivateRedis {
  url: string;
  /** Kills it like a crash (SIGKILL): nothing is flushed, clients see the connection drop. */
  crash(): Promise<void>;
  /** Starts it again on the same port. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** A redis-server of this test's own, on a free port, with no persistence. */
export async function startPrivateRedis(): Promise<PrivateRedis> {
  const port = await freePort();
  let proc: ChildProcess | undefined;
  const ping = () =>
    new Promise<boolean>((resolve) => {
      const s = net.connect(port, '127.0.0.1', () => s.write('PING\r\n'));
      s.once('data', (d) => {
        s.destroy();
        resolve(d.toString().startsWith('+PONG'));
      });
      s.once('error', () => resolve(false));
    });
  const start = async () => {
    proc = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      {
        stdio: 'ignore',
      },
    );
    await waitFor(ping, 10_000, 'private redis');
  };
  const kill = async (signal: NodeJS.Signals) => {
    const p = proc;
    proc = undefined;
    if (!p || p.exitCode !== null) return;
    const gone = new Promise((r) => p.once('exit', r));
    p.kill(signal);
    await gone;
  };
  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    start,
    crash: () => kill('SIGKILL'),
    stop: () => kill('SIGTERM'),
  };
}
