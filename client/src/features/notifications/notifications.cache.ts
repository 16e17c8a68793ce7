import type { ApolloCache } from '@apollo/client';
import { graphql } from '../../gql/index.ts';

/** The badge's number; the notificationEvents stream keeps it current in the cache. */
export const UnreadNotificationCountQuery = graphql(`
  query UnreadNotificationCount {
    unreadNotificationCount
  }
`);

export function writeUnreadCount(cache: ApolloCache, unreadCount: number): void {
  cache.writeQuery({ query: UnreadNotificationCountQuery, data: { unreadNotificationCount: unreadCount } });
}

/**
 * Applies a NotificationsRead change (from the stream, or from our own
 * mark-read mutations): those notifications get a `readAt`, the badge its new
 * count. Notifications not in the cache are skipped.
 */
export function applyNotificationsRead(
  cache: ApolloCache,
  change: { ids: readonly string[]; unreadCount: number },
): void {
  const now = new Date().toISOString();
  for (const id of change.ids) {
    const cacheId = cache.identify({ __typename: 'Notification', id });
    if (!cacheId) continue;
    cache.modify({
      id: cacheId,
      fields: { readAt: (value: unknown) => value ?? now },
      broadcast: true,
    });
  }
  writeUnreadCount(cache, change.unreadCount);
}
