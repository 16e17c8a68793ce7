import { useApolloClient, useSubscription } from '@apollo/client/react';
import { useRef } from 'react';
import { useCatchUpWhenLive } from '../../apollo/ServicesProvider.tsx';
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
 * a meeting between them. Events sent before the stream was live are not
 * replayed: each time the socket comes up (the first time included) the
 * lists and the open meeting are refetched.
 */
export function useMeetingEvents(onEvent?: (action: MeetingAction, meetingId: string) => void): void {
  const client = useApolloClient();
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

  useCatchUpWhenLive(() => refetch([...MEETING_LIST_QUERIES, 'MeetingPage']));
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
