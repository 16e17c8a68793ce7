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
import { type EventBus, invalidationPublisher, listenForInvalidations } from '../../plugins/pubsub.ts';
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
  const now = opts.now ?? Date.now;
  // Least recently used first (a hit moves the user to the end).
  const entries = new Map<string, { user: UserModel; at: number }>();
  // Every change bumps `epoch`. While loads are in flight, `changedAt` remembers the epoch of
  // each user's latest change, so a load that began before it does not store that user; when it
  // grows too large its oldest entries go, and `floor` makes every load begun before them store nothing.
  let epoch = 0;
  let floor = 0;
  let inFlight = 0;
  const changedAt = new Map<string, number>();

  const forget = (ids: readonly unknown[]) => {
    epoch++;
    for (const id of ids) {
      if (typeof id !== 'string') continue;
      entries.delete(id);
      if (inFlight === 0) continue;
      changedAt.delete(id);
      changedAt.set(id, epoch);
      if (changedAt.size > maxUsers) {
        const [oldest, at] = changedAt.entries().next().value as [string, number];
        changedAt.delete(oldest);
        floor = Math.max(floor, at);
      }
    }
  };
  const forgetAll = () => {
    epoch++;
    floor = epoch;
    entries.clear();
  };
  const publish = invalidationPublisher(events, USERS_CHANGED_TOPIC);
  const stopListening = listenForInvalidations(
    emitter,
    USERS_CHANGED_TOPIC,
    (payload) => {
      const ids = (payload as { userIds?: unknown }).userIds;
      if (Array.isArray(ids)) forget(ids);
    },
    forgetAll,
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
      const started = epoch;
      inFlight++;
      let loaded: UserModel[];
      try {
        loaded = await load(missing);
      } finally {
        inFlight--;
      }
      const storedAt = now();
      for (const user of loaded) {
        const changed = changedAt.get(user.id);
        if (started < floor || (changed !== undefined && changed > started)) continue;
        entries.delete(user.id);
        entries.set(user.id, { user: Object.freeze(user), at: storedAt });
        if (entries.size > maxUsers) entries.delete(entries.keys().next().value as string);
      }
      if (inFlight === 0) changedAt.clear();
      return found.concat(loaded);
    },
    peek(id) {
      const hit = entries.get(id);
      return hit && now() - hit.at < USER_CACHE_TTL_MS ? hit.user : undefined;
    },
    async changed(userIds) {
      if (userIds.length === 0) return;
      forget(userIds);
      await publish(userIds);
    },
    close() {
      stopListening();
      forgetAll();
    },
  };
}
