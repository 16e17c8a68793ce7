/**
 * The live-state stores on their own: the batched renewals the presence
 * heartbeat makes (every user and every view of an instance, HOLD_BATCH per
 * round trip) behave as one renewal per user, and the typing stops of one
 * event-loop turn (one per sent message) as one stop each. The Redis store
 * runs against the real Redis when REDIS_URL is set; the memory store always
 * runs.
 */
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../src/lib/ids.ts';
import {
  HOLD_BATCH,
  type LiveStore,
  MemoryLiveStore,
  RedisLiveStore,
} from '../src/modules/presence/presence.store.ts';

const redisUrl = process.env.REDIS_URL;
const TTL_MS = 60_000;
const prefix = `parley:test-${uuidv7()}:live:`;
const stores: Array<[string, () => LiveStore]> = [['memory', () => new MemoryLiveStore()]];
if (redisUrl)
  stores.push([
    'redis',
    () =>
      new RedisLiveStore(redisUrl, prefix, TTL_MS, (err) => {
        throw err;
      }),
  ]);

afterAll(async () => {
  if (!redisUrl) return;
  const redis = new Redis(redisUrl);
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length > 0) await redis.del(...keys);
  await redis.quit();
});

describe.each(stores)('%s live store', (_name, make) => {
  it('holds more users than one batch in a call, and reports only those who came online', async () => {
    const store = make();
    try {
      const instance = uuidv7();
      const users = Array.from({ length: HOLD_BATCH * 2 + 7 }, () => uuidv7());
      const now = Date.now();
      const first = users.slice(0, 5);
      expect(await store.hold(instance, first, now + 1_000)).toEqual(first);
      // The heartbeat: everyone, the five already online among them, with a later expiry.
      expect(await store.hold(instance, users, now + 5_000)).toEqual(users.slice(5));
      expect(await store.hold(instance, users, now + 6_000)).toEqual([]);
      expect((await store.onlineAmong(users)).size).toBe(users.length);

      // The renewal moved every user's expiry: nobody is due before it, all are after.
      expect(await store.expiredOnline(now + 4_000, users.length)).toEqual([]);
      const due = await store.expiredOnline(now + 6_000, users.length);
      expect(new Set(due)).toEqual(new Set(users));
      // A user whose hold was renewed stays online when the old expiry passes.
      expect(await store.settle(first[0] as string, now + 2_000)).toBe(false);
      expect(await store.settle(first[0] as string, now + 7_000)).toBe(true);
      expect(await store.hold(instance, [], now)).toEqual([]);
    } finally {
      await store.close();
    }
  });

  it('renews views in batches: each stays visible until its new expiry, for its own room only', async () => {
    const store = make();
    try {
      const instance = uuidv7();
      const now = Date.now();
      const views = Array.from({ length: HOLD_BATCH + 3 }, () => ({ userId: uuidv7(), roomId: uuidv7() }));
      await store.holdViews(instance, views, now + 1_000);
      await store.holdViews(instance, views, now + 5_000);
      // The first batch's first view and the second batch's last.
      for (const v of [views[0], views[HOLD_BATCH + 2]]) {
        if (!v) throw new Error('missing view');
        expect(await store.isViewing(v.userId, v.roomId, now + 3_000)).toBe(true);
        expect(await store.isViewing(v.userId, v.roomId, now + 5_500)).toBe(false);
        expect(await store.isViewing(v.userId, views[1]?.roomId as string, now)).toBe(false);
      }
      await store.releaseView(instance, views[0]?.userId as string, views[0]?.roomId as string);
      expect(await store.isViewing(views[0]?.userId as string, views[0]?.roomId as string, now)).toBe(false);
    } finally {
      await store.close();
    }
  });

  it('stops the typers of one turn exactly as one at a time, and keeps the rooms index right', async () => {
    const store = make();
    try {
      const now = Date.now();
      const [r1, r2] = [uuidv7(), uuidv7()];
      const [a, b, c] = [uuidv7(), uuidv7(), uuidv7()];
      await store.startTyping(r1, a, now + 10_000);
      await store.startTyping(r1, b, now + 20_000);
      await store.startTyping(r2, a, now + 30_000);
      // One turn: a stops in both rooms (twice in r1, as two quick sends would), c never typed.
      const stopped = await Promise.all([
        store.stopTyping(r1, a),
        store.stopTyping(r1, a),
        store.stopTyping(r2, a),
        store.stopTyping(r1, c),
      ]);
      expect(stopped).toEqual([true, false, true, false]);
      expect(await store.typers(r1)).toEqual([b]);
      expect(await store.typers(r2)).toEqual([]);
      expect(await store.typingRoomsOf(a)).toEqual([]);
      // r1 is now indexed by b's expiry (a's earlier one is gone); r2 not at all.
      expect(await store.roomsWithExpiredTyping(now + 15_000, 10)).not.toContain(r1);
      const due = await store.roomsWithExpiredTyping(now + 25_000, 1_000);
      expect(due).toContain(r1);
      expect(due).not.toContain(r2);
      expect(await store.expireTyping(r1, now + 25_000)).toEqual([b]);
    } finally {
      await store.close();
    }
  });
});

describe.runIf(redisUrl)('redis live store, round trips', () => {
  it('sends the typing stops of one turn as one script call', async () => {
    const store = new RedisLiveStore(redisUrl as string, prefix, TTL_MS, (err) => {
      throw err;
    });
    // The commands this store's connection sends to Redis (MONITOR raced ioredis' reply queue
    // when other test files' clients were busy: "Command queue state error").
    const room = uuidv7();
    const client = (store as unknown as { redis: Redis }).redis;
    const calls: string[] = [];
    const sendCommand = client.sendCommand.bind(client);
    client.sendCommand = ((command: { name: string; args: unknown[] }, ...rest: unknown[]) => {
      if (/^eval/i.test(command.name) && command.args.some((a) => String(a).includes(room)))
        calls.push(command.name);
      return (sendCommand as (...a: unknown[]) => unknown)(command, ...rest);
    }) as typeof client.sendCommand;
    try {
      const users = Array.from({ length: 5 }, () => uuidv7());
      for (const u of users) await store.startTyping(room, u, Date.now() + 10_000);
      await store.stopTyping(room, uuidv7()); // Redis knows the script from here on (no NOSCRIPT retry below)
      calls.length = 0;
      expect(await Promise.all(users.map((u) => store.stopTyping(room, u)))).toEqual(users.map(() => true));
      expect(calls.map((c) => c.toLowerCase())).toEqual(['evalsha']);
      expect(await store.typers(room)).toEqual([]);
    } finally {
      await store.close();
    }
  });
});
