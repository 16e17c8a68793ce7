import { sql } from 'kysely';
import type { Db } from '../../db/index.ts';
import { compiledOnce } from '../../db/prepared.ts';

export interface MovedPointerRow {
  last_read_seq: number;
  last_read_at: Date;
  share_read_receipts: boolean;
}

/**
 * Moves `userId`'s read pointer forward to `seq` and returns the new pointer,
 * or undefined when it did not move (already there or past it, or not a
 * member). The WHERE is re-checked under the row lock, so concurrent,
 * shuffled or repeated marks can only ever move it forward.
 */
export async function advanceReadPointer(
  db: Db,
  roomId: string,
  userId: string,
  seq: number,
): Promise<MovedPointerRow | undefined> {
  const { rows } = await sql<MovedPointerRow>`
    update room_members rm
       set last_read_seq = ${seq}, last_read_at = now()
      from users u
     where rm.room_id = ${roomId} and rm.user_id = ${userId} and rm.last_read_seq < ${seq} and u.id = rm.user_id
    returning rm.last_read_seq, rm.last_read_at, u.share_read_receipts`.execute(db);
  return rows[0];
}

export interface ReaderRow {
  room_id: string;
  user_id: string;
  last_read_seq: number;
  last_read_at: Date | null;
  visible_from_seq: number;
}

/**
 * Read pointers of the members of `roomIds` who share read receipts (plus the
 * viewer's own), most recent reader first: one statement per page of messages.
 */
export function readersOfRooms(
  db: Db,
  roomIds: readonly string[],
  viewerId: string | null,
): Promise<ReaderRow[]> {
  if (roomIds.length === 0) return Promise.resolve([]);
  // One text whatever the number of rooms (an array parameter), so it is prepared once.
  return viewerId === null
    ? readersOfShared(db, [...roomIds])
    : readersOfSharedOrMine(db, [...roomIds], viewerId);
}

const readers = (db: Db, roomIds: string[]) =>
  db
    .selectFrom('room_members as rm')
    .innerJoin('users as u', 'u.id', 'rm.user_id')
    .select(['rm.room_id', 'rm.user_id', 'rm.last_read_seq', 'rm.last_read_at', 'rm.visible_from_seq'])
    .where('rm.room_id', '=', sql<string>`any(${roomIds}::uuid[])`)
    .where('rm.last_read_seq', '>', 0)
    .orderBy('rm.room_id')
    .orderBy(sql`rm.last_read_at desc nulls last`)
    .orderBy('rm.user_id');
const readersOfShared = compiledOnce((db: Db, roomIds: string[]) =>
  readers(db, roomIds).where('u.share_read_receipts', '=', true),
);
const readersOfSharedOrMine = compiledOnce((db: Db, roomIds: string[], viewerId: string) =>
  readers(db, roomIds).where((eb) =>
    eb.or([eb('u.share_read_receipts', '=', true), eb('rm.user_id', '=', viewerId)]),
  ),
);
