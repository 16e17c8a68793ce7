import { requireViewer } from '../../graphql/context.ts';
import { userNow } from '../../graphql/loaders.ts';
import type { Resolvers } from '../../graphql/resolvers.generated.ts';
import type { UserModel } from '../users/users.model.ts';
import * as queries from './messages.queries.ts';
import * as messages from './messages.service.ts';

export const messagesResolvers: Resolvers = {
  Query: {
    message: (_p, { id }, ctx) => queries.getMessage(ctx.deps, requireViewer(ctx), id),
    messages: (_p, args, ctx) => queries.listMessages(ctx.deps, requireViewer(ctx), args),
    messagesAfter: (_p, { roomId, afterSeq, limit }, ctx) =>
      queries.messagesAfter(ctx.deps, requireViewer(ctx), roomId, afterSeq, limit),
    searchMessages: (_p, args, ctx) => queries.searchMessages(ctx.deps, requireViewer(ctx), args),
  },
  Mutation: {
    sendMessage: (_p, { input }, ctx) => messages.sendMessage(ctx.deps, requireViewer(ctx), input),
    editMessage: (_p, { id, body }, ctx) => messages.editMessage(ctx.deps, requireViewer(ctx), id, body),
    deleteMessage: (_p, { id }, ctx) => messages.deleteMessage(ctx.deps, requireViewer(ctx), id),
  },
  Message: {
    // Event payloads embed sender and mentions (no reads per subscriber); queries batch them.
    sender: (m, _a, ctx) => m.sender ?? (m.senderId ? userNow(ctx, m.senderId) : null),
    clientId: (m, _a, ctx) => (m.senderId !== null && m.senderId === ctx.viewer?.userId ? m.clientId : null),
    mentions: async (m, _a, ctx) => {
      if (m.mentionUsers) return m.mentionUsers;
      const users = await ctx.loaders.user.loadMany(m.mentionIds);
      return users.filter((u): u is UserModel => u !== null && !(u instanceof Error));
    },
    // Null unless the viewer may see the replied-to message (members added later see only later ones).
    replyTo: async (m, _a, ctx) => {
      if (!m.replyToId) return null;
      const [target, membership] = await Promise.all([
        ctx.loaders.message.load(m.replyToId),
        ctx.loaders.myMembership.load(m.roomId),
      ]);
      if (!target || !membership || target.roomId !== m.roomId) return null;
      return target.seq >= membership.visibleFromSeq ? target : null;
    },
  },
};
