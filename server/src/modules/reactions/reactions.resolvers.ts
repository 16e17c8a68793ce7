import { requireViewer } from '../../graphql/context.ts';
import { badInput } from '../../graphql/errors.ts';
import type { Resolvers } from '../../graphql/resolvers.generated.ts';
import type { UserModel } from '../users/users.model.ts';
import * as reactions from './reactions.service.ts';

export const reactionsResolvers: Resolvers = {
  Mutation: {
    addReaction: (_p, { messageId, emoji }, ctx) =>
      reactions.addReaction(ctx.deps, requireViewer(ctx), messageId, emoji),
    removeReaction: (_p, { messageId, emoji }, ctx) =>
      reactions.removeReaction(ctx.deps, requireViewer(ctx), messageId, emoji),
  },
  Message: {
    reactions: (m, _a, ctx) => (m.deletedAt ? [] : (m.reactions ?? ctx.loaders.reactions.load(m.id))),
  },
  ReactionGroup: {
    // Queries compute it in SQL; event payloads carry every reactor id instead, resolved per subscriber.
    reactedByMe: (g, _a, ctx) =>
      g.reactedByMe ?? (ctx.viewer ? g.userIds.includes(ctx.viewer.userId) : false),
    users: async (g, { first }, ctx) => {
      const n = first ?? 10;
      if (!Number.isInteger(n) || n < 1 || n > 100)
        throw badInput('first must be between 1 and 100', { field: 'first' });
      // Event payloads embed the first reactors: enough unless more are asked for than embedded.
      if (g.users && (g.users.length >= n || g.users.length === g.userIds.length)) return g.users.slice(0, n);
      const users = await ctx.loaders.user.loadMany(g.userIds.slice(0, n));
      return users.filter((u): u is UserModel => u !== null && !(u instanceof Error));
    },
  },
};
