import type { UserModel } from '../users/users.model.ts';

/** Reactions with one emoji on one message, aggregated. */
export interface ReactionGroupModel {
  messageId: string;
  emoji: string;
  count: number;
  /** Reactors, earliest first: all of them in event payloads, the first 100 in queries. */
  userIds: string[];
  /** Set by queries (computed in SQL for the viewer); event payloads leave it out and resolve it per subscriber. */
  reactedByMe?: boolean | undefined;
  /** Event payloads embed the first reactors (so subscribers read nothing for `users(first)`). */
  users?: UserModel[] | undefined;
}

/** How many reactors per group an event payload embeds. */
export const EMBEDDED_REACTORS = 20;

export interface ReactionGroupRow {
  message_id: string;
  emoji: string;
  count: number;
  user_ids: string[];
  by_me: boolean | null;
}

export function reactionGroupRowToModel(row: ReactionGroupRow): ReactionGroupModel {
  return {
    messageId: row.message_id,
    emoji: row.emoji,
    count: Number(row.count),
    userIds: row.user_ids,
    ...(row.by_me === null ? {} : { reactedByMe: row.by_me }),
  };
}

/** Different emoji one message may carry. */
export const MAX_DISTINCT_REACTIONS = 20;

const EMOJI = /^\p{RGI_Emoji}$/v;
const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });

/**
 * Exactly one RGI emoji grapheme (flags, keycaps, skin tones and ZWJ
 * sequences included). A text-presentation base such as U+2764 is accepted
 * and stored with its emoji variation selector (❤ → ❤️), so both spellings
 * count as one reaction. Returns null when `raw` is anything else.
 */
export function normalizeEmoji(raw: string): string | null {
  const s = raw.trim().normalize('NFC');
  if (s.length === 0 || s.length > 64) return null;
  let graphemes = 0;
  for (const _ of segmenter.segment(s)) if (++graphemes > 1) return null;
  if (EMOJI.test(s)) return s;
  if (!s.includes('\uFE0F') && EMOJI.test(`${s}\uFE0F`)) return `${s}\uFE0F`;
  return null;
}
