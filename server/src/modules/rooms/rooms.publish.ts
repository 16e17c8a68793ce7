/**
 * Publishing room changes, after their transaction committed.
 *
 * Per room, publications on one instance run one after another, in commit
 * order, and RoomUpdated views are read when the publication runs (not inside
 * the transaction). So the last RoomUpdated a member receives for a room
 * reflects the latest committed state, even when two senders race: an earlier
 * transaction's view can never overtake a later one's. (Across instances two
 * near-simultaneous writers can still deliver out of order; `lastSeq` in the
 * payload lets a client keep the newer one, and `rooms` is the truth.)
 */
import type { Tx } from '../../db/tx.ts';
import type { Deps } from '../../deps.ts';
import type { EventBus } from '../../plugins/pubsub.ts';
import { userTopic } from '../users/users.topics.ts';
import {
  type RoomEventPayload,
  type RoomRemovedEvent,
  type RoomUpdatedEvent,
  roomTopic,
} from './rooms.topics.ts';
import * as views from './rooms.views.repository.ts';
import { embedUsers, roomViewToModel } from './rooms.views.ts';

type PublishDeps = Pick<Deps, 'db' | 'events' | 'log'>;

const chains = new WeakMap<EventBus, Map<string, Promise<void>>>();

/** Runs `fn` after every earlier `fn` queued for `roomId` on this event bus has finished. */
function inRoomOrder(deps: PublishDeps, roomId: string, fn: () => Promise<void>): Promise<void> {
  let byRoom = chains.get(deps.events);
  if (!byRoom) {
    byRoom = new Map();
    chains.set(deps.events, byRoom);
  }
  const run = (byRoom.get(roomId) ?? Promise.resolve()).then(fn).catch((err: unknown) => {
    deps.log.error({ err, roomId }, 'publishing room events failed');
  });
  byRoom.set(roomId, run);
  void run.then(() => {
    if (byRoom.get(roomId) === run) byRoom.delete(roomId);
  });
  return run;
}

/** Publishes RoomUpdated to each member (or only `userIds`) with the room as that member sees it now. */
export async function publishRoomViews(
  deps: PublishDeps,
  roomId: string,
  userIds?: readonly string[],
): Promise<void> {
  const rows = await views.memberRoomViews(deps.db, roomId, userIds);
  const rooms = await embedUsers(deps.db, rows.map(roomViewToModel));
  await Promise.all(
    rooms.map((room) => {
      const event: RoomUpdatedEvent = { __typename: 'RoomUpdated', room };
      return deps.events.publish(userTopic(room.viewerId), event);
    }),
  );
}

export interface RoomPublication {
  /** Events for `roomEvents` subscribers, in order. */
  events?: RoomEventPayload[];
  /** Who gets a fresh RoomUpdated: every current member, some, or nobody. */
  views?: 'members' | readonly string[];
  /** Users who left or were removed: they get RoomRemoved. */
  removed?: readonly string[];
}

/** Publishes `what` now, in order with the room's other publications (for changes made outside a transaction). */
export function publishRoom(deps: PublishDeps, roomId: string, what: RoomPublication): Promise<void> {
  return inRoomOrder(deps, roomId, async () => {
    for (const event of what.events ?? []) await deps.events.publish(roomTopic(roomId), event);
    await Promise.all(
      (what.removed ?? []).map((userId) => {
        const event: RoomRemovedEvent = { __typename: 'RoomRemoved', roomId };
        return deps.events.publish(userTopic(userId), event);
      }),
    );
    if (what.views) await publishRoomViews(deps, roomId, what.views === 'members' ? undefined : what.views);
  });
}

/** Schedules `what` for after `tx` commits (never if it rolls back). */
export function publishAfterCommit(deps: PublishDeps, tx: Tx, roomId: string, what: RoomPublication): void {
  tx.afterCommit(() => publishRoom(deps, roomId, what));
}
