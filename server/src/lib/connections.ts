import * as cursors from './cursor.ts';

/**
 * Relay connections over keyset pagination, on top of lib/cursor.ts (opaque
 * base64url JSON cursors). Used by contacts, search and notifications.
 */

export const encodeCursor = cursors.encodeCursor;

export interface Edge<T> {
  cursor: string;
  node: T;
}

/**
 * An edge whose cursor is encoded only when read: most pages are asked for
 * their nodes and `pageInfo` alone, and encoding a cursor per edge was a tenth
 * of the room list's CPU. The resolvers read `cursor` like any other field.
 */
class LazyEdge<T> implements Edge<T> {
  #cursor: string | undefined;
  readonly #encode: () => string;
  readonly node: T;
  constructor(node: T, encode: () => string) {
    this.node = node;
    this.#encode = encode;
  }
  get cursor(): string {
    this.#cursor ??= this.#encode();
    return this.#cursor;
  }
}

/** Edges for `nodes`, each with its cursor `cursorOf(node)`, encoded on first read. */
export function lazyEdges<T>(nodes: readonly T[], cursorOf: (node: T) => string): Edge<T>[] {
  return nodes.map((node) => new LazyEdge(node, () => cursorOf(node)));
}

export interface Connection<T> {
  edges: Edge<T>[];
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
}

/**
 * Decodes an optional `after` cursor; `check` narrows the parsed value (false
 * for the wrong shape → BAD_USER_INPUT). Null/undefined stays undefined.
 */
export function decodeCursor<K>(
  cursor: string | null | undefined,
  check: (value: unknown) => value is K,
): K | undefined {
  if (cursor == null) return undefined;
  return cursors.decodeCursor(cursor, (v) => (check(v) ? v : undefined));
}

/** Validates a page size argument: an integer in 1…max (BAD_USER_INPUT otherwise). */
export function pageSize(first: number | null | undefined, fallback: number, max = 100): number {
  return cursors.pageSize(first, fallback, max);
}

/**
 * Builds a forward page from `rows` fetched with `limit + 1` (the extra row
 * only tells whether another page follows). `cursorOf` gives a row's sort key.
 */
export function forwardPage<R, T>(
  rows: readonly R[],
  limit: number,
  toNode: (row: R) => T,
  cursorOf: (row: R) => Record<string, unknown>,
): Connection<T> {
  const edges = rows
    .slice(0, limit)
    .map((row) => new LazyEdge(toNode(row), () => encodeCursor(cursorOf(row))));
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > limit,
      hasPreviousPage: false,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
