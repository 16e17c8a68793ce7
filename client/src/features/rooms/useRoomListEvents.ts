import { useApolloClient } from '@apollo/client/react';
import { useEffect, useRef } from 'react';
import { useConnectionStatus } from '../../apollo/ServicesProvider.tsx';
import { getFragmentData, graphql } from '../../gql/index.ts';
import { RoomTypingEventFragment } from '../live/documents.ts';
import { applyPresenceEvent } from '../live/presence.cache.ts';
import { clearRoomTyping, publishRoomTyping } from '../live/typing.ts';
import { publishRoomUpdated } from './room-updates.ts';
import { RoomListQuery } from './roomListQuery.ts';

/**
 * RoomUpdated carries the room as the viewer sees it now; written to the
 * cache under Room:<id>, it updates every component showing that room (the
 * list row, the conversation header). The fields below are what those read.
 */
const RoomListEventsSubscription = graphql(`
  subscription RoomListEvents($since: DateTime) {
    myEvents(since: $since) {
      __typename
      ... on RoomUpdated {
        room {
          id
          lastActivityAt
          lastSeq
          lastReadSeq
          memberCount
          ...RoomListItem_room
          ...ConversationHeader_room
        }
      }
      ... on RoomRemoved {
        roomId
      }
      ...PresenceEvent
      ...RoomTypingEvent
      ...UserUpdatedEvent
    }
  }
`);

/** myEvents that need nothing from the room list (RoomUpdated is applied by the cache). */
const NOT_ABOUT_ROOMS = new Set([
  'RoomUpdated',
  'FriendRequestReceived',
  'ContactsChanged',
  'PresenceChanged',
  'RoomTyping',
  'UserUpdated',
]);

/** Removes a room from the cached list (left, removed). */
export function dropRoomFromList(client: ReturnType<typeof useApolloClient>, roomId: string) {
  client.cache.updateQuery({ query: RoomListQuery }, (data) =>
    data
      ? { ...data, rooms: { ...data.rooms, edges: data.rooms.edges.filter((e) => e.node.id !== roomId) } }
      : data,
  );
}

/**
 * Keeps the room list live: updates arrive through the cache; a room we do
 * not list yet (new DM, added to a group) refetches the list; a removed room
 * is dropped. The stream starts once the list is loaded, from the list's
 * `asOf`, so what changed between reading the list and going live is
 * replayed. After a reconnect the list is refetched (events were missed).
 * RoomTyping feeds the "typing…" previews (typing.ts), which are forgotten
 * while the stream is down (typing is not replayed). UserUpdated (someone's
 * new name or picture) needs nothing here: the cache writes it to User:<id>.
 */
export function useRoomListEvents(
  refetch: () => void,
  knows: (roomId: string) => boolean,
  asOf: string | undefined,
) {
  const client = useApolloClient();
  const status = useConnectionStatus();
  const live = status === 'connected';
  const loaded = asOf !== undefined;
  const wasLive = useRef(false);
  const latest = useRef({ refetch, knows, asOf });
  latest.current = { refetch, knows, asOf };

  useEffect(() => {
    if (!live || !loaded) return;
    const since = wasLive.current ? undefined : latest.current.asOf;
    if (wasLive.current) latest.current.refetch();
    wasLive.current = true;
    const sub = client
      .subscribe({ query: RoomListEventsSubscription, variables: since ? { since } : {} })
      .subscribe({
        next: ({ data }) => {
          const event = data?.myEvents;
          if (!event) return;
          if (event.__typename === 'RoomUpdated') {
            if (!latest.current.knows(event.room.id)) latest.current.refetch();
            publishRoomUpdated(event.room.id);
          }
          if (event.__typename === 'PresenceChanged') applyPresenceEvent(client.cache, event);
          if (event.__typename === 'RoomTyping') {
            const typing = getFragmentData(RoomTypingEventFragment, event);
            if (typing.__typename === 'RoomTyping') publishRoomTyping(typing.roomId, typing.typingUsers);
          }
          if (event.__typename === 'RoomRemoved') {
            publishRoomTyping(event.roomId, []);
            dropRoomFromList(client, event.roomId);
          }
          // An event this client cannot apply (e.g. a resync request): refetch the list.
          else if (!NOT_ABOUT_ROOMS.has(event.__typename)) latest.current.refetch();
        },
        error: () => {
          // The socket dropped; the connection status change resubscribes.
        },
      });
    return () => {
      sub.unsubscribe();
      clearRoomTyping(); // what this stream said about typing goes with it (not replayed)
    };
  }, [client, live, loaded]);
}
