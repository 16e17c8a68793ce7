/**
 * Live presence in the browser: typing, read receipts, reactions and online
 * status between two people in two browser contexts.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { createTestApp, type TestApp } from '../../server/test/helpers/app.ts';
import { createGroup, MARK_READ, openDm, send } from '../../server/test/helpers/chat.ts';
import { BLOCK } from '../../server/test/helpers/contacts.ts';
import { makePng, upload } from '../../server/test/helpers/files.ts';
import { UPDATE_PROFILE } from '../../server/test/helpers/live.ts';
import { registerUser, type TestUser } from '../../server/test/helpers/users.ts';
import { KEEP_ALIVE_MS, PONG_TIMEOUT_MS } from '../src/apollo/live-socket.ts';
import {
  cacheWarnings,
  launchBrowser,
  newPage,
  screenshot,
  signIn,
  switchableSocket,
  waitUntil,
} from './helpers/browser.ts';
import { makeContacts, messageWithBody, roomLink, sendMessage } from './helpers/chat.ts';

const chromiumPath = inject('chromiumPath');

let counter = 0;
function person(t: TestApp, name: string): Promise<TestUser> {
  counter += 1;
  return registerUser(t, { displayName: name, username: `${name.toLowerCase()}_${process.pid}_${counter}` });
}

const composer = (page: Page) => page.getByRole('textbox', { name: 'Message', exact: true });
const typingIndicator = (page: Page) => page.getByTestId('typing-indicator');
/** The reaction toggle under a message ("👍 2 reactions"). */
const reactionToggle = (page: Page, body: string, emoji: string) =>
  messageWithBody(page, body)
    .getByRole('list', { name: 'Reactions' })
    .getByRole('button', { name: new RegExp(`^${emoji} \\d+ reactions?$`) });

async function openRoom(page: Page, title: RegExp, roomId: string) {
  await roomLink(page, title).click();
  await page.waitForURL(`**/rooms/${roomId}`);
  await page.getByTestId('message-scroller').waitFor();
}

describe.skipIf(!chromiumPath)('live presence in the browser', () => {
  let t: TestApp;
  let browser: Browser;
  beforeAll(async () => {
    // A short presence grace, so "went offline" shows within the test (default 5 s).
    [t, browser] = await Promise.all([
      createTestApp({ env: { PRESENCE_GRACE_MS: '300' } }),
      launchBrowser(chromiumPath),
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  test('a DM: typing, "Seen", reactions and the online dot, all live', async () => {
    const [alice, bob] = await Promise.all([person(t, 'Alice'), person(t, 'Bob')]);
    await makeContacts(t, alice, bob);
    const room = await openDm(t, alice, bob);
    const a = await newPage(browser, { baseURL: t.url });
    const b = await newPage(browser, { baseURL: t.url });
    await signIn(a.page, alice.username, alice.password);
    await signIn(b.page, bob.username, bob.password);

    // Online: Bob has a connection, so Alice sees a dot on his row and "Online" in the header.
    await openRoom(a.page, /Bob/, room.id);
    await roomLink(a.page, /Bob/).getByRole('img', { name: 'Online' }).waitFor();
    await a.page.getByTestId('peer-status').getByText('Online').waitFor();

    // Read receipts: unread while Bob is elsewhere, "Seen" as soon as he opens the room.
    await sendMessage(a.page, 'Hello Bob');
    const hello = messageWithBody(a.page, 'Hello Bob');
    await hello.and(a.page.locator('[data-status="sent"]')).waitFor();
    await roomLink(b.page, /Alice/).getByTestId('unread-badge').waitFor();
    expect(await hello.getByTestId('receipt').count()).toBe(0);
    await openRoom(b.page, /Alice/, room.id);
    await hello.getByTestId('receipt').getByText('Seen').waitFor();

    // Typing: Alice types, Bob sees it under the log and as the room's preview; sending clears it.
    await composer(a.page).pressSequentially('Are you', { delay: 20 });
    await typingIndicator(b.page).getByText('Alice is typing…').waitFor();
    await roomLink(b.page, /Alice/).getByText('typing…').waitFor();
    await screenshot(b.page, 'live-typing');
    await composer(a.page).pressSequentially(' there', { delay: 20 });
    await composer(a.page).press('Enter');
    await messageWithBody(b.page, 'Are you there').waitFor();
    await waitUntil(
      'the typing indicator cleared',
      async () => (await typingIndicator(b.page).innerText()) === '',
    );
    await roomLink(b.page, /Alice/).getByText('typing…').waitFor({ state: 'detached' });
    // Bob has the room open, so he read it at once: the receipt moves to the newest message.
    const there = messageWithBody(a.page, 'Are you there');
    await there.getByTestId('receipt').getByText('Seen').waitFor();
    await hello.getByTestId('receipt').waitFor({ state: 'detached' });
    // Clearing the box (not sending) stops typing too.
    await composer(a.page).pressSequentially('Hmm', { delay: 20 });
    await typingIndicator(b.page).getByText('Alice is typing…').waitFor();
    await composer(a.page).fill('');
    await composer(a.page).dispatchEvent('input');
    await waitUntil(
      'typing stopped after clearing',
      async () => (await typingIndicator(b.page).innerText()) === '',
    );

    // Reactions: Bob picks 👍, Alice sees it live and adds hers; both see 2, each pressed.
    const bobsView = messageWithBody(b.page, 'Are you there');
    await bobsView.hover();
    await bobsView.getByRole('button', { name: 'React', exact: true }).click();
    await bobsView.getByRole('group', { name: 'Pick a reaction' }).waitFor();
    await screenshot(b.page, 'live-reaction-picker');
    await bobsView.getByRole('button', { name: 'React with 👍', exact: true }).click();
    await reactionToggle(b.page, 'Are you there', '👍')
      .and(b.page.locator('[aria-pressed="true"]'))
      .waitFor();
    const alicesThumb = reactionToggle(a.page, 'Are you there', '👍');
    await alicesThumb.getByText('1').waitFor();
    expect(await alicesThumb.getAttribute('aria-pressed')).toBe('false');
    await alicesThumb.click();
    await alicesThumb.and(a.page.locator('[aria-pressed="true"]')).getByText('2').waitFor();
    await reactionToggle(b.page, 'Are you there', '👍').getByText('2').waitFor();
    expect(await reactionToggle(b.page, 'Are you there', '👍').getAttribute('aria-pressed')).toBe('true');
    await screenshot(a.page, 'live-conversation');
    // Taking it back: 1 again on both sides, Alice's toggle no longer pressed.
    await alicesThumb.click();
    await alicesThumb.and(a.page.locator('[aria-pressed="false"]')).getByText('1').waitFor();
    await reactionToggle(b.page, 'Are you there', '👍').getByText('1').waitFor();

    // Offline: Bob closes his browser; after the grace period Alice sees him offline, with "last seen".
    expect(b.pageErrors).toEqual([]);
    const bobsConsole = [...b.consoleMessages];
    await b.context.close();
    await roomLink(a.page, /Bob/).getByRole('img', { name: 'Online' }).waitFor({ state: 'detached' });
    await a.page
      .getByTestId('peer-status')
      .getByText(/Last seen/)
      .waitFor();
    await screenshot(a.page, 'live-peer-offline');

    expect(a.pageErrors).toEqual([]);
    // Many events of different kinds went through the cache's subscription fields: none lost data.
    expect(cacheWarnings(a.consoleMessages)).toEqual([]);
    expect(cacheWarnings(bobsConsole)).toEqual([]);
    await a.context.close();
  });

  test("a new picture, its removal and a new name reach the other person's open screens", async () => {
    const [alice, bob] = await Promise.all([person(t, 'Alice'), person(t, 'Bob')]);
    await makeContacts(t, alice, bob);
    const room = await openDm(t, alice, bob);
    await send(t, alice, room.id, 'Hello Bob');
    const b = await newPage(browser, { baseURL: t.url });
    await signIn(b.page, bob.username, bob.password);
    await openRoom(b.page, /Alice/, room.id);
    // Bob's sidebar shows his contacts beside the open conversation; the room list stays behind the tab.
    await b.page.getByRole('tab', { name: 'Contacts' }).click();
    const contactRow = b.page
      .getByRole('list', { name: 'Your contacts', exact: true })
      .getByRole('listitem')
      .filter({ hasText: 'Alice' });
    await contactRow.waitFor();
    const pictures = {
      contact: contactRow.getByTestId('avatar'),
      header: b.page.locator('.conversation-header').getByTestId('avatar'),
      room: roomLink(b.page, /Alice/).getByTestId('avatar'),
    };
    for (const avatar of Object.values(pictures)) expect(await avatar.locator('img').count()).toBe(0);

    // Alice picks a picture elsewhere: every place Bob sees her shows it, without a reload.
    const picture = await upload(t, alice.accessToken, {
      filename: 'alice.png',
      data: await makePng(64, 64),
    });
    expect(picture.status).toBe(201);
    await t.ok(UPDATE_PROFILE, { input: { avatarId: picture.body.id } }, alice.accessToken);
    const showsPicture = async (where: keyof typeof pictures) =>
      (
        await pictures[where]
          .locator('img')
          .getAttribute('src', { timeout: 100 })
          .catch(() => null)
      )?.includes(picture.body.id) ?? false;
    for (const where of ['contact', 'header'] as const)
      await waitUntil(`her picture in the ${where}`, () => showsPicture(where));
    await b.page.getByRole('tab', { name: 'Chats' }).click();
    await waitUntil('her picture in the room list', () => showsPicture('room'));
    await screenshot(b.page, 'live-avatar');

    // She removes it: her initial again, everywhere.
    await t.ok(UPDATE_PROFILE, { input: { avatarId: null } }, alice.accessToken);
    for (const where of ['room', 'header', 'contact'] as const)
      await pictures[where].locator('img').waitFor({ state: 'detached' });
    expect(await pictures.header.innerText()).toBe('A');

    // And a new name: the room's title follows, in the list and the conversation's header.
    await t.ok(UPDATE_PROFILE, { input: { displayName: 'Alicia' } }, alice.accessToken);
    await roomLink(b.page, /Alicia/).waitFor();
    await b.page.locator('.conversation-header').getByText('Alicia').waitFor();
    // Her messages already on screen follow too.
    await messageWithBody(b.page, 'Hello Bob').locator('.message-sender').getByText('Alicia').waitFor();

    expect(b.pageErrors).toEqual([]);
    expect(cacheWarnings(b.consoleMessages)).toEqual([]);
    await b.context.close();
  });

  test('turning read receipts off takes "Seen" away in the open chat, back on brings it back, as the API has it', async () => {
    const [alice, bob] = await Promise.all([person(t, 'Alice'), person(t, 'Bob')]);
    await makeContacts(t, alice, bob);
    const room = await openDm(t, alice, bob);
    await t.ok(UPDATE_PROFILE, { input: { shareReadReceipts: false } }, alice.accessToken);
    const sent = await send(t, bob, room.id, 'Did you see this');
    await t.ok(MARK_READ, { r: room.id, seq: sent.seq }, alice.accessToken); // privately
    const b = await newPage(browser, { baseURL: t.url });
    await signIn(b.page, bob.username, bob.password);
    await openRoom(b.page, /Alice/, room.id);
    const item = messageWithBody(b.page, 'Did you see this');
    await item.waitFor();
    await b.page.locator('[data-connection="connected"]').waitFor();
    expect(await item.getByTestId('receipt').count()).toBe(0);

    const readBy = async () =>
      (
        await t.ok<{ message: { readBy: { user: { id: string } }[] } }>(
          'query($id: ID!) { message(id: $id) { readBy { user { id } } } }',
          { id: sent.id },
          bob.accessToken,
        )
      ).message.readBy.map((r) => r.user.id);
    await t.ok(UPDATE_PROFILE, { input: { shareReadReceipts: true } }, alice.accessToken);
    await item.getByTestId('receipt').getByText('Seen').waitFor();
    expect(await readBy()).toEqual([alice.id]);

    // Off again: "Seen" goes from the open chat without a reload; back on, it comes back.
    await t.ok(UPDATE_PROFILE, { input: { shareReadReceipts: false } }, alice.accessToken);
    await item.getByTestId('receipt').waitFor({ state: 'detached' });
    expect(await readBy()).toEqual([]);
    await t.ok(UPDATE_PROFILE, { input: { shareReadReceipts: true } }, alice.accessToken);
    await item.getByTestId('receipt').getByText('Seen').waitFor();

    expect(b.pageErrors).toEqual([]);
    await b.context.close();
  });

  test('a connection that dies without closing is noticed by its unanswered ping: banner, then live again with what was missed', async () => {
    const [alice, bob] = await Promise.all([person(t, 'Alice'), person(t, 'Bob')]);
    await makeContacts(t, alice, bob);
    const room = await openDm(t, alice, bob);
    await send(t, alice, room.id, 'hello Bob');
    const b = await newPage(browser, { baseURL: t.url });
    await b.page.clock.install(); // time flows as usual, and can be skipped ahead
    const line = await switchableSocket(b.page);
    await signIn(b.page, bob.username, bob.password);
    await openRoom(b.page, /Alice/, room.id);
    const connected = b.page.locator('[data-connection="connected"]');
    await connected.waitFor();

    // The network drops silently: nothing gets through, nothing closes; and new sockets fail for now.
    line.silenced.add(line.sockets.at(-1)!);
    line.refuse = true;
    await send(t, alice, room.id, 'sent while the line was dead');
    await b.page.clock.runFor(KEEP_ALIVE_MS + PONG_TIMEOUT_MS + 500);
    await b.page.getByText('Reconnecting…').waitFor();
    expect(await messageWithBody(b.page, 'sent while the line was dead').count()).toBe(0);

    // The network is back: a new socket, and the conversation catches up and goes on live.
    line.refuse = false;
    await b.page.clock.runFor(11_000); // past the longest retry wait
    await connected.waitFor();
    await messageWithBody(b.page, 'sent while the line was dead').waitFor();
    await send(t, alice, room.id, 'and live again');
    await messageWithBody(b.page, 'and live again').waitFor();
    expect(b.pageErrors).toEqual([]);
    await b.context.close();
  });

  test('blocked by the person in an open DM: their online status goes away at once', async () => {
    const [alice, bob] = await Promise.all([person(t, 'Alice'), person(t, 'Bob')]);
    await makeContacts(t, alice, bob);
    const room = await openDm(t, alice, bob);
    await send(t, alice, room.id, 'Hello Bob');
    const a = await newPage(browser, { baseURL: t.url });
    const b = await newPage(browser, { baseURL: t.url });
    await signIn(a.page, alice.username, alice.password);
    await signIn(b.page, bob.username, bob.password);
    await openRoom(b.page, /Alice/, room.id);
    await b.page.getByTestId('peer-status').getByText('Online').waitFor();
    await roomLink(b.page, /Alice/).getByRole('img', { name: 'Online' }).waitFor();

    // Alice (still connected) blocks Bob: without a reload, Bob no longer sees her online.
    await t.ok(BLOCK, { id: bob.id }, alice.accessToken);
    await roomLink(b.page, /Alice/).getByRole('img', { name: 'Online' }).waitFor({ state: 'detached' });
    await b.page.getByTestId('peer-status').getByText('Online').waitFor({ state: 'detached' });
    // As the API has it (no last-seen either), and as a reload would show it.
    const api = await t.ok(
      `query($id: ID!) { room(id: $id) { peer { online lastSeenAt } } }`,
      { id: room.id },
      bob.accessToken,
    );
    expect(api.room.peer).toEqual({ online: false, lastSeenAt: null });
    expect(await b.page.getByTestId('peer-status').count()).toBe(0);

    expect(a.pageErrors).toEqual([]);
    expect(b.pageErrors).toEqual([]);
    await a.context.close();
    await b.context.close();
  });

  test('a group: "Read by" names and counts, several typers', async () => {
    const [alice, bob, carol] = await Promise.all([person(t, 'Alice'), person(t, 'Bob'), person(t, 'Carol')]);
    await Promise.all([makeContacts(t, alice, bob), makeContacts(t, alice, carol)]);
    const room = await createGroup(t, alice, [bob, carol], 'Live group');
    const dm = await openDm(t, alice, carol);
    await send(t, carol, dm.id, 'Side chat');
    const pages = await Promise.all([alice, bob, carol].map(() => newPage(browser, { baseURL: t.url })));
    const [a, b, c] = pages as [(typeof pages)[0], (typeof pages)[0], (typeof pages)[0]];
    await signIn(a.page, alice.username, alice.password);
    await signIn(b.page, bob.username, bob.password);
    await signIn(c.page, carol.username, carol.password);
    await openRoom(a.page, /Live group/, room.id);

    await sendMessage(a.page, 'Agenda for today');
    const agenda = messageWithBody(a.page, 'Agenda for today');
    await agenda.and(a.page.locator('[data-status="sent"]')).waitFor();
    await openRoom(b.page, /Live group/, room.id);
    await agenda.getByTestId('receipt').getByText('Read by Bob').waitFor();
    await openRoom(c.page, /Live group/, room.id);
    await agenda
      .getByTestId('receipt')
      .getByText(/^Read by (Carol and Bob|Bob and Carol)/)
      .waitFor();
    expect(await agenda.getByTestId('receipt').getAttribute('title')).toMatch(/Bob/);

    // Two typers at once, for the third member.
    await composer(b.page).pressSequentially('Point one', { delay: 20 });
    await composer(c.page).pressSequentially('Point two', { delay: 20 });
    await typingIndicator(a.page)
      .getByText(/^(Bob and Carol|Carol and Bob) are typing…$/)
      .waitFor();
    await screenshot(a.page, 'live-group');
    // Bob leaves the box (blur): only Carol is left typing.
    await composer(b.page).blur();
    await typingIndicator(a.page).getByText('Carol is typing…').waitFor();

    // The room list says "typing…" for rooms that are not open too (RoomTyping on myEvents):
    // Alice switches to her DM with Carol; the group's row still shows Carol typing there.
    await composer(c.page).pressSequentially(' and three', { delay: 20 }); // keeps her typing alive
    await openRoom(a.page, /Carol/, dm.id);
    const groupRow = roomLink(a.page, /Live group/);
    await groupRow.getByText('typing…').waitFor();
    await screenshot(a.page, 'rooms-typing');
    // The typer's own list never says so (while she still types; Bob's stop may take a moment to reach
    // her list); Carol stops (blur) and Alice's row goes back to the preview.
    await expect
      .poll(
        () =>
          roomLink(c.page, /Live group/)
            .getByText('typing…')
            .count(),
        { timeout: 3_000 },
      )
      .toBe(0);
    await composer(c.page).blur();
    await groupRow.getByText('typing…').waitFor({ state: 'detached' });
    await groupRow.getByText('Agenda for today').waitFor();

    for (const p of pages) expect(p.pageErrors).toEqual([]);
    await Promise.all(pages.map((p) => p.context.close()));
  });

  test('"Read by" times are in the viewer\'s profile zone, like the message times next to them', async () => {
    // Alice lives in Tokyo; her browser says Berlin (newPage's default zone).
    counter += 1;
    const alice = await registerUser(t, {
      displayName: 'Alice',
      username: `alice_${process.pid}_${counter}`,
      timeZone: 'Asia/Tokyo',
    });
    const bob = await person(t, 'Bob');
    await makeContacts(t, alice, bob);
    const room = await openDm(t, alice, bob);
    const sent = await send(t, alice, room.id, 'What time is it there');
    const a = await newPage(browser, { baseURL: t.url });
    await signIn(a.page, alice.username, alice.password);
    await openRoom(a.page, /Bob/, room.id);

    await t.ok(MARK_READ, { r: room.id, seq: sent.seq }, bob.accessToken);
    const item = messageWithBody(a.page, 'What time is it there');
    const receipt = item.getByTestId('receipt');
    await receipt.getByText('Seen').waitFor();
    const { message } = await t.ok<{ message: { createdAt: string; readBy: { readAt: string }[] } }>(
      'query($id: ID!) { message(id: $id) { createdAt readBy { readAt } } }',
      { id: sent.id },
      alice.accessToken,
    );
    const inZone = (iso: string, timeZone: string) =>
      new Intl.DateTimeFormat('en-US', { dateStyle: 'full', timeStyle: 'short', timeZone }).format(
        new Date(iso),
      );
    const readAt = message.readBy[0]!.readAt;
    expect(await receipt.getAttribute('title')).toBe(`Read by Bob (${inZone(readAt, 'Asia/Tokyo')})`);
    expect(await receipt.textContent()).toContain(inZone(readAt, 'Asia/Tokyo'));
    // The same zone and format as the message's own time.
    expect(await item.locator('.message-meta time').getAttribute('title')).toBe(
      inZone(message.createdAt, 'Asia/Tokyo'),
    );
    expect(a.pageErrors).toEqual([]);
    await a.context.close();
  });

  test("a message ends its sender's typing on screen at once, even when the stop event is lost", async () => {
    const [alice, bob] = await Promise.all([person(t, 'Alice'), person(t, 'Bob')]);
    await makeContacts(t, alice, bob);
    const room = await openDm(t, alice, bob);
    await send(t, alice, room.id, 'Hi Bob'); // a direct room shows to Bob with its first message
    const a = await newPage(browser, { baseURL: t.url });
    const b = await newPage(browser, { baseURL: t.url });
    // Bob's socket loses every "nobody is typing" event of the open room (as a dropped frame would).
    let lost = 0;
    await b.page.routeWebSocket(/\/graphql$/, (ws) => {
      const server = ws.connectToServer();
      server.onMessage((frame) => {
        if (typeof frame === 'string') {
          const event = (
            JSON.parse(frame) as { payload?: { data?: { roomEvents?: Record<string, unknown> } } }
          ).payload?.data?.roomEvents;
          if (event?.__typename === 'TypingChanged' && (event.typingUsers as unknown[]).length === 0) {
            lost++;
            return;
          }
        }
        ws.send(frame);
      });
    });
    await signIn(a.page, alice.username, alice.password);
    await signIn(b.page, bob.username, bob.password);
    await openRoom(a.page, /Bob/, room.id);
    await openRoom(b.page, /Alice/, room.id);

    await composer(a.page).pressSequentially('On my way', { delay: 20 });
    await typingIndicator(b.page).getByText('Alice is typing…').waitFor();
    await composer(a.page).press('Enter');
    await messageWithBody(b.page, 'On my way').waitFor();
    // Well before the 30 s safety net (TYPING_SAFETY_MS) would clear it.
    await waitUntil(
      'the typing indicator cleared by the message',
      async () => (await typingIndicator(b.page).innerText()) === '',
      3_000,
    );
    await waitUntil('the stop event was sent, and lost', async () => lost > 0);

    expect(a.pageErrors).toEqual([]);
    expect(b.pageErrors).toEqual([]);
    await Promise.all([a.context.close(), b.context.close()]);
  });

  test('a receipt made after the history loaded but before the live stream started shows without a reload', async () => {
    const [alice, bob] = await Promise.all([person(t, 'Alice'), person(t, 'Bob')]);
    await makeContacts(t, alice, bob);
    const room = await openDm(t, alice, bob);
    const message = await send(t, alice, room.id, 'Are you there');
    const { context, page, pageErrors } = await newPage(browser, { baseURL: t.url });
    // No live connection until the history is on screen and Bob has read it.
    const socket = await switchableSocket(page, { refuse: true });
    await signIn(page, alice.username, alice.password);
    await openRoom(page, /Bob/, room.id);
    const item = messageWithBody(page, 'Are you there');
    await item.waitFor();
    expect(await page.locator('[data-connection="connected"]').count()).toBe(0);

    await t.ok(MARK_READ, { r: room.id, seq: message.seq }, bob.accessToken);
    socket.refuse = false;
    await page.locator('[data-connection="connected"]').waitFor({ timeout: 20_000 });
    // The stream's first subscription resumes from the history page (its `asOf`), so the receipt is replayed.
    await item.getByTestId('receipt').getByText('Seen').waitFor();

    expect(pageErrors).toEqual([]);
    await context.close();
  });

  test('after a reconnect, receipts and reactions missed meanwhile show up', async () => {
    const [alice, bob] = await Promise.all([person(t, 'Alice'), person(t, 'Bob')]);
    await makeContacts(t, alice, bob);
    const room = await openDm(t, alice, bob);
    const message = await send(t, alice, room.id, 'Did you get it');
    const { context, page, pageErrors } = await newPage(browser, { baseURL: t.url });
    const socket = await switchableSocket(page);
    await signIn(page, alice.username, alice.password);
    await openRoom(page, /Bob/, room.id);
    const item = messageWithBody(page, 'Did you get it');
    await item.waitFor();
    await page.locator('[data-connection="connected"]').waitFor();

    socket.refuse = true;
    await socket.sockets.at(-1)!.close({ code: 1012, reason: 'Service restart' });
    await page.getByText('Reconnecting…').waitFor();
    // Bob reads and reacts while Alice is offline: those events never reach her stream.
    await t.ok(MARK_READ, { r: room.id, seq: message.seq }, bob.accessToken);
    await t.ok(
      'mutation($m: ID!, $e: String!) { addReaction(messageId: $m, emoji: $e) { id } }',
      { m: message.id, e: '🎉' },
      bob.accessToken,
    );
    expect(await item.getByTestId('receipt').count()).toBe(0);
    socket.refuse = false;
    await page.locator('[data-connection="connected"]').waitFor({ timeout: 20_000 });
    await item.getByTestId('receipt').getByText('Seen').waitFor();
    await reactionToggle(page, 'Did you get it', '🎉').getByText('1').waitFor();

    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
