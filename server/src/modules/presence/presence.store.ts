/**
 * Where ephemeral live state is kept: in Redis when REDIS_URL is set (shared
 * by every instance), in process memory otherwise. Both stores implement the
 * same small interface with the same semantics; every multi-step change is
 * atomic (a Lua script in Redis, a synchronous block in memory), so two
 * instances racing on one user or room cannot both report the same
 * transition.
 *
 * Layout (all times are epoch milliseconds, `p` = key prefix):
 * - `p:hold:<user>`   zset instanceId → expiry: who holds a WebSocket of the user.
 * - `p:online`        zset user → latest expiry: users currently *shown* online.
 *                     Membership flips exactly once per transition (ZADD/ZREM
 *                     return values); scores let sweepers find holders that died.
 * - `p:view:<user>`   zset `<room>|<instance>` → expiry: active roomEvents subscriptions.
 * - `p:typing:<room>` zset user → expiry: who is typing.
 * - `p:typing-rooms`  zset room → earliest expiry: rooms with typers (for sweepers).
 * - `p:typer:<user>`  set of rooms the user is typing in (cleared on disconnect).
 */
import { Redis } from 'ioredis';
import { closeRedis } from '../../lib/redis-close.ts';
import { turnBatcher } from '../../lib/turn-batch.ts';

/** A user looking at a room (an active roomEvents subscription). */
export interface View {
  userId: string;
  roomId: string;
}

export interface LiveStore {
  /**
   * Records that `instanceId` holds a socket of each of `userIds` until
   * `expiresAt` (one round trip for all of them: the heartbeat renews every
   * user of the instance). Returns those not shown online before (they just
   * came online).
   */
  hold(instanceId: string, userIds: readonly string[], expiresAt: number): Promise<string[]>;
  /** Drops `instanceId`'s hold on `userId` (its last socket of the user closed). */
  release(instanceId: string, userId: string): Promise<void>;
  /**
   * If nobody holds `userId` any more (holds released or expired before
   * `now`), marks them offline and returns true; only one caller gets true.
   */
  settle(userId: string, now: number): Promise<boolean>;
  /** Lets the users' online entries expire at `at` (graceful shutdown of their holder). */
  expireOnlineAt(userIds: readonly string[], at: number): Promise<void>;
  /** Users shown online whose latest hold expired before `now` (candidates for `settle`). */
  expiredOnline(now: number, limit: number): Promise<string[]>;
  /** The users among `userIds` currently shown online. */
  onlineAmong(userIds: readonly string[]): Promise<Set<string>>;

  /** Records active roomEvents subscriptions (of `userId` to `roomId`) on `instanceId` until `expiresAt`, in one round trip. */
  holdViews(instanceId: string, views: readonly View[], expiresAt: number): Promise<void>;
  releaseView(instanceId: string, userId: string, roomId: string): Promise<void>;
  isViewing(userId: string, roomId: string, now: number): Promise<boolean>;

  /** Marks `userId` typing in `roomId` until `expiresAt`; true when they were not typing before. */
  startTyping(roomId: string, userId: string, expiresAt: number): Promise<boolean>;
  /** True when `userId` was typing in `roomId` (and no longer is). */
  stopTyping(roomId: string, userId: string): Promise<boolean>;
  /** Rooms `userId` may be typing in. */
  typingRoomsOf(userId: string): Promise<string[]>;
  /** Removes typers of `roomId` whose entry expired before `now`; returns them. */
  expireTyping(roomId: string, now: number): Promise<string[]>;
  /** Rooms whose newest typing entry expired before `now`. */
  roomsWithExpiredTyping(now: number, limit: number): Promise<string[]>;
  /** Everyone currently typing in `roomId` (until an expiry removes them). */
  typers(roomId: string): Promise<string[]>;

  close(): Promise<void>;
}

// ---------------------------------------------------------------------------
// Redis
// ---------------------------------------------------------------------------

/**
 * KEYS: online, then hold:<user> per user. ARGV: expiresAt, instanceId, ttlMs,
 * then the users. Returns, per user, 1 if they just came online.
 */
const HOLD = `
local out = {}
for i = 2, #KEYS do
  redis.call('ZADD', KEYS[i], ARGV[1], ARGV[2])
  redis.call('PEXPIRE', KEYS[i], ARGV[3])
  out[i - 1] = redis.call('ZADD', KEYS[1], 'GT', ARGV[1], ARGV[i + 2])
end
return out`;

/** KEYS: view:<user> per view. ARGV: expiresAt, ttlMs, then `<room>|<instance>` per view. */
const HOLD_VIEWS = `
for i = 1, #KEYS do
  redis.call('ZADD', KEYS[i], ARGV[1], ARGV[i + 2])
  redis.call('PEXPIRE', KEYS[i], ARGV[2])
end
return #KEYS`;

/**
 * Most users or views one script call renews (and typing stops one call
 * ends): a heartbeat of 19,000 users is 95 calls, each keeping Redis busy
 * for well under a millisecond.
 */
export const HOLD_BATCH = 200;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** KEYS: hold, online. ARGV: now, userId. Returns 1 if this call took the user offline. */
const SETTLE = `
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
local top = redis.call('ZRANGE', KEYS[1], -1, -1, 'WITHSCORES')
if top[2] then
  redis.call('ZADD', KEYS[2], 'GT', top[2], ARGV[2])
  return 0
end
return redis.call('ZREM', KEYS[2], ARGV[2])`;

/** KEYS: typing, typing-rooms, typer. ARGV: expiresAt, userId, roomId, ttlMs. Returns 1 if new. */
const START_TYPING = `
local added = redis.call('ZADD', KEYS[1], ARGV[1], ARGV[2])
redis.call('PEXPIRE', KEYS[1], ARGV[4])
local low = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
redis.call('ZADD', KEYS[2], low[2], ARGV[3])
redis.call('SADD', KEYS[3], ARGV[3])
redis.call('PEXPIRE', KEYS[3], ARGV[4])
return added`;

/**
 * Re-indexes a typing room by its earliest expiry after removals: a Lua
 * function, the shared part of STOP_TYPING and EXPIRE_TYPING.
 */
const REINDEX_TYPING = `
local function reindex(typing, typingRooms, room)
  local low = redis.call('ZRANGE', typing, 0, 0, 'WITHSCORES')
  if low[2] then
    redis.call('ZADD', typingRooms, low[2], room)
  else
    redis.call('ZREM', typingRooms, room)
  end
end`;

/**
 * Stops several typers at once (every message sent in one event-loop turn ends
 * its sender's typing). KEYS: typing-rooms, then typing:<room> and
 * typer:<user> per pair. ARGV: userId and roomId per pair. Returns, per pair,
 * 1 if the user was typing in the room.
 */
const STOP_TYPING = `${REINDEX_TYPING}
local out = {}
for i = 1, #ARGV / 2 do
  local typing, typer = KEYS[2 * i], KEYS[2 * i + 1]
  local user, room = ARGV[2 * i - 1], ARGV[2 * i]
  out[i] = redis.call('ZREM', typing, user)
  redis.call('SREM', typer, room)
  reindex(typing, KEYS[1], room)
end
return out`;

/** KEYS: typing, typing-rooms. ARGV: now, roomId. Returns the removed typers. */
const EXPIRE_TYPING = `${REINDEX_TYPING}
local gone = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
if #gone > 0 then redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1]) end
reindex(KEYS[1], KEYS[2], ARGV[2])
return gone`;

/**
 * The scripts, sent by SHA (EVALSHA, ioredis' defineCommand; the full text
 * only when Redis does not know it yet), not in full on every call.
 */
const SCRIPTS = {
  parleyHold: HOLD,
  parleyHoldViews: HOLD_VIEWS,
  parleySettle: SETTLE,
  parleyStartTyping: START_TYPING,
  parleyStopTyping: STOP_TYPING,
  parleyExpireTyping: EXPIRE_TYPING,
};
type ScriptName = keyof typeof SCRIPTS;

interface TypingStop {
  roomId: string;
  userId: string;
}

export class RedisLiveStore implements LiveStore {
  private readonly redis: Redis;
  private readonly p: string;
  private readonly ttlMs: number;
  /** The stops of one event-loop turn, in one script call (each sent message stops its sender's typing). */
  private readonly stopOne: (stop: TypingStop) => Promise<boolean>;

  constructor(url: string, prefix: string, ttlMs: number, onError: (err: Error) => void) {
    this.redis = new Redis(url, { maxRetriesPerRequest: 2, enableOfflineQueue: true, lazyConnect: false });
    this.redis.on('error', onError);
    for (const [name, lua] of Object.entries(SCRIPTS)) this.redis.defineCommand(name, { lua });
    this.p = prefix;
    this.ttlMs = ttlMs;
    this.stopOne = turnBatcher(async (stops: TypingStop[]) => {
      const flags = (await this.script(
        'parleyStopTyping',
        1 + 2 * stops.length,
        this.k.typingRooms(),
        ...stops.flatMap((t) => [this.k.typing(t.roomId), this.k.typer(t.userId)]),
        ...stops.flatMap((t) => [t.userId, t.roomId]),
      )) as number[];
      return stops.map((_, i) => Number(flags[i]) === 1);
    }, HOLD_BATCH);
  }

  /** Runs one of SCRIPTS: the number of keys, the keys, then the arguments. */
  private script(name: ScriptName, keyCount: number, ...args: Array<string | number>): Promise<unknown> {
    const run = (
      this.redis as unknown as Record<ScriptName, (...a: Array<string | number>) => Promise<unknown>>
    )[name];
    return run.call(this.redis, keyCount, ...args);
  }

  private k = {
    hold: (u: string) => `${this.p}hold:${u}`,
    online: () => `${this.p}online`,
    view: (u: string) => `${this.p}view:${u}`,
    typing: (r: string) => `${this.p}typing:${r}`,
    typingRooms: () => `${this.p}typing-rooms`,
    typer: (u: string) => `${this.p}typer:${u}`,
  };

  async hold(instanceId: string, userIds: readonly string[], expiresAt: number) {
    const cameOnline: string[] = [];
    for (const batch of chunks(userIds, HOLD_BATCH)) {
      const flags = (await this.script(
        'parleyHold',
        batch.length + 1,
        this.k.online(),
        ...batch.map((u) => this.k.hold(u)),
        expiresAt,
        instanceId,
        this.ttlMs,
        ...batch,
      )) as number[];
      batch.forEach((u, i) => {
        if (Number(flags[i]) === 1) cameOnline.push(u);
      });
    }
    return cameOnline;
  }

  async release(instanceId: string, userId: string) {
    await this.redis.zrem(this.k.hold(userId), instanceId);
  }

  async settle(userId: string, now: number) {
    const r = await this.script('parleySettle', 2, this.k.hold(userId), this.k.online(), now, userId);
    return Number(r) === 1;
  }

  async expireOnlineAt(userIds: readonly string[], at: number) {
    if (userIds.length === 0) return;
    await this.redis.zadd(this.k.online(), 'XX', ...userIds.flatMap((u) => [at, u]));
  }

  expiredOnline(now: number, limit: number) {
    return this.redis.zrangebyscore(this.k.online(), '-inf', now, 'LIMIT', 0, limit);
  }

  async onlineAmong(userIds: readonly string[]) {
    if (userIds.length === 0) return new Set<string>();
    const scores = await this.redis.zmscore(this.k.online(), ...userIds);
    return new Set(userIds.filter((_, i) => scores[i] != null));
  }

  async holdViews(instanceId: string, views: readonly View[], expiresAt: number) {
    for (const batch of chunks(views, HOLD_BATCH)) {
      await this.script(
        'parleyHoldViews',
        batch.length,
        ...batch.map((v) => this.k.view(v.userId)),
        expiresAt,
        this.ttlMs,
        ...batch.map((v) => `${v.roomId}|${instanceId}`),
      );
    }
  }

  async releaseView(instanceId: string, userId: string, roomId: string) {
    await this.redis.zrem(this.k.view(userId), `${roomId}|${instanceId}`);
  }

  async isViewing(userId: string, roomId: string, now: number) {
    const live = await this.redis.zrangebyscore(this.k.view(userId), now, '+inf');
    return live.some((m) => m.startsWith(`${roomId}|`));
  }

  async startTyping(roomId: string, userId: string, expiresAt: number) {
    const r = await this.script(
      'parleyStartTyping',
      3,
      this.k.typing(roomId),
      this.k.typingRooms(),
      this.k.typer(userId),
      expiresAt,
      userId,
      roomId,
      // Keys outlive their entries a little, so sweepers still find them.
      Math.max(this.ttlMs, expiresAt - Date.now()) * 2,
    );
    return Number(r) === 1;
  }

  stopTyping(roomId: string, userId: string) {
    return this.stopOne({ roomId, userId });
  }

  typingRoomsOf(userId: string) {
    return this.redis.smembers(this.k.typer(userId));
  }

  async expireTyping(roomId: string, now: number) {
    const gone = await this.script(
      'parleyExpireTyping',
      2,
      this.k.typing(roomId),
      this.k.typingRooms(),
      now,
      roomId,
    );
    return (gone as string[]) ?? [];
  }

  roomsWithExpiredTyping(now: number, limit: number) {
    return this.redis.zrangebyscore(this.k.typingRooms(), '-inf', now, 'LIMIT', 0, limit);
  }

  typers(roomId: string) {
    return this.redis.zrange(this.k.typing(roomId), 0, -1);
  }

  async close() {
    await closeRedis(this.redis);
  }
}

// ---------------------------------------------------------------------------
// Memory (one instance, no REDIS_URL)
// ---------------------------------------------------------------------------

type ZSet = Map<string, number>;

export class MemoryLiveStore implements LiveStore {
  private readonly holds = new Map<string, ZSet>();
  private readonly online = new Map<string, number>();
  private readonly views = new Map<string, ZSet>();
  private readonly typing = new Map<string, ZSet>();
  private readonly typerRooms = new Map<string, Set<string>>();

  private static zset(m: Map<string, ZSet>, key: string): ZSet {
    let z = m.get(key);
    if (!z) {
      z = new Map();
      m.set(key, z);
    }
    return z;
  }

  async hold(instanceId: string, userIds: readonly string[], expiresAt: number) {
    const cameOnline: string[] = [];
    for (const userId of userIds) {
      MemoryLiveStore.zset(this.holds, userId).set(instanceId, expiresAt);
      const before = this.online.get(userId);
      this.online.set(userId, Math.max(before ?? 0, expiresAt));
      if (before === undefined) cameOnline.push(userId);
    }
    return cameOnline;
  }

  async release(instanceId: string, userId: string) {
    this.holds.get(userId)?.delete(instanceId);
  }

  async settle(userId: string, now: number) {
    const z = this.holds.get(userId);
    let top = 0;
    for (const [inst, exp] of z ?? []) {
      if (exp <= now) z?.delete(inst);
      else top = Math.max(top, exp);
    }
    if (top > 0) {
      this.online.set(userId, Math.max(this.online.get(userId) ?? 0, top));
      return false;
    }
    this.holds.delete(userId);
    return this.online.delete(userId);
  }

  async expireOnlineAt(userIds: readonly string[], at: number) {
    for (const u of userIds) if (this.online.has(u)) this.online.set(u, at);
  }

  async expiredOnline(now: number, limit: number) {
    return [...this.online]
      .filter(([, exp]) => exp <= now)
      .map(([u]) => u)
      .slice(0, limit);
  }

  async onlineAmong(userIds: readonly string[]) {
    return new Set(userIds.filter((u) => this.online.has(u)));
  }

  async holdViews(instanceId: string, views: readonly View[], expiresAt: number) {
    for (const { userId, roomId } of views)
      MemoryLiveStore.zset(this.views, userId).set(`${roomId}|${instanceId}`, expiresAt);
  }

  async releaseView(instanceId: string, userId: string, roomId: string) {
    const z = this.views.get(userId);
    z?.delete(`${roomId}|${instanceId}`);
    if (z?.size === 0) this.views.delete(userId);
  }

  async isViewing(userId: string, roomId: string, now: number) {
    for (const [m, exp] of this.views.get(userId) ?? [])
      if (exp > now && m.startsWith(`${roomId}|`)) return true;
    return false;
  }

  async startTyping(roomId: string, userId: string, expiresAt: number) {
    const z = MemoryLiveStore.zset(this.typing, roomId);
    const added = !z.has(userId);
    z.set(userId, expiresAt);
    let rooms = this.typerRooms.get(userId);
    if (!rooms) {
      rooms = new Set();
      this.typerRooms.set(userId, rooms);
    }
    rooms.add(roomId);
    return added;
  }

  async stopTyping(roomId: string, userId: string) {
    const z = this.typing.get(roomId);
    const removed = z?.delete(userId) ?? false;
    if (z?.size === 0) this.typing.delete(roomId);
    this.typerRooms.get(userId)?.delete(roomId);
    return removed;
  }

  async typingRoomsOf(userId: string) {
    return [...(this.typerRooms.get(userId) ?? [])];
  }

  async expireTyping(roomId: string, now: number) {
    const z = this.typing.get(roomId);
    const gone: string[] = [];
    for (const [u, exp] of z ?? []) {
      if (exp <= now) {
        z?.delete(u);
        gone.push(u);
      }
    }
    if (z?.size === 0) this.typing.delete(roomId);
    return gone;
  }

  async roomsWithExpiredTyping(now: number, limit: number) {
    const rooms: string[] = [];
    for (const [roomId, z] of this.typing) {
      if ([...z.values()].some((exp) => exp <= now)) rooms.push(roomId);
      if (rooms.length >= limit) break;
    }
    return rooms;
  }

  async typers(roomId: string) {
    return [...(this.typing.get(roomId)?.keys() ?? [])];
  }

  async close() {}
}
