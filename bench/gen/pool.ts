/**
 * The coordinator's side of the load generator: forks generator processes,
 * deals rooms out to them (whole rooms per process), and merges their reports.
 * One process cannot hold 10,000+ sockets efficiently, and each process may
 * open at most 20,000 files here, so subscribers are spread over `workers`.
 */
import { type ChildProcess, fork } from 'node:child_process';
import path from 'node:path';
import * as hdr from 'hdr-histogram-js';
import { ROOT } from '../lib/servers.ts';
import type { Command, GenRoom, Reply, WorkerReport } from './protocol.ts';

const WORKER = path.join(ROOT, 'bench/gen/worker.ts');

export interface GenOptions {
  target: 'parley' | 'raw';
  wsUrls: string[];
  httpUrls: string[];
  rooms: GenRoom[];
  workers: number;
  runId: string;
  connectConcurrency: number;
  maxInflight: number;
  /** The `roomEvents` document Parley subscribers send (bench/lib/documents.ts). */
  subscription: string;
  /** The `sendMessage` document senders post to Parley. */
  sendMutation: string;
  /** Keep each measured send's clientId and send time (`fanout --stages`). */
  traceSends?: boolean;
}

export interface Merged {
  connections: number;
  connectFailed: number;
  dropped: number;
  sent: number;
  sendOk: number;
  sendErrors: number;
  sendSkipped: number;
  expected: number;
  received: number;
  outOfOrder: number;
  subscriptionErrors: number;
  latency: hdr.Histogram;
  sendLatency: hdr.Histogram;
  /** Per second of sending (by send time): deliveries, mean and largest latency in ms. */
  timeline: TimelineSecond[];
  loopDelayP99Ms: number;
  loopDelayMaxMs: number;
  firstError: string | undefined;
  /** [clientId, absolute send time in ms] per measured send, when traced. */
  sendTimes: Array<[string, number]>;
}

/** One second of sending: its messages' deliveries, their mean and largest latency (ms). */
export interface TimelineSecond {
  second: number;
  deliveries: number;
  meanMs: number | null;
  maxMs: number;
}

export class GeneratorPool {
  readonly children: ChildProcess[] = [];

  static async start(opts: GenOptions): Promise<GeneratorPool> {
    const pool = new GeneratorPool();
    const n = Math.max(1, Math.min(opts.workers, opts.rooms.length));
    for (let w = 0; w < n; w++) {
      const child = fork(WORKER, [], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
      pool.children.push(child);
      const rooms = opts.rooms.filter((_, i) => i % n === w);
      const init: Command = {
        type: 'init',
        workerId: w,
        target: opts.target,
        wsUrls: opts.wsUrls,
        httpUrls: opts.httpUrls,
        rooms,
        runId: opts.runId,
        connectConcurrency: opts.connectConcurrency,
        maxInflight: opts.maxInflight,
        subscription: opts.subscription,
        sendMutation: opts.sendMutation,
        traceSends: opts.traceSends ?? false,
      };
      child.send(init);
    }
    return pool;
  }

  /** Sends `cmd` to every worker and resolves with each one's reply of type `want`. */
  all<T extends Reply['type']>(cmd: Command, want: T): Promise<Array<Extract<Reply, { type: T }>>> {
    return Promise.all(
      this.children.map(
        (child) =>
          new Promise<Extract<Reply, { type: T }>>((resolve, reject) => {
            const onMessage = (m: Reply) => {
              if (m.type === 'error') {
                cleanup();
                reject(new Error(`generator: ${m.message}`));
              } else if (m.type === want) {
                cleanup();
                resolve(m as Extract<Reply, { type: T }>);
              }
            };
            const onExit = (code: number | null) => {
              cleanup();
              reject(new Error(`generator exited (${code}) during ${cmd.type}`));
            };
            const cleanup = () => {
              child.off('message', onMessage);
              child.off('exit', onExit);
            };
            child.on('message', onMessage);
            child.once('exit', onExit);
            child.send(cmd);
          }),
      ),
    );
  }

  async connect() {
    const r = await this.all({ type: 'connect' }, 'connected');
    return {
      ok: r.reduce((a, x) => a + x.ok, 0),
      failed: r.reduce((a, x) => a + x.failed, 0),
      ms: Math.max(...r.map((x) => x.ms)),
      firstError: r.find((x) => x.firstError)?.firstError,
    };
  }

  async warmup(rounds = 5, roundTimeoutMs = 5_000) {
    const r = await this.all({ type: 'warmup', rounds, roundTimeoutMs }, 'warm');
    return { warm: r.reduce((a, x) => a + x.warm, 0), total: r.reduce((a, x) => a + x.total, 0) };
  }

  /** `rate` msg/s in total, split evenly over the workers. */
  async send(rate: number, durationS: number) {
    await this.all({ type: 'send', rate: rate / this.children.length, durationS }, 'sent');
  }

  /** Zeroes counters and histograms (connections stay), e.g. between rates of a sweep. */
  async reset() {
    await this.all({ type: 'reset' }, 'reset');
  }

  /** Waits until every expected delivery arrived or `timeoutMs` passed; returns the wait in ms. */
  async drain(timeoutMs: number): Promise<number> {
    const started = Date.now();
    while (Date.now() - started < timeoutMs) {
      const s = await this.all({ type: 'status' }, 'status');
      if (s.every((x) => x.received >= x.expected)) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    return Date.now() - started;
  }

  async report(): Promise<Merged> {
    const reports: WorkerReport[] = (await this.all({ type: 'report' }, 'report')).map((r) => r.report);
    const latency = hdr.build({
      lowestDiscernibleValue: 1,
      highestTrackableValue: 3_600_000_000,
      numberOfSignificantValueDigits: 3,
    });
    const sendLatency = hdr.build({
      lowestDiscernibleValue: 1,
      highestTrackableValue: 3_600_000_000,
      numberOfSignificantValueDigits: 3,
    });
    for (const r of reports) {
      latency.add(hdr.decodeFromCompressedBase64(r.latency));
      sendLatency.add(hdr.decodeFromCompressedBase64(r.sendLatency));
    }
    const seconds = Math.max(0, ...reports.map((r) => r.timeline.count.length));
    const timeline: TimelineSecond[] = [];
    for (let s = 0; s < seconds; s++) {
      let count = 0;
      let sumUs = 0;
      let maxUs = 0;
      for (const r of reports) {
        count += r.timeline.count[s] ?? 0;
        sumUs += r.timeline.sumUs[s] ?? 0;
        maxUs = Math.max(maxUs, r.timeline.maxUs[s] ?? 0);
      }
      timeline.push({
        second: s,
        deliveries: count,
        meanMs: count ? Math.round(sumUs / count / 100) / 10 : null,
        maxMs: Math.round(maxUs / 100) / 10,
      });
    }
    const sum = (k: keyof WorkerReport) => reports.reduce((a, r) => a + (r[k] as number), 0);
    return {
      connections: sum('connections'),
      connectFailed: sum('connectFailed'),
      dropped: sum('dropped'),
      sent: sum('sent'),
      sendOk: sum('sendOk'),
      sendErrors: sum('sendErrors'),
      sendSkipped: sum('sendSkipped'),
      expected: sum('expected'),
      received: sum('received'),
      outOfOrder: sum('outOfOrder'),
      subscriptionErrors: sum('subscriptionErrors'),
      latency,
      sendLatency,
      timeline,
      loopDelayP99Ms: Math.max(...reports.map((r) => r.loopDelayP99Ms)),
      loopDelayMaxMs: Math.max(...reports.map((r) => r.loopDelayMaxMs)),
      firstError: reports.find((r) => r.firstError)?.firstError,
      sendTimes: reports.flatMap((r) => r.sendTimes ?? []),
    };
  }

  async close(): Promise<void> {
    await Promise.all(
      this.children.map(
        (c) =>
          new Promise<void>((resolve) => {
            if (c.exitCode !== null) return resolve();
            const t = setTimeout(() => c.kill('SIGKILL'), 10_000);
            c.once('exit', () => {
              clearTimeout(t);
              resolve();
            });
            c.send({ type: 'close' } satisfies Command);
          }),
      ),
    );
  }
}
