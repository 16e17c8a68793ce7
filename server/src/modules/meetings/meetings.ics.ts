/**
 * iCalendar (RFC 5545) invitations for meeting emails, written by hand: one
 * VEVENT with a stable UID (`<meeting id>@<host>`) and a SEQUENCE that grows
 * with every change, so calendar apps update (or, with METHOD:CANCEL, remove)
 * the same event instead of adding another. Times are UTC (`…Z`), so no
 * VTIMEZONE is needed and each calendar shows them in its owner's zone.
 */

export interface IcsEvent {
  method: 'REQUEST' | 'CANCEL';
  /**
   * A REQUEST for a meeting not yet accepted: STATUS:TENTATIVE with the
   * attendee's answer still to come (PARTSTAT=NEEDS-ACTION, RSVP), so a
   * calendar does not show it as settled. Otherwise CONFIRMED and ACCEPTED.
   */
  tentative?: boolean;
  uid: string;
  sequence: number;
  start: Date;
  end: Date;
  /** When this version of the event was made (DTSTAMP). */
  stamp: Date;
  summary: string;
  description: string;
  location?: string | null | undefined;
  url?: string | null | undefined;
  organizer: { name: string; email: string };
  attendees: { name: string; email: string }[];
}

/** 20270315T130000Z */
export function icsUtc(at: Date): string {
  return at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** TEXT value escaping (RFC 5545 §3.3.11). */
export function escapeText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** A parameter value (CN): quoted, and without characters a quoted value may not hold. */
const param = (value: string) => `"${value.replace(/["\r\n]/g, '')}"`;

/**
 * Folds a content line at 75 octets (RFC 5545 §3.1): continuation lines start
 * with one space. Splits between UTF-8 code points, never inside one.
 */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const n = Buffer.byteLength(ch, 'utf8');
    const limit = out.length === 0 ? 75 : 74; // continuation lines carry a leading space
    if (octets + n > limit) {
      out.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += n;
  }
  out.push(current);
  return out.join('\r\n ');
}

export function buildIcs(e: IcsEvent): string {
  const status = e.method === 'CANCEL' ? 'CANCELLED' : e.tentative ? 'TENTATIVE' : 'CONFIRMED';
  const answer = e.tentative ? 'PARTSTAT=NEEDS-ACTION;RSVP=TRUE' : 'PARTSTAT=ACCEPTED';
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Parley//Meetings//EN',
    'CALSCALE:GREGORIAN',
    `METHOD:${e.method}`,
    'BEGIN:VEVENT',
    `UID:${e.uid}`,
    `SEQUENCE:${e.sequence}`,
    `DTSTAMP:${icsUtc(e.stamp)}`,
    `DTSTART:${icsUtc(e.start)}`,
    `DTEND:${icsUtc(e.end)}`,
    `SUMMARY:${escapeText(e.summary)}`,
    `DESCRIPTION:${escapeText(e.description)}`,
    ...(e.location ? [`LOCATION:${escapeText(e.location)}`] : []),
    ...(e.url ? [`URL:${e.url}`] : []),
    `STATUS:${status}`,
    `ORGANIZER;CN=${param(e.organizer.name)}:mailto:${e.organizer.email}`,
    ...e.attendees.map(
      (a) => `ATTENDEE;CN=${param(a.name)};ROLE=REQ-PARTICIPANT;${answer}:mailto:${a.email}`,
    ),
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
