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

/** Embedding, override and isolate controls: they reorder the text after them ("Ev\u202Eil" shows as "Evli"). */
const BIDI_CONTROL_RE = /[\u202A-\u202E\u2066-\u2069]/u;
/** What Unicode says renders as nothing: zero-width space, word joiner, soft hyphen, Hangul fillers… */
const IGNORABLE_RE = /\p{Default_Ignorable_Code_Point}/u;
/** LRM, RLM, ALM: right-to-left text needs them, and they move no letter, only neutrals such as brackets. */
const DIRECTION_MARK_RE = /[\u200E\u200F\u061C]/u;
const JOINER_RE = /[\u200C\u200D]/u;
const VARIATION_RE = /\p{Variation_Selector}/u;
/** Where a joiner changes nothing: ASCII, spaces, scripts whose letters neither connect nor form conjuncts. */
const UNJOINED_RE =
  /[\p{ASCII}\s\p{sc=Latin}\p{sc=Greek}\p{sc=Cyrillic}\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}]/u;
/** Letters no variation selector applies to. */
const PLAIN_LETTER_RE = /[\p{sc=Latin}\p{sc=Greek}\p{sc=Cyrillic}\s]/u;
/** A subdivision flag (🏴 + tag letters + cancel tag, e.g. Scotland): its tags are the only legitimate ones. */
const EMOJI_TAG_SEQUENCE_RE = /\u{1F3F4}[\u{E0020}-\u{E007E}]+\u{E007F}/gu;

/**
 * The first character of `text` that could make it show something other than
 * what it holds, or undefined: always bidirectional controls (which reorder
 * it); with `invisible`, also characters that render as nothing (Unicode's
 * default-ignorable ones), except where they do something visible: zero-width
 * joiners and non-joiners after a character they join (emoji such as 👩‍💻,
 * Persian, Indic conjuncts) rather than between Latin letters, variation
 * selectors after anything but a Latin, Greek or Cyrillic letter (❤️, 1️⃣),
 * the tags of a subdivision flag, the Mongolian vowel separator within
 * Mongolian, and the directional marks. Refused rather than stripped: the
 * server never silently changes what someone chose to call themselves.
 */
export function hiddenCharIn(text: string, opts: { invisible: boolean }): string | undefined {
  const chars = Array.from(text.replace(EMOJI_TAG_SEQUENCE_RE, '\u{1F3F4}'));
  for (const [i, c] of chars.entries()) {
    if (BIDI_CONTROL_RE.test(c)) return c;
    if (!opts.invisible || !IGNORABLE_RE.test(c) || DIRECTION_MARK_RE.test(c)) continue;
    const prev = chars[i - 1];
    const next = chars[i + 1];
    // A visible character before (a variation selector may sit between, as in 🏳️‍🌈).
    const visiblePrev =
      prev !== undefined && (VARIATION_RE.test(prev) || !IGNORABLE_RE.test(prev)) ? prev : undefined;
    if (JOINER_RE.test(c)) {
      if (
        visiblePrev &&
        !UNJOINED_RE.test(visiblePrev) &&
        (next === undefined || !(UNJOINED_RE.test(next) || JOINER_RE.test(next)))
      )
        continue;
    } else if (VARIATION_RE.test(c)) {
      if (prev !== undefined && !IGNORABLE_RE.test(prev) && !PLAIN_LETTER_RE.test(prev)) continue;
    } else if (c === '\u180E') {
      if (prev !== undefined && /\p{scx=Mongolian}/u.test(prev)) continue;
    }
    return c;
  }
  return undefined;
}

const codePoint = (c: string) => `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * BAD_USER_INPUT (on `field`) when `text` has a character `hiddenCharIn`
 * refuses, naming it: it cannot be seen, so the message says which it is.
 */
export function refuseHiddenChars(text: string, label: string, field: string, invisible = true): void {
  const c = hiddenCharIn(text, { invisible });
  if (c === undefined) return;
  const what = invisible
    ? 'invisible or text-direction control characters'
    : 'text-direction control characters';
  throw badInput(`${label} must not contain ${what} (found ${codePoint(c)})`, { field });
}

/** 1–80 characters after trimming and collapsing spaces; no hidden characters (see `hiddenCharIn`). */
export function normalizeDisplayName(raw: string): string {
  const name = raw.trim().replace(/\s+/g, ' ');
  if (name.length < 1 || longerThan(name, DISPLAY_NAME_MAX))
    throw badInput(`Display name must be 1–${DISPLAY_NAME_MAX} characters`, { field: 'displayName' });
  refuseHiddenChars(name, 'Display name', 'displayName');
  if (!hasVisibleChar(name))
    throw badInput('Display name must have a visible character', { field: 'displayName' });
  return name;
}

/**
 * At most 500 characters after trimming; no bidirectional controls. Free text
 * keeps invisible characters: Thai and Khmer mark word breaks with
 * zero-width spaces, long words carry soft hyphens.
 */
export function normalizeBio(raw: string): string {
  const bio = raw.trim();
  if (longerThan(bio, BIO_MAX)) throw badInput(`Bio must be at most ${BIO_MAX} characters`, { field: 'bio' });
  refuseHiddenChars(bio, 'Bio', 'bio', false);
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
