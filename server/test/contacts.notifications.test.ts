import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './helpers/app.ts';
import { waitForMail } from './helpers/outbox.ts';
import { registerUser } from './helpers/users.ts';

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
});
