import type { ApolloCache } from '@apollo/client';
import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { useEffect, useState } from 'react';
import type { NotificationsPageQuery as NotificationsPageData } from '../../gql/graphql.ts';
import { graphql } from '../../gql/index.ts';
import { formErrors } from '../../ui/forms.ts';
import { LoadError } from '../../ui/LoadError.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { NotificationItem } from './NotificationItem.tsx';
import { applyNotificationsRead, UnreadNotificationCountQuery } from './notifications.cache.ts';

/** Page size of the list; "Show older" fetches the next page after `endCursor`. */
export const NOTIFICATIONS_PAGE_SIZE = 20;

export const NotificationsPageQuery = graphql(`
  query NotificationsPage($first: Int!, $after: String) {
    notifications(first: $first, after: $after) {
      edges {
        cursor
        node {
          id
          ...NotificationItem_notification
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

type ListNode = NotificationsPageData['notifications']['edges'][number]['node'];

/** Rewrites the cached first page of the list (nothing when it is not cached; `undefined` from `edit`: no change). */
function updateFirstPage(
  cache: ApolloCache,
  edit: (list: NotificationsPageData) => NotificationsPageData | undefined,
): void {
  cache.updateQuery(
    { query: NotificationsPageQuery, variables: { first: NOTIFICATIONS_PAGE_SIZE } },
    (list) => (list ? edit(list) : undefined),
  );
}

/** Notifications that arrived live lately (newest last), kept to re-apply after a fetch of the list. */
const liveAdded: { node: ListNode; at: number }[] = [];
const LIVE_KEEP_MS = 60_000;

/**
 * Puts a live notification at the top of the cached first page. A fetch of
 * the list that was already on its way when it arrived would bring the list
 * back without it (or the list is not cached yet): so live additions are
 * remembered for a minute and re-applied whenever the list arrives
 * (`reapplyLiveNotifications`). One the list already holds keeps its place
 * and its newer state.
 */
export function addLiveNotification(cache: ApolloCache, node: ListNode): void {
  const now = Date.now();
  while (liveAdded.length > 0 && (liveAdded[0] as { at: number }).at < now - LIVE_KEEP_MS) liveAdded.shift();
  liveAdded.push({ node, at: now });
  updateFirstPage(cache, (list) => {
    const rest = list.notifications.edges.filter((e) => e.node.id !== node.id);
    const existing = list.notifications.edges.find((e) => e.node.id === node.id);
    const edge = { __typename: 'NotificationEdge' as const, cursor: existing?.cursor ?? '', node };
    return { ...list, notifications: { ...list.notifications, edges: [edge, ...rest] } };
  });
}

/** Re-applies recent live additions the cached first page lacks (after it was fetched). */
function reapplyLiveNotifications(cache: ApolloCache): void {
  const since = Date.now() - LIVE_KEEP_MS;
  updateFirstPage(cache, (list) => {
    const have = new Set(list.notifications.edges.map((e) => e.node.id));
    const missing = liveAdded.filter((l) => l.at >= since && !have.has(l.node.id)).reverse();
    if (missing.length === 0) return undefined;
    const edges = missing.map(({ node }) => ({
      __typename: 'NotificationEdge' as const,
      cursor: '',
      node,
    }));
    return {
      ...list,
      notifications: { ...list.notifications, edges: [...edges, ...list.notifications.edges] },
    };
  });
}

const MarkNotificationsReadMutation = graphql(`
  mutation MarkNotificationsRead($ids: [ID!]!) {
    markNotificationsRead(ids: $ids) {
      ids
      unreadCount
    }
  }
`);

const MarkAllNotificationsReadMutation = graphql(`
  mutation MarkAllNotificationsRead {
    markAllNotificationsRead {
      ids
      unreadCount
    }
  }
`);

export function NotificationsPage() {
  const { data, error, loading, refetch, fetchMore } = useQuery(NotificationsPageQuery, {
    variables: { first: NOTIFICATIONS_PAGE_SIZE },
    fetchPolicy: 'cache-and-network',
  });
  const { data: count } = useQuery(UnreadNotificationCountQuery);
  const client = useApolloClient();
  // A notification that arrived while the list was being fetched is not in what the fetch brought.
  useEffect(() => {
    if (data) reapplyLiveNotifications(client.cache);
  }, [data, client]);
  const [status, setStatus] = useState<{ message: string; error?: boolean }>({ message: '' });
  const [loadingMore, setLoadingMore] = useState(false);
  const [markRead] = useMutation(MarkNotificationsReadMutation, {
    update: (cache, { data }) => data && applyNotificationsRead(cache, data.markNotificationsRead),
  });
  const [markAll, { loading: markingAll }] = useMutation(MarkAllNotificationsReadMutation, {
    update: (cache, { data }) => data && applyNotificationsRead(cache, data.markAllNotificationsRead),
  });

  const connection = data?.notifications;
  const unread = count?.unreadNotificationCount ?? 0;

  function open(id: string) {
    markRead({ variables: { ids: [id] } }).catch(() => {
      // Opening still works; the notification stays unread and can be opened again.
    });
  }

  async function markAllRead() {
    try {
      const result = await markAll();
      const n = result.data?.markAllNotificationsRead.ids.length ?? 0;
      setStatus({ message: n === 1 ? '1 notification marked read' : `${n} notifications marked read` });
    } catch (err) {
      setStatus({ message: formErrors(err, []).form ?? 'Could not mark read', error: true });
    }
  }

  async function showOlder() {
    if (!connection?.pageInfo.endCursor) return;
    setLoadingMore(true);
    try {
      await fetchMore({
        variables: { after: connection.pageInfo.endCursor },
        updateQuery: (previous, { fetchMoreResult }) => {
          const seen = new Set(previous.notifications.edges.map((e) => e.node.id));
          return {
            notifications: {
              ...fetchMoreResult.notifications,
              edges: [
                ...previous.notifications.edges,
                ...fetchMoreResult.notifications.edges.filter((e) => !seen.has(e.node.id)),
              ],
            },
          };
        },
      });
    } catch (err) {
      setStatus({ message: formErrors(err, []).form ?? 'Could not load more', error: true });
    } finally {
      setLoadingMore(false);
    }
  }

  return (
    <div className="page">
      <div className="page-header">
        <PageHeading title="Notifications" />
        <button
          type="button"
          className="button"
          onClick={() => void markAllRead()}
          disabled={markingAll || unread === 0}
        >
          Mark all read
        </button>
      </div>
      <p className="muted" data-testid="unread-summary">
        {unread === 0 ? 'You are all caught up.' : unread === 1 ? '1 unread' : `${unread} unread`}
      </p>
      <p role="status" className={status.error ? 'status status-error' : 'status'}>
        {status.message}
      </p>
      {connection ? (
        connection.edges.length === 0 ? (
          <p className="card muted">No notifications yet.</p>
        ) : (
          <>
            <ul className="notification-list" aria-label="Notifications">
              {connection.edges.map((edge) => (
                <NotificationItem key={edge.node.id} notification={edge.node} onOpen={open} />
              ))}
            </ul>
            {connection.pageInfo.hasNextPage ? (
              <button
                type="button"
                className="button"
                onClick={() => void showOlder()}
                disabled={loadingMore}
              >
                {loadingMore ? 'Loading…' : 'Show older'}
              </button>
            ) : null}
          </>
        )
      ) : error ? (
        <LoadError what="Your notifications" retry={refetch} />
      ) : loading ? (
        <p role="status">Loading…</p>
      ) : null}
    </div>
  );
}
