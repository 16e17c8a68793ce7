/**
 * Notification texts that name times. A text is written once, in the
 * transaction of the change, but read for as long as the notification is
 * kept: a time in it must read in the zone its reader has when reading, not
 * the one they had when it was written. So a text is kept twice: as written
 * (for the email, which leaves at once) and as parts, with its times as
 * instants, rendered again in the reader's zone (`renderParts`).
 */
import { randomUUID } from 'node:crypto';
import { formatInZone } from '../../lib/time.ts';

/** The recipient as texts are rendered for them. */
export interface Recipient {
  id: string;
  displayName: string;
  /** IANA zone, e.g. `Europe/Berlin`. */
  timeZone: string;
  /** `at` as the recipient reads it: "Mon 9 Mar 2026, 09:00 EDT". */
  time(at: Date): string;
}

/** A text, or a function rendering it for the recipient (use `r.time(at)` for any time). */
export type NotificationText = string | ((r: Recipient) => string);

/** `text` as `r` reads it now. */
export function renderText(text: NotificationText, r: Recipient): string {
  return typeof text === 'function' ? text(r) : text;
}

/**
 * `text` with its times kept as instants: `["text", "ISO instant", "text", …]`
 * (odd indexes are instants), or null when it names no time. Each time is
 * written as a marker no text can contain (a fresh random id), then the
 * rendering is cut at the markers.
 */
export function textParts(text: NotificationText, r: Recipient): string[] | null {
  if (typeof text === 'string') return null;
  const times: Date[] = [];
  const marker = `\u0000${randomUUID()}\u0000`;
  const pieces = text({
    ...r,
    time: (at) => {
      times.push(at);
      return marker;
    },
  }).split(marker);
  if (times.length === 0 || pieces.length !== times.length + 1) return null;
  const parts: string[] = [pieces[0] ?? ''];
  times.forEach((at, i) => {
    parts.push(at.toISOString(), pieces[i + 1] ?? '');
  });
  return parts;
}

/** Parts from `textParts` read in `zone`; undefined when they are not such parts. */
export function renderParts(parts: unknown, zone: string): string | undefined {
  if (!Array.isArray(parts) || parts.length % 2 === 0) return undefined;
  let out = '';
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    if (typeof part !== 'string') return undefined;
    if (i % 2 === 0) out += part;
    else {
      const at = new Date(part);
      if (Number.isNaN(at.getTime())) return undefined;
      out += formatInZone(at, zone);
    }
  }
  return out;
}

/** The recipient `r` with their zone's time format. */
export function recipient(to: { id: string; display_name: string; time_zone: string }): Recipient {
  return {
    id: to.id,
    displayName: to.display_name,
    timeZone: to.time_zone,
    time: (at) => formatInZone(at, to.time_zone),
  };
}
