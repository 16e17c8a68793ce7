/**
 * Servers under test, each a child process of the harness: Parley
 * (`server/src/main.ts`, exactly what `npm start` runs, minus the client build)
 * and the raw-ws baseline. Both are forked with bench/lib/probe.ts preloaded so
 * the harness can ask for heap figures; CPU and RSS come from /proc.
 */
import { type ChildProcess, fork } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cpuSeconds, rssBytes } from './proc.ts';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const PROBE = path.join(ROOT, 'bench/lib/probe.ts');

export interface Target {
  /** `parley` or `raw` (the baseline): decides the wire protocol the generator speaks. */
  kind: 'parley' | 'raw';
  label: string;
  instances: ServerProcess[];
  stop(): Promise<void>;
}

export interface MemorySample {
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
  arrayBuffers: number;
}

export interface ServerProcess {
  pid: number;
  httpUrl: string;
  wsUrl: string;
  cpuSeconds(): number;
  rssBytes(): number;
  /** memoryUsage() after a full GC in the server (via the probe). */
  memory(): Promise<MemorySample>;
  /** Event-loop delay and GC pauses since the previous call (via the probe). */
  loop(): Promise<LoopSample>;
  /** Writes a V8 heap snapshot of the server to `file` (via the probe); resolves with its path. */
  heapSnapshot(file: string): Promise<string>;
  /** Where this Parley instance writes its send trace when it stops (`sendTraceDir`). */
  sendTraceFile: string | undefined;
  stop(): Promise<void>;
}

export interface LoopSample {
  delayP50Ms: number;
  delayP99Ms: number;
  delayMaxMs: number;
  gcCount: number;
  /** Total GC pause time (main thread), ms. */
  gcMs: number;
  gcMaxMs: number;
}

export interface StartOptions {
  kind: 'parley' | 'raw';
  port: number;
  databaseUrl: string;
  jwtSecret: string;
  redisUrl?: string | undefined;
  /** Extra environment (e.g. rate limits), applied last. */
  env?: Record<string, string>;
  /** Parley: write each instance's send trace here (`SEND_TRACE_FILE`, for `fanout --stages`). */
  sendTraceDir?: string | undefined;
  /** Extra node flags for the server, e.g. `--cpu-prof`. */
  nodeArgs?: string[];
  quiet?: boolean;
  /**
   * Another checkout of Parley to run instead of this one (`queries --against`):
   * its own `server/src/main.ts` and node_modules, this harness's probe.
   */
  root?: string;
}

async function waitReady(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited: number | null = null;
  child.once('exit', (code) => {
    exited = code ?? -1;
  });
  while (Date.now() < deadline) {
    if (exited !== null) throw new Error(`server exited with code ${exited} before it was ready`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`server not ready at ${url} after ${timeoutMs} ms`);
}

/** One request/answer over the probe's IPC channel. */
function ask<T>(
  child: ChildProcess,
  msg: { type: string; file?: string },
  field: string,
  timeoutMs = 30_000,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.off('message', onMessage);
      reject(new Error(`probe ${msg.type} timed out`));
    }, timeoutMs);
    const onMessage = (m: Record<string, unknown>) => {
      if (m?.type !== msg.type || m[field] === undefined) return;
      clearTimeout(timer);
      child.off('message', onMessage);
      resolve(m[field] as T);
    };
    child.on('message', onMessage);
    child.send(msg);
  });
}

export async function startServer(opts: StartOptions): Promise<ServerProcess> {
  const root = opts.root ?? ROOT;
  const script =
    opts.kind === 'parley'
      ? path.join(root, 'server/src/main.ts')
      : path.join(ROOT, 'bench/baselines/raw-ws.ts');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '/tmp',
    NODE_ENV: 'production',
    PORT: String(opts.port),
    HOST: '127.0.0.1',
    DATABASE_URL: opts.databaseUrl,
    JWT_SECRET: opts.jwtSecret,
    LOG_LEVEL: 'warn',
    ...(opts.redisUrl ? { REDIS_URL: opts.redisUrl } : {}),
    ...opts.env,
  };
  const sendTraceFile =
    opts.kind === 'parley' && opts.sendTraceDir
      ? path.join(opts.sendTraceDir, `send-trace-${opts.port}.json`)
      : undefined;
  if (sendTraceFile) env.SEND_TRACE_FILE = sendTraceFile;
  const child = fork(script, [], {
    cwd: root,
    env,
    execArgv: ['--expose-gc', '--import', PROBE, ...(opts.nodeArgs ?? [])],
    stdio: ['ignore', opts.quiet ? 'ignore' : 'inherit', 'inherit', 'ipc'],
  });
  const pid = child.pid;
  if (!pid) throw new Error(`could not start ${script}`);
  const httpUrl = `http://127.0.0.1:${opts.port}`;
  const wsUrl = `ws://127.0.0.1:${opts.port}${opts.kind === 'parley' ? '/graphql' : '/ws'}`;
  try {
    await waitReady(`${httpUrl}${opts.kind === 'parley' ? '/readyz' : '/healthz'}`, child, 120_000);
  } catch (err) {
    child.kill('SIGKILL');
    throw err;
  }
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });
  return {
    pid,
    httpUrl,
    wsUrl,
    cpuSeconds: () => cpuSeconds(pid),
    rssBytes: () => rssBytes(pid),
    memory: () => ask<MemorySample>(child, { type: 'memory' }, 'memory'),
    loop: () => ask<LoopSample>(child, { type: 'loop' }, 'loop'),
    heapSnapshot: (file) => ask<string>(child, { type: 'heap-snapshot', file }, 'file', 600_000),
    sendTraceFile,
    stop: () =>
      new Promise<void>((resolve) => {
        if (exited) return resolve();
        const force = setTimeout(() => child.kill('SIGKILL'), 25_000);
        child.once('exit', () => {
          clearTimeout(force);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}

/** `count` servers of one kind on consecutive ports. */
export async function startTarget(
  opts: StartOptions & { instances: number; label: string },
): Promise<Target> {
  const instances: ServerProcess[] = [];
  try {
    for (let i = 0; i < opts.instances; i++)
      instances.push(await startServer({ ...opts, port: opts.port + i }));
  } catch (err) {
    await Promise.all(instances.map((s) => s.stop()));
    throw err;
  }
  return {
    kind: opts.kind,
    label: opts.label,
    instances,
    stop: async () => {
      await Promise.all(instances.map((s) => s.stop()));
    },
  };
}
