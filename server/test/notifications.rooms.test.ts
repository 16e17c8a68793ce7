/**
 * Message notifications as chat creates them: who gets one (the DM peer,
 * @mentioned group members), who never does (the sender, people who muted the
 * room), and that reading the room clears it on every device.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, expectError, type TestApp } from './helpers/app.ts';
import { createGroup, LEAVE, MARK_READ, openDm, REMOVE_MEMBER, send } from './helpers/chat.ts';
import { liveNotifications } from './helpers/notifications.ts';
import { registerUser, type TestUser } from './helpers/users.ts';
import { connectWs, type WsConnection } from './helpers/ws.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

/** Three fresh people per test (display names show in titles; usernames are unique). */
const registerTrio = (t: TestApp): Promise<[TestUser, TestUser, TestUser]> =>
  Promise.all([
    registerUser(t, { displayName: 'Alice' }),
    registerUser(t, { displayName: 'Bob' }),
    registerUser(t, { displayName: 'Carol' }),
  ]);

const LIST = `query {
  notifications(unreadOnly: true) { edges { node { id type title body count roomId messageId fromUser { id } } } }
  unreadNotificationCount
}`;
const MUTE = `mutation($r: ID!, $until: DateTime) { muteRoom(roomId: $r, until: $until) { id muted mutedUntil } }`;
const UNMUTE = `mutation($r: ID!) { unmuteRoom(roomId: $r) { id muted mutedUntil } }`;

interface Listed {
  id: string;
  type: string;
  title: string;
  body: string;
  count: number;
  roomId: string | null;
  messageId: string | null;
  fromUser: { id: string } | null;
}

async function unread(user: TestUser): Promise<{ nodes: Listed[]; count: number }> {
  const r = await t.ok(LIST, {}, user.accessToken);
  return {
    nodes: r.notifications.edges.map((e: { node: Listed }) => e.node),
    count: r.unreadNotificationCount,
  };
}

describe('message notifications from chat', () => {
  it('notifies the other person of a direct room, collapsed per room, never the sender', async () => {
    const [alice, bob] = await registerTrio(t);
    const dm = await openDm(t, alice, bob);
    const first = await send(t, alice, dm.id, 'Hi Bob');
    const second = await send(t, alice, dm.id, 'Are you there?');

    const forBob = await unread(bob);
    expect(forBob.count).toBe(1);
    expect(forBob.nodes[0]).toEqual({
      id: expect.any(String),
      type: 'MESSAGE',
      title: 'Alice',
      body: '2 new messages. Latest from Alice: Are you there?',
      count: 2,
      roomId: dm.id,
      messageId: second.id,
      fromUser: { id: alice.id },
    });
    expect(first.id).not.toBe(second.id);
    expect((await unread(alice)).count).toBe(0);
  });

  it('50 messages in a DM while away give one notification that says 50', async () => {
    const [alice, bob] = await registerTrio(t);
    const dm = await openDm(t, alice, bob);
    for (let i = 1; i <= 50; i++) await send(t, alice, dm.id, `message ${i}`);
    const forBob = await unread(bob);
    expect(forBob.count).toBe(1);
    expect(forBob.nodes[0]).toMatchObject({
      count: 50,
      roomId: dm.id,
      body: '50 new messages. Latest from Alice: message 50',
    });
  });

  it('in a group, notifies only the @mentioned members', async () => {
    const [alice, bob, carol] = await registerTrio(t);
    const group = await createGroup(t, alice, [bob, carol], 'Launch crew');
    await send(t, alice, group.id, 'Morning all');
    await send(t, alice, group.id, `@${carol.username} can you review?`);
    // A self-mention notifies nobody.
    await send(t, alice, group.id, `note to @${alice.username}`);

    expect((await unread(bob)).count).toBe(0);
    expect((await unread(alice)).count).toBe(0);
    const forCarol = await unread(carol);
    expect(forCarol.nodes).toHaveLength(1);
    expect(forCarol.nodes[0]).toMatchObject({
      title: 'Launch crew',
      count: 1,
      body: `Alice: @${carol.username} can you review?`,
    });
  });

  it('leaving a group, or being removed from it, retires its message notices: nothing is left to read there', async () => {
    const [alice, bob, carol] = await registerTrio(t);
    const group = await createGroup(t, alice, [bob, carol], 'Short-lived');
    await send(t, alice, group.id, `@${bob.username} @${carol.username} look`);
    expect([(await unread(bob)).count, (await unread(carol)).count]).toEqual([1, 1]);
    await t.ok(REMOVE_MEMBER, { r: group.id, u: carol.id }, alice.accessToken);
    expect((await unread(carol)).count).toBe(0);
    await t.ok(LEAVE, { r: group.id }, bob.accessToken);
    expect((await unread(bob)).count).toBe(0);
    expect(t.errorLogs).toEqual([]);
  });

  it('reading the room up to its newest message clears the notification on every device', async () => {
    const [alice, bob] = await registerTrio(t);
    const dm = await openDm(t, alice, bob);
    await send(t, alice, dm.id, 'one');
    const m2 = await send(t, alice, dm.id, 'two');
    const conn = await connectWs(t.wsUrl, bob.accessToken);
    try {
      const { sub, unreadCount } = await liveNotifications(conn);
      expect(unreadCount).toBe(1);
      const [n] = (await unread(bob)).nodes;

      // Reading only part of the room keeps it.
      await t.ok(MARK_READ, { r: dm.id, seq: m2.seq - 1 }, bob.accessToken);
      expect((await unread(bob)).count).toBe(1);

      await t.ok(MARK_READ, { r: dm.id, seq: m2.seq }, bob.accessToken);
      const e = (await sub.next()).notificationEvents;
      expect(e).toEqual({ __typename: 'NotificationsRead', ids: [n?.id], unreadCount: 0 });
      expect((await unread(bob)).count).toBe(0);

      // The next message starts a new notification.
      await send(t, alice, dm.id, 'three');
      const added = (await sub.next()).notificationEvents;
      expect(added).toMatchObject({ __typename: 'NotificationAdded', unreadCount: 1 });
      expect(added.notification.id).not.toBe(n?.id);
    } finally {
      await conn.close();
    }
  });
});

/**
 * Alice and Bob in a DM that Bob has read up to its first message, and a
 * socket of Bob's: what the room-open tests start from.
 */
async function withBobOnline(
  run: (s: { alice: TestUser; bob: TestUser; dm: { id: string }; conn: WsConnection }) => Promise<void>,
) {
  const [alice, bob] = await registerTrio(t);
  const dm = await openDm(t, alice, bob);
  await send(t, alice, dm.id, 'hello');
  await t.ok(MARK_READ, { r: dm.id, seq: 1 }, bob.accessToken);
  const conn = await connectWs(t.wsUrl, bob.accessToken);
  try {
    await run({ alice, bob, dm, conn });
  } finally {
    await conn.close();
  }
}

/** Polls until Bob's viewing state of the room is `viewing`. */
async function untilViewing(bob: TestUser, roomId: string, viewing: boolean) {
  for (let i = 0; (await t.app.deps.presence.isViewingRoom(bob.id, roomId)) !== viewing; i++) {
    if (i > 100)
      throw new Error(viewing ? 'the subscription never registered as viewing' : 'viewing never ended');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('while looking at the room', () => {
  it('creates no notification for a member with the room open, and does again once they leave it', () =>
    withBobOnline(async ({ alice, bob, dm, conn }) => {
      const sub = conn.subscribe(
        `subscription($r: ID!) { roomEvents(roomId: $r) { __typename ... on MessageCreated { seq } } }`,
        { r: dm.id },
      );
      // Bob sees the message arrive live: he is looking, so no notification.
      await untilViewing(bob, dm.id, true);
      const seen = await send(t, alice, dm.id, 'you are reading this live');
      expect((await sub.next()).roomEvents).toEqual({ __typename: 'MessageCreated', seq: seen.seq });
      expect((await unread(bob)).count).toBe(0);

      sub.unsubscribe();
      await untilViewing(bob, dm.id, false);
      await send(t, alice, dm.id, 'now you are away');
      expect((await unread(bob)).nodes).toMatchObject([{ roomId: dm.id, body: 'Alice: now you are away' }]);
    }));
});

describe('following a room without reading it', () => {
  it('a roomEvents stream with `reading: false` does not count as looking: notifications go on', () =>
    withBobOnline(async ({ alice, bob, dm, conn }) => {
      const sub = conn.subscribe(
        `subscription($r: ID!) { roomEvents(roomId: $r, reading: false) { __typename ... on MessageCreated { seq } } }`,
        { r: dm.id },
      );
      // Live once a message arrives on it; Bob still counts as away.
      let live: { seq: number } | undefined;
      for (let i = 0; !live; i++) {
        if (i > 40) throw new Error('the stream never went live');
        const m = await send(t, alice, dm.id, `ping ${i}`);
        const e = await sub.next(250).catch(() => undefined);
        if (e) live = { seq: m.seq };
      }
      expect(await t.app.deps.presence.isViewingRoom(bob.id, dm.id)).toBe(false);
      await send(t, alice, dm.id, 'while you only follow');
      expect((await unread(bob)).nodes).toMatchObject([{ roomId: dm.id }]);
      expect((await unread(bob)).nodes[0]?.body).toMatch(/while you only follow$/);
      sub.unsubscribe();
    }));
});

describe('muteRoom', () => {
  it('stops message notifications until unmuted, and shows on the room', async () => {
    const [alice, bob] = await registerTrio(t);
    const dm = await openDm(t, alice, bob);
    await send(t, alice, dm.id, 'first');
    expect((await t.ok(MUTE, { r: dm.id }, bob.accessToken)).muteRoom).toEqual({
      id: dm.id,
      muted: true,
      mutedUntil: null,
    });
    await t.ok(MARK_READ, { r: dm.id, seq: 1 }, bob.accessToken);
    await send(t, alice, dm.id, 'while muted');
    expect((await unread(bob)).count).toBe(0);

    // Unread counts still count a muted room.
    const room = await t.ok(
      `query($id: ID!) { room(id: $id) { unreadCount muted } }`,
      { id: dm.id },
      bob.accessToken,
    );
    expect(room.room).toEqual({ unreadCount: 1, muted: true });
    // Muting is per member: Alice still hears from Bob.
    await send(t, bob, dm.id, 'reply');
    expect((await unread(alice)).count).toBe(1);

    expect((await t.ok(UNMUTE, { r: dm.id }, bob.accessToken)).unmuteRoom).toEqual({
      id: dm.id,
      muted: false,
      mutedUntil: null,
    });
    await send(t, alice, dm.id, 'after unmute');
    expect((await unread(bob)).nodes).toMatchObject([
      { roomId: dm.id, count: 1, body: 'Alice: after unmute' },
    ]);
    // Unmuting twice is harmless.
    await t.ok(UNMUTE, { r: dm.id }, bob.accessToken);
  });

  it('a timed mute ends by itself', async () => {
    const [alice, bob] = await registerTrio(t);
    const dm = await openDm(t, alice, bob);
    await send(t, alice, dm.id, 'hello');
    await t.ok(MARK_READ, { r: dm.id, seq: 1 }, bob.accessToken);
    const until = new Date(Date.now() + 3_600_000);
    const muted = (await t.ok(MUTE, { r: dm.id, until: until.toISOString() }, bob.accessToken)).muteRoom;
    expect(muted.muted).toBe(true);
    expect(new Date(muted.mutedUntil).getTime()).toBe(until.getTime());
    await send(t, alice, dm.id, 'muted');
    expect((await unread(bob)).count).toBe(0);

    // The hour passes.
    await t.app.db
      .updateTable('room_members')
      .set({ muted_until: new Date(Date.now() - 1000) })
      .where('room_id', '=', dm.id)
      .where('user_id', '=', bob.id)
      .execute();
    const room = await t.ok(
      `query($id: ID!) { room(id: $id) { muted mutedUntil } }`,
      { id: dm.id },
      bob.accessToken,
    );
    expect(room.room).toEqual({ muted: false, mutedUntil: null });
    await send(t, alice, dm.id, 'mute over');
    expect((await unread(bob)).count).toBe(1);
  });

  it('refuses a past end time and rooms the viewer is not in', async () => {
    const [alice, bob, carol] = await registerTrio(t);
    const dm = await openDm(t, alice, bob);
    const past = new Date(Date.now() - 60_000).toISOString();
    const r = await t.gql(MUTE, { r: dm.id, until: past }, bob.accessToken);
    expect(expectError(r, 'BAD_USER_INPUT').extensions?.field).toBe('until');
    expectError(await t.gql(MUTE, { r: dm.id }, carol.accessToken), 'NOT_FOUND');
    expectError(await t.gql(UNMUTE, { r: dm.id }, carol.accessToken), 'NOT_FOUND');
    expectError(await t.gql(MUTE, { r: 'nope' }, bob.accessToken), 'NOT_FOUND');
    expectError(await t.gql(MUTE, { r: dm.id }), 'UNAUTHENTICATED');
  });
});
