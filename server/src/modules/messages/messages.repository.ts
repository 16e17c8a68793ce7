import { sql, type Transaction } from 'kysely';
import type { DB, Db } from '../../db/index.ts';
import { MESSAGE_COLUMNS, type MessageRow, type SystemData } from './messages.model.ts';

export interface NewMessage {
  id: string;
  room_id: string;
  kind: 'USER' | 'SYSTEM';
  sender_id: string | null;
  client_id: string | null;
  body: string;
  reply_to_id: string | null;
  mentions: string[];
  system_data: SystemData | null;
}

/** Appends a message at the room's next seq (inside the caller's transaction). */
/**
 * Appends a message in one statement: takes the room's next `seq` and bumps
 * its activity time (the UPDATE locks the room row until the transaction
 * ends, so concurrent senders of one room queue here; a rollback undoes the
 * increment, so seqs stay gap-free), inserts the message with it and, with
 * `readBy`, moves that member's read pointer to it (a sender has read up to
 * their own message). One round trip instead of three on the hottest write path.
 */
export async function appendMessage(
  trx: Transaction<DB>,
  msg: NewMessage,
  opts: { readBy?: string } = {},
): Promise<MessageRow> {
  const systemData = msg.system_data ? JSON.stringify(msg.system_data) : null;
  const moveReadPointer = opts.readBy
    ? sql`, read AS (
        UPDATE room_members SET last_read_seq = m.seq, last_read_at = now()
        FROM m
        WHERE room_members.room_id = m.room_id AND room_members.user_id = ${opts.readBy}::uuid
          AND room_members.last_read_seq < m.seq)`
    : sql``;
  const { rows } = await sql<MessageRow>`
    WITH r AS (
      UPDATE rooms
      SET last_seq = last_seq + 1,
          -- Millisecond precision: the room list's keyset cursor round-trips through a JS Date.
          last_activity_at = greatest(last_activity_at, date_trunc('milliseconds', clock_timestamp()))
      WHERE id = ${msg.room_id}::uuid
      RETURNING last_seq, last_activity_at
    ), m AS (
      INSERT INTO messages (id, room_id, kind, sender_id, client_id, body, reply_to_id, mentions, system_data, seq, created_at)
      SELECT ${msg.id}::uuid, ${msg.room_id}::uuid, ${msg.kind}::text, ${msg.sender_id}::uuid, ${msg.client_id}::text,
             ${msg.body}::text, ${msg.reply_to_id}::uuid, ${msg.mentions}::uuid[], ${systemData}::jsonb,
             r.last_seq, r.last_activity_at
      FROM r
      RETURNING id, room_id, seq, kind, sender_id, client_id, body, reply_to_id, mentions, system_data,
                created_at, edited_at, deleted_at
    )${moveReadPointer}
    SELECT * FROM m`.execute(trx);
  const row = rows[0];
  if (!row) throw new Error(`room ${msg.room_id} does not exist`);
  return row;
}

export async function findBySenderClientId(
  db: Db,
  senderId: string,
  clientId: string,
): Promise<MessageRow | undefined> {
  return (await db
    .selectFrom('messages')
    .select(MESSAGE_COLUMNS)
    .where('sender_id', '=', senderId)
    .where('client_id', '=', clientId)
    .executeTakeFirst()) as MessageRow | undefined;
}

export async function findMessagesByIds(db: Db, ids: readonly string[]): Promise<MessageRow[]> {
  if (ids.length === 0) return [];
  return (await db
    .selectFrom('messages')
    .select(MESSAGE_COLUMNS)
    .where('id', 'in', ids)
    .execute()) as MessageRow[];
}

export type MessageWithMembership = MessageRow & {
  viewer_role: string;
  viewer_visible_from_seq: number;
  room_kind: string;
  room_last_seq: number;
};

/**
 * A message with the viewer's membership of its room and the room's newest
 * seq, in one statement; undefined when the viewer is not a member.
 */
export async function findMessageWithMembership(
  db: Db,
  id: string,
  userId: string,
): Promise<MessageWithMembership | undefined> {
  return (await db
    .selectFrom('messages')
    .innerJoin('room_members as rm', (j) =>
      j.onRef('rm.room_id', '=', 'messages.room_id').on('rm.user_id', '=', userId),
    )
    .innerJoin('rooms as r', 'r.id', 'messages.room_id')
    .select([
      ...MESSAGE_COLUMNS,
      'rm.role as viewer_role',
      'rm.visible_from_seq as viewer_visible_from_seq',
      'r.kind as room_kind',
      'r.last_seq as room_last_seq',
    ])
    .where('messages.id', '=', id)
    .executeTakeFirst()) as MessageWithMembership | undefined;
}

export interface HistoryQuery {
  roomId: string;
  /** Lowest seq the viewer may see. */
  minSeq: number;
  afterSeq?: number | undefined;
  beforeSeq?: number | undefined;
  senderId?: string | undefined;
  limit: number;
  /** 'asc': oldest first from afterSeq; 'desc': newest first down from beforeSeq. */
  order: 'asc' | 'desc';
}

/** A keyset slice of a room's history (the UNIQUE (room_id, seq) index serves it; no OFFSET). */
export async function listHistory(db: Db, q: HistoryQuery): Promise<MessageRow[]> {
  let query = db
    .selectFrom('messages')
    .select(MESSAGE_COLUMNS)
    .where('room_id', '=', q.roomId)
    .where('seq', '>=', q.minSeq);
  if (q.afterSeq !== undefined) query = query.where('seq', '>', q.afterSeq);
  if (q.beforeSeq !== undefined) query = query.where('seq', '<', q.beforeSeq);
  if (q.senderId !== undefined) query = query.where('sender_id', '=', q.senderId);
  return (await query.orderBy('seq', q.order).limit(q.limit).execute()) as MessageRow[];
}

/**
 * Messages with `minSeq <= seq <= maxSeq` edited or deleted after `since`,
 * ascending (resuming clients get the current state of what they hold).
 */
export async function changedSince(
  db: Db,
  q: { roomId: string; minSeq: number; maxSeq: number; since: Date; limit: number },
): Promise<MessageRow[]> {
  return (await db
    .selectFrom('messages')
    .select(MESSAGE_COLUMNS)
    .where('room_id', '=', q.roomId)
    .where('seq', '>=', q.minSeq)
    .where('seq', '<=', q.maxSeq)
    .where((eb) => eb.or([eb('edited_at', '>', q.since), eb('deleted_at', '>', q.since)]))
    .orderBy('seq', 'asc')
    .limit(q.limit)
    .execute()) as MessageRow[];
}

export async function updateBody(
  db: Db,
  id: string,
  body: string,
  mentions: string[],
): Promise<MessageRow | undefined> {
  return (await db
    .updateTable('messages')
    .set({ body, mentions: sql`${mentions}::uuid[]`, edited_at: sql`now()` })
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .returning(MESSAGE_COLUMNS)
    .executeTakeFirst()) as MessageRow | undefined;
}

/** Turns a message into a tombstone: keeps its seq, drops body and mentions. */
export async function tombstone(db: Db, id: string): Promise<MessageRow | undefined> {
  return (await db
    .updateTable('messages')
    .set({ body: null, mentions: sql`'{}'::uuid[]`, deleted_at: sql`now()` })
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .returning(MESSAGE_COLUMNS)
    .executeTakeFirst()) as MessageRow | undefined;
}

/** Of `usernames`, the ids of users who are members of `roomId` (mentions only count members). */
export async function memberIdsByUsername(
  db: Db,
  roomId: string,
  usernames: readonly string[],
): Promise<string[]> {
  if (usernames.length === 0) return [];
  const rows = await db
    .selectFrom('users')
    .innerJoin('room_members as rm', 'rm.user_id', 'users.id')
    .select('users.id')
    .where('rm.room_id', '=', roomId)
    .where('users.username', 'in', usernames)
    .execute();
  return rows.map((r) => r.id);
}

export interface SearchQuery {
  userId: string;
  text: string;
  roomId?: string | undefined;
  limit: number;
  after?: { rank: string; id: string } | undefined;
}

/**
 * Full-text search (GIN on the generated tsvector) over the USER messages the
 * viewer can see: rooms they belong to, from their join point, not deleted.
 * Ranked best first; the rank is rounded to a numeric so the keyset cursor
 * (rank, id) compares exactly.
 */
export async function searchMessages(db: Db, q: SearchQuery): Promise<(MessageRow & { rank: string })[]> {
  const tsq = sql`websearch_to_tsquery('simple', ${q.text})`;
  const rank = sql<string>`round(ts_rank(messages.search, ${tsq})::numeric, 6)`;
  let query = db
    .selectFrom('messages')
    .innerJoin('room_members as rm', (j) =>
      j.onRef('rm.room_id', '=', 'messages.room_id').on('rm.user_id', '=', q.userId),
    )
    .select([...MESSAGE_COLUMNS, rank.as('rank')])
    .where(sql<boolean>`messages.search @@ ${tsq}`)
    .whereRef('messages.seq', '>=', 'rm.visible_from_seq')
    .where('messages.kind', '=', 'USER')
    .where('messages.deleted_at', 'is', null);
  if (q.roomId) query = query.where('messages.room_id', '=', q.roomId);
  if (q.after) {
    const { rank: r, id } = q.after;
    query = query.where(sql<boolean>`(${rank}, messages.id) < (${r}::numeric, ${id}::uuid)`);
  }
  return (await query
    .orderBy(sql`rank`, 'desc')
    .orderBy('messages.id', 'desc')
    .limit(q.limit)
    .execute()) as (MessageRow & { rank: string })[];
}
