/**
 * Typing indicators with real graphql-ws clients. With REDIS_URL set, the
 * typer and the watcher use two app instances sharing the database and
 * Redis (typing state and events cross instances); without it, one instance.
 * The lapse is the production default (6 s). The room list's RoomTyping on
 * `myEvents` comes from the same place and follows the same rules.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { userTopic } from '../src/modules/users/users.topics.ts';
import { createTestApp, expectError, type TestApp } from './helpers/app.ts';
import {
  createGroup,
  LEAVE,
  liveMyEvents,
  nextMatching,
  openDm,
  registerTrio,
  send,
} from './helpers/chat.ts';
import { liveRoomEvents, type MyEv, type RoomEv, SET_TYPING, Sockets } from './helpers/live.ts';
import { registerUser, type TestUser } from './helpers/users.ts';
import type { LiveSubscription } from './helpers/ws.ts';

let a: TestApp;
let b: TestApp;
let alice: TestUser;
let bob: TestUser;
let carol: TestUser;
const sockets = new Sockets();
beforeAll(async () => {
  a = await createTestApp();
  b = a.config.redisUrl ? await createTestApp({ database: a.database }) : a;
  [alice, bob, carol] = await registerTrio(a);
});
afterEach(() => sockets.closeAll());
afterAll(async () => {
  if (b !== a) await b?.close();
  await a?.close();
});

const typing = (t: TestApp, user: TestUser, roomId: string, on: boolean) =>
  t.ok(SET_TYPING, { r: roomId, typing: on }, user.accessToken);

const nextTyping = (sub: LiveSubscription<RoomEv>, timeoutMs = 5_000) =>
  nextMatching(sub, (e) => e.roomEvents.__typename === 'TypingChanged', timeoutMs).then((e) =>
    (e.roomEvents.typingUsers as { id: string }[]).map((u) => u.id).sort(),
  );

describe('typing', () => {
  it('appears on the other clients (across instances) with the full list, never echoed to the typer', async () => {
    const room = await createGroup(a, alice, [bob, carol]);
    // Alice on A, Bob and Carol on B.
    const [forAlice, forBob, forCarol] = await liveRoomEvents(
      sockets,
      [a, b, b],
      [alice, bob, carol],
      room.id,
      carol,
    );

    await typing(a, alice, room.id, true);
    expect(await nextTyping(forBob)).toEqual([alice.id]);
    expect(await nextTyping(forCarol)).toEqual([alice.id]);

    await typing(b, bob, room.id, true);
    // Full lists, each without the viewer; Alice's first typing event is Bob's start (hers never came).
    expect(await nextTyping(forAlice)).toEqual([bob.id]);
    expect(await nextTyping(forCarol)).toEqual([alice.id, bob.id].sort());

    // A refresh changes nothing and sends nothing; stopping sends the new list.
    await typing(b, alice, room.id, true);
    await typing(a, alice, room.id, false);
    expect(await nextTyping(forBob)).toEqual([]);
    expect(await nextTyping(forCarol)).toEqual([bob.id]);
    await typing(b, bob, room.id, false);
    expect(await nextTyping(forAlice)).toEqual([]);
    expect(await nextTyping(forCarol)).toEqual([]);
    expect(
      forAlice.received.filter((e) => e.roomEvents.__typename === 'TypingChanged').map((e) => e.roomEvents),
    ).toHaveLength(2);
    expect(
      forBob.received.filter((e) => e.roomEvents.__typename === 'TypingChanged').map((e) => e.roomEvents),
    ).toHaveLength(2); // Alice on, Alice off: Bob's own start/stop never reached him
  });

  it('lapses about 6 s after the last refresh (refreshes on either instance keep it alive)', async () => {
    const room = await createGroup(a, alice, [bob]);
    const [forBob] = await liveRoomEvents(sockets, [b], [bob], room.id, alice);
    await typing(a, alice, room.id, true);
    expect(await nextTyping(forBob)).toEqual([alice.id]);
    const seen = forBob.received.length;
    // Refresh twice, 2 s apart, alternating instances.
    await new Promise((r) => setTimeout(r, 2_000));
    await typing(b, alice, room.id, true);
    await new Promise((r) => setTimeout(r, 2_000));
    await typing(a, alice, room.id, true);
    const lastRefresh = Date.now();
    expect(forBob.received.length).toBe(seen); // nothing while refreshed

    expect(await nextTyping(forBob, 15_000)).toEqual([]);
    const lapsedAfter = Date.now() - lastRefresh;
    expect(lapsedAfter).toBeGreaterThanOrEqual(5_500);
    expect(lapsedAfter).toBeLessThan(6_000 + 4_000); // generous margin on a loaded machine
  }, 30_000);

  it('clears on send: the message first, then the shorter list', async () => {
    const room = await createGroup(a, alice, [bob]);
    const [forBob] = await liveRoomEvents(sockets, [b], [bob], room.id, bob);
    await typing(a, alice, room.id, true);
    expect(await nextTyping(forBob)).toEqual([alice.id]);
    const m = await send(a, alice, room.id, 'done typing');
    const created = await nextMatching(forBob, (e) => e.roomEvents.__typename !== 'ReadReceipt');
    expect(created.roomEvents).toMatchObject({ __typename: 'MessageCreated', seq: m.seq });
    expect(await nextTyping(forBob)).toEqual([]);
  });

  it('clears when the typer disconnects, and when they leave the room', async () => {
    const room = await createGroup(a, alice, [bob, carol]);
    const [forBob] = await liveRoomEvents(sockets, [b], [bob], room.id, bob);

    const aliceSocket = await sockets.connect(a, alice);
    await typing(a, alice, room.id, true);
    expect(await nextTyping(forBob)).toEqual([alice.id]);
    const closedAt = Date.now();
    await aliceSocket.close();
    expect(await nextTyping(forBob)).toEqual([]);
    expect(Date.now() - closedAt).toBeLessThan(5_000); // well before the 6 s lapse

    await typing(b, carol, room.id, true);
    expect(await nextTyping(forBob)).toEqual([carol.id]);
    await a.ok(LEAVE, { r: room.id }, carol.accessToken);
    const left = await nextMatching(forBob, (e) => e.roomEvents.__typename === 'MemberLeft');
    expect(left.roomEvents.user.id).toBe(carol.id);
    expect(await nextTyping(forBob)).toEqual([]);
  });

  it('refuses non-members, and their typing never reaches anyone', async () => {
    const room = await createGroup(a, alice, [bob]);
    const dave = await registerUser(a);
    const [forBob] = await liveRoomEvents(sockets, [b], [bob], room.id, alice);
    expectError(await a.gql(SET_TYPING, { r: room.id, typing: true }, dave.accessToken), 'NOT_FOUND');
    expectError(await a.gql(SET_TYPING, { r: 'nope', typing: true }, alice.accessToken), 'NOT_FOUND');
    expectError(await a.gql(SET_TYPING, { r: room.id, typing: true }), 'UNAUTHENTICATED');
    await typing(a, alice, room.id, true);
    expect(await nextTyping(forBob)).toEqual([alice.id]); // the first and only typing event
    await typing(a, alice, room.id, false);
    expect(await nextTyping(forBob)).toEqual([]);
  });
});

const ROOM_TYPING = (since?: string) => `subscription { myEvents${since ? `(since: "${since}")` : ''} {
  __typename ... on RoomRemoved { roomId } ... on RoomUpdated { room { id } }
  ... on RoomTyping { roomId typingUsers { id } at } } }`;

const myEventsOf = async (t: TestApp, user: TestUser) =>
  liveMyEvents<MyEv>(t, await sockets.connect(t, user), user, ROOM_TYPING());

/** The next RoomTyping for `roomId`: its typers' ids, sorted. */
const nextRoomTyping = (sub: LiveSubscription<MyEv>, roomId: string, timeoutMs = 5_000) =>
  nextMatching(
    sub,
    (e) => e.myEvents.__typename === 'RoomTyping' && e.myEvents.roomId === roomId,
    timeoutMs,
  ).then((e) => (e.myEvents.typingUsers as { id: string }[]).map((u) => u.id).sort());

/** Every RoomTyping `user` received up to now: a marker published after the fact comes back after them. */
async function roomTypingSoFar(t: TestApp, sub: LiveSubscription<MyEv>, user: TestUser): Promise<unknown[]> {
  const marker = `marker-${Math.random()}`;
  await t.app.events.publish(userTopic(user.id), { __typename: 'RoomRemoved', roomId: marker });
  await nextMatching(sub, (e) => e.myEvents.__typename === 'RoomRemoved' && e.myEvents.roomId === marker);
  return sub.received.filter((e) => e.myEvents.__typename === 'RoomTyping').map((e) => e.myEvents);
}

describe('typing in the room list (RoomTyping on myEvents)', () => {
  it('reaches every other member (across instances) with the full list, never the typer or outsiders', async () => {
    const room = await createGroup(a, alice, [bob, carol]);
    const dave = await registerUser(a);
    await openDm(a, alice, dave); // Dave shares another room with Alice, not this one
    const forAlice = await myEventsOf(a, alice);
    const forBob = await myEventsOf(b, bob);
    const forCarol = await myEventsOf(b, carol);
    const forDave = await myEventsOf(b, dave);

    await typing(a, alice, room.id, true);
    expect(await nextRoomTyping(forBob, room.id)).toEqual([alice.id]);
    expect(await nextRoomTyping(forCarol, room.id)).toEqual([alice.id]);
    const ev = forBob.received.at(-1)?.myEvents;
    expect(Number.isNaN(Date.parse(ev.at))).toBe(false);

    await typing(b, bob, room.id, true);
    expect(await nextRoomTyping(forAlice, room.id)).toEqual([bob.id]); // without herself
    expect(await nextRoomTyping(forCarol, room.id)).toEqual([alice.id, bob.id].sort());

    await typing(a, alice, room.id, false);
    expect(await nextRoomTyping(forBob, room.id)).toEqual([]);
    expect(await nextRoomTyping(forCarol, room.id)).toEqual([bob.id]);
    await typing(b, bob, room.id, false);
    expect(await nextRoomTyping(forAlice, room.id)).toEqual([]);
    expect(await nextRoomTyping(forCarol, room.id)).toEqual([]);

    // The typer heard only of Bob (on, off); Bob only of Alice; Dave of nothing.
    expect(await roomTypingSoFar(a, forAlice, alice)).toHaveLength(2);
    expect(await roomTypingSoFar(b, forBob, bob)).toHaveLength(2);
    expect(await roomTypingSoFar(b, forDave, dave)).toEqual([]);
  });

  it('clears on send, on disconnect and on leave, and lapses after about 6 s', async () => {
    const room = await createGroup(a, alice, [bob, carol]);
    const forBob = await myEventsOf(b, bob);

    await typing(a, alice, room.id, true);
    expect(await nextRoomTyping(forBob, room.id)).toEqual([alice.id]);
    await send(a, alice, room.id, 'sent');
    expect(await nextRoomTyping(forBob, room.id)).toEqual([]);

    const aliceSocket = await sockets.connect(a, alice);
    await typing(a, alice, room.id, true);
    expect(await nextRoomTyping(forBob, room.id)).toEqual([alice.id]);
    await aliceSocket.close();
    expect(await nextRoomTyping(forBob, room.id, 4_000)).toEqual([]); // before the 6 s lapse

    await typing(b, carol, room.id, true);
    expect(await nextRoomTyping(forBob, room.id)).toEqual([carol.id]);
    await a.ok(LEAVE, { r: room.id }, carol.accessToken);
    expect(await nextRoomTyping(forBob, room.id)).toEqual([]);

    await typing(a, alice, room.id, true);
    expect(await nextRoomTyping(forBob, room.id)).toEqual([alice.id]);
    const startedAt = Date.now();
    expect(await nextRoomTyping(forBob, room.id, 15_000)).toEqual([]);
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(5_500);
  }, 30_000);

  it('is not replayed on resume', async () => {
    const room = await createGroup(a, alice, [bob]);
    const since = new Date().toISOString();
    await send(a, alice, room.id, 'replayed'); // something that does replay
    await typing(a, alice, room.id, true);
    // Subscribed directly: the replay comes first (liveMyEvents expects nothing before its marker).
    const forBob = (await sockets.connect(b, bob)).subscribe<MyEv>(ROOM_TYPING(since));
    await nextMatching(
      forBob,
      (e) => e.myEvents.__typename === 'RoomUpdated' && e.myEvents.room.id === room.id,
    );
    expect(await roomTypingSoFar(b, forBob, bob)).toEqual([]);
    await typing(a, alice, room.id, false); // live events still come
    expect(await nextRoomTyping(forBob, room.id)).toEqual([]);
  });
});
