import { useQuery } from '@apollo/client/react';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { PresenceDot } from '../live/PeerPresence.tsx';
import { useTypingRooms } from '../live/typing.ts';
import { RoomListItem } from './RoomListItem.tsx';
import { RoomListQuery } from './roomListQuery.ts';
import { useRoomListEvents } from './useRoomListEvents.ts';

/** The sidebar's conversations, most recent activity first, live. */
export function RoomList() {
  const { data, error, refetch } = useQuery(RoomListQuery);
  const edges = data?.rooms.edges;
  const rooms = useMemo(
    () =>
      [...(edges ?? [])]
        .map((e) => e.node)
        .sort((a, b) => Date.parse(b.lastActivityAt) - Date.parse(a.lastActivityAt)),
    [edges],
  );
  const known = useMemo(() => new Set(rooms.map((r) => r.id)), [rooms]);
  const typingRooms = useTypingRooms();
  useRoomListEvents(
    () => void refetch().catch(() => {}),
    (id) => known.has(id),
  );

  return (
    <div className="room-list-body">
      <Link to="/rooms/new" className="button primary new-chat">
        New chat
      </Link>
      {error && !data ? (
        <p className="status status-error">Your conversations could not be loaded.</p>
      ) : !data ? (
        <p className="muted">Loading…</p>
      ) : rooms.length === 0 ? (
        <p className="muted">No conversations yet. Start one with “New chat”.</p>
      ) : (
        <ul className="rooms" aria-label="Your conversations">
          {rooms.map((room) => (
            <RoomListItem
              key={room.id}
              room={room}
              timeZone={data.me.timeZone}
              extra={<PresenceDot room={room} />}
              status={
                typingRooms.get(room.id)?.length ? <span className="room-typing">typing…</span> : undefined
              }
            />
          ))}
        </ul>
      )}
    </div>
  );
}
