import { requireViewer } from '../../graphql/context.ts';
import type { Resolvers } from '../../graphql/resolvers.generated.ts';
import { selectsAny } from '../../graphql/selection.ts';
import * as members from './rooms.members.service.ts';
import * as mute from './rooms.mute.ts';
import { presentNow, presentRoom, presentRoomPage } from './rooms.present.ts';
import * as rooms from './rooms.service.ts';
import * as live from './rooms.subscriptions.ts';

/** User fields that read presence: a room list selecting them loads its peers' presence ahead. */
const PRESENCE_FIELDS: ReadonlySet<string> = new Set(['online', 'lastSeenAt']);

export const roomsResolvers: Resolvers = {
  Query: {
    room: async (_p, { id }, ctx) => presentRoom(ctx, await rooms.getRoom(ctx.deps, requireViewer(ctx), id)),
    rooms: async (_p, args, ctx, info) =>
      presentRoomPage(ctx, await rooms.listRooms(ctx.deps, requireViewer(ctx), args), rooms.roomCursor, {
        presence: selectsAny(info, PRESENCE_FIELDS),
      }),
  },
  Mutation: {
    openDirectRoom: async (_p, { userId }, ctx) =>
      presentRoom(ctx, await rooms.openDirectRoom(ctx.deps, requireViewer(ctx), userId)),
    createGroupRoom: async (_p, { input }, ctx) =>
      presentRoom(ctx, await rooms.createGroupRoom(ctx.deps, requireViewer(ctx), input)),
    markRoomRead: async (_p, { roomId, seq }, ctx) =>
      presentRoom(ctx, await rooms.markRoomRead(ctx.deps, requireViewer(ctx), roomId, seq)),
    renameRoom: async (_p, { roomId, title }, ctx) =>
      presentRoom(ctx, await members.renameRoom(ctx.deps, requireViewer(ctx), roomId, title)),
    addRoomMembers: async (_p, { roomId, userIds }, ctx) =>
      presentRoom(ctx, await members.addRoomMembers(ctx.deps, requireViewer(ctx), roomId, userIds)),
    removeRoomMember: async (_p, { roomId, userId }, ctx) =>
      presentRoom(ctx, await members.removeRoomMember(ctx.deps, requireViewer(ctx), roomId, userId)),
    setRoomMemberRole: async (_p, { roomId, userId, role }, ctx) =>
      presentRoom(ctx, await members.setRoomMemberRole(ctx.deps, requireViewer(ctx), roomId, userId, role)),
    leaveRoom: (_p, { roomId }, ctx) => members.leaveRoom(ctx.deps, requireViewer(ctx), roomId),
    muteRoom: async (_p, { roomId, until }, ctx) =>
      presentRoom(ctx, await mute.muteRoom(ctx.deps, requireViewer(ctx), roomId, until)),
    unmuteRoom: async (_p, { roomId }, ctx) =>
      presentRoom(ctx, await mute.unmuteRoom(ctx.deps, requireViewer(ctx), roomId)),
  },
  Subscription: {
    roomEvents: {
      // An async function (not a generator) so that FORBIDDEN is raised when subscribing.
      subscribe: async (_p, { roomId, afterSeq, since, reading }, ctx) =>
        live.roomEvents(ctx.deps, requireViewer(ctx), ctx.pubsub, roomId, afterSeq, since, reading ?? true),
      resolve: (payload: unknown) => payload as never,
    },
    myEvents: {
      subscribe: async (_p, { since }, ctx) =>
        live.myEvents(ctx.deps, requireViewer(ctx), ctx.pubsub, since, (room) => presentNow(ctx, room)),
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
