import { Link } from 'react-router';
import type { NotificationType } from '../../gql/graphql.ts';
import { type FragmentType, getFragmentData, graphql } from '../../gql/index.ts';
import { relativeTime } from '../../ui/relative-time.ts';
import { dateTimeLabel } from '../conversation/time.ts';
import { useViewerTimeZone } from '../conversation/useViewerTimeZone.ts';

export const NotificationItemFragment = graphql(`
  fragment NotificationItem_notification on Notification {
    id
    type
    title
    body
    count
    roomId
    meetingId
    friendRequestId
    updatedAt
    readAt
    fromUser {
      id
      displayName
    }
  }
`);

const FRIEND_TYPES: ReadonlySet<NotificationType> = new Set(['FRIEND_REQUEST', 'FRIEND_ACCEPTED']);

/** Where a notification leads: its meeting, its room, or the contacts page. */
export function notificationTarget(n: {
  type: NotificationType;
  roomId?: string | null;
  meetingId?: string | null;
}): string | undefined {
  // A meeting arranged in a chat carries its roomId too: the meeting is what it is about.
  if (n.meetingId) return `/meetings/${n.meetingId}`;
  if (n.roomId) return `/rooms/${n.roomId}`;
  if (FRIEND_TYPES.has(n.type)) return '/contacts';
  return undefined;
}

/**
 * One notification: a link to what it is about (marking it read on the way),
 * unread ones in bold with a dot. Without a target it is a "Mark read" button.
 */
export function NotificationItem(props: {
  notification: FragmentType<typeof NotificationItemFragment>;
  onOpen: (id: string) => void;
}) {
  const n = getFragmentData(NotificationItemFragment, props.notification);
  const timeZone = useViewerTimeZone();
  const unread = n.readAt == null;
  const target = notificationTarget(n);
  const content = (
    <>
      <span className="notification-title">{n.title}</span>
      <span className="notification-body">{n.body}</span>
      <time
        className="notification-time muted"
        dateTime={n.updatedAt}
        title={dateTimeLabel(n.updatedAt, timeZone)}
      >
        {relativeTime(n.updatedAt)}
      </time>
    </>
  );
  return (
    <li className={unread ? 'notification unread' : 'notification'} data-unread={unread}>
      <span className="unread-dot" aria-hidden={!unread}>
        {unread ? <span className="visually-hidden">Unread</span> : null}
      </span>
      {target ? (
        <Link to={target} className="notification-link" onClick={() => unread && props.onOpen(n.id)}>
          {content}
        </Link>
      ) : (
        <div className="notification-link">
          {content}
          {unread ? (
            <button type="button" className="button subtle" onClick={() => props.onOpen(n.id)}>
              Mark read
            </button>
          ) : null}
        </div>
      )}
    </li>
  );
}
