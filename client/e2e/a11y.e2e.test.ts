/**
 * Accessibility in the browser: axe-core (injected from node_modules, never
 * downloaded) on every main screen, failing on serious or critical
 * violations; and keyboard use: the sidebar's tabs, the room list, the
 * composer and the image dialog, with focus landing sensibly after each
 * navigation.
 */
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { createTestApp, type TestApp } from '../../server/test/helpers/app.ts';
import { openDm, SEND, send } from '../../server/test/helpers/chat.ts';
import { makePng, upload } from '../../server/test/helpers/files.ts';
import { requestMeeting } from '../../server/test/helpers/meetings.ts';
import { registerUser, type TestUser } from '../../server/test/helpers/users.ts';
import { launchBrowser, newPage, screenshot, signIn, waitUntil } from './helpers/browser.ts';
import { makeContacts, messageWithBody, roomLink } from './helpers/chat.ts';

const chromiumPath = inject('chromiumPath');
const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/** Runs axe-core on the page as it is now; returns the serious and critical violations, readable. */
async function seriousViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE_PATH });
  const violations = await page.evaluate(async () => {
    // biome-ignore lint/suspicious/noExplicitAny: axe is injected above, untyped in the page
    const axe = (window as any).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations as AxeViolation[];
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help} — ${v.nodes
          .slice(0, 5)
          .map((n) => n.target.join(' '))
          .join(', ')}`,
    );
}

/** What has focus, as "tag: accessible-ish name". */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el) return '';
    const name = el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 40) ?? '';
    return `${el.tagName.toLowerCase()}${el.getAttribute('role') ? `[${el.getAttribute('role')}]` : ''}: ${name}`;
  });

/** Presses Tab until `match` has focus (at most `max` times); fails if it never does. */
async function tabTo(page: Page, what: string, match: () => Promise<boolean>, max = 40): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await match()) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${what}; focus is on ${await focused(page)}`);
}

let counter = 0;
function person(t: TestApp, name: string): Promise<TestUser> {
  counter += 1;
  return registerUser(t, { displayName: name, username: `${name.toLowerCase()}_${process.pid}_${counter}` });
}

describe.skipIf(!chromiumPath)('accessibility', () => {
  let t: TestApp;
  let browser: Browser;
  beforeAll(async () => {
    [t, browser] = await Promise.all([createTestApp(), launchBrowser(chromiumPath)]);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  test('axe finds no serious or critical violations on the main screens', async () => {
    const [alice, bob, carol] = await Promise.all([person(t, 'Alice'), person(t, 'Bob'), person(t, 'Carol')]);
    await Promise.all([makeContacts(t, alice, bob), makeContacts(t, alice, carol)]);
    const room = await openDm(t, alice, bob);
    await send(t, bob, room.id, 'Hi Alice, see you at 3?');
    await send(t, alice, room.id, `Sure @${bob.username} 👍`);
    await send(t, bob, room.id, 'Unread one');
    await requestMeeting(t, bob, alice, {
      startsAt: new Date(Date.now() + 3 * 86_400_000),
      agenda: 'Roadmap review',
    });
    const { context, page, pageErrors } = await newPage(browser, { baseURL: t.url });

    const screens: [string, () => Promise<void>][] = [
      [
        'sign in',
        async () => {
          await page.goto('/signin');
          await page.getByRole('heading', { name: 'Sign in' }).waitFor();
        },
      ],
      [
        'sign up',
        async () => {
          await page.goto('/signup');
          await page.getByLabel('Password', { exact: true }).waitFor();
        },
      ],
      [
        'room list and conversation',
        async () => {
          await signIn(page, alice.username, alice.password);
          await roomLink(page, /Bob/).click();
          await messageWithBody(page, 'Unread one').waitFor();
          await page.getByText('Hi Alice').first().hover(); // the message's actions show
        },
      ],
      [
        'sidebar contacts tab',
        async () => {
          await page.getByRole('tab', { name: 'Contacts' }).click();
          await page.getByRole('list', { name: 'Your contacts' }).waitFor();
        },
      ],
      [
        'contacts',
        async () => {
          await page.getByRole('tab', { name: 'Chats' }).click();
          await page
            .getByRole('navigation', { name: 'Main' })
            .getByRole('link', { name: 'Contacts' })
            .click();
          await page.getByRole('heading', { name: 'Contacts', level: 1 }).waitFor();
          await page.getByText('Carol').first().waitFor();
        },
      ],
      [
        'meetings',
        async () => {
          await page
            .getByRole('navigation', { name: 'Main' })
            .getByRole('link', { name: 'Meetings' })
            .click();
          await page.getByText('Roadmap review').first().waitFor();
        },
      ],
      [
        'request a meeting',
        async () => {
          await page.goto('/meetings/new');
          await page.getByRole('heading', { level: 1 }).waitFor();
        },
      ],
      [
        'notifications',
        async () => {
          await page.goto('/notifications');
          await page.getByRole('heading', { name: 'Notifications', level: 1 }).waitFor();
          await page.getByRole('list', { name: 'Notifications' }).waitFor();
        },
      ],
      [
        'settings',
        async () => {
          await page
            .getByRole('navigation', { name: 'Main' })
            .getByRole('link', { name: 'Settings' })
            .click();
          await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
        },
      ],
    ];
    const found: string[] = [];
    for (const [name, open] of screens) {
      await open();
      for (const v of await seriousViolations(page)) found.push(`${name}: ${v}`);
    }
    expect(found).toEqual([]);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  test('the tab shows Parley’s icon (browsers no longer ask for a missing /favicon.ico)', async () => {
    const { context, page, pageErrors } = await newPage(browser, { baseURL: t.url });
    try {
      await page.goto('/signin');
      const href = await page.locator('link[rel="icon"]').getAttribute('href');
      expect(href).toBe('/favicon.svg');
      const icon = await page.request.get(href as string);
      expect(icon.status()).toBe(200);
      expect(icon.headers()['content-type']).toMatch(/^image\/svg\+xml/);
      expect(await icon.text()).toMatch(/^<svg /);
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test('keyboard: sidebar tabs, room list, composer and the image dialog; focus follows navigation', async () => {
    const [alice, bob] = await Promise.all([person(t, 'Alice'), person(t, 'Bob')]);
    await makeContacts(t, alice, bob);
    const room = await openDm(t, alice, bob);
    const png = await upload(t, bob.accessToken, {
      filename: 'whiteboard.png',
      type: 'image/png',
      data: await makePng(320, 240),
    });
    await t.ok(
      SEND,
      {
        input: {
          roomId: room.id,
          clientId: crypto.randomUUID(),
          body: 'The plan',
          attachmentIds: [png.body.id],
        },
      },
      bob.accessToken,
    );
    const { context, page, pageErrors } = await newPage(browser, { baseURL: t.url });
    await signIn(page, alice.username, alice.password);

    // The sidebar tabs: one tab stop; arrows move and select; the Contacts panel lists Bob.
    const chats = page.getByRole('tab', { name: 'Chats' });
    const contacts = page.getByRole('tab', { name: 'Contacts' });
    await page.getByRole('tablist', { name: 'Conversations' }).waitFor();
    expect(await chats.getAttribute('aria-selected')).toBe('true');
    await tabTo(page, 'the Chats tab', () => chats.evaluate((el) => el === document.activeElement));
    await page.keyboard.press('ArrowRight');
    expect(await contacts.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await contacts.getAttribute('aria-selected')).toBe('true');
    const contactsPanel = page.getByRole('tabpanel', { name: 'Contacts' });
    await contactsPanel.getByRole('button', { name: /Chat with Bob/ }).waitFor();
    await page.keyboard.press('Home');
    expect(await chats.getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('End');
    expect(await contacts.getAttribute('aria-selected')).toBe('true');
    await screenshot(page, 'sidebar-contacts');
    // Tab leaves the tab list for the panel: Enter on Bob opens the DM, and focus lands on its heading.
    await tabTo(page, 'Chat with Bob', () =>
      contactsPanel
        .getByRole('button', { name: /Chat with Bob/ })
        .evaluate((el) => el === document.activeElement),
    );
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/rooms/${room.id}`);
    const heading = page.getByRole('heading', { name: 'Bob', level: 1 });
    await waitUntil('focus moved to the conversation heading', () =>
      heading.evaluate((el) => el === document.activeElement),
    );

    // Back to Chats with the keyboard; the room list's links are reachable and open the room.
    await contacts.focus();
    await page.keyboard.press('ArrowLeft');
    expect(await chats.getAttribute('aria-selected')).toBe('true');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
    await tabTo(page, 'the room link', () =>
      roomLink(page, /Bob/).evaluate((el) => el === document.activeElement),
    );
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/rooms/${room.id}`);
    await waitUntil('focus moved to the conversation heading again', () =>
      heading.evaluate((el) => el === document.activeElement),
    );

    // The composer is reachable by Tab from the heading, and Enter sends.
    const box = page.getByRole('textbox', { name: 'Message', exact: true });
    await tabTo(page, 'the composer', () => box.evaluate((el) => el === document.activeElement), 60);
    await page.keyboard.type('Sent from the keyboard');
    await page.keyboard.press('Enter');
    await messageWithBody(page, 'Sent from the keyboard').and(page.locator('[data-status="sent"]')).waitFor();
    expect(await box.evaluate((el) => el === document.activeElement)).toBe(true); // still there for the next one

    // The image opens in a modal dialog from the keyboard; Escape closes it and focus returns.
    const open = page.getByRole('button', { name: 'Open image whiteboard.png' });
    await open.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'whiteboard.png' });
    await dialog.waitFor();
    expect(await dialog.evaluate((el) => el.contains(document.activeElement))).toBe(true);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await open.evaluate((el) => el === document.activeElement)).toBe(true);

    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
