/**
 * Dates as the viewer reads them: every time in the viewer's own time zone
 * (their profile's `timeZone`, not the browser's), formatted with Intl.
 */

const cache = new Map<string, Intl.DateTimeFormat>();

function format(timeZone: string, key: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const id = `${timeZone}|${key}`;
  let f = cache.get(id);
  if (!f) {
    try {
      // No zone ('': the viewer's is not loaded yet): the browser's.
      f = new Intl.DateTimeFormat(undefined, timeZone ? { ...options, timeZone } : options);
    } catch {
      // An unknown zone (should not happen: the server validates it) falls back to the browser's.
      f = new Intl.DateTimeFormat(undefined, options);
    }
    cache.set(id, f);
  }
  return f;
}

/** `2026-03-09` for the calendar day `iso` falls on in `timeZone`. */
export function dayKey(iso: string, timeZone: string): string {
  const parts = format(timeZone, 'day-key', { year: 'numeric', month: '2-digit', day: '2-digit' })
    .formatToParts(new Date(iso))
    .reduce<Record<string, string>>((acc, p) => {
      acc[p.type] = p.value;
      return acc;
    }, {});
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** The calendar day before a `dayKey` (`2026-03-01` → `2026-02-28`). */
function dayBefore(key: string): string {
  const [y, m, d] = key.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d - 1)).toISOString().slice(0, 10);
}

/** "Today", "Yesterday" or e.g. "Monday, March 9, 2026". */
export function dayLabel(iso: string, timeZone: string, now = new Date()): string {
  const key = dayKey(iso, timeZone);
  const today = dayKey(now.toISOString(), timeZone);
  if (key === today) return 'Today';
  // The calendar day before today, not 24 h ago: after a 23-hour day that is two days back.
  if (key === dayBefore(today)) return 'Yesterday';
  return format(timeZone, 'day-label', {
    weekday: 'long',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
  }).format(new Date(iso));
}

/** "14:05" or "2:05 PM", as the browser's locale writes a time. */
export function timeLabel(iso: string, timeZone: string): string {
  return format(timeZone, 'time', { hour: 'numeric', minute: '2-digit' }).format(new Date(iso));
}

/**
 * "Nov 21, 2026, 2:05 PM": a date and time, e.g. for a tooltip beside a
 * relative time (relative-time.ts). Without a zone (not loaded yet), the browser's.
 */
export function dateTimeLabel(iso: string, timeZone: string | undefined): string {
  return format(timeZone ?? '', 'date-time', { dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(iso),
  );
}

/** The full date and time, for a tooltip. */
export function fullLabel(iso: string, timeZone: string): string {
  return format(timeZone, 'full', { dateStyle: 'full', timeStyle: 'short' }).format(new Date(iso));
}

/** For the room list: the time today, otherwise a short date. */
export function shortLabel(iso: string, timeZone: string, now = new Date()): string {
  if (dayKey(iso, timeZone) === dayKey(now.toISOString(), timeZone)) return timeLabel(iso, timeZone);
  return format(timeZone, 'short', { month: 'short', day: 'numeric' }).format(new Date(iso));
}
