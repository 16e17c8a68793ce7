import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { createTestApp, type TestApp } from '../../server/test/helpers/app.ts';
import { registerUser } from '../../server/test/helpers/users.ts';
import { launchBrowser, newPage, screenshot, signIn } from './helpers/browser.ts';

const chromiumPath = inject('chromiumPath');

const IPHONE_SAFARI =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';

describe.skipIf(!chromiumPath)('signed-in devices in settings', () => {
  let t: TestApp;
  let browser: Browser;
  beforeAll(async () => {
    [t, browser] = await Promise.all([createTestApp(), launchBrowser(chromiumPath)]);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  test('signing out another device from settings ends it there; sign out everywhere ends all', async () => {
    const me = await registerUser(t);
    const laptop = await newPage(browser, { baseURL: t.url });
    const phone = await newPage(browser, { baseURL: t.url, userAgent: IPHONE_SAFARI });
    await signIn(laptop.page, me.username, me.password);
    await signIn(phone.page, me.email, me.password);

    await laptop.page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Settings' })
      .click();
    const devices = laptop.page.getByRole('list', { name: 'Signed-in devices' });
    // This laptop, the phone, and the session registerUser opened over the API.
    await devices.getByRole('listitem').nth(2).waitFor();
    expect(await devices.getByRole('listitem').count()).toBe(3);
    await devices.getByRole('listitem', { name: 'Chrome on Linux (this device)' }).waitFor();
    expect(
      await devices
        .getByRole('listitem', { name: 'Chrome on Linux (this device)' })
        .getByRole('button')
        .count(),
    ).toBe(0);
    await screenshot(laptop.page, 'settings-devices');

    await devices.getByRole('button', { name: /^Sign out Safari on iOS/ }).click();
    await laptop.page.getByText('Signed out Safari on iOS').waitFor();
    await devices.getByRole('listitem', { name: 'Safari on iOS' }).waitFor({ state: 'detached' });
    expect(await devices.getByRole('listitem').count()).toBe(2);

    // The phone's open socket is closed (4403): it lands on the sign-in page with a reason
    // at once, without making a request of its own.
    await phone.page.waitForURL('**/signin', { timeout: 5000 });
    await phone.page.getByText('This session was signed out from another device').waitFor();

    // Sign out everywhere: this device too, and the API session.
    await laptop.page.getByRole('button', { name: 'Sign out everywhere' }).click();
    await laptop.page.waitForURL('**/signin');
    await laptop.page.getByText('You have signed out.').waitFor();
    const after = await t.gql('{ me { id } }', {}, me.accessToken);
    expect(after.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
    expect(after.errors?.[0]?.message).toBe('Session has been revoked');

    expect(laptop.pageErrors).toEqual([]);
    expect(phone.pageErrors).toEqual([]);
    await laptop.context.close();
    await phone.context.close();
  });
  test('changing the password drops the other devices from the list at once', async () => {
    const me = await registerUser(t);
    const laptop = await newPage(browser, { baseURL: t.url });
    const phone = await newPage(browser, { baseURL: t.url, userAgent: IPHONE_SAFARI });
    await signIn(laptop.page, me.username, me.password);
    await signIn(phone.page, me.email, me.password);

    await laptop.page.goto('/settings');
    const devices = laptop.page.getByRole('list', { name: 'Signed-in devices' });
    await devices.getByRole('listitem').nth(2).waitFor();

    await laptop.page.getByLabel('Current password').fill(me.password);
    await laptop.page.getByLabel('New password', { exact: true }).fill('a brand new password');
    await laptop.page.getByRole('button', { name: 'Change password' }).click();
    await laptop.page.getByText('Password changed; other devices were signed out').waitFor();

    // Without a reload: only this device is left (the server ended the phone's and the API's).
    await devices.getByRole('listitem', { name: 'Safari on iOS' }).waitFor({ state: 'detached' });
    expect(await devices.getByRole('listitem').count()).toBe(1);
    await devices.getByRole('listitem', { name: 'Chrome on Linux (this device)' }).waitFor();
    expect(await devices.getByRole('button').count()).toBe(0);
    const sessions = await t.gql<{ mySessions: { current: boolean }[] }>(
      '{ mySessions { current } }',
      {},
      me.accessToken,
    );
    expect(sessions.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');

    expect(laptop.pageErrors).toEqual([]);
    await laptop.context.close();
    await phone.context.close();
  });
  test("device times are in the viewer's profile zone, not the browser's", async () => {
    // The browser is in Berlin (newPage); the profile says Los Angeles, nine hours behind.
    const me = await registerUser(t, { timeZone: 'America/Los_Angeles' });
    const { context, page, pageErrors } = await newPage(browser, { baseURL: t.url });
    await signIn(page, me.username, me.password);
    await page.goto('/settings');
    const row = page
      .getByRole('list', { name: 'Signed-in devices' })
      .getByRole('listitem', { name: 'Chrome on Linux (this device)' });
    await row.waitFor();
    const sessions = await t.ok<{
      mySessions: { createdAt: string; lastUsedAt: string; userAgent: string }[];
    }>('{ mySessions { createdAt lastUsedAt userAgent } }', {}, me.accessToken);
    const mine = sessions.mySessions.find((s) => /Chrome/.test(s.userAgent));
    if (!mine) throw new Error('no browser session');
    const inZone = (iso: string, timeZone: string) =>
      new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(
        new Date(iso),
      );
    const signedIn = row.locator(`time[datetime="${mine.createdAt}"]`);
    expect(await signedIn.innerText()).toBe(inZone(mine.createdAt, 'America/Los_Angeles'));
    expect(await signedIn.innerText()).not.toBe(inZone(mine.createdAt, 'Europe/Berlin'));
    const lastUsed = row.locator('time').first();
    const lastUsedAt = (await lastUsed.getAttribute('datetime')) ?? '';
    expect(await lastUsed.getAttribute('title')).toBe(inZone(lastUsedAt, 'America/Los_Angeles'));
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
