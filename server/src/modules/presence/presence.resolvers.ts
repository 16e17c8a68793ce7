import { requireViewer } from '../../graphql/context.ts';
import type { Resolvers } from '../../graphql/resolvers.generated.ts';
import * as presence from './presence.queries.ts';

export const presenceResolvers: Resolvers = {
  Query: {
    presence: (_p, { userIds }, ctx) => presence.listPresence(ctx.loaders, requireViewer(ctx), userIds),
  },
  Mutation: {
    setTyping: (_p, { roomId, typing }, ctx) =>
      presence.setTyping(ctx.deps, requireViewer(ctx), roomId, typing),
  },
  User: {
    // Hidden, unrelated or blocked: offline and never seen (see presence.queries.ts).
    online: async (u, _a, ctx) => (await ctx.loaders.presence.load(u.id)).online,
    lastSeenAt: async (u, _a, ctx) => (await ctx.loaders.presence.load(u.id)).lastSeenAt,
  },
};
