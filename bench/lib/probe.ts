/**
 * Preloaded into servers under test (`node --expose-gc --import bench/lib/probe.ts`)
 * so the harness can read V8 heap figures over the fork IPC channel without
 * adding anything to Parley itself. It answers `{ type: 'memory' }` with
 * `process.memoryUsage()` taken after a full GC, so heap deltas reflect live
 * objects, not garbage; `{ type: 'heap-snapshot', file }` writes a V8 heap snapshot;
 * `{ type: 'loop' }` answers the event-loop delay and GC pauses since the last such question. The channel is unref'd: it never keeps a server alive.
 * Two timed diagnostics are switched on by environment (`--server-env`): see below.
 */
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import { writeHeapSnapshot } from 'node:v8';

const gc = (globalThis as { gc?: () => void }).gc;

/** Event-loop delay and GC pauses since the last `{ type: 'loop' }` (which resets them). */
const loopDelay = monitorEventLoopDelay({ resolution: 5 });
loopDelay.enable();
const gcPauses = { count: 0, ms: 0, maxMs: 0 };
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    gcPauses.count++;
    gcPauses.ms += entry.duration;
    gcPauses.maxMs = Math.max(gcPauses.maxMs, entry.duration);
  }
}).observe({ entryTypes: ['gc'] });

process.on('message', (msg: { type?: string; file?: string }) => {
  if (msg?.type === 'loop') {
    const ms = (ns: number) => ns / 1e6;
    process.send?.({
      type: 'loop',
      loop: {
        delayP50Ms: ms(loopDelay.percentile(50)),
        delayP99Ms: ms(loopDelay.percentile(99)),
        delayMaxMs: ms(loopDelay.max),
        gcCount: gcPauses.count,
        gcMs: gcPauses.ms,
        gcMaxMs: gcPauses.maxMs,
      },
    });
    loopDelay.reset();
    Object.assign(gcPauses, { count: 0, ms: 0, maxMs: 0 });
  } else if (msg?.type === 'memory') {
    gc?.();
    gc?.();
    process.send?.({ type: 'memory', memory: process.memoryUsage(), gc: Boolean(gc) });
  } else if (msg?.type === 'heap-snapshot' && msg.file) {
    process.send?.({ type: 'heap-snapshot', file: writeHeapSnapshot(msg.file) });
  }
});
process.channel?.unref();

/**
 * `BENCH_PROMOTED_SAMPLE=<delay s>:<duration s>:<file>`: after the delay,
 * samples allocations for the duration with V8's sampling heap profiler,
 * keeping objects a major GC collected but not those a scavenge did: what the
 * profile shows is what survived the young generation (promoted), the
 * allocations that make scavenges slow and major GCs frequent. The profile
 * (`.heapprofile`, opens in Chrome DevTools → Memory) is written to <file>.
 * `BENCH_ALLOC_SAMPLE` (same format) keeps what scavenges collected too:
 * every allocation, the young generation's churn that makes scavenges frequent.
 * `{pid}` in <file> becomes the server's pid (one file per instance with `--instances`).
 */
const promoted = (process.env.BENCH_PROMOTED_SAMPLE ?? process.env.BENCH_ALLOC_SAMPLE)?.split(':');
if (promoted && promoted.length >= 3) {
  const [delay, duration, ...file] = promoted;
  const everything = !process.env.BENCH_PROMOTED_SAMPLE;
  const { Session } = await import('node:inspector/promises');
  const { mkdirSync, writeFileSync } = await import('node:fs');
  const { dirname } = await import('node:path');
  setTimeout(async () => {
    const session = new Session();
    session.connect();
    await session.post('HeapProfiler.enable');
    await session.post('HeapProfiler.startSampling', {
      samplingInterval: 16384,
      includeObjectsCollectedByMajorGC: true,
      includeObjectsCollectedByMinorGC: everything,
    });
    setTimeout(async () => {
      const { profile } = await session.post('HeapProfiler.stopSampling');
      // The directory may not exist yet (e.g. the run's --out, created when results are written).
      const path = file.join(':').replaceAll('{pid}', String(process.pid));
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, JSON.stringify(profile));
      session.disconnect();
    }, Number(duration) * 1000).unref();
  }, Number(delay) * 1000).unref();
}

/** `BENCH_SNAPSHOT_AT=<delay s>:<file>`: one heap snapshot after the delay (e.g. in the middle of a load). */
const snapAt = process.env.BENCH_SNAPSHOT_AT?.split(':');
if (snapAt && snapAt.length >= 2) {
  const [delay, ...file] = snapAt;
  setTimeout(() => writeHeapSnapshot(file.join(':')), Number(delay) * 1000).unref();
}
