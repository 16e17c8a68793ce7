import type { Browser, Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { createTestApp, type TestApp } from '../../server/test/helpers/app.ts';
import { registerUser } from '../../server/test/helpers/users.ts';
import { countOperations, launchBrowser, newPage, screenshot, signIn } from './helpers/browser.ts';

const chromiumPath = inject('chromiumPath');

const IPHONE_SAFARI =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';

/** Whether the element has keyboard focus. */
const hasFocus = (locator: Locator) => locator.evaluate((el) => el === document.activeElement);

/** Whether keyboard focus is on the element or inside it. */
const hasFocusWithin = (locator: Locator) => locator.evaluate((el) => el.contains(document.activeElement));

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

  /** How many live sessions the API says the account has (asked with `token`, one of them). */
  async function sessionCount(token: string): Promise<number> {
    const data = await t.ok<{ mySessions: { id: string }[] }>('{ mySessions { id } }', {}, token);
    return data.mySessions.length;
  }

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

    // Signing the phone out asks first; Cancel keeps every session and puts focus back.
    const ops = countOperations(laptop.page);
    const signOutPhone = devices.getByRole('button', { name: /^Sign out Safari on iOS/ });
    await signOutPhone.click();
    const phoneStep = devices.getByRole('group', { name: /^Sign out Safari on iOS, last used .*\?$/ });
    await phoneStep.waitFor();
    expect(await hasFocusWithin(phoneStep)).toBe(true);
    await phoneStep.getByText('It is signed out at once and will have to sign in again.').waitFor();
    await phoneStep.getByRole('button', { name: 'Cancel', exact: true }).click();
    await phoneStep.waitFor({ state: 'detached' });
    expect(await hasFocus(signOutPhone)).toBe(true);
    expect(await devices.getByRole('listitem').count()).toBe(3);
    expect(await sessionCount(me.accessToken)).toBe(3);
    expect(ops.get('RevokeSession')).toBeUndefined();
    expect(phone.page.url()).not.toContain('/signin');

    // Confirmed: the phone is signed out.
    await signOutPhone.click();
    await phoneStep.getByRole('button', { name: 'Yes, sign out Safari on iOS' }).click();
    await laptop.page.getByText('Signed out Safari on iOS').waitFor();
    await devices.getByRole('listitem', { name: 'Safari on iOS' }).waitFor({ state: 'detached' });
    expect(await devices.getByRole('listitem').count()).toBe(2);
    expect(ops.get('RevokeSession')).toBe(1);

    // The phone's open socket is closed (4403): it lands on the sign-in page with a reason
    // at once, without making a request of its own.
    await phone.page.waitForURL('**/signin', { timeout: 5000 });
    await phone.page.getByText('This session was signed out from another device').waitFor();

    // Sign out everywhere asks first too; Cancel keeps this device and the API session.
    const everywhere = laptop.page.getByRole('button', { name: 'Sign out everywhere', exact: true });
    await everywhere.click();
    const everywhereStep = laptop.page.getByRole('group', { name: 'Sign out everywhere?' });
    await everywhereStep.waitFor();
    expect(await hasFocusWithin(everywhereStep)).toBe(true);
    await everywhereStep.getByText('this one included').waitFor();
    await screenshot(laptop.page, 'settings-confirm-sign-out-everywhere');
    await everywhereStep.getByRole('button', { name: 'Cancel', exact: true }).click();
    await everywhereStep.waitFor({ state: 'detached' });
    expect(await hasFocus(everywhere)).toBe(true);
    expect(ops.get('LogoutEverywhere')).toBeUndefined();
    expect(laptop.page.url()).toMatch(/\/settings$/);
    expect(await devices.getByRole('listitem').count()).toBe(2);
    expect(await sessionCount(me.accessToken)).toBe(2);

    // Confirmed: this device too, and the API session.
    await everywhere.click();
    await everywhereStep.getByRole('button', { name: 'Yes, sign out everywhere' }).click();
    await laptop.page.waitForURL('**/signin');
    await laptop.page.getByText('You have signed out.').waitFor();
    expect(ops.get('LogoutEverywhere')).toBe(1);
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
  test('at 390 px the sign-out confirm steps fit the screen', async () => {
    const me = await registerUser(t);
    const { context, page, pageErrors } = await newPage(browser, {
      baseURL: t.url,
      viewport: { width: 390, height: 844 },
    });
    await signIn(page, me.username, me.password);
    await page.goto('/settings');
    const devices = page.getByRole('list', { name: 'Signed-in devices' });
    // This phone-sized browser and the API session registerUser opened.
    await devices.getByRole('listitem').nth(1).waitFor();
    // The one other device's Sign out (this one has none).
    await devices.getByRole('button', { name: /^Sign out / }).click();
    const deviceStep = devices.getByRole('group', { name: /^Sign out .*\?$/ });
    await deviceStep.waitFor();
    await page.getByRole('button', { name: 'Sign out everywhere', exact: true }).click();
    const everywhereStep = page.getByRole('group', { name: 'Sign out everywhere?' });
    await everywhereStep.waitFor();
    await everywhereStep.scrollIntoViewIfNeeded();
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
    ).toBe(0);
    for (const step of [deviceStep, everywhereStep]) {
      for (const part of [
        step,
        step.getByRole('button').first(),
        step.getByRole('button', { name: 'Cancel' }),
      ]) {
        const box = await part.boundingBox();
        if (!box) throw new Error('not on screen');
        expect(box.x).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width).toBeLessThanOrEqual(390);
      }
    }
    await screenshot(page, 'narrow-settings-confirm-sign-out');
    await everywhereStep.getByRole('button', { name: 'Cancel', exact: true }).click();
    await deviceStep.getByRole('button', { name: 'Cancel', exact: true }).click();
    await deviceStep.waitFor({ state: 'detached' });
    expect(await sessionCount(me.accessToken)).toBe(2);
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
