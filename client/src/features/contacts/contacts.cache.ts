import type { ApolloCache, Reference, StoreObject } from '@apollo/client';
import type { ContactStatus } from '../../gql/graphql.ts';

/** Which requests a `friendRequests` list holds (FriendRequestDirection). */
type RequestDirection = 'INCOMING' | 'OUTGOING';

/** Someone whose relationship with the viewer changed, as a mutation or a ContactsChanged event tells it. */
export interface ChangedPerson {
  id: string;
  contactStatus: ContactStatus;
  /** Needed to place a new contact; without it a new contact is left to the next fetch. */
  displayName?: string;
}

/** A connection (`Query.contacts`, `Query.friendRequests`) as the cache stores it (edges are not normalized; nodes are). */
interface StoredConnection {
  edges?: readonly (StoreObject & { node: Reference })[];
  pageInfo?: StoreObject;
}

type ReadField = <T>(field: string, from: StoreObject | Reference | undefined) => T | undefined;

/**
 * The arguments of a cached field, from its key: Apollo's default for a field
 * without `keyArgs`, e.g. `contacts({"first":50,...})`. `undefined` if unreadable.
 */
function fieldArgs(storeFieldName: string): Record<string, unknown> | undefined {
  const args = /^[^(]*\((.*)\)$/.exec(storeFieldName)?.[1];
  if (!args) return {};
  try {
    return JSON.parse(args) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

/**
 * Whether a cached `contacts` field holds search results (`contacts(query: ...)`):
 * a new contact may not match that search, so it is not added there.
 */
function isSearch(storeFieldName: string): boolean {
  const args = fieldArgs(storeFieldName);
  if (!args) return true; // unknown: leave it alone
  return typeof args.query === 'string' && args.query.trim() !== '';
}

/** Whether a loaded list is the whole list (a list without pageInfo cannot tell). */
function isComplete(connection: StoredConnection, readField: ReadField): boolean {
  return connection.pageInfo ? readField<boolean>('hasNextPage', connection.pageInfo) === false : false;
}

/** Which way a cached `friendRequests` field lists requests, from its key. */
function requestDirection(storeFieldName: string): RequestDirection | undefined {
  const direction = fieldArgs(storeFieldName)?.direction;
  return direction === 'INCOMING' || direction === 'OUTGOING' ? direction : undefined;
}

/** The other person of a request in a list of this direction: who sent it to the viewer, or who it went to. */
function otherParty(
  direction: RequestDirection,
  request: Reference,
  readField: ReadField,
): string | undefined {
  return readField<string>('id', readField<Reference>(direction === 'INCOMING' ? 'from' : 'to', request));
}

/** The status under which a request with someone is still pending, by the list's direction. */
const PENDING: Record<RequestDirection, ContactStatus> = {
  INCOMING: 'REQUEST_RECEIVED',
  OUTGOING: 'REQUEST_SENT',
};

/**
 * The server's order (contacts.repository listContacts): lower-cased display
 * name, then id. Compared character by character, as the database's C
 * collation does; under another collation a few names (punctuation, spaces)
 * sort differently, which only moves a new contact a little until the list is
 * next fetched (Show more skips anyone already listed).
 */
function before(a: { name: string; id: string }, b: { name: string; id: string }): boolean {
  const [x, y] = [a.name.toLowerCase(), b.name.toLowerCase()];
  return x < y || (x === y && a.id < b.id);
}

/**
 * Brings every cached list of the viewer's contacts (`Query.contacts`: the
 * contacts page with the pages it has loaded, the sidebar, pickers) and of
 * pending requests (`Query.friendRequests`) up to date with one person's new
 * relationship, in place rather than by refetching the first page, so pages
 * loaded with "Show more" stay:
 * - not (or no longer) a contact: their row goes from every list;
 * - a contact: added where the server's order puts them among the loaded rows,
 *   or at the end when the list is complete. After the last loaded row of a
 *   list with more pages it is not added: the page that holds it brings it.
 *   Search results are left alone (they may not match).
 * - a request with them stays listed only while their status says it is
 *   pending that way (REQUEST_RECEIVED for one they sent, REQUEST_SENT for
 *   one to them): accepted, declined, cancelled or blocked, it goes. New
 *   requests are added by addFriendRequest.
 * The user's fields (name, picture) must already be in the cache, as the
 * mutation or event that reported the change normally puts them.
 */
export function updateContactLists(cache: ApolloCache, person: ChangedPerson): void {
  cache.modify<{ contacts: StoredConnection; friendRequests: StoredConnection }>({
    id: 'ROOT_QUERY',
    fields: {
      contacts(existing, { storeFieldName, readField, toReference }) {
        const connection = existing as StoredConnection;
        const edges = connection.edges ?? [];
        const listed = edges.some((e) => readField<string>('id', e.node) === person.id);
        if (person.contactStatus !== 'CONTACT') {
          if (!listed) return existing;
          return { ...connection, edges: edges.filter((e) => readField<string>('id', e.node) !== person.id) };
        }
        if (listed || person.displayName === undefined || isSearch(storeFieldName)) return existing;
        const added = { name: person.displayName, id: person.id };
        const at = edges.findIndex((e) =>
          before(added, {
            name: readField<string>('displayName', e.node) ?? '',
            id: readField<string>('id', e.node) ?? '',
          }),
        );
        if (at < 0 && !isComplete(connection, readField)) return existing;
        const node = toReference({ __typename: 'User', id: person.id });
        if (!node) return existing;
        const edge = { __typename: 'UserEdge', node };
        const index = at < 0 ? edges.length : at;
        return { ...connection, edges: [...edges.slice(0, index), edge, ...edges.slice(index)] };
      },
      friendRequests(existing, { storeFieldName, readField }) {
        const direction = requestDirection(storeFieldName);
        if (!direction || person.contactStatus === PENDING[direction]) return existing;
        const connection = existing as StoredConnection;
        const edges = connection.edges ?? [];
        const kept = edges.filter((e) => otherParty(direction, e.node, readField) !== person.id);
        return kept.length === edges.length ? existing : { ...connection, edges: kept };
      },
    },
  });
}

/**
 * Adds a new pending request (already in the cache, as the mutation or event
 * that reported it puts it) to the cached lists of its direction, where the
 * server's order (newest first, by id) puts it among the loaded rows, or at
 * the end of a complete list; not after the last loaded row of a list with
 * more pages (the page that holds it brings it), nor twice.
 */
export function addFriendRequest(cache: ApolloCache, direction: RequestDirection, requestId: string): void {
  cache.modify<{ friendRequests: StoredConnection }>({
    id: 'ROOT_QUERY',
    fields: {
      friendRequests(existing, { storeFieldName, readField, toReference }) {
        if (requestDirection(storeFieldName) !== direction) return existing;
        const connection = existing as StoredConnection;
        const edges = connection.edges ?? [];
        const ids = edges.map((e) => readField<string>('id', e.node) ?? '');
        if (ids.includes(requestId)) return existing;
        // uuidv7 ids: in lower-case hex, string order is the server's (time) order.
        const at = ids.findIndex((id) => id < requestId);
        if (at < 0 && !isComplete(connection, readField)) return existing;
        const node = toReference({ __typename: 'FriendRequest', id: requestId });
        if (!node) return existing;
        const edge = { __typename: 'FriendRequestEdge', node };
        const index = at < 0 ? edges.length : at;
        return { ...connection, edges: [...edges.slice(0, index), edge, ...edges.slice(index)] };
      },
    },
  });
}
