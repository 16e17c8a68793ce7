/**
 * For read-through caches kept correct by invalidations: tells whether a
 * value read from the database may be stored, given the changes that came in
 * while it was being read (the read may predate them).
 *
 * Every change bumps an epoch. While reads are in flight, each changed key
 * remembers the epoch of its latest change, so a read that began before it
 * does not store that key. At most `maxTracked` keys are remembered: when one
 * is dropped, every read begun before its change stores nothing.
 */
export interface ChangeEpochs {
  /** Call as a read begins; hand the result to `mayStore`, and call `end` once the read is stored (or failed). */
  begin(): number;
  /** Whether the read begun at `started` may store `key`: no change to it came in since. */
  mayStore(started: number, key: string): boolean;
  /** Call when a read is over (after storing what it may). */
  end(): void;
  /** Records changes to `keys` (non-strings are ignored). */
  changed(keys: Iterable<unknown>): void;
  /** Records that anything may have changed: reads in flight store nothing. */
  changedAll(): void;
}

export function changeEpochs(maxTracked: number): ChangeEpochs {
  let epoch = 0;
  let floor = 0;
  let inFlight = 0;
  const changedAt = new Map<string, number>();
  return {
    begin() {
      inFlight++;
      return epoch;
    },
    mayStore(started, key) {
      const changed = changedAt.get(key);
      return started >= floor && (changed === undefined || changed <= started);
    },
    end() {
      inFlight--;
      if (inFlight === 0) changedAt.clear();
    },
    changed(keys) {
      epoch++;
      if (inFlight === 0) return;
      for (const key of keys) {
        if (typeof key !== 'string') continue;
        changedAt.delete(key);
        changedAt.set(key, epoch);
        if (changedAt.size > maxTracked) {
          const [oldest, at] = changedAt.entries().next().value as [string, number];
          changedAt.delete(oldest);
          floor = Math.max(floor, at);
        }
      }
    },
    changedAll() {
      epoch++;
      floor = epoch;
    },
  };
}
