/**
 * Room-list pages kept in memory per user, so opening the app again (or a
 * second tab, or a client that polls) does not cost the statement that reads
 * a whole page of room views: 1.5 ms of PostgreSQL and twice that of this
 * server's CPU for 100 rooms (BENCHMARKS.md, entry 20).
 *
 * A page is correct until the user's view of one of their rooms changes, and
 * every such change already announces itself: it publishes RoomUpdated to the
 * members whose view changed (`publishRoomViews` in rooms.publish.ts), or
 * RoomRemoved to those who left. Both call `changed(userIds)` here, which
 * forgets those users' pages on this instance at once and on every other
 * instance through `ROOM_LISTS_CHANGED_TOPIC`, before the mutation answers
 * (after-commit hooks run before it does). So a client never reads its own
 * change back stale; another instance may serve an older page only for the
 * moments the message takes through Redis.
 *
 * The usual cache races are closed the way the session cache closes them: a
 * page read from PostgreSQL is stored only if no change for its user arrived
 * while it was being read (it may predate the change); every page is dropped
 * when the Redis subscription (re)connects (changes published meanwhile are
 * lost); and pages expire after `ROOM_LIST_TTL_MS` whatever happens, or
 * earlier when a mute on the page runs out (`muted` is read against the
 * clock). Memory is bounded by the number of rooms held, oldest users first.
 */
import type { MQEmitter } from 'mqemitter';
import { type EventBus, listenForInvalidations } from '../../plugins/pubsub.ts';

/** Pub/sub topic of room-list changes: `{ userIds: string[] }`. */
export const ROOM_LISTS_CHANGED_TOPIC = 'rooms:lists-changed';

/** Longest a page is served from memory, even with no change announced. */
export const ROOM_LIST_TTL_MS = 60_000;

/** What the cache needs to know of a page: its rooms, and when their mutes run out. */
export interface CacheablePage {
  edges: readonly { node: { muted: boolean; mutedUntil: Date | null } }[];
}

export interface RoomListCache {
  /**
   * The page `key` of `userId`'s room list: from memory, or from `load` (one
   * load at a time per page; concurrent callers share it).
   */
  page<T extends CacheablePage>(userId: string, key: string, load: () => Promise<T>): Promise<T>;
  /**
   * Call after a change to these users' room views committed: forgets their
   * pages here at once and on every other instance (resolves once published).
   */
  changed(userIds: readonly string[]): Promise<void>;
  /** Stops listening for changes. */
  close(): void;
}

interface Entry {
  value: CacheablePage;
  expiresAt: number;
}

/** One user's pages. Replaced (not emptied) on a change, so a load in flight can tell. */
interface Slot {
  pages: Map<string, Entry>;
  loading: Map<string, Promise<CacheablePage>>;
  rooms: number;
}

/**
 * `maxRooms`: the most rooms held in all pages together (0 turns the cache
 * off: every call loads).
 */
export function createRoomListCache(
  emitter: MQEmitter,
  events: EventBus,
  opts: { maxRooms: number; now?: () => number },
): RoomListCache {
  const now = opts.now ?? Date.now;
  // Least recently used first (a hit moves its user to the end).
  const slots = new Map<string, Slot>();
  let rooms = 0;

  const forget = (userId: string) => {
    const slot = slots.get(userId);
    if (!slot) return;
    rooms -= slot.rooms;
    slots.delete(userId);
  };
  const forgetAll = () => {
    slots.clear();
    rooms = 0;
  };
  const stopListening = listenForInvalidations(
    emitter,
    ROOM_LISTS_CHANGED_TOPIC,
    (payload) => {
      const ids = (payload as { userIds?: unknown }).userIds;
      if (Array.isArray(ids)) for (const id of ids) if (typeof id === 'string') forget(id);
    },
    forgetAll,
  );

  const expiryOf = (page: CacheablePage, at: number) => {
    let expiresAt = at + ROOM_LIST_TTL_MS;
    for (const { node } of page.edges)
      if (node.muted && node.mutedUntil) expiresAt = Math.min(expiresAt, node.mutedUntil.getTime());
    return expiresAt;
  };

  const store = (userId: string, slot: Slot, key: string, page: CacheablePage) => {
    if (slots.get(userId) !== slot) return; // a change arrived while it was read: it may predate it
    const size = page.edges.length;
    if (size > opts.maxRooms) return;
    const at = now();
    const old = slot.pages.get(key);
    if (old) {
      slot.rooms -= old.value.edges.length;
      rooms -= old.value.edges.length;
    }
    slot.pages.set(key, { value: page, expiresAt: expiryOf(page, at) });
    slot.rooms += size;
    rooms += size;
    for (const [oldest] of slots) {
      if (rooms <= opts.maxRooms) break;
      forget(oldest);
    }
  };

  return {
    async page<T extends CacheablePage>(userId: string, key: string, load: () => Promise<T>): Promise<T> {
      if (opts.maxRooms === 0) return load();
      let slot = slots.get(userId);
      if (slot) {
        const hit = slot.pages.get(key);
        if (hit && hit.expiresAt > now()) {
          slots.delete(userId);
          slots.set(userId, slot);
          return hit.value as T;
        }
        const inFlight = slot.loading.get(key);
        if (inFlight) return (await inFlight) as T;
      } else {
        slot = { pages: new Map(), loading: new Map(), rooms: 0 };
        slots.set(userId, slot);
      }
      const mine = slot;
      const loading = load();
      mine.loading.set(key, loading);
      try {
        const page = await loading;
        store(userId, mine, key, page);
        return page;
      } finally {
        mine.loading.delete(key);
        // A user whose load failed (or was not kept) leaves no empty slot behind.
        if (mine.pages.size === 0 && mine.loading.size === 0 && slots.get(userId) === mine)
          slots.delete(userId);
      }
    },
    async changed(userIds) {
      if (userIds.length === 0) return;
      for (const id of userIds) forget(id);
      await events.publish(ROOM_LISTS_CHANGED_TOPIC, { userIds });
    },
    close() {
      stopListening();
      forgetAll();
    },
  };
}
