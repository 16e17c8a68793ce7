import { type GraphQLContext, requireViewer } from '../../graphql/context.ts';
import { notFound } from '../../graphql/errors.ts';
import type { Resolvers } from '../../graphql/resolvers.generated.ts';
import type { UserModel } from '../users/users.model.ts';
import type { Relationship } from './contacts.model.ts';
import * as contacts from './contacts.service.ts';

/** The viewer's relationship with `u`; the viewer themself needs no query. */
function relationship(ctx: GraphQLContext, u: UserModel): Promise<Relationship> | Relationship {
  const viewer = requireViewer(ctx);
  if (u.id === viewer.userId) return { status: 'SELF', blockedByMe: false, blockedMe: false };
  return ctx.loaders.relationship.load(u.id);
}

async function loadUser(ctx: GraphQLContext, id: string): Promise<UserModel> {
  const user = await ctx.loaders.user.load(id);
  if (!user) throw notFound('User');
  return user;
}

/** A mutation changed relationships: forget what this request's loader cached before it. */
async function changed<T>(ctx: GraphQLContext, result: Promise<T>): Promise<T> {
  const value = await result;
  ctx.loaders.relationship.clearAll();
  return value;
}

export const contactsResolvers: Resolvers = {
  Query: {
    contacts: (_p, args, ctx) => contacts.listContacts(ctx.deps, requireViewer(ctx), args),
    friendRequests: (_p, args, ctx) => contacts.listFriendRequests(ctx.deps, requireViewer(ctx), args),
    blockedUsers: (_p, _a, ctx) => contacts.listBlockedUsers(ctx.deps, requireViewer(ctx)),
  },
  Mutation: {
    sendFriendRequest: (_p, { userId }, ctx) =>
      changed(ctx, contacts.sendFriendRequest(ctx.deps, requireViewer(ctx), userId)),
    respondToFriendRequest: (_p, { requestId, accept }, ctx) =>
      changed(ctx, contacts.respondToFriendRequest(ctx.deps, requireViewer(ctx), requestId, accept)),
    cancelFriendRequest: (_p, { requestId }, ctx) =>
      changed(ctx, contacts.cancelFriendRequest(ctx.deps, requireViewer(ctx), requestId)),
    removeContact: (_p, { userId }, ctx) =>
      changed(ctx, contacts.removeContact(ctx.deps, requireViewer(ctx), userId)),
    blockUser: (_p, { userId }, ctx) =>
      changed(ctx, contacts.blockUser(ctx.deps, requireViewer(ctx), userId)),
    unblockUser: (_p, { userId }, ctx) =>
      changed(ctx, contacts.unblockUser(ctx.deps, requireViewer(ctx), userId)),
  },
  User: {
    contactStatus: async (u, _a, ctx) => (await relationship(ctx, u)).status,
    blockedByMe: async (u, _a, ctx) => (await relationship(ctx, u)).blockedByMe,
  },
  FriendRequest: {
    from: (r, _a, ctx) => loadUser(ctx, r.fromUserId),
    to: (r, _a, ctx) => loadUser(ctx, r.toUserId),
  },
};
