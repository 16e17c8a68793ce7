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
    peer {
      id
      username
    }
  }
`);

/**
 * The conversation's title bar. `status` is a slot for live state other
 * features add under the title (presence, "typing…").
 */
export function ConversationHeader(props: {
  room: FragmentType<typeof ConversationHeaderFragment>;
  status?: ReactNode;
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
            ? `Group · ${room.memberCount} ${room.memberCount === 1 ? 'member' : 'members'}`
            : room.peer
              ? `@${room.peer.username}`
              : 'Direct message'}
        </p>
        {props.status}
      </div>
      {room.kind === 'GROUP' ? (
        <Link to={`/rooms/${room.id}/settings`} className="button">
          Group settings
        </Link>
      ) : room.peer ? (
        <Link to={`/meetings/new?with=${room.peer.id}&room=${room.id}`} className="button">
          Book a meeting
        </Link>
      ) : null}
    </header>
  );
}
