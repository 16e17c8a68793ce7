/**
 * Resuming streams after a reconnect (issue #9): roomEvents beyond the replay
 * limit says ResyncRequired; myEvents and notificationEvents replay from
 * PostgreSQL what changed since the client's last `at`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../src/lib/ids.ts';
import { userTopic } from '../src/modules/users/users.topics.ts';
import { createTestApp, type TestApp } from './helpers/app.ts';
import { createGroup, MARK_READ, nextMatching, openDm, REMOVE_MEMBER, send } from './helpers/chat.ts';
import { registerUser, type TestUser } from './helpers/users.ts';
import { connectWs, type LiveSubscription, type WsConnection } from './helpers/ws.ts';

let t: TestApp;
const sockets: WsConnection[] = [];
beforeAll(async () => {
  t = await createTestApp({ env: { ROOM_REPLAY_MAX: '5' } });
});
afterAll(async () => {
  await Promise.all(sockets.map((s) => s.close()));
  await t?.close();
});

async function ws(user: TestUser): Promise<WsConnection> {
  const s = await connectWs(t.wsUrl, user.accessToken);
  sockets.push(s);
  return s;
}

const people = <N extends string[]>(...names: N) =>
  Promise.all(names.map((displayName) => registerUser(t, { displayName }))) as Promise<{
    [K in keyof N]: TestUser;
  }>;

const ROOM_EVENTS = `subscription($r: ID!, $after: Int) { roomEvents(roomId: $r, afterSeq: $after) {
  __typename
  ... on MessageCreated { seq message { body } }
  ... on ResyncRequired { roomId afterSeq lastSeq reason }
} }`;
const MY_EVENTS = `subscription($since: DateTime) { myEvents(since: $since) {
  __typename
  ... on RoomUpdated { at room { id lastSeq unreadCount lastReadSeq lastMessage { body } } }
  ... on RoomRemoved { at roomId }
  ... on ContactsChanged { at user { id } }
  ... on FriendRequestReceived { at request { id } }
  ... on StreamResyncRequired { at reason }
} }`;
const NOTIFICATION_EVENTS = `subscription($since: DateTime) { notificationEvents(since: $since) {
  __typename
  ... on NotificationAdded { at unreadCount notification { id body count } }
  ... on NotificationsRead { at ids unreadCount }
  ... on StreamResyncRequired { at reason }
} }`;

// biome-ignore lint/suspicious/noExplicitAny: event shapes are asserted by the tests
type Ev = any;

describe('roomEvents beyond the replay limit', () => {
  it('sends ResyncRequired with the newest seq, then live events after it, none at or below it', async () => {
    const [alice, bob] = await people('Alice', 'Bob');
    const room = await createGroup(t, alice, [bob]);
    for (let i = 1; i <= 8; i++) await send(t, alice, room.id, `m${i}`);
    const sub: LiveSubscription<Ev> = (await ws(bob)).subscribe(ROOM_EVENTS, { r: room.id, after: 1 });
    const first = (await sub.next()).roomEvents;
    expect(first).toMatchObject({ __typename: 'ResyncRequired', roomId: room.id, afterSeq: 1, lastSeq: 8 });
    expect(first.reason).toMatch(/7 messages.*limit of 5/);
    const live = await send(t, alice, room.id, 'after the resync');
    const next = (await sub.next()).roomEvents;
    expect(next).toEqual({
      __typename: 'MessageCreated',
      seq: live.seq,
      message: { body: 'after the resync' },
    });

    // Within the limit it still replays, message by message.
    const replay = (await ws(bob)).subscribe(ROOM_EVENTS, { r: room.id, after: 6 });
    const seqs = [(await replay.next()).roomEvents.seq, (await replay.next()).roomEvents.seq];
    expect(seqs).toEqual([7, 8]);
  });
});

describe('roomEvents(afterSeq, since)', () => {
  const CHANGES = `subscription($r: ID!, $after: Int, $since: DateTime) {
    roomEvents(roomId: $r, afterSeq: $after, since: $since) {
      __typename
      ... on MessageCreated { at seq message { body } }
      ... on MessageEdited { at seq message { body editedAt } }
      ... on MessageDeleted { at seq message { body deletedAt } }
      ... on ReadReceipt { at seq user { id } }
    }
  }`;

  it('also replays edits, deletions and read receipts of messages the client already holds', async () => {
    const [alice, bob, carol] = await people('Alice', 'Bob', 'Carol');
    const room = await createGroup(t, alice, [bob, carol]);
    const m1 = await send(t, alice, room.id, 'first');
    const m2 = await send(t, alice, room.id, 'second');
    await send(t, alice, room.id, 'third');
    // Bob is live and holds seq 1..3; the newest `at` he received is his resume point.
    const live: LiveSubscription<Ev> = (await ws(bob)).subscribe(CHANGES, { r: room.id });
    let at = '';
    for (let i = 0; i < 40 && !at; i++) {
      const m = await send(t, alice, room.id, `ping ${i}`);
      const e = await live.next(500).catch(() => undefined);
      if (e) at = e.roomEvents.at;
      else
        await t.ok(`mutation($id: ID!) { deleteMessage(id: $id) { id } }`, { id: m.id }, alice.accessToken);
    }
    expect(at).not.toBe('');
    live.unsubscribe();
    const held = (
      await t.ok(`query($id: ID!) { room(id: $id) { lastSeq } }`, { id: room.id }, bob.accessToken)
    ).room.lastSeq as number;

    // While Bob is away: an edit, a deletion, Carol reads, and a new message.
    await t.ok(
      `mutation($id: ID!) { editMessage(id: $id, body: "first, edited") { id } }`,
      { id: m1.id },
      alice.accessToken,
    );
    await t.ok(`mutation($id: ID!) { deleteMessage(id: $id) { id } }`, { id: m2.id }, alice.accessToken);
    await t.ok(MARK_READ, { r: room.id, seq: held }, carol.accessToken);
    const fresh = await send(t, alice, room.id, 'while you were away');

    const resumed: LiveSubscription<Ev> = (await ws(bob)).subscribe(CHANGES, {
      r: room.id,
      after: held,
      since: at,
    });
    await nextMatching(resumed, (e) => e.roomEvents.seq === fresh.seq);
    const got = resumed.received.map((e) => e.roomEvents);
    expect(got).toContainEqual(
      expect.objectContaining({
        __typename: 'MessageEdited',
        seq: m1.seq,
        message: expect.objectContaining({ body: 'first, edited' }),
      }),
    );
    expect(got).toContainEqual(
      expect.objectContaining({
        __typename: 'MessageDeleted',
        seq: m2.seq,
        message: expect.objectContaining({ body: null }),
      }),
    );
    expect(got).toContainEqual(
      expect.objectContaining({ __typename: 'ReadReceipt', seq: held, user: { id: carol.id } }),
    );
    // New messages still come exactly once, after the changes.
    expect(got.filter((e) => e.__typename === 'MessageCreated').map((e) => e.seq)).toEqual([fresh.seq]);
    expect(got.every((e) => typeof e.at === 'string')).toBe(true);

    // `since` alone (without afterSeq) is refused.
    const bad: LiveSubscription<Ev> = (await ws(bob)).subscribe(CHANGES, { r: room.id, since: at });
    await expect(bad.next()).rejects.toMatchObject({ errors: [{ extensions: { code: 'BAD_USER_INPUT' } }] });
  });

  it('starts from a history page: its `asOf` replays what changed after the page was read', async () => {
    const [alice, bob] = await people('Alice', 'Bob');
    const room = await createGroup(t, alice, [bob]);
    const m1 = await send(t, alice, room.id, 'hello');
    const before = Date.now();
    const page = (
      await t.ok(
        `query($r: ID!) { messages(roomId: $r, last: 50) { asOf edges { node { seq } } } }`,
        { r: room.id },
        alice.accessToken,
      )
    ).messages;
    // The server's clock just before the page was read.
    expect(Date.parse(page.asOf)).toBeGreaterThanOrEqual(before - 1_000);
    expect(Date.parse(page.asOf)).toBeLessThanOrEqual(Date.now() + 1_000);
    const held = Math.max(...page.edges.map((e: Ev) => e.node.seq));
    expect(held).toBe(m1.seq);

    // After the page, before the stream: Bob reads it and Alice edits it.
    await t.ok(MARK_READ, { r: room.id, seq: m1.seq }, bob.accessToken);
    await t.ok(
      `mutation($id: ID!) { editMessage(id: $id, body: "hello, edited") { id } }`,
      { id: m1.id },
      alice.accessToken,
    );
    const sub: LiveSubscription<Ev> = (await ws(alice)).subscribe(CHANGES, {
      r: room.id,
      after: held,
      since: page.asOf,
    });
    await nextMatching(
      sub,
      (e) => e.roomEvents.__typename === 'ReadReceipt' && e.roomEvents.user.id === bob.id,
    );
    expect(sub.received.map((e) => e.roomEvents)).toContainEqual(
      expect.objectContaining({
        __typename: 'MessageEdited',
        message: expect.objectContaining({ body: 'hello, edited' }),
      }),
    );
  });
});

describe('myEvents(since)', () => {
  /** Subscribes and returns the `at` of the first event, once the stream is live. */
  async function liveAt(
    user: TestUser,
    conn: WsConnection,
  ): Promise<{ sub: LiveSubscription<Ev>; at: string }> {
    const sub: LiveSubscription<Ev> = conn.subscribe(MY_EVENTS, {});
    const marker = `live-${uuidv7()}`;
    for (let i = 0; i < 40; i++) {
      await t.app.events.publish(userTopic(user.id), { __typename: 'RoomRemoved', roomId: marker });
      const e = await sub.next(250).catch(() => undefined);
      if (e) return { sub, at: e.myEvents.at };
    }
    throw new Error('myEvents never went live');
  }

  it('starts from the room list: its `asOf` replays rooms that changed after the page was read', async () => {
    const [alice, bob] = await people('Alice', 'Bob');
    const dm = await openDm(t, alice, bob);
    await send(t, alice, dm.id, 'first');
    const before = Date.now();
    const list = (
      await t.ok(`query { rooms(first: 10) { asOf edges { node { id unreadCount } } } }`, {}, bob.accessToken)
    ).rooms;
    expect(list.edges).toEqual([{ node: { id: dm.id, unreadCount: 1 } }]);
    expect(Date.parse(list.asOf)).toBeGreaterThanOrEqual(before - 1_000);
    expect(Date.parse(list.asOf)).toBeLessThanOrEqual(Date.now() + 1_000);
    // Served again from memory: the page is the same, and so is the time it was read.
    const again = (await t.ok(`query { rooms(first: 10) { asOf } }`, {}, bob.accessToken)).rooms;
    expect(again.asOf).toBe(list.asOf);

    // After the list was read, before the stream starts.
    await send(t, alice, dm.id, 'second');
    const sub: LiveSubscription<Ev> = (await ws(bob)).subscribe(MY_EVENTS, { since: list.asOf });
    const updated = await nextMatching(sub, (e) => e.myEvents.room?.id === dm.id);
    expect(updated.myEvents.room).toMatchObject({ unreadCount: 2, lastMessage: { body: 'second' } });
  });

  it('replays changed rooms and rooms left while away, as absolute snapshots, then goes live', async () => {
    const [alice, bob, carol] = await people('Alice', 'Bob', 'Carol');
    const dm = await openDm(t, alice, bob);
    await send(t, alice, dm.id, 'before');
    const group = await createGroup(t, carol, [bob], 'Leaving soon');
    const conn = await ws(bob);
    const { sub, at } = await liveAt(bob, conn);
    sub.unsubscribe();

    // While Bob is away: a new DM message, removal from the group.
    await send(t, alice, dm.id, 'while you were away');
    await t.ok(REMOVE_MEMBER, { r: group.id, u: bob.id }, carol.accessToken);

    const resumed: LiveSubscription<Ev> = (await ws(bob)).subscribe(MY_EVENTS, { since: at });
    const updated = await nextMatching(resumed, (e) => e.myEvents.room?.id === dm.id);
    expect(updated.myEvents.room).toMatchObject({
      lastSeq: 2,
      unreadCount: 2,
      lastMessage: { body: 'while you were away' },
    });
    expect(new Date(updated.myEvents.at).getTime()).toBeGreaterThanOrEqual(new Date(at).getTime());
    expect(resumed.received.some((e) => e.myEvents.roomId === group.id)).toBe(true);
    // The group is gone from Bob's rooms, so it is never replayed as RoomUpdated.
    expect(resumed.received.some((e) => e.myEvents.room?.id === group.id)).toBe(false);

    // Then live.
    await t.ok(MARK_READ, { r: dm.id, seq: 2 }, bob.accessToken);
    const read = await nextMatching(
      resumed,
      (e) => e.myEvents.room?.id === dm.id && e.myEvents.room.lastReadSeq === 2,
    );
    expect(read.myEvents.room.unreadCount).toBe(0);
  });

  it('asks for a resync when contacts changed, when `since` is too old, and refuses a future `since`', async () => {
    const [alice, bob] = await people('Alice', 'Bob');
    const conn = await ws(bob);
    const { sub, at } = await liveAt(bob, conn);
    sub.unsubscribe();
    await t.ok(
      `mutation($u: ID!) { sendFriendRequest(userId: $u) { request { id } } }`,
      { u: bob.id },
      alice.accessToken,
    );
    const resumed: LiveSubscription<Ev> = conn.subscribe(MY_EVENTS, { since: at });
    expect((await resumed.next()).myEvents).toMatchObject({
      __typename: 'StreamResyncRequired',
      reason: expect.stringMatching(/Contacts changed/),
    });

    const [carol] = await people('Carol');
    const old = new Date(Date.now() - 2 * 86_400_000).toISOString();
    const stale: LiveSubscription<Ev> = (await ws(carol)).subscribe(MY_EVENTS, { since: old });
    expect((await stale.next()).myEvents).toMatchObject({
      __typename: 'StreamResyncRequired',
      reason: expect.stringMatching(/older than the resume window/),
    });

    const future = new Date(Date.now() + 3_600_000).toISOString();
    const bad: LiveSubscription<Ev> = (await ws(carol)).subscribe(MY_EVENTS, { since: future });
    await expect(bad.next()).rejects.toMatchObject({ errors: [{ extensions: { code: 'BAD_USER_INPUT' } }] });
  });
});

describe('notificationEvents(since)', () => {
  it('replays notifications created and read while away before the current count', async () => {
    const [alice, bob] = await people('Alice', 'Bob');
    const dm = await openDm(t, alice, bob);
    const conn = await ws(bob);
    const first: LiveSubscription<Ev> = conn.subscribe(NOTIFICATION_EVENTS, {});
    const synced = (await first.next()).notificationEvents;
    expect(synced).toMatchObject({ __typename: 'NotificationsRead', ids: [], unreadCount: 0 });
    first.unsubscribe();

    await send(t, alice, dm.id, 'ping');
    const second = await send(t, alice, dm.id, 'pong');

    const resumed: LiveSubscription<Ev> = conn.subscribe(NOTIFICATION_EVENTS, { since: synced.at });
    const added = (await resumed.next()).notificationEvents;
    expect(added).toMatchObject({
      __typename: 'NotificationAdded',
      unreadCount: 1,
      notification: { count: 2, body: '2 new messages. Latest from Alice: pong' },
    });
    expect((await resumed.next()).notificationEvents).toMatchObject({
      __typename: 'NotificationsRead',
      ids: [],
      unreadCount: 1,
    });
    resumed.unsubscribe();

    // Read on another device while away: the replay names it.
    const beforeRead = new Date().toISOString();
    await t.ok(MARK_READ, { r: dm.id, seq: second.seq }, bob.accessToken);
    const again: LiveSubscription<Ev> = conn.subscribe(NOTIFICATION_EVENTS, { since: beforeRead });
    const events = [(await again.next()).notificationEvents, (await again.next()).notificationEvents];
    expect(events.find((e) => e.__typename === 'NotificationsRead' && e.ids.length === 1)).toMatchObject({
      ids: [added.notification.id],
      unreadCount: 0,
    });
  });
});
