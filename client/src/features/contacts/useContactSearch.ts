import type { TypedDocumentNode } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { useEffect, useState } from 'react';
import { LIMITS, lengthError, oneLine } from '../../ui/chars.ts';
import { type PagedConnection, useShowMore } from './useShowMore.ts';

/** Wait this long after the last keystroke before searching. */
export const SEARCH_DEBOUNCE_MS = 250;

/** `value`, once it has stopped changing for `ms`. */
export function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

/** The variables of a query over `contacts(query:, first:, after:)`. */
interface ContactSearchVariables {
  query?: string | null;
  first: number;
  after?: string | null;
}

/**
 * The viewer's contacts whose name or username matches `text` (every contact
 * when blank), searched on the server, so the 101st contact is as reachable
 * as the first, a page at a time. `document` is the caller's own query over
 * `contacts(query: $query, first: $first, after: $after)` selecting
 * `pageInfo { hasNextPage endCursor }` and what it shows of each person.
 *
 * Searches once typing pauses (SEARCH_DEBOUNCE_MS), and not at all while
 * `wanted` is false (a closed list) or the text is too long for the API:
 * `tooLong` is then the message to show with the field. `paging` appends the
 * next page (useShowMore: never rejects, `failed` after a failure).
 * Results stay on screen while the next ones load.
 */
export function useContactSearch<Data extends { contacts: PagedConnection }>(
  document: TypedDocumentNode<Data, ContactSearchVariables>,
  options: { text: string; pageSize: number; wanted?: boolean },
) {
  const text = oneLine(options.text);
  const query = useDebounced(text, SEARCH_DEBOUNCE_MS);
  // Said at once as the text passes the limit, not after the pause.
  const tooLong = lengthError(text, LIMITS.searchQuery);
  const result = useQuery(document, {
    variables: { query: query || null, first: options.pageSize },
    skip: options.wanted === false || lengthError(query, LIMITS.searchQuery) !== undefined,
    fetchPolicy: 'cache-and-network',
  });
  const paging = useShowMore(result, 'contacts');
  // While another search loads, the last results stay (marked busy) rather than blinking away.
  const data = result.data ?? (result.loading ? result.previousData : undefined);
  const connection = tooLong ? undefined : data?.contacts;
  const people = connection?.edges.map((e) => e.node as Data['contacts']['edges'][number]['node']);

  return {
    /** The text searched for (trimmed, once typing paused); blank for every contact. */
    query,
    /** Whether results for the text as typed are still to come. */
    pending: text !== query,
    tooLong,
    /** The contacts found so far, undefined until the first answer. */
    people,
    /** "Show more" (ShowMore.tsx): another page can load only once this search has answered. */
    paging: { ...paging, hasMore: result.data && connection ? paging.hasMore : false },
    loading: result.loading || paging.loading,
    /** The search failed (and nothing is shown): say so and offer `retry`. */
    error: connection ? undefined : result.error,
    retry: () => result.refetch().catch(() => {}),
  };
}

/** What a list of search results holds, for a status line (and, when empty, for everyone). */
export function contactResultsText(search: ReturnType<typeof useContactSearch>): string {
  if (search.tooLong || search.error) return '';
  const { people, query } = search;
  if (people === undefined) return search.loading ? 'Searching…' : '';
  if (people.length === 0)
    return query
      ? `No contact matches “${query}”.`
      : 'You have no contacts yet. Add people on the Contacts page first.';
  const found = people.length === 1 ? '1 contact' : `${people.length} contacts`;
  return search.paging.hasMore ? `${found}, more below.` : `${found}.`;
}
