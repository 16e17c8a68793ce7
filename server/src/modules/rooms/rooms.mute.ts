/**
 * Muting a room, per member: a muted room creates no MESSAGE notifications
 * (and so no message digest emails) for that member until the mute ends.
 * Unread counts are unaffected. Other devices of the viewer get RoomUpdated.
 */
import { sql } from 'kysely';
import type { Deps, Viewer } from '../../deps.ts';
import { badInput } from '../../graphql/errors.ts';
import { parseId } from '../../lib/ids.ts';
import { requireMember } from './rooms.access.ts';
import type { RoomModel } from './rooms.model.ts';
import { publishRoom } from './rooms.publish.ts';
import * as repo from './rooms.repository.ts';
import { getRoom } from './rooms.service.ts';

/** Mutes until `until` (a future instant), or until unmuted when it is null/undefined. */
export async function muteRoom(
  deps: Deps,
  viewer: Viewer,
  roomId: string,
  until: Date | null | undefined,
): Promise<RoomModel> {
  const id = parseId(roomId, 'Room');
  if (until && until.getTime() <= Date.now())
    throw badInput('`until` must be in the future', { field: 'until' });
  requireMember(await repo.findMembership(deps.db, id, viewer.userId));
  await setMutedUntil(
    deps,
    id,
    viewer.userId,
    until ? sql`${until}::timestamptz` : sql`'infinity'::timestamptz`,
  );
  return getRoom(deps, viewer, id);
}

/** Ends the viewer's mute; harmless when the room is not muted. */
export async function unmuteRoom(deps: Deps, viewer: Viewer, roomId: string): Promise<RoomModel> {
  const id = parseId(roomId, 'Room');
  requireMember(await repo.findMembership(deps.db, id, viewer.userId));
  await setMutedUntil(deps, id, viewer.userId, sql`NULL`);
  return getRoom(deps, viewer, id);
}

async function setMutedUntil(deps: Deps, roomId: string, userId: string, value: ReturnType<typeof sql>) {
  await deps.db
    .updateTable('room_members')
    .set({ muted_until: value as never })
    .where('room_id', '=', roomId)
    .where('user_id', '=', userId)
    .execute();
  await publishRoom(deps, roomId, { views: [userId] });
}
