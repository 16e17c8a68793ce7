import type { useQuery } from '@apollo/client/react';
import { useEffect, useState } from 'react';

/** A Relay connection as the paged lists select it: nodes with ids, and where the next page starts. */
export interface PagedConnection {
  edges: readonly { node: { id: string } }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/** The paging variable every paged query takes (besides its own). */
interface PageVariables {
  after?: string | null;
}

/**
 * The connection with `next`'s page appended, skipping anyone already listed
 * (e.g. added live, in place, while the page was on its way).
 */
function appendPage<C extends PagedConnection>(previous: C, next: C): C {
  const listed = new Set(previous.edges.map((e) => e.node.id));
  return { ...next, edges: [...previous.edges, ...next.edges.filter((e) => !listed.has(e.node.id))] };
}

/**
 * "Show more" for the connection `field` of a query whose variables take
 * `after` (contacts, friend requests): `showMore` appends the next page to the
 * loaded ones and never rejects. A failure is kept in `failed` (until the list
 * changes) for the caller to show with a retry, which is `showMore` again.
 *
 * A list whose loaded rows have all gone (answered, removed) while more
 * exist is fetched again from its first page, rather than showing as empty.
 * A page that comes back after the list was replaced (another search typed
 * meanwhile, a refetch) is dropped: it follows a list no longer on screen.
 */
export function useShowMore<K extends string, Data extends { [key in K]: PagedConnection }>(
  result: Pick<useQuery.Base.Result<Data, PageVariables>, 'fetchMore' | 'refetch'> & {
    data: Data | undefined;
  },
  field: K,
) {
  // The cursor being fetched from, and the one that last failed: both belong to one list.
  const [loadingAfter, setLoadingAfter] = useState<string | null>(null);
  const [failedAfter, setFailedAfter] = useState<string | null>(null);
  const connection = result.data?.[field];
  const after = connection?.pageInfo.hasNextPage ? connection.pageInfo.endCursor : null;
  const loading = after !== null && loadingAfter === after;
  // Every loaded row went (answered or removed, in place) while more exist: start again from the first page.
  const drained = connection !== undefined && connection.edges.length === 0 && after !== null;
  const { refetch } = result;
  useEffect(() => {
    if (drained) refetch().catch(() => {});
  }, [drained, refetch]);

  async function showMore(): Promise<void> {
    if (after === null || loading) return;
    setLoadingAfter(after);
    setFailedAfter(null);
    try {
      await result.fetchMore({
        variables: { after },
        updateQuery: (previous, { fetchMoreResult }) => {
          const loaded = (previous as Data)[field];
          if (loaded.pageInfo.endCursor !== after) return previous;
          return { ...previous, [field]: appendPage(loaded, (fetchMoreResult as Data)[field]) };
        },
      });
    } catch {
      setFailedAfter(after);
    } finally {
      setLoadingAfter((current) => (current === after ? null : current));
    }
  }

  return { hasMore: after !== null, loading, failed: after !== null && failedAfter === after, showMore };
}
