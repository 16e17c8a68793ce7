import { DateTime } from 'luxon';

/**
 * ICU only abbreviates a zone in locales where it is "commonly used" (IST in
 * en-IN, CET in en-GB, EST in en-US, AEDT in en-AU); elsewhere it prints
 * GMT+5:30. We try English locales in turn and keep the first real
 * abbreviation, falling back to the GMT offset form.
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
const formatters = new Map<string, Intl.DateTimeFormat>();

export function zoneAbbreviation(zone: string, at: Date): string {
  let fallback = '';
  for (const locale of ABBREVIATION_LOCALES) {
    const key = `${locale}|${zone}`;
    let f = formatters.get(key);
    if (!f) {
      f = new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: 'short' });
      formatters.set(key, f);
    }
    const name = f.formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? '';
    if (name && !/^(GMT|UTC)[+-]/.test(name)) return name;
    fallback ||= name;
  }
  return fallback || 'UTC';
}

/** "Mon 9 Mar 2026, 09:00 EDT": an instant as a person in `zone` reads it. */
export function formatInZone(at: Date, zone: string): string {
  return `${DateTime.fromJSDate(at).setZone(zone).toFormat('ccc d LLL yyyy, HH:mm')} ${zoneAbbreviation(zone, at)}`;
}

/** "09:00 EDT": the time only. */
export function formatTimeInZone(at: Date, zone: string): string {
  return `${DateTime.fromJSDate(at).setZone(zone).toFormat('HH:mm')} ${zoneAbbreviation(zone, at)}`;
}
