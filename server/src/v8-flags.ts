/**
 * V8 settings for the server process, applied before anything else loads
 * (main.ts imports this module first; vitest's setupFiles too, so the test
 * suite runs with them).
 *
 * No allocation-site pretenuring: V8 starts allocating a hot literal straight
 * in the old generation once enough of its objects outlived a scavenge; after
 * that, whatever young objects those point to survive every scavenge until
 * the next major GC. Under fan-out load that promoted three times as much
 * (132 against 40 MB in 20 s at 10,000 subscribers and 1,000 msg/s): more
 * major GCs, and backlog bursts behind them. Three alternating pairs: p50
 * 73–115 → 17–24 ms, CPU per delivery 74–76 → 66–67 µs (BENCHMARKS.md,
 * entry 65).
 *
 * V8's new `JSON.stringify` (BENCHMARKS.md, entries 66 and 74). Node 24's V8
 * (13.6) has it behind this flag; V8 13.8 turned it on by default, and so do
 * Node 25 and later. Serialising a room list page (57 KB) took 135 µs under
 * load without it and 75 µs with it, the largest single item of that
 * request; in alternating pairs the room list served 1.14× the pages/s at
 * 0.89× the CPU per page. It falls back to the old serialiser for anything
 * but plain data (a replacer, `toJSON`, getters, proxies…).
 * json-fast-path.test.ts compares the two on thousands of generated values,
 * the edge cases among them, and the whole suite runs with the flag.
 */
import { setFlagsFromString } from 'node:v8';

setFlagsFromString('--no-allocation-site-pretenuring');
setFlagsFromString('--json-stringify-fast-path');
