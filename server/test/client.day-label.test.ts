/**
 * The web client's day separators in a conversation (client/src/features/
 * conversation/time.ts): "Today", "Yesterday" or the date, in the viewer's
 * zone. Lives here so the root `vitest run` picks it up; it needs no database.
 */
import { describe, expect, test } from 'vitest';
import { dayLabel } from '../../client/src/features/conversation/time.ts';

const NY = 'America/New_York';

describe('day labels', () => {
  test('today and yesterday are calendar days in the viewer zone', () => {
    const now = new Date('2026-06-10T03:30:00Z'); // 9 June, 23:30 in New York
    expect(dayLabel('2026-06-09T12:00:00Z', NY, now)).toBe('Today');
    expect(dayLabel('2026-06-08T12:00:00Z', NY, now)).toBe('Yesterday');
    expect(dayLabel('2026-06-10T03:00:00Z', 'Europe/Berlin', now)).toBe('Today');
    expect(dayLabel('2026-06-07T12:00:00Z', NY, now)).toMatch(/June 7, 2026/);
  });

  test('yesterday is the day before, also just after a 23-hour day', () => {
    // 8 March 2026 lost an hour in New York. At 00:30 on 9 March, 24 hours ago was 7 March.
    const now = new Date('2026-03-09T04:30:00Z');
    expect(dayLabel('2026-03-08T05:15:00Z', NY, now)).toBe('Yesterday'); // 8 March, 00:15
    expect(dayLabel('2026-03-08T04:45:00Z', NY, now)).toMatch(/March 7, 2026/); // 7 March, 23:45
  });

  test('across a month and a year', () => {
    expect(dayLabel('2026-02-28T12:00:00Z', 'UTC', new Date('2026-03-01T08:00:00Z'))).toBe('Yesterday');
    expect(dayLabel('2025-12-31T12:00:00Z', 'UTC', new Date('2026-01-01T08:00:00Z'))).toBe('Yesterday');
  });
});
