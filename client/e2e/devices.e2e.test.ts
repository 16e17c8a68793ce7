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
});
