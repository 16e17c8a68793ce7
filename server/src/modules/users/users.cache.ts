/**
 * User rows kept in memory per instance for the `user` loader, which nearly
 * every query uses (a message's sender, a room's peer and members, `me`). On
 * a room list served from memory, the two statements reading users were half
 * of what the request cost (BENCHMARKS.md, entry 22): each round trip to
 * PostgreSQL hands the CPU to it and waits for it back.
 *
 * Every write to a user row that the model shows calls `changed` after it:
 * profile edits (`updateProfile`) and presence (`last_seen_at`). It forgets
 * the users here at once and on every instance through `USERS_CHANGED_TOPIC`.
 * As in the session cache: rows read while a change to them came in are not
 * stored; everything is forgotten when the Redis subscription (re)connects;
 * and a row is trusted for `USER_CACHE_TTL_MS` at most whatever happens.
 * Cached users are frozen: they are shared by every request.
 */
import type { MQEmitter } from 'mqemitter';
import { BoundedMap } from '../../lib/bounded-map.ts';
import { turnNow } from '../../lib/turn-clock.ts';
import { type EventBus, userKeyedInvalidation } from '../../plugins/pubsub.ts';
import type { UserModel } from './users.model.ts';

/** Pub/sub topic of user changes: `{ userIds: string[] }`. */
export const USERS_CHANGED_TOPIC = 'users:changed';

/** Longest a user row is trusted without asking PostgreSQL again. */
export const USER_CACHE_TTL_MS = 60_000;

export interface UserCache {
  /**
   * The existing users among `ids` (any order): from memory, the others from
   * `load` (called only with ids not in memory).
   */
  many(ids: readonly string[], load: (missing: string[]) => Promise<UserModel[]>): Promise<UserModel[]>;
  /** The user if held (and within the TTL), without waiting; undefined otherwise. */
  peek(id: string): UserModel | undefined;
  /** Call after a change to these users committed: forgets them here and on every instance. */
  changed(userIds: readonly string[]): Promise<void>;
  /** Stops listening for changes. */
  close(): void;
}

export function createUserCache(
  emitter: MQEmitter,
  events: Pick<EventBus, 'publish'>,
  opts: { maxUsers?: number; now?: () => number } = {},
): UserCache {
  const maxUsers = opts.maxUsers ?? 20_000;
  const now = opts.now ?? turnNow;
  // Least recently used first (a hit moves the user to the end); the oldest goes when full.
  const entries = new BoundedMap<string, { user: UserModel; at: number }>(maxUsers);
  // Rows read while a change to them came in are not stored.
  const { epochs, changed, close } = userKeyedInvalidation(
    emitter,
    events,
    USERS_CHANGED_TOPIC,
    entries,
    maxUsers,
  );

  return {
    async many(ids, load) {
      const at = now();
      const found: UserModel[] = [];
      const missing: string[] = [];
      for (const id of ids) {
        const hit = entries.get(id);
        if (hit && at - hit.at < USER_CACHE_TTL_MS) {
          entries.delete(id);
          entries.set(id, hit);
          found.push(hit.user);
        } else missing.push(id);
      }
      if (missing.length === 0) return found;
      const started = epochs.begin();
      try {
        const loaded = await load(missing);
        const storedAt = now();
        for (const user of loaded) {
          if (!epochs.mayStore(started, user.id)) continue;
          entries.delete(user.id);
          entries.set(user.id, { user: Object.freeze(user), at: storedAt });
        }
        return found.concat(loaded);
      } finally {
        epochs.end();
      }
    },
    peek(id) {
      const hit = entries.get(id);
      return hit && now() - hit.at < USER_CACHE_TTL_MS ? hit.user : undefined;
    },
    changed,
    close,
  };
}
