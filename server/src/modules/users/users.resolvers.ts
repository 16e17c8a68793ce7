import { requireViewer } from '../../graphql/context.ts';
import type { Resolvers } from '../../graphql/resolvers.generated.ts';
import * as users from './users.service.ts';

const isSelf = (ctx: { viewer: { userId: string } | null }, id: string) => ctx.viewer?.userId === id;

export const usersResolvers: Resolvers = {
  Query: {
    me: (_p, _a, ctx) => users.getMe(ctx.loaders, requireViewer(ctx)),
    user: (_p, { id }, ctx) => users.getUser(ctx.loaders, requireViewer(ctx), id),
    searchUsers: (_p, args, ctx) => users.searchUsers(ctx.deps, requireViewer(ctx), args),
  },
  Mutation: {
    updateProfile: (_p, { input }, ctx) => users.updateProfile(ctx.deps, requireViewer(ctx), input),
  },
  User: {
    // Private fields: visible to the user themself only.
    email: (u, _a, ctx) => (isSelf(ctx, u.id) ? u.email : null),
    showOnline: (u, _a, ctx) => (isSelf(ctx, u.id) ? u.showOnline : null),
    shareReadReceipts: (u, _a, ctx) => (isSelf(ctx, u.id) ? u.shareReadReceipts : null),
    isMe: (u, _a, ctx) => isSelf(ctx, u.id),
  },
};
