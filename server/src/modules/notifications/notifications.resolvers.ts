import { requireViewer } from '../../graphql/context.ts';
import type { Resolvers } from '../../graphql/resolvers.generated.ts';
import * as prefs from './notifications.preferences.ts';
import * as notifications from './notifications.service.ts';
import { messageBody } from './notifications.service.ts';
import { renderParts } from './notifications.text.ts';
import type { NotificationEventPayload } from './notifications.topics.ts';

export const notificationsResolvers: Resolvers = {
  Query: {
    notifications: (_p, args, ctx) => notifications.listNotifications(ctx.deps, requireViewer(ctx), args),
    unreadNotificationCount: (_p, _a, ctx) => notifications.unreadCount(ctx.deps, requireViewer(ctx)),
    notificationPreferences: (_p, _a, ctx) => prefs.getPreferences(ctx.deps, requireViewer(ctx).userId),
  },
  Mutation: {
    markNotificationRead: (_p, { id }, ctx) => notifications.markRead(ctx.deps, requireViewer(ctx), id),
    markNotificationsRead: async (_p, { ids }, ctx) => ({
      __typename: 'NotificationsRead' as const,
      ...(await notifications.markManyRead(ctx.deps, requireViewer(ctx), ids)),
      at: new Date(),
    }),
    markAllNotificationsRead: async (_p, _a, ctx) => ({
      __typename: 'NotificationsRead' as const,
      ...(await notifications.markAllRead(ctx.deps, requireViewer(ctx))),
      at: new Date(),
    }),
    updateNotificationPreferences: (_p, { preferences }, ctx) =>
      prefs.updatePreferences(ctx.deps, requireViewer(ctx), preferences),
  },
  Subscription: {
    notificationEvents: {
      // Authorised once, at subscribe time (not lazily in the stream): the topic is the viewer's own.
      subscribe: (_r, { since }, ctx) => {
        const viewer = requireViewer(ctx);
        return notifications.notificationEvents(
          ctx.deps,
          viewer,
          (topic) => ctx.pubsub.subscribe(topic),
          since,
        );
      },
      resolve: (payload: NotificationEventPayload & { at: Date }) => payload,
    },
  },
  NotificationEvent: {
    __resolveType: (event) => event.__typename,
  },
  Notification: {
    // Times in the text read in the zone the recipient has now, not the one they had when it was written.
    body: async (n, _a, ctx) => {
      // A message notification quotes its latest message as it is now: edited, or deleted.
      if (n.type === 'MESSAGE' && n.messageId) {
        const m = await ctx.loaders.message.load(n.messageId);
        if (!m) return n.body;
        const from = m.senderId ? await ctx.loaders.user.load(m.senderId) : null;
        return messageBody(n.count, from?.displayName ?? 'Someone', m.deletedAt ? null : (m.body ?? ''));
      }
      if (n.bodyParts == null) return n.body;
      const zone = (await ctx.loaders.user.load(n.recipientId))?.timeZone;
      return (zone && renderParts(n.bodyParts, zone)) ?? n.body;
    },
    fromUser: (n, _a, ctx) => (n.fromUserId ? ctx.loaders.user.load(n.fromUserId) : null),
  },
};
