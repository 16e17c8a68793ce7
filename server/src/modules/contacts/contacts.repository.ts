import { sql, type Transaction } from 'kysely';
import type { DB, Db } from '../../db/index.ts';
import { prepared } from '../../db/prepared.ts';
import { USER_COLUMNS, type UserRow } from '../users/users.model.ts';
import type { FriendRequestRow } from './contacts.model.ts';

const blocksText = prepared<{ id: string }>(
  'select blocked_id as id from blocks where blocker_id = $1 union select blocker_id from blocks where blocked_id = $1',
);

/** Everyone with a block between them and `userId`, in either direction (for the block cache). */
export async function blocksOf(db: Db, userId: string): Promise<string[]> {
  return (await blocksText(db, [userId])).map((r) => r.id);
}

/**
 * Of `otherIds`, those with a block between them and `userId` in either
 * direction. Rooms use it to refuse DMs and group adds; contacts to refuse requests.
 */
export async function blockedAmong(
  db: Db,
  userId: string,
  otherIds: readonly string[],
): Promise<Set<string>> {
  if (otherIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('blocks')
    .select(['blocker_id', 'blocked_id'])
    .where((eb) =>
      eb.or([
        eb.and([eb('blocker_id', '=', userId), eb('blocked_id', 'in', otherIds)]),
        eb.and([eb('blocked_id', '=', userId), eb('blocker_id', 'in', otherIds)]),
      ]),
    )
    .execute();
  return new Set(rows.map((r) => (r.blocker_id === userId ? r.blocked_id : r.blocker_id)));
}

/**
 * Serialises every relationship change of one pair of users (requests,
 * friendship, blocks) until the transaction ends, so checks and writes of two
 * concurrent operations on the same pair never interleave (e.g. a request
 * racing a block, or A→B racing B→A).
 */
export async function lockPair(trx: Transaction<DB>, a: string, b: string): Promise<void> {
  const key = a < b ? `contacts:${a}:${b}` : `contacts:${b}:${a}`;
  await sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`.execute(trx);
}

export interface RelationshipRow {
  id: string;
  is_contact: boolean;
  request_sent: boolean;
  request_received: boolean;
  blocked_by_me: boolean;
  blocked_me: boolean;
}

/** The viewer's relationship with each of `otherIds` (existing users only), in one statement. */
export function findRelationships(
  db: Db,
  viewerId: string,
  otherIds: readonly string[],
): Promise<RelationshipRow[]> {
  if (otherIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('users as u')
    .where('u.id', 'in', otherIds)
    .select((eb) => [
      'u.id',
      eb
        .exists(
          eb
            .selectFrom('friendships as f')
            .select(sql`1`.as('one'))
            .where('f.user_id', '=', viewerId)
            .whereRef('f.friend_id', '=', 'u.id'),
        )
        .$castTo<boolean>()
        .as('is_contact'),
      eb
        .exists(
          eb
            .selectFrom('friend_requests as r')
            .select(sql`1`.as('one'))
            .where('r.from_user_id', '=', viewerId)
            .whereRef('r.to_user_id', '=', 'u.id'),
        )
        .$castTo<boolean>()
        .as('request_sent'),
      eb
        .exists(
          eb
            .selectFrom('friend_requests as r')
            .select(sql`1`.as('one'))
            .where('r.to_user_id', '=', viewerId)
            .whereRef('r.from_user_id', '=', 'u.id'),
        )
        .$castTo<boolean>()
        .as('request_received'),
      eb
        .exists(
          eb
            .selectFrom('blocks as b')
            .select(sql`1`.as('one'))
            .where('b.blocker_id', '=', viewerId)
            .whereRef('b.blocked_id', '=', 'u.id'),
        )
        .$castTo<boolean>()
        .as('blocked_by_me'),
      eb
        .exists(
          eb
            .selectFrom('blocks as b')
            .select(sql`1`.as('one'))
            .where('b.blocked_id', '=', viewerId)
            .whereRef('b.blocker_id', '=', 'u.id'),
        )
        .$castTo<boolean>()
        .as('blocked_me'),
    ])
    .execute();
}

// --- friend requests -------------------------------------------------------

export function findRequestById(db: Db, id: string): Promise<FriendRequestRow | undefined> {
  return db.selectFrom('friend_requests').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The pending request between two users, whichever direction. */
export function findRequestBetween(db: Db, a: string, b: string): Promise<FriendRequestRow | undefined> {
  return db
    .selectFrom('friend_requests')
    .selectAll()
    .where((eb) =>
      eb.or([
        eb.and([eb('from_user_id', '=', a), eb('to_user_id', '=', b)]),
        eb.and([eb('from_user_id', '=', b), eb('to_user_id', '=', a)]),
      ]),
    )
    .executeTakeFirst();
}

/**
 * Inserts a request unless one already exists for the pair (either direction,
 * unique index `friend_requests_pair_key`); returns undefined in that case.
 */
export function insertRequest(db: Db, row: { id: string; from_user_id: string; to_user_id: string }) {
  return db
    .insertInto('friend_requests')
    .values(row)
    .onConflict((oc) => oc.doNothing())
    .returningAll()
    .executeTakeFirst();
}

export async function deleteRequest(db: Db, id: string): Promise<boolean> {
  const r = await db.deleteFrom('friend_requests').where('id', '=', id).executeTakeFirst();
  return r.numDeletedRows > 0n;
}

/** Deletes any pending request between two users; true if there was one. */
export async function deleteRequestsBetween(db: Db, a: string, b: string): Promise<boolean> {
  const r = await db
    .deleteFrom('friend_requests')
    .where((eb) =>
      eb.or([
        eb.and([eb('from_user_id', '=', a), eb('to_user_id', '=', b)]),
        eb.and([eb('from_user_id', '=', b), eb('to_user_id', '=', a)]),
      ]),
    )
    .executeTakeFirst();
  return r.numDeletedRows > 0n;
}

/** A page of requests to (INCOMING) or from (OUTGOING) `userId`, newest first (uuidv7 ids are time-ordered). */
export function listRequests(
  db: Db,
  userId: string,
  direction: 'INCOMING' | 'OUTGOING',
  limit: number,
  beforeId: string | undefined,
): Promise<FriendRequestRow[]> {
  let q = db
    .selectFrom('friend_requests')
    .selectAll()
    .where(direction === 'INCOMING' ? 'to_user_id' : 'from_user_id', '=', userId);
  if (beforeId) q = q.where('id', '<', beforeId);
  return q.orderBy('id', 'desc').limit(limit).execute();
}

// --- friendships -----------------------------------------------------------

export async function areFriends(db: Db, a: string, b: string): Promise<boolean> {
  const row = await db
    .selectFrom('friendships')
    .select('user_id')
    .where('user_id', '=', a)
    .where('friend_id', '=', b)
    .executeTakeFirst();
  return row !== undefined;
}

/** Makes two users friends (both rows); harmless if they already are. */
export async function insertFriendship(db: Db, a: string, b: string): Promise<void> {
  await db
    .insertInto('friendships')
    .values([
      { user_id: a, friend_id: b },
      { user_id: b, friend_id: a },
    ])
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/** Ends a friendship (both rows); true if there was one. */
export async function deleteFriendship(db: Db, a: string, b: string): Promise<boolean> {
  const r = await db
    .deleteFrom('friendships')
    .where((eb) =>
      eb.or([
        eb.and([eb('user_id', '=', a), eb('friend_id', '=', b)]),
        eb.and([eb('user_id', '=', b), eb('friend_id', '=', a)]),
      ]),
    )
    .executeTakeFirst();
  return r.numDeletedRows > 0n;
}

export type ContactRow = UserRow & { sort_name: string };

/**
 * A page of `userId`'s contacts ordered by lower-cased display name, then id;
 * with `term` (trimmed and lower-cased), only those whose username or any word
 * of whose display name starts with it, as people search matches them.
 */
export function listContacts(
  db: Db,
  userId: string,
  limit: number,
  after: { name: string; id: string } | undefined,
  term?: string,
): Promise<ContactRow[]> {
  const sortName = sql<string>`lower(users.display_name)`;
  let q = db
    .selectFrom('friendships')
    .innerJoin('users', 'users.id', 'friendships.friend_id')
    .select([...USER_COLUMNS, sortName.as('sort_name')])
    .where('friendships.user_id', '=', userId);
  if (term) {
    const prefix = `${term.replace(/[\\%_]/g, '\\$&')}%`;
    q = q.where((eb) =>
      eb.or([
        eb('users.username', 'like', prefix),
        eb(sortName, 'like', prefix),
        eb(sortName, 'like', `% ${prefix}`),
      ]),
    );
  }
  if (after) q = q.where(sql<boolean>`(${sortName}, users.id) > (${after.name}, ${after.id}::uuid)`);
  return q.orderBy(sortName).orderBy('users.id').limit(limit).execute();
}

// --- blocks ----------------------------------------------------------------

/** True if the block is new. */
export async function insertBlock(db: Db, blockerId: string, blockedId: string): Promise<boolean> {
  const rows = await db
    .insertInto('blocks')
    .values({ blocker_id: blockerId, blocked_id: blockedId })
    .onConflict((oc) => oc.doNothing())
    .returning('blocker_id')
    .execute();
  return rows.length > 0;
}

/** True if there was a block to lift. */
export async function deleteBlock(db: Db, blockerId: string, blockedId: string): Promise<boolean> {
  const r = await db
    .deleteFrom('blocks')
    .where('blocker_id', '=', blockerId)
    .where('blocked_id', '=', blockedId)
    .executeTakeFirst();
  return r.numDeletedRows > 0n;
}

/** Everyone `userId` blocked, most recent first. */
export function listBlocked(db: Db, userId: string): Promise<UserRow[]> {
  return db
    .selectFrom('blocks')
    .innerJoin('users', 'users.id', 'blocks.blocked_id')
    .select(USER_COLUMNS)
    .where('blocks.blocker_id', '=', userId)
    .orderBy('blocks.created_at', 'desc')
    .orderBy('users.id')
    .execute();
}
