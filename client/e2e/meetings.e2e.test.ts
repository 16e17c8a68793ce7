import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { createTestApp, type TestApp } from '../../server/test/helpers/app.ts';
import { OPEN_DM } from '../../server/test/helpers/chat.ts';
import { insertContacts } from '../../server/test/helpers/contacts.ts';
import { meetingOk, requestMeeting, waitFor } from '../../server/test/helpers/meetings.ts';
import { registerUser } from '../../server/test/helpers/users.ts';
import {
  launchBrowser,
  newPage,
  screenshot,
  signIn,
  switchableSocket,
  waitUntil,
} from './helpers/browser.ts';
import { makeContacts } from './helpers/chat.ts';

const chromiumPath = inject('chromiumPath');
const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** The meeting's status pill on its page. */
const status = (page: Page) => page.getByTestId('meeting-status');
/** The start (and end) in the viewer's zone, on a meeting page. */
const when = (page: Page) => page.locator('.meeting-summary .meeting-when');
/** The other person's local time beside it. */
const theirTime = (page: Page) => page.locator('.meeting-summary .meeting-their-time');
/** A card (Pending, Upcoming, Past) on /meetings. */
const section = (page: Page, name: string) => page.getByRole('region', { name: new RegExp(`^${name}`) });

describe.skipIf(!chromiumPath)('meetings in the browser', () => {
  let t: TestApp;
  let browser: Browser;
  beforeAll(async () => {
    [t, browser] = await Promise.all([createTestApp(), launchBrowser(chromiumPath)]);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  test('Berlin asks New York for a meeting across the US clock change; accept, reschedule and cancel show live on both sides', async () => {
    const ann = await registerUser(t, { displayName: 'Ann Berlin', timeZone: 'Europe/Berlin' });
    const nick = await registerUser(t, { displayName: 'Nick York', timeZone: 'America/New_York' });
    await makeContacts(t, ann, nick);
    const dm = await t.ok<{ openDirectRoom: { id: string } }>(OPEN_DM, { id: nick.id }, ann.accessToken);
    // Start from a quiet bell (becoming contacts notified them).
    for (const u of [ann, nick])
      await t.ok('mutation { markAllNotificationsRead { unreadCount } }', {}, u.accessToken);

    // Ann's browser runs on Tokyo time: the form must use her profile's zone, not the browser's.
    const a = await newPage(browser, { baseURL: t.url, timezoneId: 'Asia/Tokyo' });
    const b = await newPage(browser, { baseURL: t.url, timezoneId: 'America/New_York' });
    await Promise.all([
      signIn(a.page, ann.username, ann.password),
      signIn(b.page, nick.username, nick.password),
    ]);
    await b.page.locator('[data-connection="connected"]').waitFor();
    await b.page.getByRole('link', { name: 'Notifications, none unread' }).waitFor();

    // From the DM's header: the form opens with Nick picked.
    await a.page.goto(`/rooms/${dm.openDirectRoom.id}`);
    await a.page.getByRole('link', { name: 'Book a meeting' }).click();
    await a.page.waitForURL('**/meetings/new?*');
    const invitee = a.page.getByRole('combobox', { name: 'With' });
    await invitee.waitFor();
    expect(await invitee.inputValue()).toBe(`Nick York (@${nick.username})`);
    await a.page.getByText('In your time zone, Europe/Berlin.').waitFor();

    // A reading the spring change skips in Berlin (02:00 → 03:00 on 28 March 2027) is explained.
    await a.page.getByLabel('Date', { exact: true }).fill('2027-03-28');
    await a.page.getByLabel('Time', { exact: true }).fill('02:30');
    await a.page.getByText('02:30 does not exist that day (the clocks change); it means 03:30.').waitFor();

    // Server errors show next to their fields: a start in the past, then an in-person meeting without a place.
    await a.page.getByLabel('Date', { exact: true }).fill('2020-03-15');
    await a.page.getByLabel('Time', { exact: true }).fill('14:00');
    await a.page.getByRole('button', { name: 'Send request' }).click();
    const dateField = a.page.getByLabel('Date', { exact: true });
    await a.page.getByText('The start must be in the future').waitFor();
    expect(await dateField.getAttribute('aria-invalid')).toBe('true');
    expect(await a.page.evaluate(() => document.activeElement?.id)).toBe('request-date');

    // 14:00 in Berlin on Monday 15 March 2027 (CET) is 09:00 in New York (already EDT since the 14th).
    await dateField.fill('2027-03-15');
    await a.page.getByText(/That is Mon, 9:00\sAM EDT for Nick York\./).waitFor();
    await a.page.getByLabel('In person').check();
    await a.page.getByLabel('Duration (minutes)').fill('45');
    await a.page.getByLabel('Agenda').fill('Quarterly planning');
    await a.page.getByRole('button', { name: 'Send request' }).click();
    await a.page.getByText('An in-person meeting needs a location').waitFor();
    expect(await a.page.getByLabel('Location').getAttribute('aria-invalid')).toBe('true');
    await screenshot(a.page, 'meetings-request-errors');
    await a.page.getByLabel('Video call').check();
    await a.page.getByRole('button', { name: 'Send request' }).click();
    await a.page.waitForURL(/\/meetings\/[0-9a-f-]{36}$/);
    const meetingId = a.page.url().split('/').pop() ?? '';
    await a.page.getByRole('heading', { name: 'Meeting with Nick York' }).waitFor();
    expect(await status(a.page).textContent()).toBe('Requested');
    await when(a.page)
      .filter({ hasText: /Mon, Mar 15, 2027, 2:00\s*–\s*2:45\sPM CET/ })
      .waitFor();
    expect(await theirTime(a.page).textContent()).toMatch(/^Mon, 9:00\sAM EDT for Nick York$/);
    await a.page.getByText('Waiting for Nick York to accept.').waitFor();
    await screenshot(a.page, 'meeting-requested');
    // What the server stored: exactly 13:00 UTC.
    const stored = await t.ok<{ meeting: { startsAt: string; otherPartyStartsAtLocal: string } }>(
      'query($id: ID!) { meeting(id: $id) { startsAt otherPartyStartsAtLocal } }',
      { id: meetingId },
      ann.accessToken,
    );
    expect(new Date(stored.meeting.startsAt).toISOString()).toBe('2027-03-15T13:00:00.000Z');
    expect(stored.meeting.otherPartyStartsAtLocal).toBe('Mon 15 Mar 2027, 09:00 EDT');

    // Nick's bell rises live; the meeting waits under Pending, in his zone with Ann's time beside it.
    await b.page.getByRole('link', { name: 'Notifications, 1 unread' }).click();
    // Booked from the DM, the notification carries the room too; it opens the meeting.
    const notification = b.page.getByRole('list', { name: 'Notifications' }).getByRole('link').first();
    await notification.waitFor();
    expect(await notification.getAttribute('href')).toBe(`/meetings/${meetingId}`);
    await b.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Meetings' }).click();
    const pendingCard = section(b.page, 'Pending').getByRole('link', { name: /Meeting with Ann Berlin/ });
    await pendingCard.waitFor();
    const cardText = (await pendingCard.textContent()) ?? '';
    expect(cardText).toMatch(/Needs your answer/);
    expect(cardText).toMatch(/Mon, Mar 15, 2027, 9:00\s*–\s*9:45\sAM EDT/);
    expect(cardText).toMatch(/Mon, 2:00\sPM CET for Ann Berlin/);
    await screenshot(b.page, 'meetings-list-pending');
    await pendingCard.click();
    await b.page.waitForURL(`**/meetings/${meetingId}`);
    await b.page.getByRole('heading', { name: 'Meeting with Ann Berlin' }).waitFor();
    await when(b.page)
      .filter({ hasText: /Mon, Mar 15, 2027, 9:00\s*–\s*9:45\sAM EDT/ })
      .waitFor();
    expect(await theirTime(b.page).textContent()).toMatch(/^Mon, 2:00\sPM CET for Ann Berlin$/);
    await b.page.getByText('Ann Berlin asks you for this meeting.').waitFor();
    expect(await b.page.getByRole('link', { name: 'Join the video call' }).count()).toBe(0);
    await screenshot(b.page, 'meeting-invitee');

    // Nick accepts; Ann's page follows live.
    await b.page.getByRole('button', { name: 'Accept', exact: true }).click();
    await b.page
      .getByText('You accepted the meeting.')
      .or(b.page.getByText('The meeting was accepted.'))
      .waitFor();
    await a.page.getByTestId('meeting-status').getByText('Accepted').waitFor();
    await a.page.getByText('The meeting was accepted.').waitFor();
    const join = a.page.getByRole('link', { name: 'Join the video call' });
    expect(await join.getAttribute('href')).toMatch(/^https?:\/\/.+parley-/);

    // Ann proposes Tuesday 15:00 Berlin = 10:00 New York; Nick sees it live and accepts.
    // Escape closes the form, focus back on its button; then for real.
    const propose = a.page.getByRole('button', { name: 'Propose a new time' });
    await propose.click();
    await a.page.keyboard.press('Escape');
    await a.page.waitForFunction(() => document.activeElement?.textContent === 'Propose a new time');
    await propose.click();
    expect(await a.page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('date');
    await a.page.getByLabel('New date', { exact: true }).fill('2027-03-16');
    await a.page.getByLabel('New time', { exact: true }).fill('15:00');
    await a.page.getByLabel('Why (optional)').fill('Monday is full');
    await a.page.getByRole('button', { name: 'Propose this time' }).click();
    await a.page.getByRole('heading', { name: 'You proposed a new time' }).waitFor();
    await screenshot(a.page, 'meeting-proposed');
    const proposal = b.page.getByRole('region', { name: 'Ann Berlin proposed a new time' });
    await proposal.waitFor();
    expect(await proposal.textContent()).toMatch(
      /Tue, Mar 16, 2027, 10:00\sAM EDT.*Tue, 3:00\sPM CET for Ann Berlin.*Monday is full/,
    );
    await screenshot(b.page, 'meeting-proposal-received');
    await proposal.getByRole('button', { name: 'Accept new time' }).click();
    await when(b.page)
      .filter({ hasText: /Tue, Mar 16, 2027, 10:00\s*–\s*10:45\sAM EDT/ })
      .waitFor();
    await when(a.page)
      .filter({ hasText: /Tue, Mar 16, 2027, 3:00\s*–\s*3:45\sPM CET/ })
      .waitFor();
    await a.page.getByText('· version 2').waitFor();
    expect(await a.page.getByRole('region', { name: 'You proposed a new time' }).count()).toBe(0);

    // Nick cancels with a reason (Escape first puts the form away): both sides show it.
    await b.page.getByRole('button', { name: 'Cancel meeting…' }).click();
    await b.page.keyboard.press('Escape');
    await b.page.waitForFunction(() => document.activeElement?.textContent === 'Cancel meeting…');
    await b.page.getByRole('button', { name: 'Cancel meeting…' }).click();
    const reason = b.page.getByLabel('Reason for cancelling');
    expect(await b.page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
    await reason.fill('Travel plans changed');
    await b.page.getByRole('button', { name: 'Cancel meeting', exact: true }).click();
    await b.page.getByTestId('cancel-reason').getByText('By you: “Travel plans changed”').waitFor();
    await a.page.getByTestId('cancel-reason').getByText('By Nick York: “Travel plans changed”').waitFor();
    expect(await status(a.page).textContent()).toBe('Cancelled');
    expect(await a.page.getByRole('button', { name: 'Propose a new time' }).count()).toBe(0);
    await screenshot(a.page, 'meeting-cancelled');

    // The lists: Ann's meeting is now in the past section.
    await a.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Meetings' }).click();
    await section(a.page, 'Past')
      .getByRole('link', { name: /Meeting with Nick York/ })
      .waitFor();
    expect(await section(a.page, 'Pending').getByRole('listitem').count()).toBe(0);
    await screenshot(a.page, 'meetings-list');

    expect(a.pageErrors).toEqual([]);
    expect(b.pageErrors).toEqual([]);
    await Promise.all([a.context.close(), b.context.close()]);
  });

  test('"With" reaches every contact, the 101st too: search as you type, more pages, all by keyboard', async () => {
    const pia = await registerUser(t, { username: 'pia.picker', displayName: 'Pia Picker' });
    // A hundred contacts sort before Zora: a list of the first 100 never showed her.
    await insertContacts(
      t,
      pia.id,
      Array.from({ length: 100 }, (_, i) => {
        const n = String(i + 1).padStart(3, '0');
        return { username: `mate${n}`, displayName: `Mate ${n}` };
      }),
    );
    const [zoraId] = await insertContacts(t, pia.id, [{ username: 'zora.last', displayName: 'Zora Last' }]);
    const { context, page, pageErrors } = await newPage(browser, { baseURL: t.url });
    await signIn(page, pia.username, pia.password);
    await page.goto('/meetings/new');
    const field = page.getByRole('combobox', { name: 'With' });
    const options = page.getByRole('listbox', { name: 'Contacts' }).getByRole('option');
    const activeOption = async () => {
      const id = await field.getAttribute('aria-activedescendant');
      return id ? page.locator(`[id="${id}"]`).textContent() : null;
    };

    // Nothing typed: Down lists the contacts, a page at a time, the last option loading the next.
    await field.focus();
    await field.press('ArrowDown');
    expect(await field.getAttribute('aria-expanded')).toBe('true');
    await options.nth(20).waitFor();
    expect(await options.count()).toBe(21);
    expect(await activeOption()).toBe('Mate 001 @mate001');
    await field.press('ArrowUp');
    expect(await activeOption()).toBe('Show more contacts');
    await field.press('Enter');
    await options.nth(40).waitFor();
    expect(await options.count()).toBe(41);
    expect(await activeOption()).toBe('Mate 021 @mate021');
    await field.press('Escape');
    expect(await field.getAttribute('aria-expanded')).toBe('false');

    // Typing searches all of them on the server.
    await field.fill('zor');
    await waitUntil(
      'only Zora is offered',
      async () => (await options.allTextContents()).join() === 'Zora Last @zora.last',
    );
    await page.getByRole('status').filter({ hasText: '1 contact.' }).waitFor();
    await screenshot(page, 'meeting-request-invitee-search');
    // No serious or critical axe-core findings with the list open (roles, names, contrast).
    await page.addScriptTag({ path: AXE_PATH });
    const violations = await page.locator('.invitee-picker').evaluate(async (el) => {
      // biome-ignore lint/suspicious/noExplicitAny: axe is injected above, untyped in the page
      const result = await (window as any).axe.run(el, { resultTypes: ['violations'] });
      return (result.violations as { id: string; impact: string | null }[])
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => v.id);
    });
    expect(violations).toEqual([]);
    await field.press('ArrowDown');
    await field.press('Enter');
    expect(await field.inputValue()).toBe('Zora Last (@zora.last)');
    expect(await field.getAttribute('aria-expanded')).toBe('false');
    await page.getByText('Zora Last’s time zone: UTC.').waitFor();
    await page.getByRole('button', { name: 'Send request' }).click();
    await page.waitForURL(/\/meetings\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: 'Meeting with Zora Last' }).waitFor();
    const meetingId = page.url().split('/').pop();
    const stored = await t.ok<{ meeting: { invitee: { id: string } } }>(
      'query($id: ID!) { meeting(id: $id) { invitee { id } } }',
      { id: meetingId },
      pia.accessToken,
    );
    expect(stored.meeting.invitee.id).toBe(zoraId);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  test('a message under a request field goes when that field changes: "With" by picking, the start by its date or time', async () => {
    const rita = await registerUser(t, { displayName: 'Rita Request', timeZone: 'Europe/Berlin' });
    await insertContacts(t, rita.id, [{ username: 'otto.other', displayName: 'Otto Other' }]);
    const { context, page, pageErrors } = await newPage(browser, { baseURL: t.url });
    await signIn(page, rita.username, rita.password);
    await page.goto('/meetings/new');
    const field = page.getByRole('combobox', { name: 'With' });
    await field.waitFor();

    // Nobody picked: said under "With" (checked here, nothing sent), and focus goes there.
    await page.getByRole('button', { name: 'Send request' }).click();
    const pickError = page.getByText('Pick who to meet.');
    await pickError.waitFor();
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect(await field.evaluate((el) => el === document.activeElement)).toBe(true);
    // The picker's input has no form name: picking someone clears the message.
    await field.fill('otto');
    await page
      .getByRole('listbox', { name: 'Contacts' })
      .getByRole('option', { name: /Otto Other/ })
      .waitFor();
    await field.press('ArrowDown');
    await field.press('Enter');
    expect(await field.inputValue()).toBe('Otto Other (@otto.other)');
    await pickError.waitFor({ state: 'detached' });
    expect(await field.getAttribute('aria-invalid')).toBeNull();

    // A start in the past, refused by the server under the date; changing the time (a control named
    // "time", not "startsAt") changes the start, so the message goes, and focus stays where the user types.
    const date = page.getByLabel('Date', { exact: true });
    const time = page.getByLabel('Time', { exact: true });
    await date.fill('2020-03-15');
    await page.getByRole('button', { name: 'Send request' }).click();
    const pastError = page.getByText('The start must be in the future');
    await pastError.waitFor();
    expect(await date.getAttribute('aria-invalid')).toBe('true');
    await time.fill('11:30');
    await pastError.waitFor({ state: 'detached' });
    expect(await date.getAttribute('aria-invalid')).toBeNull();
    expect(await time.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(page.url()).toContain('/meetings/new');
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  test('a request made after the list loaded, before the live connection, shows once it connects', async () => {
    const ann = await registerUser(t, { displayName: 'Ann Early' });
    const nick = await registerUser(t, { displayName: 'Nick Early' });
    await makeContacts(t, ann, nick);
    const b = await newPage(browser, { baseURL: t.url });
    // No live connection until the (empty) list is on screen and Ann has asked.
    const socket = await switchableSocket(b.page, { refuse: true });
    await signIn(b.page, nick.username, nick.password);
    await b.page.goto('/meetings');
    await section(b.page, 'Pending').waitFor();
    expect(await section(b.page, 'Pending').getByRole('listitem').count()).toBe(0);
    expect(await b.page.locator('[data-connection="connected"]').count()).toBe(0);

    await requestMeeting(t, ann, nick, { startsAt: new Date(Date.now() + 5 * 3600_000) });
    socket.refuse = false;
    await b.page.locator('[data-connection="connected"]').waitFor({ timeout: 20_000 });
    await section(b.page, 'Pending')
      .getByRole('link', { name: /Meeting with Ann Early/ })
      .waitFor();
    expect(b.pageErrors).toEqual([]);
    await b.context.close();
  });

  test('after a meeting ends each side reviews it once; the list and page follow live', async () => {
    const ann = await registerUser(t, { displayName: 'Ann Review', timeZone: 'Europe/Berlin' });
    const nick = await registerUser(t, { displayName: 'Nick Review', timeZone: 'America/New_York' });
    await makeContacts(t, ann, nick);
    const m = await requestMeeting(t, ann, nick, {
      startsAt: new Date(Date.now() + 3 * 3600_000),
      kind: 'IN_PERSON',
      location: 'Café Einstein',
    });

    const b = await newPage(browser, { baseURL: t.url, timezoneId: 'America/New_York' });
    await signIn(b.page, nick.username, nick.password);
    await b.page.goto('/meetings');
    const card = section(b.page, 'Pending').getByRole('link', { name: /Meeting with Ann Review/ });
    await card.waitFor();
    expect(await card.textContent()).toContain('In person · Café Einstein');
    await t.ok('mutation($id: ID!) { acceptMeeting(id: $id) { id } }', { id: m.id }, nick.accessToken);
    // Accepted elsewhere (the API): the list moves it live.
    await section(b.page, 'Upcoming')
      .getByRole('link', { name: /Meeting with Ann Review/ })
      .waitFor();
    expect(await section(b.page, 'Pending').getByRole('listitem').count()).toBe(0);

    // The end as the scheduler would record it (the worker path is tested on the server).
    await t.app.deps.db.updateTable('meetings').set({ status: 'ENDED' }).where('id', '=', m.id).execute();
    await b.page.goto(`/meetings/${m.id}`);
    await b.page.getByRole('heading', { name: 'Your review' }).waitFor();
    await b.page.getByRole('button', { name: 'Submit review' }).click();
    await b.page.getByText('Pick a rating from 1 to 5.').waitFor();
    await b.page.getByRole('radio', { name: '4 · Very good' }).check();
    await b.page.getByLabel('Comment').fill('Good coffee, clear plan.');
    await screenshot(b.page, 'meeting-review-form');
    await b.page.getByRole('button', { name: 'Submit review' }).click();
    await b.page.getByText('Thank you for your review.').waitFor();
    const reviews = b.page.getByRole('region', { name: 'Reviews' });
    await reviews.getByRole('img', { name: '4 out of 5' }).waitFor();
    expect(await b.page.getByRole('heading', { name: 'Your review' }).count()).toBe(0);

    // Ann reviews through the API: the meeting completes and Nick's page shows both reviews live.
    await t.ok(
      'mutation($id: ID!) { submitMeetingReview(id: $id, rating: 5, comment: "Great") { id } }',
      { id: m.id },
      ann.accessToken,
    );
    await b.page.getByTestId('meeting-status').getByText('Completed').waitFor();
    await reviews.getByRole('img', { name: '5 out of 5' }).waitFor();
    await screenshot(b.page, 'meeting-completed');
    await b.page.setViewportSize({ width: 390, height: 844 });
    await b.page.getByRole('link', { name: 'Back to meetings' }).waitFor();
    await screenshot(b.page, 'narrow-meeting');
    expect(b.pageErrors).toEqual([]);
    await b.context.close();
  });
  test('QA fixes: a rejected time reaches the proposer with its reason; DST ranges; lapsed requests; paged past; duration message', async () => {
    const ann = await registerUser(t, { displayName: 'Ann Qa', timeZone: 'Europe/Berlin' });
    const nick = await registerUser(t, { displayName: 'Nick Qa', timeZone: 'America/New_York' });
    await makeContacts(t, ann, nick);
    for (const u of [ann, nick])
      await t.ok('mutation { markAllNotificationsRead { unreadCount } }', {}, u.accessToken);

    // Across Berlin's spring change: 01:30 CET for 2 h ends at 04:30 CEST.
    const dst = await requestMeeting(t, ann, nick, {
      startsAt: '2027-03-28T01:30:00+01:00',
      durationMinutes: 120,
    });
    await meetingOk(t, nick, 'acceptMeeting', dst.id);
    await meetingOk(t, ann, 'proposeReschedule', dst.id, { startsAt: '2027-03-29T15:00:00+02:00' });

    const a = await newPage(browser, { baseURL: t.url, timezoneId: 'Asia/Tokyo' });
    await signIn(a.page, ann.username, ann.password);
    await a.page.locator('[data-connection="connected"]').waitFor();
    await a.page.goto(`/meetings/${dst.id}`);
    await when(a.page)
      .filter({ hasText: /Sun, Mar 28, 2027, 1:30\sAM CET – 4:30\sAM CEST/ })
      .waitFor();
    await a.page.getByRole('heading', { name: 'You proposed a new time' }).waitFor();

    // Nick rejects with a reason (through the API): Ann's page, bell and notification show it.
    await meetingOk(t, nick, 'rejectReschedule', dst.id, { reason: 'Hard stop at 15:45' });
    const rejected = a.page.getByRole('region', { name: 'Nick Qa rejected your proposed time' });
    await rejected.waitFor();
    expect(await rejected.getByTestId('rejection-reason').textContent()).toBe('“Hard stop at 15:45”');
    expect(await rejected.textContent()).toMatch(/Mon, Mar 29, 2027, 3:00\sPM CEST/);
    // Unread: Nick's acceptance and his rejection.
    await a.page.getByRole('link', { name: 'Notifications, 2 unread' }).click();
    const note = a.page.getByRole('list', { name: 'Notifications' }).getByRole('link').first();
    await note.getByText('Nick Qa rejected your proposed time').waitFor();
    expect(await note.textContent()).toContain('Reason: Hard stop at 15:45');
    await screenshot(a.page, 'meeting-rejected-time-notification');

    // A request nobody answers lapses at its start: under Past, no Accept/Decline.
    const lapsing = await requestMeeting(t, nick, ann, { startsAt: new Date(Date.now() + 3_000) });
    await waitFor(
      async () =>
        (
          await t.app.deps.db
            .selectFrom('meetings')
            .select('status')
            .where('id', '=', lapsing.id)
            .executeTakeFirst()
        )?.status === 'EXPIRED',
      20_000,
      'EXPIRED',
    );
    // Past: 23 more, over long ago (their times moved into the past, as if they had happened).
    for (let i = 0; i < 23; i++) {
      const m = await requestMeeting(t, ann, nick, { startsAt: new Date(Date.now() + (i + 10) * 3600_000) });
      const startsAt = new Date(Date.UTC(2025, 0, 1 + i, 15));
      await t.app.deps.db
        .updateTable('meetings')
        .set({ status: 'DECLINED', starts_at: startsAt, ends_at: new Date(startsAt.getTime() + 1_800_000) })
        .where('id', '=', m.id)
        .execute();
    }
    await a.page.goto('/meetings');
    const past = section(a.page, 'Past');
    const cards = past.locator('.meeting-card');
    await cards.first().waitFor();
    expect(await cards.count()).toBe(20);
    // Latest first: the lapsed request (today), then 23 Jan 2025, 22 Jan …
    expect(await cards.first().getAttribute('data-status')).toBe('EXPIRED');
    expect(await cards.first().textContent()).toMatch(/Expired/);
    expect(await cards.nth(1).textContent()).toMatch(/Thu, Jan 23, 2025/);
    expect(
      await section(a.page, 'Pending')
        .getByRole('link', { name: /Meeting with Nick Qa/ })
        .count(),
    ).toBe(0);
    await past.getByRole('button', { name: 'Show older' }).click();
    await cards.nth(23).waitFor();
    expect(await cards.count()).toBe(24);
    expect(await cards.last().textContent()).toMatch(/Wed, Jan 1, 2025/);
    expect(await past.getByRole('button', { name: 'Show older' }).count()).toBe(0);
    await screenshot(a.page, 'meetings-past-paged');
    await cards.first().getByRole('link').click();
    await a.page.getByTestId('expired-note').waitFor();
    expect(await status(a.page).textContent()).toBe('Expired');
    expect(await a.page.getByRole('button', { name: /^(Accept|Decline…)$/ }).count()).toBe(0);

    // The duration's error names no internal field.
    await a.page.goto(`/meetings/new?with=${nick.id}`);
    await a.page.getByLabel('Duration (minutes)').fill('0');
    await a.page.getByRole('button', { name: 'Send request' }).click();
    await a.page.getByText('Duration must be between 5 and 480 minutes').waitFor();
    expect(await a.page.getByText('durationMinutes').count()).toBe(0);
    expect(await a.page.getByLabel('Duration (minutes)').getAttribute('aria-invalid')).toBe('true');

    expect(a.pageErrors).toEqual([]);
    await a.context.close();
  });
});
