import type { MessageModel } from '../messages/messages.model.ts';
import type { UserModel } from '../users/users.model.ts';

export type RoomKind = 'DIRECT' | 'GROUP';
export type RoomRole = 'OWNER' | 'ADMIN' | 'MEMBER';

/** Most members a group room may have, owner included. */
export const MAX_GROUP_MEMBERS = 256;

/**
 * A room as one member (`viewerId`) sees it: the viewer-specific fields
 * (role, read pointer, unread count, last visible message) are computed by the
 * same single statement for the room list, `room(id)` and live RoomUpdated
 * events, so they always agree. Event payloads also embed `peer` so that
 * subscription resolvers read nothing per subscriber.
 */
export interface RoomModel {
  id: string;
  kind: RoomKind;
  /** The group's title; null for direct rooms (their title is the peer's name). */
  groupTitle: string | null;
  createdBy: string | null;
  lastSeq: number;
  lastActivityAt: Date;
  createdAt: Date;
  /** The group's picture file; null when none (and for direct rooms). */
  avatarFileId: string | null;
  memberCount: number;
  /** Whose view this is. */
  viewerId: string;
  myRole: RoomRole;
  joinedAt: Date;
  lastReadSeq: number;
  visibleFromSeq: number;
  unreadCount: number;
  /** The viewer muted the room (no message notifications). */
  muted: boolean;
  /** When the viewer's mute ends; null when not muted or muted until unmuted. */
  mutedUntil: Date | null;
  lastMessage: MessageModel | null;
  /** Direct rooms: the other person's id (from the pair key), null for groups. */
  peerId: string | null;
  /** Embedded in event payloads; otherwise loaded by `peerId`. */
  peer?: UserModel | null;
}

/**
 * A room as the API hands it out (Room in GraphQL): the model plus what the
 * viewer sees as its title, picture and other person, resolved before the
 * room leaves the server's hands rather than by a resolver per field. A page
 * of 100 rooms then runs 300 fewer resolver calls (BENCHMARKS.md, entry 58).
 * The type is the Room mapper, so every resolver that returns a room must
 * present it (`presentRooms`, rooms.present.ts).
 */
export interface RoomView extends RoomModel {
  /** The group's title, or for a direct room the other person's name. */
  title: string;
  /** Signed URL of the group's picture, or of the other person's avatar; null without one. */
  avatarUrl: string | null;
  /** Direct rooms: the other person (null once they deleted their account); null for groups. */
  peer: UserModel | null;
}

/** A membership (RoomMember in GraphQL). */
export interface RoomMemberModel {
  roomId: string;
  userId: string;
  role: RoomRole;
  joinedAt: Date;
  /** Embedded in event payloads; otherwise loaded by `userId`. */
  user?: UserModel | null;
}

/** Key of the one direct room of a pair: order-independent. */
export function directKey(a: string, b: string): string {
  return a < b ? `${a}:${b}` : `${b}:${a}`;
}

/** The other member of a direct room, from its key. */
export function peerFromDirectKey(key: string | null, viewerId: string): string | null {
  if (!key) return null;
  const [a, b] = key.split(':');
  return (a === viewerId ? b : a) ?? null;
}

/** Owner first, then admins, then members (each by join time). */
export const ROLE_RANK: Record<RoomRole, number> = { OWNER: 0, ADMIN: 1, MEMBER: 2 };
