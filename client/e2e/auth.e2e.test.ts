import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { createTestApp, type TestApp } from '../../server/test/helpers/app.ts';
import { waitForMail } from '../../server/test/helpers/outbox.ts';
import { registerUser } from '../../server/test/helpers/users.ts';
import { countOperations, launchBrowser, newPage, screenshot, signIn } from './helpers/browser.ts';

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

  test('shows every server error of a sign-up at once, each under its own field', async () => {
    const taken = await registerUser(t);
    const { context, page, pageErrors } = await newPage(browser, { baseURL: t.url });
    await page.goto('/signup');
    await page.getByLabel('Email').fill(taken.email.toUpperCase());
    await page.getByLabel('Username').fill(taken.username);
    await page.getByLabel('Display name').fill('Someone');
    await page.getByLabel('Password', { exact: true }).fill('long enough password');
    await page.getByRole('button', { name: 'Create account' }).click();

    await page.locator('#field-email-error').getByText('An account with this email already exists').waitFor();
    await page.locator('#field-username-error').getByText('This username is taken').waitFor();
    for (const label of ['Email', 'Username']) {
      expect(await page.getByLabel(label).getAttribute('aria-invalid'), label).toBe('true');
    }
    expect(await page.getByRole('alert').count()).toBe(0);
    // Focus moved to the first field to fix.
    expect(await page.getByLabel('Email').evaluate((el) => el === document.activeElement)).toBe(true);
    await screenshot(page, 'sign-up-errors');

    // Fixing one field takes away its message only (and focus stays where the user types).
    await page.getByLabel('Username').fill(`${taken.username}_2`);
    await page.getByText('This username is taken').waitFor({ state: 'detached' });
    expect(await page.getByText('An account with this email already exists').isVisible()).toBe(true);
    expect(await page.getByLabel('Username').evaluate((el) => el === document.activeElement)).toBe(true);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  test("a server error under a field goes as soon as that field changes, also when the browser's validation blocks the resubmit", async () => {
    const taken = await registerUser(t);
    const { context, page, pageErrors } = await newPage(browser, { baseURL: t.url });
    const operations = countOperations(page);
    await page.goto('/signup');
    await page.getByLabel('Email').fill(`not-${taken.email}`);
    await page.getByLabel('Username').fill(taken.username);
    await page.getByLabel('Display name').fill('Someone');
    await page.getByLabel('Password', { exact: true }).fill('long enough password');
    await page.getByRole('button', { name: 'Create account' }).click();
    const usernameError = page.getByText('This username is taken');
    await usernameError.waitFor();
    expect(operations.get('Register')).toBe(1);

    // Emptied: the old message goes at once.
    const username = page.getByLabel('Username');
    await username.fill('');
    await usernameError.waitFor({ state: 'detached' });
    expect(await username.getAttribute('aria-invalid')).toBeNull();
    // The browser refuses the empty field itself: nothing is sent, and no stale message comes back.
    await page.getByRole('button', { name: 'Create account' }).click();
    expect(await username.evaluate((el) => (el as HTMLInputElement).validity.valueMissing)).toBe(true);
    expect(await usernameError.count()).toBe(0);

    // The same for a value too short for the browser, after another server answer.
    await username.fill(taken.username);
    await page.getByRole('button', { name: 'Create account' }).click();
    await usernameError.waitFor();
    await username.selectText();
    await username.pressSequentially('ab');
    await usernameError.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Create account' }).click();
    expect(await username.evaluate((el) => (el as HTMLInputElement).validity.valid)).toBe(false);
    expect(await usernameError.count()).toBe(0);
    expect(operations.get('Register')).toBe(2);
    expect(page.url()).toContain('/signup');
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

  test('a display name of emoji counts each as one character: 80 save, 81 are refused next to the field', async () => {
    const user = await registerUser(t, { displayName: 'Emoji Fan' });
    const { context, page, pageErrors } = await newPage(browser, { baseURL: t.url });
    const operations = countOperations(page);
    await signIn(page, user.username, user.password);
    await page.getByRole('link', { name: 'Settings' }).click();
    const displayName = page.getByLabel('Display name');
    await displayName.waitFor();

    // 80 emoji are 160 UTF-16 units: an HTML maxLength of 80 stopped them at 40.
    const name = '🦄'.repeat(80);
    await displayName.fill('');
    await page.keyboard.insertText(name); // as a paste inserts it
    expect(await displayName.inputValue()).toBe(name);
    await page.getByText('80 / 80 characters', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.getByText('Profile saved').waitFor();
    await page.getByTestId('viewer-name').getByText(name).waitFor();
    const saves = operations.get('UpdateProfile');
    expect(saves).toBe(1);

    // One more is kept whole, marked, and refused with a message; nothing is sent.
    await displayName.press('End');
    await page.keyboard.insertText('🦄');
    expect(await displayName.inputValue()).toBe(`${name}🦄`);
    await page.getByText('81 / 80 characters: 1 too many').waitFor();
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.getByText('Too long: at most 80 characters.').waitFor();
    expect(await displayName.getAttribute('aria-invalid')).toBe('true');
    expect(await displayName.getAttribute('aria-describedby')).toContain('field-displayName-error');
    expect(await displayName.evaluate((el) => el === document.activeElement)).toBe(true);
    await screenshot(page, 'settings-name-too-long');
    expect(operations.get('UpdateProfile')).toBe(saves);
    const me = await t.ok<{ me: { displayName: string } }>('{ me { displayName } }', {}, user.accessToken);
    expect(me.me.displayName).toBe(name);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  test('a detour through "Forgot your password?" still ends where the visitor was headed', async () => {
    const user = await registerUser(t);
    const { context, page, pageErrors } = await newPage(browser, { baseURL: t.url });
    await page.goto('/meetings?from=email');
    await page.waitForURL('**/signin');
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await page.waitForURL('**/forgot-password');
    await page.getByRole('link', { name: 'Back to sign in' }).click();
    await page.waitForURL('**/signin');
    await page.getByLabel('Email or username').fill(user.username);
    await page.getByLabel('Password', { exact: true }).fill(user.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/meetings?from=email');
    await page.getByRole('heading', { name: 'Meetings' }).waitFor();
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

  /** Asks the server for a reset email for `email` and returns the code it carries. */
  async function resetToken(email: string): Promise<string> {
    await t.ok('mutation($email: String!) { requestPasswordReset(email: $email) }', { email });
    const mail = await waitForMail(t, (m) => m.to.includes(email));
    const token = /reset code is: ([A-Za-z0-9_-]+)/.exec(mail.raw)?.[1];
    expect(token).toBeTruthy();
    return token!;
  }

  test("opening another account's reset link keeps the signed-in session", async () => {
    const a = await registerUser(t, { displayName: 'Alice Signed In' });
    const b = await registerUser(t, { displayName: 'Bob Forgot' });
    const { context, page, pageErrors } = await newPage(browser, { baseURL: t.url });
    await signIn(page, a.username, a.password);
    const token = await resetToken(b.email);

    await page.goto(`/reset-password?token=${encodeURIComponent(token)}`);
    // The form shows, with an honest word about the session, which is left alone.
    await page.getByText(`You are signed in as Alice Signed In (@${a.username})`).waitFor();
    await page.getByLabel('New password', { exact: true }).waitFor();
    expect(await page.evaluate(() => localStorage.getItem('parley.refreshToken'))).toBeTruthy();
    expect(page.url()).toContain('/reset-password');
    await screenshot(page, 'reset-password-signed-in');

    await page.getByLabel('New password', { exact: true }).fill('bob has a new secret');
    await page.getByLabel('Repeat the new password').fill('bob has a new secret');
    await page.getByRole('button', { name: 'Change password' }).click();
    // Another account's sessions ended, not this one: no trip to the sign-in page.
    await page.getByText('The password was changed, and the account this link was sent for').waitFor();
    await page.getByText(`You are still signed in here as Alice Signed In (@${a.username})`).waitFor();
    expect(page.url()).toContain('/reset-password');
    expect(await page.evaluate(() => localStorage.getItem('parley.refreshToken'))).toBeTruthy();

    // B signs in with the new password (and no longer with the old one).
    await t.ok(`mutation($input: LoginInput!) { login(input: $input) { user { id } } }`, {
      input: { login: b.username, password: 'bob has a new secret' },
    });
    const old = await t.gql(`mutation($input: LoginInput!) { login(input: $input) { user { id } } }`, {
      input: { login: b.username, password: b.password },
    });
    expect(old.errors?.length).toBeGreaterThan(0);

    // A's session still works, also after a reload.
    await page.getByRole('link', { name: 'Back to Parley' }).click();
    await page.waitForURL('**/rooms');
    await page.getByTestId('viewer-name').getByText('Alice Signed In').waitFor();
    await page.reload();
    await page.getByTestId('viewer-name').getByText('Alice Signed In').waitFor();
    expect(page.url()).toContain('/rooms');
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  test('resetting the signed-in account’s own password ends its session', async () => {
    const a = await registerUser(t, { displayName: 'Own Reset' });
    const { context, page, pageErrors } = await newPage(browser, { baseURL: t.url });
    await signIn(page, a.username, a.password);
    const token = await resetToken(a.email);

    await page.goto(`/reset-password?token=${encodeURIComponent(token)}`);
    await page.getByText(`You are signed in as Own Reset (@${a.username})`).waitFor();
    await page.getByLabel('New password', { exact: true }).fill('my own new secret');
    await page.getByLabel('Repeat the new password').fill('my own new secret');
    await page.getByRole('button', { name: 'Change password' }).click();
    // The server ended every session of the account, this one too: sign in again.
    await page.waitForURL('**/signin');
    await page.getByText('Your password was changed').waitFor();
    expect(await page.evaluate(() => localStorage.getItem('parley.refreshToken'))).toBeNull();
    await signIn(page, a.username, 'my own new secret');
    await page.getByTestId('viewer-name').getByText('Own Reset').waitFor();
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
