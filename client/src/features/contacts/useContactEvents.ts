import { useApolloClient, useSubscription } from '@apollo/client/react';
import { useRef } from 'react';
import { useCatchUpWhenLive } from '../../apollo/ServicesProvider.tsx';
import { getFragmentData, graphql } from '../../gql/index.ts';
import { addFriendRequest, updateContactLists } from './contacts.cache.ts';
import { ContactListPersonFragment } from './contacts.operations.ts';
import { CONTACT_QUERIES, PAGED_LIST_QUERIES } from './useContactActions.ts';

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
          ...FriendRequestRow_request
        }
      }
      ... on ContactsChanged {
        user {
          id
          ...ContactListPerson_user
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
 * contact and request lists take or drop them in place (updateContactLists,
 * addFriendRequest), so pages loaded with "Show more" stay; the block list is
 * refetched. Room events on the same stream are ignored here. Each time the
 * socket comes up (the first time included) every list is refetched from its
 * first page, the paged ones too, since events sent before the stream was
 * live are not replayed.
 */
export function useContactEvents(): void {
  const client = useApolloClient();
  const refetching = useRef<{ running: boolean; again: Set<string> }>({ running: false, again: new Set() });

  /**
   * Refetches the lists, one request at a time: Apollo deduplicates identical
   * in-flight queries, so a refetch asked for during another would get that
   * older answer (from before the latest change). Ask again once it is back.
   */
  function refetch(include: readonly string[] = CONTACT_QUERIES) {
    const state = refetching.current;
    if (state.running) {
      for (const name of include) state.again.add(name);
      return;
    }
    state.running = true;
    void client
      .refetchQueries({ include: [...include] })
      .catch(() => {})
      .finally(() => {
        state.running = false;
        if (state.again.size > 0) {
          const next = [...state.again];
          state.again.clear();
          refetch(next);
        }
      });
  }

  useCatchUpWhenLive(() => refetch([...CONTACT_QUERIES, ...PAGED_LIST_QUERIES]));
  useSubscription(ContactEventsSubscription, {
    ignoreResults: true,
    onData: ({ data: { data } }) => {
      const event = data?.myEvents;
      if (event?.__typename === 'ContactsChanged') {
        updateContactLists(client.cache, getFragmentData(ContactListPersonFragment, event.user));
        refetch();
      } else if (event?.__typename === 'FriendRequestReceived') {
        addFriendRequest(client.cache, 'INCOMING', event.request.id);
      }
    },
  });
}
