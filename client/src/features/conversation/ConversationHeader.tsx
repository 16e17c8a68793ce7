import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { type FragmentType, getFragmentData, graphql } from '../../gql/index.ts';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { Avatar } from '../attachments/Avatar.tsx';

export const ConversationHeaderFragment = graphql(`
  fragment ConversationHeader_room on Room {
    id
    kind
    title
    avatarUrl
    memberCount
    myRole
    peer {
      id
      username
    }
  }
`);

/**
 * A header action's 24 × 24 icon, decorative: the action shows its text on wide
 * screens; on narrow ones only the icon (the text stays as the link's
 * accessible name, visually hidden), so the title keeps the row. See
 * .header-action in chat.css.
 */
function HeaderIcon({ path }: { path: string }) {
  return (
    <svg
      className="header-action-icon"
      viewBox="0 0 24 24"
      width="20"
      height="20"
      aria-hidden="true"
      focusable="false"
    >
      <path fill="currentColor" d={path} />
    </svg>
  );
}

const CALENDAR_PATH =
  'M7 2a1 1 0 0 1 1 1v1h8V3a1 1 0 1 1 2 0v1h1a3 3 0 0 1 3 3v12a3 3 0 0 1-3 3H5a3 3 0 0 1-3-3V7a3 3 0 0 1 3-3h1V3a1 1 0 0 1 1-1Zm13 8H4v9a1 1 0 0 0 1 1h14a1 1 0 0 0 1-1v-9ZM8 12a1 1 0 1 1 0 2 1 1 0 0 1 0-2Zm4 0a1 1 0 1 1 0 2 1 1 0 0 1 0-2Zm4 0a1 1 0 1 1 0 2 1 1 0 0 1 0-2Z';
const SETTINGS_PATH =
  'M10.3 2h3.4l.5 2.6a8 8 0 0 1 1.9 1.1l2.5-.9 1.7 2.9-2 1.7a8 8 0 0 1 0 2.2l2 1.7-1.7 2.9-2.5-.9a8 8 0 0 1-1.9 1.1l-.5 2.6h-3.4l-.5-2.6a8 8 0 0 1-1.9-1.1l-2.5.9-1.7-2.9 2-1.7a8 8 0 0 1 0-2.2l-2-1.7 1.7-2.9 2.5.9a8 8 0 0 1 1.9-1.1L10.3 2ZM12 9a3 3 0 1 0 0 6 3 3 0 0 0 0-6Z';

/**
 * The conversation's title bar. `status` is a slot for live state other
 * features add under the title (presence, "typing…").
 */
export function ConversationHeader(props: {
  room: FragmentType<typeof ConversationHeaderFragment>;
  status?: ReactNode;
  /** The viewer is no longer a member (left or removed): no member count or settings of theirs to show. */
  left?: boolean;
}) {
  const room = getFragmentData(ConversationHeaderFragment, props.room);
  return (
    <header className="conversation-header">
      <Avatar
        name={room.title}
        url={room.avatarUrl}
        fallback={room.kind === 'GROUP' ? '#' : undefined}
        size="large"
      />
      <div className="conversation-title">
        <PageHeading title={room.title} />
        <p className="muted conversation-subtitle">
          {room.kind === 'GROUP'
            ? props.left
              ? 'Group · you are no longer a member'
              : `Group · ${room.memberCount} ${room.memberCount === 1 ? 'member' : 'members'}`
            : room.peer
              ? `@${room.peer.username}`
              : 'Direct message'}
        </p>
        {props.status}
      </div>
      {room.kind === 'GROUP' ? (
        props.left ? null : (
          <Link to={`/rooms/${room.id}/settings`} className="button header-action" title="Group settings">
            <HeaderIcon path={SETTINGS_PATH} />
            <span className="header-action-text">Group settings</span>
          </Link>
        )
      ) : room.peer ? (
        <Link
          to={`/meetings/new?with=${room.peer.id}&room=${room.id}`}
          className="button header-action"
          title="Book a meeting"
        >
          <HeaderIcon path={CALENDAR_PATH} />
          <span className="header-action-text">Book a meeting</span>
        </Link>
      ) : null}
    </header>
  );
}
