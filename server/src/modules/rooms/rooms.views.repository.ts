/**
 * Room views: a room as one member sees it (role, read pointer, unread count,
 * newest visible message), for the room list, `room(id)` and live RoomUpdated
 * events alike. One statement for any number of rooms or members.
 */
import { type ExpressionBuilder, sql } from 'kysely';
import type { DB, Db } from '../../db/index.ts';
import { compiledOnce } from '../../db/prepared.ts';

// ---------------------------------------------------------------------------

export interface RoomViewRow {
  id: string;
  kind: string;
  title: string | null;
  /**
   * Direct rooms: the other member's id (from the room's direct key), null for
   * groups. Read as its own column, so it is a string of its own: a substring
   * of the key would be a V8 sliced string, and every Map or Set lookup by it
   * (the user cache, presence, room mates; several per room of a room list
   * page) would compare it through V8's slow path (BENCHMARKS.md, entry 84).
   */
  peer_id: string | null;
  created_by: string | null;
  last_seq: number;
  last_activity_at: Date;
  created_at: Date;
  /** The group's picture (direct rooms show the peer's). */
  avatar_file_id: string | null;
  viewer_id: string;
  role: string;
  joined_at: Date;
  last_read_seq: number;
  visible_from_seq: number;
  /** Null when not muted (or a mute that ran out); `infinity` is returned as null with `muted` true. */
  muted_until: Date | null;
  muted: boolean;
  member_count: number;
  unread_count: number;
  lm_id: string | null;
  lm_seq: number | null;
  lm_kind: string | null;
  lm_sender_id: string | null;
  lm_client_id: string | null;
  lm_body: string | null;
  lm_reply_to_id: string | null;
  lm_mentions: string[] | null;
  lm_system_data: unknown;
  lm_created_at: Date | null;
  lm_edited_at: Date | null;
  lm_deleted_at: Date | null;
  /** Whether the last message has attachments (they are inserted with it and only removed when it is deleted). */
  lm_has_attachments: boolean | null;
}

/**
 * A direct room someone else opened stays out of my list until its first
 * message (opening a DM must not notify or clutter the other person).
 */
const listable = (eb: ExpressionBuilder<DB & { r: DB['rooms']; rm: DB['room_members'] }, 'r' | 'rm'>) =>
  eb.not(
    eb.and([
      eb('r.kind', '=', 'DIRECT'),
      eb('r.last_seq', '=', 0),
      eb('r.created_by', 'is distinct from', eb.ref('rm.user_id')),
    ]),
  );

/** The seq after which a member's messages are unread (their pointer, or just before they joined). */
const unreadFrom = sql<number>`greatest(rm.last_read_seq, rm.visible_from_seq - 1)`;

/**
 * One statement for any number of rooms: each room joined with the member's
 * row, the newest message the member can see (lateral, index-backed LIMIT 1)
 * and the member's unread count (messages after the read pointer, by others,
 * not deleted, USER only).
 */
function roomViewQuery(db: Db) {
  return db
    .selectFrom('room_members as rm')
    .innerJoin('rooms as r', 'r.id', 'rm.room_id')
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('messages as m')
          .select([
            'm.id',
            'm.seq',
            'm.kind',
            'm.sender_id',
            'm.client_id',
            'm.body',
            'm.reply_to_id',
            'm.mentions',
            'm.system_data',
            'm.created_at',
            'm.edited_at',
            'm.deleted_at',
            (eb) =>
              eb
                .exists(
                  eb
                    .selectFrom('message_attachments as ma')
                    .select(sql`1`.as('one'))
                    .whereRef('ma.message_id', '=', 'm.id'),
                )
                .as('has_attachments'),
          ])
          .whereRef('m.room_id', '=', 'r.id')
          .whereRef('m.seq', '>=', 'rm.visible_from_seq')
          .orderBy('m.seq', 'desc')
          .limit(1)
          .as('lm'),
      (join) => join.onTrue(),
    )
    .select((eb) => [
      'r.id',
      'r.kind',
      'r.title',
      sql<string | null>`case when r.kind = 'DIRECT' then
        case when split_part(r.direct_key, ':', 1) = rm.user_id::text
          then split_part(r.direct_key, ':', 2) else split_part(r.direct_key, ':', 1) end
      end`.as('peer_id'),
      'r.created_by',
      'r.last_seq',
      'r.last_activity_at',
      'r.created_at',
      'r.avatar_file_id',
      'rm.user_id as viewer_id',
      'rm.role',
      'rm.joined_at',
      'rm.last_read_seq',
      'rm.visible_from_seq',
      sql<boolean>`coalesce(rm.muted_until > now(), false)`.as('muted'),
      sql<Date | null>`case when rm.muted_until > now() and isfinite(rm.muted_until) then rm.muted_until end`.as(
        'muted_until',
      ),
      eb
        .selectFrom('room_members as mc')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('mc.room_id', '=', 'r.id')
        .as('member_count'),
      // Unread: USER messages after the pointer, not deleted, not the member's own. Seqs are gap-free,
      // so that is every message after it (last_seq - pointer) minus SYSTEM messages and tombstones
      // (partial index messages_room_uncounted_idx) minus the member's own live messages
      // (messages_room_sender_seq_idx): two short index probes per room instead of a scan of
      // every unread message.
      sql<number>`r.last_seq - ${unreadFrom}
        - (SELECT count(*) FROM messages u
           WHERE u.room_id = r.id AND u.seq > ${unreadFrom}
             AND (u.kind <> 'USER' OR u.deleted_at IS NOT NULL))
        - (SELECT count(*) FROM messages o
           WHERE o.room_id = r.id AND o.sender_id = rm.user_id AND o.seq > ${unreadFrom}
             AND o.kind = 'USER' AND o.deleted_at IS NULL)`.as('unread_count'),
      'lm.id as lm_id',
      'lm.seq as lm_seq',
      'lm.kind as lm_kind',
      'lm.sender_id as lm_sender_id',
      'lm.client_id as lm_client_id',
      'lm.body as lm_body',
      'lm.reply_to_id as lm_reply_to_id',
      'lm.mentions as lm_mentions',
      'lm.system_data as lm_system_data',
      'lm.created_at as lm_created_at',
      'lm.edited_at as lm_edited_at',
      'lm.deleted_at as lm_deleted_at',
      'lm.has_attachments as lm_has_attachments',
    ]);
}

export interface RoomPageCursor {
  lastActivityAt: Date;
  id: string;
}

// The hottest reads (room list, RoomUpdated after every message) compile their SQL once.
const pageQuery = (db: Db, userId: string, limit: number) =>
  roomViewQuery(db)
    .where('rm.user_id', '=', userId)
    .where((eb) => listable(eb))
    .orderBy('r.last_activity_at', 'desc')
    .orderBy('r.id', 'desc')
    .limit(limit);
const firstPage = compiledOnce(pageQuery);
const nextPage = compiledOnce((db: Db, userId: string, limit: number, afterAt: Date, afterId: string) =>
  pageQuery(db, userId, limit).where((eb) =>
    eb(eb.refTuple('r.last_activity_at', 'r.id'), '<', eb.tuple(afterAt, afterId)),
  ),
);
const oneRoom = compiledOnce((db: Db, roomId: string, userId: string) =>
  roomViewQuery(db).where('rm.room_id', '=', roomId).where('rm.user_id', '=', userId),
);
const allMembers = compiledOnce((db: Db, roomId: string) =>
  roomViewQuery(db)
    .where('rm.room_id', '=', roomId)
    .where((eb) => listable(eb)),
);

/** A page of `userId`'s rooms, most recent activity first (keyset on (last_activity_at, id)). */
export async function listRoomViews(
  db: Db,
  userId: string,
  limit: number,
  after: RoomPageCursor | null,
): Promise<RoomViewRow[]> {
  const rows = after
    ? await nextPage(db, userId, limit, after.lastActivityAt, after.id)
    : await firstPage(db, userId, limit);
  return rows as RoomViewRow[];
}

/** One room as `userId` sees it (undefined when not a member). */
export async function findRoomView(db: Db, roomId: string, userId: string): Promise<RoomViewRow | undefined> {
  const [row] = await oneRoom(db, roomId, userId);
  return row as RoomViewRow | undefined;
}

/**
 * The room as each of its members sees it (or only `userIds`), in one
 * statement: what RoomUpdated events carry. Direct rooms still hidden from a
 * member are left out for that member.
 */
export async function memberRoomViews(
  db: Db,
  roomId: string,
  userIds?: readonly string[],
): Promise<RoomViewRow[]> {
  if (!userIds) return (await allMembers(db, roomId)) as RoomViewRow[];
  if (userIds.length === 0) return [];
  const q = roomViewQuery(db)
    .where('rm.room_id', '=', roomId)
    .where((eb) => listable(eb))
    .where('rm.user_id', 'in', userIds);
  return (await q.execute()) as RoomViewRow[];
}

/**
 * `userId`'s rooms whose view may have changed after `since`: a new message
 * (or rename, member change: each writes a system message), the read pointer
 * moved (another device), or the user joined. Oldest change first, at most `limit`.
 */
export async function changedRoomViews(
  db: Db,
  userId: string,
  since: Date,
  limit: number,
): Promise<RoomViewRow[]> {
  const rows = await roomViewQuery(db)
    .where('rm.user_id', '=', userId)
    .where((eb) => listable(eb))
    .where((eb) =>
      eb.or([
        eb('r.last_activity_at', '>', since),
        eb('rm.last_read_at', '>', since),
        eb('rm.joined_at', '>', since),
      ]),
    )
    .orderBy('r.last_activity_at', 'asc')
    .limit(limit)
    .execute();
  return rows as RoomViewRow[];
}

/** Rooms `userId` left (or was removed from) after `since`, oldest first. */
export function departuresSince(db: Db, userId: string, since: Date, limit: number) {
  return db
    .selectFrom('room_departures')
    .select(['room_id', 'left_at'])
    .where('user_id', '=', userId)
    .where('left_at', '>', since)
    .orderBy('left_at', 'asc')
    .limit(limit)
    .execute();
}

/** When anything in `userId`'s contacts last changed (requests, friendships, blocks); null if never. */
export async function contactsChangedAt(db: Db, userId: string): Promise<Date | null> {
  const row = await db
    .selectFrom('user_stream_marks')
    .select('contacts_changed_at')
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row?.contacts_changed_at ?? null;
}
