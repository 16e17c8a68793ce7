/**
 * V8 settings for the server process, applied before anything else loads
 * (main.ts imports this module first).
 *
 * No allocation-site pretenuring: V8 starts allocating a hot literal straight
 * in the old generation once enough of its objects outlived a scavenge; after
 * that, whatever young objects those point to survive every scavenge until
 * the next major GC. Under fan-out load that promoted three times as much
 * (132 against 40 MB in 20 s at 10,000 subscribers and 1,000 msg/s): more
 * major GCs, and backlog bursts behind them. Three alternating pairs: p50
 * 73–115 → 17–24 ms, CPU per delivery 74–76 → 66–67 µs (BENCHMARKS.md,
 * entry 65).
 */
import { setFlagsFromString } from 'node:v8';

setFlagsFromString('--no-allocation-site-pretenuring');
