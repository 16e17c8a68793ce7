import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { createTestApp, type TestApp } from '../../server/test/helpers/app.ts';
import { registerUser } from '../../server/test/helpers/users.ts';
import { launchBrowser, newPage, screenshot, signIn } from './helpers/browser.ts';

const chromiumPath = inject('chromiumPath');

const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');

describe.skipIf(!chromiumPath)('narrow screens (390 × 844)', () => {
  let t: TestApp;
  let browser: Browser;
  beforeAll(async () => {
    [t, browser] = await Promise.all([createTestApp(), launchBrowser(chromiumPath)]);
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

    // /rooms: the list pane only.
    const sidebar = page.getByRole('complementary', { name: 'Navigation' });
    const main = page.locator('main');
    expect(await sidebar.isVisible()).toBe(true);
    expect(await main.isVisible()).toBe(false);
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
    expect(await main.isVisible()).toBe(false);
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
});
