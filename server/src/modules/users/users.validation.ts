import { badInput } from '../../graphql/errors.ts';
import { charCount, hasVisibleChar, longerThan } from '../../lib/chars.ts';

const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** Limits in characters (code points), also published by `Query.limits`. */
export const USERNAME_MAX = 32;
export const DISPLAY_NAME_MAX = 80;
export const BIO_MAX = 500;
const USERNAME_RE = new RegExp(`^[a-z0-9_.]{3,${USERNAME_MAX}}$`);
const zoneCache = new Map<string, boolean>();

/** Trimmed and lower-cased; emails are unique regardless of case. */
export function normalizeEmail(raw: string): string {
  const email = raw.trim().toLowerCase();
  if (email.length > 254 || !EMAIL_RE.test(email))
    throw badInput('Enter a valid email address', { field: 'email' });
  return email;
}

/** Lower-cased; 3–32 of a-z, 0-9, `_` and `.`. */
export function normalizeUsername(raw: string): string {
  const username = raw.trim().toLowerCase();
  if (!USERNAME_RE.test(username)) {
    throw badInput(`Username must be 3–${USERNAME_MAX} characters of a-z, 0-9, _ and .`, {
      field: 'username',
    });
  }
  return username;
}

export function validatePassword(password: string, field = 'password'): string {
  if (charCount(password) < 8) throw badInput('Password must be at least 8 characters', { field });
  if (longerThan(password, 1024)) throw badInput('Password must be at most 1024 characters', { field });
  return password;
}

export function normalizeDisplayName(raw: string): string {
  const name = raw.trim().replace(/\s+/g, ' ');
  if (name.length < 1 || longerThan(name, DISPLAY_NAME_MAX))
    throw badInput(`Display name must be 1–${DISPLAY_NAME_MAX} characters`, { field: 'displayName' });
  if (!hasVisibleChar(name))
    throw badInput('Display name must have a visible character', { field: 'displayName' });
  return name;
}

export function normalizeBio(raw: string): string {
  const bio = raw.trim();
  if (longerThan(bio, BIO_MAX)) throw badInput(`Bio must be at most ${BIO_MAX} characters`, { field: 'bio' });
  return bio;
}

/** True for an IANA zone name the runtime knows (e.g. `Europe/Berlin`, `UTC`). */
export function isValidTimeZone(zone: string): boolean {
  const cached = zoneCache.get(zone);
  if (cached !== undefined) return cached;
  let ok = false;
  try {
    // Reject offsets like "+02:00" that Intl accepts but are not IANA zones.
    ok =
      /^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(zone) &&
      new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone.length > 0;
  } catch {
    ok = false;
  }
  zoneCache.set(zone, ok);
  return ok;
}

/**
 * A valid zone, spelled as the runtime spells it when the two differ only in
 * letter case ("asia/tokyo" → "Asia/Tokyo"; IANA names are case-insensitive,
 * and every place that shows the zone shows what is stored). A name the
 * runtime knows under another one (Asia/Kolkata, which ICU calls
 * Asia/Calcutta) is kept as given.
 */
export function validateTimeZone(zone: string): string {
  const z = zone.trim();
  if (!isValidTimeZone(z))
    throw badInput(`Unknown time zone "${z}"; use an IANA name such as Europe/Berlin`, { field: 'timeZone' });
  const runtime = new Intl.DateTimeFormat('en-US', { timeZone: z }).resolvedOptions().timeZone;
  return runtime.toLowerCase() === z.toLowerCase() ? runtime : z;
}
