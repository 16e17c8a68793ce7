import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../src/lib/ids.ts';
import { roomTopic } from '../src/modules/rooms/rooms.topics.ts';
import { createTestApp, expectError, type TestApp } from './helpers/app.ts';
import {
  ADD_MEMBERS,
  AFTER,
  createGroup,
  DELETE,
  EDIT,
  ended,
  LEAVE,
  liveMyEvents,
  MARK_READ,
  MESSAGE,
  MY_EVENTS,
  nextMatching,
  openDm,
  REMOVE_MEMBER,
  RENAME,
  ROOM_EVENTS,
  type Room,
  registerTrio,
  roomList,
  roomOf,
  SET_ROLE,
  send,
} from './helpers/chat.ts';
import { registerUser, type TestUser } from './helpers/users.ts';
import { connectWs, type LiveSubscription, type WsConnection } from './helpers/ws.ts';

let t: TestApp;
let alice: TestUser;
let bob: TestUser;
let carol: TestUser;
const sockets: WsConnection[] = [];
beforeAll(async () => {
  t = await createTestApp();
  [alice, bob, carol] = await registerTrio(t);
});
afterEach(async () => {
  await Promise.all(sockets.splice(0).map((s) => s.close()));
});
afterAll(() => t?.close());

async function ws(user: TestUser): Promise<WsConnection> {
  const s = await connectWs(t.wsUrl, user.accessToken);
  sockets.push(s);
  return s;
}

// biome-ignore lint/suspicious/noExplicitAny: event shapes are checked by the assertions
type Ev = { roomEvents: any };
// biome-ignore lint/suspicious/noExplicitAny: idem
type MyEv = { myEvents: any };

const roomEvents = async (user: TestUser, roomId: string, afterSeq?: number, query = ROOM_EVENTS) =>
  (await ws(user)).subscribe<Ev>(query, {
    r: roomId,
    ...(afterSeq !== undefined ? { after: afterSeq } : {}),
  });

/**
 * A roomEvents subscription that is known to be live: subscribes with
 * `afterSeq` = the room's current seq, sends a warm-up message and waits for
 * it (alice, the owner, sends it). Replay guarantees it arrives whether it committed before or after the
 * listener was attached, and receiving it proves the listener is attached.
 */
async function liveRoomEvents<const U extends readonly TestUser[]>(
  room: { id: string; lastSeq: number },
  users: U,
  query = ROOM_EVENTS,
): Promise<{ [K in keyof U]: LiveSubscription<Ev> }> {
  const subs = await Promise.all(users.map((u) => roomEvents(u, room.id, room.lastSeq, query)));
  const warm = await send(t, alice, room.id, 'warm-up');
  await Promise.all(subs.map((sub) => nextMatching(sub, (e) => e.roomEvents.seq === warm.seq)));
  return subs as { [K in keyof U]: LiveSubscription<Ev> };
}

/** The first event, or the subscription's error. */
const firstOutcome = (sub: LiveSubscription<unknown>) =>
  sub.next().then(
    (value) => ({ value, error: undefined }),
    (error: { errors?: { extensions?: { code?: string } }[] }) => ({ value: undefined, error }),
  );

describe('roomEvents', () => {
  it('refuses a room you are not in, or that does not exist, with FORBIDDEN at subscribe time', async () => {
    const room = await createGroup(t, alice, [bob]);
    for (const id of [room.id, uuidv7(), 'not-an-id']) {
      const { error } = await firstOutcome(await roomEvents(carol, id));
      expect(error?.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
  });

  it('delivers created, edited and deleted messages with their seq and full object', async () => {
    const room = await createGroup(t, alice, [bob, carol]);
    const [forBob, forCarol] = await liveRoomEvents(room, [bob, carol]);

    const m = await send(t, alice, room.id, `hello @${bob.username}`);
    for (const sub of [forBob, forCarol]) {
      const e = (await sub.next()).roomEvents;
      expect(e).toMatchObject({
        __typename: 'MessageCreated',
        roomId: room.id,
        seq: m.seq,
        message: {
          id: m.id,
          body: m.body,
          kind: 'USER',
          sender: { id: alice.id },
          mentions: [{ id: bob.id }],
        },
      });
    }
    await t.ok(EDIT, { id: m.id, body: 'hello, edited' }, alice.accessToken);
    for (const sub of [forBob, forCarol]) {
      const edited = (await sub.next()).roomEvents;
      expect(edited).toMatchObject({
        __typename: 'MessageEdited',
        seq: m.seq,
        message: { body: 'hello, edited' },
      });
      expect(edited.message.editedAt).not.toBeNull();
    }
    await t.ok(DELETE, { id: m.id }, alice.accessToken);
    for (const sub of [forBob, forCarol]) {
      const tomb = (await sub.next()).roomEvents;
      expect(tomb).toMatchObject({
        __typename: 'MessageDeleted',
        seq: m.seq,
        message: { id: m.id, body: null },
      });
      expect(tomb.message.deletedAt).not.toBeNull();
    }
  });

  it('announces members joining and the room being renamed, each with its seq', async () => {
    const room = await createGroup(t, alice, [bob]);
    const [forBob] = await liveRoomEvents(room, [bob]);
    await t.ok(ADD_MEMBERS, { r: room.id, u: [carol.id] }, alice.accessToken);
    expect((await forBob.next()).roomEvents).toMatchObject({
      __typename: 'MemberJoined',
      seq: 2,
      member: { role: 'MEMBER', user: { id: carol.id } },
      addedBy: { id: alice.id },
    });
    await t.ok(RENAME, { r: room.id, t: 'New name' }, alice.accessToken);
    expect((await forBob.next()).roomEvents).toMatchObject({
      __typename: 'RoomRenamed',
      seq: 3,
      title: 'New name',
      by: { id: alice.id },
    });
  });

  it('ends a removed member’s stream right after their MemberLeft; their queries get NOT_FOUND', async () => {
    const room = await createGroup(t, alice, [bob, carol]);
    const [forBob, forCarol] = await liveRoomEvents(room, [bob, carol]);

    await t.ok(REMOVE_MEMBER, { r: room.id, u: carol.id }, alice.accessToken);
    const left = (await forCarol.next()).roomEvents;
    expect(left).toMatchObject({
      __typename: 'MemberLeft',
      user: { id: carol.id },
      removedBy: { id: alice.id },
    });
    expect(await ended(forCarol)).toBeUndefined(); // completed by the server, without error

    const after = await send(t, alice, room.id, 'carol must not see this');
    expect((await forBob.next()).roomEvents.__typename).toBe('MemberLeft');
    expect((await forBob.next()).roomEvents.message.id).toBe(after.id);
    expect(forCarol.received.map((e) => e.roomEvents.seq)).toEqual([1, left.seq]); // warm-up, then her departure
    expectError(await t.gql(MESSAGE, { id: after.id }, carol.accessToken), 'NOT_FOUND');
    const again = await firstOutcome(await roomEvents(carol, room.id));
    expect(again.error?.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('ends the stream of a member who leaves', async () => {
    const room = await createGroup(t, alice, [bob]);
    const [forBob] = await liveRoomEvents(room, [bob]);
    await t.ok(LEAVE, { r: room.id }, bob.accessToken);
    expect((await forBob.next()).roomEvents).toMatchObject({
      __typename: 'MemberLeft',
      user: { id: bob.id },
      removedBy: null,
    });
    expect(await ended(forBob)).toBeUndefined();
  });

  it('replays after afterSeq, then goes live with no gap and no duplicate, while others keep sending', async () => {
    const room = await createGroup(t, alice, [bob, carol]);
    for (let i = 1; i <= 5; i++) await send(t, alice, room.id, `old ${i}`);
    // Messages 6..15 are committed while the subscription starts: some land in
    // the replay, some arrive live, some both ways (and must show once).
    const sending = (async () => {
      for (let i = 0; i < 10; i++) await send(t, i % 2 ? alice : carol, room.id, `racing ${i}`);
    })();
    const sub = await roomEvents(bob, room.id, 2);
    await sending;
    await nextMatching(sub, (e) => e.roomEvents.seq === 15);
    const closing = await send(t, alice, room.id, 'closing');
    await nextMatching(sub, (e) => e.roomEvents.seq === closing.seq);
    const got = sub.received.map((e) => e.roomEvents.seq);
    expect(got).toEqual(Array.from({ length: 14 }, (_, i) => i + 3)); // 3..16, each once, in order
    expect(sub.received.every((e) => e.roomEvents.__typename === 'MessageCreated')).toBe(true);
    expect(sub.received[0]!.roomEvents.message).toMatchObject({ body: 'old 3', sender: { id: alice.id } });
  });

  it('replays only what the viewer may see, and nothing when already up to date', async () => {
    const room = await createGroup(t, alice, [bob]);
    await send(t, alice, room.id, 'before carol');
    await t.ok(ADD_MEMBERS, { r: room.id, u: [carol.id] }, alice.accessToken);
    await send(t, alice, room.id, 'after carol');
    const forCarol = await roomEvents(carol, room.id, 0);
    expect((await forCarol.next()).roomEvents).toMatchObject({ seq: 2, message: { kind: 'SYSTEM' } });
    expect((await forCarol.next()).roomEvents).toMatchObject({ seq: 3, message: { body: 'after carol' } });
    const upToDate = await roomEvents(bob, room.id, 3);
    const live = await send(t, alice, room.id, 'live');
    expect((await upToDate.next()).roomEvents.seq).toBe(live.seq);
    const bad = await firstOutcome(await roomEvents(bob, room.id, -1));
    expect(bad.error?.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    // Past the newest seq: refused (following from there would silently drop live messages up to it).
    const ahead = await firstOutcome(await roomEvents(bob, room.id, live.seq + 1));
    expect(ahead.error?.errors?.[0]).toMatchObject({
      message: `afterSeq ${live.seq + 1} is past the room's newest message (seq ${live.seq})`,
      extensions: { code: 'BAD_USER_INPUT', field: 'afterSeq' },
    });
  });

  it('removes its emitter listeners when the client stops or the server ends the stream', async () => {
    const room = await createGroup(t, alice, [bob, carol]);
    const topic = roomTopic(room.id);
    const emitter = t.app.emitter as unknown as Record<string, (...args: unknown[]) => unknown>;
    const { on, removeListener } = emitter;
    let active = 0;
    let onZero: (() => void) | undefined;
    emitter.on = function (this: unknown, ...args: unknown[]) {
      if (args[0] === topic) active += 1;
      return on!.apply(this, args);
    };
    emitter.removeListener = function (this: unknown, ...args: unknown[]) {
      if (args[0] === topic && --active === 0) onZero?.();
      return removeListener!.apply(this, args);
    };
    const drained = () =>
      new Promise<void>((resolve) => {
        if (active === 0) resolve();
        else onZero = resolve;
      });
    try {
      const [forBob, forCarol] = await liveRoomEvents(room, [bob, carol]);
      expect(active).toBe(2);
      forBob.unsubscribe();
      await t.ok(REMOVE_MEMBER, { r: room.id, u: carol.id }, alice.accessToken);
      await ended(forCarol);
      await drained();
      expect(active).toBe(0);
    } finally {
      emitter.on = on!;
      emitter.removeListener = removeListener!;
    }
  });
});

describe('roomEvents: member roles', () => {
  /** ROOM_EVENTS with role changes. */
  const ROLE_EVENTS = ROOM_EVENTS.replace(
    /} }$/,
    '... on MemberRoleChanged { roomId seq user { id } role changedBy { id } at } } }',
  );
  const setRole = (room: Room, user: TestUser, role: string, by = alice) =>
    t.ok(SET_ROLE, { r: room.id, u: user.id, role }, by.accessToken);

  it('announces a role change to every member, with the seq of the system message recording it', async () => {
    const room = await createGroup(t, alice, [bob, carol]);
    const subs = await liveRoomEvents(room, [alice, bob, carol], ROLE_EVENTS);

    await setRole(room, bob, 'ADMIN');
    const seq = room.lastSeq + 2; // after the warm-up
    for (const sub of subs) {
      const e = (await sub.next()).roomEvents;
      expect(e).toMatchObject({
        __typename: 'MemberRoleChanged',
        roomId: room.id,
        seq,
        user: { id: bob.id },
        role: 'ADMIN',
        changedBy: { id: alice.id },
      });
      expect(Date.parse(e.at)).not.toBeNaN();
    }
    const history = await t.ok(AFTER, { r: room.id, s: seq - 1 }, carol.accessToken);
    expect(history.messagesAfter.messages).toMatchObject([{ seq, body: 'Alice made Bob an admin' }]);
    expect((await roomOf(t, carol, room.id)).unreadCount).toBe(1); // the warm-up: system messages are not unread

    // The role he already has: nothing recorded, nothing sent (the next event is the next message).
    await setRole(room, bob, 'ADMIN');
    const m = await send(t, alice, room.id, 'after the no-op');
    expect((await subs[2].next()).roomEvents).toMatchObject({ __typename: 'MessageCreated', seq: m.seq });

    await setRole(room, bob, 'MEMBER');
    expect((await subs[2].next()).roomEvents).toMatchObject({
      __typename: 'MemberRoleChanged',
      seq: m.seq + 1,
      user: { id: bob.id },
      role: 'MEMBER',
      changedBy: { id: alice.id },
    });
  });

  it('never reaches people outside the room, former members included', async () => {
    const dave = await registerUser(t);
    const room = await createGroup(t, alice, [bob, carol]);
    const [forBob, forCarol] = await liveRoomEvents(room, [bob, carol], ROLE_EVENTS);
    const stranger = await firstOutcome(await roomEvents(dave, room.id, undefined, ROLE_EVENTS));
    expect(stranger.error?.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    await t.ok(REMOVE_MEMBER, { r: room.id, u: carol.id }, alice.accessToken);
    expect(await ended(forCarol)).toBeUndefined();
    await setRole(room, bob, 'ADMIN');
    await nextMatching(forBob, (e) => e.roomEvents.__typename === 'MemberRoleChanged');
    expect(forCarol.received.map((e) => e.roomEvents.__typename)).toEqual(['MessageCreated', 'MemberLeft']);
    const former = await firstOutcome(await roomEvents(carol, room.id, room.lastSeq, ROLE_EVENTS));
    expect(former.error?.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('replays a role change on resume, as the system message recording it', async () => {
    const room = await createGroup(t, alice, [bob, carol]);
    const before = await send(t, alice, room.id, 'before');
    await setRole(room, carol, 'ADMIN');
    const resumed = await roomEvents(bob, room.id, before.seq, ROLE_EVENTS);
    expect((await resumed.next()).roomEvents).toMatchObject({
      __typename: 'MessageCreated',
      seq: before.seq + 1,
      message: { kind: 'SYSTEM', body: 'Alice made Carol an admin' },
    });
    // Live from there: no duplicate MemberRoleChanged for the replayed seq.
    const live = await send(t, alice, room.id, 'live');
    expect((await resumed.next()).roomEvents).toMatchObject({ __typename: 'MessageCreated', seq: live.seq });
  });

  it('announces ownership passing on when the owner leaves, after their departure', async () => {
    const room = await createGroup(t, alice, [bob, carol]);
    await setRole(room, carol, 'ADMIN');
    const [forBob] = await liveRoomEvents(await roomOf(t, alice, room.id), [bob], ROLE_EVENTS);
    await t.ok(LEAVE, { r: room.id }, alice.accessToken);
    const left = (await forBob.next()).roomEvents;
    expect(left).toMatchObject({ __typename: 'MemberLeft', user: { id: alice.id }, removedBy: null });
    expect((await forBob.next()).roomEvents).toMatchObject({
      __typename: 'MemberRoleChanged',
      seq: left.seq + 1,
      user: { id: carol.id },
      role: 'OWNER',
      changedBy: null,
    });
    const history = await t.ok(AFTER, { r: room.id, s: left.seq - 1 }, bob.accessToken);
    expect(history.messagesAfter.messages.map((m: { body: string }) => m.body)).toEqual([
      'Alice left',
      'Carol is now the owner',
    ]);
    expect((await roomOf(t, carol, room.id)).myRole).toBe('OWNER');
  });
});

describe('myEvents', () => {
  const myEvents = async (user: TestUser) => liveMyEvents<MyEv>(t, await ws(user), user, MY_EVENTS);
  /** Waits for this user's RoomUpdated of `roomId` at `lastSeq`, then checks it equals what `rooms` says. */
  async function expectLiveEqualsList(
    sub: LiveSubscription<MyEv>,
    user: TestUser,
    roomId: string,
    match: (r: Room) => boolean,
  ) {
    const e = await nextMatching(
      sub,
      (ev) =>
        ev.myEvents.__typename === 'RoomUpdated' && ev.myEvents.room.id === roomId && match(ev.myEvents.room),
    );
    const listed = (await roomList(t, user)).find((r) => r.id === roomId)!;
    const live = e.myEvents.room;
    expect({
      unread: live.unreadCount,
      read: live.lastReadSeq,
      last: live.lastMessage?.id,
      title: live.title,
    }).toEqual({
      unread: listed.unreadCount,
      read: listed.lastReadSeq,
      last: listed.lastMessage?.id,
      title: listed.title,
    });
    return live;
  }

  it('keeps each member’s room list live, with unread counts equal to `rooms`', async () => {
    const [a, b, c] = await Promise.all([myEvents(alice), myEvents(bob), myEvents(carol)]);
    const room = await createGroup(t, alice, [bob, carol], 'Live');
    for (const [sub, user] of [
      [a, alice],
      [b, bob],
      [c, carol],
    ] as const) {
      await expectLiveEqualsList(sub, user, room.id, (r) => r.lastSeq === 0); // the room appeared
    }
    await Promise.all([send(t, bob, room.id, 'one'), send(t, carol, room.id, 'two')]);
    await send(t, bob, room.id, 'three');
    expect((await expectLiveEqualsList(a, alice, room.id, (r) => r.lastSeq === 3)).unreadCount).toBe(3);
    const forCarol = await expectLiveEqualsList(c, carol, room.id, (r) => r.lastSeq === 3);
    expect(forCarol.unreadCount).toBeGreaterThanOrEqual(1);

    // Reading on one device updates the others.
    await t.ok(MARK_READ, { r: room.id, seq: 2 }, alice.accessToken);
    expect((await expectLiveEqualsList(a, alice, room.id, (r) => r.lastReadSeq === 2)).unreadCount).toBe(1);
    // A deletion lowers the unread count of those who had not read it.
    const three = (await roomList(t, alice)).find((r) => r.id === room.id)!.lastMessage!;
    await t.ok(DELETE, { id: three.id }, bob.accessToken);
    expect(
      (await expectLiveEqualsList(a, alice, room.id, (r) => r.lastMessage?.body === null)).unreadCount,
    ).toBe(0);
    // A rename reaches everyone's list.
    await t.ok(RENAME, { r: room.id, t: 'Renamed live' }, alice.accessToken);
    expect((await expectLiveEqualsList(b, bob, room.id, (r) => r.title === 'Renamed live')).title).toBe(
      'Renamed live',
    );
  });

  it('shows a new direct room to the other person only with its first message', async () => {
    const [x, y] = await Promise.all([registerUser(t), registerUser(t)]);
    const [forX, forY] = await Promise.all([myEvents(x), myEvents(y)]);
    const dm = await openDm(t, x, y);
    const opened = (await forX.next()).myEvents;
    expect(opened).toMatchObject({
      __typename: 'RoomUpdated',
      room: { id: dm.id, lastSeq: 0, peer: { id: y.id } },
    });
    const m = await send(t, x, dm.id, 'psst');
    const first = (await forY.next()).myEvents; // nothing came for the opening
    expect(first).toMatchObject({
      __typename: 'RoomUpdated',
      room: {
        id: dm.id,
        lastSeq: 1,
        unreadCount: 1,
        title: expect.any(String),
        peer: { id: x.id },
        lastMessage: { id: m.id, sender: { id: x.id } },
      },
    });
  });

  it('sends RoomRemoved to whoever leaves or is removed', async () => {
    const room = await createGroup(t, alice, [bob, carol]);
    const [forBob, forCarol] = await Promise.all([myEvents(bob), myEvents(carol)]);
    await t.ok(REMOVE_MEMBER, { r: room.id, u: carol.id }, alice.accessToken);
    expect((await forCarol.next()).myEvents).toEqual({ __typename: 'RoomRemoved', roomId: room.id });
    await t.ok(LEAVE, { r: room.id }, bob.accessToken);
    expect((await nextMatching(forBob, (e) => e.myEvents.__typename === 'RoomRemoved')).myEvents.roomId).toBe(
      room.id,
    );
  });
});

describe('roomEvents executed once per selection (shared between subscribers)', () => {
  // Every field here reads only the event, or depends on the viewer only as "is this me":
  // the shape graphql/shared-execution.ts shares per viewer class (sender, each mentioned user, others).
  const SHARED = `subscription($r: ID!, $after: Int) { roomEvents(roomId: $r, afterSeq: $after) {
    __typename
    ... on MessageCreated { seq message { id body clientId sender { id isMe email } mentions { id isMe email } } }
    ... on MessageEdited { seq message { id body clientId sender { id isMe } } }
  } }`;

  it('still gives each viewer their own isMe, clientId and private fields', async () => {
    const dee = await registerUser(t);
    const room = await createGroup(t, alice, [bob, carol, dee]);
    const subs = await Promise.all(
      [alice, bob, carol, dee].map(async (u) =>
        (await ws(u)).subscribe<Ev>(SHARED, { r: room.id, after: room.lastSeq }),
      ),
    );
    const warm = await send(t, alice, room.id, 'warm-up');
    await Promise.all(subs.map((s) => nextMatching(s, (e) => e.roomEvents.seq === warm.seq)));

    const clientId = uuidv7();
    const m = await send(t, alice, room.id, `for @${bob.username} and @${carol.username}`, { clientId });
    const [forAlice, forBob, forCarol, forDee] = await Promise.all(
      subs.map(async (s) => (await nextMatching(s, (e) => e.roomEvents.seq === m.seq)).roomEvents.message),
    );
    // The sender: their clientId, isMe on themselves, their own email.
    expect(forAlice).toMatchObject({ clientId, sender: { id: alice.id, isMe: true, email: alice.email } });
    expect(forAlice.mentions.map((u: { isMe: boolean }) => u.isMe)).toEqual([false, false]);
    // Each mentioned user: isMe (and email) on their own mention only, no clientId.
    for (const [view, me] of [
      [forBob, bob],
      [forCarol, carol],
    ] as const) {
      expect(view.clientId).toBeNull();
      expect(view.sender).toMatchObject({ id: alice.id, isMe: false, email: null });
      for (const u of view.mentions as { id: string; isMe: boolean; email: string | null }[])
        expect(u).toMatchObject(
          u.id === me.id ? { isMe: true, email: me.email } : { isMe: false, email: null },
        );
    }
    // Everyone else: nothing personal.
    expect(forDee.clientId).toBeNull();
    expect(forDee.sender).toMatchObject({ isMe: false, email: null });
    expect(forDee.mentions.every((u: { isMe: boolean; email: string | null }) => !u.isMe && !u.email)).toBe(
      true,
    );
  });
});

describe('statements per message, whoever listens', () => {
  // Its own app on the in-process event bus: every marker of a send reaches this
  // instance in the same turn of the event loop, so the count is exact. (Markers
  // that cross Redis may arrive over several turns and take more than one read.)
  let app: TestApp;
  let users: TestUser[];
  const open: WsConnection[] = [];
  beforeAll(async () => {
    app = await createTestApp({ redis: false });
    users = await registerTrio(app);
  });
  afterAll(async () => {
    await Promise.all(open.map((s) => s.close()));
    await app?.close();
  });
  const socket = async (user: TestUser) => {
    const s = await connectWs(app.wsUrl, user.accessToken);
    open.push(s);
    return s;
  };
  const statements = async (fn: () => Promise<unknown>) => {
    const before = app.app.dbStats.queries;
    await fn();
    return app.app.dbStats.queries - before;
  };

  it('reads nothing per subscriber: room events carry everything, room views are one read per room', async () => {
    const [a, b, c] = users as [TestUser, TestUser, TestUser];
    const room = await createGroup(app, a, [b, c]);
    const quiet = await statements(() => send(app, a, room.id, 'nobody is listening'));
    const roomSubs = await Promise.all(
      [b, c].map(async (u) => (await socket(u)).subscribe<Ev>(ROOM_EVENTS, { r: room.id, after: 1 })),
    );
    // Live (and done replaying) once the warm-up arrives, by replay or live.
    const warm = await send(app, a, room.id, 'warm-up');
    await Promise.all(roomSubs.map((sub) => nextMatching(sub, (e) => e.roomEvents.seq === warm.seq)));
    const forA = await liveMyEvents<MyEv>(app, await socket(a), a, MY_EVENTS);
    const one = await statements(async () => {
      await send(app, a, room.id, 'two room subscribers and one room list');
      await Promise.all([...roomSubs, forA].map((sub) => sub.next()));
    });
    const lists = await Promise.all(
      [b, c].map(async (u) => liveMyEvents<MyEv>(app, await socket(u), u, MY_EVENTS)),
    );
    const loud = await statements(async () => {
      const m = await send(app, a, room.id, 'two room subscribers and three room lists');
      const views = await Promise.all([forA, ...lists].map((sub) => sub.next()));
      await Promise.all(roomSubs.map((sub) => sub.next()));
      // Each list got its own view: alice sent everything, the others have it all unread.
      const [mine, bobs, carols] = views.map((v) => v.myEvents.room.unreadCount);
      expect(mine).toBe(0);
      expect(bobs).toBe(4);
      expect(carols).toBe(4);
      expect(views.map((v) => v.myEvents.room.lastMessage.id)).toEqual([m.id, m.id, m.id]);
    });
    // Room events cost nothing per subscriber; the members' room views are one read
    // for all of them, and none when nobody watches a room list.
    expect(one).toBe(quiet + 1);
    expect(loud).toBe(one);
  });
});
