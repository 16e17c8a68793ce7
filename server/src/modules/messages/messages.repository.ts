import { sql, type Transaction } from 'kysely';
import type { DB, Db } from '../../db/index.ts';
import { compiledOnce, prepared } from '../../db/prepared.ts';
import type { MembershipRow } from '../rooms/rooms.repository.ts';
import type { UserRow } from '../users/users.model.ts';
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

/** MESSAGE_COLUMNS as SQL text (unqualified), for statements written out by hand. */
const MESSAGE_SQL_COLUMNS = MESSAGE_COLUMNS.map((c) => c.slice('messages.'.length)).join(', ');

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
      RETURNING ${sql.raw(MESSAGE_SQL_COLUMNS)}
    )${moveReadPointer}
    SELECT * FROM m`.execute(trx);
  const row = rows[0];
  if (!row) throw new Error(`room ${msg.room_id} does not exist`);
  return row;
}

/** A `MembershipRow` from `room_members rm JOIN rooms r`, for statements written out by hand. */
const MEMBERSHIP_SQL_COLUMNS = `r.id, r.kind, r.title, r.direct_key, r.created_by, r.last_seq,
  rm.user_id, rm.role, rm.visible_from_seq, rm.last_read_seq`;

const SEND_CONTEXT = prepared<MembershipRow & { [K in keyof MessageRow as `e_${K}`]: MessageRow[K] | null }>(`
  SELECT ${MEMBERSHIP_SQL_COLUMNS},
         e.id AS e_id, e.room_id AS e_room_id, e.seq AS e_seq, e.kind AS e_kind, e.sender_id AS e_sender_id,
         e.client_id AS e_client_id, e.body AS e_body, e.reply_to_id AS e_reply_to_id, e.mentions AS e_mentions,
         e.system_data AS e_system_data, e.created_at AS e_created_at, e.edited_at AS e_edited_at,
         e.deleted_at AS e_deleted_at
  FROM room_members rm
  JOIN rooms r ON r.id = rm.room_id
  LEFT JOIN messages e ON e.sender_id = $2::uuid AND e.client_id = $3::text
  WHERE rm.room_id = $1::uuid AND rm.user_id = $2::uuid`);

/**
 * What `sendMessage` checks first, in one statement: the sender's membership
 * of the room (undefined when not a member) and the message they already sent
 * with this clientId, in any room (null when none).
 */
export async function findSendContext(
  db: Db,
  roomId: string,
  senderId: string,
  clientId: string,
): Promise<{ membership: MembershipRow; existing: MessageRow | null } | undefined> {
  const [row] = await SEND_CONTEXT(db, [roomId, senderId, clientId]);
  if (!row) return undefined;
  return { membership: membershipOf(row), existing: prefixedMessage(row, 'e_') };
}

/** A user as `json_build_object` returns it (timestamps as ISO strings). */
type UserJson = Omit<UserRow, 'last_seen_at' | 'created_at'> & {
  last_seen_at: string | null;
  created_at: string;
};

/** A `users u` row as JSON with USER_COLUMNS (what userRowToModel reads). */
const USER_JSON = `json_build_object(
  'id', u.id, 'email', u.email, 'username', u.username, 'display_name', u.display_name,
  'bio', u.bio, 'time_zone', u.time_zone, 'show_online', u.show_online,
  'share_read_receipts', u.share_read_receipts, 'last_seen_at', u.last_seen_at,
  'created_at', u.created_at, 'avatar_file_id', u.avatar_file_id)`;

const userFromJson = (u: UserJson): UserRow => ({
  ...u,
  last_seen_at: u.last_seen_at === null ? null : new Date(u.last_seen_at),
  created_at: new Date(u.created_at),
});

/**
 * The write both prepared sends share, as CTEs: `r` takes the room's next seq
 * (only when `guard`, extra conditions on the rooms UPDATE, holds), `m`
 * inserts the USER message with it, `read` moves the sender's ($3) read
 * pointer to it. $1 message id, $2 room, $3 sender, $4 clientId, $5 body;
 * `replyTo` and `mentions` are SQL for those two values.
 */
function appendUserMessageSteps(o: { guard: string; replyTo: string; mentions: string }): string {
  return `r AS (
    UPDATE rooms
    SET last_seq = last_seq + 1,
        last_activity_at = greatest(last_activity_at, date_trunc('milliseconds', clock_timestamp()))
    WHERE id = $2::uuid ${o.guard}
    RETURNING last_seq, last_activity_at
  ), m AS (
    INSERT INTO messages (id, room_id, kind, sender_id, client_id, body, reply_to_id, mentions, system_data, seq, created_at)
    SELECT $1::uuid, $2::uuid, 'USER', $3::uuid, $4::text, $5::text, ${o.replyTo}, ${o.mentions}, NULL, r.last_seq, r.last_activity_at
    FROM r
    RETURNING ${MESSAGE_SQL_COLUMNS}
  ), read AS (
    UPDATE room_members SET last_read_seq = m.seq, last_read_at = now()
    FROM m
    WHERE room_members.room_id = m.room_id AND room_members.user_id = $3::uuid
      AND room_members.last_read_seq < m.seq
  )`;
}

const APPEND_USER_MESSAGE = prepared<MessageRow & { users: UserJson[] }>(`
  WITH ${appendUserMessageSteps({ guard: '', replyTo: '$6::uuid', mentions: '$7::uuid[]' })}
  SELECT m.*,
         (SELECT coalesce(json_agg(${USER_JSON}), '[]'::json) FROM users u WHERE u.id = ANY($8::uuid[])) AS users
  FROM m`);

/**
 * `sendMessage`'s write as one statement (so it needs no transaction when
 * nothing else is written): what `appendMessage` does with `readBy` the
 * sender, plus the rows of `loadUsers` (sender, mentioned users, peer) that
 * the event payload embeds. Hot path: the SQL is compiled once.
 */
export async function appendUserMessage(
  db: Db,
  msg: Pick<NewMessage, 'id' | 'room_id' | 'client_id' | 'body' | 'reply_to_id' | 'mentions'> & {
    sender_id: string;
  },
  loadUsers: readonly string[],
): Promise<{ row: MessageRow; users: UserRow[] }> {
  const [found] = await APPEND_USER_MESSAGE(db, [
    msg.id,
    msg.room_id,
    msg.sender_id,
    msg.client_id,
    msg.body,
    msg.reply_to_id,
    msg.mentions,
    [...new Set(loadUsers)],
  ]);
  if (!found) throw new Error(`room ${msg.room_id} does not exist`);
  const { users, ...row } = found;
  return { row, users: users.map(userFromJson) };
}

/** A `messages` row as JSON (to_json), as the send statement returns it: timestamps are ISO strings. */
type MessageJson = Omit<MessageRow, 'created_at' | 'edited_at' | 'deleted_at'> & {
  created_at: string;
  edited_at: string | null;
  deleted_at: string | null;
};

const messageFromJson = (m: MessageJson): MessageRow => ({
  ...m,
  created_at: new Date(m.created_at),
  edited_at: m.edited_at === null ? null : new Date(m.edited_at),
  deleted_at: m.deleted_at === null ? null : new Date(m.deleted_at),
});

// Five columns, not forty: node-postgres builds a parser per column of every result (the row
// description comes with each execution), which cost more than parsing three small JSON values.
const SEND_TO_GROUP = prepared<{
  mem: MembershipRow;
  e: MessageJson | null;
  m: MessageJson | null;
  users: UserJson[];
  member_ids: string | null;
}>(`
  WITH mem AS (
    SELECT ${MEMBERSHIP_SQL_COLUMNS}
    FROM room_members rm JOIN rooms r ON r.id = rm.room_id
    WHERE rm.room_id = $2::uuid AND rm.user_id = $3::uuid
  ), e AS (
    SELECT ${MESSAGE_SQL_COLUMNS}
    FROM messages WHERE sender_id = $3::uuid AND client_id = $4::text
  ), ${appendUserMessageSteps({
    guard: `AND EXISTS (SELECT 1 FROM mem WHERE mem.kind = 'GROUP')
      AND NOT EXISTS (SELECT 1 FROM e)`,
    replyTo: 'NULL',
    mentions: "'{}'::uuid[]",
  })}
  SELECT to_json(mem) AS mem,
         (SELECT to_json(e) FROM e) AS e,
         (SELECT to_json(m) FROM m) AS m,
         (SELECT coalesce(json_agg(${USER_JSON}), '[]'::json) FROM users u WHERE m.id IS NOT NULL AND u.id = $3::uuid)
           AS users,
         (SELECT string_agg(o.user_id::text, ',') FROM room_members o WHERE m.id IS NOT NULL AND o.room_id = $2::uuid)
           AS member_ids
  FROM mem LEFT JOIN m ON true`);

/** The membership columns `findSendContext` returns (as `findMembership` reads them). */
function membershipOf(row: MembershipRow): MembershipRow {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    direct_key: row.direct_key,
    created_by: row.created_by,
    last_seq: row.last_seq,
    user_id: row.user_id,
    role: row.role,
    visible_from_seq: row.visible_from_seq,
    last_read_seq: row.last_read_seq,
  };
}

/** Picks the columns with `prefix` off a row; null when its id is null (no such message). */
function prefixedMessage(row: object, prefix: 'e_' | 'm_'): MessageRow | null {
  const get = (k: keyof MessageRow) => (row as Record<string, unknown>)[`${prefix}${k}`];
  if (get('id') === null) return null;
  return {
    id: get('id') as string,
    room_id: get('room_id') as string,
    seq: get('seq') as number,
    kind: get('kind') as string,
    sender_id: get('sender_id') as string | null,
    client_id: get('client_id') as string | null,
    body: get('body') as string | null,
    reply_to_id: get('reply_to_id') as string | null,
    mentions: (get('mentions') as string[] | null) ?? [],
    system_data: get('system_data'),
    created_at: get('created_at') as Date,
    edited_at: get('edited_at') as Date | null,
    deleted_at: get('deleted_at') as Date | null,
  };
}

/**
 * The common send as one round trip: a plain message (no reply, mentions or
 * attachments) to a group room. One statement checks the membership, looks
 * for an earlier message with this clientId and, only if the sender is a
 * member of a GROUP room and there is none, appends the message (as
 * `appendUserMessage` does) and returns the sender's row. Undefined when
 * not a member; `sent` null when nothing was written (a retry: `existing`;
 * or a direct room: the caller takes the general path, which checks blocks
 * and notifies the peer).
 */
export async function sendPlainToGroup(db: Db, msg: PlainSend): Promise<PlainSendResult> {
  const [row] = await SEND_TO_GROUP(db, [msg.id, msg.room_id, msg.sender_id, msg.client_id, msg.body]);
  if (!row) return undefined;
  return {
    membership: row.mem,
    existing: row.e && messageFromJson(row.e),
    sent: row.m && messageFromJson(row.m),
    users: row.users.map(userFromJson),
    // A comma-joined text, not uuid[]: splitting it is far cheaper than parsing an array literal.
    memberIds: row.member_ids ? row.member_ids.split(',') : [],
  };
}

/** What the plain group send returns for one message (see `sendPlainToGroup`). */
export type PlainSendResult =
  | {
      membership: MembershipRow;
      existing: MessageRow | null;
      sent: MessageRow | null;
      users: UserRow[];
      /** The room's members when the message was written (empty when it was not). */
      memberIds: string[];
    }
  | undefined;

/** A plain message to a group room, as `sendPlainToGroup` takes it. */
export interface PlainSend {
  id: string;
  room_id: string;
  sender_id: string;
  client_id: string;
  body: string;
}

/**
 * `SEND_TO_GROUP` for many messages in one statement (one round trip, one
 * commit), each with its own guards: membership of a GROUP room and no earlier
 * message with its clientId. The rooms it writes are locked first, in id
 * order, so two batches sharing rooms cannot deadlock (a single send locks one
 * room only). Messages to the same room take consecutive seqs in input order.
 * (sender, clientId) pairs must be distinct within a batch: the UNIQUE
 * constraint would fail the whole statement (so would a concurrent retry with
 * the same clientId; the caller then sends each message on its own).
 */
const SEND_TO_GROUP_BATCH = prepared<{
  mem: MembershipRow | null;
  e: MessageJson | null;
  m: MessageJson | null;
  sender: UserJson | null;
  member_ids: string | null;
}>(`
  WITH i AS (
    -- unnest() with ordinality, estimated at a few rows rather than 100 (migration 0013).
    SELECT * FROM send_batch_input($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::text[])
  ), mem AS (
    SELECT i.ord, r.kind, (SELECT to_json(x) FROM (SELECT ${MEMBERSHIP_SQL_COLUMNS}) x) AS j
    FROM i
    JOIN room_members rm ON rm.room_id = i.room_id AND rm.user_id = i.sender_id
    JOIN rooms r ON r.id = i.room_id
  ), e AS (
    SELECT i.ord, to_json(x) AS j
    FROM i CROSS JOIN LATERAL (
      SELECT ${MESSAGE_SQL_COLUMNS} FROM messages WHERE sender_id = i.sender_id AND client_id = i.client_id
    ) x
  ), ok AS (
    SELECT i.* FROM i JOIN mem ON mem.ord = i.ord
    WHERE mem.kind = 'GROUP' AND NOT EXISTS (SELECT 1 FROM e WHERE e.ord = i.ord)
  ), locked AS (
    SELECT rooms.id, c.n
    FROM rooms JOIN (SELECT room_id, count(*) AS n FROM ok GROUP BY room_id) c ON c.room_id = rooms.id
    ORDER BY rooms.id
    FOR UPDATE OF rooms
  ), r AS (
    UPDATE rooms
    SET last_seq = rooms.last_seq + locked.n,
        last_activity_at = greatest(rooms.last_activity_at, date_trunc('milliseconds', clock_timestamp()))
    FROM locked
    WHERE rooms.id = locked.id
    RETURNING rooms.id, rooms.last_seq - locked.n AS base, rooms.last_activity_at
  ), m AS (
    INSERT INTO messages (id, room_id, kind, sender_id, client_id, body, reply_to_id, mentions, system_data, seq, created_at)
    SELECT ok.id, ok.room_id, 'USER', ok.sender_id, ok.client_id, ok.body, NULL, '{}'::uuid[], NULL,
           r.base + row_number() OVER (PARTITION BY ok.room_id ORDER BY ok.ord), r.last_activity_at
    FROM ok JOIN r ON r.id = ok.room_id
    RETURNING ${MESSAGE_SQL_COLUMNS}
  ), read AS (
    UPDATE room_members SET last_read_seq = x.seq, last_read_at = now()
    FROM (SELECT room_id, sender_id, max(seq) AS seq FROM m GROUP BY room_id, sender_id) x
    WHERE room_members.room_id = x.room_id AND room_members.user_id = x.sender_id
      AND room_members.last_read_seq < x.seq
  ), members AS (
    SELECT o.room_id, string_agg(o.user_id::text, ',') AS ids
    FROM room_members o WHERE o.room_id IN (SELECT room_id FROM ok)
    GROUP BY o.room_id
  )
  SELECT mem.j AS mem, e.j AS e,
         CASE WHEN m.id IS NULL THEN NULL ELSE to_json(m) END AS m,
         (SELECT ${USER_JSON} FROM users u WHERE m.id IS NOT NULL AND u.id = i.sender_id) AS sender,
         CASE WHEN m.id IS NULL THEN NULL ELSE members.ids END AS member_ids
  FROM i
  LEFT JOIN mem ON mem.ord = i.ord
  LEFT JOIN e ON e.ord = i.ord
  LEFT JOIN m ON m.id = i.id
  LEFT JOIN members ON members.room_id = i.room_id
  ORDER BY i.ord`);

/** `sendPlainToGroup` for several messages in one statement; one result per message, in order. */
export async function sendPlainToGroupBatch(db: Db, msgs: readonly PlainSend[]): Promise<PlainSendResult[]> {
  const rows = await SEND_TO_GROUP_BATCH(db, [
    msgs.map((m) => m.id),
    msgs.map((m) => m.room_id),
    msgs.map((m) => m.sender_id),
    msgs.map((m) => m.client_id),
    msgs.map((m) => m.body),
  ]);
  if (rows.length !== msgs.length)
    throw new Error(`send batch: ${rows.length} rows for ${msgs.length} messages`);
  return rows.map((row) =>
    row.mem
      ? {
          membership: row.mem,
          existing: row.e && messageFromJson(row.e),
          sent: row.m && messageFromJson(row.m),
          users: row.sender ? [userFromJson(row.sender)] : [],
          memberIds: row.member_ids ? row.member_ids.split(',') : [],
        }
      : undefined,
  );
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

/**
 * A keyset slice of a room's history (the UNIQUE (room_id, seq) index serves
 * it; no OFFSET), with whether each message has attachments and reactions
 * (one index scan each for the page), so a page needs no statement for those
 * it has none of.
 */
export function listHistory(db: Db, q: HistoryQuery): Promise<MessageRow[]> {
  const args: unknown[] = [q.roomId, q.minSeq, q.limit];
  let shape = q.order;
  if (q.afterSeq !== undefined) {
    shape += '>';
    args.push(q.afterSeq);
  }
  if (q.beforeSeq !== undefined) {
    shape += '<';
    args.push(q.beforeSeq);
  }
  if (q.senderId !== undefined) {
    shape += 's';
    args.push(q.senderId);
  }
  let query = historyQueries.get(shape);
  if (!query) {
    const flags = {
      order: q.order,
      after: q.afterSeq !== undefined,
      before: q.beforeSeq !== undefined,
      sender: q.senderId !== undefined,
    };
    query = compiledOnce((db: Db, ...a: unknown[]) => historyQuery(db, flags, a));
    historyQueries.set(shape, query);
  }
  return query(db, ...args) as Promise<MessageRow[]>;
}

/**
 * History pages are what a client reads most after sending: one statement per
 * shape (which of after/before/sender it filters on, and the order), compiled
 * once and prepared per connection (db/prepared.ts) instead of built,
 * compiled, parsed and planned on every page.
 */
const historyQueries = new Map<string, (db: Db, ...args: unknown[]) => Promise<unknown[]>>();

/**
 * A history statement of one shape, with `a` (roomId, minSeq, limit, then
 * each filter it has, in order) as the values. Whether the page's messages
 * have attachments and reactions is read once for the whole page: one index
 * scan each over the page's ids (`= any(array(...))`), not an EXISTS per
 * message. PostgreSQL ran those as a subplan per row, 2–3 µs each, or, once
 * `message_reactions` had a few thousand rows, hashed the whole table on
 * every page (BENCHMARKS.md, entry 61).
 */
function historyQuery(
  db: Db,
  shape: { order: 'asc' | 'desc'; after: boolean; before: boolean; sender: boolean },
  a: unknown[],
) {
  const [roomId, minSeq, limit, ...filters] = a;
  return db
    .with('p', (db) => {
      let page = db
        .selectFrom('messages')
        .select(MESSAGE_COLUMNS)
        .where('room_id', '=', roomId as string)
        .where('seq', '>=', minSeq as number);
      if (shape.after) page = page.where('seq', '>', filters.shift() as number);
      if (shape.before) page = page.where('seq', '<', filters.shift() as number);
      if (shape.sender) page = page.where('sender_id', '=', filters.shift() as string);
      return page.orderBy('seq', shape.order).limit(limit as number);
    })
    .selectFrom('p')
    .selectAll('p')
    .select([
      sql<boolean>`p.id = any(array(select ma.message_id from message_attachments ma
        where ma.message_id = any(array(select id from p))))`.as('has_attachments'),
      sql<boolean>`p.id = any(array(select mr.message_id from message_reactions mr
        where mr.message_id = any(array(select id from p))))`.as('has_reactions'),
    ])
    .orderBy('p.seq', shape.order);
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
