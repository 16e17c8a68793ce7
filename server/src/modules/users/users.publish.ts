/**
 * What others see of a profile change, live. People who may see the user's
 * presence (contacts and room mates, no block either way: the same audience
 * as PresenceChanged, presence.repository.ts) get:
 *
 * - UserUpdated on `myEvents` when the name, picture, bio or time zone
 *   changed: the user as they are now, which a client writes over every place
 *   showing them (message authors, contacts, member lists); the user's own
 *   other devices and tabs get it too (their own name, and every time shown
 *   in their zone);
 * - for the user's direct rooms, a RoomViewChanged marker (so a RoomUpdated)
 *   when the name or picture changed: those are the room's title and picture;
 * - when they turn `shareReadReceipts` back on, their current read pointer in
 *   each of their rooms as a ReadReceipt on the room's stream, so open
 *   conversations show "Seen" again as `readBy` does; when they turn it off,
 *   a ReadReceiptWithdrawn in each of their rooms, so "Seen" goes as it goes
 *   from `readBy`.
 *
 * None of it is replayed on resume: clients refetch what they show after a
 * reconnect.
 */
import type { Deps } from '../../deps.ts';
import { presenceAudience } from '../presence/presence.repository.ts';
import type { ReadReceiptEvent, ReadReceiptWithdrawnEvent } from '../presence/presence.topics.ts';
import { publishRoom } from '../rooms/rooms.publish.ts';
import type { UserModel } from './users.model.ts';
import { directPeers, readPointersOf } from './users.repository.ts';
import { type UserUpdatedEvent, userTopic } from './users.topics.ts';

type PublishDeps = Pick<Deps, 'db' | 'events' | 'log' | 'roomLists'>;

/** What changed in a profile update, as others see it. */
export interface ProfileChange {
  /** The display name or the avatar: also the title and picture of the user's direct rooms. */
  nameOrPicture: boolean;
  /** Bio or time zone. */
  details: boolean;
  /** `shareReadReceipts` went from off to on. */
  receiptsShared: boolean;
  /** `shareReadReceipts` went from on to off. */
  receiptsWithdrawn: boolean;
}

export async function publishProfileChange(
  deps: PublishDeps,
  user: UserModel,
  change: ProfileChange,
): Promise<void> {
  if (!change.nameOrPicture && !change.details && !change.receiptsShared && !change.receiptsWithdrawn) return;
  const audience = await presenceAudience(deps.db, user.id);
  if (change.nameOrPicture || change.details) {
    const event: UserUpdatedEvent = { __typename: 'UserUpdated', user };
    await deps.events.publishEach([user.id, ...audience].map(userTopic), event);
  }
  // Each room in its own publication order (publishRoom logs a failure and resolves).
  if (change.nameOrPicture) {
    const related = new Set(audience);
    const known = new Map([[user.id, user]]);
    const peers = (await directPeers(deps.db, user.id)).filter((d) => related.has(d.peer_id));
    await Promise.all(peers.map((d) => publishRoom(deps, d.room_id, { views: [d.peer_id], users: known })));
  }
  if (change.receiptsShared || change.receiptsWithdrawn) {
    const pointers = await readPointersOf(deps.db, user.id);
    await Promise.all(
      pointers.map((p) => {
        const event: ReadReceiptEvent | ReadReceiptWithdrawnEvent = change.receiptsShared
          ? {
              __typename: 'ReadReceipt',
              roomId: p.room_id,
              user,
              seq: Number(p.last_read_seq),
              readAt: p.last_read_at,
            }
          : { __typename: 'ReadReceiptWithdrawn', roomId: p.room_id, user };
        return publishRoom(deps, p.room_id, { events: [event] });
      }),
    );
  }
}
