/**
 * GraphiQL at /graphiql: our own build (client/src/graphiql), with every
 * request to anything but the test server blocked, as on a deployment without
 * internet access. An integrator reads the schema's docs, runs a query with
 * the Bearer token typed in the header editor, and runs subscriptions over
 * graphql-ws authenticated with that same header.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page, WebSocket } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { createTestApp, type TestApp } from '../../server/test/helpers/app.ts';
import { createGroup, send } from '../../server/test/helpers/chat.ts';
import { registerUser, type TestUser } from '../../server/test/helpers/users.ts';
import { launchBrowser, newPage, screenshot, waitUntil } from './helpers/browser.ts';
import { makeContacts } from './helpers/chat.ts';

const chromiumPath = inject('chromiumPath');

/** Blocks every request that does not go to `origin`; returns the ones that were attempted. */
async function offline(context: BrowserContext, origin: string): Promise<string[]> {
  const blocked: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (new URL(url).origin === origin) return route.continue();
    blocked.push(url);
    return route.abort('internetdisconnected');
  });
  return blocked;
}

/**
 * One of GraphiQL's editors, by its region's name: the shown one (the Headers region holds the
 * variables editor too, hidden).
 */
const editorLines = (page: Page, region: string) =>
  page.getByRole('region', { name: region }).locator('.view-lines').filter({ visible: true });

/** The text of one of GraphiQL's editors (Monaco renders spaces as no-break spaces). */
async function editorText(page: Page, region: string): Promise<string> {
  const text = await editorLines(page, region).innerText();
  return text.replaceAll('\u00a0', ' ');
}

/**
 * Replaces an editor's content, as a paste would: typing would trigger Monaco's auto-closing, as
 * would a line break in `text` (so it is one line).
 */
async function setEditor(page: Page, region: string, text: string): Promise<void> {
  // Monaco's lines lie over its input area, scrolled with the text: click the editor's corner.
  await page
    .getByRole('region', { name: region })
    .locator('.monaco-editor')
    .filter({ visible: true })
    .click({ position: { x: 8, y: 8 } });
  await page.keyboard.press('ControlOrMeta+KeyA');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(text);
  await waitUntil(
    `the ${region} editor holds ${text}`,
    async () => (await editorText(page, region)) === text,
  );
}

/**
 * Runs the operation named `name`. GraphiQL parses the editor shortly after a change; until then
 * it still sees the earlier document, and with several operations in it the button opens a menu
 * to pick one instead of running. The tab's title is the parsed operation's name.
 */
async function run(page: Page, name: string): Promise<void> {
  await page.getByRole('tab', { name, exact: true }).waitFor();
  await page.getByRole('button', { name: 'Execute query (Ctrl-Enter)' }).click();
}

async function resultContains(page: Page, what: string): Promise<void> {
  let shown = '';
  await waitUntil(`the result shows ${what}`, async () => {
    // Long lines wrap (at a space): compare with runs of white space as one.
    shown = (await editorText(page, 'Result Window')).replace(/\s+/g, ' ');
    return shown.includes(what);
  }).catch(async (err: Error) => {
    await screenshot(page, 'graphiql-failure');
    throw new Error(`${err.message}; the result shows: ${shown}`);
  });
}

/** Frames the page sent on its graphql-ws sockets, parsed. */
function sentFrames(ws: WebSocket): { type: string; payload?: Record<string, unknown> }[] {
  const frames: { type: string; payload?: Record<string, unknown> }[] = [];
  ws.on('framesent', (frame) => {
    if (typeof frame.payload === 'string') frames.push(JSON.parse(frame.payload));
  });
  return frames;
}

describe.skipIf(!chromiumPath)('GraphiQL', () => {
  let t: TestApp;
  let browser: Browser;
  let alice: TestUser;
  let bob: TestUser;
  beforeAll(async () => {
    [t, browser] = await Promise.all([createTestApp(), launchBrowser(chromiumPath)]);
    [alice, bob] = await Promise.all([
      registerUser(t, { username: `alice_${process.pid}` }),
      registerUser(t, { username: `bob_${process.pid}` }),
    ]);
    await makeContacts(t, alice, bob);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  test('works offline: schema docs, a query with a Bearer header, live subscriptions over graphql-ws', async () => {
    const room = await createGroup(t, alice, [bob], 'GraphiQL room');
    const { context, page, pageErrors, consoleMessages } = await newPage(browser, { baseURL: t.url });
    const origin = new URL(t.url).origin;
    const blocked = await offline(context, origin);
    const requested: string[] = [];
    context.on('request', (request) => requested.push(request.url()));
    const sockets: { url: string; frames: ReturnType<typeof sentFrames> }[] = [];
    page.on('websocket', (ws) => sockets.push({ url: ws.url(), frames: sentFrames(ws) }));

    const response = await page.goto('/graphiql');
    // Mercurius' page asked unpkg.com for React and GraphiQL here, and stayed blank.
    expect(blocked).toEqual([]);

    // The schema's documentation, from introspection.
    await page.getByRole('button', { name: 'Show Documentation Explorer' }).click();
    await page.getByText('Root Types').waitFor();
    await page.getByRole('link', { name: 'Query', exact: true }).click();
    await page.getByText('The signed-in user. UNAUTHENTICATED without a valid token.').waitFor();

    // A query, authenticated by the header typed in the header editor.
    await setEditor(page, 'Headers', `{"Authorization": "Bearer ${alice.accessToken}"}`);
    await setEditor(page, 'Operation Editor', 'query Me { me { username } }');
    await run(page, 'Me');
    await resultContains(page, `"username": "${alice.username}"`);

    // A subscription: over graphql-ws at /graphql, the header in connection_init's payload.
    // With afterSeq, a message committed before the server has attached the subscription still
    // arrives (replayed); it is sent only after the page sent `subscribe`.
    await setEditor(
      page,
      'Operation Editor',
      `subscription Live { roomEvents(roomId: "${room.id}", afterSeq: ${room.lastSeq}) { __typename ... on MessageCreated { message { body sender { username } } } } }`,
    );
    await run(page, 'Live');
    await waitUntil('the subscription is sent', () =>
      sockets.some((s) => s.frames.some((f) => f.type === 'subscribe')),
    );
    const [first] = sockets;
    expect(first?.url).toBe(`${origin.replace('http', 'ws')}/graphql`);
    expect(first?.frames[0]).toEqual({
      type: 'connection_init',
      payload: { authorization: `Bearer ${alice.accessToken}` },
    });
    await send(t, bob, room.id, 'Hello from the API');
    await resultContains(page, '"body": "Hello from the API"');
    await resultContains(page, `"username": "${bob.username}"`);
    await screenshot(page, 'graphiql-subscription');

    // Another header: a new connection, authenticated as Bob.
    await page.getByRole('button', { name: 'Stop query (Ctrl-Enter)' }).click();
    await setEditor(page, 'Headers', `{"authorization": "Bearer ${bob.accessToken}"}`);
    await run(page, 'Live');
    await waitUntil('a second socket subscribes', () =>
      Boolean(sockets[1]?.frames.some((f) => f.type === 'subscribe')),
    );
    expect(sockets[1]?.frames[0]?.payload).toEqual({ authorization: `Bearer ${bob.accessToken}` });
    await send(t, alice, room.id, 'Hello Bob, live');
    await resultContains(page, '"body": "Hello Bob, live"');

    // Without a token, the server's refusal (4401) is shown, with what to do.
    await page.getByRole('button', { name: 'Stop query (Ctrl-Enter)' }).click();
    await setEditor(page, 'Headers', '{}');
    await run(page, 'Live');
    await resultContains(page, 'The WebSocket closed with 4401: Authentication required.');

    expect(blocked).toEqual([]);
    expect(response?.headers()['content-security-policy']).toContain("default-src 'self'");
    expect(requested.filter((url) => !url.startsWith(`${origin}/`))).toEqual([]);
    expect(
      sockets.map((s) => s.url).filter((url) => !url.startsWith(`${origin.replace('http', 'ws')}/`)),
    ).toEqual([]);
    expect(pageErrors).toEqual([]);
    // A request the content security policy refused would show here.
    expect(consoleMessages).toEqual([]);
  });

  test('GRAPHIQL=false: no page; without a client build, a page that says how to make one', async () => {
    const off = await createTestApp({ env: { GRAPHIQL: 'false' }, database: t.database });
    try {
      expect((await off.app.inject('/graphiql')).statusCode).toBe(404);
      expect((await off.app.inject('/graphiql.html')).statusCode).toBe(404);
      expect((await off.app.inject({ url: '/graphiql', headers: { accept: 'text/html' } })).statusCode).toBe(
        404,
      );
      // The chat app is still there.
      expect((await off.app.inject({ url: '/', headers: { accept: 'text/html' } })).statusCode).toBe(200);
    } finally {
      await off.close();
    }
    // On, the page is only at /graphiql.
    expect((await t.app.inject('/graphiql.html')).statusCode).toBe(404);

    const emptyDir = await mkdtemp(path.join(os.tmpdir(), 'parley-no-client-'));
    const unbuilt = await createTestApp({ config: { clientDistDir: emptyDir }, database: t.database });
    try {
      const page = await unbuilt.app.inject('/graphiql');
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('npm run build:client');
    } finally {
      await unbuilt.close();
      await rm(emptyDir, { recursive: true });
    }
  });
});
