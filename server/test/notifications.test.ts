import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { inTransaction } from '../src/db/tx.ts';
import { uuidv7 } from '../src/lib/ids.ts';
import { notify } from '../src/modules/notifications/notifications.service.ts';
import { createTestApp, expectError, type TestApp } from './helpers/app.ts';
import { liveNotifications, notifyNow, queuedEmails } from './helpers/notifications.ts';
import { registerUser, type TestUser } from './helpers/users.ts';
import { connectWs, type WsConnection } from './helpers/ws.ts';

let t: TestApp;
const sockets: WsConnection[] = [];
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await Promise.all(sockets.map((s) => s.close()));
  await t?.close();
});

const ws = async (token: string, url = t.wsUrl) => {
  const s = await connectWs(url, token);
  sockets.push(s);
  return s;
};
/** A device listening to notificationEvents, already live (its first event, the count, consumed). */
const live = async (token: string, url = t.wsUrl) => (await liveNotifications(await ws(token, url))).sub;

const LIST = `query($first: Int, $after: String, $unreadOnly: Boolean) {
  notifications(first: $first, after: $after, unreadOnly: $unreadOnly) {
    edges { cursor node { id type title body count readAt roomId meetingId friendRequestId fromUser { id } } }
    pageInfo { hasNextPage endCursor }
  }
  unreadNotificationCount
}`;
const MARK = `mutation($id: ID!) { markNotificationRead(id: $id) { id readAt } }`;
const MARK_MANY = `mutation($ids: [ID!]!) { markNotificationsRead(ids: $ids) { ids unreadCount } }`;
const MARK_ALL = `mutation { markAllNotificationsRead { ids unreadCount } }`;
const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { accessToken } }`;

/** A second device: another sign-in of the same account. */
async function secondDevice(u: TestUser): Promise<string> {
  const r = await t.ok(LOGIN, { input: { login: u.username, password: u.password } });
  return r.login.accessToken;
}

const friendRequest = (to: TestUser, from: TestUser, title = 'New friend request') =>
  notifyNow(t, {
    recipientId: to.id,
    type: 'FRIEND_REQUEST',
    title,
    body: 'Someone wants to be your contact',
    data: { fromUserId: from.id, friendRequestId: uuidv7() },
  });

describe('creation', () => {
  it('leaves no notification, event or email behind when the transaction rolls back', async () => {
    const ann = await registerUser(t);
    const device = await live(ann.accessToken);
    await expect(
      inTransaction(t.app.deps, async (tx) => {
        await notify(tx, t.app.deps, {
          recipientId: ann.id,
          type: 'MEETING_REQUESTED',
          title: 'Rolled back',
          body: 'This change never happened',
        });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');

    const list = await t.ok(LIST, {}, ann.accessToken);
    expect(list.notifications.edges).toEqual([]);
    expect(list.unreadNotificationCount).toBe(0);
    expect(await queuedEmails(t, ann.email)).toEqual([]);

    // The first event the device sees is the committed one, not the rolled-back one.
    const committed = await friendRequest(ann, ann, 'Committed');
    const event = await device.next();
    expect(event.notificationEvents).toMatchObject({
      __typename: 'NotificationAdded',
      unreadCount: 1,
      notification: { id: committed.id, title: 'Committed' },
    });
    const emails = await queuedEmails(t, ann.email);
    expect(emails.map((e) => e.subject)).toEqual(['Committed']);
  });

  it('shows times in the recipient’s own zone, with its abbreviation', async () => {
    const ny = await registerUser(t, { timeZone: 'America/New_York' });
    const kolkata = await registerUser(t, { timeZone: 'Asia/Kolkata' });
    const at = new Date('2026-03-09T13:00:00Z'); // the day after the US switched to daylight time
    for (const u of [ny, kolkata]) {
      await notifyNow(t, {
        recipientId: u.id,
        type: 'MEETING_RESCHEDULED',
        title: 'Meeting moved',
        body: (r) => `Design review now starts ${r.time(at)}.`,
        data: { meetingId: uuidv7() },
      });
    }
    const bodyOf = async (u: TestUser) =>
      (await t.ok(LIST, {}, u.accessToken)).notifications.edges[0].node.body as string;
    expect(await bodyOf(ny)).toBe('Design review now starts Mon 9 Mar 2026, 09:00 EDT.');
    expect(await bodyOf(kolkata)).toBe('Design review now starts Mon 9 Mar 2026, 18:30 IST.');
    const [email] = await queuedEmails(t, kolkata.email);
    expect(email?.text).toContain('18:30 IST');
  });
});

describe('live delivery and read state', () => {
  it('delivers to every device of the recipient and to nobody else', async () => {
    const alice = await registerUser(t);
    const bob = await registerUser(t);
    const phone = await live(alice.accessToken);
    const laptop = await live(await secondDevice(alice));
    const bobLive = await live(bob.accessToken);

    const n = await friendRequest(alice, bob);
    for (const device of [phone, laptop]) {
      expect((await device.next()).notificationEvents).toEqual({
        __typename: 'NotificationAdded',
        unreadCount: 1,
        notification: {
          id: n.id,
          type: 'FRIEND_REQUEST',
          title: 'New friend request',
          body: 'Someone wants to be your contact',
          count: 1,
          readAt: null,
          fromUser: { id: bob.id },
        },
      });
    }
    // Events reach a subscriber in publish order: had Bob received Alice's
    // notification, it would come before his own.
    const own = await friendRequest(bob, alice, 'For Bob');
    expect((await bobLive.next()).notificationEvents.notification.id).toBe(own.id);
    expect(bobLive.received.map((e) => e.notificationEvents.__typename)).toEqual([
      'NotificationsRead', // the count when it connected
      'NotificationAdded',
    ]);
  });

  it('keeps the unread count equal on every device after mark read and mark all', async () => {
    const carl = await registerUser(t);
    const other = await registerUser(t);
    const phone = await live(carl.accessToken);
    const laptop = await live(await secondDevice(carl));
    const created = [];
    for (let i = 0; i < 3; i++) created.push(await friendRequest(carl, other, `Request ${i}`));
    for (const device of [phone, laptop]) {
      const counts = [];
      for (let i = 0; i < 3; i++) counts.push((await device.next()).notificationEvents.unreadCount);
      expect(counts).toEqual([1, 2, 3]);
    }

    const [first, second, third] = created.map((n) => n.id);
    const marked = await t.ok(MARK, { id: first }, carl.accessToken);
    expect(marked.markNotificationRead.readAt).not.toBeNull();
    for (const device of [phone, laptop]) {
      expect((await device.next()).notificationEvents).toEqual({
        __typename: 'NotificationsRead',
        ids: [first],
        unreadCount: 2,
      });
    }

    // Marking again changes nothing and announces nothing.
    const again = await t.ok(MARK, { id: first }, carl.accessToken);
    expect(again.markNotificationRead.readAt).toBe(marked.markNotificationRead.readAt);
    const many = await t.ok(MARK_MANY, { ids: [first, second] }, carl.accessToken);
    expect(many.markNotificationsRead).toEqual({ ids: [second], unreadCount: 1 });
    const all = await t.ok(MARK_ALL, {}, carl.accessToken);
    expect(all.markAllNotificationsRead).toEqual({ ids: [third], unreadCount: 0 });
    const allAgain = await t.ok(MARK_ALL, {}, carl.accessToken);
    expect(allAgain.markAllNotificationsRead).toEqual({ ids: [], unreadCount: 0 });
    const marker = await friendRequest(carl, other, 'After the repeats');

    for (const device of [phone, laptop]) {
      const seen = [];
      for (let i = 0; i < 3; i++) seen.push((await device.next()).notificationEvents);
      expect(seen).toEqual([
        { __typename: 'NotificationsRead', ids: [second], unreadCount: 1 },
        { __typename: 'NotificationsRead', ids: [third], unreadCount: 0 },
        expect.objectContaining({ __typename: 'NotificationAdded', unreadCount: 1 }),
      ]);
      expect(seen[2].notification.id).toBe(marker.id);
    }
    const list = await t.ok(LIST, { unreadOnly: true }, carl.accessToken);
    expect(list.unreadNotificationCount).toBe(1);
    expect(list.notifications.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([marker.id]);
  });

  it('lets an offline user find everything, newest first, on the next sign-in', async () => {
    const dora = await registerUser(t);
    const ids = [];
    for (let i = 0; i < 5; i++) ids.push((await friendRequest(dora, dora, `Offline ${i}`)).id);
    const token = await secondDevice(dora);

    const page1 = await t.ok(LIST, { first: 3 }, token);
    expect(page1.unreadNotificationCount).toBe(5);
    expect(page1.notifications.pageInfo.hasNextPage).toBe(true);
    const page2 = await t.ok(LIST, { first: 3, after: page1.notifications.pageInfo.endCursor }, token);
    expect(page2.notifications.pageInfo.hasNextPage).toBe(false);
    const seen = [...page1.notifications.edges, ...page2.notifications.edges].map(
      (e: { node: { title: string } }) => e.node.title,
    );
    expect(seen).toEqual(['Offline 4', 'Offline 3', 'Offline 2', 'Offline 1', 'Offline 0']);
    // A device connecting now learns the count from the first event.
    expect((await liveNotifications(await ws(token))).unreadCount).toBe(5);
  });
});

describe('several server instances', () => {
  // Without REDIS_URL pub/sub is in-process by design (one instance).
  it.skipIf(!inject('redisUrl'))('delivers to devices on another instance, both ways', async () => {
    const t2 = await createTestApp({ database: t.database });
    try {
      const eve = await registerUser(t);
      const onA = await live(eve.accessToken);
      const onB = await live(eve.accessToken, t2.wsUrl);
      // Created through instance A's services...
      const n = await friendRequest(eve, eve, 'Across instances');
      for (const device of [onA, onB]) {
        expect((await device.next()).notificationEvents).toMatchObject({
          __typename: 'NotificationAdded',
          unreadCount: 1,
          notification: { id: n.id },
        });
      }
      // ...read through instance B's API.
      await t2.ok(MARK, { id: n.id }, eve.accessToken);
      for (const device of [onA, onB]) {
        expect((await device.next()).notificationEvents).toEqual({
          __typename: 'NotificationsRead',
          ids: [n.id],
          unreadCount: 0,
        });
      }
    } finally {
      await Promise.all(sockets.splice(0).map((s) => s.close()));
      await t2.close();
    }
  });
});

describe('access', () => {
  it('makes one user’s notification ids useless to another (NOT_FOUND)', async () => {
    const owner = await registerUser(t);
    const intruder = await registerUser(t);
    const theirs = await friendRequest(owner, intruder);
    const mine = await friendRequest(intruder, owner);

    expectError(await t.gql(MARK, { id: theirs.id }, intruder.accessToken), 'NOT_FOUND');
    expectError(await t.gql(MARK, { id: 'not-a-uuid' }, intruder.accessToken), 'NOT_FOUND');
    expectError(await t.gql(MARK, { id: uuidv7() }, intruder.accessToken), 'NOT_FOUND');
    // All or nothing: the intruder's own id in the same call stays unread.
    expectError(await t.gql(MARK_MANY, { ids: [mine.id, theirs.id] }, intruder.accessToken), 'NOT_FOUND');

    const ownerList = await t.ok(LIST, {}, owner.accessToken);
    expect(ownerList.unreadNotificationCount).toBe(1);
    expect(ownerList.notifications.edges[0].node).toMatchObject({ id: theirs.id, readAt: null });
    const intruderList = await t.ok(LIST, {}, intruder.accessToken);
    expect(intruderList.unreadNotificationCount).toBe(1);
    expect(intruderList.notifications.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([
      mine.id,
    ]);
  });

  it('requires sign-in and validates paging', async () => {
    expectError(await t.gql(LIST, {}), 'UNAUTHENTICATED');
    expectError(await t.gql(MARK_ALL, {}), 'UNAUTHENTICATED');
    const u = await registerUser(t);
    expect(
      expectError(await t.gql(LIST, { first: 101 }, u.accessToken), 'BAD_USER_INPUT').extensions.field,
    ).toBe('first');
    expectError(await t.gql(LIST, { after: 'garbage' }, u.accessToken), 'BAD_USER_INPUT');
  });
});
