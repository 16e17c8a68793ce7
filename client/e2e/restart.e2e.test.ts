/**
 * The server restarts mid-conversation (issue #8): the page shows that it is
 * reconnecting, comes back by itself to the new process on the same address,
 * and shows every message sent meanwhile exactly once; sending works again.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { createScratchDatabase, type ScratchDatabase } from '../../server/src/db/admin.ts';
import { createTestApp, type TestApp } from '../../server/test/helpers/app.ts';
import { openDm, send } from '../../server/test/helpers/chat.ts';
import { freePort } from '../../server/test/helpers/processes.ts';
import { registerUser } from '../../server/test/helpers/users.ts';
import { launchBrowser, newPage, screenshot, signIn } from './helpers/browser.ts';
import { messageItem, messageLog, sendMessage } from './helpers/chat.ts';

const chromiumPath = inject('chromiumPath');

describe.skipIf(!chromiumPath)('server restart', () => {
  let database: ScratchDatabase;
  let browser: Browser;
  const apps: TestApp[] = [];
  beforeAll(async () => {
    [database, browser] = await Promise.all([
      createScratchDatabase(inject('adminDatabaseUrl'), 'parley_test'),
      launchBrowser(chromiumPath),
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    for (const app of apps) await app.close();
    await database?.drop();
  });

  test('a restart mid-conversation loses no message and shows none twice', async () => {
    const port = await freePort();
    const first = await createTestApp({ database, port });
    apps.push(first);
    const alice = await registerUser(first, { displayName: 'Alice' });
    const bob = await registerUser(first, { displayName: 'Bob' });
    const room = await openDm(first, alice, bob);
    await send(first, bob, room.id, 'Before the restart');

    const { context, page, pageErrors } = await newPage(browser, { baseURL: first.url });
    await signIn(page, alice.username, alice.password);
    await page.goto(`/rooms/${room.id}`);
    await messageItem(page, 'Before the restart').waitFor();
    await sendMessage(page, 'Alice before');
    const bodies = async (app: TestApp) => {
      const r = await app.ok(
        `query($r: ID!) { messages(roomId: $r, last: 10) { edges { node { body } } } }`,
        { r: room.id },
        bob.accessToken,
      );
      return r.messages.edges.map((e: { node: { body: string } }) => e.node.body);
    };
    await expect.poll(() => bodies(first)).toContain('Alice before');

    // The process goes away (sockets close with 1001) and a new one starts on the same address.
    await first.close();
    await page.getByText('Reconnecting…').waitFor();
    const second = await createTestApp({ database, port });
    apps.push(second);
    await send(second, bob, room.id, 'During the restart 1');
    await send(second, bob, room.id, 'During the restart 2');

    await page.locator('[data-connection="connected"]').waitFor({ timeout: 30_000 });
    await messageItem(page, 'During the restart 2').waitFor();
    for (const text of ['Before the restart', 'Alice before', 'During the restart 1', 'During the restart 2'])
      expect(await messageItem(page, text).count(), text).toBe(1);
    expect(await messageLog(page).locator('li.message').count()).toBe(4);

    // Live again, both ways.
    await send(second, bob, room.id, 'After the restart');
    await messageItem(page, 'After the restart').waitFor();
    await sendMessage(page, 'Alice after');
    await expect.poll(() => bodies(second)).toContain('Alice after');
    await screenshot(page, 'restart-after');
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
