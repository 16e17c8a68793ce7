import { sql } from 'kysely';
import type { Db } from '../../db/index.ts';
import { USER_COLUMNS, type UserRow } from './users.model.ts';

export function findUsersByIds(db: Db, ids: readonly string[]): Promise<UserRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('users').select(USER_COLUMNS).where('id', 'in', ids).execute();
}

export function findUserById(db: Db, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').select(USER_COLUMNS).where('id', '=', id).executeTakeFirst();
}

/** For sign-in: the row with its password hash, by normalised email or username. */
export function findCredentialsByLogin(db: Db, login: string) {
  return db
    .selectFrom('users')
    .select([...USER_COLUMNS, 'users.password_hash'])
    .where((eb) => eb.or([eb('email', '=', login), eb('username', '=', login)]))
    .executeTakeFirst();
}

export function findPasswordHash(db: Db, userId: string) {
  return db.selectFrom('users').select('password_hash').where('id', '=', userId).executeTakeFirst();
}

export interface NewUser {
  id: string;
  email: string;
  username: string;
  display_name: string;
  password_hash: string;
  time_zone: string;
}

export function insertUser(db: Db, user: NewUser): Promise<UserRow> {
  return db.insertInto('users').values(user).returning(USER_COLUMNS).executeTakeFirstOrThrow();
}

export interface UserPatch {
  display_name?: string;
  time_zone?: string;
  bio?: string;
  show_online?: boolean;
  share_read_receipts?: boolean;
  avatar_file_id?: string | null;
}

export function updateUser(db: Db, id: string, patch: UserPatch): Promise<UserRow | undefined> {
  return db
    .updateTable('users')
    .set({ ...patch, updated_at: new Date() })
    .where('id', '=', id)
    .returning(USER_COLUMNS)
    .executeTakeFirst();
}

/** The other member of each of `userId`'s direct rooms. */
export function directPeers(db: Db, userId: string): Promise<{ room_id: string; peer_id: string }[]> {
  return db
    .selectFrom('room_members as me')
    .innerJoin('rooms as r', (j) => j.onRef('r.id', '=', 'me.room_id').on('r.kind', '=', 'DIRECT'))
    .innerJoin('room_members as peer', (j) =>
      j.onRef('peer.room_id', '=', 'me.room_id').onRef('peer.user_id', '<>', 'me.user_id'),
    )
    .select(['me.room_id', 'peer.user_id as peer_id'])
    .where('me.user_id', '=', userId)
    .execute();
}

/** `userId`'s read pointer in each of their rooms where they have read something. */
export async function readPointersOf(
  db: Db,
  userId: string,
): Promise<{ room_id: string; last_read_seq: number; last_read_at: Date }[]> {
  const rows = await db
    .selectFrom('room_members')
    .select(['room_id', 'last_read_seq', 'last_read_at'])
    .where('user_id', '=', userId)
    .where('last_read_seq', '>', 0)
    .where('last_read_at', 'is not', null)
    .execute();
  return rows.flatMap((r) => (r.last_read_at ? [{ ...r, last_read_at: r.last_read_at }] : []));
}

export function updatePasswordHash(db: Db, id: string, passwordHash: string) {
  return db
    .updateTable('users')
    .set({ password_hash: passwordHash, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

/** Sort key of a search hit: 0 exact username, 1 username prefix, 2 display name or email; then username. */
export interface UserSearchKey {
  rank: number;
  username: string;
}

export type UserSearchRow = UserRow & UserSearchKey;

/**
 * People whose username, email, or any word of whose display name starts with
 * `term` (already trimmed and lower-cased), excluding `viewerId` and anyone who
 * blocked them, ordered by `UserSearchKey` (unique: usernames are) after `after`.
 * Prefix LIKEs use the text_pattern_ops indexes of migration 0005; word starts
 * the trigram index on lower(display_name).
 */
export function searchUsers(
  db: Db,
  viewerId: string,
  term: string,
  limit: number,
  after: UserSearchKey | undefined,
): Promise<UserSearchRow[]> {
  const prefix = `${term.replace(/[\\%_]/g, '\\$&')}%`;
  const rank = sql<number>`(case when users.username = ${term} then 0 when users.username like ${prefix} then 1 else 2 end)`;
  let q = db
    .selectFrom('users')
    .select([...USER_COLUMNS, rank.as('rank')])
    .where((eb) =>
      eb.or([
        eb('users.username', 'like', prefix),
        eb('users.email', 'like', prefix),
        eb(sql`lower(users.display_name)`, 'like', prefix),
        eb(sql`lower(users.display_name)`, 'like', `% ${prefix}`),
      ]),
    )
    .where('users.id', '<>', viewerId)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('blocks')
            .select(sql`1`.as('one'))
            .whereRef('blocks.blocker_id', '=', 'users.id')
            .where('blocks.blocked_id', '=', viewerId),
        ),
      ),
    );
  if (after) q = q.where(sql<boolean>`(${rank}, users.username) > (${after.rank}::int, ${after.username})`);
  return q.orderBy(rank).orderBy('users.username').limit(limit).execute();
}
