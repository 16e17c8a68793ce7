import type { Browser, Locator, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { uuidv7 } from '../../server/src/lib/ids.ts';
import { createTestApp, type TestApp } from '../../server/test/helpers/app.ts';
import { CREATE_GROUP, ROOM } from '../../server/test/helpers/chat.ts';
import { insertContacts, insertUsers, RESPOND, SEND } from '../../server/test/helpers/contacts.ts';
import { registerUser, type TestUser } from '../../server/test/helpers/users.ts';
import {
  countOperations,
  graphqlOperation,
  launchBrowser,
  newPage,
  screenshot,
  signIn,
  waitUntil,
} from './helpers/browser.ts';

const chromiumPath = inject('chromiumPath');

/** Whether the element has keyboard focus. */
const hasFocus = (locator: Locator) => locator.evaluate((el) => el === document.activeElement);

/** The names `locator`'s elements show, in order. */
const texts = (locator: Locator) => locator.allTextContents();

/**
 * Fails the page's `operation` requests that `match` (by their body) with a
 * 503 while `failing()` holds; everything else goes through.
 */
async function failRequests(page: Page, operation: string, match: RegExp, failing: () => boolean) {
  await page.route('**/graphql', async (route: Route) => {
    const request = route.request();
    if (failing() && graphqlOperation(request) === operation && match.test(request.postData() ?? ''))
      return route.fulfill({ status: 503, contentType: 'text/plain', body: 'Unavailable' });
    return route.fallback();
  });
}

/**
 * People with more contacts (and requests) than one page holds: every one of
 * them must be reachable where contacts are picked or listed (New chat, a
 * group's "Add people", the sidebar's Contacts tab, the requests on /contacts).
 */
describe.skipIf(!chromiumPath)('more than a page of contacts, in the browser', () => {
  let t: TestApp;
  let browser: Browser;
  beforeAll(async () => {
    [t, browser] = await Promise.all([createTestApp(), launchBrowser(chromiumPath)]);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  /**
   * `count` contacts of `user` named "<prefix> 001"… (sorting before the
   * `extra` ones, who so fall past the first hundred), straight into the database.
   */
  async function seedContacts(
    user: TestUser,
    prefix: string,
    count: number,
    extra: { username: string; displayName: string }[] = [],
  ): Promise<string[]> {
    return insertContacts(t, user.id, [
      ...Array.from({ length: count }, (_, i) => {
        const n = String(i + 1).padStart(3, '0');
        return { username: `${prefix.toLowerCase()}${n}`, displayName: `${prefix} ${n}` };
      }),
      ...extra,
    ]);
  }

  test('New chat reaches every contact: search past the first hundred, Show more, picks kept across searches, by keyboard', async () => {
    const nia = await registerUser(t, { username: 'nia.new', displayName: 'Nia New' });
    const ids = await seedContacts(nia, 'Mate', 100, [
      { username: 'yuri.late', displayName: 'Yuri Late' },
      { username: 'zora.last', displayName: 'Zora Last' },
    ]);
    const [yuriId, zoraId] = ids.slice(-2);
    const { context, page, pageErrors } = await newPage(browser, { baseURL: t.url });
    await signIn(page, nia.username, nia.password);
    await page.getByRole('link', { name: 'New chat', exact: true }).click();
    await page.waitForURL('**/rooms/new');
    const people = page.getByRole('group', { name: 'People' });
    const list = people.getByRole('list', { name: 'Contacts' });
    const boxes = list.getByRole('checkbox');
    const names = () => texts(list.locator('.toggle > span'));
    const search = people.getByLabel('Search contacts');

    // The first page; the search field comes first, then the contacts.
    await boxes.nth(19).waitFor();
    expect(await boxes.count()).toBe(20);
    expect((await names())[0]).toBe('Mate 001 @mate001');

    // Typed: the server searches every contact; Enter does not submit the form.
    await search.focus();
    await page.keyboard.type('zor');
    await waitUntil('only Zora is listed', async () => (await names()).join() === 'Zora Last @zora.last');
    await page.getByRole('status').filter({ hasText: '1 contact.' }).waitFor();
    await page.keyboard.press('Enter');
    expect(page.url()).toMatch(/\/rooms\/new$/);
    expect(await page.getByRole('alert').count()).toBe(0);
    // Tab reaches her checkbox; Space picks her.
    await page.keyboard.press('Tab');
    expect(await hasFocus(people.getByRole('checkbox', { name: /Zora Last/ }))).toBe(true);
    await page.keyboard.press('Space');
    const chosen = people.getByRole('list', { name: /Selected/ });
    await chosen.getByRole('button', { name: 'Unselect Zora Last' }).waitFor();

    // Another search: Zora stays picked (and shown as picked); Yuri joins her.
    await search.fill('yuri');
    await waitUntil('only Yuri is listed', async () => (await names()).join() === 'Yuri Late @yuri.late');
    await people.getByRole('checkbox', { name: /Yuri Late/ }).check();
    await people.getByText('Selected (2):').waitFor();
    expect(await texts(chosen.getByRole('button'))).toEqual(['Zora Last ×', 'Yuri Late ×']);
    // Two people make a group.
    expect(await page.getByRole('checkbox', { name: 'Create a group' }).isChecked()).toBe(true);

    // Cleared: every contact again, a page at a time; "Show more contacts" keeps focus.
    await search.fill('');
    await waitUntil('the first page is back', async () => (await boxes.count()) === 20);
    const more = people.getByRole('button', { name: 'Show more contacts' });
    await more.focus();
    await page.keyboard.press('Enter');
    await boxes.nth(39).waitFor();
    expect(await boxes.count()).toBe(40);
    expect((await names())[39]).toBe('Mate 040 @mate040');
    expect(await hasFocus(more)).toBe(true);
    await screenshot(page, 'new-chat-many-contacts');

    // Unpicking from the chips, then picking again, from the search.
    await chosen.getByRole('button', { name: 'Unselect Yuri Late' }).click();
    await people.getByText('Selected (1):').waitFor();
    expect(await page.getByRole('checkbox', { name: 'Create a group' }).isChecked()).toBe(false);
    await search.fill('@yuri');
    await people.getByRole('checkbox', { name: /Yuri Late/ }).check();
    expect(await page.getByRole('checkbox', { name: 'Create a group' }).isChecked()).toBe(true);
    await page.getByLabel('Group name').fill('The late ones');
    await page.getByRole('button', { name: 'Create group' }).click();
    await page.waitForURL(/\/rooms\/[0-9a-f-]{36}$/);
    const roomId = page.url().split('/').at(-1);
    const room = await t.ok<{ room: { members: { user: { id: string } }[] } }>(
      ROOM,
      { id: roomId },
      nia.accessToken,
    );
    expect(room.room.members.map((m) => m.user.id).sort()).toEqual([nia.id, yuriId, zoraId].sort());
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  test('the contact picker says what went wrong: a search too long, a failed search, a failed "Show more"', async () => {
    const ola = await registerUser(t, { username: 'ola.oops', displayName: 'Ola Oops' });
    await seedContacts(ola, 'Pal', 30);
    const { context, page, pageErrors } = await newPage(browser, { baseURL: t.url });
    await signIn(page, ola.username, ola.password);
    await page.goto('/rooms/new');
    const people = page.getByRole('group', { name: 'People' });
    const boxes = people.getByRole('list', { name: 'Contacts' }).getByRole('checkbox');
    const search = people.getByLabel('Search contacts');
    await boxes.nth(19).waitFor();

    // Longer than the API takes: said at once, tied to the field, and nothing is asked.
    const ops = countOperations(page);
    await search.fill('p'.repeat(101));
    const tooLong = page.getByRole('alert').filter({ hasText: 'Too long: at most 100 characters.' });
    await tooLong.waitFor();
    expect(await search.getAttribute('aria-invalid')).toBe('true');
    expect(await search.getAttribute('aria-describedby')).toBe(await tooLong.getAttribute('id'));
    await search.fill('');
    await tooLong.waitFor({ state: 'detached' });
    expect(ops.get('ContactPicker')).toBeUndefined();

    // The server fails a search: an alert with a way to try again.
    let failing = true;
    await failRequests(page, 'ContactPicker', /"query":"pal 02"|"after"/, () => failing);
    await search.fill('pal 02');
    const searchFailed = page.getByRole('alert').filter({ hasText: 'Your contacts could not be loaded.' });
    await searchFailed.waitFor();
    failing = false;
    await searchFailed.getByRole('button', { name: 'Try again' }).click();
    await waitUntil('Pal 020-029 are listed', async () => (await boxes.count()) === 10);
    await searchFailed.waitFor({ state: 'detached' });

    // The next page fails: an alert, and the same button (focused) offers to try again.
    await search.fill('');
    await waitUntil('the first page is back', async () => (await boxes.count()) === 20);
    failing = true;
    const more = people.getByRole('button', { name: 'Show more contacts' });
    await more.focus();
    await page.keyboard.press('Enter');
    const moreFailed = page.getByRole('alert').filter({ hasText: 'More contacts could not be loaded.' });
    await moreFailed.waitFor();
    const retry = people.getByRole('button', { name: 'Try again' });
    expect(await hasFocus(retry)).toBe(true);
    expect(await boxes.count()).toBe(20);
    failing = false;
    await page.keyboard.press('Enter');
    await boxes.nth(29).waitFor();
    await moreFailed.waitFor({ state: 'detached' });
    expect(await people.getByRole('button', { name: 'Show more contacts' }).count()).toBe(0);
    await page.unroute('**/graphql');
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  test('a group\'s "Add people" finds a contact past the first hundred, leaving out members', async () => {
    const gus = await registerUser(t, { username: 'gus.group', displayName: 'Gus Group' });
    const ids = await seedContacts(gus, 'Buddy', 100, [
      { username: 'zed.member', displayName: 'Zed Member' },
      { username: 'zia.new', displayName: 'Zia New' },
    ]);
    const [zedId, ziaId] = ids.slice(-2);
    const created = await t.ok<{ createGroupRoom: { id: string } }>(
      CREATE_GROUP,
      { input: { title: 'Crowd', memberIds: [zedId] } },
      gus.accessToken,
    );
    const roomId = created.createGroupRoom.id;
    const { context, page, pageErrors } = await newPage(browser, { baseURL: t.url });
    await signIn(page, gus.username, gus.password);
    await page.goto(`/rooms/${roomId}/settings`);
    const add = page.getByRole('group', { name: 'Add people' });
    const boxes = add.getByRole('list', { name: 'Contacts' }).getByRole('checkbox');
    await boxes.nth(19).waitFor();
    const search = add.getByLabel('Search contacts');

    // Zed is a member already: found, but not offered.
    await search.fill('zed');
    await add.getByText('Everyone listed is already a member.').waitFor();
    expect(await boxes.count()).toBe(0);
    await search.fill('zi');
    await add.getByRole('checkbox', { name: /Zia New/ }).check();
    await page.getByRole('button', { name: 'Add to group' }).click();
    const members = page.getByRole('list', { name: 'Members' });
    await members.getByRole('listitem').filter({ hasText: 'Zia New' }).waitFor();
    const room = await t.ok<{ room: { members: { user: { id: string } }[] } }>(
      ROOM,
      { id: roomId },
      gus.accessToken,
    );
    expect(room.room.members.map((m) => m.user.id).sort()).toEqual([gus.id, zedId, ziaId].sort());
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  test("the sidebar's Contacts tab reaches past the first hundred: Show more and a filter, kept through live changes", async () => {
    const sol = await registerUser(t, { username: 'sol.side', displayName: 'Sol Side' });
    await seedContacts(sol, 'Peer', 100, [{ username: 'zara.far', displayName: 'Zara Far' }]);
    // Asked by Sol; accepts once the tab is open.
    const newcomer = await registerUser(t, { username: 'nova', displayName: 'Peer 050a' });
    const asked = await t.ok<{ sendFriendRequest: { request: { id: string } } }>(
      SEND,
      { id: newcomer.id },
      sol.accessToken,
    );
    const { context, page, pageErrors } = await newPage(browser, { baseURL: t.url });
    const ops = countOperations(page);
    await signIn(page, sol.username, sol.password);
    await page.locator('[data-connection="connected"]').waitFor();
    await page.getByRole('tab', { name: 'Contacts' }).click();
    const panel = page.getByRole('tabpanel', { name: 'Contacts' });
    const sidebar = panel.getByRole('list', { name: 'Your contacts', exact: true });
    const names = () => texts(sidebar.locator('.room-title'));
    await sidebar.getByText('Peer 100').waitFor();
    expect(await names()).toHaveLength(100);
    expect(await names()).not.toContain('Zara Far');

    // "Show more contacts" brings the rest.
    await panel.getByRole('button', { name: 'Show more contacts' }).click();
    await sidebar.getByText('Zara Far').waitFor();
    expect(await names()).toHaveLength(101);
    expect(await panel.getByRole('button', { name: 'Show more contacts' }).count()).toBe(0);
    const listFetches = ops.get('SidebarContacts');

    // A contact joins live: in name order, and the second page stays (updated in place, not refetched).
    await t.ok(RESPOND, { id: asked.sendFriendRequest.request.id, accept: true }, newcomer.accessToken);
    await sidebar.getByText('Peer 050a').waitFor();
    const joined = await names();
    expect(joined).toHaveLength(102);
    expect(joined.slice(49, 52)).toEqual(['Peer 050', 'Peer 050a', 'Peer 051']);
    expect(joined.at(-1)).toBe('Zara Far');
    expect(ops.get('SidebarContacts')).toBe(listFetches);

    // The filter searches every contact on the server.
    const filter = panel.getByRole('searchbox', { name: 'Filter contacts' });
    await filter.fill('zar');
    await waitUntil('only Zara is listed', async () => (await names()).join() === 'Zara Far');
    await panel.getByRole('status').filter({ hasText: '1 contact.' }).waitFor();
    await screenshot(page, 'sidebar-contacts-filter');
    await filter.fill('nobody here');
    // Shown, and announced.
    await panel.locator('p.muted').filter({ hasText: 'No contact matches “nobody here”.' }).waitFor();
    await panel.getByRole('status').filter({ hasText: 'No contact matches “nobody here”.' }).waitFor();
    await filter.fill('x'.repeat(101));
    await panel.getByRole('alert').filter({ hasText: 'Too long: at most 100 characters.' }).waitFor();
    expect(await filter.getAttribute('aria-invalid')).toBe('true');
    await filter.fill('zara');
    await sidebar.getByRole('button', { name: /Chat with Zara Far/ }).click();
    await page.waitForURL(/\/rooms\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: 'Zara Far', level: 1 }).waitFor();
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  test('friend requests past the first page: Show more each way, kept through answers made here and live', async () => {
    const rio = await registerUser(t, { username: 'rio.req', displayName: 'Rio Requests' });
    // 55 people asked Rio, then Rio asked 52 others, oldest first (requests list newest first).
    const askers = await insertUsers(
      t,
      Array.from({ length: 55 }, (_, i) => ({
        username: `asker${i + 1}`,
        displayName: `Asker ${String(i + 1).padStart(3, '0')}`,
      })),
    );
    const asked = await insertUsers(
      t,
      Array.from({ length: 52 }, (_, i) => ({
        username: `askee${i + 1}`,
        displayName: `Askee ${String(i + 1).padStart(3, '0')}`,
      })),
    );
    await t.app.db
      .insertInto('friend_requests')
      .values([
        ...askers.map((id) => ({ id: uuidv7(), from_user_id: id, to_user_id: rio.id })),
        ...asked.map((id) => ({ id: uuidv7(), from_user_id: rio.id, to_user_id: id })),
      ])
      .execute();
    const { context, page, pageErrors } = await newPage(browser, { baseURL: t.url });
    // First pages of the request lists fetched (a refetch would lose the pages loaded with "Show more").
    let firstPageFetches = 0;
    page.on('request', (request) => {
      if (graphqlOperation(request) === 'ContactsPageRequests' && !request.postData()?.includes('"after"'))
        firstPageFetches += 1;
    });
    const firstPages = () => firstPageFetches;
    await signIn(page, rio.username, rio.password);
    await page.locator('[data-connection="connected"]').waitFor();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Contacts' }).click();
    await page.waitForURL('**/contacts');
    const incoming = page.getByRole('region', { name: /^Requests for you/ });
    const outgoing = page.getByRole('region', { name: /^Sent requests/ });
    const incomingNames = () => texts(incoming.locator('.person-name'));
    const outgoingNames = () => texts(outgoing.locator('.person-name'));

    // The newest 50 each way; the count says there are more.
    await incoming.getByRole('listitem', { name: 'Asker 006' }).waitFor();
    expect(await incomingNames()).toHaveLength(50);
    await page.getByRole('heading', { name: 'Requests for you 50 or more', exact: true }).waitFor();
    await page.getByRole('heading', { name: 'Sent requests 50 or more', exact: true }).waitFor();

    // The next page of requests for Rio.
    await page.getByRole('button', { name: 'Show more requests for you' }).click();
    await incoming.getByRole('listitem', { name: 'Asker 001' }).waitFor();
    expect(await incomingNames()).toHaveLength(55);
    await page.getByRole('heading', { name: 'Requests for you 55', exact: true }).waitFor();
    const firstPagesLoaded = firstPages();
    expect(firstPagesLoaded).toBeGreaterThanOrEqual(2);

    // Accepting one from the second page: it goes, the rest of that page stays.
    await incoming.getByRole('button', { name: 'Accept request from Asker 003' }).click();
    await page.getByText('Asker 003 is now a contact').waitFor();
    await incoming.getByRole('listitem', { name: 'Asker 003' }).waitFor({ state: 'detached' });
    expect(await incomingNames()).toHaveLength(54);
    expect((await incomingNames()).at(-1)).toBe('Asker 001');
    await page.getByRole('listitem', { name: 'Asker 003' }).waitFor(); // now under "Your contacts"

    // A request arrives live: on top, the loaded pages stay.
    const late = await registerUser(t, { displayName: 'Lia Late' });
    await t.ok(SEND, { id: rio.id }, late.accessToken);
    await incoming.getByRole('listitem', { name: 'Lia Late' }).waitFor();
    expect((await incomingNames())[0]).toBe('Lia Late');
    expect(await incomingNames()).toHaveLength(55);

    // Sent requests: the next page fails first (an alert, and "Try again" keeps focus), then comes.
    let failing = true;
    await failRequests(
      page,
      'ContactsPageRequests',
      /"OUTGOING".*"after"|"after".*"OUTGOING"/,
      () => failing,
    );
    const moreSent = page.getByRole('button', { name: 'Show more sent requests' });
    await moreSent.focus();
    await page.keyboard.press('Enter');
    const failed = page.getByRole('alert').filter({ hasText: 'More sent requests could not be loaded.' });
    await failed.waitFor();
    const retry = page.getByRole('button', { name: 'Try again' });
    expect(await hasFocus(retry)).toBe(true);
    failing = false;
    await page.keyboard.press('Enter');
    await outgoing.getByRole('listitem', { name: 'Askee 001' }).waitFor();
    await failed.waitFor({ state: 'detached' });
    expect(await outgoingNames()).toHaveLength(52);
    await page.unroute('**/graphql');

    // Cancelling one from the second page: it goes, the rest of that page stays.
    await outgoing.getByRole('button', { name: 'Cancel request to Askee 001' }).click();
    await page.getByText('Cancelled the request to Askee 001').waitFor();
    await outgoing.getByRole('listitem', { name: 'Askee 001' }).waitFor({ state: 'detached' });
    const left = await outgoingNames();
    expect(left).toHaveLength(51);
    expect(left.at(-1)).toBe('Askee 002');
    // Updated in place throughout: neither list was fetched from its first page again.
    expect(firstPages()).toBe(firstPagesLoaded);
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
