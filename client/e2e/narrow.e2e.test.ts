import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { createTestApp, type TestApp } from '../../server/test/helpers/app.ts';
import { createGroup, openDm, send } from '../../server/test/helpers/chat.ts';
import { requestMeeting } from '../../server/test/helpers/meetings.ts';
import { registerUser } from '../../server/test/helpers/users.ts';
import { launchBrowser, newPage, screenshot, signIn } from './helpers/browser.ts';
import { makeContacts, messageLog, roomLink } from './helpers/chat.ts';

const chromiumPath = inject('chromiumPath');

const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');

const PHONE = { width: 390, height: 844 };

/** How much wider than the screen the page is, in px (0: nothing overflows horizontally). */
const overflowX = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** Whether the element's text is cut short with an ellipsis (one line, wider than its box). */
const ellipsised = (locator: Locator) =>
  locator.evaluate(
    (el) => getComputedStyle(el).textOverflow === 'ellipsis' && el.scrollWidth > el.clientWidth,
  );

describe.skipIf(!chromiumPath)('narrow screens (390 × 844)', () => {
  let t: TestApp;
  let browser: Browser;
  beforeAll(async () => {
    // A short presence grace, so "Last seen" shows within the test (default 5 s).
    [t, browser] = await Promise.all([
      createTestApp({ env: { PRESENCE_GRACE_MS: '300' } }),
      launchBrowser(chromiumPath),
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  test('shows one pane at a time, with a back button', async () => {
    const user = await registerUser(t);
    const { context, page, pageErrors } = await newPage(browser, {
      baseURL: t.url,
      viewport: { width: 390, height: 844 },
    });
    await page.goto('/signin');
    await screenshot(page, 'narrow-sign-in');
    await signIn(page, user.username, user.password);

    // /rooms: the list pane only, and the list is the page: the one main landmark, under an h1.
    const sidebar = page.locator('.sidebar');
    const listIsThePage = async () => {
      await page.getByRole('main').getByRole('heading', { level: 1, name: 'Conversations' }).waitFor();
      expect(await page.getByRole('main').count()).toBe(1);
      expect(await page.getByRole('complementary').count()).toBe(0);
    };
    expect(await sidebar.isVisible()).toBe(true);
    await listIsThePage();
    await screenshot(page, 'narrow-rooms');

    // Into a detail pane: the sidebar goes away, focus lands on the new heading.
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.waitForURL('**/settings');
    await page.getByLabel('Display name').waitFor();
    expect(await sidebar.isVisible()).toBe(false);
    expect(await focusedText(page)).toBe('Settings');
    await screenshot(page, 'narrow-settings');

    await page.getByRole('link', { name: 'Back to conversations' }).click();
    await page.waitForURL('**/rooms');
    // The URL changes before React Router's transition renders the list pane.
    await page.locator('.shell[data-pane="list"]').waitFor();
    expect(await sidebar.isVisible()).toBe(true);
    await listIsThePage();
    expect(await focusedText(page)).toBe('Conversations');

    // Deep links work, and the back button goes up one level.
    await page.goto('/meetings/42');
    await page.getByRole('heading', { name: 'Meeting' }).waitFor();
    await page.getByRole('link', { name: 'Back to meetings' }).click();
    await page.waitForURL(/\/meetings$/);
    await page.getByRole('heading', { name: 'Meetings' }).waitFor();

    // Keyboard only: focus is on the heading; the back button is just before it.
    expect(await focusedText(page)).toBe('Meetings');
    await page.keyboard.press('Shift+Tab');
    expect(await focusedText(page)).toContain('Back');
    await page.keyboard.press('Enter');
    await page.waitForURL('**/rooms');
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  test('long unbroken names are cut with an ellipsis; no page is wider than the phone', async () => {
    const longName = `Bartholomew${'x'.repeat(69)}`; // 80 characters, the longest display name
    const longTitle = `Supercalifragilistic${'e'.repeat(70)}`; // 90 characters, no space
    const alice = await registerUser(t, { displayName: 'Alice Anders' });
    const bob = await registerUser(t, {
      displayName: longName,
      username: `bob_${process.pid}_${'y'.repeat(12)}`,
    });
    const carol = await registerUser(t, { displayName: 'Carol' });
    await makeContacts(t, alice, bob); // also two notifications naming Bob
    await makeContacts(t, alice, carol);
    const group = await createGroup(t, alice, [bob, carol], longTitle, 'Long name test');
    await send(t, bob, group.id, 'Hi from the long name');
    const dm = await openDm(t, alice, bob);
    const meeting = await requestMeeting(t, bob, alice, { startsAt: new Date(Date.now() + 3 * 86_400_000) });
    const { context, page, pageErrors } = await newPage(browser, { baseURL: t.url, viewport: PHONE });
    await signIn(page, alice.username, alice.password);

    // The list: the rows' titles and previews are cut, the tabs and buttons stay on screen.
    const groupRow = roomLink(page, /Supercalifragilistic/);
    await groupRow.waitFor();
    expect(await overflowX(page)).toBe(0);
    expect(await ellipsised(groupRow.locator('.room-title'))).toBe(true);
    expect(await ellipsised(groupRow.locator('.room-preview'))).toBe(true);
    expect(await ellipsised(page.locator('.room-title', { hasText: /^Bartholomew/ }))).toBe(true);
    const newChat = await page.getByRole('link', { name: 'New chat', exact: true }).boundingBox();
    expect(newChat!.x + newChat!.width).toBeLessThanOrEqual(PHONE.width);
    await screenshot(page, 'narrow-long-names-list');

    // The group: its header and the sender's name in the log.
    await groupRow.click();
    await messageLog(page).getByText('Hi from the long name').waitFor();
    expect(await overflowX(page)).toBe(0);
    expect(await ellipsised(page.getByRole('heading', { level: 1 }))).toBe(true);
    expect(await ellipsised(messageLog(page).locator('.message-sender', { hasText: 'Bartholomew' }))).toBe(
      true,
    );

    // Its settings: the link back to it and the member list.
    await page.getByRole('link', { name: 'Group settings' }).click();
    await page.getByRole('heading', { name: 'Group settings' }).waitFor();
    expect(await overflowX(page)).toBe(0);
    expect(await ellipsised(page.getByRole('link', { name: `← ${longTitle}` }))).toBe(true);
    const bobMember = page
      .getByRole('list', { name: 'Members' })
      .getByRole('listitem')
      .filter({ hasText: 'Bartholomew' });
    expect(await ellipsised(bobMember.locator('.member-name > span').first())).toBe(true);
    await screenshot(page, 'narrow-long-names-group-settings');

    // Elsewhere: the DM's header, contacts, notifications, meetings.
    const pages: [string, (p: Page) => Locator][] = [
      [`/rooms/${dm.id}`, (p) => p.getByRole('heading', { level: 1 })],
      ['/rooms/new', (p) => p.getByRole('checkbox', { name: /Bartholomew/ })],
      ['/contacts', (p) => p.getByRole('listitem', { name: longName })],
      ['/notifications', (p) => p.getByText(/Meeting request from Bartholomew/)],
      ['/meetings', (p) => p.getByRole('link', { name: /Meeting with Bartholomew/ })],
      [`/meetings/${meeting.id}`, (p) => p.getByRole('heading', { name: /Meeting with Bartholomew/ })],
      [`/meetings/new?with=${bob.id}`, (p) => p.getByText(/time zone: Europe\/Berlin/)],
    ];
    for (const [path, ready] of pages) {
      await page.goto(path);
      await ready(page).first().waitFor();
      expect({ path, overflow: await overflowX(page) }).toEqual({ path, overflow: 0 });
    }
    await page.goto(`/rooms/${dm.id}`);
    expect(await ellipsised(page.getByRole('heading', { level: 1 }))).toBe(true);
    await page.goto('/contacts');
    const contact = page.getByRole('listitem', { name: longName });
    expect(await ellipsised(contact.locator('.person-name'))).toBe(true);
    await screenshot(page, 'narrow-long-names-contacts');
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  test("a direct chat's header fits a phone: the name in full, one status line, the meeting button as an icon", async () => {
    const alice = await registerUser(t, { displayName: 'Alice Anderson' });
    const bob = await registerUser(t, { displayName: 'Bob' });
    await makeContacts(t, alice, bob);
    const room = await openDm(t, bob, alice);
    // Alice comes and goes, so Bob sees "Last seen …" under her name.
    const a = await newPage(browser, { baseURL: t.url });
    await signIn(a.page, alice.username, alice.password);
    const b = await newPage(browser, { baseURL: t.url, viewport: PHONE });
    await signIn(b.page, bob.username, bob.password);
    await b.page.goto(`/rooms/${room.id}`);
    const heading = b.page.getByRole('heading', { name: 'Alice Anderson', level: 1 });
    await heading.waitFor();
    await b.page.getByTestId('peer-status').getByText('Online').waitFor();
    await a.context.close();
    await b.page
      .getByTestId('peer-status')
      .getByText(/Last seen/)
      .waitFor();

    expect(await overflowX(b.page)).toBe(0);
    expect(await heading.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    // Each line under the name is one line high (a line is about 1.5 font sizes; two would be 3).
    const lines = await b.page
      .locator('.conversation-title > p')
      .evaluateAll((ps) =>
        ps.map((p) => p.getBoundingClientRect().height / Number.parseFloat(getComputedStyle(p).fontSize)),
      );
    expect(lines.length).toBe(2);
    for (const height of lines) expect(height).toBeLessThan(2);
    // The button is an icon with the same accessible name, and still books a meeting.
    const book = b.page.getByRole('link', { name: 'Book a meeting' });
    const box = await book.boundingBox();
    expect(box!.width).toBeLessThan(48);
    await screenshot(b.page, 'narrow-direct-header');
    await book.click();
    await b.page.waitForURL('**/meetings/new?*');
    await b.page.getByRole('heading', { name: 'Request a meeting' }).waitFor();
    expect(b.pageErrors).toEqual([]);
    await b.context.close();
  });

  test('the composer\'s "Message <long name>" placeholder stays on one line, cut with an ellipsis', async () => {
    const longName = 'Maximiliana Theodora Bartholomew-Featherstonehaugh de la Cruz y Villanueva'; // 74 characters
    const [alice, bob] = await Promise.all([
      registerUser(t, { displayName: 'Alice' }),
      registerUser(t, { displayName: longName }),
    ]);
    const room = await openDm(t, alice, bob);
    const { context, page, pageErrors } = await newPage(browser, { baseURL: t.url, viewport: PHONE });
    await signIn(page, alice.username, alice.password);
    await page.goto(`/rooms/${room.id}`);
    const box = page.getByRole('textbox', { name: 'Message', exact: true });
    await box.waitFor();
    // The whole text is still there for assistive technology; on screen it is one cut line.
    expect(await box.getAttribute('placeholder')).toBe(`Message ${longName}`);
    const shown = await box.evaluate((el) => {
      const area = el as HTMLTextAreaElement;
      const style = getComputedStyle(area);
      const placeholder = getComputedStyle(area, '::placeholder');
      const context = document.createElement('canvas').getContext('2d') as CanvasRenderingContext2D;
      context.font = `${placeholder.fontSize} ${placeholder.fontFamily}`;
      const inner =
        area.clientWidth - Number.parseFloat(style.paddingLeft) - Number.parseFloat(style.paddingRight);
      return {
        tooWide: context.measureText(area.placeholder).width > inner,
        whiteSpace: placeholder.whiteSpace,
        overflow: placeholder.overflow,
        textOverflow: placeholder.textOverflow,
      };
    });
    expect(shown).toEqual({
      tooWide: true,
      whiteSpace: 'nowrap',
      overflow: 'hidden',
      textOverflow: 'ellipsis',
    });
    expect(await overflowX(page)).toBe(0);
    await screenshot(page, 'narrow-composer-placeholder');
    // Typing replaces it as usual.
    await box.fill('Hello');
    expect(await box.inputValue()).toBe('Hello');
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  test("a message's actions and the reaction picker fit a phone: every button whole, on screen", async () => {
    const [alice, bob] = await Promise.all([
      registerUser(t, { displayName: 'Alice' }),
      registerUser(t, { displayName: 'Bob' }),
    ]);
    const room = await openDm(t, alice, bob);
    await send(t, alice, room.id, 'Mine, with every action');
    const { context, page, pageErrors } = await newPage(browser, { baseURL: t.url, viewport: PHONE });
    await signIn(page, alice.username, alice.password);
    await page.goto(`/rooms/${room.id}`);
    const mine = messageLog(page).locator('li.message').filter({ hasText: 'Mine, with every action' });
    await mine.hover();
    await mine.getByRole('button', { name: 'React', exact: true }).click();
    await mine.getByRole('button', { name: 'React with 👀' }).waitFor();
    await screenshot(page, 'narrow-reaction-picker');

    // Reply, Edit, Delete, React and the eight emoji: each label on one line, each button on screen.
    const buttons = await mine.locator('.message-actions button').evaluateAll((els) =>
      els.map((el) => {
        const range = document.createRange();
        range.selectNodeContents(el);
        const box = el.getBoundingClientRect();
        return {
          label: el.textContent,
          lines: range.getClientRects().length,
          left: box.left,
          right: box.right,
        };
      }),
    );
    expect(buttons).toHaveLength(12);
    for (const b of buttons) {
      expect(b.lines, `${b.label} on one line`).toBe(1);
      expect(b.left, `${b.label} on screen`).toBeGreaterThanOrEqual(0);
      expect(b.right, `${b.label} on screen`).toBeLessThanOrEqual(PHONE.width);
    }
    // The last emoji can be picked.
    await mine.getByRole('button', { name: 'React with 👀' }).click();
    await mine.getByRole('button', { name: '👀 1 reaction' }).waitFor();
    expect(await overflowX(page)).toBe(0);
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
