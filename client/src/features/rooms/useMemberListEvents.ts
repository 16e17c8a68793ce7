import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { useApolloClient } from '@apollo/client/react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useConnectionStatus } from '../../apollo/ServicesProvider.tsx';
import { graphql } from '../../gql/index.ts';
import { onRoomUpdated } from './room-updates.ts';

/**
 * What a member list needs from the room's stream: which changes touch the
 * members. Every membership change (joined, left, role changed) is recorded
 * as a SYSTEM message with its own `seq`, announced live by its own event and
 * replayed, on resume, as that MessageCreated.
 */
const MemberListEventsSubscription = graphql(`
  subscription MemberListEvents($roomId: ID!, $afterSeq: Int) {
    roomEvents(roomId: $roomId, afterSeq: $afterSeq, reading: false) {
      __typename
      ... on MessageCreated {
        message {
          kind
        }
      }
      ... on MemberLeft {
        user {
          id
          isMe
        }
      }
    }
  }
`);

function errorCode(err: unknown): string | undefined {
  if (!CombinedGraphQLErrors.is(err)) return undefined;
  const code = err.errors[0]?.extensions?.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * Keeps a room's member list current while the caller is mounted, for
 * changes made by anyone: `reload` reads the list from the server (into the
 * cache) and returns the room's `lastSeq` read with it; the room's
 * `roomEvents` stream is then followed from that seq, so a change committed
 * between the read and the subscription is replayed, not missed. Each
 * membership change reloads the list (one reload at a time: Apollo
 * deduplicates identical in-flight queries, so a reload asked for during
 * another would get that older answer). After a reconnect, it reads afresh
 * and follows from there.
 *
 * Returns true once the viewer left or was removed (their stream ends with
 * their own MemberLeft; a FORBIDDEN or NOT_FOUND answer means the same), until
 * the room shows up again in their `myEvents` (added back).
 *
 * The stream is not a reading one (`reading: false`): unlike the open
 * conversation, the settings page does not stop the room's notifications.
 */
export function useMemberListEvents(roomId: string, reload: () => Promise<number | undefined>): boolean {
  const client = useApolloClient();
  const live = useConnectionStatus() === 'connected';
  const [left, setLeft] = useState(false);
  const [generation, setGeneration] = useState(0);
  const latest = useRef(reload);
  latest.current = reload;
  const reloading = useRef<{ running: boolean; again: boolean }>({ running: false, again: false });

  const refresh = useCallback(() => {
    const state = reloading.current;
    if (state.running) {
      state.again = true;
      return;
    }
    state.running = true;
    void (async () => {
      try {
        do {
          state.again = false;
          // A failed reload leaves the list as it was; the next change or reconnect reads it again.
          await latest.current().catch(() => undefined);
        } while (state.again);
      } finally {
        state.running = false;
      }
    })();
  }, []);

  // Added back after being removed: follow the room again.
  useEffect(() => (left ? onRoomUpdated(roomId, () => setLeft(false)) : undefined), [left, roomId]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `generation` forces a resubscription.
  useEffect(() => {
    if (!live || left) return;
    let stopped = false;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let sub: { unsubscribe(): void } | undefined;
    const onError = (err: unknown) => {
      if (stopped) return;
      const code = errorCode(err);
      if (code === 'FORBIDDEN' || code === 'NOT_FOUND') setLeft(true);
      // Anything else while the socket stays up: try again shortly (a drop resubscribes by itself).
      else retry = setTimeout(() => setGeneration((g) => g + 1), 3_000);
    };
    latest.current().then((afterSeq) => {
      if (stopped) return;
      sub = client
        .subscribe({ query: MemberListEventsSubscription, variables: { roomId, afterSeq } })
        .subscribe({
          next: ({ data, error }) => {
            if (error) return onError(error);
            const event = data?.roomEvents;
            if (!event) return;
            switch (event.__typename) {
              case 'MemberLeft':
                if (event.user.isMe) setLeft(true);
                else refresh();
                break;
              case 'MessageCreated':
                // Replayed changes come as the system messages recording them.
                if (event.message.kind === 'SYSTEM') refresh();
                break;
              case 'MemberJoined':
              case 'MemberRoleChanged':
              case 'ResyncRequired': // too far behind for a replay: the list as it is now will do
                refresh();
                break;
            }
          },
          error: onError,
        });
    }, onError);
    return () => {
      stopped = true;
      clearTimeout(retry);
      sub?.unsubscribe();
    };
  }, [client, roomId, live, left, generation, refresh]);

  return left;
}
