import { useQuery } from '@apollo/client/react';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { PresenceDot } from '../live/PeerPresence.tsx';
import { useTypingRooms } from '../live/typing.ts';
import { RoomListItem } from './RoomListItem.tsx';
import { RoomListQuery } from './roomListQuery.ts';
import { useRoomListEvents } from './useRoomListEvents.ts';

/**
 * The sidebar's conversations, most recent activity first, live. The first
 * page holds 100 rooms; "Show more conversations" appends the next page
 * after the last one loaded. A refetch (reconnect, a room not loaded yet)
 * starts again from the first page. A room that moved between pages while
 * they loaded is listed once.
 */
export function RoomList() {
  const { data, error, refetch, fetchMore } = useQuery(RoomListQuery);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreFailed, setMoreFailed] = useState(false);
  const edges = data?.rooms.edges;
  const rooms = useMemo(() => {
    const byId = new Map((edges ?? []).map((e) => [e.node.id, e.node]));
    return [...byId.values()].sort((a, b) => Date.parse(b.lastActivityAt) - Date.parse(a.lastActivityAt));
  }, [edges]);
  const known = useMemo(() => new Set(rooms.map((r) => r.id)), [rooms]);
  const typingRooms = useTypingRooms();
  useRoomListEvents(
    () => void refetch().catch(() => {}),
    (id) => known.has(id),
    data?.rooms.asOf,
  );

  async function showMore() {
    const after = data?.rooms.pageInfo.endCursor;
    if (!after) return;
    setLoadingMore(true);
    setMoreFailed(false);
    try {
      await fetchMore({
        variables: { after },
        updateQuery: (previous, { fetchMoreResult }) => ({
          ...previous,
          rooms: {
            ...fetchMoreResult.rooms,
            edges: [...previous.rooms.edges, ...fetchMoreResult.rooms.edges],
          },
        }),
      });
    } catch {
      setMoreFailed(true);
    } finally {
      setLoadingMore(false);
    }
  }

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
        <>
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
          {moreFailed ? (
            <p className="status status-error" role="alert">
              More conversations could not be loaded.
            </p>
          ) : null}
          {data.rooms.pageInfo.hasNextPage ? (
            <button type="button" className="button" onClick={() => void showMore()} disabled={loadingMore}>
              {loadingMore ? 'Loading…' : 'Show more conversations'}
            </button>
          ) : null}
        </>
      )}
    </div>
  );
}
