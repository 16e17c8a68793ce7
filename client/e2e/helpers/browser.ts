import { mkdirSync } from 'node:fs';
import path from 'node:path';
import {
  type Browser,
  type BrowserContext,
  chromium,
  type Page,
  type Request,
  type WebSocketRoute,
} from 'playwright-core';
import { REPO_ROOT } from '../../../server/scripts/client-build.ts';

/** Flags that keep Debian's Chromium quiet and self-contained in a container. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const SCREENSHOT_DIR = path.join(REPO_ROOT, 'test-output', 'screenshots');

export function launchBrowser(executablePath: string): Promise<Browser> {
  return chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
}

export interface ContextOptions {
  baseURL: string;
  viewport?: { width: number; height: number };
  timezoneId?: string;
  /** Another browser's User-Agent (e.g. to tell two devices apart in the sessions list). */
  userAgent?: string;
}

/** A fresh browser profile (its own localStorage) pointed at the test server. */
export async function newPage(
  browser: Browser,
  opts: ContextOptions,
): Promise<{ context: BrowserContext; page: Page; pageErrors: string[]; consoleMessages: string[] }> {
  const context = await browser.newContext({
    baseURL: opts.baseURL,
    viewport: opts.viewport ?? { width: 1280, height: 800 },
    timezoneId: opts.timezoneId ?? 'Europe/Berlin',
    locale: 'en-US',
    ...(opts.userAgent ? { userAgent: opts.userAgent } : {}),
  });
  context.setDefaultTimeout(10_000);
  // A page load also starts a renderer and compiles the bundle: on a loaded CI machine (three test
  // files, each with its browser and server, on two cores) the first one took over 10 s.
  context.setDefaultNavigationTimeout(30_000);
  const page = await context.newPage();
  // Uncaught exceptions and unhandled rejections in the page, and Apollo's cache warnings
  // (see cacheWarnings): tests expect none.
  const pageErrors: string[] = [];
  page.on('pageerror', (err) => pageErrors.push(err.message));
  // Warnings and errors the page logged.
  const consoleMessages: string[] = [];
  page.on('console', (message) => {
    if (message.type() !== 'warning' && message.type() !== 'error') return;
    const text = `${message.type()}: ${message.text()}`;
    consoleMessages.push(text);
    if (cacheWarnings([text]).length > 0) pageErrors.push(text);
  });
  return { context, page, pageErrors, consoleMessages };
}

/**
 * Apollo's "Cache data may be lost when replacing the <field> field" warnings
 * among `consoleMessages` (the e2e build is a development build, so Apollo
 * checks every cache write). Each means a field without a merge policy whose
 * data one write threw away (see client/src/apollo/cache.ts).
 */
export const cacheWarnings = (consoleMessages: readonly string[]) =>
  consoleMessages.filter((m) => m.includes('Cache data may be lost'));

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

/** The GraphQL operation a request carries (Apollo sends operationName; the auth store only the query). */
export function graphqlOperation(request: Request): string | undefined {
  if (!request.url().endsWith('/graphql') || request.method() !== 'POST') return undefined;
  try {
    const body = JSON.parse(request.postData() ?? '{}') as { operationName?: string; query?: string };
    return body.operationName ?? /^\s*(?:query|mutation|subscription)\s+(\w+)/.exec(body.query ?? '')?.[1];
  } catch {
    return undefined;
  }
}

/** Counts GraphQL operations by name as the page sends them. */
export function countOperations(page: Page): Map<string, number> {
  const counts = new Map<string, number>();
  page.on('request', (request) => {
    const name = graphqlOperation(request);
    if (name) counts.set(name, (counts.get(name) ?? 0) + 1);
  });
  return counts;
}

/** Polls `condition` until it returns true (never sleeps a fixed time for an event). */
export async function waitUntil(
  what: string,
  condition: () => Promise<boolean> | boolean,
  timeoutMs = 20_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await condition()) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Signs in through the form and waits for the signed-in shell. */
export async function signIn(page: Page, login: string, password: string): Promise<void> {
  if (!page.url().includes('/signin')) await page.goto('/signin');
  await page.getByLabel('Email or username').fill(login);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL('**/rooms');
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
}

/**
 * The page's GraphQL WebSocket behind a switch: while `refuse` is set, every
 * connection is closed at once with 1012, as by a restarting server (the
 * client keeps retrying; HTTP is untouched). `sockets` holds the connections
 * let through, the newest last (close one to drop the live connection). A
 * connection in `silenced` carries nothing either way and never closes: a
 * network that died without telling anyone.
 */
export async function switchableSocket(
  page: Page,
  opts: { refuse?: boolean } = {},
): Promise<{ refuse: boolean; sockets: WebSocketRoute[]; silenced: Set<WebSocketRoute> }> {
  const state = {
    refuse: opts.refuse ?? false,
    sockets: [] as WebSocketRoute[],
    silenced: new Set<WebSocketRoute>(),
  };
  await page.routeWebSocket(/\/graphql$/, (ws) => {
    if (state.refuse) return void ws.close({ code: 1012, reason: 'Service restart' });
    const server = ws.connectToServer();
    ws.onMessage((message) => {
      if (!state.silenced.has(ws)) server.send(message);
    });
    server.onMessage((message) => {
      if (!state.silenced.has(ws)) ws.send(message);
    });
    state.sockets.push(ws);
  });
  return state;
}
