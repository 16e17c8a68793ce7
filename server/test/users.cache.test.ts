/**
 * The user cache (users.cache.ts): users a request renders come from memory,
 * and a profile change shows in the next read, on every instance.
 */
import { EventEmitter } from 'node:events';
import mqemitter from 'mqemitter';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUserCache, USER_CACHE_TTL_MS } from '../src/modules/users/users.cache.ts';
import type { UserModel } from '../src/modules/users/users.model.ts';
import type { EventBus } from '../src/plugins/pubsub.ts';
import { createTestApp, readUntil, type TestApp, twoInstances } from './helpers/app.ts';
import { createGroup, send } from './helpers/chat.ts';
import { registerUser, type TestUser } from './helpers/users.ts';

const hasRedis = Boolean(process.env.REDIS_URL);

const RENAME_ME = `mutation($n: String!) { updateProfile(input: { displayName: $n }) { displayName } }`;
const SENDERS = `query($r: ID!) { messages(roomId: $r, last: 10) { edges { node { sender { id displayName } } } } }`;

/** The display names of the room's senders as `viewer` reads them, and the statements that took. */
async function senders(t: TestApp, viewer: TestUser, roomId: string) {
  const before = t.app.dbStats.queries;
  const data = await t.ok(SENDERS, { r: roomId }, viewer.accessToken);
  return {
    names: data.messages.edges.map(
      (e: { node: { sender: { displayName: string } } }) => e.node.sender.displayName,
    ),
    statements: t.app.dbStats.queries - before,
  };
}

describe('user cache', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  it('reads a user once, then from memory until their profile changes', async () => {
    const [alice, bob] = await Promise.all([registerUser(t), registerUser(t)]);
    const room = await createGroup(t, alice, [bob]);
    await send(t, alice, room.id, 'hi');
    await t.ok(RENAME_ME, { n: 'Alice' }, alice.accessToken); // whatever was held of her is gone
    const first = await senders(t, bob, room.id);
    const second = await senders(t, bob, room.id);
    expect(second.names).toEqual(first.names);
    expect(second.statements).toBeLessThan(first.statements); // no users statement

    await t.ok(RENAME_ME, { n: 'Alice Renamed' }, alice.accessToken);
    expect((await senders(t, bob, room.id)).names).toEqual(['Alice Renamed']);
    expect((await t.ok('{ me { displayName } }', {}, alice.accessToken)).me.displayName).toBe(
      'Alice Renamed',
    );
  });
});

describe('user cache: its own rules', () => {
  const user = (id: string, displayName = id): UserModel => ({
    id,
    email: `${id}@example.com`,
    username: id,
    displayName,
    bio: '',
    timeZone: 'UTC',
    showOnline: true,
    shareReadReceipts: true,
    lastSeenAt: null,
    createdAt: new Date(0),
    avatarFileId: null,
  });
  function setup(maxUsers = 100) {
    const emitter = mqemitter();
    const events: Pick<EventBus, 'publish'> = {
      publish: (topic, payload) =>
        new Promise((resolve) => emitter.emit({ topic, payload }, () => resolve())),
    };
    let clock = 1_000_000;
    const cache = createUserCache(emitter, events, { maxUsers, now: () => clock });
    const loaded: string[][] = [];
    const load =
      (name = '') =>
      async (ids: string[]) => {
        loaded.push(ids);
        return ids.filter((id) => id !== 'ghost').map((id) => user(id, `${id}${name}`));
      };
    return { cache, loaded, load, tick: (ms: number) => (clock += ms) };
  }
  const names = (users: UserModel[]) => users.map((u) => u.displayName).sort();

  it('loads only the users it does not hold, and never holds unknown ids', async () => {
    const { cache, loaded, load } = setup();
    await cache.many(['a', 'b', 'ghost'], load());
    expect(names(await cache.many(['a', 'b', 'c', 'ghost'], load()))).toEqual(['a', 'b', 'c']);
    expect(loaded).toEqual([
      ['a', 'b', 'ghost'],
      ['c', 'ghost'],
    ]);
  });

  it('does not keep a user read while a change to them came in', async () => {
    const { cache, load } = setup();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const reading = cache.many(['a', 'b'], async (ids) => {
      await gate;
      return load(' (old)')(ids);
    });
    await cache.changed(['a']);
    release();
    expect(names(await reading)).toEqual(['a (old)', 'b (old)']);
    expect(names(await cache.many(['a', 'b'], load(' (new)')))).toEqual(['a (new)', 'b (old)']);
  });

  it('keeps nothing from a read that began before a change it can no longer track', async () => {
    const { cache, load } = setup(2);
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const reading = cache.many(['a'], async (ids) => {
      await gate;
      return load(' (old)')(ids);
    });
    await cache.changed(['a', 'x', 'y']); // more changes than it remembers: a's is dropped
    release();
    await reading;
    expect(names(await cache.many(['a'], load(' (new)')))).toEqual(['a (new)']);
  });

  it('forgets every user when the Redis subscription (re)connects (changes published meanwhile are lost)', async () => {
    const emitter = Object.assign(mqemitter(), { state: new EventEmitter() });
    const events: Pick<EventBus, 'publish'> = { publish: async () => {} };
    const cache = createUserCache(emitter, events);
    const loaded: string[][] = [];
    const load = async (ids: string[]) => {
      loaded.push(ids);
      return ids.map((id) => user(id));
    };
    await cache.many(['a'], load);
    await cache.many(['a'], load);
    emitter.state.emit('subConnect'); // as mqemitter-redis announces it
    await cache.many(['a'], load);
    expect(loaded).toEqual([['a'], ['a']]);
    cache.close();
    expect(emitter.state.listenerCount('subConnect')).toBe(0);
  });

  it('trusts a user for the TTL at most, holds at most maxUsers, and freezes what it shares', async () => {
    const { cache, loaded, load, tick } = setup(2);
    const [a] = await cache.many(['a'], load());
    expect(Object.isFrozen(a)).toBe(true);
    tick(USER_CACHE_TTL_MS - 1);
    await cache.many(['a'], load());
    expect(loaded).toHaveLength(1);
    tick(1);
    await cache.many(['a'], load());
    expect(loaded).toHaveLength(2);
    await cache.many(['b', 'c'], load()); // a is the least recently used: it goes
    await cache.many(['b', 'c'], load());
    expect(loaded).toHaveLength(3);
    await cache.many(['a'], load());
    expect(loaded).toHaveLength(4);
  });
});

describe.skipIf(!hasRedis)('user cache across instances', () => {
  const { a, b } = twoInstances();

  it('shows a profile change made on one instance in what another had in memory', async () => {
    const [u, v] = await Promise.all([registerUser(a()), registerUser(a())]);
    const room = await createGroup(a(), u, [v]);
    await send(a(), u, room.id, 'hi');
    const cold = await senders(b(), v, room.id);
    expect((await senders(b(), v, room.id)).statements).toBeLessThan(cold.statements); // b holds u now
    await a().ok(RENAME_ME, { n: 'Renamed on a' }, u.accessToken);
    const seen = await readUntil(
      async () => (await senders(b(), v, room.id)).names,
      (names) => names[0] === 'Renamed on a',
    );
    expect(seen).toEqual(['Renamed on a']);
  });
});
