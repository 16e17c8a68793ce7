import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './helpers/app.ts';
import { nextMatching } from './helpers/chat.ts';
import { waitForMail } from './helpers/outbox.ts';
import { registerUser } from './helpers/users.ts';
import { connectWs } from './helpers/ws.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

const NOTIFICATIONS = `{ notifications(first: 10) { edges { node { type title data: fromUser { id } } } } unreadNotificationCount }`;

describe('friend request notifications', () => {
  it('notifies the recipient of a request (in-app and by email) and the sender when accepted', async () => {
    const ann = await registerUser(t, { displayName: 'Ann Example' });
    const bob = await registerUser(t, { displayName: 'Bob Example' });
    const sent = await t.ok(
      `mutation($u: ID!) { sendFriendRequest(userId: $u) { request { id } } }`,
      { u: bob.id },
      ann.accessToken,
    );

    const forBob = await t.ok(NOTIFICATIONS, {}, bob.accessToken);
    expect(forBob.unreadNotificationCount).toBe(1);
    expect(forBob.notifications.edges[0].node).toMatchObject({
      type: 'FRIEND_REQUEST',
      title: 'Ann Example sent you a friend request',
      data: { id: ann.id },
    });
    const mail = await waitForMail(t, (m) => m.to.includes(bob.email));
    expect(mail.subject).toContain('Ann Example');

    await t.ok(
      `mutation($r: ID!) { respondToFriendRequest(requestId: $r, accept: true) { user { contactStatus } } }`,
      { r: sent.sendFriendRequest.request.id },
      bob.accessToken,
    );
    const forAnn = await t.ok(NOTIFICATIONS, {}, ann.accessToken);
    expect(forAnn.notifications.edges.map((e: { node: { type: string } }) => e.node.type)).toEqual([
      'FRIEND_ACCEPTED',
    ]);
  });

  it('notifies the first requester when the other asks back (auto-accept), and nobody on decline', async () => {
    const a = await registerUser(t);
    const b = await registerUser(t);
    await t.ok(
      `mutation($u: ID!) { sendFriendRequest(userId: $u) { user { id } } }`,
      { u: b.id },
      a.accessToken,
    );
    await t.ok(
      `mutation($u: ID!) { sendFriendRequest(userId: $u) { user { contactStatus } } }`,
      { u: a.id },
      b.accessToken,
    );
    const forA = await t.ok(NOTIFICATIONS, {}, a.accessToken);
    expect(forA.notifications.edges.map((e: { node: { type: string } }) => e.node.type)).toEqual([
      'FRIEND_ACCEPTED',
    ]);

    const c = await registerUser(t);
    const d = await registerUser(t);
    const req = await t.ok(
      `mutation($u: ID!) { sendFriendRequest(userId: $u) { request { id } } }`,
      { u: d.id },
      c.accessToken,
    );
    await t.ok(
      `mutation($r: ID!) { respondToFriendRequest(requestId: $r, accept: false) { user { id } } }`,
      { r: req.sendFriendRequest.request.id },
      d.accessToken,
    );
    expect((await t.ok(NOTIFICATIONS, {}, c.accessToken)).unreadNotificationCount).toBe(0);
  });

  it('retires a request notice once the request is over: withdrawn, answered, or its sender blocked', async () => {
    const SEND = `mutation($u: ID!) { sendFriendRequest(userId: $u) { request { id } } }`;
    const unread = async (u: { accessToken: string }) =>
      (await t.ok(NOTIFICATIONS, {}, u.accessToken)).unreadNotificationCount;
    const bob = await registerUser(t);
    const [sam, pam, ann] = await Promise.all([registerUser(t), registerUser(t), registerUser(t)]);
    const conn = await connectWs(t.wsUrl, bob.accessToken);
    try {
      const live = conn.subscribe(
        'subscription { notificationEvents { __typename ... on NotificationsRead { ids unreadCount } } }',
      );
      await live.next(); // the first count
      // Withdrawn by its sender: Bob's notice is read, and his devices are told.
      const fromSam = await t.ok(SEND, { u: bob.id }, sam.accessToken);
      expect(await unread(bob)).toBe(1);
      await t.ok(
        'mutation($r: ID!) { cancelFriendRequest(requestId: $r) }',
        { r: fromSam.sendFriendRequest.request.id },
        sam.accessToken,
      );
      expect(await unread(bob)).toBe(0);
      const told = await nextMatching(live, (e) => e.notificationEvents.ids?.length === 1, 5_000);
      expect(told.notificationEvents.unreadCount).toBe(0);

      // Its sender blocked.
      await t.ok(SEND, { u: bob.id }, pam.accessToken);
      expect(await unread(bob)).toBe(1);
      await t.ok('mutation($u: ID!) { blockUser(userId: $u) { id } }', { u: pam.id }, bob.accessToken);
      expect(await unread(bob)).toBe(0);

      // Answered from the contacts page (declined here).
      const fromAnn = await t.ok(SEND, { u: bob.id }, ann.accessToken);
      expect(await unread(bob)).toBe(1);
      await t.ok(
        'mutation($r: ID!) { respondToFriendRequest(requestId: $r, accept: false) { user { id } } }',
        { r: fromAnn.sendFriendRequest.request.id },
        bob.accessToken,
      );
      expect(await unread(bob)).toBe(0);
      // The notices are still listed (read), nothing was deleted.
      expect((await t.ok(NOTIFICATIONS, {}, bob.accessToken)).notifications.edges).toHaveLength(3);
    } finally {
      await conn.close();
    }
  });
});
