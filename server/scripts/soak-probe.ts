/**
 * Preloaded into a Parley process by the soak script (`--import`): answers
 * `heap` requests on the IPC channel with memory usage after a full GC
 * (needs `--expose-gc`). Nothing is added to the server itself.
 */
process.on('message', (msg: unknown) => {
  if (msg !== 'heap') return;
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  gc?.();
  const m = process.memoryUsage();
  process.send?.({ heapUsed: m.heapUsed, rss: m.rss, external: m.external, gc: Boolean(gc) });
});
