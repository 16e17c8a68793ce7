/**
 * The web client's wall-clock ↔ instant helper (client/src/ui/zoned-time.ts),
 * which the meeting forms use to turn "09:00 on 15 March in my zone" into the
 * ISO instant the API takes. Lives here so the root `vitest run` picks it up;
 * it needs no database.
 */
import { describe, expect, test } from 'vitest';
import {
  formatOffset,
  offsetMinutesAt,
  toWallTime,
  wallTimeToInstant,
  zonedIso,
} from '../../client/src/ui/zoned-time.ts';

const NY = 'America/New_York';
const BERLIN = 'Europe/Berlin';

describe('zoned wall-clock times', () => {
  test('the offset follows the zone, not the machine: New York across the 2027 spring change', () => {
    // US DST starts Sunday 14 March 2027 at 02:00 EST (07:00 UTC).
    expect(offsetMinutesAt(new Date('2027-03-14T06:59:00Z'), NY)).toBe(-300);
    expect(offsetMinutesAt(new Date('2027-03-14T07:00:00Z'), NY)).toBe(-240);
    expect(offsetMinutesAt(new Date('2027-01-10T12:00:00Z'), BERLIN)).toBe(60);
    expect(offsetMinutesAt(new Date('2027-07-10T12:00:00Z'), BERLIN)).toBe(120);
    expect(offsetMinutesAt(new Date('2027-07-10T12:00:00Z'), 'Asia/Kolkata')).toBe(330);
  });

  test('09:00 the Monday after the US spring change is 13:00 UTC, while Berlin is still on winter time', () => {
    expect(zonedIso({ date: '2027-03-15', time: '09:00' }, NY)).toBe('2027-03-15T09:00:00-04:00');
    expect(wallTimeToInstant({ date: '2027-03-15', time: '09:00' }, NY)?.toISOString()).toBe(
      '2027-03-15T13:00:00.000Z',
    );
    // The same wall time a week earlier is still EST: 14:00 UTC.
    expect(zonedIso({ date: '2027-03-08', time: '09:00' }, NY)).toBe('2027-03-08T09:00:00-05:00');
    // Seen from Berlin (CET until 28 March) the meeting is at 14:00, a week earlier at 15:00.
    expect(toWallTime('2027-03-15T13:00:00.000Z', BERLIN)).toEqual({ date: '2027-03-15', time: '14:00' });
    expect(toWallTime('2027-03-08T14:00:00.000Z', BERLIN)).toEqual({ date: '2027-03-08', time: '15:00' });
    expect(zonedIso({ date: '2027-03-15', time: '14:00' }, BERLIN)).toBe('2027-03-15T14:00:00+01:00');
  });

  test('a skipped reading (spring gap) moves forward by the gap', () => {
    // 02:30 does not exist in New York on 14 March 2027: it resolves to 03:30 EDT.
    expect(zonedIso({ date: '2027-03-14', time: '02:30' }, NY)).toBe('2027-03-14T03:30:00-04:00');
    expect(zonedIso({ date: '2027-03-28', time: '02:15' }, BERLIN)).toBe('2027-03-28T03:15:00+02:00');
  });

  test('a repeated reading (autumn overlap) takes the earlier instant', () => {
    // 01:30 happens twice in New York on 7 November 2027 (EDT, then EST).
    expect(zonedIso({ date: '2027-11-07', time: '01:30' }, NY)).toBe('2027-11-07T01:30:00-04:00');
    expect(zonedIso({ date: '2027-10-31', time: '02:30' }, BERLIN)).toBe('2027-10-31T02:30:00+02:00');
    // Just after the overlap only one instant remains.
    expect(zonedIso({ date: '2027-11-07', time: '02:00' }, NY)).toBe('2027-11-07T02:00:00-05:00');
  });

  test('round trips every quarter hour of the seasons with clock changes', () => {
    // March–April and October–November hold every 2027 change of these zones (Lord Howe: 30 min).
    const windows = [
      [Date.UTC(2027, 2, 1), Date.UTC(2027, 3, 10)],
      [Date.UTC(2027, 9, 1), Date.UTC(2027, 10, 10)],
    ] as const;
    // How many quarter hours each zone repeats when its clocks go back.
    const repeated = { [NY]: 4, [BERLIN]: 4, 'Australia/Lord_Howe': 2, 'Asia/Kolkata': 0 };
    for (const [zone, expected] of Object.entries(repeated)) {
      let earlier = 0;
      for (const [from, to] of windows)
        for (let at = from; at < to; at += 15 * 60_000) {
          const wall = toWallTime(at, zone);
          const back = wallTimeToInstant(wall, zone)?.getTime();
          // A repeated reading maps to its earlier instant; otherwise exactly back.
          if (back !== at) {
            expect(back).toBeLessThan(at);
            expect(toWallTime(back ?? 0, zone)).toEqual(wall);
            earlier += 1;
          }
        }
      expect(earlier, zone).toBe(expected);
    }
  });

  test('malformed or impossible dates and times give undefined', () => {
    expect(zonedIso({ date: '2027-02-31', time: '09:00' }, NY)).toBeUndefined();
    expect(zonedIso({ date: '2027-03-15', time: '24:00' }, NY)).toBeUndefined();
    expect(zonedIso({ date: '', time: '09:00' }, NY)).toBeUndefined();
    expect(zonedIso({ date: '2027-03-15', time: '9:00' }, NY)).toBeUndefined();
  });

  test('formats offsets', () => {
    expect(formatOffset(0)).toBe('+00:00');
    expect(formatOffset(330)).toBe('+05:30');
    expect(formatOffset(-240)).toBe('-04:00');
    expect(formatOffset(-570)).toBe('-09:30');
  });
});
