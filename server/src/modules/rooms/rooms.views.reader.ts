/**
 * Room views for live RoomUpdated events, read where someone listens.
 *
 * A change to a room (a message, a rename, a read pointer) publishes only a
 * RoomViewChanged marker to each affected member's topic. The `myEvents`
 * subscriptions that receive it read the member's view here, and every
 * request for the same room made in the same turn of the event loop (all of
 * this instance's listening members) shares one statement. A room whose
 * members are not watching their room list costs no read at all, and a busy
 * room with every member listening costs one read per instance that has
 * listeners, as a read on the publishing side did.
 *
 * The view is read after the change committed, when the subscriber handles
 * the marker: a subscriber handles its markers one at a time, so each view it
 * yields is no older than the one before.
 */
import type { Database } from '../../db/index.ts';
import type { UserModel } from '../users/users.model.ts';
import type { RoomModel } from './rooms.model.ts';
import type { RoomViewChangedEvent } from './rooms.topics.ts';
import * as views from './rooms.views.repository.ts';
import { embedUsers, roomViewToModel } from './rooms.views.ts';

interface Waiter {
  resolve(room: RoomModel | undefined): void;
  reject(err: unknown): void;
}

interface RoomBatch {
  waiters: Map<string, Waiter[]>;
  known: Map<string, UserModel>;
}

const pending = new WeakMap<Database, Map<string, RoomBatch>>();

/**
 * `userId`'s current view of the room named by `marker`, or undefined when
 * the room is not (or no longer) in their list. Batched per room with every
 * other request of this turn of the event loop.
 */
export function readRoomView(
  db: Database,
  marker: RoomViewChangedEvent,
  userId: string,
): Promise<RoomModel | undefined> {
  let rooms = pending.get(db);
  if (!rooms) {
    const batch = new Map<string, RoomBatch>();
    rooms = batch;
    pending.set(db, batch);
    setImmediate(() => {
      pending.delete(db);
      for (const [roomId, room] of batch) void flush(db, roomId, room);
    });
  }
  let room = rooms.get(marker.roomId);
  if (!room) {
    room = { waiters: new Map(), known: new Map() };
    rooms.set(marker.roomId, room);
  }
  for (const user of marker.users ?? []) room.known.set(user.id, user);
  const batch = room;
  return new Promise((resolve, reject) => {
    const list = batch.waiters.get(userId);
    if (list) list.push({ resolve, reject });
    else batch.waiters.set(userId, [{ resolve, reject }]);
  });
}

async function flush(db: Database, roomId: string, batch: RoomBatch): Promise<void> {
  try {
    const rows = await views.memberRoomViews(db, roomId, [...batch.waiters.keys()]);
    const rooms = await embedUsers(db, rows.map(roomViewToModel), batch.known);
    const byViewer = new Map(rooms.map((r) => [r.viewerId, r]));
    for (const [userId, waiters] of batch.waiters) for (const w of waiters) w.resolve(byViewer.get(userId));
  } catch (err) {
    for (const waiters of batch.waiters.values()) for (const w of waiters) w.reject(err);
  }
}
