/**
 * Wall-clock times in a named IANA zone (the viewer's profile zone, which may
 * differ from the browser's), converted to and from instants with Intl only.
 *
 * A date and time typed into a form mean "that reading on a clock in `zone`".
 * Around daylight-saving changes a reading can be ambiguous (autumn: 02:30
 * happens twice) or not exist (spring: 02:30 is skipped). We resolve both like
 * Temporal's default `disambiguation: 'compatible'`: the earlier of two
 * instants, and for a skipped reading the instant it would be with the
 * offset before the change (02:30 → 03:30 in a one-hour gap).
 * https://tc39.es/proposal-temporal/docs/ambiguity.html
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    // Throws RangeError for an unknown zone.
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export interface WallTime {
  /** `YYYY-MM-DD` */
  date: string;
  /** `HH:mm` (24 h) */
  time: string;
}

/** The calendar fields `instant` shows on a clock in `timeZone`, as UTC milliseconds. */
function wallClockMs(instant: number, timeZone: string): number {
  const p: Record<string, number> = {};
  for (const part of partsFormatter(timeZone).formatToParts(new Date(instant)))
    if (part.type !== 'literal') p[part.type] = Number(part.value);
  return Date.UTC(p.year ?? 0, (p.month ?? 1) - 1, p.day ?? 1, p.hour ?? 0, p.minute ?? 0, p.second ?? 0);
}

/** The zone's UTC offset in minutes at `instant` (Berlin in winter: 60; New York in summer: -240). */
export function offsetMinutesAt(instant: Date | number, timeZone: string): number {
  const ms = typeof instant === 'number' ? instant : instant.getTime();
  const whole = Math.floor(ms / 1000) * 1000; // the formatter shows whole seconds
  return Math.round((wallClockMs(whole, timeZone) - whole) / 60_000);
}

/** `+01:00`, `-04:00`, `+05:30`. */
export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{2}):(\d{2})$/;

function parseWall({ date, time }: WallTime): number | undefined {
  const d = DATE.exec(date);
  const t = TIME.exec(time);
  if (!d || !t) return undefined;
  const [year, month, day, hour, minute] = [d[1], d[2], d[3], t[1], t[2]].map(Number) as number[];
  const ms = Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1, hour ?? 0, minute ?? 0);
  // Reject 2027-02-31 and 25:00 instead of letting Date.UTC roll them over.
  const check = new Date(ms);
  if (
    check.getUTCFullYear() !== year ||
    check.getUTCMonth() + 1 !== month ||
    check.getUTCDate() !== day ||
    check.getUTCHours() !== hour ||
    check.getUTCMinutes() !== minute
  )
    return undefined;
  return ms;
}

/** What a clock in `timeZone` reads at `instant`. */
export function toWallTime(instant: Date | string | number, timeZone: string): WallTime {
  const iso = new Date(wallClockMs(new Date(instant).getTime(), timeZone)).toISOString();
  return { date: iso.slice(0, 10), time: iso.slice(11, 16) };
}

/**
 * The instant a clock in `timeZone` reads `wall` (see the module comment for
 * skipped and repeated readings), or undefined for a malformed date or time.
 */
export function wallTimeToInstant(wall: WallTime, timeZone: string): Date | undefined {
  const local = parseWall(wall);
  if (local === undefined) return undefined;
  // Offsets a day either side: at most one change in between, so one of them
  // is the offset in force at the reading (or both, or neither in a gap).
  const before = offsetMinutesAt(local - 86_400_000, timeZone);
  const after = offsetMinutesAt(local + 86_400_000, timeZone);
  const candidates = [local - before * 60_000, local - after * 60_000]
    .filter((at) => wallClockMs(at, timeZone) === local)
    .sort((a, b) => a - b);
  // In a gap no candidate reads `local`: keep the offset from before the change.
  return new Date(candidates[0] ?? local - before * 60_000);
}

/**
 * `2027-03-15T09:00:00-04:00`: the ISO 8601 instant with the zone's offset
 * for a wall-clock reading (what the API's DateTime inputs take), or
 * undefined for a malformed date or time. A skipped reading comes back as
 * the reading it resolves to (02:30 in a gap → 03:30).
 */
export function zonedIso(wall: WallTime, timeZone: string): string | undefined {
  const instant = wallTimeToInstant(wall, timeZone);
  if (!instant) return undefined;
  const shown = toWallTime(instant, timeZone);
  return `${shown.date}T${shown.time}:00${formatOffset(offsetMinutesAt(instant, timeZone))}`;
}
