import { useApolloClient, useSubscription } from '@apollo/client/react';
import { useEffect, useRef } from 'react';
import { useConnectionStatus } from '../../apollo/ServicesProvider.tsx';
import { graphql } from '../../gql/index.ts';
import { CONTACT_QUERIES } from './useContactActions.ts';

const ContactEventsSubscription = graphql(`
  subscription ContactEvents {
    myEvents {
      __typename
      ... on FriendRequestReceived {
        request {
          id
          from {
            id
            contactStatus
          }
        }
      }
      ... on ContactsChanged {
        user {
          id
          contactStatus
          blockedByMe
        }
      }
    }
  }
`);

/**
 * Live relationship changes while the contacts page (or the sidebar's
 * Contacts tab) is open: a request
 * arrives, someone accepts ours, cancels theirs or removes us. The changed
 * user is normalized into the cache by the subscription result itself; the
 * lists are refetched because membership in them changed. Room events on the
 * same stream are ignored here. After a reconnect the lists are refetched,
 * since events sent while the socket was down are not replayed.
 */
export function useContactEvents(): void {
  const client = useApolloClient();
  const connection = useConnectionStatus();
  const wasDown = useRef(false);
  const refetching = useRef<{ running: boolean; again: boolean }>({ running: false, again: false });

  /**
   * Refetches the lists, one request at a time: Apollo deduplicates identical
   * in-flight queries, so a refetch asked for during another would get that
   * older answer (from before the latest change). Ask again once it is back.
   */
  function refetch() {
    const state = refetching.current;
    if (state.running) {
      state.again = true;
      return;
    }
    state.running = true;
    void client
      .refetchQueries({ include: CONTACT_QUERIES })
      .catch(() => {})
      .finally(() => {
        state.running = false;
        if (state.again) {
          state.again = false;
          refetch();
        }
      });
  }

  useEffect(() => {
    if (connection === 'reconnecting') wasDown.current = true;
    else if (connection === 'connected' && wasDown.current) {
      wasDown.current = false;
      refetch();
    }
  });
  useSubscription(ContactEventsSubscription, {
    ignoreResults: true,
    onData: ({ data: { data } }) => {
      const type = data?.myEvents.__typename;
      if (type === 'FriendRequestReceived' || type === 'ContactsChanged') refetch();
    },
  });
}
