/**
 * Group membership, roles and titles. Each change takes the room row lock (so
 * two admins adding people at once cannot exceed the cap), records a SYSTEM
 * message that takes the next `seq` (history and resume include it; unread
 * counts ignore it), and publishes after commit.
 *
 * Role changes are recorded like joins and renames: who may remove members and
 * delete others' messages is part of the group's story, and a seq'd event is
 * replayed on resume (`roomEvents(afterSeq)`) instead of being lost.
 */
import type { Transaction } from 'kysely';
import type { DB } from '../../db/index.ts';
import type { Tx } from '../../db/tx.ts';
import { inTransaction } from '../../db/tx.ts';
import type { Deps, Viewer } from '../../deps.ts';
import { badInput, forbidden, notFound } from '../../graphql/errors.ts';
import { parseId, uuidv7 } from '../../lib/ids.ts';
import type { SystemData } from '../messages/messages.model.ts';
import * as messagesRepo from '../messages/messages.repository.ts';
import { retireNotifications } from '../notifications/notifications.service.ts';
import { type UserModel, userRowToModel } from '../users/users.model.ts';
import { findUsersByIds } from '../users/users.repository.ts';
import { requireGroup, requireManager, requireMember } from './rooms.access.ts';
import { MAX_GROUP_MEMBERS, type RoomModel, type RoomRole } from './rooms.model.ts';
import { publishAfterCommit } from './rooms.publish.ts';
import * as repo from './rooms.repository.ts';
import { checkNewMembers, getRoom } from './rooms.service.ts';
import type {
  MemberJoinedEvent,
  MemberLeftEvent,
  MemberRoleChangedEvent,
  RoomEventPayload,
  RoomRenamedEvent,
} from './rooms.topics.ts';
import { normalizeTitle } from './rooms.validation.ts';

async function usersById(db: Transaction<DB>, ids: readonly string[]): Promise<Map<string, UserModel>> {
  const rows = await findUsersByIds(db, [...new Set(ids)]);
  return new Map(rows.map((r) => [r.id, userRowToModel(r)]));
}

function systemMessage(tx: Tx, roomId: string, body: string, data: SystemData) {
  return messagesRepo.appendMessage(tx.trx, {
    id: uuidv7(),
    room_id: roomId,
    kind: 'SYSTEM',
    sender_id: null,
    client_id: null,
    body,
    reply_to_id: null,
    mentions: [],
    system_data: data,
  });
}

export async function renameRoom(
  deps: Deps,
  viewer: Viewer,
  roomId: string,
  rawTitle: string,
): Promise<RoomModel> {
  const id = parseId(roomId, 'Room');
  const title = normalizeTitle(rawTitle);
  await inTransaction(deps, async (tx) => {
    const m = requireMember(await repo.lockMembership(tx.trx, id, viewer.userId));
    requireManager(m, 'be renamed');
    if (m.title === title) return;
    const me = (await usersById(tx.trx, [viewer.userId])).get(viewer.userId);
    if (!me) throw notFound('User');
    await repo.setTitle(tx.trx, id, title);
    const msg = await systemMessage(tx, id, `${me.displayName} renamed the room to “${title}”`, {
      type: 'ROOM_RENAMED',
      byUserId: me.id,
      title,
    });
    const event: RoomRenamedEvent = { __typename: 'RoomRenamed', roomId: id, seq: msg.seq, title, by: me };
    publishAfterCommit(deps, tx, id, { events: [event], views: 'members' });
  });
  return getRoom(deps, viewer, id);
}

/** Adds people (members already present are ignored). They see history from their MEMBER_JOINED message on. */
export async function addRoomMembers(
  deps: Deps,
  viewer: Viewer,
  roomId: string,
  userIds: readonly string[],
): Promise<RoomModel> {
  const id = parseId(roomId, 'Room');
  const requested = [...new Set(userIds.map((u) => u.toLowerCase()))].filter((u) => u !== viewer.userId);
  if (requested.length >= MAX_GROUP_MEMBERS)
    throw badInput(`A group has at most ${MAX_GROUP_MEMBERS} members`, { field: 'userIds' });
  await inTransaction(deps, async (tx) => {
    const m = requireMember(await repo.lockMembership(tx.trx, id, viewer.userId));
    requireManager(m, 'have members added');
    const current = new Set(await repo.listMemberIds(tx.trx, id));
    const adding = requested.filter((u) => !current.has(u));
    if (adding.length === 0) return;
    if (current.size + adding.length > MAX_GROUP_MEMBERS)
      throw badInput(`A group has at most ${MAX_GROUP_MEMBERS} members`, { field: 'userIds' });
    await checkNewMembers(tx.trx, viewer.userId, adding, 'userIds');
    const users = await usersById(tx.trx, [viewer.userId, ...adding]);
    const me = users.get(viewer.userId) ?? null;
    const events: MemberJoinedEvent[] = [];
    for (const userId of adding) {
      const user = users.get(userId);
      if (!user) continue;
      const msg = await systemMessage(tx, id, `${me?.displayName ?? 'Someone'} added ${user.displayName}`, {
        type: 'MEMBER_JOINED',
        userId,
        byUserId: viewer.userId,
      });
      await repo.insertMembers(tx.trx, [
        { room_id: id, user_id: userId, role: 'MEMBER', visible_from_seq: msg.seq, last_read_seq: msg.seq },
      ]);
      events.push({
        __typename: 'MemberJoined',
        roomId: id,
        seq: msg.seq,
        member: { roomId: id, userId, role: 'MEMBER', joinedAt: msg.created_at, user },
        addedBy: me,
      });
    }
    publishAfterCommit(deps, tx, id, { events, views: 'members' });
  });
  return getRoom(deps, viewer, id);
}

/** Records that `userId` left (removed by `byUserId`, or on their own); returns the event. */
async function recordDeparture(
  tx: Tx,
  roomId: string,
  userId: string,
  byUserId: string | null,
): Promise<MemberLeftEvent> {
  const users = await usersById(tx.trx, byUserId ? [userId, byUserId] : [userId]);
  const user = users.get(userId);
  const by = byUserId ? (users.get(byUserId) ?? null) : null;
  if (!user) throw notFound('User');
  const body = by ? `${by.displayName} removed ${user.displayName}` : `${user.displayName} left`;
  const msg = await systemMessage(tx, roomId, body, {
    type: 'MEMBER_LEFT',
    userId,
    ...(byUserId ? { byUserId } : {}),
  });
  return { __typename: 'MemberLeft', roomId, seq: msg.seq, user, removedBy: by };
}

/**
 * Schedules a departure's events (its MemberLeft first, then what followed
 * from it). The one who left has nothing more to read there: their unread
 * message notices of the room stop counting (their devices are told).
 */
async function publishDeparture(
  deps: Deps,
  tx: Tx,
  roomId: string,
  userId: string,
  events: RoomEventPayload[],
): Promise<void> {
  await retireNotifications(tx, deps, userId, ['MESSAGE'], { key: 'roomId', value: roomId });
  publishAfterCommit(deps, tx, roomId, { events, removed: [userId], views: 'members' });
  // A former member is no longer typing there.
  tx.afterCommit(() => deps.presence.stopTyping(roomId, userId));
}

const ROLE_SENTENCE: Record<RoomRole, (user: string, by: string | undefined) => string> = {
  OWNER: (user) => `${user} is now the owner`,
  ADMIN: (user, by) => `${by ?? 'Someone'} made ${user} an admin`,
  MEMBER: (user, by) => `${by ?? 'Someone'} removed ${user} as admin`,
};

/**
 * Sets `userId`'s role (the caller holds the room row lock and checked the change) and records it
 * (`byUserId` null: ownership passed on). Returns the event to publish.
 */
async function recordRoleChange(
  tx: Tx,
  roomId: string,
  userId: string,
  role: RoomRole,
  byUserId: string | null,
): Promise<MemberRoleChangedEvent> {
  if (!(await repo.setRole(tx.trx, roomId, userId, role))) throw notFound('Room member');
  const users = await usersById(tx.trx, byUserId ? [userId, byUserId] : [userId]);
  const user = users.get(userId);
  const by = byUserId ? (users.get(byUserId) ?? null) : null;
  if (!user) throw notFound('User');
  const msg = await systemMessage(tx, roomId, ROLE_SENTENCE[role](user.displayName, by?.displayName), {
    type: 'MEMBER_ROLE_CHANGED',
    userId,
    role,
    ...(byUserId ? { byUserId } : {}),
  });
  return { __typename: 'MemberRoleChanged', roomId, seq: msg.seq, user, role, changedBy: by };
}

/** Removes a member (owner or admin; only the owner removes admins; the owner cannot be removed). */
export async function removeRoomMember(
  deps: Deps,
  viewer: Viewer,
  roomId: string,
  userId: string,
): Promise<RoomModel> {
  const id = parseId(roomId, 'Room');
  const targetId = parseId(userId, 'User');
  if (targetId === viewer.userId) throw badInput('Use leaveRoom to leave a room', { field: 'userId' });
  await inTransaction(deps, async (tx) => {
    const m = requireMember(await repo.lockMembership(tx.trx, id, viewer.userId));
    requireManager(m, 'have members removed');
    const target = await repo.findMembership(tx.trx, id, targetId);
    if (!target) throw notFound('Room member');
    if (target.role === 'OWNER') throw forbidden('The owner cannot be removed');
    if (target.role === 'ADMIN' && m.role !== 'OWNER') throw forbidden('Only the owner can remove admins');
    await repo.deleteMember(tx.trx, id, targetId);
    await publishDeparture(deps, tx, id, targetId, [await recordDeparture(tx, id, targetId, viewer.userId)]);
  });
  return getRoom(deps, viewer, id);
}

/** Leaves a group. An owner hands ownership to the longest-standing admin, else member. */
export async function leaveRoom(deps: Deps, viewer: Viewer, roomId: string): Promise<boolean> {
  const id = parseId(roomId, 'Room');
  await inTransaction(deps, async (tx) => {
    const m = requireMember(await repo.lockMembership(tx.trx, id, viewer.userId));
    requireGroup(m, 'be left');
    await repo.deleteMember(tx.trx, id, viewer.userId);
    const events: RoomEventPayload[] = [await recordDeparture(tx, id, viewer.userId, null)];
    if (m.role === 'OWNER') {
      const successor = await repo.findSuccessor(tx.trx, id);
      if (successor) events.push(await recordRoleChange(tx, id, successor.user_id, 'OWNER', null));
    }
    await publishDeparture(deps, tx, id, viewer.userId, events);
  });
  return true;
}

/** Makes a member ADMIN or MEMBER (owner only); a no-op when they already have that role. */
export async function setRoomMemberRole(
  deps: Deps,
  viewer: Viewer,
  roomId: string,
  userId: string,
  role: RoomRole,
): Promise<RoomModel> {
  const id = parseId(roomId, 'Room');
  const targetId = parseId(userId, 'User');
  if (role === 'OWNER') throw badInput('Role must be ADMIN or MEMBER', { field: 'role' });
  await inTransaction(deps, async (tx) => {
    const m = requireMember(await repo.lockMembership(tx.trx, id, viewer.userId));
    requireGroup(m, 'have roles');
    if (m.role !== 'OWNER') throw forbidden('Only the owner can change roles');
    if (targetId === viewer.userId) throw badInput('The owner keeps the OWNER role', { field: 'userId' });
    const target = await repo.findMembership(tx.trx, id, targetId);
    if (!target) throw notFound('Room member');
    if (target.role === role) return;
    const event = await recordRoleChange(tx, id, targetId, role, viewer.userId);
    // Everyone: the target's `myRole`, and every member's last message and seq.
    publishAfterCommit(deps, tx, id, { events: [event], views: 'members' });
  });
  return getRoom(deps, viewer, id);
}
