import { InMemoryCache } from '@apollo/client';
import introspection from '../gql/possible-types.ts';

/**
 * The subscription fields (see `type Subscription` in schema.graphql). Each
 * delivers one event at a time, a union member that is not normalized (events
 * have no id), so the cache keeps only the latest under `Subscription.<field>`.
 * Several components subscribe to the same field with different selections
 * (the room list, contacts and presence all listen to `myEvents`), and each
 * event replaces the previous one: `merge: false` says that replacing is
 * intended, which is what the event handlers expect, and keeps Apollo from
 * warning "Cache data may be lost when replacing the myEvents field". The
 * objects the events carry (rooms, messages, users) are normalized by id and
 * merged as usual.
 */
export const SUBSCRIPTION_FIELDS = ['roomEvents', 'myEvents', 'notificationEvents', 'meetingEvents'] as const;

/**
 * The app's Apollo cache: union members from codegen, and field policies for
 * the fields whose value is not normalized and is replaced on purpose (each
 * `merge: false` keeps the incoming value, without a data-loss warning):
 * - the subscription fields above;
 * - `Query.messages`: pages of history, always fetched network-only and kept
 *   by the conversation itself (useConversation's reducer), so the cache only
 *   holds the latest answer per arguments (the history page and the live
 *   refresh ask for different fields of the same page);
 * - `Room.members`: the server's full member list (RoomMember has no id),
 *   which shrinks when someone leaves or is removed.
 * The browser tests fail on any "Cache data may be lost" warning.
 */
export function createCache(): InMemoryCache {
  return new InMemoryCache({
    possibleTypes: introspection.possibleTypes,
    typePolicies: {
      Subscription: {
        fields: Object.fromEntries(SUBSCRIPTION_FIELDS.map((field) => [field, { merge: false }])),
      },
      Query: { fields: { messages: { merge: false } } },
      Room: { fields: { members: { merge: false } } },
    },
  });
}
