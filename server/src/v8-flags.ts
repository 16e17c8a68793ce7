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
 *
 * The old generation may grow by half its live size before V8 marks it
 * again (BENCHMARKS.md, entry 75). V8 picks that factor itself, from how
 * cheap collecting looks next to how fast the program promotes, and under a
 * heap cap (the Docker image's `--max-old-space-size=640`) never above ~1.45.
 * For the room list's ~45 MB of live caches and sockets it chose ~1.2, and
 * V8 starts marking once the space left falls to about the young
 * generation's capacity, which that left no room above: marking restarted
 * right after a Mark-Compact, seven of them in 21 s under load, with the
 * marking write barrier on every pointer store much of the time. At 1.5
 * there were two; the p99 of alternating pairs fell to 0.82x (a factor of
 * 2 did more for the room list, 1.03-1.11x the pages/s, but moved the full
 * GC after a connection surge into fanout's measured window and raised
 * two instances' GC pauses and RSS). Larger heaps (10,000 subscribers,
 * ~175 MB live) get about what V8 would give them anyway. V8 still caps a
 * limit halfway to the heap's maximum, so a heap near its cap is collected
 * as before. v8-heap-growth.test.ts checks the factor V8 reports.
 */
import { setFlagsFromString } from 'node:v8';

setFlagsFromString('--no-allocation-site-pretenuring');
setFlagsFromString('--json-stringify-fast-path');
setFlagsFromString('--heap-growing-percent=50');
