/**
 * Group roles in the browser: the owner makes members admins and back on the
 * group settings page; every member with the page open sees roles and members
 * change live, whoever changed them (the room's MemberRoleChanged,
 * MemberJoined and MemberLeft events); nobody but the owner gets the controls;
 * refusals are shown in an alert.
 */
import type { Browser, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { createTestApp, type TestApp } from '../../server/test/helpers/app.ts';
import { ADD_MEMBERS, createGroup, REMOVE_MEMBER, roomOf, SET_ROLE } from '../../server/test/helpers/chat.ts';
import { registerUser, type TestUser } from '../../server/test/helpers/users.ts';
import { graphqlOperation, launchBrowser, newPage, screenshot, signIn } from './helpers/browser.ts';

const chromiumPath = inject('chromiumPath');

let counter = 0;
/** A user with a readable name and a unique username. */
function person(t: TestApp, name: string): Promise<TestUser> {
  counter += 1;
  return registerUser(t, {
    displayName: name,
    username: `${name.split(' ')[0]!.toLowerCase()}_${process.pid}_${counter}`,
  });
}

/** A member's row on the group settings page. */
const memberRow = (page: Page, name: string) =>
  page.getByRole('list', { name: 'Members' }).getByRole('listitem').filter({ hasText: name });

/** The role a member's row shows ("Owner", "Admin" or "Member"). */
const roleShown = (page: Page, name: string, role: string) =>
  memberRow(page, name).getByText(role, { exact: true });

/** Any role control on the page. */
const roleButtons = (page: Page) => page.getByRole('button', { name: /^(Make admin|Remove admin)/ });

describe.skipIf(!chromiumPath)('group roles in the browser', () => {
  let t: TestApp;
  let browser: Browser;
  beforeAll(async () => {
    [t, browser] = await Promise.all([createTestApp(), launchBrowser(chromiumPath)]);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  test('the owner makes a member an admin and back; that member sees it live; only the owner gets the controls', async () => {
    const [alice, bob, carol] = await Promise.all([person(t, 'Alice'), person(t, 'Bob'), person(t, 'Carol')]);
    const room = await createGroup(t, alice, [bob, carol], 'Crew');
    const a = await newPage(browser, { baseURL: t.url });
    const b = await newPage(browser, { baseURL: t.url });
    await Promise.all([
      signIn(a.page, alice.username, alice.password),
      signIn(b.page, bob.username, bob.password),
    ]);
    await a.page.goto(`/rooms/${room.id}/settings`);
    await b.page.goto(`/rooms/${room.id}/settings`);

    // Every member's role is shown. Bob, a member, can change nobody's role (nor rename).
    await roleShown(b.page, 'Alice', 'Owner').waitFor();
    await roleShown(b.page, 'Bob', 'Member').waitFor();
    await roleShown(b.page, 'Carol', 'Member').waitFor();
    await b.page.getByRole('button', { name: 'Leave group' }).waitFor();
    expect(await roleButtons(b.page).count()).toBe(0);
    expect(await b.page.getByLabel('Group name').count()).toBe(0);

    // Alice, the owner, can for the others, not for herself (ownership is not transferable).
    await roleShown(a.page, 'Alice', 'Owner').waitFor();
    await a.page.getByRole('button', { name: 'Make admin: Carol' }).waitFor();
    expect(await memberRow(a.page, 'Alice').getByRole('button').count()).toBe(0);
    await a.page.getByRole('button', { name: 'Make admin: Bob' }).click();
    await roleShown(a.page, 'Bob', 'Admin').waitFor();
    await a.page.getByRole('status').filter({ hasText: 'Bob is now an admin.' }).waitFor();
    await a.page.getByRole('button', { name: 'Remove admin: Bob' }).waitFor();
    expect((await roomOf(t, bob, room.id)).myRole).toBe('ADMIN');
    await screenshot(a.page, 'group-roles-owner');

    // Bob's open page follows: he is an admin now, so he can rename and remove members,
    // but changing roles stays the owner's.
    await roleShown(b.page, 'Bob', 'Admin').waitFor();
    await b.page.getByLabel('Group name').waitFor();
    await b.page.getByRole('button', { name: 'Remove Carol' }).waitFor();
    expect(await roleButtons(b.page).count()).toBe(0);
    await screenshot(b.page, 'group-roles-admin');

    // Back to member: his page drops the admin controls again.
    await a.page.getByRole('button', { name: 'Remove admin: Bob' }).click();
    await roleShown(a.page, 'Bob', 'Member').waitFor();
    await a.page.getByRole('status').filter({ hasText: 'Bob is no longer an admin.' }).waitFor();
    await roleShown(b.page, 'Bob', 'Member').waitFor();
    await b.page.getByLabel('Group name').waitFor({ state: 'detached' });
    expect(await b.page.getByRole('button', { name: 'Remove Carol' }).count()).toBe(0);
    expect((await roomOf(t, bob, room.id)).myRole).toBe('MEMBER');

    expect(a.pageErrors).toEqual([]);
    expect(b.pageErrors).toEqual([]);
    await a.context.close();
    await b.context.close();
  });

  test('another member’s open page follows role changes and members added or removed elsewhere, live', async () => {
    const [alice, bob, carol, dave] = await Promise.all([
      person(t, 'Alice'),
      person(t, 'Bob'),
      person(t, 'Carol'),
      person(t, 'Dave'),
    ]);
    const room = await createGroup(t, alice, [bob, carol], 'Watchers');
    const b = await newPage(browser, { baseURL: t.url });
    await signIn(b.page, bob.username, bob.password);
    await b.page.goto(`/rooms/${room.id}/settings`);
    const heading = b.page.getByRole('heading', { name: /^Members \(/ });
    await roleShown(b.page, 'Carol', 'Member').waitFor();

    // The owner, elsewhere, makes Carol an admin: Bob's list shows it (he is not the one who changed).
    await t.ok(SET_ROLE, { r: room.id, u: carol.id, role: 'ADMIN' }, alice.accessToken);
    await roleShown(b.page, 'Carol', 'Admin').waitFor();

    // Someone is added: their row appears, with the count.
    await t.ok(ADD_MEMBERS, { r: room.id, u: [dave.id] }, alice.accessToken);
    await roleShown(b.page, 'Dave', 'Member').waitFor();
    await heading.filter({ hasText: 'Members (4)' }).waitFor();

    // Someone is removed: their row goes.
    await t.ok(REMOVE_MEMBER, { r: room.id, u: carol.id }, alice.accessToken);
    await memberRow(b.page, 'Carol').waitFor({ state: 'detached' });
    await heading.filter({ hasText: 'Members (3)' }).waitFor();
    await roleShown(b.page, 'Dave', 'Member').waitFor();
    await screenshot(b.page, 'group-roles-live-list');

    // Bob himself is removed: the page says so instead of offering what he can no longer do.
    await t.ok(REMOVE_MEMBER, { r: room.id, u: bob.id }, alice.accessToken);
    await b.page.getByText('You are no longer a member of this group.').waitFor();
    expect(await b.page.getByRole('list', { name: 'Members' }).count()).toBe(0);
    expect(await b.page.getByRole('button', { name: 'Leave group' }).count()).toBe(0);

    expect(b.pageErrors).toEqual([]);
    await b.context.close();
  });

  test('on a phone, the role and its buttons go under the name: names stay readable, buttons whole', async () => {
    const [alice, bob] = await Promise.all([person(t, 'Alice'), person(t, 'Bartholomew Longfellow')]);
    const room = await createGroup(t, alice, [bob], 'Phone');
    await t.ok(SET_ROLE, { r: room.id, u: bob.id, role: 'ADMIN' }, alice.accessToken);
    const a = await newPage(browser, { baseURL: t.url, viewport: { width: 390, height: 844 } });
    await signIn(a.page, alice.username, alice.password);
    await a.page.goto(`/rooms/${room.id}/settings`);
    const row = memberRow(a.page, 'Bartholomew');
    const name = row.locator('.member-name > span').first();
    const buttons = [
      a.page.getByRole('button', { name: 'Remove admin: Bartholomew Longfellow' }),
      a.page.getByRole('button', { name: 'Remove Bartholomew Longfellow' }),
    ];
    await buttons[0]!.waitFor();
    expect((await name.boundingBox())!.width).toBeGreaterThan(150);
    for (const button of buttons) {
      const box = (await button.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(390);
      // One line of text: not squeezed into "Remo / ve".
      const lines = await button.evaluate((el) => {
        const range = document.createRange();
        range.selectNodeContents(el);
        return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
      });
      expect(lines).toBe(1);
    }
    expect(await a.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBe(0);
    await screenshot(a.page, 'group-roles-narrow');

    expect(a.pageErrors).toEqual([]);
    await a.context.close();
  });

  test('a role change the server refuses is shown in an alert, and the list catches up', async () => {
    const [alice, bob, carol] = await Promise.all([person(t, 'Alice'), person(t, 'Bob'), person(t, 'Carol')]);
    const room = await createGroup(t, alice, [bob, carol], 'Refusals');
    const a = await newPage(browser, { baseURL: t.url });
    await signIn(a.page, alice.username, alice.password);
    await a.page.goto(`/rooms/${room.id}/settings`);
    await roleShown(a.page, 'Carol', 'Member').waitFor();

    // Carol is removed elsewhere just as the change is on its way (the page follows removals live, so
    // this is the moment it cannot know of): NOT_FOUND, said in an alert; her row goes.
    await a.page.route('**/graphql', async (route: Route) => {
      if (graphqlOperation(route.request()) !== 'SetRoomMemberRole') return route.fallback();
      await t.ok(REMOVE_MEMBER, { r: room.id, u: carol.id }, alice.accessToken);
      return route.fallback();
    });
    await a.page.getByRole('button', { name: 'Make admin: Carol' }).click();
    await a.page.getByRole('alert').filter({ hasText: 'Room member not found' }).waitFor();
    await memberRow(a.page, 'Carol').waitFor({ state: 'detached' });
    await a.page.unroute('**/graphql');

    // Any other refusal (here a FORBIDDEN) is shown the same way, with the server's message.
    await a.page.route('**/graphql', async (route: Route) => {
      if (graphqlOperation(route.request()) !== 'SetRoomMemberRole') return route.fallback();
      return route.fulfill({
        contentType: 'application/json',
        body: JSON.stringify({
          data: null,
          errors: [{ message: 'Only the owner can change roles', extensions: { code: 'FORBIDDEN' } }],
        }),
      });
    });
    await a.page.getByRole('button', { name: 'Make admin: Bob' }).click();
    await a.page.getByRole('alert').filter({ hasText: 'Only the owner can change roles' }).waitFor();
    await roleShown(a.page, 'Bob', 'Member').waitFor();
    expect(await a.page.getByRole('status').filter({ hasText: 'is now an admin' }).count()).toBe(0);
    await a.page.unroute('**/graphql');

    expect(a.pageErrors).toEqual([]);
    await a.context.close();
  });
});
