/**
 * Room-list pages kept in memory per user, so opening the app again (or a
 * second tab, or a client that polls) does not cost the statement that reads
 * a whole page of room views: 1.5 ms of PostgreSQL and twice that of this
 * server's CPU for 100 rooms (BENCHMARKS.md, entry 21).
 *
 * A page is correct until the user's view of one of their rooms changes, and
 * every such change already announces itself on the user's own topic
 * (`userTopic`, behind `myEvents`): RoomViewChanged to each member whose view
 * changed (`publishRoomViews` in rooms.publish.ts), RoomRemoved to those who
 * left. So the cache listens on the topic of each user it holds pages for,
 * and forgets the user's pages on either event, whichever instance made the
 * change. No message is added to a write: on several instances, a broadcast
 * of its own per message sent cost every instance a decode (entry 24). On
 * the instance that made the change, `changed` forgets at once, before the
 * mutation answers, so a client never reads its own change back stale;
 * another instance may serve an older page only for the moments the event
 * takes through Redis.
 *
 * A user's pages are first read once the listener on their topic is in place
 * (with Redis, once SUBSCRIBE is acknowledged): a change committed after the
 * read began is then always heard. A page read while a change came in is not
 * stored (the user's slot is replaced: the page may predate the change); when
 * a listener is dropped (the most users listened to is bounded), its pages go
 * with it; every page is dropped when the Redis subscription (re)connects
 * (events published meanwhile are lost); and pages expire after
 * `ROOM_LIST_TTL_MS` whatever happens, or earlier when a mute on the page runs
 * out (`muted` is read against the clock). Memory is bounded by the number of
 * rooms held, least recently used users first.
 */
import type { Message, MQEmitter } from 'mqemitter';
import { onSubscriberReconnect } from '../../plugins/pubsub.ts';
import { userTopic } from '../users/users.topics.ts';

/** Longest a page is served from memory, even with no change announced. */
export const ROOM_LIST_TTL_MS = 60_000;

/** The events on a user's topic that change their room list. */
const VIEW_EVENTS = new Set(['RoomViewChanged', 'RoomRemoved']);

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
   * Call once a change to these users' room views committed, before telling
   * them: forgets their pages on this instance at once (other instances hear
   * the RoomViewChanged or RoomRemoved event that follows).
   */
  changed(userIds: readonly string[]): void;
  /** Stops listening. */
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
 * off: every call loads); `maxUsers`: the most users listened to.
 */
export function createRoomListCache(
  emitter: MQEmitter,
  opts: { maxRooms: number; maxUsers?: number; now?: () => number },
): RoomListCache {
  const now = opts.now ?? Date.now;
  const maxUsers = opts.maxUsers ?? 10_000;
  // Least recently used first (a hit moves its user to the end).
  const slots = new Map<string, Slot>();
  let rooms = 0;
  // Listeners on users' topics, least recently used first; `ready` once subscribed.
  const listening = new Map<
    string,
    { listener: (m: Message, done: () => void) => void; ready: Promise<void> }
  >();

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
  const stopWatching = onSubscriberReconnect(emitter, forgetAll);

  const stopListening = (userId: string) => {
    const l = listening.get(userId);
    if (!l) return;
    listening.delete(userId);
    emitter.removeListener(userTopic(userId), l.listener);
    forget(userId); // nothing would tell us of its changes any more
  };
  /** Resolves once changes to `userId`'s rooms are heard here. */
  const listen = (userId: string): Promise<void> => {
    const known = listening.get(userId);
    if (known) {
      listening.delete(userId);
      listening.set(userId, known);
      return known.ready;
    }
    const listener = (msg: Message, done: () => void) => {
      if (VIEW_EVENTS.has((msg.payload as { __typename?: string } | undefined)?.__typename ?? ''))
        forget(userId);
      done();
    };
    const ready = new Promise<void>((resolve) => emitter.on(userTopic(userId), listener, () => resolve()));
    listening.set(userId, { listener, ready });
    for (const [oldest] of listening) {
      if (listening.size <= maxUsers) break;
      stopListening(oldest);
    }
    return ready;
  };

  const expiryOf = (page: CacheablePage, at: number) => {
    let expiresAt = at + ROOM_LIST_TTL_MS;
    for (const { node } of page.edges)
      if (node.muted && node.mutedUntil) expiresAt = Math.min(expiresAt, node.mutedUntil.getTime());
    return expiresAt;
  };

  const store = (userId: string, slot: Slot, key: string, page: CacheablePage) => {
    // A change arrived while it was read (the slot was replaced): the page may predate it.
    if (slots.get(userId) !== slot || !listening.has(userId)) return;
    const size = page.edges.length;
    if (size > opts.maxRooms) return;
    const old = slot.pages.get(key);
    if (old) {
      slot.rooms -= old.value.edges.length;
      rooms -= old.value.edges.length;
    }
    slot.pages.set(key, { value: page, expiresAt: expiryOf(page, now()) });
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
      const loading = listen(userId).then(load);
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
    changed(userIds) {
      for (const id of userIds) forget(id);
    },
    close() {
      stopWatching();
      for (const userId of [...listening.keys()]) stopListening(userId);
      forgetAll();
    },
  };
}
