import { useApolloClient, useSubscription } from '@apollo/client/react';
import { useEffect, useRef } from 'react';
import { useConnectionStatus } from '../../apollo/ServicesProvider.tsx';
import type { MeetingAction } from '../../gql/graphql.ts';
import { graphql } from '../../gql/index.ts';

const MeetingEventsSubscription = graphql(`
  subscription MeetingEvents {
    meetingEvents {
      action
      meeting {
        id
        ...MeetingCard_meeting
        ...MeetingDetails_meeting
      }
    }
  }
`);

/** The queries whose lists depend on meetings' states. */
export const MEETING_LIST_QUERIES = ['MeetingsPage', 'PastMeetings'];

/**
 * Keeps meetings live while a meetings page is open. The changed meeting is
 * normalized into the cache by the subscription result itself (so an open
 * meeting re-renders); the lists are refetched since a change of state moves
 * a meeting between them. Events missed while the socket was down are not
 * replayed: after a reconnect the lists and the open meeting are refetched.
 */
export function useMeetingEvents(onEvent?: (action: MeetingAction, meetingId: string) => void): void {
  const client = useApolloClient();
  const connection = useConnectionStatus();
  const wasDown = useRef(false);
  const onEventRef = useRef(onEvent);
  onEventRef.current = onEvent;
  const refetching = useRef<{ running: boolean; again: boolean }>({ running: false, again: false });

  /**
   * One refetch at a time: Apollo deduplicates identical in-flight queries, so
   * a refetch asked for during another would get that older answer (from
   * before the latest change). Ask again once it is back.
   */
  function refetch(include: string[]) {
    const state = refetching.current;
    if (state.running) {
      state.again = true;
      return;
    }
    state.running = true;
    void client
      .refetchQueries({ include })
      .catch(() => {})
      .finally(() => {
        state.running = false;
        if (state.again) {
          state.again = false;
          refetch(MEETING_LIST_QUERIES);
        }
      });
  }

  useEffect(() => {
    if (connection === 'reconnecting') wasDown.current = true;
    else if (connection === 'connected' && wasDown.current) {
      wasDown.current = false;
      refetch([...MEETING_LIST_QUERIES, 'MeetingPage']);
    }
  });
  useSubscription(MeetingEventsSubscription, {
    ignoreResults: true,
    onData: ({ data: { data } }) => {
      const event = data?.meetingEvents;
      if (!event) return;
      refetch(MEETING_LIST_QUERIES);
      onEventRef.current?.(event.action, event.meeting.id);
    },
  });
}
