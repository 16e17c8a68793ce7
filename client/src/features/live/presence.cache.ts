import type { ApolloCache } from '@apollo/client/cache';
import { type FragmentType, getFragmentData } from '../../gql/index.ts';
import { PresenceEventFragment, UserPresenceFragment } from './documents.ts';

/**
 * Applies a PresenceChanged from `myEvents` to User:<id> in the cache, so every
 * place showing that person (room list dot, conversation header) follows. The
 * event's own `online` / `lastSeenAt` are what the viewer may see.
 */
export function applyPresenceEvent(
  cache: ApolloCache,
  ref: FragmentType<typeof PresenceEventFragment>,
): void {
  const event = getFragmentData(PresenceEventFragment, ref);
  if (event.__typename !== 'PresenceChanged') return;
  // __typename is not in the generated types but the cache wants it.
  const data = {
    __typename: 'User',
    id: event.user.id,
    online: event.online,
    lastSeenAt: event.lastSeenAt ?? null,
  };
  cache.writeFragment({
    fragment: UserPresenceFragment,
    id: cache.identify({ __typename: 'User', id: event.user.id }),
    data,
  });
}
