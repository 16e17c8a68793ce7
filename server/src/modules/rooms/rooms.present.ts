/**
 * Rooms as the API hands them out (`RoomView`): with what the viewer sees as
 * the room's title, picture and other person resolved once, before the room
 * leaves the server's hands, instead of by a resolver per field. graphql-jit
 * pays for every resolver call (a resolve info, a path, closures), and these
 * three were 300 of the ~625 calls of a 100-room page (BENCHMARKS.md, entry 58).
 *
 * The values are computed per request, never stored with a cached room-list
 * page (rooms.list-cache.ts): a peer's rename or new avatar shows at once,
 * and signed URLs are always fresh. `RoomView` is the GraphQL mapper of Room,
 * so TypeScript rejects a resolver that returns a room not presented here.
 */
import type { Config } from '../../config.ts';
import type { Viewer } from '../../deps.ts';
import { type Connection, lazyEdges } from '../../lib/connections.ts';
import { avatarUrl } from '../files/files.signing.ts';
import type { UserModel } from '../users/users.model.ts';
import type { RoomModel, RoomView } from './rooms.model.ts';

/** Name shown for a direct room whose other person deleted their account. */
export const DELETED_USER = 'Deleted user';

/** What presenting needs of a request (or a subscription's socket). */
export interface PresentContext {
  deps: { config: Pick<Config, 'jwtSecret' | 'fileUrlTtlSeconds' | 'publicUrl'>; users: UserPeek };
  loaders: {
    user: { load(id: string): Promise<UserModel | null> };
    noteRoomMate(userId: string): void;
    preloadPresence(userIds: readonly string[]): Promise<void>;
  };
  viewer: Viewer | null;
}

interface UserPeek {
  peek(id: string): UserModel | undefined;
}

/**
 * The room as handed out, given its other person (direct rooms; null when
 * they deleted their account, ignored for groups). Synchronous: event
 * payloads embed the peer, so presenting them reads nothing.
 */
export function roomView(
  config: PresentContext['deps']['config'],
  room: RoomModel,
  peer: UserModel | null,
): RoomView {
  const group = room.kind === 'GROUP';
  const shown = group ? null : peer;
  // Every field written out, in one order, rather than `{ ...room }`: the models come in more
  // than one shape (with or without `peer`), and cloning them was 2.4 % of a room-list
  // page's CPU (BENCHMARKS.md, entry 88). One literal gives every view the same shape.
  return {
    id: room.id,
    kind: room.kind,
    groupTitle: room.groupTitle,
    createdBy: room.createdBy,
    lastSeq: room.lastSeq,
    lastActivityAt: room.lastActivityAt,
    createdAt: room.createdAt,
    avatarFileId: room.avatarFileId,
    memberCount: room.memberCount,
    viewerId: room.viewerId,
    myRole: room.myRole,
    joinedAt: room.joinedAt,
    lastReadSeq: room.lastReadSeq,
    visibleFromSeq: room.visibleFromSeq,
    unreadCount: room.unreadCount,
    muted: room.muted,
    mutedUntil: room.mutedUntil,
    lastMessage: room.lastMessage,
    peerId: room.peerId,
    title: group ? (room.groupTitle ?? '') : (peer?.displayName ?? DELETED_USER),
    avatarUrl: avatarUrl(config, group ? room.avatarFileId : peer?.avatarFileId),
    peer: shown,
  };
}

/**
 * Presents a room whose model embeds its peer (event payloads do):
 * synchronous. Notes a direct peer as a room mate of the viewer, whose
 * presence then needs no statement.
 */
export function presentNow(ctx: PresentContext, room: RoomModel): RoomView {
  // The viewer's own view of their direct room: they share it with the peer (for presence).
  if (room.kind === 'DIRECT' && room.peerId && ctx.viewer && room.viewerId === ctx.viewer.userId)
    ctx.loaders.noteRoomMate(room.peerId);
  return roomView(ctx.deps.config, room, room.peer ?? null);
}

/**
 * Presents the rooms of one viewer: peers embedded in the models or held by
 * this instance (users.cache.ts) are used as they are, the rest are read in
 * one batch. With `presence` (the client selected it), the peers' presence
 * is loaded in the same turn, so their `online` and `lastSeenAt` answer
 * without a promise each.
 */
export async function presentRooms(
  ctx: PresentContext,
  rooms: readonly RoomModel[],
  opts: { presence?: boolean } = {},
): Promise<RoomView[]> {
  const peers: (UserModel | null | Promise<UserModel | null>)[] = new Array(rooms.length);
  const peerIds: string[] = [];
  let pending = false;
  for (let i = 0; i < rooms.length; i++) {
    const room = rooms[i] as RoomModel;
    const peerId = room.kind === 'DIRECT' ? room.peerId : null;
    if (!peerId) {
      peers[i] = null;
      continue;
    }
    // The viewer's own view of their direct room: they share it with the peer (for presence).
    if (ctx.viewer && room.viewerId === ctx.viewer.userId) ctx.loaders.noteRoomMate(peerId);
    peerIds.push(peerId);
    const peer =
      room.peer !== undefined ? room.peer : (ctx.deps.users.peek(peerId) ?? ctx.loaders.user.load(peerId));
    if (peer instanceof Promise) pending = true;
    peers[i] = peer;
  }
  const preloaded = opts.presence ? ctx.loaders.preloadPresence(peerIds) : undefined;
  const [resolved] = await Promise.all([
    pending ? Promise.all(peers) : (peers as (UserModel | null)[]),
    preloaded,
  ]);
  return rooms.map((room, i) => roomView(ctx.deps.config, room, resolved[i] ?? null));
}

/** One room (see `presentRooms`). */
export async function presentRoom(ctx: PresentContext, room: RoomModel): Promise<RoomView> {
  return (await presentRooms(ctx, [room]))[0] as RoomView;
}

/** A page of rooms (see `presentRooms`); cursors stay lazy. */
export async function presentRoomPage(
  ctx: PresentContext,
  page: Connection<RoomModel> & { asOf: Date },
  cursorOf: (room: RoomModel) => string,
  opts: { presence?: boolean } = {},
): Promise<Connection<RoomView> & { asOf: Date }> {
  const nodes = await presentRooms(
    ctx,
    page.edges.map((e) => e.node),
    opts,
  );
  return { edges: lazyEdges(nodes, cursorOf), pageInfo: page.pageInfo, asOf: page.asOf };
}
