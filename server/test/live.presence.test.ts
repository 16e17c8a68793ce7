/**
 * Presence with real graphql-ws clients. With REDIS_URL set, users connect
 * to two (or three) app instances sharing the database and Redis; without
 * it, one instance (the cross-instance and crash tests are skipped).
 * Intervals are short here (grace 800 ms, TTL 1 s); production defaults are
 * 5 s / 30 s.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createLoaders } from '../src/graphql/loaders.ts';
import { userTopic } from '../src/modules/users/users.topics.ts';
import { createTestApp, expectError, type TestApp } from './helpers/app.ts';
import { createGroup, liveMyEvents, nextMatching, openDm, registerTrio } from './helpers/chat.ts';
import { BLOCK, RESPOND, SEND, UNBLOCK } from './helpers/contacts.ts';
import {
  eventually,
  LIVE_ROOM_EVENTS,
  type MyEv,
  PRESENCE,
  Sockets,
  UPDATE_PROFILE,
} from './helpers/live.ts';
import { registerUser, type TestUser } from './helpers/users.ts';
import type { LiveSubscription } from './helpers/ws.ts';

const ENV = {
  PRESENCE_GRACE_MS: '800',
  PRESENCE_HEARTBEAT_MS: '200',
  PRESENCE_TTL_MS: '1000',
  PRESENCE_SWEEP_MS: '200',
};

let a: TestApp;
let b: TestApp;
let redis: boolean;
let alice: TestUser;
let bob: TestUser;
let carol: TestUser;
let dave: TestUser;
let eve: TestUser;
let roomId: string;
const sockets = new Sockets();

beforeAll(async () => {
  a = await createTestApp({ env: ENV });
  redis = Boolean(a.config.redisUrl);
  b = redis ? await createTestApp({ env: ENV, database: a.database }) : a;
  [alice, bob, carol] = await registerTrio(a);
  [dave, eve] = await Promise.all([registerUser(a), registerUser(a)]);
  // Alice, Bob and Carol share a room; Dave is Bob's contact; Eve knows nobody.
  roomId = (await createGroup(a, alice, [bob, carol])).id;
  const req = (await a.ok(SEND, { id: bob.id }, dave.accessToken)).sendFriendRequest.request;
  await a.ok(RESPOND, { id: req.id, accept: true }, bob.accessToken);
});
afterEach(async () => {
  await sockets.closeAll();
  // Everyone offline again before the next test (no stray transitions).
  const ids = [alice, bob, carol, dave, eve].map((u) => u.id);
  await eventually(async () => (await a.app.deps.presence.onlineAmong(ids)).size === 0);
  await new Promise((r) => setTimeout(r, 300)); // let the last offline events go out
});
afterAll(async () => {
  if (b !== a) await b?.close();
  await a?.close();
});

const myEvents = async (t: TestApp, user: TestUser) =>
  liveMyEvents<MyEv>(
    t,
    await sockets.connect(t, user),
    user,
    `subscription { myEvents {
    __typename ... on RoomRemoved { roomId } ... on PresenceChanged { online lastSeenAt at user { id } } } }`,
  );

const presenceOf = (sub: LiveSubscription<MyEv>, user: TestUser, online: boolean, timeoutMs = 8_000) =>
  nextMatching(
    sub,
    (e) =>
      e.myEvents.__typename === 'PresenceChanged' &&
      e.myEvents.user.id === user.id &&
      e.myEvents.online === online,
    timeoutMs,
  ).then((e) => e.myEvents as { online: boolean; lastSeenAt: string | null; user: { id: string } });

const query = async (t: TestApp, viewer: TestUser, user: TestUser) =>
  (await t.ok(PRESENCE, { ids: [user.id] }, viewer.accessToken)).presence[0] as {
    online: boolean;
    lastSeenAt: string | null;
    user: { id: string; online: boolean; lastSeenAt: string | null };
  };

const USER_PRESENCE = `query($id: ID!) { user(id: $id) { id online lastSeenAt } }`;

describe('presence', () => {
  it('flips online and offline across instances, and persists lastSeenAt', async () => {
    const forBob = await myEvents(a, bob); // Bob on A
    const before = Date.now();
    const conn = await sockets.connect(b, alice); // Alice on B
    const on = await presenceOf(forBob, alice, true);
    expect(on.user.id).toBe(alice.id);
    expect(Number.isNaN(Date.parse((on as { at?: string }).at ?? ''))).toBe(false);
    expect(await query(a, bob, alice)).toMatchObject({ online: true, user: { online: true } });
    expect((await a.ok(USER_PRESENCE, { id: alice.id }, bob.accessToken)).user.online).toBe(true);
    expect((await query(b, alice, alice)).online).toBe(true); // and to herself

    await conn.close();
    const off = await presenceOf(forBob, alice, false);
    expect(Date.parse(off.lastSeenAt ?? '')).toBeGreaterThanOrEqual(before - 1000);
    const seen = await query(a, bob, alice);
    expect(seen).toMatchObject({ online: false, lastSeenAt: off.lastSeenAt });
    const row = await a.app.db
      .selectFrom('users')
      .select('last_seen_at')
      .where('id', '=', alice.id)
      .executeTakeFirstOrThrow();
    expect(row.last_seen_at?.toISOString()).toBe(new Date(off.lastSeenAt ?? 0).toISOString());
  });

  it('stays online while any socket is open, and a reload (reconnect within the grace) does not flap', async () => {
    const forBob = await myEvents(a, bob);
    const first = await sockets.connect(a, alice);
    await presenceOf(forBob, alice, true);
    const second = await sockets.connect(b, alice); // a second tab, on the other instance
    await first.close();
    await new Promise((r) => setTimeout(r, 1_600)); // twice the grace
    expect((await query(a, bob, alice)).online).toBe(true);

    // Reload: close the last socket and open a new one at once.
    await second.close();
    const third = await sockets.connect(a, alice);
    await new Promise((r) => setTimeout(r, 1_600));
    expect((await query(b, bob, alice)).online).toBe(true);
    await third.close();
    await presenceOf(forBob, alice, false);
    const aliceEvents = forBob.received.filter(
      (e) => e.myEvents.__typename === 'PresenceChanged' && e.myEvents.user.id === alice.id,
    );
    expect(aliceEvents.map((e) => e.myEvents.online)).toEqual([true, false]);
  });

  it.skipIf(!process.env.REDIS_URL)(
    'takes the users of an instance that died without goodbye offline',
    async () => {
      const c = await createTestApp({ env: ENV, database: a.database });
      try {
        const forBob = await myEvents(a, bob);
        await sockets.connect(c, carol);
        await presenceOf(forBob, carol, true);
        // Crash: no more heartbeats, nothing removed, no offline published by C.
        c.app.deps.presence.abandon();
        const crashedAt = Date.now();
        await c.close();
        const off = await presenceOf(forBob, carol, false, 15_000);
        expect(off.lastSeenAt).not.toBeNull();
        expect(Date.now() - crashedAt).toBeGreaterThanOrEqual(400); // by expiry, not by a goodbye
        expect((await query(a, bob, carol)).online).toBe(false);
      } finally {
        await c.close();
      }
    },
  );

  it('reaches only contacts and room mates', async () => {
    const forEve = await myEvents(a, eve);
    const forDave = await myEvents(b, dave);
    const forCarol = await myEvents(a, carol);
    await sockets.connect(b, bob);
    await presenceOf(forDave, bob, true); // contact
    await presenceOf(forCarol, bob, true); // room mate
    // Eve got nothing: the next thing she receives is this marker.
    await a.app.events.publish(userTopic(eve.id), { __typename: 'RoomRemoved', roomId: 'marker' });
    expect((await forEve.next()).myEvents).toEqual({ __typename: 'RoomRemoved', roomId: 'marker' });
    // And asking tells her nothing either.
    expect(await query(a, eve, bob)).toMatchObject({
      online: false,
      lastSeenAt: null,
      user: { online: false },
    });
    expect(await query(a, dave, bob)).toMatchObject({ online: true });
    expectError(
      await a.gql(PRESENCE, { ids: Array.from({ length: 101 }, () => bob.id) }, eve.accessToken),
      'BAD_USER_INPUT',
    );
  });

  it('leaves unknown ids out as documented, and refuses a malformed one as BAD_USER_INPUT', async () => {
    const unknown = '0190f3c2-7a1b-7c3d-8e4f-1234567890ab'; // well-formed, nobody's
    const listed = await a.ok(
      PRESENCE,
      { ids: [unknown, alice.id, alice.id.toUpperCase(), bob.id] },
      carol.accessToken,
    );
    expect(listed.presence.map((p: { user: { id: string } }) => p.user.id)).toEqual([alice.id, bob.id]);
    expect((await a.ok(PRESENCE, { ids: [unknown] }, carol.accessToken)).presence).toEqual([]);
    for (const ids of [['abc'], [alice.id, 'abc'], ['']]) {
      const err = expectError(await a.gql(PRESENCE, { ids }, carol.accessToken), 'BAD_USER_INPUT');
      expect(err.message).toBe('Malformed user id in userIds');
      expect(err.extensions.field).toBe('userIds');
    }
  });

  it('hidden presence leaks nothing; hiding and showing announce the change', async () => {
    await a.ok(UPDATE_PROFILE, { input: { showOnline: false } }, carol.accessToken);
    try {
      const forBob = await myEvents(a, bob);
      const carolSocket = await sockets.connect(b, carol);
      const aliceSocket = await sockets.connect(b, alice);
      // Alice's online arrives; Carol's never does.
      await presenceOf(forBob, alice, true);
      await new Promise((r) => setTimeout(r, 300));
      expect((await query(a, carol, carol)).online).toBe(true); // she sees herself
      expect(await query(a, bob, carol)).toMatchObject({
        online: false,
        lastSeenAt: null,
        user: { online: false, lastSeenAt: null },
      });
      // Her going away says nothing either, not even its timing: Alice's offline comes, Carol's not.
      await Promise.all([carolSocket.close(), aliceSocket.close()]);
      await presenceOf(forBob, alice, false);
      await new Promise((r) => setTimeout(r, 300));
      const aboutCarol = forBob.received.filter((e) => e.myEvents.user?.id === carol.id);
      expect(aboutCarol).toEqual([]);

      await sockets.connect(b, carol);
      await a.ok(UPDATE_PROFILE, { input: { showOnline: true } }, carol.accessToken);
      const shown = await presenceOf(forBob, carol, true);
      expect(shown.lastSeenAt).not.toBeNull();
      await a.ok(UPDATE_PROFILE, { input: { showOnline: false } }, carol.accessToken);
      const hidden = await presenceOf(forBob, carol, false);
      expect(hidden.lastSeenAt).toBeNull();
    } finally {
      await a.ok(UPDATE_PROFILE, { input: { showOnline: true } }, carol.accessToken);
    }
  });

  it("shows a direct peer's presence in the room list from memory, and follows blocks on any instance", async () => {
    const [pam, quinn] = await Promise.all([registerUser(a), registerUser(a)]);
    const dm = await openDm(a, pam, quinn);
    const LIST = `{ rooms(first: 20) { edges { node { id peer { id online lastSeenAt } } } } }`;
    /** Quinn as Pam's list on `t` shows him, and how many statements that list took. */
    const peerIn = async (t: TestApp) => {
      const before = t.app.dbStats.queries;
      const data = await t.ok(LIST, {}, pam.accessToken);
      const statements = t.app.dbStats.queries - before;
      const edge = (
        data.rooms.edges as { node: { id: string; peer: { online: boolean; lastSeenAt: string | null } } }[]
      ).find((e) => e.node.id === dm.id);
      if (!edge) throw new Error('direct room not listed');
      return { ...edge.node.peer, statements };
    };
    await sockets.connect(a, quinn);
    await eventually(async () => (await peerIn(b)).online);
    // Page, users and blocks all held: the list with its peers' presence reads nothing (the least
    // of a few lists counts: another test's background work may run a statement meanwhile).
    const counts: number[] = [];
    for (let i = 0; i < 5 && !counts.includes(0); i++) counts.push((await peerIn(b)).statements);
    expect(Math.min(...counts)).toBe(0);

    // Quinn blocks Pam: hidden at once where he did it, and on the other instance.
    await a.ok(BLOCK, { id: pam.id }, quinn.accessToken);
    expect(await peerIn(a)).toMatchObject({ online: false, lastSeenAt: null });
    await eventually(async () => !(await peerIn(b)).online);
    expect(await peerIn(b)).toMatchObject({ online: false, lastSeenAt: null });

    await a.ok(UNBLOCK, { id: pam.id }, quinn.accessToken);
    expect((await peerIn(a)).online).toBe(true);
    await eventually(async () => (await peerIn(b)).online);

    // Hiding his presence hides it from the list too.
    await a.ok(UPDATE_PROFILE, { input: { showOnline: false } }, quinn.accessToken);
    expect(await peerIn(a)).toMatchObject({ online: false, lastSeenAt: null });
    await eventually(async () => !(await peerIn(b)).online);
  });

  it('a block hides each one from the other live, on any instance; unblocking shows them again', async () => {
    const [pam, quinn] = await Promise.all([registerUser(a), registerUser(a)]);
    await openDm(a, pam, quinn); // room mates, not contacts: no ContactsChanged for the blocked one
    // Each one's subscription socket is what makes them online.
    const forPam = await myEvents(b, pam);
    const forQuinn = await myEvents(a, quinn);
    await presenceOf(forPam, quinn, true);
    expect((await query(a, quinn, pam)).online).toBe(true);

    // Quinn blocks Pam: Pam's screen loses Quinn's "online" at once (as if he hid it), and his hers.
    await a.ok(BLOCK, { id: pam.id }, quinn.accessToken);
    expect(await presenceOf(forPam, quinn, false)).toMatchObject({ lastSeenAt: null });
    expect(await presenceOf(forQuinn, pam, false)).toMatchObject({ lastSeenAt: null });

    await a.ok(UNBLOCK, { id: pam.id }, quinn.accessToken);
    await presenceOf(forPam, quinn, true);
    await presenceOf(forQuinn, pam, true);
  });

  it("loads a room list's peers' presence ahead, for request loaders only", async () => {
    const [pam, quinn] = await Promise.all([registerUser(a), registerUser(a)]);
    await openDm(a, pam, quinn);
    await sockets.connect(a, quinn);
    await eventually(async () => (await a.app.deps.presence.onlineAmong([quinn.id])).has(quinn.id));
    const viewer = { userId: pam.id, sessionId: 'test' };
    // A request's loaders: after the preload, the answer is at hand (no promise per field).
    const request = createLoaders(a.app.deps, viewer, { cache: true });
    request.noteRoomMate(quinn.id);
    expect(request.presenceNow(quinn.id)).toBeInstanceOf(Promise);
    await request.preloadPresence([quinn.id, pam.id]);
    expect(request.presenceNow(quinn.id)).toMatchObject({ online: true });
    expect(request.presenceNow(pam.id)).toMatchObject({ online: false });
    // A socket's loaders live for hours: they never answer from what they loaded before.
    const socket = createLoaders(a.app.deps, viewer, { cache: false });
    await socket.preloadPresence([quinn.id]);
    const later = socket.presenceNow(quinn.id);
    expect(later).toBeInstanceOf(Promise);
    expect(await later).toMatchObject({ online: true });
  });

  it('knows who is looking at a room (isViewingRoom), on any instance', async () => {
    const other = (await createGroup(a, alice, [bob])).id;
    const sub = (await sockets.connect(b, alice)).subscribe(LIVE_ROOM_EVENTS, { r: roomId });
    await eventually(() => a.app.deps.presence.isViewingRoom(alice.id, roomId));
    expect(await a.app.deps.presence.isViewingRoom(alice.id, other)).toBe(false);
    expect(await a.app.deps.presence.isViewingRoom(bob.id, roomId)).toBe(false);
    sub.unsubscribe();
    await eventually(async () => !(await a.app.deps.presence.isViewingRoom(alice.id, roomId)));
  });
});
