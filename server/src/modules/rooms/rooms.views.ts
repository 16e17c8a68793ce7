import type { Database } from '../../db/index.ts';
import { messageRowToModel } from '../messages/messages.model.ts';
import { type UserModel, userRowToModel } from '../users/users.model.ts';
import { findUsersByIds } from '../users/users.repository.ts';
import type { RoomKind, RoomModel, RoomRole } from './rooms.model.ts';
import type { RoomViewRow } from './rooms.views.repository.ts';

/** A view row (room + member + last message + unread count) as the domain model. */
export function roomViewToModel(row: RoomViewRow): RoomModel {
  return {
    id: row.id,
    kind: row.kind as RoomKind,
    groupTitle: row.title,
    createdBy: row.created_by,
    lastSeq: Number(row.last_seq),
    lastActivityAt: row.last_activity_at,
    createdAt: row.created_at,
    avatarFileId: row.avatar_file_id,
    memberCount: Number(row.member_count),
    viewerId: row.viewer_id,
    myRole: row.role as RoomRole,
    joinedAt: row.joined_at,
    lastReadSeq: Number(row.last_read_seq),
    visibleFromSeq: Number(row.visible_from_seq),
    unreadCount: Number(row.unread_count),
    muted: row.muted,
    mutedUntil: row.muted_until,
    peerId: row.peer_id,
    lastMessage: row.lm_id === null ? null : lastMessageOf(row, row.lm_id),
  };
}

/** A view's last message; with no attachments, says so (no read for them later). */
function lastMessageOf(row: RoomViewRow, id: string) {
  const message = messageRowToModel({
    id,
    room_id: row.id,
    seq: Number(row.lm_seq),
    kind: row.lm_kind ?? 'USER',
    sender_id: row.lm_sender_id,
    client_id: row.lm_client_id,
    body: row.lm_body,
    reply_to_id: row.lm_reply_to_id,
    mentions: row.lm_mentions ?? [],
    system_data: row.lm_system_data,
    created_at: row.lm_created_at ?? row.last_activity_at,
    edited_at: row.lm_edited_at,
    deleted_at: row.lm_deleted_at,
  });
  if (row.lm_has_attachments === false) message.attachments = [];
  return message;
}

/**
 * Embeds the users a room-list entry renders (the peer of a direct room, the
 * last message's sender and mentions) with one statement for all `rooms`, so
 * an event payload needs no reads per subscriber. Users in `known` (read by
 * the caller moments ago) are not read again; when all are known, no statement runs.
 */
export async function embedUsers(
  db: Database,
  rooms: RoomModel[],
  known?: ReadonlyMap<string, UserModel>,
): Promise<RoomModel[]> {
  const ids = new Set<string>();
  for (const r of rooms) {
    if (r.peerId) ids.add(r.peerId);
    if (r.lastMessage?.senderId) ids.add(r.lastMessage.senderId);
    for (const id of r.lastMessage?.mentionIds ?? []) ids.add(id);
  }
  const users = new Map<string, UserModel>();
  const missing: string[] = [];
  for (const id of ids) {
    const user = known?.get(id);
    if (user) users.set(id, user);
    else missing.push(id);
  }
  for (const u of await findUsersByIds(db, missing)) users.set(u.id, userRowToModel(u));
  return rooms.map((r) => ({
    ...r,
    peer: r.peerId ? (users.get(r.peerId) ?? null) : null,
    lastMessage: r.lastMessage
      ? {
          ...r.lastMessage,
          sender: r.lastMessage.senderId ? (users.get(r.lastMessage.senderId) ?? null) : null,
          mentionUsers: r.lastMessage.mentionIds.flatMap((id) => users.get(id) ?? []),
        }
      : null,
  }));
}
