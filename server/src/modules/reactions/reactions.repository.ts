import { sql } from 'kysely';
import type { Db } from '../../db/index.ts';
import type { ReactionGroupRow } from './reactions.model.ts';

/**
 * Locks the message row for the rest of the transaction (reactions on one
 * message are serialised, so the distinct-emoji cap cannot be raced), and
 * returns whether it is deleted; undefined when it no longer exists.
 */
export async function lockMessage(db: Db, messageId: string): Promise<{ deleted: boolean } | undefined> {
  const row = await db
    .selectFrom('messages')
    .select('deleted_at')
    .where('id', '=', messageId)
    .forNoKeyUpdate()
    .executeTakeFirst();
  return row && { deleted: row.deleted_at !== null };
}

export async function distinctEmoji(db: Db, messageId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('message_reactions')
    .select('emoji')
    .distinct()
    .where('message_id', '=', messageId)
    .execute();
  return rows.map((r) => r.emoji);
}

/** True when the reaction was new. */
export async function insertReaction(
  db: Db,
  messageId: string,
  userId: string,
  emoji: string,
): Promise<boolean> {
  const row = await db
    .insertInto('message_reactions')
    .values({ message_id: messageId, user_id: userId, emoji })
    .onConflict((oc) => oc.columns(['message_id', 'emoji', 'user_id']).doNothing())
    .returning('user_id')
    .executeTakeFirst();
  return row !== undefined;
}

/** True when there was such a reaction. */
export async function deleteReaction(
  db: Db,
  messageId: string,
  userId: string,
  emoji: string,
): Promise<boolean> {
  const r = await db
    .deleteFrom('message_reactions')
    .where('message_id', '=', messageId)
    .where('user_id', '=', userId)
    .where('emoji', '=', emoji)
    .executeTakeFirst();
  return r.numDeletedRows > 0n;
}

/**
 * Reactions of several messages grouped by emoji, in the order each emoji was
 * first used, reactors earliest first (one statement). With a viewer, also
 * whether they reacted; with `userLimit`, at most that many reactor ids.
 */
export async function reactionGroups(
  db: Db,
  messageIds: readonly string[],
  viewerId: string | null,
  userLimit: number | null,
): Promise<ReactionGroupRow[]> {
  if (messageIds.length === 0) return [];
  const userIds = sql`array_agg(user_id order by created_at, user_id)`;
  const { rows } = await sql<ReactionGroupRow>`
    select message_id, emoji, count(*)::int as count,
      ${userLimit === null ? userIds : sql`(${userIds})[1:${userLimit}]`} as user_ids,
      ${viewerId === null ? sql`null::boolean` : sql`bool_or(user_id = ${viewerId})`} as by_me
    from message_reactions
    where message_id = any(${sql.val([...messageIds])}::uuid[])
    group by message_id, emoji
    order by message_id, min(created_at), emoji`.execute(db);
  return rows;
}
