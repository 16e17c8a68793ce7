/**
 * Rooms: reading them (as the viewer sees them), opening direct rooms,
 * creating groups and moving the read pointer. Membership changes live in
 * rooms.members.service.ts.
 */
import type { Db } from '../../db/index.ts';
import { inTransaction } from '../../db/tx.ts';
import type { Deps, Viewer } from '../../deps.ts';
import { badInput, forbidden, notFound } from '../../graphql/errors.ts';
import { lazyEdges } from '../../lib/connections.ts';
import { decodeCursor, encodeCursor, pageSize } from '../../lib/cursor.ts';
import { isUuid, parseId, uuidv7 } from '../../lib/ids.ts';
import { blockedAmong } from '../contacts/contacts.repository.ts';
import * as messagesRepo from '../messages/messages.repository.ts';
import { mentionedUsernames, normalizeBody } from '../messages/messages.validation.ts';
import { clearRoomMessageNotification } from '../notifications/notifications.messages.ts';
import { moveReadPointer } from '../receipts/receipts.service.ts';
import { findUserById, findUsersByIds } from '../users/users.repository.ts';
import { requireMember } from './rooms.access.ts';
import { directKey, MAX_GROUP_MEMBERS, type RoomModel } from './rooms.model.ts';
import { publishAfterCommit, publishRoom } from './rooms.publish.ts';
import * as repo from './rooms.repository.ts';
import { normalizeTitle } from './rooms.validation.ts';
import * as views from './rooms.views.repository.ts';
import { roomViewToModel } from './rooms.views.ts';

export interface RoomConnectionModel {
  edges: { cursor: string; node: RoomModel }[];
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
  /** Taken before the page's statement ran (`myEvents(since:)` resumes from it). */
  asOf: Date;
}

/** The room as the viewer sees it; NOT_FOUND when the viewer is not a member. */
export async function getRoom(deps: Deps, viewer: Viewer, id: string): Promise<RoomModel> {
  const row = await views.findRoomView(deps.db, parseId(id, 'Room'), viewer.userId);
  if (!row) throw notFound('Room');
  return roomViewToModel(row);
}

/** A room's cursor in the room list (by last activity, then id). */
export const roomCursor = (r: RoomModel) => encodeCursor({ t: r.lastActivityAt.toISOString(), id: r.id });

/**
 * The viewer's rooms, most recent activity first: one statement for the whole
 * page (last message and unread count included), whatever its size.
 */
export async function listRooms(
  deps: Deps,
  viewer: Viewer,
  args: { first?: number | null; after?: string | null },
): Promise<RoomConnectionModel> {
  const first = pageSize(args.first, 30, 100);
  const after = args.after
    ? decodeCursor(args.after, (v) => {
        const t = typeof v.t === 'string' ? new Date(v.t) : undefined;
        if (!t || Number.isNaN(t.getTime()) || typeof v.id !== 'string' || !isUuid(v.id)) return undefined;
        return { lastActivityAt: t, id: v.id };
      })
    : null;
  // Served from memory until one of the viewer's rooms changes for them (rooms.list-cache.ts).
  return deps.roomLists.page(viewer.userId, `${first}:${args.after ?? ''}`, async () => {
    const asOf = new Date();
    const rows = await views.listRoomViews(deps.db, viewer.userId, first + 1, after);
    const nodes = rows.slice(0, first).map(roomViewToModel);
    const edges = lazyEdges(nodes, roomCursor);
    return {
      asOf,
      edges,
      pageInfo: {
        hasNextPage: rows.length > first,
        hasPreviousPage: after !== null,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges.at(-1)?.cursor ?? null,
      },
    };
  });
}

/**
 * THE direct room of the viewer and `userId`, created on first use. The
 * UNIQUE direct_key makes a concurrent second creation insert nothing; both
 * callers then read the one room. The other person sees it once it has a message.
 */
export async function openDirectRoom(deps: Deps, viewer: Viewer, userId: string): Promise<RoomModel> {
  const otherId = parseId(userId, 'User');
  if (otherId === viewer.userId)
    throw badInput('You cannot open a direct room with yourself', { field: 'userId' });
  if (!(await findUserById(deps.db, otherId))) throw notFound('User');
  if ((await blockedAmong(deps.db, viewer.userId, [otherId])).size > 0)
    throw forbidden('You cannot start a conversation with this person');
  const key = directKey(viewer.userId, otherId);
  let roomId = (await repo.findDirectRoomId(deps.db, key))?.id;
  if (!roomId) {
    roomId = await inTransaction(deps, async (tx) => {
      const created = await repo.insertRoom(tx.trx, {
        id: uuidv7(),
        kind: 'DIRECT',
        title: null,
        direct_key: key,
        created_by: viewer.userId,
      });
      if (!created) return undefined; // a concurrent call created it first
      await repo.insertMembers(tx.trx, [
        { room_id: created.id, user_id: viewer.userId, role: 'MEMBER' },
        { room_id: created.id, user_id: otherId, role: 'MEMBER' },
      ]);
      publishAfterCommit(deps, tx, created.id, { views: [viewer.userId] });
      return created.id;
    });
    roomId ??= (await repo.findDirectRoomId(deps.db, key))?.id;
    if (!roomId) throw new Error('direct room vanished after a concurrent insert');
  }
  return getRoom(deps, viewer, roomId);
}

export interface CreateGroupInput {
  title: string;
  memberIds: readonly string[];
  firstMessage?: string | null | undefined;
}

/**
 * Checks people to add to a group: real ids of existing users (BAD_USER_INPUT
 * otherwise), with no block between them and `actorId` in either direction
 * (FORBIDDEN, without saying who blocked whom).
 */
export async function checkNewMembers(db: Db, actorId: string, ids: readonly string[], field = 'memberIds') {
  if (ids.some((id) => !isUuid(id))) throw badInput(`Unknown user in ${field}`, { field });
  const users = await findUsersByIds(db, ids);
  if (users.length !== ids.length) throw badInput(`Unknown user in ${field}`, { field });
  if ((await blockedAmong(db, actorId, ids)).size > 0)
    throw forbidden('Some of these people cannot be added by you');
  return users;
}

export async function createGroupRoom(
  deps: Deps,
  viewer: Viewer,
  input: CreateGroupInput,
): Promise<RoomModel> {
  const title = normalizeTitle(input.title);
  const memberIds = [...new Set(input.memberIds.map((id) => id.toLowerCase()))].filter(
    (id) => id !== viewer.userId,
  );
  if (memberIds.length + 1 > MAX_GROUP_MEMBERS)
    throw badInput(`A group has at most ${MAX_GROUP_MEMBERS} members`, { field: 'memberIds' });
  const firstMessage =
    input.firstMessage != null
      ? normalizeBody(input.firstMessage, deps.config.messageMaxLength, 'firstMessage')
      : null;
  const users = await checkNewMembers(deps.db, viewer.userId, memberIds);
  const roomId = uuidv7();
  await inTransaction(deps, async (tx) => {
    await repo.insertRoom(tx.trx, {
      id: roomId,
      kind: 'GROUP',
      title,
      direct_key: null,
      created_by: viewer.userId,
    });
    await repo.insertMembers(tx.trx, [
      { room_id: roomId, user_id: viewer.userId, role: 'OWNER' },
      ...memberIds.map((id) => ({ room_id: roomId, user_id: id, role: 'MEMBER' as const })),
    ]);
    if (firstMessage) {
      const names = new Set(mentionedUsernames(firstMessage));
      await messagesRepo.appendMessage(
        tx.trx,
        {
          id: uuidv7(),
          room_id: roomId,
          kind: 'USER',
          sender_id: viewer.userId,
          client_id: uuidv7(),
          body: firstMessage,
          reply_to_id: null,
          mentions: users.filter((u) => names.has(u.username)).map((u) => u.id),
          system_data: null,
        },
        { readBy: viewer.userId },
      );
    }
    publishAfterCommit(deps, tx, roomId, { views: 'members' });
  });
  return getRoom(deps, viewer, roomId);
}

/**
 * Moves the viewer's read pointer forward to `seq` (clamped to the room's
 * newest message; never backwards). Other devices of the viewer get RoomUpdated.
 */
export async function markRoomRead(
  deps: Deps,
  viewer: Viewer,
  roomId: string,
  seq: number,
): Promise<RoomModel> {
  const id = parseId(roomId, 'Room');
  if (!Number.isInteger(seq) || seq < 0)
    throw badInput('seq must be a non-negative integer', { field: 'seq' });
  const m = requireMember(await repo.findMembership(deps.db, id, viewer.userId));
  const target = Math.min(seq, Number(m.last_seq));
  // Moved forward only (UPDATE … WHERE last_read_seq < target): ReadReceipt to the room unless private.
  const receipts = await moveReadPointer(deps.db, id, viewer.userId, target);
  if (receipts) {
    await publishRoom(deps, id, { events: receipts, views: [viewer.userId] });
  }
  // Read up to the newest message: the room's MESSAGE notification is read too.
  if (target === Number(m.last_seq)) await clearRoomMessageNotification(deps, viewer.userId, id);
  return getRoom(deps, viewer, id);
}
