/** lib/turn-clock.ts: one clock reading per event-loop turn. */
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { turnNow } from '../src/lib/turn-clock.ts';

describe('turnNow', () => {
  it('stands still within a turn and follows the clock across turns', async () => {
    const first = turnNow();
    expect(Math.abs(first - Date.now())).toBeLessThan(1_000);
    const spinUntil = Date.now() + 5;
    while (Date.now() < spinUntil) {} // time passes, the turn does not end
    expect(turnNow()).toBe(first);
    await sleep(5);
    const later = turnNow();
    expect(later).toBeGreaterThanOrEqual(first + 5);
    expect(later).toBeLessThanOrEqual(Date.now());
  });
});
