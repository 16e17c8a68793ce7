/**
 * The room-list cache (rooms.list-cache.ts): a repeated room list is served
 * from memory, and every change to one of the user's rooms (made by anyone, on
 * any instance) shows in the next list at once.
 */
import { EventEmitter } from 'node:events';
import mqemitter from 'mqemitter';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRoomListCache, ROOM_LIST_TTL_MS } from '../src/modules/rooms/rooms.list-cache.ts';
import { userTopic } from '../src/modules/users/users.topics.ts';
import { createTestApp, readUntil, type TestApp, twoInstances } from './helpers/app.ts';
import {
  ADD_MEMBERS,
  createGroup,
  DELETE,
  EDIT,
  LEAVE,
  MARK_READ,
  openDm,
  REMOVE_MEMBER,
  RENAME,
  registerTrio,
  send,
} from './helpers/chat.ts';
import { registerUser, type TestUser } from './helpers/users.ts';

const hasRedis = Boolean(process.env.REDIS_URL);

// Only fields of the room view itself: no loader runs, so a list from memory costs no statement.
const LIST = `{ rooms(first: 50) { edges { node {
  id title unreadCount memberCount lastSeq muted mutedUntil lastMessage { id body deletedAt }
} } } }`;
const MUTE = `mutation($r: ID!, $until: DateTime) { muteRoom(roomId: $r, until: $until) { id muted } }`;

interface ListedRoom {
  id: string;
  title: string | null;
  unreadCount: number;
  memberCount: number;
  lastSeq: number;
  muted: boolean;
  mutedUntil: string | null;
  lastMessage: { id: string; body: string | null; deletedAt: string | null } | null;
}

/** The user's room list and how many SQL statements reading it took. */
async function list(t: TestApp, user: TestUser): Promise<{ rooms: ListedRoom[]; statements: number }> {
  const before = t.app.dbStats.queries;
  const data = await t.ok(LIST, {}, user.accessToken);
  return {
    rooms: data.rooms.edges.map((e: { node: ListedRoom }) => e.node),
    statements: t.app.dbStats.queries - before,
  };
}

/** Lists twice, checking the second came from memory; returns the list. */
async function cachedList(t: TestApp, user: TestUser): Promise<ListedRoom[]> {
  const first = await list(t, user);
  const second = await list(t, user);
  expect(second.statements).toBe(0);
  expect(second.rooms).toEqual(first.rooms);
  return second.rooms;
}

describe('room list cache', () => {
  let t: TestApp;
  let alice: TestUser;
  let bob: TestUser;
  let carol: TestUser;
  beforeAll(async () => {
    t = await createTestApp();
    [alice, bob, carol] = await registerTrio(t);
  });
  afterAll(() => t?.close());

  it('serves a repeated list from memory, and any change to one of the rooms shows at once', async () => {
    const room = await createGroup(t, alice, [bob, carol], 'Cached');
    const other = await createGroup(t, alice, [bob], 'Other');
    const byId = async (user: TestUser, id = room.id) => (await list(t, user)).rooms.find((r) => r.id === id);

    // Someone else's message: last message, unread count and order.
    expect((await cachedList(t, bob))[0]?.id).toBe(other.id);
    const m1 = await send(t, alice, room.id, 'first');
    const after = await list(t, bob);
    expect(after.statements).toBeGreaterThan(0);
    expect(after.rooms[0]).toMatchObject({ id: room.id, unreadCount: 1, lastMessage: { body: 'first' } });

    // An edit of the last message, then its deletion (the unread count drops).
    await cachedList(t, bob);
    await t.ok(EDIT, { id: m1.id, body: 'first, edited' }, alice.accessToken);
    expect((await byId(bob))?.lastMessage?.body).toBe('first, edited');
    await cachedList(t, bob);
    await t.ok(DELETE, { id: m1.id }, alice.accessToken);
    expect(await byId(bob)).toMatchObject({
      unreadCount: 0,
      lastMessage: { id: m1.id, deletedAt: expect.any(String) },
    });

    // Reading on another device.
    await send(t, alice, room.id, 'second');
    expect((await cachedList(t, bob)).find((r) => r.id === room.id)?.unreadCount).toBe(1);
    const seq = (await byId(bob))?.lastSeq ?? 0;
    await t.ok(MARK_READ, { r: room.id, seq }, bob.accessToken);
    expect((await byId(bob))?.unreadCount).toBe(0);

    // The user's own message (their read pointer moves with it).
    await cachedList(t, bob);
    await send(t, bob, room.id, 'mine');
    expect(await byId(bob)).toMatchObject({ unreadCount: 0, lastMessage: { body: 'mine' } });

    // A rename, a mute.
    await cachedList(t, bob);
    await t.ok(RENAME, { r: room.id, t: 'Renamed' }, alice.accessToken);
    expect((await byId(bob))?.title).toBe('Renamed');
    await cachedList(t, bob);
    await t.ok(MUTE, { r: room.id }, bob.accessToken);
    expect(await byId(bob)).toMatchObject({ muted: true, mutedUntil: null });

    // Members: someone leaves (the count), someone is removed (the room goes), added (it comes).
    await cachedList(t, bob);
    await t.ok(LEAVE, { r: room.id }, carol.accessToken);
    expect((await byId(bob))?.memberCount).toBe(2);
    await cachedList(t, bob);
    await t.ok(REMOVE_MEMBER, { r: room.id, u: bob.id }, alice.accessToken);
    expect(await byId(bob)).toBeUndefined();
    await cachedList(t, bob);
    await t.ok(ADD_MEMBERS, { r: room.id, u: [bob.id] }, alice.accessToken);
    expect(await byId(bob)).toBeDefined();
  });

  it('shows a direct room to the other person with its first message', async () => {
    const [dave, erin] = await Promise.all([registerUser(t), registerUser(t)]);
    const dm = await openDm(t, dave, erin);
    expect(await cachedList(t, erin)).toEqual([]);
    await send(t, dave, dm.id, 'hello');
    expect((await list(t, erin)).rooms.map((r) => r.id)).toEqual([dm.id]);
  });

  it('lets a mute run out without any change announced', async () => {
    const frank = await registerUser(t);
    const room = await createGroup(t, alice, [frank], 'Short mute');
    const until = new Date(Date.now() + 1_500);
    await t.ok(MUTE, { r: room.id, until: until.toISOString() }, frank.accessToken);
    expect((await cachedList(t, frank))[0]?.muted).toBe(true);
    await new Promise((r) => setTimeout(r, until.getTime() - Date.now() + 50));
    expect((await list(t, frank)).rooms[0]).toMatchObject({ muted: false, mutedUntil: null });
  });

  it('reads every time when turned off (ROOM_LIST_CACHE_ROOMS=0)', async () => {
    const off = await createTestApp({ database: t.database, env: { ROOM_LIST_CACHE_ROOMS: '0' } });
    try {
      await list(off, alice);
      expect((await list(off, alice)).statements).toBeGreaterThan(0);
    } finally {
      await off.close();
    }
  });
});

describe('room list cache: its own rules', () => {
  const page = (...mutedUntil: (Date | null)[]) => ({
    edges: mutedUntil.map((until) => ({ node: { muted: until !== null, mutedUntil: until } })),
  });
  function setup(maxRooms: number, maxUsers?: number) {
    const emitter = mqemitter();
    let clock = 1_000_000;
    const cache = createRoomListCache(emitter, { maxRooms, maxUsers, now: () => clock });
    let loads = 0;
    const load =
      <T>(value: T) =>
      async () => {
        loads++;
        return value;
      };
    const announce = (userId: string, __typename: string) =>
      new Promise<void>((resolve) =>
        emitter.emit({ topic: userTopic(userId), payload: { __typename } }, () => resolve()),
      );
    return {
      cache,
      announce,
      loads: () => loads,
      load,
      tick: (ms: number) => {
        clock += ms;
      },
      at: () => clock,
    };
  }

  it('does not keep a page that was being read when a change for its user came in', async () => {
    const { cache } = setup(100);
    let release!: (v: ReturnType<typeof page>) => void;
    let reading!: () => void;
    const started = new Promise<void>((r) => (reading = r));
    const stale = cache.page('u', 'k', () => {
      reading();
      return new Promise<ReturnType<typeof page>>((r) => (release = r));
    });
    const concurrent = cache.page('u', 'k', async () => page(null, null, null)); // shares the read
    await started;
    cache.changed(['u']);
    release(page(null));
    expect((await stale).edges).toHaveLength(1);
    expect((await concurrent).edges).toHaveLength(1);
    const fresh = await cache.page('u', 'k', async () => page(null, null));
    expect(fresh.edges).toHaveLength(2);
  });

  it('keeps pages per user and key until a change, a running-out mute or the TTL', async () => {
    const { cache, load, loads, tick, at } = setup(100);
    await cache.page('u', 'a', load(page(null)));
    await cache.page('u', 'a', load(page(null)));
    await cache.page('u', 'b', load(page(null)));
    await cache.page('v', 'a', load(page(null)));
    expect(loads()).toBe(3);
    cache.changed(['v']);
    await cache.page('u', 'a', load(page(null)));
    await cache.page('v', 'a', load(page(null)));
    expect(loads()).toBe(4);

    await cache.page('m', 'a', load(page(null, new Date(at() + 5_000))));
    tick(4_999);
    await cache.page('m', 'a', load(page(null)));
    expect(loads()).toBe(5);
    tick(1);
    await cache.page('m', 'a', load(page(null)));
    expect(loads()).toBe(6);

    tick(ROOM_LIST_TTL_MS - 1);
    await cache.page('m', 'a', load(page(null)));
    expect(loads()).toBe(6);
    tick(1);
    await cache.page('m', 'a', load(page(null)));
    expect(loads()).toBe(7);
  });

  it("forgets a user's pages on RoomViewChanged or RoomRemoved on their topic, from any instance", async () => {
    const { cache, announce, load, loads } = setup(100);
    await cache.page('u', 'k', load(page(null)));
    await cache.page('v', 'k', load(page(null)));
    await announce('u', 'NotificationCreated'); // not about the room list
    await cache.page('u', 'k', load(page(null)));
    expect(loads()).toBe(2);
    await announce('u', 'RoomViewChanged');
    await cache.page('u', 'k', load(page(null)));
    await cache.page('v', 'k', load(page(null)));
    expect(loads()).toBe(3);
    await announce('v', 'RoomRemoved');
    await cache.page('v', 'k', load(page(null)));
    expect(loads()).toBe(4);
  });

  it('listens to at most maxUsers users, and keeps no pages for a user it stopped listening to', async () => {
    const { cache, announce, load, loads } = setup(100, 2);
    await cache.page('a', 'k', load(page(null)));
    await cache.page('b', 'k', load(page(null)));
    await cache.page('c', 'k', load(page(null))); // a's listener goes, and a's pages with it
    await cache.page('a', 'k', load(page(null)));
    expect(loads()).toBe(4);
    await announce('a', 'RoomViewChanged'); // listened to again
    await cache.page('a', 'k', load(page(null)));
    expect(loads()).toBe(5);
  });

  it('forgets every page when the Redis subscription (re)connects (events published meanwhile are lost)', async () => {
    const emitter = Object.assign(mqemitter(), { state: new EventEmitter() });
    const cache = createRoomListCache(emitter, { maxRooms: 100 });
    let loads = 0;
    const load = async () => {
      loads++;
      return page(null);
    };
    await cache.page('u', 'k', load);
    await cache.page('u', 'k', load);
    expect(loads).toBe(1);
    emitter.state.emit('subConnect'); // as mqemitter-redis announces it
    await cache.page('u', 'k', load);
    expect(loads).toBe(2);
    cache.close();
    expect(emitter.state.listenerCount('subConnect')).toBe(0);
  });

  it('holds at most maxRooms rooms, dropping the least recently used users first', async () => {
    const { cache, load, loads } = setup(4);
    await cache.page('a', 'k', load(page(null, null)));
    await cache.page('b', 'k', load(page(null, null)));
    await cache.page('a', 'k', load(page(null, null))); // a is now the most recent
    await cache.page('c', 'k', load(page(null))); // 5 rooms: b goes
    expect(loads()).toBe(3);
    await cache.page('a', 'k', load(page(null, null)));
    await cache.page('c', 'k', load(page(null)));
    expect(loads()).toBe(3);
    await cache.page('b', 'k', load(page(null, null)));
    expect(loads()).toBe(4);
    await cache.page('big', 'k', load(page(null, null, null, null, null))); // larger than the cache: not kept
    await cache.page('big', 'k', load(page(null)));
    expect(loads()).toBe(6);
  });

  it('loads every time when maxRooms is 0', async () => {
    const { cache, load, loads } = setup(0);
    await cache.page('u', 'k', load(page(null)));
    await cache.page('u', 'k', load(page(null)));
    expect(loads()).toBe(2);
  });
});

describe.skipIf(!hasRedis)('room list cache across instances', () => {
  const { a, b } = twoInstances();

  it('shows a change made on one instance in the list another instance had in memory', async () => {
    const [u, v] = await Promise.all([registerUser(a()), registerUser(a())]);
    const room = await createGroup(a(), u, [v], 'Across');
    await cachedList(b(), v);
    await send(a(), u, room.id, 'from instance a');
    const seen = await readUntil(
      async () => (await list(b(), v)).rooms[0],
      (r) => r?.lastMessage?.body === 'from instance a',
    );
    expect(seen).toMatchObject({ unreadCount: 1, lastMessage: { body: 'from instance a' } });
  });
});
