import type { GraphQLResolveInfo } from 'graphql';
import { type GraphQLContext, requireViewer } from '../../graphql/context.ts';
import { userNow } from '../../graphql/loaders.ts';
import type { Resolvers } from '../../graphql/resolvers.generated.ts';
import { selectsAny } from '../../graphql/selection.ts';
import type { UserModel } from '../users/users.model.ts';
import type { MessageModel } from './messages.model.ts';
import * as queries from './messages.queries.ts';
import { traceNow } from './messages.send-trace.ts';
import * as messages from './messages.service.ts';

export const messagesResolvers: Resolvers = {
  Query: {
    message: (_p, { id }, ctx) => queries.getMessage(ctx.deps, requireViewer(ctx), id),
    messages: (_p, args, ctx, info) =>
      queries.listMessages(ctx.deps, requireViewer(ctx), args, readersIfSelected(ctx, info)),
    messagesAfter: (_p, { roomId, afterSeq, limit }, ctx, info) =>
      queries.messagesAfter(
        ctx.deps,
        requireViewer(ctx),
        roomId,
        afterSeq,
        limit,
        readersIfSelected(ctx, info),
      ),
    searchMessages: (_p, args, ctx) => queries.searchMessages(ctx.deps, requireViewer(ctx), args),
  },
  Mutation: {
    sendMessage: (_p, { input }, ctx) => {
      const trace = ctx.deps.sendTrace;
      if (trace.on) {
        const now = traceNow();
        if (ctx.reply) trace.mark(input.clientId, 'arrived', now - ctx.reply.elapsedTime);
        trace.mark(input.clientId, 'resolving', now);
      }
      return messages.sendMessage(ctx.deps, requireViewer(ctx), input);
    },
    editMessage: (_p, { id, body }, ctx) => messages.editMessage(ctx.deps, requireViewer(ctx), id, body),
    deleteMessage: (_p, { id }, ctx) => messages.deleteMessage(ctx.deps, requireViewer(ctx), id),
  },
  Message: {
    // Event payloads embed sender and mentions (no reads per subscriber); queries batch them.
    sender: (m, _a, ctx) => m.sender ?? (m.senderId ? userNow(ctx, m.senderId) : null),
    clientId: (m, _a, ctx) => (m.senderId !== null && m.senderId === ctx.viewer?.userId ? m.clientId : null),
    // Synchronous for what event payloads embed (no promise per delivery).
    mentions: (m, _a, ctx) => {
      if (m.mentionUsers) return m.mentionUsers;
      if (m.mentionIds.length === 0) return [];
      return ctx.loaders.user
        .loadMany(m.mentionIds)
        .then((users) => users.filter((u): u is UserModel => u !== null && !(u instanceof Error)));
    },
    // Null unless the viewer may see the replied-to message (members added later see only later ones).
    replyTo: (m, _a, ctx) => (m.replyToId ? visibleReplyTarget(m, m.replyToId, ctx) : null),
  },
};

/** The fields that read a room's read pointers. */
const RECEIPT_FIELDS: ReadonlySet<string> = new Set(['readCount', 'readBy']);

/** Reads the room's read pointers with the page when the client selected receipts. */
function readersIfSelected(ctx: GraphQLContext, info: GraphQLResolveInfo): queries.ReadersFor | undefined {
  return selectsAny(info, RECEIPT_FIELDS) ? (roomId) => ctx.loaders.readers.load(roomId) : undefined;
}

async function visibleReplyTarget(
  m: MessageModel,
  replyToId: string,
  ctx: GraphQLContext,
): Promise<MessageModel | null> {
  const [target, membership] = await Promise.all([
    ctx.loaders.message.load(replyToId),
    ctx.loaders.myMembership.load(m.roomId),
  ]);
  if (!target || !membership || target.roomId !== m.roomId) return null;
  return target.seq >= membership.visibleFromSeq ? target : null;
}
