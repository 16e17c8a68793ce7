import type { Browser, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { uuidv7 } from '../../server/src/lib/ids.ts';
import { createTestApp, type TestApp } from '../../server/test/helpers/app.ts';
import { OPEN_DM, SEND as SEND_MESSAGE } from '../../server/test/helpers/chat.ts';
import { RESPOND, SEND } from '../../server/test/helpers/contacts.ts';
import { requestMeeting } from '../../server/test/helpers/meetings.ts';
import { notifyMessageNow, notifyNow } from '../../server/test/helpers/notifications.ts';
import { registerUser } from '../../server/test/helpers/users.ts';
import {
  graphqlOperation,
  launchBrowser,
  newPage,
  screenshot,
  signIn,
  switchableSocket,
} from './helpers/browser.ts';

const chromiumPath = inject('chromiumPath');

function bell(page: Page, unread: number) {
  return page.getByRole('link', {
    name: unread === 0 ? 'Notifications, none unread' : `Notifications, ${unread} unread`,
    exact: true,
  });
}

function item(page: Page, title: string) {
  return page.getByRole('list', { name: 'Notifications' }).getByRole('listitem').filter({ hasText: title });
}

describe.skipIf(!chromiumPath)('notifications in the browser', () => {
  let t: TestApp;
  let browser: Browser;
  beforeAll(async () => {
    [t, browser] = await Promise.all([createTestApp(), launchBrowser(chromiumPath)]);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  test('mark read and mark all read keep the count in sync across two tabs; new ones arrive live', async () => {
    const me = await registerUser(t, { displayName: 'Nora Notified' });
    const senders = await Promise.all(
      ['Ann', 'Ben', 'Cat', 'Dan'].map((name) => registerUser(t, { displayName: `${name} Sender` })),
    );
    const [ann, ben, cat, dan] = senders as [typeof me, typeof me, typeof me, typeof me];
    for (const from of [ann, ben, cat]) await t.ok(SEND, { id: me.id }, from.accessToken);

    // Two tabs of one browser: one session, two live connections.
    const { context, page: tab1, pageErrors } = await newPage(browser, { baseURL: t.url });
    await signIn(tab1, me.username, me.password);
    const tab2 = await context.newPage();
    const tab2Errors: string[] = [];
    tab2.on('pageerror', (err) => tab2Errors.push(err.message));
    await tab2.goto('/rooms');
    await bell(tab2, 3).waitFor();
    await bell(tab1, 3).click();
    await tab1.waitForURL('**/notifications');
    const list = tab1.getByRole('list', { name: 'Notifications' });
    await list.getByRole('listitem').nth(2).waitFor();
    expect(await list.locator('[data-unread="true"]').count()).toBe(3);
    await screenshot(tab1, 'notifications');

    // Opening one marks it read and goes to what it is about (a friend request: /contacts).
    await item(tab1, 'Ben Sender').getByRole('link').click();
    await tab1.waitForURL('**/contacts');
    await bell(tab2, 2).waitFor();
    await bell(tab1, 2).waitFor();
    await tab1.goBack();
    await tab1.waitForURL('**/notifications');
    await item(tab1, 'Ben Sender').and(tab1.locator('[data-unread="false"]')).waitFor();
    expect(await list.locator('[data-unread="true"]').count()).toBe(2);

    // The other tab shows the list; a new notification arrives at the top in both, live.
    await bell(tab2, 2).click();
    await tab2.waitForURL('**/notifications');
    await t.ok(SEND, { id: me.id }, dan.accessToken);
    await bell(tab1, 3).waitFor();
    await bell(tab2, 3).waitFor();
    const top = tab2.getByRole('list', { name: 'Notifications' }).getByRole('listitem').first();
    await top.filter({ hasText: 'Dan Sender' }).waitFor();
    expect(await top.getAttribute('data-unread')).toBe('true');

    // Mark all read in one tab: both tabs' counts and list styling follow.
    await tab1.getByRole('button', { name: 'Mark all read' }).click();
    await tab1.getByText('3 notifications marked read').waitFor();
    await bell(tab1, 0).waitFor();
    await bell(tab2, 0).waitFor();
    await tab2.getByText('You are all caught up.').waitFor();
    expect(await tab2.locator('[data-unread="true"]').count()).toBe(0);
    expect(await tab1.getByRole('button', { name: 'Mark all read' }).isDisabled()).toBe(true);
    await screenshot(tab2, 'notifications-read');
    const server = await t.ok<{ unreadNotificationCount: number }>(
      '{ unreadNotificationCount }',
      {},
      me.accessToken,
    );
    expect(server.unreadNotificationCount).toBe(0);

    expect(pageErrors).toEqual([]);
    expect(tab2Errors).toEqual([]);
    await context.close();
  });

  test("a notification's tooltip gives its time in the viewer's profile zone", async () => {
    const me = await registerUser(t, { displayName: 'Tom Zoned', timeZone: 'Asia/Tokyo' });
    const from = await registerUser(t, { displayName: 'Uma Sender' });
    await t.ok(SEND, { id: me.id }, from.accessToken);
    // The browser is in Berlin (newPage), the profile in Tokyo.
    const { context, page, pageErrors } = await newPage(browser, { baseURL: t.url });
    await signIn(page, me.username, me.password);
    await bell(page, 1).click();
    await page.waitForURL('**/notifications');
    const time = item(page, 'Uma Sender').locator('time');
    await time.waitFor();
    const at = new Date((await time.getAttribute('datetime')) ?? '');
    const inZone = (timeZone: string) =>
      new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(at);
    expect(await time.getAttribute('title')).toBe(inZone('Asia/Tokyo'));
    expect(inZone('Asia/Tokyo')).not.toBe(inZone('Europe/Berlin'));
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  test('a meeting notice reads in the zone the viewer has now: moving to Tokyo in settings moves its times', async () => {
    const me = await registerUser(t, { displayName: 'Nora York', timeZone: 'America/New_York' });
    const from = await registerUser(t, { displayName: 'Bert Lin', timeZone: 'Europe/Berlin' });
    await requestMeeting(t, from, me, { startsAt: '2027-06-15T09:00:00-04:00', durationMinutes: 30 });
    const { context, page, pageErrors } = await newPage(browser, { baseURL: t.url });
    await signIn(page, me.username, me.password);
    await bell(page, 1).click();
    await page.waitForURL('**/notifications');
    const notice = item(page, 'Meeting request from Bert Lin');
    await notice.getByText('Tue 15 Jun 2027, 09:00 EDT').waitFor();

    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByLabel('Time zone').fill('Asia/Tokyo');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.getByText('Profile saved').waitFor();
    await bell(page, 1).click();
    await notice.getByText('Tue 15 Jun 2027, 22:00 GMT+9').waitFor();
    expect(await notice.textContent()).not.toContain('EDT');
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  test('a notification that arrives while the list is loading still shows in it', async () => {
    const me = await registerUser(t, { displayName: 'Lena Loading' });
    const from = await registerUser(t, { displayName: 'Eve Early' });
    const { context, page, pageErrors } = await newPage(browser, { baseURL: t.url });
    await signIn(page, me.username, me.password);
    await bell(page, 0).waitFor();
    // The list's request reaches the server now, but its (empty) answer is held back
    // until the notification has arrived live.
    let fetched!: () => void;
    const answered = new Promise<void>((r) => {
      fetched = r;
    });
    let release!: () => void;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    await page.route('**/graphql', async (route: Route) => {
      if (graphqlOperation(route.request()) !== 'NotificationsPage') return route.fallback();
      const response = await route.fetch();
      fetched();
      await gate;
      return route.fulfill({ response });
    });
    await bell(page, 0).click();
    await page.waitForURL('**/notifications');
    await answered;
    await t.ok(SEND, { id: me.id }, from.accessToken);
    await bell(page, 1).waitFor();
    release();
    await item(page, 'Eve Early').waitFor();
    expect(await item(page, 'Eve Early').getAttribute('data-unread')).toBe('true');
    await page.unroute('**/graphql');
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  test('a notification that came after the list loaded, before the live stream started, shows in it', async () => {
    const me = await registerUser(t, { displayName: 'Nia Notyet' });
    const from = await registerUser(t, { displayName: 'Sol Soon' });
    const { context, page, pageErrors } = await newPage(browser, { baseURL: t.url });
    // No live connection until the (empty) list is on screen and the request has come.
    const socket = await switchableSocket(page, { refuse: true });
    await signIn(page, me.username, me.password);
    await page.goto('/notifications');
    await page.getByText('No notifications yet').waitFor();
    expect(await page.locator('[data-connection="connected"]').count()).toBe(0);

    await t.ok(SEND, { id: me.id }, from.accessToken);
    socket.refuse = false;
    await page.locator('[data-connection="connected"]').waitFor({ timeout: 20_000 });
    await bell(page, 1).waitFor();
    await item(page, 'Sol Soon').waitFor();
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  test('each notification opens what it is about: its room, its meeting, or the contacts page', async () => {
    const me = await registerUser(t, { displayName: 'Rita Router' });
    const friend = await registerUser(t, { displayName: 'Finn Friend' });
    const asked = await t.ok<{ sendFriendRequest: { request: { id: string } } }>(
      SEND,
      { id: me.id },
      friend.accessToken,
    );
    await t.ok(RESPOND, { id: asked.sendFriendRequest.request.id, accept: true }, me.accessToken);
    // Answered, Finn's request notice is read; Ada's request is still waiting.
    const asker = await registerUser(t, { displayName: 'Ada Asker' });
    await t.ok(SEND, { id: me.id }, asker.accessToken);
    const dm = await t.ok<{ openDirectRoom: { id: string } }>(OPEN_DM, { id: me.id }, friend.accessToken);
    const roomId = dm.openDirectRoom.id;
    const sent = await t.ok<{ sendMessage: { id: string } }>(
      SEND_MESSAGE,
      { input: { roomId, clientId: 'hello-1', body: 'Lunch on Friday?' } },
      friend.accessToken,
    );
    // MESSAGE and meeting notifications straight from the notifications service.
    await notifyMessageNow(t, {
      recipientId: me.id,
      roomId,
      messageId: sent.sendMessage.id,
      fromUserId: friend.id,
      roomTitle: 'Finn Friend',
      preview: 'Lunch on Friday?',
    });
    const meetingId = uuidv7();
    await notifyNow(t, {
      recipientId: me.id,
      type: 'MEETING_REMINDER',
      title: 'Design review starts soon',
      body: 'In 15 minutes.',
      data: { meetingId, fromUserId: friend.id },
    });

    const { context, page, pageErrors } = await newPage(browser, { baseURL: t.url });
    await signIn(page, me.username, me.password);
    await page.goto('/notifications');
    const links = {
      room: item(page, 'Lunch on Friday?').getByRole('link'),
      meeting: item(page, 'Design review starts soon').getByRole('link'),
      request: item(page, 'Ada Asker sent you a friend request').getByRole('link'),
    };
    await links.meeting.waitFor();
    expect(await links.room.getAttribute('href')).toBe(`/rooms/${roomId}`);
    expect(await links.meeting.getAttribute('href')).toBe(`/meetings/${meetingId}`);
    expect(await links.request.getAttribute('href')).toBe('/contacts');

    await links.room.click();
    await page.waitForURL(`**/rooms/${roomId}`);
    await page.goBack();
    await links.meeting.click();
    await page.waitForURL(`**/meetings/${meetingId}`);
    await page.goBack();
    await page.waitForURL('**/notifications');
    // Both opened ones are read now; the rest stay unread.
    await item(page, 'Lunch on Friday?').and(page.locator('[data-unread="false"]')).waitFor();
    await item(page, 'Design review starts soon').and(page.locator('[data-unread="false"]')).waitFor();
    expect(await item(page, 'Ada Asker sent you a friend request').getAttribute('data-unread')).toBe('true');
    expect(await item(page, 'Finn Friend sent you a friend request').getAttribute('data-unread')).toBe(
      'false',
    );
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  test('pages back through older notifications', async () => {
    const me = await registerUser(t);
    for (let i = 1; i <= 23; i += 1)
      await notifyNow(t, {
        recipientId: me.id,
        type: 'MEETING_REMINDER',
        title: `Reminder ${i}`,
        body: 'Soon.',
      });
    const { context, page, pageErrors } = await newPage(browser, { baseURL: t.url });
    await signIn(page, me.username, me.password);
    await page.goto('/notifications');
    const items = page.getByRole('list', { name: 'Notifications' }).getByRole('listitem');
    await items.first().filter({ hasText: 'Reminder 23' }).waitFor();
    expect(await items.count()).toBe(20);
    await page.getByRole('button', { name: 'Show older' }).click();
    await items.filter({ hasText: /Reminder 1(?!\d)/ }).waitFor();
    expect(await items.count()).toBe(23);
    await page.getByRole('button', { name: 'Show older' }).waitFor({ state: 'detached' });
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  test('email preferences are saved per type and kept after a reload', async () => {
    const me = await registerUser(t);
    const { context, page, pageErrors } = await newPage(browser, { baseURL: t.url });
    await signIn(page, me.username, me.password);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    const requests = page.getByLabel('Friend requests', { exact: true });
    const accepted = page.getByLabel('Accepted friend requests');
    await requests.waitFor();
    // Server defaults: everything on except FRIEND_ACCEPTED.
    expect(await requests.isChecked()).toBe(true);
    expect(await accepted.isChecked()).toBe(false);

    await requests.uncheck();
    await page.getByText('Email preferences saved').waitFor();
    await accepted.check();
    await page.getByText('Email preferences saved').waitFor();
    await screenshot(page, 'settings-notifications');

    await page.reload();
    await requests.waitFor();
    expect(await requests.isChecked()).toBe(false);
    expect(await accepted.isChecked()).toBe(true);
    const prefs = await t.ok<{ notificationPreferences: { type: string; email: boolean }[] }>(
      '{ notificationPreferences { type email } }',
      {},
      me.accessToken,
    );
    const byType = Object.fromEntries(prefs.notificationPreferences.map((p) => [p.type, p.email]));
    expect(byType).toMatchObject({ FRIEND_REQUEST: false, FRIEND_ACCEPTED: true, MEETING_REQUESTED: true });
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
