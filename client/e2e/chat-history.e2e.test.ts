import type { Browser, Page, WebSocketRoute } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { createTestApp, type TestApp } from '../../server/test/helpers/app.ts';
import { DELETE, EDIT, openDm, roomOf, send } from '../../server/test/helpers/chat.ts';
import { registerUser } from '../../server/test/helpers/users.ts';
import {
  graphqlOperation,
  launchBrowser,
  newPage,
  screenshot,
  signIn,
  switchableSocket,
  waitUntil,
} from './helpers/browser.ts';
import { messageItem, messageLog, messageWithBody, roomLink, sendMessage, sentItem } from './helpers/chat.ts';

const chromiumPath = inject('chromiumPath');

/** Where `text`'s message sits relative to the top of the scrolling log, in px. */
function offsetInLog(page: Page, text: string): Promise<number> {
  return page.evaluate((t) => {
    const scroller = document.querySelector('[data-testid="message-scroller"]')!;
    const item = [...scroller.querySelectorAll('li.message')].find((li) =>
      li.querySelector('.message-body')?.textContent?.startsWith(t),
    )!;
    return item.getBoundingClientRect().top - scroller.getBoundingClientRect().top;
  }, text);
}

describe.skipIf(!chromiumPath)('conversation history and layout', () => {
  let t: TestApp;
  let browser: Browser;
  beforeAll(async () => {
    [t, browser] = await Promise.all([createTestApp(), launchBrowser(chromiumPath)]);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  test('loads older messages on scroll up keeping the position; a reload keeps the room', async () => {
    const alice = await registerUser(t, { displayName: 'Alice' });
    const bob = await registerUser(t, { displayName: 'Bob' });
    const room = await openDm(t, alice, bob);
    for (let i = 1; i <= 120; i++) await send(t, i % 3 ? alice : bob, room.id, `Message ${i}`);

    const { context, page, pageErrors } = await newPage(browser, { baseURL: t.url });
    await signIn(page, alice.username, alice.password);
    await roomLink(page, /Bob/).click();
    await page.waitForURL(`**/rooms/${room.id}`);

    // The newest page (71–120), scrolled to the bottom.
    const items = messageLog(page).locator('li.message');
    await messageItem(page, 'Message 120').waitFor();
    expect(await items.count()).toBe(50);
    expect(await messageWithBody(page, 'Message 70').count()).toBe(0);
    expect(await messageItem(page, 'Message 120').isVisible()).toBe(true);
    const atBottom = await page.evaluate(() => {
      const s = document.querySelector('[data-testid="message-scroller"]')!;
      return s.scrollHeight - s.scrollTop - s.clientHeight;
    });
    expect(atBottom).toBeLessThan(2);

    // Scrolling to the top loads 21–70 above, and "Message 71" stays where it was.
    const before = await page.evaluate(() => {
      const s = document.querySelector('[data-testid="message-scroller"]')!;
      s.scrollTop = 0;
      const item = [...s.querySelectorAll('li.message')].find(
        (li) => li.querySelector('.message-body')?.textContent === 'Message 71',
      )!;
      return item.getBoundingClientRect().top - s.getBoundingClientRect().top;
    });
    // On a loaded machine a late update of the newest page can put the list back at the bottom
    // before the scroll to the top is seen: scroll up again until the older page is there.
    await waitUntil('the older page loads', async () => {
      if ((await messageWithBody(page, 'Message 21').count()) > 0) return true;
      await page.evaluate(() => {
        const s = document.querySelector('[data-testid="message-scroller"]')!;
        if (!s.querySelector('li.message .message-body')?.textContent?.match(/^Message (2[1-9]|[3-6]\d|70)$/))
          s.scrollTop = 0;
      });
      return false;
    });
    expect(await items.count()).toBe(100);
    expect(Math.abs((await offsetInLog(page, 'Message 71')) - before)).toBeLessThan(2);
    await screenshot(page, 'conversation-history');

    // Once more: 1–20, then the beginning of the conversation.
    await page.evaluate(() => {
      document.querySelector('[data-testid="message-scroller"]')!.scrollTop = 0;
    });
    await page.getByText('This is the beginning of the conversation.').waitFor();
    expect(await items.count()).toBe(120);
    expect(await messageWithBody(page, 'Message 1').count()).toBe(1);

    // Reading old messages, a new one arrives: no jump, but a button to the latest.
    await send(t, bob, room.id, 'Message 121');
    const jump = page.getByRole('button', { name: 'New messages ↓' });
    await jump.waitFor();
    expect(await messageItem(page, 'Message 121').isVisible()).toBe(true); // in the DOM...
    expect(
      await messageItem(page, 'Message 121').evaluate((el) => {
        const s = el.closest('[data-testid="message-scroller"]')!.getBoundingClientRect();
        return el.getBoundingClientRect().top < s.bottom;
      }),
    ).toBe(false); // ...but below the visible part of the log
    await jump.click();
    await jump.waitFor({ state: 'detached' });
    await waitUntil('the latest message is in view', () =>
      messageItem(page, 'Message 121').evaluate((el) => {
        const s = el.closest('[data-testid="message-scroller"]')!.getBoundingClientRect();
        return el.getBoundingClientRect().bottom <= s.bottom + 1;
      }),
    );

    // A reload stays in the room (real URL), with the newest messages.
    await page.reload();
    await page.getByRole('heading', { name: 'Bob', level: 1 }).waitFor();
    await messageItem(page, 'Message 121').waitFor();
    expect(page.url()).toMatch(new RegExp(`/rooms/${room.id}$`));
    expect(pageErrors).toEqual([]);
    await context.close();
  }, 120_000); // 120 messages are seeded one by one (their order is their seq)

  test('a message that arrives while reading further up stays unread until it is scrolled into view', async () => {
    const alice = await registerUser(t, { displayName: 'Alice' });
    const bob = await registerUser(t, { displayName: 'Bob' });
    const room = await openDm(t, alice, bob);
    for (let i = 1; i <= 50; i++) await send(t, bob, room.id, `Line ${i}`);

    const { context, page, pageErrors } = await newPage(browser, { baseURL: t.url });
    // The seq each markRoomRead asks for.
    const marked: number[] = [];
    page.on('request', (request) => {
      if (graphqlOperation(request) === 'MarkRoomRead')
        marked.push(JSON.parse(request.postData() ?? '{}').variables.seq);
    });
    await signIn(page, alice.username, alice.password);
    await roomLink(page, /Bob/).click();
    await messageItem(page, 'Line 50').waitFor();
    // At the bottom: everything on screen is read.
    await roomLink(page, /Bob/).getByTestId('unread-badge').waitFor({ state: 'detached' });
    await waitUntil('the room is read', async () => (await roomOf(t, alice, room.id)).unreadCount === 0);

    // Reading from the top, a new message arrives below: not on screen, so not read.
    // (The list learns it left the bottom from its scroll event: wait for that event and a
    // frame before the message is sent, and stay far from the bottom if an older page loads.
    // An update landing in the same frame as the scroll, such as the stream's first replay,
    // can still keep the list at the bottom, as it would a reader: scroll again then.)
    await waitUntil('the list is read from the top', () =>
      page.evaluate(
        () =>
          new Promise<boolean>((resolve) => {
            const el = document.querySelector('[data-testid="message-scroller"]')!;
            const far = () => el.scrollHeight - el.scrollTop - el.clientHeight > 400;
            if (el.scrollTop === 0) return resolve(far()); // no scroll event would come
            el.addEventListener('scroll', () => requestAnimationFrame(() => resolve(far())), { once: true });
            el.scrollTop = 0;
          }),
      ),
    );
    const fresh = await send(t, bob, room.id, 'Arrived while reading up');
    const jump = page.getByRole('button', { name: 'New messages ↓' });
    await jump.waitFor();
    await roomLink(page, /Bob/).getByTestId('unread-badge').getByText('1').waitFor();
    expect(marked.filter((seq) => seq >= fresh.seq)).toEqual([]);
    expect((await roomOf(t, alice, room.id)).unreadCount).toBe(1);
    await screenshot(page, 'conversation-unread-below');

    // Scrolled into view: read.
    await jump.click();
    await roomLink(page, /Bob/).getByTestId('unread-badge').waitFor({ state: 'detached' });
    await waitUntil(
      'the new message is read',
      async () => (await roomOf(t, alice, room.id)).unreadCount === 0,
    );
    expect(marked).toContain(fresh.seq);
    expect(pageErrors).toEqual([]);
    await context.close();
  }, 90_000); // 50 messages are seeded one by one

  test('an edit or deletion of a message older than the loaded history does not show it out of place', async () => {
    const alice = await registerUser(t, { displayName: 'Alice' });
    const bob = await registerUser(t, { displayName: 'Bob' });
    const room = await openDm(t, alice, bob);
    const sent: { id: string }[] = [];
    for (let i = 1; i <= 60; i++) sent.push(await send(t, bob, room.id, `Old ${i}`));

    const { context, page, pageErrors } = await newPage(browser, { baseURL: t.url });
    await signIn(page, alice.username, alice.password);
    await roomLink(page, /Bob/).click();
    // The newest page: Old 11–60.
    await messageItem(page, 'Old 60').waitFor();
    const items = messageLog(page).locator('li.message');
    expect(await items.count()).toBe(50);

    // Bob edits Old 3 and deletes Old 5 (both older than the loaded page), then writes again:
    // events arrive in order, so once the new message shows the edit and the deletion have too.
    await t.ok(EDIT, { id: sent[2]!.id, body: 'Old 3 (fixed)' }, bob.accessToken);
    await t.ok(DELETE, { id: sent[4]!.id }, bob.accessToken);
    await send(t, bob, room.id, 'Newest');
    await messageItem(page, 'Newest').waitFor();
    // Neither is put on top of the loaded page (right above Old 11, as if they came just before it).
    expect(await messageWithBody(page, 'Old 3 \\(fixed\\)').count()).toBe(0);
    expect(await messageLog(page).getByText('Message deleted').count()).toBe(0);
    expect(await items.count()).toBe(51);
    expect(await items.first().locator('.message-body').innerText()).toBe('Old 11');

    // Loading the older page brings them in their places, as they are now. (Scrolling the button into
    // view may load the page by itself, the log loading older messages at its top: either will do.)
    const oldest = messageWithBody(page, 'Old 1');
    await Promise.race([
      page
        .getByRole('button', { name: 'Load older messages' })
        .click()
        .catch(() => undefined),
      oldest.waitFor(),
    ]);
    await oldest.waitFor();
    expect(await items.count()).toBe(61);
    const bodies = await items.locator('.message-body').allInnerTexts();
    expect(bodies.slice(0, 6)).toEqual([
      'Old 1',
      'Old 2',
      'Old 3 (fixed)',
      'Old 4',
      'Message deleted',
      'Old 6',
    ]);
    expect(pageErrors).toEqual([]);
    await context.close();
  }, 90_000); // 60 messages are seeded one by one

  test('narrow screens show one pane at a time; back button and browser history work', async () => {
    const alice = await registerUser(t, { displayName: 'Alice' });
    const bob = await registerUser(t, { displayName: 'Bob' });
    const carol = await registerUser(t, { displayName: 'Carol' });
    const withBob = await openDm(t, alice, bob);
    const withCarol = await openDm(t, alice, carol);
    await send(t, bob, withBob.id, 'Hi from Bob');
    await send(t, carol, withCarol.id, 'Hi from Carol');

    const { context, page, pageErrors } = await newPage(browser, {
      baseURL: t.url,
      viewport: { width: 390, height: 844 },
    });
    await signIn(page, alice.username, alice.password);
    const sidebar = page.locator('.sidebar');
    // The list pane is the page (the main landmark) while it shows alone.
    const listShows = () =>
      page.getByRole('main').getByRole('heading', { level: 1, name: 'Conversations' }).waitFor();
    // Newest activity first: Carol wrote last.
    await roomLink(page, /Carol/).waitFor();
    const titles = await page.locator('.room-title').allInnerTexts();
    expect(titles).toEqual(['Carol', 'Bob']);
    await listShows();
    await screenshot(page, 'narrow-room-list');

    await roomLink(page, /Bob/).click();
    await page.waitForURL(`**/rooms/${withBob.id}`);
    await messageItem(page, 'Hi from Bob').waitFor();
    expect(await sidebar.isVisible()).toBe(false);
    await sendMessage(page, 'Hello from a phone');
    await messageItem(page, 'Hello from a phone').and(page.locator('[data-status="sent"]')).waitFor();
    await screenshot(page, 'narrow-conversation');

    // The back button returns to the list, where Bob's room moved to the top.
    await page.getByRole('link', { name: 'Back to conversations' }).click();
    await page.waitForURL(/\/rooms$/);
    await page.locator('.shell[data-pane="list"]').waitFor();
    expect(await sidebar.isVisible()).toBe(true);
    await listShows();
    await roomLink(page, /Hello from a phone/).waitFor();
    expect(await page.locator('.room-title').allInnerTexts()).toEqual(['Bob', 'Carol']);

    // The browser's back button goes to the conversation again.
    await page.goBack();
    await page.waitForURL(`**/rooms/${withBob.id}`);
    await messageItem(page, 'Hello from a phone').waitFor();
    expect(await sidebar.isVisible()).toBe(false);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  test('a message sent while the live connection is down does not hide the ones that came before it', async () => {
    const alice = await registerUser(t, { displayName: 'Alice' });
    const bob = await registerUser(t, { displayName: 'Bob' });
    const room = await openDm(t, alice, bob);
    await send(t, bob, room.id, 'Before the drop');
    const { context, page, pageErrors } = await newPage(browser, { baseURL: t.url });
    const socket = await switchableSocket(page);
    await signIn(page, alice.username, alice.password);
    await page.goto(`/rooms/${room.id}`);
    await messageItem(page, 'Before the drop').waitFor();
    await page.locator('[data-connection="connected"]').waitFor();

    // The socket drops (HTTP still works); Bob writes twice, then Alice sends: hers takes a later seq.
    socket.refuse = true;
    await socket.sockets.at(-1)!.close({ code: 1012, reason: 'Service restart' });
    await page.getByText('Reconnecting…').waitFor();
    await send(t, bob, room.id, 'Missed 1');
    await send(t, bob, room.id, 'Missed 2');
    await sendMessage(page, 'Sent while offline');
    await sentItem(page, 'Sent while offline');
    // Its answer showed the gap: the two before it are fetched, in order, without waiting for the socket.
    await messageItem(page, 'Missed 2').waitFor();
    socket.refuse = false;
    await page.locator('[data-connection="connected"]').waitFor({ timeout: 20_000 });
    await send(t, bob, room.id, 'Live again');
    await messageItem(page, 'Live again').waitFor();
    const bodies = await messageLog(page)
      .locator('li.message .message-body')
      .evaluateAll((els) => els.map((e) => e.textContent?.trim()));
    expect(bodies).toEqual(['Before the drop', 'Missed 1', 'Missed 2', 'Sent while offline', 'Live again']);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  test('the room list shows what arrived between loading it and going live', async () => {
    const alice = await registerUser(t, { displayName: 'Alice' });
    const bob = await registerUser(t, { displayName: 'Bob' });
    const room = await openDm(t, alice, bob);
    await send(t, bob, room.id, 'First');
    const { context, page, pageErrors } = await newPage(browser, { baseURL: t.url });
    // No live connection until the list is on screen and Bob has written again.
    const socket = await switchableSocket(page, { refuse: true });
    await signIn(page, alice.username, alice.password);
    await roomLink(page, /Bob/).getByTestId('unread-badge').getByText('1').waitFor();
    expect(await page.locator('[data-connection="connected"]').count()).toBe(0);

    await send(t, bob, room.id, 'Second');
    socket.refuse = false;
    await page.locator('[data-connection="connected"]').waitFor({ timeout: 20_000 });
    // The stream starts from the list's `asOf`: the room's change is replayed, no reload needed.
    await roomLink(page, /Bob/).getByTestId('unread-badge').getByText('2').waitFor();
    await roomLink(page, /Bob/).getByText('Second').waitFor();
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  test('after a reconnect, resumes from the highest seq held: nothing lost, nothing twice', async () => {
    const alice = await registerUser(t, { displayName: 'Alice' });
    const bob = await registerUser(t, { displayName: 'Bob' });
    const room = await openDm(t, alice, bob);
    for (let i = 1; i <= 3; i++) await send(t, bob, room.id, `Before ${i}`);

    const { context, page, pageErrors } = await newPage(browser, { baseURL: t.url });
    // The page's WebSocket behind a switch, recording what the page subscribes to.
    let refuse = false;
    const sockets: WebSocketRoute[] = [];
    const resumes: number[] = [];
    await page.routeWebSocket(/\/graphql$/, (ws) => {
      if (refuse) return void ws.close({ code: 1012, reason: 'Service restart' });
      const server = ws.connectToServer();
      ws.onMessage((message) => {
        const m = JSON.parse(String(message));
        if (m.type === 'subscribe' && m.payload.operationName === 'ConversationEvents')
          resumes.push(m.payload.variables.afterSeq);
        server.send(message);
      });
      sockets.push(ws);
    });
    await signIn(page, alice.username, alice.password);
    await page.goto(`/rooms/${room.id}`);
    await messageItem(page, 'Before 3').waitFor();
    await waitUntil('the room is live', () => resumes.length === 1);
    expect(resumes).toEqual([3]);
    // One live message: the resume point moves with what the page holds.
    await send(t, bob, room.id, 'Before 4');
    await messageItem(page, 'Before 4').waitFor();

    // The connection drops; Bob writes meanwhile.
    refuse = true;
    await sockets.at(-1)!.close({ code: 1012, reason: 'Service restart' });
    await page.getByText('Reconnecting…').waitFor();
    await send(t, bob, room.id, 'While away 1');
    await send(t, bob, room.id, 'While away 2');
    refuse = false;
    await page.locator('[data-connection="connected"]').waitFor({ timeout: 20_000 });

    // Resubscribed from seq 4 (the highest held): the two missed messages arrive, once each.
    await messageItem(page, 'While away 2').waitFor();
    expect(resumes).toEqual([3, 4]);
    expect(await messageItem(page, 'While away 1').count()).toBe(1);
    expect(await messageLog(page).locator('li.message').count()).toBe(6);
    await send(t, bob, room.id, 'Live again');
    await messageItem(page, 'Live again').waitFor();

    // A hidden tab does not mark messages read; showing it again does.
    await page.evaluate(() => {
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
      document.dispatchEvent(new Event('visibilitychange'));
    });
    await send(t, bob, room.id, 'Unseen for now');
    await messageItem(page, 'Unseen for now').waitFor();
    await roomLink(page, /Bob/).getByTestId('unread-badge').getByText('1').waitFor();
    expect((await roomOf(t, alice, room.id)).unreadCount).toBe(1);
    await page.evaluate(() => {
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'visible' });
      document.dispatchEvent(new Event('visibilitychange'));
    });
    await roomLink(page, /Bob/).getByTestId('unread-badge').waitFor({ state: 'detached' });
    expect((await roomOf(t, alice, room.id)).unreadCount).toBe(0);
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
