/**
 * Each user's blocks (both ways), kept in memory per instance for presence
 * visibility: a room list with 25 direct rooms asks for 25 peers' presence,
 * and before this cache that was one statement per request on a path that is
 * otherwise served from memory (BENCHMARKS.md, entry 41).
 *
 * `blockUser` and `unblockUser` call `changed` for both people after their
 * transaction committed: it forgets them here at once and on every instance
 * through `BLOCKS_CHANGED_TOPIC`, an internal channel (the blocked person's
 * client is never told of a block). As in the user cache: a set read while a
 * change to that user came in is not stored; everything is forgotten when the
 * Redis subscription (re)connects; and a set is trusted for
 * `BLOCK_CACHE_TTL_MS` at most whatever happens.
 */
import type { MQEmitter } from 'mqemitter';
import { BoundedMap } from '../../lib/bounded-map.ts';
import { type EventBus, userKeyedInvalidation } from '../../plugins/pubsub.ts';

/** Pub/sub topic of block changes: `{ userIds: string[] }` (both people of each change). */
export const BLOCKS_CHANGED_TOPIC = 'blocks:changed';

/** Longest a user's blocks are trusted without asking PostgreSQL again. */
export const BLOCK_CACHE_TTL_MS = 60_000;

export interface BlockCache {
  /**
   * The users with a block between `userId` and them, in either direction:
   * from memory, else from `load` (stored unless a change to `userId` came in
   * meanwhile).
   */
  of(userId: string, load: () => Promise<Iterable<string>>): Promise<ReadonlySet<string>>;
  /** Call after blocks between these users changed (committed): forgets them here and on every instance. */
  changed(userIds: readonly string[]): Promise<void>;
  /** Stops listening for changes. */
  close(): void;
}

export function createBlockCache(
  emitter: MQEmitter,
  events: Pick<EventBus, 'publish'>,
  opts: { maxUsers?: number; now?: () => number } = {},
): BlockCache {
  const maxUsers = opts.maxUsers ?? 20_000;
  const now = opts.now ?? Date.now;
  // Least recently used first (a hit moves the user to the end); the oldest goes when full.
  const entries = new BoundedMap<string, { blocks: ReadonlySet<string>; at: number }>(maxUsers);
  // A set read while a change to its user came in is not stored.
  const { epochs, changed, close } = userKeyedInvalidation(
    emitter,
    events,
    BLOCKS_CHANGED_TOPIC,
    entries,
    maxUsers,
  );

  return {
    async of(userId, load) {
      const hit = entries.get(userId);
      if (hit && now() - hit.at < BLOCK_CACHE_TTL_MS) {
        entries.delete(userId);
        entries.set(userId, hit);
        return hit.blocks;
      }
      const started = epochs.begin();
      try {
        const blocks: ReadonlySet<string> = new Set(await load());
        if (epochs.mayStore(started, userId)) {
          entries.delete(userId);
          entries.set(userId, { blocks, at: now() });
        }
        return blocks;
      } finally {
        epochs.end();
      }
    },
    changed,
    close,
  };
}
