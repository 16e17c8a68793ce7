import { sql } from 'kysely';
import type { Db } from '../../db/index.ts';
import { prepared } from '../../db/prepared.ts';

/** Persists when the user was last seen (on each online/offline transition). */
export async function setLastSeen(db: Db, userId: string, at: Date): Promise<void> {
  await db.updateTable('users').set({ last_seen_at: at }).where('id', '=', userId).execute();
}

/**
 * Who may see `userId`'s presence: their contacts and everyone sharing a room
 * with them, minus anyone with a block between them (either direction).
 */
export async function presenceAudience(db: Db, userId: string): Promise<string[]> {
  const { rows } = await sql<{ id: string }>`
    select f.friend_id as id from friendships f where f.user_id = ${userId}
    union
    select b.user_id from room_members a
      join room_members b on b.room_id = a.room_id and b.user_id <> a.user_id
     where a.user_id = ${userId}
    except
    select case when k.blocker_id = ${userId} then k.blocked_id else k.blocker_id end
      from blocks k where k.blocker_id = ${userId} or k.blocked_id = ${userId}`.execute(db);
  return rows.map((r) => r.id);
}

export interface PresenceVisibilityRow {
  id: string;
  show_online: boolean;
  last_seen_at: Date | null;
  /** A contact of the viewer or sharing a room with them, and no block either way. */
  related: boolean;
}

/**
 * The room list's direct peers and every `User.online` go through this, so it
 * is a named prepared statement, planned once per connection instead of on
 * every call: planning took about 3 ms of PostgreSQL's time for 25 ids. "Shares
 * a room" is a lateral LIMIT 1 per user, so PostgreSQL stops at the first
 * shared room; as an EXISTS beside the OR it chose to hash the whole join of
 * the viewer's rooms with all their members (1.1 ms for 25 ids, against 0.35).
 */
const visibility = prepared<PresenceVisibilityRow>(`
    select u.id, u.show_online, u.last_seen_at,
      ((shared.one is not null
        or exists (select 1 from friendships f where f.user_id = $1 and f.friend_id = u.id))
       and not exists (select 1 from blocks k
                        where (k.blocker_id = $1 and k.blocked_id = u.id)
                           or (k.blocker_id = u.id and k.blocked_id = $1))) as related
    from users u
    left join lateral (
      select 1 as one from room_members b
        join room_members a on a.room_id = b.room_id and a.user_id = $1
       where b.user_id = u.id
       limit 1) shared on true
    where u.id = any($2::uuid[])`);

/** For each of `ids` (existing users), whether the viewer is in their presence audience (one statement). */
export async function presenceVisibility(
  db: Db,
  viewerId: string,
  ids: readonly string[],
): Promise<PresenceVisibilityRow[]> {
  if (ids.length === 0) return [];
  return visibility(db, [viewerId, [...ids]]);
}
