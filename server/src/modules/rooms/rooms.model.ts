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
  /**
   * The group's picture file; null when none. Undefined when not read with
   * the room (then `avatarUrl` loads it).
   */
  avatarFileId?: string | null;
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
