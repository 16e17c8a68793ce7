/**
 * Typing indicators with real graphql-ws clients. With REDIS_URL set, the
 * typer and the watcher use two app instances sharing the database and
 * Redis (typing state and events cross instances); without it, one instance.
 * The lapse is the production default (6 s).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, expectError, type TestApp } from './helpers/app.ts';
import { createGroup, LEAVE, nextMatching, registerTrio, send } from './helpers/chat.ts';
import { liveRoomEvents, type RoomEv, SET_TYPING, Sockets } from './helpers/live.ts';
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
