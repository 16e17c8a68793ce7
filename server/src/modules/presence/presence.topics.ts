/**
 * Payloads of the live events this module and its neighbours (receipts,
 * reactions) publish, and the per-subscriber filter `roomEvents` applies.
 *
 * - TypingChanged, ReadReceipt, ReactionChanged go to `roomTopic(roomId)`.
 * - PresenceChanged goes to `userTopic(id)` of each member of the user's
 *   presence audience (contacts and room mates, no blocks either way).
 * - RoomTyping goes to `userTopic(id)` of each room member, already shaped for
 *   that member (see `roomTypingFor`), alongside each TypingChanged.
 */
import type { ReactionGroupModel } from '../reactions/reactions.model.ts';
import type { RoomEventPayload } from '../rooms/rooms.topics.ts';
import type { UserModel } from '../users/users.model.ts';

export interface TypingChangedEvent {
  __typename: 'TypingChanged';
  roomId: string;
  /** Everyone typing now, the viewer included (the subscription removes the viewer). */
  typingUsers: UserModel[];
  /** Whose start/stop caused this event: a subscriber who is the only one gets nothing. */
  changedUserIds: string[];
}

/** The room list's view of a TypingChanged, as one member (`viewerId`) may see it. */
export interface RoomTypingEvent {
  __typename: 'RoomTyping';
  roomId: string;
  /** Everyone typing now except the viewer. */
  typingUsers: UserModel[];
}

/**
 * The RoomTyping `viewerId` gets for `event`, or null when the change was only
 * the viewer's own (the typer is never told about their own typing): the same
 * rule `roomEventFilter` applies to TypingChanged.
 */
export function roomTypingFor(event: TypingChangedEvent, viewerId: string): RoomTypingEvent | null {
  if (event.changedUserIds.every((id) => id === viewerId)) return null;
  return {
    __typename: 'RoomTyping',
    roomId: event.roomId,
    typingUsers: event.typingUsers.filter((u) => u.id !== viewerId),
  };
}

export interface ReadReceiptEvent {
  __typename: 'ReadReceipt';
  roomId: string;
  user: UserModel;
  seq: number;
  readAt: Date;
}

/** `user` turned `shareReadReceipts` off: subscribers forget their read pointer. */
export interface ReadReceiptWithdrawnEvent {
  __typename: 'ReadReceiptWithdrawn';
  roomId: string;
  user: UserModel;
}

export interface ReactionChangedEvent {
  __typename: 'ReactionChanged';
  roomId: string;
  messageId: string;
  seq: number;
  /** Aggregated reactions of the message after the change, with every reactor's id (for `reactedByMe`). */
  reactions: ReactionGroupModel[];
  user: UserModel;
  emoji: string;
  added: boolean;
}

export interface PresenceChangedEvent {
  __typename: 'PresenceChanged';
  user: UserModel;
  online: boolean;
  lastSeenAt: Date | null;
}

/**
 * `user`'s presence as someone related to them sees it: a hidden status
 * (`showOnline` off), or `visible: false` (a block between them), is offline
 * with no lastSeenAt, which says nothing more than hiding does.
 */
export function presenceChanged(user: UserModel, online: boolean, visible = true): PresenceChangedEvent {
  return visible && user.showOnline
    ? { __typename: 'PresenceChanged', user, online, lastSeenAt: user.lastSeenAt }
    : { __typename: 'PresenceChanged', user, online: false, lastSeenAt: null };
}

/**
 * One subscriber's view of the room stream: drops TypingChanged events caused
 * only by the viewer (and removes the viewer from `typingUsers`), and drops a
 * ReadReceipt that does not move that user's pointer past the last one this
 * subscriber saw (events from several instances may arrive out of order; a
 * receipt never goes backwards on the wire) unless the user withdrew their
 * receipts since (sharing them again sends the pointer where it is).
 */
export function roomEventFilter(viewerId: string): (event: RoomEventPayload) => RoomEventPayload | null {
  const receiptHighWater = new Map<string, number>();
  return (event) => {
    if (event.__typename === 'TypingChanged') {
      const seen = roomTypingFor(event, viewerId);
      return seen && { ...event, typingUsers: seen.typingUsers };
    }
    if (event.__typename === 'ReadReceipt') {
      const seen = receiptHighWater.get(event.user.id) ?? -1;
      if (event.seq <= seen) return null;
      receiptHighWater.set(event.user.id, event.seq);
    }
    if (event.__typename === 'ReadReceiptWithdrawn') receiptHighWater.delete(event.user.id);
    return event;
  };
}
