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
    // Synchronous when preloaded (a room list's peers): 50 peers then cost no promise each.
    online: (u, _a, ctx) => {
      const presence = ctx.loaders.presenceNow(u.id);
      return presence instanceof Promise ? presence.then((p) => p.online) : presence.online;
    },
    lastSeenAt: (u, _a, ctx) => {
      const presence = ctx.loaders.presenceNow(u.id);
      return presence instanceof Promise ? presence.then((p) => p.lastSeenAt) : presence.lastSeenAt;
    },
  },
};
