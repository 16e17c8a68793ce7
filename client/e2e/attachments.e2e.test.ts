import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page, Route } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { uuidv7 } from '../../server/src/lib/ids.ts';
import { createTestApp, type TestApp } from '../../server/test/helpers/app.ts';
import { openDm, SEND } from '../../server/test/helpers/chat.ts';
import { makePdf, makePng, upload } from '../../server/test/helpers/files.ts';
import { registerUser, type TestUser } from '../../server/test/helpers/users.ts';
import {
  graphqlOperation,
  launchBrowser,
  newPage,
  screenshot,
  signIn,
  waitUntil,
} from './helpers/browser.ts';
import { makeContacts, messageItem, messageLog, roomLink, sendMessage, sentItem } from './helpers/chat.ts';

const chromiumPath = inject('chromiumPath');

/** Small enough that a generated "large" file is refused quickly; big enough for the test images. */
const UPLOAD_LIMIT = 4 * 1024 * 1024;

let counter = 0;
function person(t: TestApp, name: string): Promise<TestUser> {
  counter += 1;
  return registerUser(t, { displayName: name, username: `${name.toLowerCase()}_${process.pid}_${counter}` });
}

/** A PNG of random pixels (does not compress, so its upload takes visible time when throttled). */
async function noisePng(width: number, height: number): Promise<Buffer> {
  const raw = Buffer.alloc(width * height * 3);
  for (let i = 0; i < raw.length; i++) raw[i] = (i * 7919 + ((i / 3) | 0) * 104_729) % 251;
  return sharp(raw, { raw: { width, height, channels: 3 } })
    .png({ compressionLevel: 0 })
    .toBuffer();
}

/** A one-page PDF (the server recognises it by its `%PDF-` header). */
function tinyPdf(): Buffer {
  return Buffer.from(
    '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
      '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  );
}

/** Waits until an <img> has loaded and returns its natural width (0 = broken). */
async function loadedWidth(page: Page, selector: string): Promise<number> {
  const img = page.locator(selector).first();
  await img.waitFor();
  await waitUntil(`${selector} finished loading`, () => img.evaluate((el: HTMLImageElement) => el.complete));
  return img.evaluate((el: HTMLImageElement) => el.naturalWidth);
}

describe.skipIf(!chromiumPath)('attachments and avatars in the browser', () => {
  let t: TestApp;
  let browser: Browser;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'parley-e2e-files-'));
    [t, browser] = await Promise.all([
      createTestApp({ config: { uploadMaxBytes: UPLOAD_LIMIT } }),
      launchBrowser(chromiumPath),
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('an image and a PDF go to a DM with a caption: progress, pending, live preview, download', async () => {
    const [alice, bob] = await Promise.all([person(t, 'Alice'), person(t, 'Bob')]);
    await makeContacts(t, alice, bob);
    const png = await noisePng(900, 600);
    const pdf = tinyPdf();
    const pngPath = path.join(dir, 'photo.png');
    const pdfPath = path.join(dir, 'report.pdf');
    writeFileSync(pngPath, png);
    writeFileSync(pdfPath, pdf);

    const a = await newPage(browser, { baseURL: t.url });
    const b = await newPage(browser, { baseURL: t.url });
    await signIn(a.page, alice.username, alice.password);
    await signIn(b.page, bob.username, bob.password);

    // Alice opens a DM with Bob.
    await a.page.getByRole('link', { name: 'New chat', exact: true }).click();
    await a.page.getByRole('checkbox', { name: /Bob/ }).check();
    await a.page.getByRole('button', { name: 'Start chat' }).click();
    await a.page.waitForURL(/\/rooms\/[0-9a-f-]{36}$/);
    const roomUrl = new URL(a.page.url()).pathname;
    await b.page.goto(roomUrl);
    await b.page.getByRole('heading', { name: 'Alice', level: 1 }).waitFor();

    // A slow uplink (DevTools throttling) so the progress bar is there to see.
    const cdp = await a.context.newCDPSession(a.page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: 256 * 1024,
    });

    // Alice attaches both files through the Attach button's file picker.
    const [chooser] = await Promise.all([
      a.page.waitForEvent('filechooser'),
      a.page.getByRole('button', { name: 'Attach' }).click(),
    ]);
    expect(chooser.isMultiple()).toBe(true);
    await chooser.setFiles([pngPath, pdfPath]);
    const bar = a.page.getByRole('progressbar', { name: 'Uploading photo.png' });
    await bar.waitFor();
    const seen = new Set<number>();
    await waitUntil('the PNG upload made progress', async () => {
      const now = Number(await bar.getAttribute('aria-valuenow').catch(() => null));
      if (Number.isFinite(now)) seen.add(now);
      return [...seen].some((v) => v > 0 && v < 100);
    });
    await screenshot(a.page, 'attachments-uploading');
    // Sending waits for the uploads.
    expect(await a.page.getByRole('button', { name: 'Send', exact: true }).isDisabled()).toBe(true);
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });
    const tray = a.page.getByRole('list', { name: 'Attachments to send' });
    await tray.locator('[data-status="done"]').nth(1).waitFor();
    expect(await a.page.getByRole('progressbar').count()).toBe(0);
    expect(await tray.getByRole('img', { name: 'photo.png' }).count()).toBe(1);

    // Hold the send so the optimistic message (with its files, marked pending) can be seen.
    let release!: () => void;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    await a.page.route('**/graphql', async (route: Route) => {
      if (graphqlOperation(route.request()) !== 'SendMessage') return route.fallback();
      await gate;
      return route.fallback();
    });
    await sendMessage(a.page, 'Here are the files');
    const pending = messageLog(a.page).locator('[data-status="sending"]');
    await pending.getByTestId('pending-attachments').waitFor();
    expect(await pending.getByTestId('pending-attachments').innerText()).toMatch(
      /photo\.png[\s\S]*report\.pdf/,
    );
    expect(await tray.count()).toBe(0);
    await screenshot(a.page, 'attachments-pending');
    release();
    await a.page.unroute('**/graphql');
    const sent = messageItem(a.page, 'Here are the files').and(a.page.locator('[data-status="sent"]'));
    await sent.waitFor();
    expect(await loadedWidth(a.page, '[data-status="sent"] img[alt="photo.png"]')).toBeGreaterThan(0);

    // Bob sees it live: the preview loads, sized before it did, and the PDF card downloads the exact bytes.
    const received = messageItem(b.page, 'Here are the files');
    await received.waitFor();
    const preview = received.getByRole('img', { name: 'photo.png' });
    await preview.waitFor();
    expect(await preview.getAttribute('width')).toBe('320');
    expect(await preview.getAttribute('height')).toBe('213');
    expect(await loadedWidth(b.page, '.image-preview img[alt="photo.png"]')).toBeGreaterThan(0);
    const download = received.getByRole('link', { name: 'Download report.pdf' });
    await download.waitFor();
    expect(await received.locator('.file-card').innerText()).toMatch(/report\.pdf[\s\S]*\d+ bytes/);
    const href = await download.getAttribute('href');
    expect(href).toMatch(/^\/files\//);
    const fetched = await b.page.evaluate(async (url) => {
      const res = await fetch(url);
      return {
        status: res.status,
        disposition: res.headers.get('content-disposition'),
        bytes: [...new Uint8Array(await res.arrayBuffer())],
      };
    }, href as string);
    expect(fetched.status).toBe(200);
    expect(fetched.disposition).toMatch(/^attachment/);
    expect(Buffer.from(fetched.bytes).equals(pdf)).toBe(true);

    // A click on the preview opens the full image; Escape closes it.
    await preview.click();
    const lightbox = b.page.getByRole('dialog', { name: 'photo.png' });
    await lightbox.waitFor();
    expect(await loadedWidth(b.page, 'dialog[open] img')).toBe(900);
    await screenshot(b.page, 'attachments-lightbox');
    await b.page.keyboard.press('Escape');
    await lightbox.waitFor({ state: 'hidden' });
    await screenshot(b.page, 'attachments-received');

    // The room list says what was sent when a message has files only.
    const [chooser2] = await Promise.all([
      a.page.waitForEvent('filechooser'),
      a.page.getByRole('button', { name: 'Attach' }).click(),
    ]);
    await chooser2.setFiles([pdfPath]);
    await tray.locator('[data-status="done"]').waitFor();
    await a.page.getByRole('button', { name: 'Send', exact: true }).click();
    await waitUntil('Bob sees two PDF cards', async () => (await b.page.locator('.file-card').count()) === 2);
    await roomLink(b.page, /Alice/).filter({ hasText: 'report.pdf' }).waitFor();
    expect(a.pageErrors).toEqual([]);
    expect(b.pageErrors).toEqual([]);
    await Promise.all([a.context.close(), b.context.close()]);
  });

  test('refused files show the server’s reason and can be removed; nothing is sent', async () => {
    const [alice, bob] = await Promise.all([person(t, 'Alice'), person(t, 'Bob')]);
    await makeContacts(t, alice, bob);
    const htmlPath = path.join(dir, 'page.html');
    writeFileSync(htmlPath, '<!doctype html><html><script>alert(1)</script></html>\n');
    // An ELF executable header: detected as application/x-elf, which is not on the allow-list.
    const binPath = path.join(dir, 'install.sh');
    writeFileSync(
      binPath,
      Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(120)]),
    );
    const bigPath = path.join(dir, 'huge.png');
    writeFileSync(bigPath, Buffer.concat([await noisePng(64, 64), Buffer.alloc(UPLOAD_LIMIT + 1024)]));

    const a = await newPage(browser, { baseURL: t.url });
    await signIn(a.page, alice.username, alice.password);
    await a.page.getByRole('link', { name: 'New chat', exact: true }).click();
    await a.page.getByRole('checkbox', { name: /Bob/ }).check();
    await a.page.getByRole('button', { name: 'Start chat' }).click();
    await a.page.waitForURL(/\/rooms\/[0-9a-f-]{36}$/);
    await a.page.getByRole('heading', { name: 'Bob', level: 1 }).waitFor();

    const tray = a.page.getByRole('list', { name: 'Attachments to send' });
    // A file dropped onto the composer uploads like a picked one. The server refuses the first try as
    // if the access token had expired in flight: the client refreshes the session and uploads again.
    const uploads: string[] = [];
    await a.page.route('**/uploads', async (route: Route) => {
      uploads.push(route.request().headers().authorization ?? '');
      if (uploads.length > 1) return route.fallback();
      return route.fulfill({
        status: 401,
        contentType: 'application/json',
        body: JSON.stringify({ error: { code: 'UNAUTHENTICATED', message: 'Access token expired' } }),
      });
    });
    await a.page.getByRole('form', { name: 'Send a message' }).evaluate((form) => {
      const data = new DataTransfer();
      data.items.add(new File(['dropped notes\n'], 'notes.txt', { type: 'text/plain' }));
      form.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
      form.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    });
    await tray.locator('[data-status="done"]').filter({ hasText: 'notes.txt' }).waitFor();
    expect(uploads).toHaveLength(2);
    expect(uploads[1]).toMatch(/^Bearer ./);
    expect(uploads[1]).not.toBe(uploads[0]);
    await a.page.unroute('**/uploads');
    await a.page.getByRole('button', { name: 'Remove notes.txt' }).click();
    expect(await tray.count()).toBe(0);

    const sent: string[] = [];
    a.page.on('request', (r) => {
      if (r.url().endsWith('/uploads'))
        sent.push(r.postDataBuffer()?.includes('huge.png') ? 'huge.png' : 'other');
    });
    await a.page.getByTestId('attach-input').setInputFiles([htmlPath, binPath, bigPath]);
    await waitUntil(
      'all three uploads are refused',
      async () => (await tray.locator('[data-status="failed"]').count()) === 3,
    );
    const alerts = await tray.getByRole('alert').allInnerTexts();
    expect(alerts).toContain('page.html: HTML, SVG and XML documents are not accepted');
    expect(alerts).toContain('install.sh: Files of type application/x-elf are not accepted');
    // Over the deployment's limit (Query.limits): refused before a byte of it is sent.
    expect(alerts.find((m) => m.startsWith('huge.png'))).toMatch(
      /^huge\.png: Files may be at most 4 MB; this one is 4\.0[1-9] MB$/,
    );
    expect(sent).toEqual(['other', 'other']);
    await screenshot(a.page, 'attachments-refused');

    // Nothing to send: Enter with no text and only failed files does nothing.
    await a.page.getByRole('textbox', { name: 'Message', exact: true }).press('Enter');
    await a.page.getByRole('button', { name: 'Remove page.html' }).click();
    await a.page.getByRole('button', { name: 'Remove install.sh' }).click();
    await a.page.getByRole('button', { name: 'Remove huge.png' }).click();
    expect(await tray.count()).toBe(0);
    expect(await messageLog(a.page).locator('[data-status]').count()).toBe(0);
    expect(a.pageErrors).toEqual([]);
    await a.context.close();
  });

  test('a reply to a message with only files says what it quotes: "Photo", the file name', async () => {
    const [alice, bob] = await Promise.all([person(t, 'Alice'), person(t, 'Bob')]);
    await makeContacts(t, alice, bob);
    const room = await openDm(t, alice, bob);
    const photo = await upload(t, bob.accessToken, { filename: 'beach.png', data: await makePng(64, 48) });
    const pdf = await upload(t, bob.accessToken, { filename: 'plan.pdf', data: makePdf() });
    expect([photo.status, pdf.status]).toEqual([201, 201]);
    for (const file of [photo, pdf])
      await t.ok(
        SEND,
        { input: { roomId: room.id, clientId: uuidv7(), attachmentIds: [file.body.id] } },
        bob.accessToken,
      );
    const a = await newPage(browser, { baseURL: t.url });
    await signIn(a.page, alice.username, alice.password);
    await a.page.goto(`/rooms/${room.id}`);
    const items = messageLog(a.page).locator('li.message');
    await waitUntil('both messages show', async () => (await items.count()) === 2);

    // Replying to the photo: the composer and then the sent reply's quote say "Photo".
    await items.nth(0).hover();
    await items.nth(0).getByRole('button', { name: 'Reply' }).click();
    expect(await a.page.locator('.composer-reply').innerText()).toContain('Replying to Bob: Photo');
    await sendMessage(a.page, 'Nice beach');
    const reply = await sentItem(a.page, 'Nice beach');
    expect(await reply.locator('.reply-quote').innerText()).toBe('Bob Photo');

    // Replying to the PDF: its name.
    await items.nth(1).hover();
    await items.nth(1).getByRole('button', { name: 'Reply' }).click();
    expect(await a.page.locator('.composer-reply').innerText()).toContain('Replying to Bob: plan.pdf');
    await sendMessage(a.page, 'Reading it');
    const second = await sentItem(a.page, 'Reading it');
    expect(await second.locator('.reply-quote').innerText()).toBe('Bob plan.pdf');

    // The same after a reload (the quotes come with the history).
    await a.page.reload();
    await messageItem(a.page, 'Reading it').waitFor();
    expect(await messageItem(a.page, 'Nice beach').locator('.reply-quote').innerText()).toBe('Bob Photo');
    expect(await messageItem(a.page, 'Reading it').locator('.reply-quote').innerText()).toBe('Bob plan.pdf');
    expect(a.pageErrors).toEqual([]);
    await a.context.close();
  });

  test('a very tall image shows as a box one can see and click; a click shows all of it', async () => {
    const [alice, bob] = await Promise.all([person(t, 'Alice'), person(t, 'Bob')]);
    await makeContacts(t, alice, bob);
    const room = await openDm(t, alice, bob);
    const tall = await upload(t, bob.accessToken, { filename: 'tall.png', data: await makePng(10, 3000) });
    expect(tall.status).toBe(201);
    // Its thumbnail first, so the log shows that (cropped to 10 × 30) rather than the original.
    await waitUntil('the thumbnail is made', async () => {
      const row = await t.app.db
        .selectFrom('files')
        .select('thumbnail_key')
        .where('id', '=', tall.body.id)
        .executeTakeFirst();
      return !!row?.thumbnail_key;
    });
    await t.ok(
      SEND,
      { input: { roomId: room.id, clientId: uuidv7(), attachmentIds: [tall.body.id] } },
      bob.accessToken,
    );
    const a = await newPage(browser, { baseURL: t.url });
    // The original (up to the upload limit) loads only once the preview is opened.
    const originals: string[] = [];
    a.page.on('request', (r) => {
      if (new URL(r.url()).pathname === `/files/${tall.body.id}`) originals.push(r.url());
    });
    await signIn(a.page, alice.username, alice.password);
    await a.page.goto(`/rooms/${room.id}`);
    const preview = messageLog(a.page).getByRole('button', { name: 'Open image tall.png' });
    await preview.waitFor();
    const img = preview.getByRole('img', { name: 'tall.png' });
    expect(await img.getAttribute('src')).toMatch(/\/thumbnail\?/);
    expect(await loadedWidth(a.page, '.image-preview img[alt="tall.png"]')).toBe(10);
    // Not a 1 px line: a 1 : 3 box the image covers, whatever shape the loaded file has.
    const box = await img.boundingBox();
    expect(box?.width).toBeCloseTo(80, 0);
    expect(box?.height).toBeCloseTo(240, 0);
    expect(await img.evaluate((el) => getComputedStyle(el).objectFit)).toBe('cover');
    await screenshot(a.page, 'attachments-tall-image');
    expect(originals).toEqual([]);

    await preview.click();
    const lightbox = a.page.getByRole('dialog', { name: 'tall.png' });
    await lightbox.waitFor();
    const full = lightbox.getByRole('img', { name: 'tall.png' });
    expect(await loadedWidth(a.page, 'dialog[open] img')).toBe(10);
    expect(await full.evaluate((el: HTMLImageElement) => el.naturalHeight)).toBe(3000);
    // At its own size, scrolling, rather than squeezed to the screen's height.
    expect((await full.boundingBox())?.height).toBeCloseTo(3000, 0);
    expect(originals).toHaveLength(1);
    await lightbox.getByRole('link', { name: 'Open original' }).waitFor();
    await a.page.keyboard.press('Escape');
    await lightbox.waitFor({ state: 'hidden' });

    // Without its thumbnail (not made yet, or failing) the preview shows the original: the same box.
    await a.page.route('**/files/*/thumbnail?*', (route: Route) => route.abort());
    await a.page.reload();
    await preview.waitFor();
    await waitUntil('the preview falls back to the original', async () =>
      /\/files\/[0-9a-f-]{36}\?/.test((await img.getAttribute('src')) ?? ''),
    );
    expect(await loadedWidth(a.page, '.image-preview img[alt="tall.png"]')).toBe(10);
    const original = await img.boundingBox();
    expect(original?.width).toBeCloseTo(80, 0);
    expect(original?.height).toBeCloseTo(240, 0);
    await a.page.unroute('**/files/*/thumbnail?*');
    expect(a.pageErrors).toEqual([]);
    await a.context.close();
  });

  test('an avatar set in settings shows for the other person; a group gets a picture', async () => {
    const [alice, bob] = await Promise.all([person(t, 'Alice'), person(t, 'Bob')]);
    await makeContacts(t, alice, bob);
    const avatarPath = path.join(dir, 'me.png');
    writeFileSync(
      avatarPath,
      await sharp({ create: { width: 96, height: 96, channels: 3, background: '#c0392b' } })
        .png()
        .toBuffer(),
    );
    const a = await newPage(browser, { baseURL: t.url });
    const b = await newPage(browser, { baseURL: t.url });
    await signIn(a.page, alice.username, alice.password);
    await signIn(b.page, bob.username, bob.password);

    // A DM exists, so Bob lists Alice (with her initial for now).
    await a.page.getByRole('link', { name: 'New chat', exact: true }).click();
    await a.page.getByRole('checkbox', { name: /Bob/ }).check();
    await a.page.getByLabel('First message (optional)').fill('Hi Bob');
    await a.page.getByRole('button', { name: 'Start chat' }).click();
    await a.page.waitForURL(/\/rooms\/[0-9a-f-]{36}$/);
    const roomUrl = new URL(a.page.url()).pathname;
    const bobsRow = roomLink(b.page, /Alice/);
    await bobsRow.waitFor();
    expect(await bobsRow.locator('.avatar img').count()).toBe(0);
    expect(await bobsRow.locator('.avatar').innerText()).toBe('A');

    // Alice uploads a profile picture in Settings.
    await a.page.goto('/settings');
    const [chooser] = await Promise.all([
      a.page.waitForEvent('filechooser'),
      a.page.getByRole('button', { name: 'Upload profile picture' }).click(),
    ]);
    await chooser.setFiles(avatarPath);
    await a.page.getByRole('status').filter({ hasText: 'Profile picture updated' }).waitFor();
    await a.page.getByRole('img', { name: /Profile picture of Alice/ }).waitFor();
    expect(await loadedWidth(a.page, '.picture-control .avatar img')).toBeGreaterThan(0);
    // The sidebar badge follows at once.
    expect(await loadedWidth(a.page, '.viewer-badge .avatar img')).toBeGreaterThan(0);
    await screenshot(a.page, 'settings-avatar');

    // Her next message brings the new picture to Bob's list live (RoomUpdated carries the room).
    await a.page.goto(roomUrl);
    await sendMessage(a.page, 'New picture!');
    await bobsRow.filter({ hasText: 'New picture!' }).waitFor();
    expect(await loadedWidth(b.page, '.room-link .avatar img')).toBeGreaterThan(0);
    // In the conversation too: the header and her message group.
    await bobsRow.click();
    await b.page.getByRole('heading', { name: 'Alice', level: 1 }).waitFor();
    expect(await loadedWidth(b.page, '.conversation-header .avatar img')).toBeGreaterThan(0);
    expect(await loadedWidth(b.page, '.message .message-meta .avatar img')).toBeGreaterThan(0);
    await screenshot(b.page, 'avatar-in-room-list');

    // A group picture, set in group settings and removed again.
    await a.page.getByRole('link', { name: 'New chat', exact: true }).click();
    await a.page.getByRole('checkbox', { name: /Bob/ }).check();
    await a.page.getByRole('checkbox', { name: 'Create a group' }).check();
    await a.page.getByLabel('Group name').fill('Picture club');
    await a.page.getByRole('button', { name: 'Create group' }).click();
    await a.page.getByRole('heading', { name: 'Picture club', level: 1 }).waitFor();
    await a.page.getByRole('link', { name: 'Group settings' }).click();
    const [chooser3] = await Promise.all([
      a.page.waitForEvent('filechooser'),
      a.page.getByRole('button', { name: 'Upload group picture' }).click(),
    ]);
    await chooser3.setFiles(avatarPath);
    await a.page.getByRole('status').filter({ hasText: 'Group picture updated' }).waitFor();
    expect(await loadedWidth(a.page, '.picture-control .avatar img')).toBeGreaterThan(0);
    await waitUntil(
      'the group row shows the picture',
      async () =>
        (await roomLink(a.page, /Picture club/)
          .locator('.avatar img')
          .count()) === 1,
    );
    await screenshot(a.page, 'group-picture');
    await a.page.getByRole('button', { name: 'Remove group picture' }).click();
    await a.page.getByRole('status').filter({ hasText: 'Group picture removed' }).waitFor();
    expect(
      await roomLink(a.page, /Picture club/)
        .locator('.avatar')
        .innerText(),
    ).toBe('#');
    expect(a.pageErrors).toEqual([]);
    expect(b.pageErrors).toEqual([]);
    await Promise.all([a.context.close(), b.context.close()]);
  });

  test('links that end while the conversation is open are replaced before they do: downloads and images keep working', async () => {
    const short = await createTestApp({ env: { FILE_URL_TTL_SECONDS: '10' } });
    try {
      const [alice, bob] = await Promise.all([person(short, 'Alice'), person(short, 'Bob')]);
      await makeContacts(short, alice, bob);
      const room = await openDm(short, alice, bob);
      const pdf = await upload(short, bob.accessToken, { filename: 'plan.pdf', data: tinyPdf() });
      expect(pdf.status).toBe(201);
      await short.ok(
        SEND,
        { input: { roomId: room.id, clientId: uuidv7(), body: 'the plan', attachmentIds: [pdf.body.id] } },
        bob.accessToken,
      );
      const a = await newPage(browser, { baseURL: short.url });
      await signIn(a.page, alice.username, alice.password);
      await a.page.goto(`/rooms/${room.id}`);
      const download = messageItem(a.page, 'the plan').getByRole('link', { name: 'Download plan.pdf' });
      await download.waitFor();
      const first = (await download.getAttribute('href')) ?? '';
      const exp = (href: string) => Number(new URL(href, short.url).searchParams.get('exp'));
      // Before the first link ends (within 20 s: 10 s, rounded up to a 10 s bucket), a fresh one replaces it.
      await waitUntil(
        'a fresh link',
        async () => exp((await download.getAttribute('href')) ?? '') > exp(first),
        30_000,
      );
      const fresh = (await download.getAttribute('href')) ?? '';
      await waitUntil('the first link has ended', async () => Date.now() / 1000 > exp(first) + 1, 30_000);
      expect((await a.page.request.get(new URL(first, short.url).toString())).status()).toBe(403);
      expect((await a.page.request.get(new URL(fresh, short.url).toString())).status()).toBe(200);
      expect(a.pageErrors).toEqual([]); // Apollo's cache warnings land here too
      await a.context.close();
    } finally {
      await short.close();
    }
  });

  test('files attached in one conversation are still there after visiting another, and go with the message', async () => {
    const [alice, bob, carol] = await Promise.all([person(t, 'Alice'), person(t, 'Bob'), person(t, 'Carol')]);
    await Promise.all([makeContacts(t, alice, bob), makeContacts(t, alice, carol)]);
    const withBob = await openDm(t, alice, bob);
    const withCarol = await openDm(t, alice, carol);
    // Each with a message, so both are in Alice's list.
    for (const [room, from] of [
      [withBob, bob],
      [withCarol, carol],
    ] as const)
      await t.ok(
        SEND,
        { input: { roomId: room.id, clientId: uuidv7(), body: 'hi Alice' } },
        from.accessToken,
      );
    const notesPath = path.join(dir, 'kept-notes.txt');
    writeFileSync(notesPath, 'kept across rooms\n');
    const a = await newPage(browser, { baseURL: t.url });
    await signIn(a.page, alice.username, alice.password);
    await a.page.goto(`/rooms/${withBob.id}`);
    const tray = a.page.getByRole('list', { name: 'Attachments to send' });
    await a.page.getByTestId('attach-input').setInputFiles([notesPath]);
    await tray.locator('[data-status="done"]').filter({ hasText: 'kept-notes.txt' }).waitFor();
    await a.page.getByRole('textbox', { name: 'Message', exact: true }).fill('see attached');

    // To Carol's conversation (nothing attached there), and back, through the list.
    await roomLink(a.page, /Carol/).click();
    await a.page.waitForURL(`**/rooms/${withCarol.id}`);
    await a.page.getByRole('textbox', { name: 'Message', exact: true }).waitFor();
    expect(await tray.count()).toBe(0);
    await roomLink(a.page, /Bob/).click();
    await a.page.waitForURL(`**/rooms/${withBob.id}`);
    await tray.locator('[data-status="done"]').filter({ hasText: 'kept-notes.txt' }).waitFor();
    const box = a.page.getByRole('textbox', { name: 'Message', exact: true });
    expect(await box.inputValue()).toBe('see attached'); // the text came back too
    await box.press('Enter');
    await messageItem(a.page, 'see attached').waitFor();
    expect(await tray.count()).toBe(0);
    // Sent, file and all (on a loaded CI machine the answer can take a while).
    await messageItem(a.page, 'see attached')
      .and(a.page.locator('[data-status="sent"]'))
      .waitFor({ timeout: 20_000 });
    const history = await t.ok(
      `query($r: ID!) { messages(roomId: $r, last: 1) { edges { node { body attachments { name } } } } }`,
      { r: withBob.id },
      bob.accessToken,
    );
    expect(history.messages.edges[0].node).toEqual({
      body: 'see attached',
      attachments: [{ name: 'kept-notes.txt' }],
    });
    expect(a.pageErrors).toEqual([]);
    await a.context.close();
  });
});
