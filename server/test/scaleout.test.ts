/**
 * Three instances on one PostgreSQL and one Redis (issue #9): clients are
 * spread over them and every live stream reaches its subscriber whichever
 * instance the change was made on: room events, my events, notifications,
 * meeting events, typing and presence.
 */
import { Redis } from 'ioredis';
import type { Message } from 'mqemitter';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../src/lib/ids.ts';
import { FANOUT_TOPIC } from '../src/plugins/pubsub.ts';
import { createTestApp, type TestApp } from './helpers/app.ts';
import { createGroup, nextMatching } from './helpers/chat.ts';
import { registerUser, type TestUser } from './helpers/users.ts';
import { connectWs, type LiveSubscription, type WsConnection } from './helpers/ws.ts';

const hasRedis = Boolean(process.env.REDIS_URL);

// biome-ignore lint/suspicious/noExplicitAny: event shapes are asserted by the tests
type Ev = any;

describe.skipIf(!hasRedis)('three instances', () => {
  let a: TestApp;
  let b: TestApp;
  let c: TestApp;
  const sockets: WsConnection[] = [];
  beforeAll(async () => {
    a = await createTestApp();
    [b, c] = await Promise.all([
      createTestApp({ database: a.database }),
      createTestApp({ database: a.database }),
    ]);
  });
  afterAll(async () => {
    await Promise.all(sockets.map((s) => s.close().catch(() => undefined)));
    await c?.close();
    await b?.close();
    await a?.close();
  });
  async function ws(app: TestApp, user: TestUser) {
    const s = await connectWs(app.wsUrl, user.accessToken);
    sockets.push(s);
    return s;
  }

  /**
   * Subscribes, then repeats `act` until the subscription shows an event
   * matching `match` (a subscription has no "ready" acknowledgement, so the
   * first attempt may land before it is registered on the other instance).
   */
  async function deliver(
    sub: LiveSubscription<Ev>,
    act: (attempt: number) => Promise<unknown>,
    match: (e: Ev) => boolean,
  ) {
    for (let attempt = 0; attempt < 20; attempt++) {
      await act(attempt);
      const got = await nextMatching(sub, match, 750).catch(() => undefined);
      if (got) return got;
    }
    throw new Error('never delivered');
  }

  /** Three topics of this test's own. */
  const testTopics = () =>
    [uuidv7(), uuidv7(), uuidv7()].map((id) => `test:${id}`) as [string, string, string];

  /** Listens on `topic` on `app`'s emitter; resolves once the listener is in place. */
  const listen = (app: TestApp, topic: string, onMessage: (payload: unknown) => void) =>
    new Promise<void>((resolve) =>
      app.app.emitter.on(
        topic,
        (m: Message, done: () => void) => {
          onMessage(m.payload);
          done();
        },
        () => resolve(),
      ),
    );

  /**
   * What goes over Redis on the fan-out channel and on `topics`, seen by a plain subscriber:
   * the channel of each message that mentions `topics[0]` (other test files may publish
   * fan-outs on the same Redis meanwhile).
   */
  async function spyOnRedis(topics: readonly string[]) {
    const spy = new Redis(process.env.REDIS_URL as string);
    const channels: string[] = [];
    const mine = Buffer.from((topics[0] as string).slice('test:'.length));
    spy.on('messageBuffer', (channel: Buffer, message: Buffer) => {
      if (message.includes(mine)) channels.push(channel.toString());
    });
    await spy.subscribe(FANOUT_TOPIC, ...topics);
    return { channels, stop: () => spy.disconnect() };
  }

  it('publishEach: one Redis message reaches the listeners of each named topic on every instance, in order with publish', async () => {
    const [x, y, nobody] = testTopics();
    const got = { ax: [] as unknown[], bx: [] as unknown[], cx: [] as unknown[], cy: [] as unknown[] };
    await Promise.all([
      listen(a, x, (p) => got.ax.push(p)),
      listen(b, x, (p) => got.bx.push(p)),
      listen(c, x, (p) => got.cx.push(p)),
      listen(c, y, (p) => got.cy.push(p)),
    ]);
    const redis = await spyOnRedis([x, y, nobody]);
    try {
      await a.app.events.publishEach([x, y, nobody], { n: 1, at: new Date(1000) });
      await a.app.events.publish(x, { n: 2 });
      // Payloads arrive as they were published, Dates included (they cross Redis serialised).
      const first = { n: 1, at: new Date(1000) };
      await expect
        .poll(() => [got.bx, got.cx, got.cy])
        .toEqual([[first, { n: 2 }], [first, { n: 2 }], [first]]);
      expect((got.cy[0] as { at: unknown }).at).toBeInstanceOf(Date);
      // One message for the three topics (then the plain publish); none per topic.
      await expect.poll(() => redis.channels).toEqual([FANOUT_TOPIC, x]);
      // The publisher's own listener, once each (its echo from Redis is skipped): b's
      // next message reaches a through Redis after a's own, so by then any echo would show.
      await b.app.events.publish(x, { n: 3 });
      await expect.poll(() => got.ax).toHaveLength(3);
      expect(got.ax).toEqual([first, { n: 2 }, { n: 3 }]);
    } finally {
      redis.stop();
    }
  });

  it('publishMany: parts for different topics cross Redis as one message and arrive in order', async () => {
    const [room, u1, u2] = testTopics();
    const seen: Array<[string, string, unknown]> = [];
    const into = (name: string, topic: string) => (p: unknown) => seen.push([name, topic, p]);
    await Promise.all([
      listen(a, room, into('a', room)),
      listen(b, room, into('b', room)),
      listen(b, u1, into('b', u1)),
      listen(c, room, into('c', room)),
      listen(c, u2, into('c', u2)),
    ]);
    const redis = await spyOnRedis([room, u1, u2]);
    try {
      await a.app.events.publishMany([
        { topics: [room], payload: { n: 1, room } },
        { topics: [room], payload: { n: 2, room } },
        { topics: [], payload: { n: 'nobody' } },
        { topics: [u1, u2], payload: { n: 3, room, at: new Date(2000) } },
      ]);
      // The publishing instance's own listeners have it before its round trip through Redis.
      expect(seen.filter(([name]) => name === 'a').map(([, , payload]) => payload)).toEqual([
        { n: 1, room },
        { n: 2, room },
      ]);
      await a.app.events.publish(room, { n: 4, room });
      expect(seen.filter(([name]) => name === 'a')).toHaveLength(3);
      const third = { n: 3, room, at: new Date(2000) };
      await expect.poll(() => seen.filter(([name]) => name === 'b')).toHaveLength(4);
      await expect.poll(() => seen.filter(([name]) => name === 'c')).toHaveLength(4);
      for (const [name, user] of [
        ['b', u1],
        ['c', u2],
      ] as const)
        expect(seen.filter(([n]) => n === name).map(([, topic, payload]) => [topic, payload])).toEqual([
          [room, { n: 1, room }],
          [room, { n: 2, room }],
          [user, third],
          [room, { n: 4, room }],
        ]);
      // One message for every part (then the plain publish).
      await expect.poll(() => redis.channels).toEqual([FANOUT_TOPIC, room]);
      // a skips its own messages when Redis brings them back: once c's next one has
      // come to a through Redis (after a's own, on the same connection), a saw each once.
      await c.app.events.publishMany([{ topics: [room, u1], payload: { n: 5, room } }]);
      await expect.poll(() => seen.filter(([name]) => name === 'a')).toHaveLength(4);
      await c.app.events.publish(room, { n: 6, room });
      await expect.poll(() => seen.filter(([name]) => name === 'a')).toHaveLength(5);
      expect(seen.filter(([name]) => name === 'a').map(([, , payload]) => payload)).toEqual(
        [1, 2, 4, 5, 6].map((n) => ({ n, room })),
      );
    } finally {
      redis.stop();
    }
  });

  it('fan-outs published in one tick cross Redis as one message, a publish between them keeping its place', async () => {
    const [room, u1, u2] = testTopics();
    const seen: Array<[string, unknown]> = [];
    await Promise.all([room, u1, u2].map((topic) => listen(b, topic, (p) => seen.push([topic, p]))));
    const redis = await spyOnRedis([room, u1, u2]);
    try {
      const payload = { n: 2, room };
      // One tick: three fan-outs, a plain publish, one more fan-out.
      void a.app.events.publishMany([{ topics: [room, u1], payload: { n: 1, room } }]);
      void a.app.events.publishEach([room, u2], payload);
      // Sent as it was when published, whatever happens to it afterwards.
      payload.n = -2;
      void a.app.events.publishMany([
        { topics: [room], payload: { n: 3, room } },
        { topics: [u1, u2], payload: { n: 4, room } },
      ]);
      void a.app.events.publish(room, { n: 5, room });
      void a.app.events.publishMany([{ topics: [room, u2], payload: { n: 6, room } }]);
      const n = (p: unknown) => (p as { n: number }).n;
      await expect.poll(() => seen.length).toBe(10);
      expect(seen.map(([topic, p]) => [topic, n(p)])).toEqual([
        [room, 1],
        [u1, 1],
        [room, 2],
        [u2, 2],
        [room, 3],
        [u1, 4],
        [u2, 4],
        [room, 5],
        [room, 6],
        [u2, 6],
      ]);
      // The first three fan-outs in one message, then the plain publish, then the last one.
      await expect.poll(() => redis.channels).toEqual([FANOUT_TOPIC, room, FANOUT_TOPIC]);
    } finally {
      redis.stop();
    }
  });

  it('carries room events, my events, notifications, meeting events, typing and presence across instances', async () => {
    const [alice, bob, carol] = await Promise.all([registerUser(a), registerUser(b), registerUser(c)]);
    const room = await createGroup(c, carol, [alice, bob], 'Spread out');

    // Room events: subscribed on A, sent through C.
    const roomSub: LiveSubscription<Ev> = (await ws(a, alice)).subscribe(
      `subscription($r: ID!) { roomEvents(roomId: $r) { __typename ... on MessageCreated { message { body } } ... on TypingChanged { typingUsers { id } } } }`,
      { r: room.id },
    );
    await deliver(
      roomSub,
      (i) =>
        c.ok(
          `mutation($i: SendMessageInput!) { sendMessage(input: $i) { id } }`,
          { i: { roomId: room.id, clientId: uuidv7(), body: `from C ${i}` } },
          carol.accessToken,
        ),
      (e) => e.roomEvents.__typename === 'MessageCreated' && e.roomEvents.message.body.startsWith('from C'),
    );
    // Typing: set on B, seen on A.
    await deliver(
      roomSub,
      () =>
        b.ok(`mutation($r: ID!) { setTyping(roomId: $r, typing: true) }`, { r: room.id }, bob.accessToken),
      (e) =>
        e.roomEvents.__typename === 'TypingChanged' &&
        e.roomEvents.typingUsers.some((u: { id: string }) => u.id === bob.id),
    );

    // My events: Bob on B sees the room move when Carol sends on C.
    const mySub: LiveSubscription<Ev> = (await ws(b, bob)).subscribe(
      `subscription { myEvents { __typename ... on RoomUpdated { room { id lastMessage { body } } } ... on FriendRequestReceived { request { id } } } }`,
    );
    await deliver(
      mySub,
      (i) =>
        c.ok(
          `mutation($i: SendMessageInput!) { sendMessage(input: $i) { id } }`,
          { i: { roomId: room.id, clientId: uuidv7(), body: `list ${i}` } },
          carol.accessToken,
        ),
      (e) => e.myEvents.__typename === 'RoomUpdated' && e.myEvents.room.lastMessage?.body.startsWith('list'),
    );

    // Notifications: Alice on A is notified of Bob's friend request made on B.
    const notes: LiveSubscription<Ev> = (await ws(a, alice)).subscribe(
      `subscription { notificationEvents { __typename ... on NotificationAdded { notification { type } unreadCount } } }`,
    );
    await notes.next(); // the first event: the current count, so the stream is live
    await b.ok(
      `mutation($u: ID!) { sendFriendRequest(userId: $u) { __typename } }`,
      { u: alice.id },
      bob.accessToken,
    );
    const added = await nextMatching(notes, (e) => e.notificationEvents.__typename === 'NotificationAdded');
    expect(added.notificationEvents.notification.type).toBe('FRIEND_REQUEST');

    // Meeting events: Carol (on C) sees the request Alice makes on A; Alice (on B) sees Carol's accept made on C.
    const meetingsForCarol: LiveSubscription<Ev> = (await ws(c, carol)).subscribe(
      `subscription { meetingEvents { action meeting { id status } } }`,
    );
    const meetingsForAlice: LiveSubscription<Ev> = (await ws(b, alice)).subscribe(
      `subscription { meetingEvents { action meeting { id status } } }`,
    );
    const requested = await deliver(
      meetingsForCarol,
      () =>
        a.ok(
          `mutation($i: RequestMeetingInput!) { requestMeeting(input: $i) { id } }`,
          {
            i: {
              inviteeId: carol.id,
              startsAt: new Date(
                Date.now() + 2 * 86_400_000 + Math.floor(Math.random() * 3_600_000),
              ).toISOString(),
              durationMinutes: 15,
              kind: 'VIDEO',
            },
          },
          alice.accessToken,
        ),
      (e) => e.meetingEvents.meeting.status === 'REQUESTED',
    );
    const id = requested.meetingEvents.meeting.id;
    await c.ok(`mutation($id: ID!) { acceptMeeting(id: $id) { id } }`, { id }, carol.accessToken);
    const accepted = await nextMatching(
      meetingsForAlice,
      (e) => e.meetingEvents.meeting.id === id && e.meetingEvents.meeting.status === 'ACCEPTED',
      10_000,
    );
    expect(accepted.meetingEvents.action).toBe('ACCEPTED');

    // Presence: Bob (connected to B) is online as seen from A and C.
    for (const app of [a, c]) {
      const r = await app.ok(
        `query($u: [ID!]!) { presence(userIds: $u) { online } }`,
        { u: [bob.id] },
        carol.accessToken,
      );
      expect(r.presence).toEqual([{ online: true }]);
    }
  });
});
