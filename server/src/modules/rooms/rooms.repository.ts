import { sql, type Transaction } from 'kysely';
import type { DB, Db } from '../../db/index.ts';
import { compiledOnce } from '../../db/prepared.ts';
import type { RoomRole } from './rooms.model.ts';

/** A room with one member's row: what every authorization check reads (one statement). */
export interface MembershipRow {
  id: string;
  kind: string;
  title: string | null;
  direct_key: string | null;
  created_by: string | null;
  last_seq: number;
  user_id: string;
  role: string;
  visible_from_seq: number;
  last_read_seq: number;
}

function membershipQuery(db: Db, roomId: string, userId: string) {
  return db
    .selectFrom('room_members as rm')
    .innerJoin('rooms as r', 'r.id', 'rm.room_id')
    .select([
      'r.id',
      'r.kind',
      'r.title',
      'r.direct_key',
      'r.created_by',
      'r.last_seq',
      'rm.user_id',
      'rm.role',
      'rm.visible_from_seq',
      'rm.last_read_seq',
    ])
    .where('rm.room_id', '=', roomId)
    .where('rm.user_id', '=', userId);
}

/** `userId`'s membership of `roomId` with the room, or undefined when not a member (or no such room). */
const membership = compiledOnce(membershipQuery);
export async function findMembership(
  db: Db,
  roomId: string,
  userId: string,
): Promise<MembershipRow | undefined> {
  return (await membership(db, roomId, userId))[0];
}

/** Like findMembership, but locks the room row until the transaction ends (membership changes). */
export function lockMembership(
  trx: Transaction<DB>,
  roomId: string,
  userId: string,
): Promise<MembershipRow | undefined> {
  return membershipQuery(trx, roomId, userId).forUpdate('r').executeTakeFirst();
}

export interface NewRoom {
  id: string;
  kind: 'DIRECT' | 'GROUP';
  title: string | null;
  direct_key: string | null;
  created_by: string;
}

/** Inserts a room; for a direct room whose pair already has one, inserts nothing and returns undefined. */
export async function insertRoom(db: Db, room: NewRoom): Promise<{ id: string } | undefined> {
  return db
    .insertInto('rooms')
    .values(room)
    .onConflict((oc) => oc.column('direct_key').doNothing())
    .returning('id')
    .executeTakeFirst();
}

export function findDirectRoomId(db: Db, key: string): Promise<{ id: string } | undefined> {
  return db.selectFrom('rooms').select('id').where('direct_key', '=', key).executeTakeFirst();
}

export interface NewMember {
  room_id: string;
  user_id: string;
  role: RoomRole;
  visible_from_seq?: number;
  last_read_seq?: number;
}

/** Inserts memberships; existing members are left as they are. Returns the user ids actually added. */
export async function insertMembers(db: Db, members: NewMember[]): Promise<string[]> {
  if (members.length === 0) return [];
  const rows = await db
    .insertInto('room_members')
    .values(members)
    .onConflict((oc) => oc.columns(['room_id', 'user_id']).doNothing())
    .returning('user_id')
    .execute();
  return rows.map((r) => r.user_id);
}

export async function deleteMember(db: Db, roomId: string, userId: string): Promise<boolean> {
  const r = await db
    .deleteFrom('room_members')
    .where('room_id', '=', roomId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return r.numDeletedRows > 0n;
}

export async function setRole(db: Db, roomId: string, userId: string, role: RoomRole): Promise<boolean> {
  const r = await db
    .updateTable('room_members')
    .set({ role })
    .where('room_id', '=', roomId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return r.numUpdatedRows > 0n;
}

/** The member who inherits ownership: longest-standing admin, else longest-standing member. */
export function findSuccessor(db: Db, roomId: string): Promise<{ user_id: string } | undefined> {
  return db
    .selectFrom('room_members')
    .select('user_id')
    .where('room_id', '=', roomId)
    .where('role', '<>', 'OWNER')
    .orderBy(sql`case role when 'ADMIN' then 0 else 1 end`)
    .orderBy('joined_at')
    .orderBy('user_id')
    .limit(1)
    .executeTakeFirst();
}

export function setTitle(db: Db, roomId: string, title: string) {
  return db.updateTable('rooms').set({ title }).where('id', '=', roomId).execute();
}

export interface MemberRow {
  room_id: string;
  user_id: string;
  role: string;
  joined_at: Date;
}

/** Members of every room in `roomIds` in one statement, owner first, then admins, then by join time. */
export function listMembers(db: Db, roomIds: readonly string[]): Promise<MemberRow[]> {
  if (roomIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('room_members')
    .select(['room_id', 'user_id', 'role', 'joined_at'])
    .where('room_id', 'in', roomIds)
    .orderBy('room_id')
    .orderBy(sql`case role when 'OWNER' then 0 when 'ADMIN' then 1 else 2 end`)
    .orderBy('joined_at')
    .orderBy('user_id')
    .execute();
}

export function listMemberIds(db: Db, roomId: string): Promise<string[]> {
  return db
    .selectFrom('room_members')
    .select('user_id')
    .where('room_id', '=', roomId)
    .execute()
    .then((rows) => rows.map((r) => r.user_id));
}

/** `userId`'s memberships among `roomIds` (one statement; the membership loader). */
export function findMembershipsOf(db: Db, userId: string, roomIds: readonly string[]) {
  if (roomIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('room_members')
    .select(['room_id', 'role', 'visible_from_seq'])
    .where('user_id', '=', userId)
    .where('room_id', 'in', roomIds)
    .execute();
}

/** Members (sharing receipts) whose read pointer moved after `since`. */
export function readPointersMovedSince(db: Db, roomId: string, since: Date) {
  return db
    .selectFrom('room_members as rm')
    .innerJoin('users as u', 'u.id', 'rm.user_id')
    .select(['rm.user_id', 'rm.last_read_seq', 'rm.last_read_at'])
    .where('rm.room_id', '=', roomId)
    .where('rm.last_read_at', '>', since)
    .where('u.share_read_receipts', '=', true)
    .execute();
}
