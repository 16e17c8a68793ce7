import type { Browser, Page, Request, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { createTestApp, type TestApp } from '../../server/test/helpers/app.ts';
import {
  ADD_MEMBERS,
  createGroup,
  DELETE,
  HISTORY,
  openDm,
  REMOVE_MEMBER,
  send,
} from '../../server/test/helpers/chat.ts';
import { BLOCK } from '../../server/test/helpers/contacts.ts';
import { registerUser, type TestUser } from '../../server/test/helpers/users.ts';
import {
  graphqlOperation,
  launchBrowser,
  newPage,
  screenshot,
  signIn,
  switchableSocket,
  waitUntil,
} from './helpers/browser.ts';
import {
  makeContacts,
  messageItem,
  messageLog,
  messageWithBody,
  openEdit,
  roomLink,
  roomList,
  sendMessage,
  sentItem,
} from './helpers/chat.ts';

const chromiumPath = inject('chromiumPath');

let counter = 0;
/** A user with a readable name and a unique username (for @mentions). */
function person(t: TestApp, name: string, timeZone = 'Europe/Berlin'): Promise<TestUser> {
  counter += 1;
  return registerUser(t, {
    displayName: name,
    username: `${name.toLowerCase()}_${process.pid}_${counter}`,
    timeZone,
  });
}

describe.skipIf(!chromiumPath)('chat in the browser', () => {
  let t: TestApp;
  let browser: Browser;
  beforeAll(async () => {
    [t, browser] = await Promise.all([createTestApp(), launchBrowser(chromiumPath)]);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  test('two people chat live in a DM: unread badge, read on open, reply, mention, edit, delete', async () => {
    const [alice, bob] = await Promise.all([person(t, 'Alice', 'Asia/Tokyo'), person(t, 'Bob')]);
    await makeContacts(t, alice, bob);
    const a = await newPage(browser, { baseURL: t.url });
    const b = await newPage(browser, { baseURL: t.url });
    await signIn(a.page, alice.username, alice.password);
    await signIn(b.page, bob.username, bob.password);

    // Alice starts a DM with Bob from "New chat".
    await a.page.getByRole('link', { name: 'New chat', exact: true }).click();
    await a.page.waitForURL('**/rooms/new');
    await a.page.getByRole('checkbox', { name: /Bob/ }).check();
    await a.page.getByLabel('First message (optional)').fill('Knock knock');
    await screenshot(a.page, 'new-chat');
    await a.page.getByRole('button', { name: 'Start chat' }).click();
    await a.page.waitForURL(/\/rooms\/[0-9a-f-]{36}$/);
    const roomId = a.page.url().split('/').at(-1)!;
    await a.page.getByRole('heading', { name: 'Bob', level: 1 }).waitFor();
    await messageItem(a.page, 'Knock knock').waitFor();
    // The composer has focus-able, labelled controls.
    await sendMessage(a.page, 'Hello Bob!\nHow are you?');
    const first = messageItem(a.page, 'Hello Bob!');
    await first.and(a.page.locator('[data-status="sent"]')).waitFor();
    // Shift+Enter kept the line break inside one message.
    expect(await first.locator('.message-body').innerText()).toBe('Hello Bob!\nHow are you?');
    // Times are shown in Alice's zone (Asia/Tokyo), not the browser's (Europe/Berlin).
    const history = await t.ok(HISTORY, { r: roomId, last: 1 }, alice.accessToken);
    const sent = await t.ok(
      `query($id: ID!) { message(id: $id) { createdAt } }`,
      { id: history.messages.edges[0].node.id },
      alice.accessToken,
    );
    const tokyo = new Intl.DateTimeFormat('en-US', {
      hour: 'numeric',
      minute: '2-digit',
      timeZone: 'Asia/Tokyo',
    }).format(new Date(sent.message.createdAt));
    expect(await first.locator('time').first().textContent()).toBe(tokyo);

    // Bob: the room appears live in his list, with an unread badge.
    const bobsRoom = roomLink(b.page, /Alice/);
    await bobsRoom.waitFor();
    await bobsRoom.getByTestId('unread-badge').getByText('2').waitFor();
    // The preview replaces "typing…" once Alice's stop arrives (it follows the RoomUpdated).
    await expect.poll(() => bobsRoom.innerText()).toContain('Hello Bob! How are you?');
    await screenshot(b.page, 'rooms-unread');

    // Opening the room shows the message and clears the badge (marked read while visible).
    await bobsRoom.click();
    await b.page.waitForURL(`**/rooms/${roomId}`);
    await messageItem(b.page, 'Knock knock').waitFor();
    await messageItem(b.page, 'Hello Bob!').waitFor();
    await bobsRoom.getByTestId('unread-badge').waitFor({ state: 'detached' });

    // Live both ways, without reloads; a reply quotes, a mention is highlighted for the one mentioned.
    await messageItem(b.page, 'Hello Bob!').hover();
    await messageItem(b.page, 'Hello Bob!').getByRole('button', { name: 'Reply' }).click();
    await b.page.getByText('Replying to').waitFor();
    await sendMessage(b.page, `Fine, thanks @${alice.username}!`);
    const reply = messageItem(a.page, 'Fine, thanks');
    await reply.waitFor();
    expect(await reply.locator('blockquote').innerText()).toContain('Hello Bob!');
    expect(await reply.locator('mark.mention-me').innerText()).toBe(`@${alice.username}`);
    // Alice has the room open: Bob's message is read at once, no badge on her side.
    await waitUntil('the reply was marked read', async () => {
      const r = await t.ok(
        `query($id: ID!) { room(id: $id) { unreadCount } }`,
        { id: roomId },
        alice.accessToken,
      );
      return r.room.unreadCount === 0;
    });
    await roomLink(a.page, /Bob/).getByTestId('unread-badge').waitFor({ state: 'detached' });

    // Alice edits and deletes her own messages; Bob sees both live.
    await sendMessage(a.page, 'Typo hree');
    const typo = await sentItem(a.page, 'Typo hree');
    const editBox = await openEdit(a.page, typo);
    await editBox.fill('Typo here');
    await editBox.press('Enter');
    await messageItem(b.page, 'Typo here').getByText('(edited)').waitFor();
    // Bob cannot edit or delete Alice's messages.
    expect(await messageItem(b.page, 'Typo here').getByRole('button', { name: 'Edit' }).count()).toBe(0);

    await messageItem(a.page, 'Typo here').hover();
    await messageItem(a.page, 'Typo here').getByRole('button', { name: 'Delete' }).click();
    await a.page.getByText('Delete this message?').waitFor();
    await screenshot(a.page, 'conversation-confirm-delete');
    await messageItem(a.page, 'Typo here').getByRole('button', { name: 'Delete' }).click();
    await messageItem(b.page, 'Typo here').waitFor({ state: 'detached' });
    await messageItem(b.page, 'Message deleted').waitFor();
    await screenshot(a.page, 'conversation');
    await screenshot(b.page, 'conversation-peer');

    expect(a.pageErrors).toEqual([]);
    expect(b.pageErrors).toEqual([]);
    await a.context.close();
    await b.context.close();
  });

  test('sends optimistically: pending, then sent; a failed send retries with the same clientId, by itself once reconnected', async () => {
    const [alice, bob] = await Promise.all([person(t, 'Alice'), person(t, 'Bob')]);
    const room = (
      await t.ok(
        `mutation($id: ID!) { openDirectRoom(userId: $id) { id } }`,
        { id: bob.id },
        alice.accessToken,
      )
    ).openDirectRoom;
    const { context, page, pageErrors } = await newPage(browser, { baseURL: t.url });
    const line = await switchableSocket(page);
    await signIn(page, alice.username, alice.password);
    await page.goto(`/rooms/${room.id}`);
    await page.getByRole('heading', { name: 'Bob', level: 1 }).waitFor();
    await page.locator('[data-connection="connected"]').waitFor();

    // Hold the first sendMessage until we have seen it pending; fail the second at the network.
    const sends: Request[] = [];
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let mode: 'hold' | 'fail' | 'pass' = 'hold';
    await page.route('**/graphql', async (route: Route) => {
      if (graphqlOperation(route.request()) !== 'SendMessage') return route.fallback();
      sends.push(route.request());
      if (mode === 'hold') {
        await held;
        return route.fallback();
      }
      if (mode === 'fail') return route.abort('failed');
      return route.fallback();
    });

    await sendMessage(page, 'On its way');
    const pending = messageItem(page, 'On its way');
    await pending.and(page.locator('[data-status="sending"]')).waitFor();
    await pending.getByText('Sending…').waitFor();
    await screenshot(page, 'conversation-pending');
    release();
    await pending.and(page.locator('[data-status="sent"]')).waitFor();
    expect(await pending.count()).toBe(1);

    mode = 'fail';
    await sendMessage(page, 'Through a tunnel');
    const failed = messageItem(page, 'Through a tunnel');
    await failed.and(page.locator('[data-status="failed"]')).waitFor();
    await failed.getByText('Not sent.').waitFor();
    await screenshot(page, 'conversation-failed');
    mode = 'pass';
    await failed.getByRole('button', { name: 'Retry' }).click();
    await failed.and(page.locator('[data-status="sent"]')).waitFor();

    // Lost with the connection: once the live socket is back, it goes by itself.
    mode = 'fail';
    await sendMessage(page, 'Out of the tunnel');
    const lost = messageItem(page, 'Out of the tunnel');
    await lost.getByText('Not sent.').waitFor();
    mode = 'pass';
    await line.sockets.at(-1)!.close({ code: 1012, reason: 'Service restart' });
    await lost.and(page.locator('[data-status="sent"]')).waitFor({ timeout: 15_000 });

    // The browser went offline and came back while the socket lived on: the network's return sends it.
    await context.setOffline(true);
    await sendMessage(page, 'After the train tunnel');
    const offline = messageItem(page, 'After the train tunnel');
    await offline.getByText('Not sent.').waitFor();
    await context.setOffline(false);
    await offline.and(page.locator('[data-status="sent"]')).waitFor({ timeout: 15_000 });

    const clientIds = sends.map((r) => JSON.parse(r.postData() ?? '{}').variables.input.clientId as string);
    expect(clientIds).toHaveLength(7);
    expect(clientIds[1]).toBe(clientIds[2]); // the retry reused the failed attempt's clientId
    expect(clientIds[0]).not.toBe(clientIds[1]);
    expect(clientIds[3]).toBe(clientIds[4]); // and so did the one sent again on reconnecting
    expect(clientIds[5]).toBe(clientIds[6]); // and the one sent again when the network came back
    const history = await t.ok(HISTORY, { r: room.id, last: 10 }, alice.accessToken);
    expect(history.messages.edges.map((e: { node: { body: string } }) => e.node.body)).toEqual([
      'On its way',
      'Through a tunnel',
      'Out of the tunnel',
      'After the train tunnel',
    ]);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  test('the composer counts emoji as one character each: up to 4000 send, more are kept and refused', async () => {
    const [alice, bob] = await Promise.all([person(t, 'Alice'), person(t, 'Bob')]);
    await makeContacts(t, alice, bob);
    const room = await openDm(t, alice, bob);
    const { context, page, pageErrors } = await newPage(browser, { baseURL: t.url });
    await signIn(page, alice.username, alice.password);
    await page.goto(`/rooms/${room.id}`);
    const box = page.getByRole('textbox', { name: 'Message', exact: true });
    await box.waitFor();
    const history = async () =>
      (
        (await t.ok(HISTORY, { r: room.id, last: 10 }, alice.accessToken)) as {
          messages: { edges: { node: { id: string; body: string } }[] };
        }
      ).messages.edges.map((e) => e.node);
    const bodies = async () => (await history()).map((m) => m.body);

    // 3000 emoji are 6000 UTF-16 units: an HTML maxLength of 4000 cut them at 2000.
    const party = '🎉'.repeat(3000);
    await box.focus();
    await page.keyboard.insertText(party); // as a paste inserts it
    expect(await box.inputValue()).toBe(party);
    await box.press('Enter');
    await messageLog(page).locator('[data-status="sent"]').first().waitFor();
    await waitUntil('the emoji message is stored whole', async () => (await bodies()).at(-1) === party);

    // 4001 emoji: kept whole (not cut mid-emoji), marked, and not sent.
    const tooLong = '🎉'.repeat(4001);
    await box.focus();
    await page.keyboard.insertText(tooLong);
    expect(await box.inputValue()).toBe(tooLong);
    await page.getByText('4001 / 4000 characters: 1 too many').waitFor();
    expect(await box.getAttribute('aria-invalid')).toBe('true');
    await box.press('Enter');
    await page.getByRole('alert').getByText('Not sent: a message can have at most 4000 characters').waitFor();
    expect(await box.inputValue()).toBe(tooLong);
    await screenshot(page, 'composer-too-long');
    // One emoji fewer fits, and sends.
    await box.press('Control+End');
    await box.press('Backspace');
    await page.getByText('4000 / 4000 characters', { exact: true }).waitFor();
    expect(await page.getByText('Not sent:').count()).toBe(0);
    await box.press('Enter');
    await waitUntil(
      'the 4000-emoji message is stored',
      async () => (await bodies()).at(-1) === '🎉'.repeat(4000),
    );
    expect(await bodies()).toEqual([party, '🎉'.repeat(4000)]);
    expect(await box.inputValue()).toBe('');

    // Editing counts the same way: the first message grows to 3500 emoji.
    const first = page.locator(`[data-message-id="${(await history())[0]!.id}"]`);
    const editBox = await openEdit(page, first);
    await editBox.press('Control+End');
    await page.keyboard.insertText('🎉'.repeat(500));
    expect(await editBox.inputValue()).toBe('🎉'.repeat(3500));
    await editBox.press('Enter');
    await editBox.waitFor({ state: 'detached' });
    await waitUntil('the edit is stored', async () => (await bodies())[0] === '🎉'.repeat(3500));
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  test("the composer and the edit box follow the server's MESSAGE_MAX_LENGTH (Query.limits)", async () => {
    const small = await createTestApp({ env: { MESSAGE_MAX_LENGTH: '20' } });
    try {
      const [alice, bob] = await Promise.all([person(small, 'Alice'), person(small, 'Bob')]);
      await makeContacts(small, alice, bob);
      const room = await openDm(small, alice, bob);
      const { context, page, pageErrors } = await newPage(browser, { baseURL: small.url });
      await signIn(page, alice.username, alice.password);
      // The composer learns this server's limit from Query.limits: typed before the answer, the text
      // is measured against the default 4000 until it comes (on a loaded machine, seconds later).
      const limits = page.waitForResponse((r) => graphqlOperation(r.request()) === 'ServiceLimits');
      await page.goto(`/rooms/${room.id}`);
      const box = page.getByRole('textbox', { name: 'Message', exact: true });
      await box.waitFor();
      await limits;
      // 21 emoji: far below the default 4000, over this server's 20.
      await box.focus();
      await page.keyboard.insertText('🎉'.repeat(21));
      await page.getByText('21 / 20 characters: 1 too many').waitFor();
      await box.press('Enter');
      await page.getByRole('alert').getByText('Not sent: a message can have at most 20 characters').waitFor();
      await box.press('Control+End');
      await box.press('Backspace');
      await page.getByText('20 / 20 characters', { exact: true }).waitFor();
      await box.press('Enter');
      await messageLog(page).locator('[data-status="sent"]').first().waitFor();
      // Editing it to 21 is refused the same way.
      const editBox = await openEdit(page, messageLog(page).locator('[data-message-id]').last());
      await editBox.press('Control+End');
      await page.keyboard.insertText('🎉');
      await editBox.press('Enter');
      await page.getByText('Not saved: a message can have at most 20 characters.').waitFor();
      expect(pageErrors).toEqual([]);
      await context.close();
    } finally {
      await small.close();
    }
  });

  test('a send the server refuses for good says why, offers no Retry, and a blocked DM stops the composer', async () => {
    const [alice, bob] = await Promise.all([person(t, 'Alice'), person(t, 'Bob')]);
    await makeContacts(t, alice, bob);
    const room = await openDm(t, bob, alice);
    await send(t, alice, room.id, 'Hi Bob');
    const { context, page, pageErrors } = await newPage(browser, { baseURL: t.url });
    await signIn(page, bob.username, bob.password);
    await page.goto(`/rooms/${room.id}`);
    await messageWithBody(page, 'Hi Bob').waitFor();

    // Alice blocks Bob while his conversation with her is open; he does not know yet.
    await t.ok(BLOCK, { id: bob.id }, alice.accessToken);
    await sendMessage(page, 'Are you ignoring me');
    const refused = messageItem(page, 'Are you ignoring me');
    await refused.and(page.locator('[data-status="failed"]')).waitFor();
    // The server's reason, and no Retry (it can never work): only a way to dismiss it.
    await refused.getByText('You cannot send messages to this person').waitFor();
    expect(await refused.getByRole('button', { name: 'Retry' }).count()).toBe(0);
    // The composer gives way to a notice saying why.
    await page.getByRole('textbox', { name: 'Message', exact: true }).waitFor({ state: 'detached' });
    await page.getByText("You can't send messages in this conversation.").waitFor();
    await screenshot(page, 'conversation-send-refused');
    await refused.getByRole('button', { name: 'Dismiss' }).click();
    await refused.waitFor({ state: 'detached' });
    await page.getByText("You can't send messages in this conversation.").waitFor();

    const history = await t.ok(HISTORY, { r: room.id, last: 10 }, bob.accessToken);
    expect(history.messages.edges.map((e: { node: { body: string } }) => e.node.body)).toEqual(['Hi Bob']);

    // Alice, who blocked him, is told so in place of the composer.
    const a = await newPage(browser, { baseURL: t.url });
    await signIn(a.page, alice.username, alice.password);
    await a.page.goto(`/rooms/${room.id}`);
    await a.page.getByText('You blocked Bob.').waitFor();
    expect(await a.page.getByRole('textbox', { name: 'Message', exact: true }).count()).toBe(0);
    expect(pageErrors).toEqual([]);
    expect(a.pageErrors).toEqual([]);
    await context.close();
    await a.context.close();
  });

  test('a send still in flight or failed survives leaving the room: it completes, or waits with Retry', async () => {
    const [alice, bob] = await Promise.all([person(t, 'Alice'), person(t, 'Bob')]);
    await makeContacts(t, alice, bob);
    const room = (
      await t.ok(
        `mutation($id: ID!) { openDirectRoom(userId: $id) { id } }`,
        { id: bob.id },
        alice.accessToken,
      )
    ).openDirectRoom;
    const a = await newPage(browser, { baseURL: t.url });
    const b = await newPage(browser, { baseURL: t.url });
    await signIn(a.page, alice.username, alice.password);
    await signIn(b.page, bob.username, bob.password);
    await a.page.goto(`/rooms/${room.id}`);
    await a.page.getByRole('heading', { name: 'Bob', level: 1 }).waitFor();
    await b.page.goto(`/rooms/${room.id}`);
    await b.page.getByRole('heading', { name: 'Alice', level: 1 }).waitFor();

    // The first send is held at the network, the second fails there.
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let mode: 'hold' | 'fail' | 'pass' = 'hold';
    await a.page.route('**/graphql', async (route: Route) => {
      if (graphqlOperation(route.request()) !== 'SendMessage') return route.fallback();
      if (mode === 'hold') {
        await held;
        return route.fallback();
      }
      if (mode === 'fail') return route.abort('failed');
      return route.fallback();
    });
    await sendMessage(a.page, 'Slow boat');
    await messageItem(a.page, 'Slow boat').and(a.page.locator('[data-status="sending"]')).waitFor();
    mode = 'fail';
    await sendMessage(a.page, 'Lost in transit');
    await messageItem(a.page, 'Lost in transit').and(a.page.locator('[data-status="failed"]')).waitFor();

    // Alice leaves the room (client-side, as a click does); the held send completes meanwhile.
    await a.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Contacts' }).click();
    await a.page.getByRole('heading', { name: 'Contacts', level: 1 }).waitFor();
    release();
    await messageWithBody(b.page, 'Slow boat').waitFor();

    // Back in the room: the delivered one is there once, the failed one waits with Retry.
    await roomLink(a.page, /Bob/).click();
    await a.page.waitForURL(`**/rooms/${room.id}`);
    await messageItem(a.page, 'Slow boat').and(a.page.locator('[data-status="sent"]')).waitFor();
    const failed = messageItem(a.page, 'Lost in transit');
    await failed.and(a.page.locator('[data-status="failed"]')).waitFor();
    await screenshot(a.page, 'conversation-failed-after-return');
    mode = 'pass';
    await failed.getByRole('button', { name: 'Retry' }).click();
    await failed.and(a.page.locator('[data-status="sent"]')).waitFor();

    // Bob got each exactly once, live, and so did the server.
    await messageWithBody(b.page, 'Lost in transit').waitFor();
    expect(await messageWithBody(b.page, 'Slow boat').count()).toBe(1);
    expect(await messageWithBody(b.page, 'Lost in transit').count()).toBe(1);
    expect(await messageWithBody(a.page, 'Lost in transit').count()).toBe(1);
    const history = await t.ok(HISTORY, { r: room.id, last: 10 }, bob.accessToken);
    expect(history.messages.edges.map((e: { node: { body: string } }) => e.node.body)).toEqual([
      'Slow boat',
      'Lost in transit',
    ]);
    expect(a.pageErrors).toEqual([]);
    expect(b.pageErrors).toEqual([]);
    await a.context.close();
    await b.context.close();
  });

  test('creates a group through the UI, renames it, removes a member and leaves', async () => {
    const [alice, bob, carol] = await Promise.all([person(t, 'Alice'), person(t, 'Bob'), person(t, 'Carol')]);
    await makeContacts(t, alice, bob);
    await makeContacts(t, alice, carol);
    const a = await newPage(browser, { baseURL: t.url });
    const c = await newPage(browser, { baseURL: t.url });
    await signIn(a.page, alice.username, alice.password);
    await signIn(c.page, carol.username, carol.password);

    await a.page.getByRole('link', { name: 'New chat', exact: true }).click();
    await a.page.getByRole('checkbox', { name: /Bob/ }).check();
    await a.page.getByRole('checkbox', { name: /Carol/ }).check();
    // Two people make a group: it needs a name.
    expect(await a.page.getByRole('checkbox', { name: 'Create a group' }).isChecked()).toBe(true);
    await a.page.getByLabel('Group name').fill('Launch plan');
    await a.page.getByLabel('First message (optional)').fill('Welcome, both of you');
    await screenshot(a.page, 'new-group');
    await a.page.getByRole('button', { name: 'Create group' }).click();
    await a.page.waitForURL(/\/rooms\/[0-9a-f-]{36}$/);
    const roomId = a.page.url().split('/').at(-1)!;
    await a.page.getByRole('heading', { name: 'Launch plan', level: 1 }).waitFor();
    await a.page.getByText('Group · 3 members').waitFor();
    await messageItem(a.page, 'Welcome, both of you').waitFor();
    await roomLink(a.page, /Launch plan/).waitFor();

    // Carol sees the new group in her list, live.
    await roomLink(c.page, /Launch plan/).waitFor();
    await roomLink(c.page, /Launch plan/).click();
    await messageItem(c.page, 'Welcome, both of you').waitFor();

    // Rename from the group settings.
    await a.page.getByRole('link', { name: 'Group settings' }).click();
    await a.page.waitForURL(`**/rooms/${roomId}/settings`);
    await a.page.getByLabel('Group name').fill('Launch plan v2');
    await a.page.getByRole('button', { name: 'Rename' }).click();
    await a.page.getByText('Group renamed').waitFor();
    // Carol, in the conversation: new title in the header and the list, and the system message.
    await c.page.getByRole('heading', { name: 'Launch plan v2', level: 1 }).waitFor();
    await roomLink(c.page, /Launch plan v2/).waitFor();
    await messageItem(c.page, /renamed/).waitFor();

    // Remove Bob.
    const members = a.page.getByRole('list', { name: 'Members' });
    await members.getByRole('listitem').filter({ hasText: 'Bob' }).waitFor();
    await a.page.getByRole('button', { name: 'Remove Bob' }).click();
    await members.getByRole('listitem').filter({ hasText: 'Bob' }).waitFor({ state: 'detached' });
    await a.page.getByRole('heading', { name: 'Members (2)' }).waitFor();
    await screenshot(a.page, 'group-settings');
    await messageItem(c.page, /removed/).waitFor();
    await c.page.getByText('Group · 2 members').waitFor();

    // Add Bob back from the contacts not yet in the group.
    await a.page.getByRole('checkbox', { name: /Bob/ }).check();
    await a.page.getByRole('button', { name: 'Add to group' }).click();
    await members.getByRole('listitem').filter({ hasText: 'Bob' }).waitFor();
    await a.page.getByRole('heading', { name: 'Members (3)' }).waitFor();
    await c.page.getByText('Group · 3 members').waitFor();
    await messageItem(c.page, 'Alice added Bob').waitFor();

    // Carol leaves: back to her list, without the room.
    await c.page.getByRole('link', { name: 'Group settings' }).click();
    // Members cannot rename or remove.
    await c.page.getByRole('button', { name: 'Leave group' }).waitFor();
    expect(await c.page.getByRole('button', { name: 'Rename' }).count()).toBe(0);
    await c.page.getByRole('button', { name: 'Leave group' }).click();
    await c.page.waitForURL(/\/rooms$/);
    await roomLink(c.page, /Launch plan/).waitFor({ state: 'detached' });
    // Alice, back in the conversation, sees that Carol left.
    await a.page.getByRole('link', { name: '← Launch plan v2' }).click();
    await messageItem(a.page, 'Carol left').waitFor();

    expect(a.pageErrors).toEqual([]);
    expect(c.pageErrors).toEqual([]);
    await a.context.close();
    await c.context.close();
  });

  test('a reply quote follows its original live: edited, then deleted, on both screens', async () => {
    const [alice, bob] = await Promise.all([person(t, 'Alice'), person(t, 'Bob')]);
    await makeContacts(t, alice, bob);
    const room = await openDm(t, alice, bob);
    const original = await send(t, alice, room.id, 'Lunch at noon');
    await send(t, bob, room.id, 'Noon works', { replyToId: original.id });
    const a = await newPage(browser, { baseURL: t.url });
    const b = await newPage(browser, { baseURL: t.url });
    await signIn(a.page, alice.username, alice.password);
    await signIn(b.page, bob.username, bob.password);
    await a.page.goto(`/rooms/${room.id}`);
    await b.page.goto(`/rooms/${room.id}`);
    const quote = (page: Page) => messageWithBody(page, 'Noon works').locator('.reply-quote');
    await quote(a.page).getByText('Lunch at noon').waitFor();
    await quote(b.page).getByText('Lunch at noon').waitFor();

    // Alice edits the original on screen: both quotes follow (her answer, his live event).
    const editBox = await openEdit(a.page, messageWithBody(a.page, 'Lunch at noon'));
    await editBox.fill('Lunch at one');
    await editBox.press('Enter');
    await messageWithBody(b.page, 'Lunch at one').getByText('(edited)').waitFor();
    await quote(a.page).getByText('Lunch at one').waitFor();
    await quote(b.page).getByText('Lunch at one').waitFor();

    // Deleted from another device: both quotes say so, without a reload.
    await t.ok(DELETE, { id: original.id }, alice.accessToken);
    await quote(a.page).getByText('Message deleted').waitFor();
    await quote(b.page).getByText('Message deleted').waitFor();
    expect(await quote(b.page).innerText()).not.toContain('Lunch');
    await screenshot(b.page, 'conversation-reply-to-deleted');

    expect(a.pageErrors).toEqual([]);
    expect(b.pageErrors).toEqual([]);
    await a.context.close();
    await b.context.close();
  });

  test('a mention at the end of a sentence is highlighted; saving an unchanged edit does not mark it edited', async () => {
    const [alice, bob] = await Promise.all([person(t, 'Alice'), person(t, 'Bob')]);
    await makeContacts(t, alice, bob);
    const room = await openDm(t, alice, bob);
    const a = await newPage(browser, { baseURL: t.url });
    const b = await newPage(browser, { baseURL: t.url });
    const edits: string[] = [];
    a.page.on('request', (request) => {
      if (graphqlOperation(request) === 'EditMessage') edits.push(request.postData() ?? '');
    });
    await signIn(a.page, alice.username, alice.password);
    await signIn(b.page, bob.username, bob.password);
    await a.page.goto(`/rooms/${room.id}`);
    await b.page.goto(`/rooms/${room.id}`);

    // The server takes a trailing dot as punctuation (the mention is @bob_…): so does the highlight.
    await sendMessage(a.page, `See you there @${bob.username}. Bring @${bob.username}'s notes`);
    const sent = messageItem(b.page, 'See you there');
    await sent.waitFor();
    await sent.and(b.page.locator('.mentions-me')).waitFor();
    expect(await sent.locator('mark.mention-me').allInnerTexts()).toEqual([
      `@${bob.username}`,
      `@${bob.username}`,
    ]);
    expect(await sent.locator('.message-body').innerText()).toBe(
      `See you there @${bob.username}. Bring @${bob.username}'s notes`,
    );

    // Alice opens the edit box and presses Enter without changing anything: nothing is saved.
    const unchanged = await openEdit(a.page, await sentItem(a.page, 'See you there'));
    await unchanged.press('Enter');
    await unchanged.waitFor({ state: 'detached' });
    // A real edit afterwards is saved (and is the only one sent).
    await sendMessage(a.page, 'Second one');
    const editBox = await openEdit(a.page, await sentItem(a.page, 'Second one'));
    // Emptied: not saved, and it says why (before, Enter did nothing at all).
    await editBox.fill('   ');
    await editBox.press('Enter');
    await a.page.getByRole('alert').filter({ hasText: 'a message needs some text' }).waitFor();
    await editBox.fill('Second one, edited');
    expect(await a.page.getByRole('alert').filter({ hasText: 'a message needs some text' }).count()).toBe(0);
    await editBox.press('Enter');
    await messageItem(b.page, 'Second one, edited').getByText('(edited)').waitFor();
    expect(edits).toHaveLength(1);
    expect(await messageItem(b.page, 'See you there').getByText('(edited)').count()).toBe(0);
    expect(await messageItem(a.page, 'See you there').getByText('(edited)').count()).toBe(0);

    expect(a.pageErrors).toEqual([]);
    expect(b.pageErrors).toEqual([]);
    await a.context.close();
    await b.context.close();
  });

  test("a group's owner can delete anyone's message there; other members only their own", async () => {
    const [alice, bob, carol] = await Promise.all([person(t, 'Alice'), person(t, 'Bob'), person(t, 'Carol')]);
    const room = await createGroup(t, alice, [bob, carol], 'Moderated');
    await send(t, bob, room.id, 'Buy cheap watches');
    const a = await newPage(browser, { baseURL: t.url });
    const c = await newPage(browser, { baseURL: t.url });
    await signIn(a.page, alice.username, alice.password);
    await signIn(c.page, carol.username, carol.password);
    await a.page.goto(`/rooms/${room.id}`);
    await c.page.goto(`/rooms/${room.id}`);

    // Carol, a member, can reply to Bob's message but not delete it.
    const spamForCarol = messageItem(c.page, 'Buy cheap watches');
    await spamForCarol.hover();
    await spamForCarol.getByRole('button', { name: 'Reply' }).waitFor();
    expect(await spamForCarol.getByRole('button', { name: 'Delete' }).count()).toBe(0);

    // Alice, the owner, can delete it (not edit it); Carol sees it go live.
    const spam = messageItem(a.page, 'Buy cheap watches');
    await spam.hover();
    expect(await spam.getByRole('button', { name: 'Edit' }).count()).toBe(0);
    await spam.getByRole('button', { name: 'Delete' }).click();
    await a.page.getByText('Delete this message?').waitFor();
    await spam.getByRole('button', { name: 'Delete' }).click();
    await messageLog(a.page).getByText('Message deleted').waitFor();
    await messageLog(c.page).getByText('Message deleted').waitFor();
    expect(await messageLog(c.page).getByText('Buy cheap watches').count()).toBe(0);

    expect(a.pageErrors).toEqual([]);
    expect(c.pageErrors).toEqual([]);
    await a.context.close();
    await c.context.close();
  });

  test('a half-written message waits in its room while the viewer looks at another one', async () => {
    const [alice, bob, carol] = await Promise.all([person(t, 'Alice'), person(t, 'Bob'), person(t, 'Carol')]);
    const withBob = await openDm(t, alice, bob);
    const withCarol = await openDm(t, alice, carol);
    await send(t, bob, withBob.id, 'Are you coming?');
    await send(t, carol, withCarol.id, 'Lunch?');
    const a = await newPage(browser, { baseURL: t.url });
    await signIn(a.page, alice.username, alice.password);
    const box = a.page.getByRole('textbox', { name: 'Message', exact: true });

    await roomLink(a.page, /Bob/).click();
    await messageItem(a.page, 'Are you coming?').waitFor();
    await box.fill('Yes, I will be there at');
    // Over to Carol's room: her composer starts empty, and what is typed there stays there.
    await roomLink(a.page, /Carol/).click();
    await messageItem(a.page, 'Lunch?').waitFor();
    expect(await box.inputValue()).toBe('');
    await box.fill('Sure, where?');
    // Back to Bob: the draft is there; sending it empties the box for good.
    await roomLink(a.page, /Bob/).click();
    await messageItem(a.page, 'Are you coming?').waitFor();
    expect(await box.inputValue()).toBe('Yes, I will be there at');
    await box.focus();
    await box.press('Control+End');
    await box.pressSequentially(' six');
    await box.press('Enter');
    await messageItem(a.page, 'Yes, I will be there at six')
      .and(a.page.locator('[data-status="sent"]'))
      .waitFor();
    await roomLink(a.page, /Carol/).click();
    await messageItem(a.page, 'Lunch?').waitFor();
    expect(await box.inputValue()).toBe('Sure, where?');
    await roomLink(a.page, /Bob/).click();
    await messageItem(a.page, 'Are you coming?').waitFor();
    expect(await box.inputValue()).toBe('');

    expect(a.pageErrors).toEqual([]);
    await a.context.close();
  });

  test('removed from a group while it is open, then added back: the conversation comes back to life', async () => {
    const [alice, bob, carol] = await Promise.all([person(t, 'Alice'), person(t, 'Bob'), person(t, 'Carol')]);
    await Promise.all([makeContacts(t, alice, bob), makeContacts(t, alice, carol)]);
    const room = await createGroup(t, alice, [bob, carol], 'Comeback', 'Hello group');
    const c = await newPage(browser, { baseURL: t.url });
    await signIn(c.page, carol.username, carol.password);
    await roomLink(c.page, /Comeback/).click();
    await c.page.waitForURL(`**/rooms/${room.id}`);
    await messageItem(c.page, 'Hello group').waitFor();

    await t.ok(REMOVE_MEMBER, { r: room.id, u: carol.id }, alice.accessToken);
    const notice = c.page.getByText('You are no longer a member of this conversation.');
    await notice.waitFor();
    await roomLink(c.page, /Comeback/).waitFor({ state: 'detached' });
    const composer = c.page.getByRole('textbox', { name: 'Message', exact: true });
    expect(await composer.count()).toBe(0);
    // The header no longer offers her the group's settings, nor a member count she cannot follow.
    const subtitle = c.page.locator('.conversation-subtitle');
    expect(await subtitle.innerText()).toBe('Group · you are no longer a member');
    expect(await c.page.getByRole('link', { name: 'Group settings' }).count()).toBe(0);

    // Added back, and someone writes: the open conversation is live again, with a composer.
    await t.ok(ADD_MEMBERS, { r: room.id, u: [carol.id] }, alice.accessToken);
    await send(t, alice, room.id, 'Welcome back Carol');
    await messageItem(c.page, 'Welcome back Carol').waitFor();
    await notice.waitFor({ state: 'detached' });
    await c.page.getByRole('link', { name: 'Group settings' }).waitFor();
    expect(await subtitle.innerText()).toBe('Group · 3 members');
    await roomLink(c.page, /Comeback/).waitFor();
    // Read where she is looking: no unread badge.
    await roomLink(c.page, /Comeback/)
      .getByTestId('unread-badge')
      .waitFor({ state: 'detached' });
    await sendMessage(c.page, 'Glad to be back');
    await messageItem(c.page, 'Glad to be back').and(c.page.locator('[data-status="sent"]')).waitFor();
    await send(t, alice, room.id, 'Still live');
    await messageItem(c.page, 'Still live').waitFor();
    const history = await t.ok(HISTORY, { r: room.id, last: 2 }, alice.accessToken);
    expect(history.messages.edges.map((e: { node: { body: string } }) => e.node.body)).toEqual([
      'Glad to be back',
      'Still live',
    ]);
    await screenshot(c.page, 'conversation-rejoined');

    // Removed again, and the page reloaded: not found. Added back: it opens by itself.
    await t.ok(REMOVE_MEMBER, { r: room.id, u: carol.id }, alice.accessToken);
    await notice.waitFor();
    await c.page.reload();
    await c.page.getByRole('heading', { name: 'Conversation not found' }).waitFor();
    await c.page.locator('[data-connection="connected"]').waitFor();
    await t.ok(ADD_MEMBERS, { r: room.id, u: [carol.id] }, alice.accessToken);
    await composer.waitFor();
    await c.page.getByRole('heading', { name: 'Conversation not found' }).waitFor({ state: 'detached' });
    await send(t, alice, room.id, 'Back once more');
    await messageItem(c.page, 'Back once more').waitFor();

    expect(c.pageErrors).toEqual([]);
    await c.context.close();
  });

  test('a list longer than a page: "Show more conversations" loads the rest, each room once', async () => {
    const dana = await person(t, 'Dana');
    // 102 groups, one after the other: "Project 102" is the most recent, "Project 001" the oldest.
    for (let i = 1; i <= 102; i++) await createGroup(t, dana, [], `Project ${String(i).padStart(3, '0')}`);
    const d = await newPage(browser, { baseURL: t.url });
    await signIn(d.page, dana.username, dana.password);
    const links = roomList(d.page).getByRole('link');
    await roomLink(d.page, 'Project 102').waitFor();
    // The first page: the 100 most recent.
    await waitUntil('the first page is listed', async () => (await links.count()) === 100);
    expect(await roomLink(d.page, 'Project 003').count()).toBe(1);
    expect(await roomLink(d.page, 'Project 002').count()).toBe(0);
    const more = d.page.getByRole('button', { name: 'Show more conversations' });
    await more.click();
    await roomLink(d.page, 'Project 001').waitFor();
    await waitUntil('the second page is listed', async () => (await links.count()) === 102);
    await more.waitFor({ state: 'detached' });
    // The oldest opens like any other, and a message there moves it to the top, still listed once.
    await roomLink(d.page, 'Project 001').click();
    await d.page.getByRole('heading', { name: 'Project 001', level: 1 }).waitFor();
    await sendMessage(d.page, 'Back to the first project');
    await waitUntil(
      'Project 001 moves to the top',
      async () => (await links.first().textContent())?.includes('Project 001') === true,
    );
    expect(await links.count()).toBe(102);
    expect(await roomLink(d.page, 'Project 001').count()).toBe(1);

    expect(d.pageErrors).toEqual([]);
    await d.context.close();
  });
});
