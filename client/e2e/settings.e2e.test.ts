import type { Browser, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { createTestApp, type TestApp } from '../../server/test/helpers/app.ts';
import { registerUser } from '../../server/test/helpers/users.ts';
import {
  countOperations,
  graphqlOperation,
  launchBrowser,
  newPage,
  screenshot,
  signIn,
} from './helpers/browser.ts';

const chromiumPath = inject('chromiumPath');

describe.skipIf(!chromiumPath)('settings forms in the browser', () => {
  let t: TestApp;
  let browser: Browser;
  beforeAll(async () => {
    [t, browser] = await Promise.all([createTestApp(), launchBrowser(chromiumPath)]);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  test("a server error under a settings field goes as soon as that field changes, also when the browser's validation blocks the resubmit", async () => {
    const user = await registerUser(t);
    const { context, page, pageErrors } = await newPage(browser, { baseURL: t.url });
    const operations = countOperations(page);
    await signIn(page, user.username, user.password);
    await page.getByRole('link', { name: 'Settings' }).click();

    // Profile: an unknown time zone, refused by the server next to the field.
    const timeZone = page.getByLabel('Time zone');
    await timeZone.fill('Mars/Olympus_Mons');
    await page.getByRole('button', { name: 'Save profile' }).click();
    const zoneError = page.getByText('Unknown time zone');
    await zoneError.waitFor();
    expect(await timeZone.getAttribute('aria-invalid')).toBe('true');
    expect(await timeZone.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(operations.get('UpdateProfile')).toBe(1);

    // Emptied: the message goes at once, and focus stays where the user types.
    await timeZone.fill('');
    await zoneError.waitFor({ state: 'detached' });
    expect(await timeZone.getAttribute('aria-invalid')).toBeNull();
    expect(await timeZone.evaluate((el) => el === document.activeElement)).toBe(true);
    // The browser refuses the empty field itself: nothing is sent, and the old message does not come back.
    await page.getByRole('button', { name: 'Save profile' }).click();
    expect(await timeZone.evaluate((el) => (el as HTMLInputElement).validity.valueMissing)).toBe(true);
    expect(await zoneError.count()).toBe(0);
    expect(operations.get('UpdateProfile')).toBe(1);

    // Password: a message stays while another field changes, and goes when its own does.
    const current = page.getByLabel('Current password');
    const next = page.getByLabel('New password', { exact: true });
    await current.fill('wrong password');
    await next.fill('a brand new password');
    await page.getByRole('button', { name: 'Change password' }).click();
    const currentError = page.getByText('Current password is incorrect');
    await currentError.waitFor();
    expect(await current.evaluate((el) => el === document.activeElement)).toBe(true);
    await next.fill('another new password');
    expect(await currentError.isVisible()).toBe(true);
    await current.fill('');
    await currentError.waitFor({ state: 'detached' });
    expect(await current.getAttribute('aria-invalid')).toBeNull();
    await page.getByRole('button', { name: 'Change password' }).click();
    expect(await current.evaluate((el) => (el as HTMLInputElement).validity.valueMissing)).toBe(true);
    expect(await currentError.count()).toBe(0);
    expect(operations.get('ChangePassword')).toBe(1);
    await screenshot(page, 'settings-errors-cleared');
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  test('a settings form shows every field problem one server error lists, each under its field', async () => {
    const user = await registerUser(t);
    const { context, page, pageErrors } = await newPage(browser, { baseURL: t.url });
    await signIn(page, user.username, user.password);
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByLabel('Display name').waitFor();

    // The shape `Mutation.register` answers with (schema.graphql), here for the profile.
    const fieldErrors = [
      { field: 'displayName', message: 'Display name must have a visible character', code: 'BAD_USER_INPUT' },
      { field: 'bio', message: 'Bio must not say that', code: 'BAD_USER_INPUT' },
    ];
    await page.route('**/graphql', (route: Route) => {
      if (graphqlOperation(route.request()) !== 'UpdateProfile') return route.fallback();
      return route.fulfill({
        contentType: 'application/json',
        body: JSON.stringify({
          data: null,
          errors: [
            {
              message: fieldErrors[0]!.message,
              path: ['updateProfile'],
              extensions: { code: 'BAD_USER_INPUT', field: 'displayName', fieldErrors },
            },
          ],
        }),
      });
    });
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.locator('#field-displayName-error').getByText(fieldErrors[0]!.message).waitFor();
    await page.locator('#field-bio-error').getByText(fieldErrors[1]!.message).waitFor();
    expect(await page.getByLabel('Bio').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByText('Profile saved').count()).toBe(0);
    // Focus on the first field to fix; no form-level alert.
    expect(await page.getByLabel('Display name').evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await page.locator('form').getByRole('alert').count()).toBe(0);

    // Editing the bio takes away its message only.
    await page.getByLabel('Bio').fill('Something else');
    await page.locator('#field-bio-error').waitFor({ state: 'detached' });
    expect(await page.locator('#field-displayName-error').isVisible()).toBe(true);
    await page.unroute('**/graphql');
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  test('settings that could not be loaded: a retry that fails again says so, stays retryable, and raises no page error', async () => {
    const user = await registerUser(t, { displayName: 'Retry Ruth' });
    const { context, page, pageErrors } = await newPage(browser, { baseURL: t.url });
    const operations = countOperations(page);
    await signIn(page, user.username, user.password);

    let failing = true;
    await page.route('**/graphql', (route: Route) => {
      if (failing && graphqlOperation(route.request()) === 'SettingsPage') return route.abort('failed');
      return route.fallback();
    });
    await page.goto('/settings');
    const alert = page.getByRole('alert').filter({ hasText: 'Your settings could not be loaded.' });
    await alert.waitFor();
    const loadsBefore = operations.get('SettingsPage') ?? 0;

    // The retry fails too (the query's refetch, passed as it is, rejects): said in the alert, with
    // the button still there, and handled (no unhandled rejection).
    await alert.getByRole('button', { name: 'Try again' }).click();
    await alert.getByText('Trying again did not work either.').waitFor();
    expect(pageErrors).toEqual([]);
    expect(operations.get('SettingsPage')).toBe(loadsBefore + 1);
    // The page showed "Loading…" meanwhile, taking the clicked button away: focus is back on the new one.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Try again');
    await screenshot(page, 'settings-load-error-retry-failed');

    // And again, now that the server answers: the settings show.
    failing = false;
    await alert.getByRole('button', { name: 'Try again' }).click();
    await page.getByLabel('Display name').waitFor();
    expect(await page.getByLabel('Display name').inputValue()).toBe('Retry Ruth');
    await page.unroute('**/graphql');
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
