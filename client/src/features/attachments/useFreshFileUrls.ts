/**
 * Signed file links end (`FILE_URL_TTL_SECONDS`, an hour by default) while a
 * conversation can stay open far longer: its images further up would fail to
 * load and its downloads answer 403. A message's attachments are therefore
 * asked for again shortly before their links end (and at once when one is
 * found ended: an image that failed, a click on an old link), and the fresh
 * links replace the old ones.
 */
import { useApolloClient } from '@apollo/client/react';
import { useCallback, useEffect, useState } from 'react';
import { graphql } from '../../gql/index.ts';

const MessageAttachmentUrlsQuery = graphql(`
  query MessageAttachmentUrls($id: ID!) {
    message(id: $id) {
      id
      attachments {
        id
        url
        thumbnailUrl
      }
    }
  }
`);

/** Asked again this long before the earliest link of a message ends. */
const AHEAD_MS = 5_000;
/** Never sooner than this after the links came: a clock far ahead of the server's must not loop. */
const MIN_WAIT_MS = 10_000;

/** When a signed link ends (its `exp`, ms), or undefined for an unsigned one. */
export function linkExpiry(url: string | null | undefined): number | undefined {
  if (!url) return undefined;
  const exp = Number(new URL(url, 'http://x').searchParams.get('exp'));
  return Number.isFinite(exp) && exp > 0 ? exp * 1000 : undefined;
}

/** Whether `url` has ended (or ends within a second). */
export function linkEnded(url: string | null | undefined): boolean {
  const at = linkExpiry(url);
  return at !== undefined && at - 1_000 <= Date.now();
}

interface Links {
  url: string;
  thumbnailUrl: string | null;
}

/**
 * The attachments with their freshest links, and `refresh` (resolves with the
 * fresh links by attachment id; never rejects).
 */
export function useFreshFileUrls<A extends { id: string } & Links>(
  messageId: string,
  attachments: readonly A[],
) {
  const client = useApolloClient();
  const [fresh, setFresh] = useState<ReadonlyMap<string, Links>>(new Map());
  const current = attachments.map((a) => ({ ...a, ...fresh.get(a.id) }));
  const refresh = useCallback(async (): Promise<ReadonlyMap<string, Links>> => {
    try {
      const { data } = await client.query({
        query: MessageAttachmentUrlsQuery,
        variables: { id: messageId },
        fetchPolicy: 'network-only',
      });
      const links = new Map(
        (data?.message?.attachments ?? []).map((a) => [
          a.id,
          { url: a.url, thumbnailUrl: a.thumbnailUrl ?? null },
        ]),
      );
      setFresh(links);
      return links;
    } catch {
      return new Map();
    }
  }, [client, messageId]);
  const ends = current
    .flatMap((a) => [linkExpiry(a.url), linkExpiry(a.thumbnailUrl)])
    .filter((t) => t !== undefined);
  const earliest = ends.length > 0 ? Math.min(...ends) : undefined;
  useEffect(() => {
    if (earliest === undefined) return;
    const timer = setTimeout(() => void refresh(), Math.max(MIN_WAIT_MS, earliest - AHEAD_MS - Date.now()));
    return () => clearTimeout(timer);
  }, [earliest, refresh]);
  return { attachments: current, refresh };
}
