/**
 * Meeting times as people read them: the viewer's own zone (their profile's
 * `timeZone`, not the browser's) and, beside it, the other participant's.
 *
 * Zone labels follow the server's notification and email texts
 * (server/src/lib/time.ts `zoneAbbreviation`): CET, CEST, IST, EDT rather than
 * the GMT+1 that `timeZoneName: 'short'` gives in many zones for en-US. Each
 * end of a range carries its own label: a meeting across a clock change
 * starts in one offset and ends in another.
 */

const formats = new Map<string, Intl.DateTimeFormat>();

function format(timeZone: string, key: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const id = `${timeZone}|${key}`;
  let f = formats.get(id);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat(undefined, { ...options, timeZone });
    } catch {
      // An unknown zone (the server validates zones, so unexpected): the browser's.
      f = new Intl.DateTimeFormat(undefined, options);
    }
    formats.set(id, f);
  }
  return f;
}

/**
 * ICU abbreviates a zone only in locales where the abbreviation is "commonly
 * used" (CET in en-GB, IST in en-IN, EST in en-US); elsewhere it prints
 * GMT+5:30. As the server does, try English locales in turn and keep the
 * first real abbreviation, falling back to the GMT offset form.
 */
const ABBREVIATION_LOCALES = [
  'en-US',
  'en-GB',
  'en-IN',
  'en-AU',
  'en-CA',
  'en-NZ',
  'en-SG',
  'en-ZA',
  'en-IE',
];
const abbreviators = new Map<string, Intl.DateTimeFormat | null>();

/** "CET", "CEST", "IST", "EDT"; "GMT+4" where no English locale abbreviates the zone. */
export function zoneAbbreviation(timeZone: string, at: Date): string {
  let fallback = '';
  for (const locale of ABBREVIATION_LOCALES) {
    const key = `${locale}|${timeZone}`;
    let f = abbreviators.get(key);
    if (f === undefined) {
      try {
        f = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'short' });
      } catch {
        f = null;
      }
      abbreviators.set(key, f);
    }
    if (!f) continue;
    const name = f.formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? '';
    if (name && !/^(GMT|UTC)[+-]/.test(name)) return name;
    fallback ||= name;
  }
  return fallback || 'UTC';
}

/** The parts as the browser's locale lays them out, with our zone label in place of its own. */
function withZone(parts: Intl.DateTimeFormatPart[], label: string): string {
  return parts.map((p) => (p.type === 'timeZoneName' ? label : p.value)).join('');
}

const FULL: Intl.DateTimeFormatOptions = {
  weekday: 'short',
  month: 'short',
  day: 'numeric',
  year: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  timeZoneName: 'short',
};

const TIME: Intl.DateTimeFormatOptions = { hour: 'numeric', minute: '2-digit', timeZoneName: 'short' };

/** The calendar day of `at` in `timeZone`, for comparing. */
function dayIn(at: Date, timeZone: string): string {
  return format(timeZone, 'day', { year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/**
 * "Mon, Mar 15, 2027, 2:00 – 2:30 PM CET": start and end in `timeZone`. Across
 * a clock change each end shows its own zone: "Sun, Mar 28, 2027, 1:30 AM CET –
 * 4:30 AM CEST".
 */
export function meetingRange(startsAt: string, endsAt: string, timeZone: string): string {
  const start = new Date(startsAt);
  const end = new Date(endsAt);
  const startZone = zoneAbbreviation(timeZone, start);
  const endZone = zoneAbbreviation(timeZone, end);
  const startOffset = format(timeZone, 'offset', { timeZoneName: 'longOffset' })
    .formatToParts(start)
    .find((p) => p.type === 'timeZoneName')?.value;
  const endOffset = format(timeZone, 'offset', { timeZoneName: 'longOffset' })
    .formatToParts(end)
    .find((p) => p.type === 'timeZoneName')?.value;
  if (startOffset === endOffset && startZone === endZone)
    return withZone(format(timeZone, 'range', FULL).formatRangeToParts(start, end), startZone);
  // Intl's range shares one zone name between both ends: write each end on its own.
  const first = withZone(format(timeZone, 'full', FULL).formatToParts(start), startZone);
  const sameDay = dayIn(start, timeZone) === dayIn(end, timeZone);
  const last = withZone(
    format(timeZone, sameDay ? 'time' : 'full', sameDay ? TIME : FULL).formatToParts(end),
    endZone,
  );
  return `${first} – ${last}`;
}

/** "Mon, Mar 15, 2027, 2:00 PM CET". */
export function meetingStart(startsAt: string, timeZone: string): string {
  const at = new Date(startsAt);
  return withZone(format(timeZone, 'full', FULL).formatToParts(at), zoneAbbreviation(timeZone, at));
}

/** "Mon 9:00 AM EDT": the other side's clock, short (the date is the one beside it). */
export function theirClock(startsAt: string, timeZone: string): string {
  const at = new Date(startsAt);
  return withZone(
    format(timeZone, 'clock', {
      weekday: 'short',
      hour: 'numeric',
      minute: '2-digit',
      timeZoneName: 'short',
    }).formatToParts(at),
    zoneAbbreviation(timeZone, at),
  );
}

/** "30 min", "1 h", "1 h 30 min". */
export function durationLabel(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}
