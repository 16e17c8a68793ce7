/**
 * The topic-match cache in front of mqemitter's Qlobber (lib/match-cache.ts):
 * an emit must reach exactly the listeners registered at that moment, however
 * often the same topic was matched before, and the cache must actually be
 * used by the app's emitter (in memory and behind Redis).
 */
import mqemitter, { type Message } from 'mqemitter';
import { afterAll, describe, expect, it } from 'vitest';
import { cacheMatches, matchCacheStats, type TopicMatcher } from '../src/lib/match-cache.ts';
import { roomTopic } from '../src/modules/rooms/rooms.topics.ts';
import { createTestApp, type TestApp } from './helpers/app.ts';
import { createGroup, registerTrio, send } from './helpers/chat.ts';

type Emitter = ReturnType<typeof mqemitter> & { _matcher: TopicMatcher };

const emit = (e: Emitter, topic: string, payload: unknown) =>
  new Promise<void>((resolve) => e.emit({ topic, payload }, () => resolve()));
const on = (e: Emitter, topic: string, listener: (m: Message, done: () => void) => void) =>
  new Promise<void>((resolve) => e.on(topic, listener, () => resolve()));
const off = (e: Emitter, topic: string, listener: (m: Message, done: () => void) => void) =>
  new Promise<void>((resolve) => e.removeListener(topic, listener, () => resolve()));

describe('cacheMatches', () => {
  it('delivers to exactly the listeners present at each emit, across adds and removes', async () => {
    const e = mqemitter({ concurrency: 0 }) as Emitter;
    const stats = cacheMatches(e._matcher);
    const got: string[] = [];
    const a = (m: Message, done: () => void) => {
      got.push(`a:${m.payload}`);
      done();
    };
    const b = (m: Message, done: () => void) => {
      got.push(`b:${m.payload}`);
      done();
    };
    await on(e, 'room/1', a);
    await emit(e, 'room/1', 1);
    await emit(e, 'room/1', 2); // remembered
    await emit(e, 'room/2', 3); // nobody listens: remembered as nobody
    await on(e, 'room/2', b); // a change forgets every match
    await emit(e, 'room/2', 4);
    await emit(e, 'room/1', 5);
    await on(e, 'room/+', b); // wildcards still match
    await emit(e, 'room/1', 6);
    await off(e, 'room/1', a);
    await emit(e, 'room/1', 7);
    e._matcher.clear();
    await emit(e, 'room/1', 8);
    expect(got).toEqual(['a:1', 'a:2', 'b:4', 'a:5', 'a:6', 'b:6', 'b:7']);
    expect(stats.hits).toBeGreaterThan(0);
    // Installing twice wraps once.
    expect(cacheMatches(e._matcher)).toBe(stats);
  });

  it('starts over past its size bound instead of growing', async () => {
    const e = mqemitter({ concurrency: 0 }) as Emitter;
    const stats = cacheMatches(e._matcher, 3);
    for (const t of ['t/1', 't/2', 't/3', 't/4', 't/1']) await emit(e, t, null);
    // t/4 evicted everything (3 known): t/1 is matched again.
    expect(stats.misses).toBe(5);
  });
});

describe.each([
  ['in memory', false],
  ['behind Redis', true],
] as const)('the app emitter (%s)', (_name, redis) => {
  let t: TestApp;
  afterAll(() => t?.close());

  it('matches a room topic once while its listeners stay the same', async () => {
    t = await createTestApp({ redis });
    // Installed by the app itself (plugins/pubsub.ts).
    const stats = matchCacheStats((t.app.emitter as unknown as Emitter)._matcher);
    if (!stats) throw new Error('the app emitter has no match cache');
    const [alice, bob] = await registerTrio(t);
    const room = await createGroup(t, alice, [bob]);
    const seen: number[] = [];
    const listener = (m: Message, done: () => void) => {
      const p = m.payload as { __typename?: string; seq?: number };
      if (p.__typename === 'MessageCreated' && p.seq !== undefined) seen.push(p.seq);
      done();
    };
    await on(t.app.emitter as Emitter, roomTopic(room.id), listener);
    // Two sends first: the topics a send touches (the room's, its members', the room-list
    // invalidations published a turn later) are then all known. The sender's own instance
    // delivers at once, so the first one alone may be seen before its invalidation goes out.
    const first = await send(t, alice, room.id, 'one');
    const second = await send(t, alice, room.id, 'two');
    await expect.poll(() => seen).toEqual([first.seq, second.seq]);
    const before = { ...stats };
    const third = await send(t, alice, room.id, 'three');
    const fourth = await send(t, alice, room.id, 'four');
    await expect.poll(() => seen).toEqual([first.seq, second.seq, third.seq, fourth.seq]);
    expect(stats.hits).toBeGreaterThan(before.hits);
    expect(stats.misses).toBe(before.misses);
    await off(t.app.emitter as Emitter, roomTopic(room.id), listener);
    await send(t, alice, room.id, 'five');
    await new Promise((r) => setTimeout(r, 200));
    expect(seen).toHaveLength(4);
  });
});
