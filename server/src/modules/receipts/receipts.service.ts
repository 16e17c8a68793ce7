/**
 * Read receipts, derived from each member's read pointer (DESIGN decision 4):
 * "read by" for a message = members other than its sender whose pointer is at
 * or past its `seq` — O(members), never rows per message.
 *
 * - `moveReadPointer` (used by markRoomRead) moves a pointer forward and says
 *   which ReadReceipt to publish: none when it did not move, none for a user
 *   who turned `shareReadReceipts` off (their unread counts still work).
 * - `readersLoader` serves `Message.readBy` / `readCount` for a page of
 *   messages with one statement per batch of rooms.
 */
import DataLoader from 'dataloader';
import type { Db } from '../../db/index.ts';
import type { Viewer } from '../../deps.ts';
import type { LoaderOptions } from '../../graphql/loaders.ts';
import type { MessageModel } from '../messages/messages.model.ts';
import type { ReadReceiptEvent } from '../presence/presence.topics.ts';
import { userRowToModel } from '../users/users.model.ts';
import { findUsersByIds } from '../users/users.repository.ts';
import * as repo from './receipts.repository.ts';

/**
 * Moves `userId`'s pointer in `roomId` forward to `seq`. Returns null when it
 * did not move, otherwise the events to publish (empty for private readers).
 */
export async function moveReadPointer(
  db: Db,
  roomId: string,
  userId: string,
  seq: number,
): Promise<ReadReceiptEvent[] | null> {
  const moved = await repo.advanceReadPointer(db, roomId, userId, seq);
  if (!moved) return null;
  if (!moved.share_read_receipts) return [];
  const [user] = await findUsersByIds(db, [userId]);
  if (!user) return [];
  return [
    {
      __typename: 'ReadReceipt',
      roomId,
      user: userRowToModel(user),
      seq: Number(moved.last_read_seq),
      readAt: moved.last_read_at,
    },
  ];
}

export type ReaderModel = {
  userId: string;
  lastReadSeq: number;
  readAt: Date | null;
  visibleFromSeq: number;
};

/** Readers (pointer > 0, sharing receipts or the viewer) of each room, most recent first. */
export function readersLoader(
  db: Db,
  viewer: Viewer | null,
  opts: LoaderOptions,
): DataLoader<string, ReaderModel[]> {
  return new DataLoader<string, ReaderModel[]>(
    async (roomIds) => {
      const byRoom = new Map<string, ReaderModel[]>(roomIds.map((id) => [id, []]));
      for (const r of await repo.readersOfRooms(db, roomIds, viewer?.userId ?? null)) {
        byRoom.get(r.room_id)?.push({
          userId: r.user_id,
          lastReadSeq: Number(r.last_read_seq),
          readAt: r.last_read_at,
          visibleFromSeq: Number(r.visible_from_seq),
        });
      }
      return roomIds.map((id) => byRoom.get(id) ?? []);
    },
    { cache: opts.cache },
  );
}

/** Of a room's readers, those who have read `message` (its sender excluded; members who joined after it excluded). */
export function readersOf(message: MessageModel, readers: readonly ReaderModel[]): ReaderModel[] {
  return readers.filter(
    (r) => r.userId !== message.senderId && r.lastReadSeq >= message.seq && r.visibleFromSeq <= message.seq,
  );
}
