import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { UnreadNotificationCountQuery } from './notifications.cache.ts';
import { useNotificationEvents } from './useNotificationEvents.ts';

/**
 * The bell in the shell's header with the live unread count. It owns the
 * notification stream (see useNotificationEvents), so the count stays in sync
 * on every page and across devices.
 */
export function NotificationBell() {
  useNotificationEvents();
  const { data } = useQuery(UnreadNotificationCountQuery);
  const count = data?.unreadNotificationCount ?? 0;
  const label = count === 0 ? 'Notifications, none unread' : `Notifications, ${count} unread`;
  return (
    <Link to="/notifications" className="bell" aria-label={label} data-testid="notification-bell">
      <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
        <path
          fill="currentColor"
          d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
        />
      </svg>
      {count > 0 ? (
        <span className="badge" aria-hidden="true" data-testid="unread-count">
          {count > 99 ? '99+' : count}
        </span>
      ) : null}
    </Link>
  );
}
