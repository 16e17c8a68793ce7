import type { ApolloCache, Reference, StoreObject } from '@apollo/client';
import type { ContactStatus } from '../../gql/graphql.ts';

/** Someone whose relationship with the viewer changed, as a mutation or a ContactsChanged event tells it. */
export interface ChangedPerson {
  id: string;
  contactStatus: ContactStatus;
  /** Needed to place a new contact; without it a new contact is left to the next fetch. */
  displayName?: string;
}

/** A `Query.contacts` connection as the cache stores it (edges are not normalized; nodes are). */
interface StoredConnection {
  edges?: readonly (StoreObject & { node: Reference })[];
  pageInfo?: StoreObject;
}

/**
 * Whether a cached `contacts` field holds search results (`contacts(query: ...)`):
 * a new contact may not match that search, so it is not added there. The key
 * is Apollo's default for a field without `keyArgs`: `contacts({"first":50,...})`.
 */
function isSearch(storeFieldName: string): boolean {
  const args = /^[^(]*\((.*)\)$/.exec(storeFieldName)?.[1];
  if (!args) return false;
  try {
    const query = (JSON.parse(args) as { query?: unknown }).query;
    return typeof query === 'string' && query.trim() !== '';
  } catch {
    return true; // unknown: leave it alone
  }
}

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
 * contacts page with the pages it has loaded, the sidebar, pickers) up to date
 * with one person's new relationship, in place rather than by refetching the
 * first page, so pages loaded with "Show more" stay:
 * - not (or no longer) a contact: their row goes from every list;
 * - a contact: added where the server's order puts them among the loaded rows,
 *   or at the end when the list is complete. After the last loaded row of a
 *   list with more pages it is not added: the page that holds it brings it.
 *   Search results are left alone (they may not match).
 * The user's fields (name, picture) must already be in the cache, as the
 * mutation or event that reported the change normally puts them.
 */
export function updateContactLists(cache: ApolloCache, person: ChangedPerson): void {
  cache.modify<{ contacts: StoredConnection }>({
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
        // A list without pageInfo (the sidebar's) cannot tell whether it is complete.
        const complete = connection.pageInfo
          ? readField<boolean>('hasNextPage', connection.pageInfo) === false
          : false;
        if (at < 0 && !complete) return existing;
        const node = toReference({ __typename: 'User', id: person.id });
        if (!node) return existing;
        const edge = { __typename: 'UserEdge', node };
        const index = at < 0 ? edges.length : at;
        return { ...connection, edges: [...edges.slice(0, index), edge, ...edges.slice(index)] };
      },
    },
  });
}
