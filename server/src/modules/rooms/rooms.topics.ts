import type { MessageModel } from '../messages/messages.model.ts';
import type {
  ReactionChangedEvent,
  ReadReceiptEvent,
  ReadReceiptWithdrawnEvent,
  TypingChangedEvent,
} from '../presence/presence.topics.ts';
import type { UserModel } from '../users/users.model.ts';
import type { RoomMemberModel, RoomRole, RoomView } from './rooms.model.ts';

/**
 * Topic of one room's live events (`roomEvents`). Payloads are plain data that
 * carry everything subscribers render (users embedded), with `__typename`
 * naming the RoomEvent union member.
 */
export const roomTopic = (roomId: string) => `room:${roomId}`;

export interface MessageCreatedEvent {
  __typename: 'MessageCreated';
  roomId: string;
  seq: number;
  message: MessageModel;
}

export interface MessageEditedEvent {
  __typename: 'MessageEdited';
  roomId: string;
  seq: number;
  message: MessageModel;
}

export interface MessageDeletedEvent {
  __typename: 'MessageDeleted';
  roomId: string;
  seq: number;
  message: MessageModel;
}

export interface MemberJoinedEvent {
  __typename: 'MemberJoined';
  roomId: string;
  seq: number;
  member: RoomMemberModel;
  addedBy: UserModel | null;
}

export interface MemberLeftEvent {
  __typename: 'MemberLeft';
  roomId: string;
  seq: number;
  user: UserModel;
  removedBy: UserModel | null;
}

/** A member's role changed (`changedBy` null: ownership passed on when the owner left). */
export interface MemberRoleChangedEvent {
  __typename: 'MemberRoleChanged';
  roomId: string;
  seq: number;
  user: UserModel;
  role: RoomRole;
  changedBy: UserModel | null;
}

export interface RoomRenamedEvent {
  __typename: 'RoomRenamed';
  roomId: string;
  seq: number;
  title: string;
  by: UserModel;
}

/** Sent (only to the resuming subscriber) when its resume point is further behind than the replay limit. */
export interface ResyncRequiredEvent {
  __typename: 'ResyncRequired';
  roomId: string;
  afterSeq: number;
  lastSeq: number;
  reason: string;
}

export type RoomEventPayload =
  | ResyncRequiredEvent
  | MessageCreatedEvent
  | MessageEditedEvent
  | MessageDeletedEvent
  | MemberJoinedEvent
  | MemberLeftEvent
  | MemberRoleChangedEvent
  | RoomRenamedEvent
  | ReadReceiptEvent
  | ReadReceiptWithdrawnEvent
  | TypingChangedEvent
  | ReactionChangedEvent;

/**
 * Published on `userTopic(userId)`: that user's view of the room changed.
 * `myEvents` turns it into a RoomUpdated with the view read at that moment
 * (rooms.views.reader.ts); it never reaches a client as such.
 */
export interface RoomViewChangedEvent {
  __typename: 'RoomViewChanged';
  roomId: string;
  /** Users the publisher just read (e.g. the sender of a new message): readers need not read them again. */
  users?: UserModel[];
}

/** What `myEvents` yields for a RoomViewChanged (and replays): the room as that user sees it now. */
export interface RoomUpdatedEvent {
  __typename: 'RoomUpdated';
  room: RoomView;
}

/** Published on `userTopic(userId)` when the user left or was removed. */
export interface RoomRemovedEvent {
  __typename: 'RoomRemoved';
  roomId: string;
}
