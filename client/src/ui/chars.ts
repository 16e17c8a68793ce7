/**
 * Text limits as the API counts them ("at most 4000 characters"): in Unicode
 * code points, as the server (server/src/lib/chars.ts) and PostgreSQL do, so
 * an emoji is one character. An HTML `maxLength` counts UTF-16 units instead
 * (an emoji is two) and silently cuts pasted text, so forms check with these
 * and say what is wrong rather than using it.
 */

/**
 * The server's text limits, in characters. Each is the server's number (the
 * comment says where); server/test/client.chars.test.ts checks them against it.
 */
export const LIMITS = {
  /** users.validation.ts (letters, digits, _ and . only). */
  username: 32,
  /** users.validation.ts (after collapsing runs of spaces). */
  displayName: 80,
  /** users.validation.ts. */
  bio: 500,
  /** rooms.validation.ts (after collapsing runs of spaces). */
  roomTitle: 100,
  /** config.messageMaxLength (`MESSAGE_MAX_LENGTH`, default 4000): messages, edits and a new room's first message. */
  message: 4000,
  /** meetings.service.ts. */
  meetingLocation: 200,
  meetingAgenda: 2000,
  /** Declining, cancelling, proposing or rejecting a new time. */
  meetingReason: 500,
  reviewComment: 2000,
  /** users.service.ts MAX_QUERY_LENGTH (after trimming and collapsing spaces). */
  searchQuery: 100,
} as const;

/** Characters in `text`, counted as the server counts them (code points; a lone surrogate is one). */
export function charCount(text: string): number {
  return [...text].length;
}

/** Whether `text` has more than `max` characters. Text within `max` UTF-16 units costs no counting. */
export const longerThan = (text: string, max: number): boolean => text.length > max && charCount(text) > max;

/** A one-line name (display name, group title) as the server measures it: trimmed, runs of spaces made one. */
export const oneLine = (text: string): string => text.trim().replace(/\s+/g, ' ');

/** The field error for text over its limit. */
export const tooLongMessage = (max: number): string => `Too long: at most ${max} characters.`;

/** The field error for `text` (already trimmed as the server trims it) over `max` characters, if it is. */
export const lengthError = (text: string, max: number): string | undefined =>
  longerThan(text, max) ? tooLongMessage(max) : undefined;

/**
 * The counter under a limited field: undefined while there is plenty of room
 * (below 90 % of the limit), then "3990 / 4000 characters", and how many too
 * many past the limit.
 */
export function counterLabel(count: number, max: number): string | undefined {
  if (count < max * 0.9) return undefined;
  const label = `${count} / ${max} characters`;
  return count > max ? `${label}: ${count - max} too many` : label;
}
