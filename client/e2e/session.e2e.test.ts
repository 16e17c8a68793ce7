import type { Browser, WebSocketRoute } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { createTestApp, type TestApp } from '../../server/test/helpers/app.ts';
import { registerUser } from '../../server/test/helpers/users.ts';
import { countOperations, launchBrowser, newPage, screenshot, signIn, waitUntil } from './helpers/browser.ts';

const chromiumPath = inject('chromiumPath');

describe.skipIf(!chromiumPath)('session upkeep (10 s access tokens)', () => {
  let t: TestApp;
  let browser: Browser;
  beforeAll(async () => {
    [t, browser] = await Promise.all([
      createTestApp({ env: { ACCESS_TOKEN_TTL_SECONDS: '10' } }),
      launchBrowser(chromiumPath),
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  test('refreshes an expired access token once for concurrent requests, without signing in again', async () => {
    const user = await registerUser(t);
    const { context, page, pageErrors } = await newPage(browser, { baseURL: t.url });
    const operations = countOperations(page);

    const loginResponse = page.waitForResponse(
      (r) => r.request().postData()?.includes('mutation Login') ?? false,
    );
    await signIn(page, user.username, user.password);
    const accessToken = ((await (await loginResponse).json()) as { data: { login: { accessToken: string } } })
      .data.login.accessToken;
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByLabel('Display name').waitFor();

    // Wait until the server itself refuses the page's access token.
    await waitUntil('the access token has expired', async () => {
      const r = await t.gql('{ me { id } }', {}, accessToken);
      return r.errors?.[0]?.message === 'Access token expired';
    });

    // Hold the refresh for a moment so both requests below are rejected while it is in flight.
    await page.route('**/graphql', async (route) => {
      if (route.request().postData()?.includes('mutation RefreshSession'))
        await new Promise((r) => setTimeout(r, 300));
      await route.continue();
    });
    await page.getByLabel('Display name').fill('Still Signed In');
    const save = await page.getByRole('button', { name: 'Save profile' }).elementHandle();
    const toggle = await page.getByLabel('Share read receipts').elementHandle();
    // Two operations in the same tick, both carrying the expired token.
    await page.evaluate(
      ([a, b]) => {
        (a as HTMLElement).click();
        (b as HTMLElement).click();
      },
      [save, toggle],
    );
    await page.getByText('Profile saved').waitFor();
    await page.getByText('Privacy settings saved').waitFor();

    expect(operations.get('UpdateProfile')).toBe(2); // rejected once, retried once
    expect(operations.get('UpdatePrivacy')).toBe(2);
    expect(operations.get('RefreshSession')).toBe(1); // single-flight: one refresh for both
    expect(page.url()).toMatch(/\/settings$/);
    await page.getByTestId('viewer-name').getByText('Still Signed In').waitFor();
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  test('keeps the live connection: banner while down, refresh on 4401, signed out on 4403', async () => {
    const user = await registerUser(t);
    const { context, page, pageErrors } = await newPage(browser, { baseURL: t.url });
    const operations = countOperations(page);

    // Put the page's WebSocket behind a switch: pass through, refuse, or answer like the server would.
    let mode: 'pass' | 'refuse' | 'unauthorized-once' | 'forbidden-once' = 'pass';
    const sockets: WebSocketRoute[] = [];
    await page.routeWebSocket(/\/graphql$/, (ws) => {
      if (mode === 'refuse') return void ws.close({ code: 1012, reason: 'Service restart' });
      if (mode === 'unauthorized-once') {
        mode = 'pass';
        return void ws.close({ code: 4401, reason: 'Access token expired' });
      }
      if (mode === 'forbidden-once') {
        mode = 'pass';
        return void ws.close({ code: 4403, reason: 'Session has been revoked' });
      }
      ws.connectToServer();
      sockets.push(ws);
    });
    const connected = page.locator('[data-connection="connected"]');
    const banner = page.getByText('Reconnecting…');

    await signIn(page, user.username, user.password);
    await connected.waitFor();

    // The server goes away: the banner shows until the socket is back.
    mode = 'refuse';
    await sockets.at(-1)!.close({ code: 1012, reason: 'Service restart' });
    await banner.waitFor();
    await screenshot(page, 'reconnecting');
    mode = 'pass';
    await connected.waitFor({ timeout: 20_000 });
    await banner.waitFor({ state: 'detached' });

    // 4401 on connect: refresh the token, then connect again.
    const refreshesBefore = operations.get('RefreshSession') ?? 0;
    mode = 'unauthorized-once';
    await sockets.at(-1)!.close({ code: 1012, reason: 'Service restart' });
    await waitUntil('the socket refreshed and reconnected', async () => {
      return (
        (operations.get('RefreshSession') ?? 0) === refreshesBefore + 1 && (await connected.count()) === 1
      );
    });
    expect(page.url()).toMatch(/\/rooms$/);

    // 4403: the session was revoked; back to the sign-in page with an explanation.
    mode = 'forbidden-once';
    await sockets.at(-1)!.close({ code: 1012, reason: 'Service restart' });
    await page.waitForURL('**/signin');
    await page.getByText('This session was signed out from another device').waitFor();
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
