import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/index.ts';
import { USER_COLUMNS, type UserRow } from './users.model.ts';

type Db = Kysely<DB> | Transaction<DB>;

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
}

export function updateUser(db: Db, id: string, patch: UserPatch): Promise<UserRow | undefined> {
  return db
    .updateTable('users')
    .set({ ...patch, updated_at: new Date() })
    .where('id', '=', id)
    .returning(USER_COLUMNS)
    .executeTakeFirst();
}

export function updatePasswordHash(db: Db, id: string, passwordHash: string) {
  return db
    .updateTable('users')
    .set({ password_hash: passwordHash, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}
