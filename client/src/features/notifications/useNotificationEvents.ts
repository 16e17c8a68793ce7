import { useApolloClient, useSubscription } from '@apollo/client/react';
import { graphql } from '../../gql/index.ts';
import { addLiveNotification } from './NotificationsPage.tsx';
import { applyNotificationsRead, writeUnreadCount } from './notifications.cache.ts';

const NotificationEventsSubscription = graphql(`
  subscription NotificationEvents {
    notificationEvents {
      __typename
      ... on NotificationAdded {
        unreadCount
        notification {
          id
          ...NotificationItem_notification
        }
      }
      ... on NotificationsRead {
        ids
        unreadCount
      }
    }
  }
`);

/**
 * Keeps the viewer's notifications live on this device: the unread count
 * (every event carries it), new or bumped notifications at the top of the
 * list, and reads made on any device. The server's first event after each
 * (re)connect is a NotificationsRead without ids: it syncs the badge, and
 * an open list is refetched for whatever came before the stream was live
 * (while offline, or, on the first connection, after the list was read).
 * Mount once, in the shell.
 */
export function useNotificationEvents(): void {
  const client = useApolloClient();
  useSubscription(NotificationEventsSubscription, {
    ignoreResults: true,
    onData: ({ data: { data } }) => {
      const event = data?.notificationEvents;
      if (!event) return;
      const { cache } = client;
      if (event.__typename === 'NotificationAdded') {
        addLiveNotification(cache, event.notification);
        writeUnreadCount(cache, event.unreadCount);
      } else if (event.__typename === 'NotificationsRead') {
        applyNotificationsRead(cache, event);
        // A (re)connect: the stream is live from here; an open list catches up on what came before.
        if (event.ids.length === 0) void client.refetchQueries({ include: ['NotificationsPage'] });
      }
    },
  });
}
