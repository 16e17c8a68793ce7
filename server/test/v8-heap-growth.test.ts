/**
 * The server's old generation may grow by half its live size before the
 * next full GC (v8-flags.ts, BENCHMARKS.md entry 75). Left to itself, V8
 * picks the factor from how cheap collecting looks, and under a heap cap
 * stays below a maximum that shrinks with the cap (~1.45 at the Docker
 * image's 640 MB); a busy instance then marked its old generation again
 * right after each full GC.
 *
 * Each case runs a child Node with a 300 MB cap (V8's own factor at most
 * ~1.32 there, well clear of 1.5) and V8's `--trace-gc-verbose`, which
 * prints the factor behind every new limit, retains some data and forces
 * full GCs. The control, without Parley's flags, shows that the trace
 * reports V8's own choice, so the check on the server's settings can fail.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const FLAGS = fileURLToPath(new URL('../src/v8-flags.ts', import.meta.url));
const SCRIPT = `
const keep = [];
for (let i = 0; i < 200000; i++) keep.push({ i, s: 'retained ' + i });
gc();
gc();
`;

/** The growing factors V8 reported after the child's full GCs. */
function growingFactors(withParleyFlags: boolean): number[] {
  const out = execFileSync(
    process.execPath,
    [
      '--max-old-space-size=300',
      '--expose-gc',
      '--trace-gc-verbose',
      ...(withParleyFlags ? ['--import', FLAGS] : []),
      '-e',
      SCRIPT,
    ],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  return [...out.matchAll(/\[HeapController\] factor (\d+(?:\.\d+)?)/g)].map((m) => Number(m[1]));
}

describe('old generation growth', () => {
  it('is V8’s own, below 1.5, without the server’s flags (control)', () => {
    const factors = growingFactors(false);
    expect(factors.length).toBeGreaterThan(0);
    expect(Math.max(...factors)).toBeLessThan(1.5);
  });

  it('is a factor of 1.5 with them, whatever V8 would have chosen', () => {
    const factors = growingFactors(true);
    expect(factors.length).toBeGreaterThan(0);
    expect(factors.every((f) => f === 1.5)).toBe(true);
  });
});
