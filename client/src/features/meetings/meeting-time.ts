/**
 * Meeting times as people read them: the viewer's own zone (their profile's
 * `timeZone`, not the browser's) and, beside it, the other participant's.
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

const FULL: Intl.DateTimeFormatOptions = {
  weekday: 'short',
  month: 'short',
  day: 'numeric',
  year: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  timeZoneName: 'short',
};

/** "Mon, Mar 15, 2027, 2:00 – 2:30 PM GMT+1": start and end in `timeZone`. */
export function meetingRange(startsAt: string, endsAt: string, timeZone: string): string {
  return format(timeZone, 'range', FULL).formatRange(new Date(startsAt), new Date(endsAt));
}

/** "Mon, Mar 15, 2027, 2:00 PM GMT+1". */
export function meetingStart(startsAt: string, timeZone: string): string {
  return format(timeZone, 'start', FULL).format(new Date(startsAt));
}

/** "Mon 9:00 AM EDT": the other side's clock, short (the date is the one beside it). */
export function theirClock(startsAt: string, timeZone: string): string {
  return format(timeZone, 'clock', {
    weekday: 'short',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(new Date(startsAt));
}

/** "30 min", "1 h", "1 h 30 min". */
export function durationLabel(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}
