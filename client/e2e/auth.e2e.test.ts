import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { createTestApp, type TestApp } from '../../server/test/helpers/app.ts';
import { waitForMail } from '../../server/test/helpers/outbox.ts';
import { registerUser } from '../../server/test/helpers/users.ts';
import { launchBrowser, newPage, screenshot, signIn } from './helpers/browser.ts';

const chromiumPath = inject('chromiumPath');

describe.skipIf(!chromiumPath)('accounts in the browser', () => {
  let t: TestApp;
  let browser: Browser;
  beforeAll(async () => {
    [t, browser] = await Promise.all([createTestApp(), launchBrowser(chromiumPath)]);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  test('signs up, signs out and signs in again', async () => {
    const { context, page, pageErrors } = await newPage(browser, {
      baseURL: t.url,
      timezoneId: 'America/New_York',
    });
    await page.goto('/rooms');
    await page.waitForURL('**/signin');
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await screenshot(page, 'sign-in');

    await page.getByRole('link', { name: 'Create an account' }).click();
    await page.waitForURL('**/signup');
    // The time zone comes from the browser (Intl), editable.
    expect(await page.getByLabel('Time zone').inputValue()).toBe('America/New_York');
    await page.getByLabel('Email').fill('ada@example.com');
    await page.getByLabel('Username').fill('ada');
    await page.getByLabel('Display name').fill('Ada Lovelace');
    await page.getByLabel('Password', { exact: true }).fill('analytical engine');
    await screenshot(page, 'sign-up');
    await page.getByRole('button', { name: 'Create account' }).click();

    // Back where the visitor was headed (/rooms), signed in.
    await page.waitForURL('**/rooms');
    await page.getByTestId('viewer-name').getByText('Ada Lovelace').waitFor();
    await page.locator('[data-connection="connected"]').waitFor();
    // Focus followed the navigation to the new page's heading.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Conversations');
    await screenshot(page, 'rooms');
    const me = await t.ok<{ login: { user: { timeZone: string } } }>(
      `mutation { login(input: { login: "ada", password: "analytical engine" }) { user { timeZone } } }`,
    );
    expect(me.login.user.timeZone).toBe('America/New_York');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL('**/signin');
    await page.getByText('You have signed out.').waitFor();
    expect(await page.evaluate(() => localStorage.getItem('parley.refreshToken'))).toBeNull();
    // The shell is gone for good: /rooms asks to sign in again.
    await page.goto('/rooms');
    await page.waitForURL('**/signin');

    await signIn(page, 'ada', 'analytical engine');
    await page.getByTestId('viewer-name').getByText('Ada Lovelace').waitFor();
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  test('shows server errors next to the field they concern', async () => {
    const taken = await registerUser(t);
    const { context, page, pageErrors } = await newPage(browser, { baseURL: t.url });
    await page.goto('/signup');
    await page.getByLabel('Email').fill('someone.new@example.com');
    await page.getByLabel('Username').fill(taken.username);
    await page.getByLabel('Display name').fill('Someone');
    await page.getByLabel('Password', { exact: true }).fill('long enough password');
    await page.getByRole('button', { name: 'Create account' }).click();

    const username = page.getByLabel('Username');
    await page.getByText('This username is taken').waitFor();
    expect(await username.getAttribute('aria-invalid')).toBe('true');
    expect(await username.getAttribute('aria-describedby')).toContain('field-username-error');
    // Focus moved to the field to fix.
    expect(await username.evaluate((el) => el === document.activeElement)).toBe(true);
    await screenshot(page, 'sign-up-error');

    // A wrong password is a form-level message (no hint which part was wrong).
    await page.goto('/signin');
    await page.getByLabel('Email or username').fill(taken.username);
    await page.getByLabel('Password', { exact: true }).fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').waitFor();
    expect(page.url()).toContain('/signin');
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  test('updates the profile and privacy settings, kept after a reload', async () => {
    const user = await registerUser(t, { displayName: 'Grace', timeZone: 'Europe/Berlin' });
    const { context, page, pageErrors } = await newPage(browser, { baseURL: t.url });
    await signIn(page, user.email, user.password);

    await page.getByRole('link', { name: 'Settings' }).click();
    await page.waitForURL('**/settings');
    const displayName = page.getByLabel('Display name');
    await displayName.waitFor();
    expect(await displayName.inputValue()).toBe('Grace');

    // An unknown time zone is refused by the server, next to the field.
    await page.getByLabel('Time zone').fill('Mars/Olympus_Mons');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.getByText('Unknown time zone').waitFor();

    await displayName.fill('Grace Hopper');
    await page.getByLabel('Time zone').fill('Asia/Kolkata');
    await page.getByLabel('Bio').fill('Compilers, and a nanosecond of wire.');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.getByText('Profile saved').waitFor();
    // The sidebar shows the new name at once (same normalized User in the cache).
    await page.getByTestId('viewer-name').getByText('Grace Hopper').waitFor();

    await page.getByLabel('Show when I am online').uncheck();
    await page.getByText('Privacy settings saved').waitFor();

    // Wrong current password: the message sits next to that field.
    await page.getByLabel('Current password').fill('wrong password');
    await page.getByLabel('New password', { exact: true }).fill('a brand new password');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('Current password is incorrect').waitFor();
    await screenshot(page, 'settings');

    await page.reload();
    await displayName.waitFor();
    expect(await displayName.inputValue()).toBe('Grace Hopper');
    expect(await page.getByLabel('Time zone').inputValue()).toBe('Asia/Kolkata');
    expect(await page.getByLabel('Bio').inputValue()).toBe('Compilers, and a nanosecond of wire.');
    expect(await page.getByLabel('Show when I am online').isChecked()).toBe(false);
    expect(await page.getByLabel('Share read receipts').isChecked()).toBe(true);

    await page.getByLabel('Current password').fill(user.password);
    await page.getByLabel('New password', { exact: true }).fill('a brand new password');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('Password changed').waitFor();
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  test('resets a forgotten password with the emailed link', async () => {
    const user = await registerUser(t);
    const { context, page, pageErrors } = await newPage(browser, { baseURL: t.url });
    await page.goto('/signin');
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await page.waitForURL('**/forgot-password');
    await page.getByLabel('Email').fill(user.email);
    await page.getByRole('button', { name: 'Send reset link' }).click();
    await page.getByText(`If an account exists for ${user.email}, we sent an email`).waitFor();
    await screenshot(page, 'forgot-password');

    const mail = await waitForMail(t, (m) => m.to.includes(user.email));
    const token = /reset code is: ([A-Za-z0-9_-]+)/.exec(mail.raw)?.[1];
    expect(token).toBeTruthy();
    await page.goto(`/reset-password?token=${encodeURIComponent(token!)}`);
    await page.getByLabel('New password', { exact: true }).fill('a completely new secret');
    await page.getByLabel('Repeat the new password').fill('a completely new secret');
    await screenshot(page, 'reset-password');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.waitForURL('**/signin');
    await page.getByText('Your password was changed').waitFor();

    // The old password no longer works; the new one does.
    await page.getByLabel('Email or username').fill(user.username);
    await page.getByLabel('Password', { exact: true }).fill(user.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').waitFor();
    await signIn(page, user.username, 'a completely new secret');

    // The link is single-use.
    await page.goto(`/reset-password?token=${encodeURIComponent(token!)}`);
    await page.getByLabel('New password', { exact: true }).fill('yet another secret');
    await page.getByLabel('Repeat the new password').fill('yet another secret');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('This reset link is invalid, already used or expired').waitFor();
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
