import { badInput } from '../../graphql/errors.ts';
import { longerThan } from '../../lib/chars.ts';

/** Trimmed text of 1–`max` characters (config.messageMaxLength). */
export function normalizeBody(raw: string, max: number, field = 'body'): string {
  const body = raw.trim();
  if (body.length === 0) throw badInput('Message cannot be empty', { field });
  if (longerThan(body, max)) throw badInput(`Message must be at most ${max} characters`, { field, max });
  // Overrides and embeddings reorder what follows them ("hi \u202Egnp.exe" shows as "hi exe.png"):
  // a message must read as written. Isolates and marks, which right-to-left writing uses, stay.
  const override = BIDI_OVERRIDE_RE.exec(body)?.[0];
  if (override)
    throw badInput(
      `Message must not contain text-direction override characters (found U+${override.charCodeAt(0).toString(16).toUpperCase()})`,
      { field },
    );
  return body;
}

/** LRE, RLE, PDF, LRO, RLO. */
const BIDI_OVERRIDE_RE = /[\u202A-\u202E]/;

/**
 * A new message's text: like `normalizeBody`, except that a message with
 * attachments may have none (returned as '').
 */
export function normalizeMessageBody(
  raw: string | null | undefined,
  hasAttachments: boolean,
  max: number,
): string {
  if (hasAttachments && (raw ?? '').trim() === '') return '';
  return normalizeBody(raw ?? '', max);
}

/** The sender's idempotency key: 1–64 characters. */
export function validateClientId(raw: string): string {
  if (raw.length < 1 || raw.length > 64)
    throw badInput('clientId must be 1–64 characters', { field: 'clientId' });
  return raw;
}

// `@name` not preceded by a word character (so emails do not count); a
// username is 3–32 of a-z 0-9 _ . (trailing dots are sentence punctuation).
const MENTION_RE = /(?<![\w.@])@([a-z0-9_.]{3,32})/gi;

/** Lower-cased usernames mentioned in `body`, each once. */
export function mentionedUsernames(body: string): string[] {
  const names = new Set<string>();
  for (const m of body.matchAll(MENTION_RE)) {
    const name = (m[1] ?? '').toLowerCase().replace(/\.+$/, '');
    if (name.length >= 3) names.add(name);
  }
  return [...names];
}
