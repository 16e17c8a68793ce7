import { createRequire } from 'node:module';
import type { Browser, Locator, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { createTestApp, type TestApp } from '../../server/test/helpers/app.ts';
import {
  BLOCKED,
  CONTACTS,
  insertContacts,
  REMOVE,
  RESPOND,
  SEND,
} from '../../server/test/helpers/contacts.ts';
import { makePng, upload } from '../../server/test/helpers/files.ts';
import { registerUser, type TestUser } from '../../server/test/helpers/users.ts';
import {
  countOperations,
  graphqlOperation,
  launchBrowser,
  newPage,
  screenshot,
  signIn,
  switchableSocket,
  waitUntil,
} from './helpers/browser.ts';

const chromiumPath = inject('chromiumPath');
const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** The list inside the card with this heading (e.g. "Your contacts"). */
function section(page: Page, heading: string) {
  return page.getByRole('region', { name: heading });
}

/** Whether the element has keyboard focus. */
const hasFocus = (locator: Locator) => locator.evaluate((el) => el === document.activeElement);

/** Whether keyboard focus is on the element or inside it. */
const hasFocusWithin = (locator: Locator) => locator.evaluate((el) => el.contains(document.activeElement));

async function openContacts(page: Page) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Contacts' }).click();
  await page.waitForURL('**/contacts');
  await page.getByRole('heading', { name: 'Your contacts' }).waitFor();
}

describe.skipIf(!chromiumPath)('contacts in the browser', () => {
  let t: TestApp;
  let browser: Browser;
  beforeAll(async () => {
    [t, browser] = await Promise.all([createTestApp(), launchBrowser(chromiumPath)]);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  /** Ids of `user`'s contacts, from the API. */
  async function contactIds(user: TestUser): Promise<string[]> {
    const data = await t.ok<{ contacts: { edges: { node: { id: string } }[] } }>(
      CONTACTS,
      {},
      user.accessToken,
    );
    return data.contacts.edges.map((e) => e.node.id);
  }

  /** Ids of the people `user` blocked, from the API. */
  async function blockedIds(user: TestUser): Promise<string[]> {
    const data = await t.ok<{ blockedUsers: { id: string }[] }>(BLOCKED, {}, user.accessToken);
    return data.blockedUsers.map((u) => u.id);
  }

  test('A finds B and asks; B sees the bell rise live and accepts; A sees B as a contact live', async () => {
    const ada = await registerUser(t, { username: 'ada', displayName: 'Ada Lovelace' });
    const bob = await registerUser(t, { username: 'bob.babbage', displayName: 'Bob Babbage' });
    const a = await newPage(browser, { baseURL: t.url });
    const b = await newPage(browser, { baseURL: t.url });
    await Promise.all([
      signIn(a.page, ada.username, ada.password),
      signIn(b.page, bob.username, bob.password),
    ]);
    const bobBell = b.page.getByTestId('notification-bell');
    await b.page.locator('[data-connection="connected"]').waitFor();
    expect(await bobBell.getAttribute('aria-label')).toBe('Notifications, none unread');

    // A searches (debounced) and sends a request.
    await openContacts(a.page);
    await a.page.getByLabel('Search people').fill('bob');
    const results = a.page.getByRole('list', { name: 'Search results' });
    await results.getByText('Bob Babbage').waitFor();
    await screenshot(a.page, 'contacts-search');
    await a.page.getByRole('button', { name: 'Add Bob Babbage as a contact' }).click();
    await a.page.getByText('Friend request sent to Bob Babbage').waitFor();
    await results.getByText('Request sent').waitFor();
    await section(a.page, 'Sent requests')
      .getByRole('button', { name: 'Cancel request to Bob Babbage' })
      .waitFor();

    // B's bell goes up without a reload, and the request waits on /contacts.
    await b.page.getByRole('link', { name: 'Notifications, 1 unread' }).waitFor();
    expect(await b.page.getByTestId('unread-count').textContent()).toBe('1');
    await openContacts(b.page);
    const requests = section(b.page, 'Requests for you');
    await requests.getByText('Ada Lovelace').waitFor();
    await screenshot(b.page, 'contacts-requests');
    await requests.getByRole('button', { name: 'Accept request from Ada Lovelace' }).click();
    await b.page.getByText('Ada Lovelace is now a contact').waitFor();
    // The focused button went away with its row: focus moved to the announcement, not to <body>.
    expect(await b.page.evaluate(() => document.activeElement?.textContent)).toBe(
      'Ada Lovelace is now a contact',
    );
    await section(b.page, 'Your contacts').getByRole('listitem', { name: 'Ada Lovelace' }).waitFor();
    await requests.waitFor({ state: 'detached' });

    // A's page follows live: B moves from "Sent requests" to "Your contacts"; A is told.
    await section(a.page, 'Your contacts').getByRole('listitem', { name: 'Bob Babbage' }).waitFor();
    await section(a.page, 'Sent requests').waitFor({ state: 'detached' });
    await a.page.getByRole('link', { name: 'Notifications, 1 unread' }).waitFor();
    // The open search result follows too (the same normalized user).
    await results.getByText('Contact', { exact: true }).waitFor();
    await a.page.getByLabel('Search people').fill('');
    await screenshot(a.page, 'contacts');

    // "Message" opens (creates) the direct room and goes there.
    await section(a.page, 'Your contacts').getByRole('button', { name: 'Message Bob Babbage' }).click();
    await a.page.waitForURL(/\/rooms\/[0-9a-f-]{36}$/);
    const roomId = a.page.url().split('/').pop();
    const rooms = await t.ok<{ rooms: { edges: { node: { id: string } }[] } }>(
      '{ rooms { edges { node { id } } } }',
      {},
      ada.accessToken,
    );
    expect(rooms.rooms.edges.map((e) => e.node.id)).toContain(roomId);

    expect(a.pageErrors).toEqual([]);
    expect(b.pageErrors).toEqual([]);
    await a.context.close();
    await b.context.close();
  });

  test('a request sent after the page loaded, before the live connection, shows once it connects', async () => {
    const cy = await registerUser(t, { displayName: 'Cy Connecting' });
    const dee = await registerUser(t, { displayName: 'Dee Early' });
    const { context, page, pageErrors } = await newPage(browser, { baseURL: t.url });
    // No live connection until the page is on screen and Dee has asked.
    const socket = await switchableSocket(page, { refuse: true });
    await signIn(page, cy.username, cy.password);
    await openContacts(page);
    expect(await section(page, 'Requests for you').count()).toBe(0);
    expect(await page.locator('[data-connection="connected"]').count()).toBe(0);

    await t.ok(SEND, { id: cy.id }, dee.accessToken);
    socket.refuse = false;
    await page.locator('[data-connection="connected"]').waitFor({ timeout: 20_000 });
    await section(page, 'Requests for you').getByText('Dee Early').waitFor();
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  test('declines, cancels, removes, blocks and unblocks, following changes made elsewhere', async () => {
    const grace = await registerUser(t, { username: 'grace', displayName: 'Grace Hopper' });
    const carl = await registerUser(t, { username: 'carl', displayName: 'Carl Friedrich' });
    const dina = await registerUser(t, { username: 'dina', displayName: 'Dina Dorn' });
    const { context, page, pageErrors } = await newPage(browser, { baseURL: t.url });
    await signIn(page, grace.username, grace.password);
    await openContacts(page);
    await page.getByText('No contacts yet').waitFor();

    // A request arrives while the page is open; decline it.
    await t.ok(SEND, { id: grace.id }, carl.accessToken);
    const requests = section(page, 'Requests for you');
    await requests.getByRole('button', { name: 'Decline request from Carl Friedrich' }).click();
    await page.getByText('Declined the request from Carl Friedrich').waitFor();
    await requests.waitFor({ state: 'detached' });

    // Ask Dina, then withdraw it.
    await page.getByLabel('Search people').fill('din');
    await page.getByRole('button', { name: 'Add Dina Dorn as a contact' }).click();
    await section(page, 'Sent requests').getByRole('button', { name: 'Cancel request to Dina Dorn' }).click();
    await page.getByText('Cancelled the request to Dina Dorn').waitFor();
    await section(page, 'Sent requests').waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Add Dina Dorn as a contact' }).waitFor();
    const pending = await t.ok<{ friendRequests: { edges: unknown[] } }>(
      '{ friendRequests(direction: INCOMING) { edges { node { id } } } }',
      {},
      dina.accessToken,
    );
    expect(pending.friendRequests.edges).toHaveLength(0);

    // Carl and Grace become contacts elsewhere (Carl asks, Grace accepts on another device).
    const sent = await t.ok<{ sendFriendRequest: { request: { id: string } } }>(
      SEND,
      { id: grace.id },
      carl.accessToken,
    );
    await t.ok(RESPOND, { id: sent.sendFriendRequest.request.id, accept: true }, grace.accessToken);
    const contacts = section(page, 'Your contacts');
    await contacts.getByRole('listitem', { name: 'Carl Friedrich' }).waitFor();

    // Remove asks first; Cancel leaves Carl a contact and puts focus back on the button.
    const ops = countOperations(page);
    const remove = contacts.getByRole('button', { name: 'Remove Carl Friedrich', exact: true });
    await remove.click();
    const removeStep = page.getByRole('group', { name: 'Remove Carl Friedrich from your contacts?' });
    await removeStep.waitFor();
    expect(await hasFocusWithin(removeStep)).toBe(true);
    await removeStep.getByText("You'll be removed from their contacts too.").waitFor();
    await removeStep.getByRole('button', { name: 'Yes, remove Carl Friedrich' }).waitFor();
    await removeStep.getByRole('button', { name: 'Cancel', exact: true }).click();
    await removeStep.waitFor({ state: 'detached' });
    expect(await hasFocus(remove)).toBe(true);
    await contacts.getByRole('listitem', { name: 'Carl Friedrich' }).waitFor();
    expect(await contactIds(grace)).toEqual([carl.id]);
    expect(ops.get('RemoveContact')).toBeUndefined();

    // Confirmed, Carl is removed (on both sides).
    await remove.click();
    await removeStep.getByRole('button', { name: 'Yes, remove Carl Friedrich' }).click();
    await page.getByText('Removed Carl Friedrich from your contacts').waitFor();
    await page.getByText('No contacts yet').waitFor();
    expect(ops.get('RemoveContact')).toBe(1);
    expect(await contactIds(grace)).toEqual([]);
    expect(await contactIds(carl)).toEqual([]);

    // Dina becomes a contact again; Block asks first, saying what blocking does.
    await page.getByLabel('Search people').fill('dina');
    await page.getByRole('button', { name: 'Add Dina Dorn as a contact' }).waitFor();
    const again = await t.ok<{ sendFriendRequest: { request: { id: string } } }>(
      SEND,
      { id: grace.id },
      dina.accessToken,
    );
    await t.ok(RESPOND, { id: again.sendFriendRequest.request.id, accept: true }, grace.accessToken);
    const block = contacts.getByRole('button', { name: 'Block Dina Dorn', exact: true });
    const blockStep = page.getByRole('group', { name: 'Block Dina Dorn?' });
    // Both live events (her request, its acceptance) land first: a row redrawn by the later one
    // would close a step opened in between.
    await section(page, 'Requests for you').waitFor({ state: 'detached' });
    await block.click();
    await blockStep.waitFor();
    expect(await hasFocusWithin(blockStep)).toBe(true);
    await blockStep.getByText('Neither of you will be able to message the other directly').waitFor();
    await screenshot(page, 'contacts-confirm-block');
    // Cancel: still a contact, not blocked; focus back on Block.
    await blockStep.getByRole('button', { name: 'Cancel', exact: true }).click();
    await blockStep.waitFor({ state: 'detached' });
    expect(await hasFocus(block)).toBe(true);
    await contacts.getByRole('listitem', { name: 'Dina Dorn' }).waitFor();
    expect(await section(page, 'Blocked').count()).toBe(0);
    // Escape cancels too.
    await block.click();
    await blockStep.waitFor();
    await page.keyboard.press('Escape');
    await blockStep.waitFor({ state: 'detached' });
    expect(await hasFocus(block)).toBe(true);
    expect(ops.get('BlockUser')).toBeUndefined();
    expect(await blockedIds(grace)).toEqual([]);
    expect(await contactIds(grace)).toEqual([dina.id]);

    // Confirmed: Dina moves to "Blocked".
    await block.click();
    await blockStep.getByRole('button', { name: 'Yes, block Dina Dorn' }).click();
    await page.getByText('Blocked Dina Dorn').waitFor();
    const blocked = section(page, 'Blocked');
    await blocked.getByRole('listitem', { name: 'Dina Dorn' }).waitFor();
    await page.getByText('No contacts yet').waitFor();
    expect(ops.get('BlockUser')).toBe(1);
    expect(await blockedIds(grace)).toEqual([dina.id]);
    // Dina cannot ask again.
    const refused = await t.gql(SEND, { id: grace.id }, dina.accessToken);
    expect(refused.errors?.[0]?.extensions.code).toBeTruthy();
    await screenshot(page, 'contacts-blocked');

    await blocked.getByRole('button', { name: 'Unblock Dina Dorn' }).click();
    await page.getByText('Unblocked Dina Dorn').waitFor();
    await blocked.waitFor({ state: 'detached' });
    expect(pageErrors).toEqual([]);
    await context.close();
  });
  test('a contact row shows the first letter whole (an emoji too) and the uploaded picture', async () => {
    const zoe = await registerUser(t, { username: 'zoe', displayName: 'Zoe Zed' });
    const smiley = await registerUser(t, { username: 'smiley', displayName: '😀 Smiley' });
    const eve = await registerUser(t, { username: 'eve.pic', displayName: 'Eve Pictured' });
    const picture = await upload(t, eve.accessToken, { filename: 'eve.png', data: await makePng(96, 96) });
    expect(picture.status).toBe(201);
    await t.ok(
      'mutation($input: UpdateProfileInput!) { updateProfile(input: $input) { id } }',
      { input: { avatarId: picture.body.id } },
      eve.accessToken,
    );
    for (const other of [smiley, eve]) {
      const sent = await t.ok<{ sendFriendRequest: { request: { id: string } } }>(
        SEND,
        { id: zoe.id },
        other.accessToken,
      );
      await t.ok(RESPOND, { id: sent.sendFriendRequest.request.id, accept: true }, zoe.accessToken);
    }
    const { context, page, pageErrors } = await newPage(browser, { baseURL: t.url });
    await signIn(page, zoe.username, zoe.password);
    await openContacts(page);
    const contacts = section(page, 'Your contacts');
    const smileyRow = contacts.getByRole('listitem', { name: '😀 Smiley' });
    await smileyRow.waitFor();
    // The whole emoji, not half of its surrogate pair ("\uFFFD" once rendered).
    expect(await smileyRow.locator('.avatar').innerText()).toBe('😀');
    // Eve's picture, as the sidebar shows it, instead of her initial.
    const eveRow = contacts.getByRole('listitem', { name: 'Eve Pictured' });
    const img = eveRow.locator('.avatar img');
    await img.waitFor();
    await waitUntil('her picture loaded', () => img.evaluate((el: HTMLImageElement) => el.complete));
    expect(await img.evaluate((el: HTMLImageElement) => el.naturalWidth)).toBeGreaterThan(0);
    expect(await img.getAttribute('src')).toContain(picture.body.id);
    await screenshot(page, 'contacts-avatars');
    expect(pageErrors).toEqual([]);
    await context.close();
  });
  test('at 390 px the confirm step fits beside the longest name, and Cancel changes nothing', async () => {
    const longName = `Bartholomew${'x'.repeat(69)}`; // 80 characters, the longest display name
    const nell = await registerUser(t, { username: 'nell', displayName: 'Nell Narrow' });
    const bart = await registerUser(t, { username: 'bart', displayName: longName });
    const sent = await t.ok<{ sendFriendRequest: { request: { id: string } } }>(
      SEND,
      { id: nell.id },
      bart.accessToken,
    );
    await t.ok(RESPOND, { id: sent.sendFriendRequest.request.id, accept: true }, nell.accessToken);
    const { context, page, pageErrors } = await newPage(browser, {
      baseURL: t.url,
      viewport: { width: 390, height: 844 },
    });
    await signIn(page, nell.username, nell.password);
    await page.goto('/contacts');
    const contacts = section(page, 'Your contacts');
    const block = contacts.getByRole('button', { name: `Block ${longName}`, exact: true });
    await block.click();
    const step = page.getByRole('group', { name: `Block ${longName}?` });
    await step.waitFor();
    expect(await hasFocusWithin(step)).toBe(true);
    const confirm = step.getByRole('button', { name: `Yes, block ${longName}` });
    const cancel = step.getByRole('button', { name: 'Cancel', exact: true });
    // Nothing wider than the screen; both buttons whole, on screen.
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
    ).toBe(0);
    for (const box of [await step.boundingBox(), await confirm.boundingBox(), await cancel.boundingBox()]) {
      if (!box) throw new Error('not on screen');
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(390);
    }
    await screenshot(page, 'narrow-contacts-confirm-block');
    // No serious or critical axe-core findings in the step (names, roles, contrast).
    await page.addScriptTag({ path: AXE_PATH });
    const violations = await step.evaluate(async (el) => {
      // biome-ignore lint/suspicious/noExplicitAny: axe is injected above, untyped in the page
      const result = await (window as any).axe.run(el, { resultTypes: ['violations'] });
      return (result.violations as { id: string; impact: string | null }[])
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => v.id);
    });
    expect(violations).toEqual([]);
    await cancel.click();
    await step.waitFor({ state: 'detached' });
    expect(await hasFocus(block)).toBe(true);
    await contacts.getByRole('listitem', { name: longName }).waitFor();
    expect(await blockedIds(nell)).toEqual([]);
    expect(await contactIds(nell)).toEqual([bart.id]);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  /** `count` contacts of `user` named "<prefix> 001", "<prefix> 002"…, in that (display name) order. */
  function seedContacts(user: TestUser, prefix: string, count: number): Promise<string[]> {
    return insertContacts(
      t,
      user.id,
      Array.from({ length: count }, (_, i) => {
        const n = String(i + 1).padStart(3, '0');
        return { username: `${prefix.toLowerCase()}${n}`, displayName: `${prefix} ${n}` };
      }),
    );
  }

  test('pages loaded with "Show more" stay through changes made live, elsewhere or here', async () => {
    const mo = await registerUser(t, { username: 'mo.many', displayName: 'Mo Many' });
    const pals = await seedContacts(mo, 'Pal', 60);
    // Sorts between Pal 030 and Pal 031; Mo asked them, they accept once the page is open.
    const quinn = await registerUser(t, { username: 'quinn', displayName: 'Pal 030a' });
    const asked = await t.ok<{ sendFriendRequest: { request: { id: string } } }>(
      SEND,
      { id: quinn.id },
      mo.accessToken,
    );
    const { context, page, pageErrors } = await newPage(browser, { baseURL: t.url });
    const ops = countOperations(page);
    await signIn(page, mo.username, mo.password);
    await page.locator('[data-connection="connected"]').waitFor();
    await openContacts(page);
    const contacts = section(page, 'Your contacts');
    const names = () => contacts.locator('.person-name').allTextContents();
    await contacts.getByRole('listitem', { name: 'Pal 050' }).waitFor();
    expect(await names()).toHaveLength(50);
    await page.getByRole('button', { name: 'Show more contacts' }).click();
    await contacts.getByRole('listitem', { name: 'Pal 060' }).waitFor();
    expect(await names()).toHaveLength(60);
    const listFetches = ops.get('ContactsPageContacts');

    // Quinn accepts elsewhere: they join in name order, and the second page stays.
    await t.ok(RESPOND, { id: asked.sendFriendRequest.request.id, accept: true }, quinn.accessToken);
    await contacts.getByRole('listitem', { name: 'Pal 030a' }).waitFor();
    await section(page, 'Sent requests').waitFor({ state: 'detached' });
    const withQuinn = await names();
    expect(withQuinn).toHaveLength(61);
    expect(withQuinn.slice(29, 32)).toEqual(['Pal 030', 'Pal 030a', 'Pal 031']);
    expect(withQuinn.at(-1)).toBe('Pal 060');

    // Mo removes Pal 055 on another device: that row goes, the rest stay.
    await t.ok(REMOVE, { id: pals[54] }, mo.accessToken);
    await contacts.getByRole('listitem', { name: 'Pal 055' }).waitFor({ state: 'detached' });
    expect(await names()).toHaveLength(60);

    // And removing one here (from the second page) keeps the others too.
    await contacts.getByRole('button', { name: 'Remove Pal 058', exact: true }).click();
    await page.getByRole('button', { name: 'Yes, remove Pal 058' }).click();
    await page.getByText('Removed Pal 058 from your contacts').waitFor();
    await contacts.getByRole('listitem', { name: 'Pal 058' }).waitFor({ state: 'detached' });
    const left = await names();
    expect(left).toHaveLength(59);
    expect(left.at(-1)).toBe('Pal 060');
    expect(left).toEqual([...left].sort());
    // Updated in place: the list was never fetched again.
    expect(ops.get('ContactsPageContacts')).toBe(listFetches);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  test('the count says "or more" until every contact is loaded; a failed "Show more" says so and retries', async () => {
    const kit = await registerUser(t, { username: 'kit', displayName: 'Kit Counter' });
    await seedContacts(kit, 'Bud', 55);
    const { context, page, pageErrors } = await newPage(browser, { baseURL: t.url });
    await signIn(page, kit.username, kit.password);
    await openContacts(page);
    const contacts = section(page, 'Your contacts');
    await contacts.getByRole('listitem', { name: 'Bud 050' }).waitFor();
    // 50 are loaded, more exist, and the API has no total: "50 or more", not "50".
    await page.getByRole('heading', { name: 'Your contacts 50 or more', exact: true }).waitFor();

    // The next page fails: an alert says so (no unhandled rejection) and offers to try again.
    let failing = true;
    await page.route('**/graphql', async (route: Route) => {
      const request = route.request();
      const paging =
        graphqlOperation(request) === 'ContactsPageContacts' && request.postData()?.includes('"after"');
      if (failing && paging)
        return route.fulfill({ status: 503, contentType: 'text/plain', body: 'Unavailable' });
      return route.fallback();
    });
    const showMore = page.getByRole('button', { name: 'Show more contacts' });
    await showMore.focus();
    await showMore.press('Enter');
    const alert = page.getByRole('alert').filter({ hasText: 'More contacts could not be loaded.' });
    await alert.waitFor();
    await screenshot(page, 'contacts-show-more-failed');
    expect(await contacts.locator('.person-name').count()).toBe(50);
    // Focus stays on the button, which now offers to try again.
    const retry = page.getByRole('button', { name: 'Try again' });
    expect(await hasFocus(retry)).toBe(true);
    failing = false;
    await retry.press('Enter');
    await contacts.getByRole('listitem', { name: 'Bud 055' }).waitFor();
    await alert.waitFor({ state: 'detached' });
    expect(await contacts.locator('.person-name').count()).toBe(55);
    await page.getByRole('heading', { name: 'Your contacts 55', exact: true }).waitFor();
    expect(await page.getByRole('button', { name: 'Show more contacts' }).count()).toBe(0);
    await page.unroute('**/graphql');
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  test("the sidebar's Contacts tab follows accepts and removals, made here or by the other side", async () => {
    const sid = await registerUser(t, { username: 'sid', displayName: 'Sid Sidebar' });
    const sam = await registerUser(t, { username: 'sam', displayName: 'Sam Sidebar' });
    const sue = await registerUser(t, { username: 'sue', displayName: 'Sue Sidebar' });
    const sal = await registerUser(t, { username: 'sal', displayName: 'Sal Sidebar' });
    for (const other of [sam, sal]) {
      const sent = await t.ok<{ sendFriendRequest: { request: { id: string } } }>(
        SEND,
        { id: sid.id },
        other.accessToken,
      );
      await t.ok(RESPOND, { id: sent.sendFriendRequest.request.id, accept: true }, sid.accessToken);
    }
    await t.ok(SEND, { id: sid.id }, sue.accessToken);
    const { context, page, pageErrors } = await newPage(browser, { baseURL: t.url });
    await signIn(page, sid.username, sid.password);
    await page.locator('[data-connection="connected"]').waitFor();
    await page.getByRole('tab', { name: 'Contacts' }).click();
    const sidebar = page.getByRole('list', { name: 'Your contacts', exact: true });
    /** The names the sidebar lists, in its order (alphabetical: nobody is online). */
    const sidebarNames = () => sidebar.locator('.room-title').allTextContents();
    await sidebar.getByText('Sam Sidebar').waitFor();
    expect(await sidebarNames()).toEqual(['Sal Sidebar', 'Sam Sidebar']);

    // Accepting and removing on /contacts: the sidebar follows without a reload.
    await openContacts(page);
    await page.getByRole('button', { name: 'Accept request from Sue Sidebar' }).click();
    await sidebar.getByText('Sue Sidebar').waitFor();
    await page.getByRole('button', { name: 'Remove Sam Sidebar' }).click();
    await page.getByRole('button', { name: 'Yes, remove Sam Sidebar' }).click();
    await waitUntil(
      'Sam left the sidebar',
      async () => (await sidebarNames()).join() === 'Sal Sidebar,Sue Sidebar',
    );

    // Sal removes Sid elsewhere while Sid is on another page: live.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Meetings' }).click();
    await page.waitForURL('**/meetings');
    await t.ok(REMOVE, { id: sid.id }, sal.accessToken);
    await waitUntil('Sal left the sidebar', async () => (await sidebarNames()).join() === 'Sue Sidebar');
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
