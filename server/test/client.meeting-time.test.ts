/**
 * The web client's meeting time labels (client/src/features/meetings/meeting-time.ts):
 * ranges across a clock change, and zone labels in the server's style (CET, not
 * GMT+1). Lives here so the root `vitest run` picks it up; it needs no database.
 * The browser's default locale is en-US in the e2e tests; so is Node's here.
 */
import { describe, expect, test } from 'vitest';
import {
  meetingRange,
  meetingStart,
  theirClock,
  zoneAbbreviation,
} from '../../client/src/features/meetings/meeting-time.ts';
import { zoneAbbreviation as serverAbbreviation } from '../src/lib/time.ts';

const norm = (s: string) => s.replace(/\s/g, ' '); // ICU puts narrow no-break spaces before AM/PM

describe('meeting time labels', () => {
  test('a range across the spring change in Berlin shows each end in its own offset', () => {
    // 01:30 CET (00:30Z) for 120 min: ends 04:30 CEST (02:30Z).
    expect(norm(meetingRange('2027-03-28T00:30:00Z', '2027-03-28T02:30:00Z', 'Europe/Berlin'))).toBe(
      'Sun, Mar 28, 2027, 1:30 AM CET – 4:30 AM CEST',
    );
  });

  test('a range across the autumn change in New York shows each end in its own offset', () => {
    // 01:00 EDT (05:00Z) for 120 min: ends 02:00 EST (07:00Z).
    expect(norm(meetingRange('2027-11-07T05:00:00Z', '2027-11-07T07:00:00Z', 'America/New_York'))).toBe(
      'Sun, Nov 7, 2027, 1:00 AM EDT – 2:00 AM EST',
    );
  });

  test('a range across midnight and a clock change gives both dates', () => {
    expect(norm(meetingRange('2027-03-27T22:30:00Z', '2027-03-28T02:30:00Z', 'Europe/Berlin'))).toBe(
      'Sat, Mar 27, 2027, 11:30 PM CET – Sun, Mar 28, 2027, 4:30 AM CEST',
    );
  });

  test('a range within one offset stays compact, with the server-style label', () => {
    expect(norm(meetingRange('2027-03-15T13:00:00Z', '2027-03-15T13:45:00Z', 'Europe/Berlin'))).toBe(
      'Mon, Mar 15, 2027, 2:00 – 2:45 PM CET',
    );
    expect(norm(meetingRange('2027-03-15T13:00:00Z', '2027-03-15T13:45:00Z', 'America/New_York'))).toBe(
      'Mon, Mar 15, 2027, 9:00 – 9:45 AM EDT',
    );
  });

  test('zone labels match the server texts (CET, CEST, IST), GMT offsets only where nothing better exists', () => {
    const at = new Date('2027-07-01T12:00:00Z');
    for (const zone of [
      'Europe/Berlin',
      'Asia/Kolkata',
      'America/New_York',
      'Europe/London',
      'Australia/Sydney',
      'Asia/Dubai',
      'UTC',
    ])
      expect(zoneAbbreviation(zone, at)).toBe(serverAbbreviation(zone, at));
    expect(norm(meetingStart('2027-03-15T08:30:00Z', 'Asia/Kolkata'))).toBe('Mon, Mar 15, 2027, 2:00 PM IST');
    expect(norm(theirClock('2027-07-15T12:00:00Z', 'Europe/Berlin'))).toBe('Thu, 2:00 PM CEST');
  });
});
