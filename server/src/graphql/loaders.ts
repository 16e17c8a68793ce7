import DataLoader from 'dataloader';
import type { Deps, Viewer } from '../deps.ts';
import { type UserModel, userRowToModel } from '../modules/users/users.model.ts';
import { findUsersByIds } from '../modules/users/users.repository.ts';

/**
 * Per-request batch loaders: every non-root field that reads the database goes
 * through one, so a page of N items costs one statement per field, not N.
 * HTTP requests cache for the request's life; subscription contexts live as
 * long as a socket, so there they batch without caching (no stale reads).
 */
export interface Loaders {
  user: DataLoader<string, UserModel | null>;
}

export interface LoaderOptions {
  cache: boolean;
}

/** Builds a loader that maps keys to the row with the same `key(row)`; missing keys resolve to null. */
export function keyedLoader<K, V>(
  fetch: (keys: readonly K[]) => Promise<V[]>,
  key: (value: V) => K,
  opts: LoaderOptions,
): DataLoader<K, V | null> {
  return new DataLoader<K, V | null>(
    async (keys) => {
      const byKey = new Map((await fetch(keys)).map((v) => [key(v), v]));
      return keys.map((k) => byKey.get(k) ?? null);
    },
    { cache: opts.cache },
  );
}

export function createLoaders(deps: Deps, _viewer: Viewer | null, opts: LoaderOptions): Loaders {
  return {
    user: keyedLoader(
      async (ids) => (await findUsersByIds(deps.db, ids)).map(userRowToModel),
      (u) => u.id,
      opts,
    ),
  };
}
