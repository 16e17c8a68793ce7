import type { Browser, Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { createTestApp, type TestApp } from '../../server/test/helpers/app.ts';
import { registerUser } from '../../server/test/helpers/users.ts';
import { launchBrowser, newPage, screenshot, signIn } from './helpers/browser.ts';

const chromiumPath = inject('chromiumPath');

/** Lines of text the element takes up (its height over its line height). */
const lines = (locator: Locator) =>
  locator.evaluate((el) => {
    const style = getComputedStyle(el);
    const lineHeight = Number.parseFloat(style.lineHeight) || 1.5 * Number.parseFloat(style.fontSize);
    return Math.round(el.getBoundingClientRect().height / lineHeight);
  });

/** Whether the element's text is cut short with an ellipsis (one line, wider than its box). */
const ellipsised = (locator: Locator) =>
  locator.evaluate(
    (el) => getComputedStyle(el).textOverflow === 'ellipsis' && el.scrollWidth > el.clientWidth,
  );

describe.skipIf(!chromiumPath)('the signed-in shell', () => {
  let t: TestApp;
  let browser: Browser;
  beforeAll(async () => {
    [t, browser] = await Promise.all([createTestApp(), launchBrowser(chromiumPath)]);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  test.each([
    ['desktop', { width: 1280, height: 800 }],
    ['phone', { width: 390, height: 844 }],
  ])(
    'a long name in the sidebar footer stays on one line, cut with an ellipsis, in full on hover (%s)',
    async (name, viewport) => {
      // 80 characters with spaces, and a 32-character username (both the longest allowed).
      const displayName =
        'Maximiliana Alexandrina Theodora Konstantinopoulou-Wolfeschlegelsteinhausenberger'.slice(0, 80);
      const username = `u${process.pid}_${name}_${'n'.repeat(32)}`.slice(0, 32);
      const user = await registerUser(t, { displayName, username });
      const { context, page, pageErrors } = await newPage(browser, { baseURL: t.url, viewport });
      await signIn(page, user.username, user.password);
      const footer = page.locator('.sidebar-footer');
      const shownName = footer.getByTestId('viewer-name');
      await shownName.waitFor();
      const shownUsername = footer.getByText(`@${username}`);
      await screenshot(page, `viewer-badge-${name}`);

      // One line each, cut with an ellipsis; in full for a pointer (title) and a screen reader (the text).
      const shown = async (element: Locator) => ({
        lines: await lines(element),
        ellipsised: await ellipsised(element),
        title: await element.getAttribute('title'),
        text: await element.textContent(),
      });
      expect({ name: await shown(shownName), username: await shown(shownUsername) }).toEqual({
        name: { lines: 1, ellipsised: true, title: displayName, text: displayName },
        username: { lines: 1, ellipsised: true, title: `@${username}`, text: `@${username}` },
      });
      // The name gets the footer's room that "Sign out" leaves, and the button stays whole on screen.
      const signOut = await footer.getByRole('button', { name: 'Sign out' }).boundingBox();
      const footerBox = await footer.boundingBox();
      expect(signOut!.x + signOut!.width).toBeLessThanOrEqual(footerBox!.x + footerBox!.width + 0.5);
      const nameBox = await shownName.boundingBox();
      expect(signOut!.x - (nameBox!.x + nameBox!.width)).toBeLessThanOrEqual(16);
      expect(
        await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        ),
      ).toBe(0);
      expect(pageErrors).toEqual([]);
      await context.close();
    },
  );
});
