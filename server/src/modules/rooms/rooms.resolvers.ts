import { requireViewer } from '../../graphql/context.ts';
import { userNow } from '../../graphql/loaders.ts';
import type { Resolvers } from '../../graphql/resolvers.generated.ts';
import * as members from './rooms.members.service.ts';
import * as mute from './rooms.mute.ts';
import * as rooms from './rooms.service.ts';
import * as live from './rooms.subscriptions.ts';

/** Name shown for a direct room whose other person deleted their account. */
const DELETED_USER = 'Deleted user';

export const roomsResolvers: Resolvers = {
  Query: {
    room: (_p, { id }, ctx) => rooms.getRoom(ctx.deps, requireViewer(ctx), id),
    rooms: (_p, args, ctx) => rooms.listRooms(ctx.deps, requireViewer(ctx), args),
  },
  Mutation: {
    openDirectRoom: (_p, { userId }, ctx) => rooms.openDirectRoom(ctx.deps, requireViewer(ctx), userId),
    createGroupRoom: (_p, { input }, ctx) => rooms.createGroupRoom(ctx.deps, requireViewer(ctx), input),
    markRoomRead: (_p, { roomId, seq }, ctx) => rooms.markRoomRead(ctx.deps, requireViewer(ctx), roomId, seq),
    renameRoom: (_p, { roomId, title }, ctx) =>
      members.renameRoom(ctx.deps, requireViewer(ctx), roomId, title),
    addRoomMembers: (_p, { roomId, userIds }, ctx) =>
      members.addRoomMembers(ctx.deps, requireViewer(ctx), roomId, userIds),
    removeRoomMember: (_p, { roomId, userId }, ctx) =>
      members.removeRoomMember(ctx.deps, requireViewer(ctx), roomId, userId),
    setRoomMemberRole: (_p, { roomId, userId, role }, ctx) =>
      members.setRoomMemberRole(ctx.deps, requireViewer(ctx), roomId, userId, role),
    leaveRoom: (_p, { roomId }, ctx) => members.leaveRoom(ctx.deps, requireViewer(ctx), roomId),
    muteRoom: (_p, { roomId, until }, ctx) => mute.muteRoom(ctx.deps, requireViewer(ctx), roomId, until),
    unmuteRoom: (_p, { roomId }, ctx) => mute.unmuteRoom(ctx.deps, requireViewer(ctx), roomId),
  },
  Subscription: {
    roomEvents: {
      // An async function (not a generator) so that FORBIDDEN is raised when subscribing.
      subscribe: async (_p, { roomId, afterSeq, since }, ctx) =>
        live.roomEvents(ctx.deps, requireViewer(ctx), ctx.pubsub, roomId, afterSeq, since),
      resolve: (payload: unknown) => payload as never,
    },
    myEvents: {
      subscribe: async (_p, { since }, ctx) => live.myEvents(ctx.deps, requireViewer(ctx), ctx.pubsub, since),
      resolve: (payload: unknown) => payload as never,
    },
  },
  RoomEvent: {
    __resolveType: (event) => event.__typename,
  },
  MyEvent: {
    __resolveType: (event) => event.__typename,
  },
  Room: {
    // Event payloads embed `peer`; queries load it (batched) by the id from the pair key.
    // Synchronous whenever it can be: a page of 100 rooms then resolves without 100 promises.
    title: (r, _a, ctx) => {
      if (r.kind === 'GROUP') return r.groupTitle ?? '';
      const peer = r.peer ?? (r.peerId ? userNow(ctx, r.peerId) : null);
      return peer instanceof Promise
        ? peer.then((p) => p?.displayName ?? DELETED_USER)
        : (peer?.displayName ?? DELETED_USER);
    },
    peer: (r, _a, ctx) => {
      if (r.kind !== 'DIRECT' || !r.peerId) return null;
      // The viewer's own view of their direct room: they share it with the peer (for presence).
      if (ctx.viewer && r.viewerId === ctx.viewer.userId) ctx.loaders.noteRoomMate(r.peerId);
      return r.peer ?? userNow(ctx, r.peerId);
    },
    members: (r, _a, ctx) => ctx.loaders.roomMembers.load(r.id),
  },
  RoomMember: {
    user: async (m, _a, ctx) => {
      const user = m.user ?? (await ctx.loaders.user.load(m.userId));
      if (!user) throw new Error(`member ${m.userId} has no user row`);
      return user;
    },
  },
};
