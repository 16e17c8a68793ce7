/**
 * Preloaded into servers under test (`node --expose-gc --import bench/lib/probe.ts`)
 * so the harness can read V8 heap figures over the fork IPC channel without
 * adding anything to Parley itself. It answers `{ type: 'memory' }` with
 * `process.memoryUsage()` taken after a full GC, so heap deltas reflect live
 * objects, not garbage; `{ type: 'heap-snapshot', file }` writes a V8 heap snapshot. The channel is unref'd: it never keeps a server alive.
 */
import { writeHeapSnapshot } from 'node:v8';

const gc = (globalThis as { gc?: () => void }).gc;

process.on('message', (msg: { type?: string; file?: string }) => {
  if (msg?.type === 'memory') {
    gc?.();
    gc?.();
    process.send?.({ type: 'memory', memory: process.memoryUsage(), gc: Boolean(gc) });
  } else if (msg?.type === 'heap-snapshot' && msg.file) {
    process.send?.({ type: 'heap-snapshot', file: writeHeapSnapshot(msg.file) });
  }
});
process.channel?.unref();
