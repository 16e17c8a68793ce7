/**
 * `updateRoom`: a group's title and picture in one mutation (owner or admin).
 * The title goes through `renameRoom` (system message, RoomRenamed event); the
 * picture is set under the room lock and members get a fresh RoomUpdated.
 */
import { inTransaction } from '../../db/tx.ts';
import type { Deps, Viewer } from '../../deps.ts';
import { parseId } from '../../lib/ids.ts';
import { roomAvatarIds, setRoomAvatar } from '../files/files.repository.ts';
import { claimAvatar, releaseFile } from '../files/files.service.ts';
import { requireManager, requireMember } from './rooms.access.ts';
import { renameRoom } from './rooms.members.service.ts';
import type { RoomModel } from './rooms.model.ts';
import { publishAfterCommit } from './rooms.publish.ts';
import * as repo from './rooms.repository.ts';
import { getRoom } from './rooms.service.ts';
import { normalizeTitle } from './rooms.validation.ts';

export interface UpdateRoomInput {
  title?: string | null | undefined;
  /** An image upload of the viewer; null removes the picture, undefined leaves it. */
  avatarId?: string | null | undefined;
}

export async function updateRoom(
  deps: Deps,
  viewer: Viewer,
  roomId: string,
  input: UpdateRoomInput,
): Promise<RoomModel> {
  const id = parseId(roomId, 'Room');
  if (input.title != null) normalizeTitle(input.title); // validate everything before changing anything
  const m = requireMember(await repo.findMembership(deps.db, id, viewer.userId));
  requireManager(m, 'be changed');
  if (input.avatarId !== undefined) {
    const fileId = await claimAvatar(deps, viewer, input.avatarId);
    const previous = await inTransaction(deps, async (tx) => {
      requireManager(requireMember(await repo.lockMembership(tx.trx, id, viewer.userId)), 'be changed');
      const [before] = await roomAvatarIds(tx.trx, [id]);
      if (before?.avatar_file_id === fileId) return null;
      await setRoomAvatar(tx.trx, id, fileId);
      publishAfterCommit(deps, tx, id, { views: 'members' });
      return before?.avatar_file_id ?? null;
    });
    await releaseFile(deps, previous);
  }
  if (input.title != null) return renameRoom(deps, viewer, id, input.title);
  return getRoom(deps, viewer, id);
}
