import type { ReactNode } from 'react';
import { NavLink } from 'react-router';
import type { RoomListItem_RoomFragment } from '../../gql/graphql.ts';
import { type FragmentType, getFragmentData, graphql } from '../../gql/index.ts';
import { Avatar } from '../attachments/Avatar.tsx';
import { attachmentsPreview } from '../attachments/format.ts';
import { shortLabel } from '../conversation/time.ts';

export const RoomListItemFragment = graphql(`
  fragment RoomListItem_room on Room {
    id
    kind
    title
    avatarUrl
    unreadCount
    lastActivityAt
    lastMessage {
      id
      kind
      body
      deletedAt
      attachments {
        id
        name
        isImage
      }
      sender {
        id
        displayName
        isMe
      }
    }
  }
`);

/** The last message in one line; the author is named in groups ("You" for the viewer anywhere). */
function preview(room: RoomListItem_RoomFragment): string {
  const message = room.lastMessage;
  if (!message) return 'No messages yet';
  if (message.deletedAt) return 'Message deleted';
  const body = (message.body ?? '').replace(/\s+/g, ' ').trim() || attachmentsPreview(message.attachments);
  if (message.kind === 'SYSTEM' || !message.sender) return body;
  if (message.sender.isMe) return `You: ${body}`;
  return room.kind === 'GROUP' ? `${message.sender.displayName}: ${body}` : body;
}

/**
 * One row of the room list: title, last message preview, time and unread
 * badge. `extra` is a slot for live decorations other features add (online
 * dot, "typing…").
 */
export function RoomListItem(props: {
  room: FragmentType<typeof RoomListItemFragment>;
  timeZone: string;
  extra?: ReactNode;
  /** Shown instead of the last message preview while set (e.g. "typing…"). */
  status?: ReactNode;
}) {
  const room = getFragmentData(RoomListItemFragment, props.room);
  const unread = room.unreadCount;
  return (
    <li className="room-item" data-room-id={room.id} data-unread={unread}>
      <NavLink to={`/rooms/${room.id}`} className="room-link">
        <Avatar name={room.title} url={room.avatarUrl} fallback={room.kind === 'GROUP' ? '#' : undefined} />
        <span className="room-text">
          <span className="room-top">
            <span className="room-title">{room.title}</span>
            <time className="room-time" dateTime={room.lastActivityAt}>
              {shortLabel(room.lastActivityAt, props.timeZone)}
            </time>
          </span>
          <span className="room-bottom">
            <span className="room-preview">{props.status ?? preview(room)}</span>
            {unread > 0 ? (
              <span className="unread-badge" data-testid="unread-badge">
                {unread > 99 ? '99+' : unread}
                <span className="visually-hidden"> unread</span>
              </span>
            ) : null}
          </span>
          {props.extra}
        </span>
      </NavLink>
    </li>
  );
}
