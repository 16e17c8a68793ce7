/**
 * Presence, typing and "who is looking at which room": ephemeral state that
 * lives in Redis when REDIS_URL is set (shared by all instances), in memory
 * otherwise (presence.store.ts), and never in PostgreSQL except
 * `users.last_seen_at`.
 *
 * Exported API (one `Presence` per app, at `deps.presence`):
 * - `connect(userId)`: an authenticated WebSocket opened; returns the
 *   (idempotent) function to call when it closes. The user is online while
 *   they hold ≥ 1 socket on any instance; after the last closes they go
 *   offline once `presenceGraceMs` passed without a new one (a reload does not
 *   flap). Closing a socket also stops the user's typing everywhere.
 * - `enterRoom(userId, roomId)`: an active `roomEvents` subscription; returns
 *   its release function. `isViewingRoom(userId, roomId)` is true while the
 *   user holds one on any instance (for notifications: skip rooms in view).
 * - `onlineAmong(userIds)`: who is online (raw: callers apply `showOnline`).
 * - `startTyping` / `stopTyping(roomId, userId)`, `stopTypingEverywhere(userId)`:
 *   publish TypingChanged (full list) on the room topic when the set of typers
 *   changes, and RoomTyping (the same list, without the recipient) on each
 *   member's user topic for the room list; a typer who does not refresh
 *   lapses after `typingLapseMs`.
 * - `publishPresence(userId)`: re-announce after a `showOnline` change.
 * - `close()` on shutdown; `abandon()` (tests) drops everything without a
 *   goodbye, as a crashed instance would.
 *
 * Instances heartbeat their holds every `presenceHeartbeatMs` with a TTL of
 * `presenceTtlMs`; every instance sweeps every `presenceSweepMs` for users
 * whose holders stopped refreshing (an instance died) and for lapsed typers,
 * so a dead instance's users go offline within TTL + sweep (< 60 s by default).
 * Each transition is decided atomically in the store, so exactly one instance
 * publishes it.
 */
import type { Deps } from '../../deps.ts';
import { uuidv7 } from '../../lib/ids.ts';
import { keyedSequence } from '../../lib/keyed-sequence.ts';
import { listMemberIds } from '../rooms/rooms.repository.ts';
import { roomTopic } from '../rooms/rooms.topics.ts';
import { userRowToModel } from '../users/users.model.ts';
import { findUsersByIds } from '../users/users.repository.ts';
import { userTopic } from '../users/users.topics.ts';
import * as repo from './presence.repository.ts';
import { type LiveStore, MemoryLiveStore, RedisLiveStore } from './presence.store.ts';
import { presenceChanged, roomTypingFor, type TypingChangedEvent } from './presence.topics.ts';

export interface Presence {
  connect(userId: string): () => void;
  enterRoom(userId: string, roomId: string): () => void;
  isViewingRoom(userId: string, roomId: string): Promise<boolean>;
  onlineAmong(userIds: readonly string[]): Promise<Set<string>>;
  startTyping(roomId: string, userId: string): Promise<void>;
  stopTyping(roomId: string, userId: string): Promise<void>;
  stopTypingEverywhere(userId: string): Promise<void>;
  publishPresence(userId: string): Promise<void>;
  close(): Promise<void>;
  abandon(): void;
}

export type PresenceDeps = Pick<Deps, 'config' | 'db' | 'events' | 'log' | 'users'>;

/** Keys are namespaced by database name: instances of one deployment share them, others never collide. */
function keyPrefix(databaseUrl: string | undefined): string {
  let name = 'embedded';
  try {
    if (databaseUrl)
      name = decodeURIComponent(new URL(databaseUrl).pathname.replace(/^\//, '')) || 'postgres';
  } catch {}
  return `parley:${name}:live:`;
}

const SWEEP_BATCH = 500;

function once(fn: () => void): () => void {
  let done = false;
  return () => {
    if (done) return;
    done = true;
    fn();
  };
}

export function createPresence(deps: PresenceDeps): Presence {
  const { config, log } = deps;
  const store: LiveStore = config.redisUrl
    ? new RedisLiveStore(config.redisUrl, keyPrefix(config.databaseUrl), config.presenceTtlMs, (err) =>
        log.warn({ err: err.message }, 'presence redis connection error'),
      )
    : new MemoryLiveStore();
  const instanceId = uuidv7();
  const sockets = new Map<string, number>();
  const views = new Map<string, { userId: string; roomId: string; count: number }>();
  const graceTimers = new Map<string, NodeJS.Timeout>();
  const typingTimers = new Map<string, NodeJS.Timeout>();
  const pending = new Set<Promise<unknown>>();
  let stopped = false;
  let abandoned = false;

  /** Runs background work, logs its failure, and lets close() wait for it. */
  function track(work: () => Promise<unknown>): void {
    if (stopped) return;
    const p = work().catch((err: unknown) => log.error({ err }, 'presence update failed'));
    pending.add(p);
    void p.finally(() => pending.delete(p));
  }

  const ttl = () => Date.now() + config.presenceTtlMs;

  async function announce(userId: string, online: boolean): Promise<void> {
    const now = new Date();
    await repo.setLastSeen(deps.db, userId, now);
    await deps.users.changed([userId]);
    await publishPresence(userId, online, true);
  }

  /**
   * PresenceChanged to the user's audience, as they may see it (hidden: offline,
   * no lastSeenAt). A hidden user's connecting and going away (`transition`)
   * publish nothing: even an "offline, unknown" event would give away when they
   * come and go. Hiding and showing (settings) always publish.
   */
  async function publishPresence(userId: string, knownOnline?: boolean, transition = false): Promise<void> {
    const [row] = await findUsersByIds(deps.db, [userId]);
    if (!row) return;
    const user = userRowToModel(row);
    if (transition && !user.showOnline) return;
    const online = knownOnline ?? (await store.onlineAmong([userId])).has(userId);
    const event = presenceChanged(user, online);
    const audience = await repo.presenceAudience(deps.db, userId);
    await deps.events.publishEach(audience.map(userTopic), event);
  }

  // Per room, typing publications run one after another: each reads the typers when its turn
  // comes, so a start read before a stop can never be published after it (the stale list would
  // then show "typing…" until the client's 30 s safety net).
  const typingInOrder = keyedSequence();
  const publishTyping = (roomId: string, changedUserIds: string[]) =>
    typingInOrder(roomId, () => publishTypingNow(roomId, changedUserIds));

  /** TypingChanged to the room, and each member's RoomTyping to their `myEvents` (the typer's own change excluded). */
  async function publishTypingNow(roomId: string, changedUserIds: string[]): Promise<void> {
    const ids = await store.typers(roomId);
    const [rows, memberIds] = await Promise.all([
      findUsersByIds(deps.db, ids),
      listMemberIds(deps.db, roomId),
    ]);
    const byId = new Map(rows.map((r) => [r.id, userRowToModel(r)]));
    const event: TypingChangedEvent = {
      __typename: 'TypingChanged',
      roomId,
      typingUsers: ids.sort().flatMap((id) => byId.get(id) ?? []),
      changedUserIds,
    };
    await Promise.all([
      deps.events.publish(roomTopic(roomId), event),
      ...memberIds.flatMap((memberId) => {
        const forMember = roomTypingFor(event, memberId);
        return forMember ? [deps.events.publish(userTopic(memberId), forMember)] : [];
      }),
    ]);
  }

  async function expireTyping(roomId: string): Promise<void> {
    const gone = await store.expireTyping(roomId, Date.now());
    if (gone.length > 0) await publishTyping(roomId, gone);
  }

  function settleLater(userId: string): void {
    clearTimeout(graceTimers.get(userId));
    const timer = setTimeout(() => {
      graceTimers.delete(userId);
      track(async () => {
        if (await store.settle(userId, Date.now())) await announce(userId, false);
      });
    }, config.presenceGraceMs);
    timer.unref();
    graceTimers.set(userId, timer);
  }

  const heartbeat = setInterval(() => {
    track(async () => {
      // Back online only if we held the user but a sweeper had taken them offline (e.g. Redis was down).
      for (const userId of await store.hold(instanceId, [...sockets.keys()], ttl()))
        await announce(userId, true);
      await store.holdViews(instanceId, [...views.values()], ttl());
    });
  }, config.presenceHeartbeatMs);
  heartbeat.unref();

  const sweeper = setInterval(() => {
    track(async () => {
      const now = Date.now();
      for (const userId of await store.expiredOnline(now, SWEEP_BATCH)) {
        if (await store.settle(userId, now)) await announce(userId, false);
      }
      for (const roomId of await store.roomsWithExpiredTyping(now, SWEEP_BATCH)) await expireTyping(roomId);
    });
  }, config.presenceSweepMs);
  sweeper.unref();

  const presence: Presence = {
    connect(userId) {
      const n = (sockets.get(userId) ?? 0) + 1;
      sockets.set(userId, n);
      if (n === 1) {
        clearTimeout(graceTimers.get(userId));
        graceTimers.delete(userId);
        track(async () => {
          if ((await store.hold(instanceId, [userId], ttl())).length > 0) await announce(userId, true);
        });
      }
      return once(() => {
        const left = (sockets.get(userId) ?? 1) - 1;
        if (left > 0) sockets.set(userId, left);
        else {
          sockets.delete(userId);
          track(async () => {
            await store.release(instanceId, userId);
            if (!stopped) settleLater(userId);
          });
        }
        track(() => presence.stopTypingEverywhere(userId));
      });
    },

    enterRoom(userId, roomId) {
      const key = `${userId}|${roomId}`;
      const v = views.get(key) ?? { userId, roomId, count: 0 };
      v.count += 1;
      views.set(key, v);
      if (v.count === 1) track(() => store.holdViews(instanceId, [v], ttl()));
      return once(() => {
        v.count -= 1;
        if (v.count > 0) return;
        views.delete(key);
        track(() => store.releaseView(instanceId, userId, roomId));
      });
    },

    isViewingRoom: (userId, roomId) => store.isViewing(userId, roomId, Date.now()),
    onlineAmong: (userIds) => store.onlineAmong(userIds),

    async startTyping(roomId, userId) {
      const key = `${roomId}|${userId}`;
      clearTimeout(typingTimers.get(key));
      const timer = setTimeout(() => {
        typingTimers.delete(key);
        track(() => expireTyping(roomId));
      }, config.typingLapseMs + 10);
      timer.unref();
      typingTimers.set(key, timer);
      if (await store.startTyping(roomId, userId, Date.now() + config.typingLapseMs))
        await publishTyping(roomId, [userId]);
    },

    async stopTyping(roomId, userId) {
      const key = `${roomId}|${userId}`;
      clearTimeout(typingTimers.get(key));
      typingTimers.delete(key);
      if (await store.stopTyping(roomId, userId)) await publishTyping(roomId, [userId]);
    },

    async stopTypingEverywhere(userId) {
      for (const roomId of await store.typingRoomsOf(userId)) await presence.stopTyping(roomId, userId);
    },

    publishPresence: (userId) => publishPresence(userId),

    async close() {
      if (abandoned || stopped) return;
      clearInterval(heartbeat);
      clearInterval(sweeper);
      for (const t of typingTimers.values()) clearTimeout(t);
      typingTimers.clear();
      await Promise.allSettled([...pending]);
      // Users whose grace period was running here: let another instance's sweeper settle them.
      const handOff = [...graceTimers.keys(), ...sockets.keys()];
      for (const t of graceTimers.values()) clearTimeout(t);
      graceTimers.clear();
      try {
        for (const userId of sockets.keys()) await store.release(instanceId, userId);
        for (const v of views.values()) await store.releaseView(instanceId, v.userId, v.roomId);
        await store.expireOnlineAt(handOff, Date.now() + config.presenceGraceMs);
      } catch (err) {
        log.warn({ err }, 'presence hand-off failed');
      }
      stopped = true;
      sockets.clear();
      views.clear();
      await store.close();
    },

    abandon() {
      stopped = true;
      abandoned = true;
      clearInterval(heartbeat);
      clearInterval(sweeper);
      for (const t of [...graceTimers.values(), ...typingTimers.values()]) clearTimeout(t);
      graceTimers.clear();
      typingTimers.clear();
      sockets.clear();
      views.clear();
      void store.close();
    },
  };
  return presence;
}
