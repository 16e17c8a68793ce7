import { createHash, randomBytes } from 'node:crypto';
import http from 'node:http';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../src/lib/ids.ts';
import { signFile } from '../src/modules/files/files.signing.ts';
import { createTestApp, expectError, type TestApp } from './helpers/app.ts';
import { createGroup, nextMatching, openDm, registerTrio, send } from './helpers/chat.ts';
import {
  filesUnder,
  get,
  makePdf,
  makePng,
  multipartBody,
  rawUpload,
  upload,
  waitFor,
} from './helpers/files.ts';
import { registerUser, type TestUser } from './helpers/users.ts';
import { connectWs, type WsConnection } from './helpers/ws.ts';

const ATTACHMENTS = 'attachments { id name size mimeType isImage width height url thumbnailUrl }';
const SEND = `mutation($input: SendMessageInput!) { sendMessage(input: $input) { id seq body ${ATTACHMENTS} } }`;
const MESSAGE = `query($id: ID!) { message(id: $id) { id body ${ATTACHMENTS} } }`;

let t: TestApp;
let alice: TestUser;
let bob: TestUser;
let carol: TestUser;
let png: Buffer;
const sockets: WsConnection[] = [];
beforeAll(async () => {
  t = await createTestApp();
  [alice, bob, carol] = await registerTrio(t);
  png = await makePng(640, 480);
});
afterAll(async () => {
  await Promise.all(sockets.map((s) => s.close()));
  await t?.close();
});

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const fileCount = async () =>
  Number(
    (
      await t.app.db
        .selectFrom('files')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const sendWith = (user: TestUser, roomId: string, attachmentIds: string[], body?: string) =>
  t.gql(
    SEND,
    { input: { roomId, clientId: uuidv7(), attachmentIds, ...(body !== undefined ? { body } : {}) } },
    user.accessToken,
  );

async function uploadOk(user: TestUser, file: Parameters<typeof upload>[2]) {
  const res = await upload(t, user.accessToken, file);
  if (res.status !== 201) throw new Error(`upload failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as {
    id: string;
    name: string;
    size: number;
    mimeType: string;
    width: number | null;
    height: number | null;
  };
}

describe('POST /uploads and GET /files/:id', () => {
  it('round-trips an image and a PDF byte-identical for a room member; a non-member gets 404', async () => {
    const room = await createGroup(t, alice, [bob]);
    const pdf = makePdf();
    const image = await uploadOk(alice, { filename: 'photo.png', type: 'image/png', data: png });
    expect(image).toMatchObject({
      name: 'photo.png',
      size: png.length,
      mimeType: 'image/png',
      width: 640,
      height: 480,
    });
    const doc = await uploadOk(alice, { filename: 'report.pdf', type: 'application/pdf', data: pdf });
    expect(doc).toMatchObject({ mimeType: 'application/pdf', size: pdf.length, width: null, height: null });

    // Before it is shared, only the uploader can fetch it.
    expect((await get(t, `/files/${image.id}`, alice.accessToken)).status).toBe(200);
    expect((await get(t, `/files/${image.id}`, bob.accessToken)).status).toBe(404);

    const sent = await sendWith(alice, room.id, [image.id, doc.id], 'here you go');
    expect(sent.errors).toBeUndefined();
    expect(sent.data.sendMessage.attachments.map((a: { id: string }) => a.id)).toEqual([image.id, doc.id]);

    const img = await get(t, `/files/${image.id}`, bob.accessToken);
    expect(img.status).toBe(200);
    expect(img.body.equals(png)).toBe(true);
    expect(img.headers.get('content-type')).toBe('image/png');
    expect(img.headers.get('content-disposition')).toMatch(
      /^inline; filename="photo.png"; filename\*=UTF-8''photo.png$/,
    );
    expect(img.headers.get('x-content-type-options')).toBe('nosniff');
    // Revalidated before each use (a cheap 304), so a deleted file stops showing at once.
    expect(img.headers.get('cache-control')).toBe('private, no-cache');
    expect(img.headers.get('etag')).toBe(`"${sha(png)}"`);
    expect(img.headers.get('accept-ranges')).toBe('bytes');

    const d = await get(t, `/files/${doc.id}`, bob.accessToken);
    expect(d.status).toBe(200);
    expect(d.body.equals(pdf)).toBe(true);
    expect(d.headers.get('content-type')).toBe('application/pdf');
    expect(d.headers.get('content-disposition')).toMatch(/^attachment; /);

    // Conditional request with the ETag.
    const again = await get(t, `/files/${doc.id}`, bob.accessToken, { 'if-none-match': `"${sha(pdf)}"` });
    expect(again.status).toBe(304);

    // Carol is not in the room; unknown and malformed ids look the same; no header is 401.
    expect((await get(t, `/files/${image.id}`, carol.accessToken)).status).toBe(404);
    expect((await get(t, `/files/${uuidv7()}`, carol.accessToken)).status).toBe(404);
    expect((await get(t, '/files/..%2F..%2Fetc%2Fpasswd', carol.accessToken)).status).toBe(404);
    const anonymous = await get(t, `/files/${image.id}`);
    expect(anonymous.status).toBe(401);
    expect(JSON.parse(anonymous.body.toString()).error.code).toBe('UNAUTHENTICATED');
  });

  it('a caption can be removed from a message with files (edited to empty); a message without files keeps needing text', async () => {
    const room = await createGroup(t, alice, [bob]);
    const pic = await uploadOk(alice, { filename: 'captioned.png', data: png });
    const sent = await sendWith(alice, room.id, [pic.id], 'a caption');
    const id = sent.data.sendMessage.id as string;
    const EDIT = `mutation($id: ID!, $body: String!) { editMessage(id: $id, body: $body) { body editedAt attachments { id } } }`;
    const edited = (await t.ok(EDIT, { id, body: '   ' }, alice.accessToken)).editMessage;
    expect(edited).toMatchObject({ body: '', attachments: [{ id: pic.id }] });
    expect(edited.editedAt).not.toBeNull();
    const plain = await send(t, alice, room.id, 'text only');
    expectError(await t.gql(EDIT, { id: plain.id, body: '' }, alice.accessToken), 'BAD_USER_INPUT');
  });

  it('detects the type from the content: a PNG named .pdf is stored as image/png', async () => {
    const f = await uploadOk(alice, { filename: 'not-really.pdf', type: 'application/pdf', data: png });
    expect(f.mimeType).toBe('image/png');
    expect(f.name).toBe('not-really.pdf');
    expect(f.width).toBe(640);
  });

  it('accepts plain text and sanitises names; path parts never reach storage', async () => {
    const f = await uploadOk(alice, {
      filename: '../../etc/\u202Epasswd\u0007 notes.txt',
      type: 'text/plain',
      data: 'Grüße aus Köln\nline two\n',
    });
    expect(f.mimeType).toBe('text/plain');
    expect(f.name).toBe('passwd notes.txt');
    const res = await get(t, `/files/${f.id}`, alice.accessToken);
    expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="passwd notes.txt"; filename*=UTF-8''passwd%20notes.txt`,
    );
    const unicode = await uploadOk(alice, { filename: 'Übersicht “final”.txt', data: 'ok' });
    const r2 = await get(t, `/files/${unicode.id}`, alice.accessToken);
    expect(r2.headers.get('content-disposition')).toBe(
      `attachment; filename="_bersicht _final_.txt"; filename*=UTF-8''%C3%9Cbersicht%20%E2%80%9Cfinal%E2%80%9D.txt`,
    );
    const row = await t.app.db
      .selectFrom('files')
      .select('storage_key')
      .where('id', '=', f.id)
      .executeTakeFirstOrThrow();
    expect(row.storage_key).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('keeps a name a browser sends whole, backslashes included; strips only real folder parts', async () => {
    const cases: [sent: string, stored: string][] = [
      // What every current browser sends: the base name, in which `\` is just a character.
      ['weird name <b>x<\\b> ü 😀 שלום.txt', 'weird name <b>x<\\b> ü 😀 שלום.txt'],
      ['back\\slash\\.txt', 'back\\slash\\.txt'],
      ['family 👩\u200d👩\u200d👧 plan.txt', 'family 👩\u200d👩\u200d👧 plan.txt'],
      // Old Internet Explorer: the whole Windows path.
      ['C:\\Users\\me\\Desktop\\report.txt', 'report.txt'],
      ['\\\\server\\share\\minutes.txt', 'minutes.txt'],
      // Traversal, leading slashes, hidden characters: neutralised.
      ['..\\..\\windows\\win.ini.txt', 'win.ini.txt'],
      ['/etc/passwd.txt', 'passwd.txt'],
      ['../..', 'file'],
      ['.\u0000.\\x.txt', 'x.txt'],
      ['nul\u0000byte\u001b.txt', 'nulbyte.txt'],
    ];
    for (const [sent, stored] of cases) {
      const f = await uploadOk(alice, { filename: sent, type: 'text/plain', data: 'ok' });
      expect(f.name, JSON.stringify(sent)).toBe(stored);
      const row = await t.app.db
        .selectFrom('files')
        .select(['name', 'storage_key'])
        .where('id', '=', f.id)
        .executeTakeFirstOrThrow();
      expect(row.name).toBe(stored);
      expect(row.storage_key).toMatch(/^[0-9a-f-]{36}$/);
    }
    // The stored name is what a download saves as (the exact name in filename*, an ASCII stand-in before it).
    const weird = await uploadOk(alice, { filename: 'a<\\b>.txt', type: 'text/plain', data: 'ok' });
    const res = await get(t, `/files/${weird.id}`, alice.accessToken);
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="a<_b>.txt"; filename*=UTF-8''a%3C%5Cb%3E.txt`,
    );
  });

  it('refuses scripts posing as images, HTML and unknown binaries with 415, leaving nothing behind', async () => {
    const before = await fileCount();
    // Thumbnails of earlier uploads may still be arriving (.webp): count the rest.
    const stored = async () =>
      (await filesUnder(t.config.uploadsDir)).filter((p) => !/\.webp(\.part)?$/.test(p)).length;
    const filesBefore = await stored();
    const cases = [
      { filename: 'cat.png', type: 'image/png', data: '#!/bin/sh\nrm -rf / --no-preserve-root\n' },
      { filename: 'cat.png', type: 'image/png', data: '<script>alert(document.cookie)</script>' },
      {
        filename: 'page.txt',
        type: 'text/plain',
        data: '<!DOCTYPE html><html><script>alert(1)</script></html>',
      },
      {
        filename: 'x.svg',
        type: 'image/svg+xml',
        data: '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
      },
      {
        filename: 'blob.bin',
        type: 'application/octet-stream',
        data: Buffer.from([0, 1, 2, 3, 0xff, 0xfe, 0, 7, 9, 0, 0, 1]),
      },
    ];
    for (const c of cases) {
      const res = await upload(t, alice.accessToken, c);
      expect(res.status, c.filename).toBe(415);
      expect(res.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    }
    expect(await fileCount()).toBe(before);
    expect(await stored()).toBe(filesBefore);
  });

  it('answers Range requests with the right bytes (206), and 416 for unsatisfiable ranges', async () => {
    const room = await createGroup(t, alice, [bob]);
    const f = await uploadOk(alice, { filename: 'r.png', data: png });
    expect((await sendWith(alice, room.id, [f.id])).errors).toBeUndefined();
    const range = (h: string) => get(t, `/files/${f.id}`, bob.accessToken, { range: h });

    const first = await range('bytes=0-99');
    expect(first.status).toBe(206);
    expect(first.headers.get('content-range')).toBe(`bytes 0-99/${png.length}`);
    expect(first.body.equals(png.subarray(0, 100))).toBe(true);

    const middle = await range('bytes=1000-1499');
    expect(middle.body.equals(png.subarray(1000, 1500))).toBe(true);
    expect(middle.headers.get('content-length')).toBe('500');

    const open = await range(`bytes=${png.length - 10}-`);
    expect(open.body.equals(png.subarray(png.length - 10))).toBe(true);

    const suffix = await range('bytes=-50');
    expect(suffix.status).toBe(206);
    expect(suffix.body.equals(png.subarray(png.length - 50))).toBe(true);

    const clipped = await range(`bytes=10-${png.length + 1000}`);
    expect(clipped.headers.get('content-range')).toBe(`bytes 10-${png.length - 1}/${png.length}`);

    const bad = await range(`bytes=${png.length}-`);
    expect(bad.status).toBe(416);
    expect(bad.headers.get('content-range')).toBe(`bytes */${png.length}`);
    expect((await range('bytes=50-10')).status).toBe(416);

    // If-Range with another validator: the file changed for the client, so the whole file.
    const stale = await get(t, `/files/${f.id}`, bob.accessToken, {
      range: 'bytes=0-9',
      'if-range': '"old"',
    });
    expect(stale.status).toBe(200);
    expect(stale.body.length).toBe(png.length);
    // HEAD: the headers, no body.
    const head = await fetch(`${t.url}/files/${f.id}`, {
      method: 'HEAD',
      headers: { authorization: `Bearer ${bob.accessToken}` },
    });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe(String(png.length));
    expect(head.headers.get('content-type')).toBe('image/png');

    // Several ranges: we may (and do) answer with the whole file.
    const multi = await range('bytes=0-1,5-6');
    expect(multi.status).toBe(200);
    expect(multi.body.equals(png)).toBe(true);
  });

  it('refuses a 26 MB upload mid-stream with 413, leaving no file and no row', async () => {
    const before = await fileCount();
    const chunk = Buffer.alloc(64 * 1024, 'a');
    const total = 26 * 1024 * 1024;
    let complete = false;
    const res = await upload(t, alice.accessToken, {
      filename: 'big.txt',
      type: 'text/plain',
      data: async function* (response) {
        for (let sent = 0; sent < total; sent += chunk.length) yield chunk;
        // Hold back the end of the body: a server that waited for it would never answer.
        await Promise.race([response, new Promise((r) => setTimeout(r, 15_000))]);
        complete = true;
      },
    });
    expect(res.status).toBe(413);
    expect(res.body.error).toEqual({ code: 'PAYLOAD_TOO_LARGE', message: 'Files may be at most 25 MB' });
    expect(complete).toBe(false); // refused while the upload was still going
    expect(await fileCount()).toBe(before);
    expect(await filesUnder(`${t.config.uploadsDir}/tmp`)).toEqual([]);
  });

  it('refuses a large file of a disallowed type with 415 before the body has arrived', async () => {
    const before = await fileCount();
    // A Windows executable (MZ header), then filler: detected from its first bytes.
    const head = Buffer.concat([
      Buffer.from('4d5a90000300000004000000ffff0000', 'hex'),
      randomBytes(64 * 1024),
    ]);
    const chunk = randomBytes(64 * 1024);
    let complete = false;
    const res = await upload(t, alice.accessToken, {
      filename: 'setup.pdf',
      type: 'application/pdf',
      data: async function* (response) {
        yield head;
        for (let sent = 0; sent < 8 * 1024 * 1024; sent += chunk.length) yield chunk;
        // Hold back the end of the body: a server that waited for it would never answer.
        await Promise.race([response, new Promise((r) => setTimeout(r, 15_000))]);
        complete = true;
      },
    });
    expect(res.status).toBe(415);
    expect(res.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(complete).toBe(false); // refused while the upload was still going
    expect(await fileCount()).toBe(before);
    expect(await filesUnder(`${t.config.uploadsDir}/tmp`)).toEqual([]);
  });

  it('decides plain text over the whole file, not only its head', async () => {
    // Plain text for the first megabyte, then a NUL: only the whole file decides it is not text.
    const text = Buffer.alloc(1024 * 1024, 'a');
    const res = await upload(t, alice.accessToken, {
      filename: 'notes.txt',
      type: 'text/plain',
      data: Buffer.concat([text, Buffer.from([0]), text]),
    });
    expect(res.status).toBe(415);
    const ok = await upload(t, alice.accessToken, {
      filename: 'notes.txt',
      type: 'text/plain',
      data: Buffer.concat([text, text]),
    });
    expect(ok.status).toBe(201);
    expect(ok.body.mimeType).toBe('text/plain');
  });

  it('keeps memory flat while streaming a file near the limit', async () => {
    const size = 24 * 1024 * 1024;
    const line = Buffer.from(`${'the quick brown fox jumps over the lazy dog '.repeat(20)}\n`);
    // Retained memory: collect garbage before each sample, so what remains is what the upload holds.
    v8.setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const usage = () => {
      gc();
      const m = process.memoryUsage();
      return m.heapUsed + m.arrayBuffers;
    };
    // Baseline: settled memory before the upload, or the first sample (2 MB in) if lower.
    usage();
    await new Promise((r) => setTimeout(r, 300));
    let baseline = usage();
    let peak = 0;
    let samples = 0;
    const recent: number[] = [];
    const chunk = Buffer.concat(Array.from({ length: 64 }, () => line));
    const res = await upload(t, alice.accessToken, {
      filename: 'big.txt',
      type: 'text/plain',
      data: async function* () {
        for (let sent = 0; sent < size; sent += chunk.length) {
          // Every ~2 MB sent: what the process holds now, after collecting garbage.
          if (
            Math.floor(sent / (2 * 1024 * 1024)) !== Math.floor((sent + chunk.length) / (2 * 1024 * 1024))
          ) {
            samples++;
            const now = usage();
            if (samples === 1) baseline = Math.min(baseline, now);
            peak = Math.max(peak, now);
            recent.push(now);
          }
          yield Buffer.from(chunk);
        }
      },
    });
    expect(res.status).toBe(201);
    expect(res.body.mimeType).toBe('text/plain');
    expect(res.body.size).toBeGreaterThanOrEqual(size);
    // Steady growth: the least of the last three samples (a single sample may catch a few MB in flight).
    const steady = Math.min(...recent.slice(-3)) - baseline;
    const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
    console.log(
      `upload of ${mb(res.body.size)}: retained heap+buffers growth ${mb(steady)} at the end, ` +
        `peak ${mb(peak - baseline)} over ${samples} samples`,
    );
    expect(samples).toBeGreaterThan(3);
    // Buffering would retain the ~22 MB that follow the baseline; streaming holds a few chunks and the head.
    expect(steady).toBeLessThan(size / 4);
    expect(peak - baseline).toBeLessThan((size * 3) / 4);
  });

  it('leaves nothing behind when the client aborts mid-upload', async () => {
    const before = await fileCount();
    const { contentType, body } = multipartBody([
      { name: 'file', filename: 'partial.txt', type: 'text/plain', data: 'x'.repeat(2 * 1024 * 1024) },
    ]);
    const req = http.request(`${t.url}/uploads`, {
      method: 'POST',
      headers: { 'content-type': contentType, authorization: `Bearer ${alice.accessToken}` },
    });
    req.on('error', () => {}); // we abort it ourselves
    for await (const chunk of body(new Promise(() => {}))) {
      if (chunk.length > 1000) {
        req.write(chunk.subarray(0, 1024 * 1024)); // half the file, then the client goes away
        break;
      }
      req.write(chunk);
    }
    const tmp = `${t.config.uploadsDir}/tmp`;
    await waitFor(async () => ((await filesUnder(tmp)).length > 0 ? true : undefined));
    req.destroy();
    await waitFor(async () => ((await filesUnder(tmp)).length === 0 ? true : undefined));
    expect(await fileCount()).toBe(before);
  });

  it('answers bad multipart with 400 and a missing or bad token with 401', async () => {
    const before = await fileCount();
    const stored = async () =>
      (await filesUnder(t.config.uploadsDir)).filter((p) => !/\.webp(\.part)?$/.test(p)).length;
    const storedBefore = await stored();
    // No file part.
    const fieldsOnly = multipartBody([{ name: 'note', data: 'hello' }]);
    let res = await rawUpload(t, { token: alice.accessToken, ...fieldsOnly });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('BAD_REQUEST');
    // Two file parts.
    const two = multipartBody([
      { name: 'a', filename: 'a.png', type: 'image/png', data: png },
      { name: 'b', filename: 'b.png', type: 'image/png', data: png },
    ]);
    res = await rawUpload(t, { token: alice.accessToken, ...two });
    expect(res.status).toBe(400);
    // Truncated body (no closing boundary).
    res = await rawUpload(t, {
      token: alice.accessToken,
      contentType: 'multipart/form-data; boundary=xyz',
      body: async function* () {
        yield Buffer.from(
          '--xyz\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\nhello',
        );
      },
    });
    expect(res.status).toBe(400);
    // Garbage with a multipart content type, and no boundary at all.
    res = await rawUpload(t, {
      token: alice.accessToken,
      contentType: 'multipart/form-data',
      body: async function* () {
        yield Buffer.from('nonsense');
      },
    });
    expect(res.status).toBe(400);
    // Not multipart.
    const json = await t.app.inject({
      method: 'POST',
      url: '/uploads',
      headers: { authorization: `Bearer ${alice.accessToken}`, 'content-type': 'application/json' },
      payload: { file: 'x' },
    });
    expect(json.statusCode).toBe(400);
    const octets = await t.app.inject({
      method: 'POST',
      url: '/uploads',
      headers: { authorization: `Bearer ${alice.accessToken}`, 'content-type': 'application/octet-stream' },
      payload: png,
    });
    expect(octets.statusCode).toBe(400);
    expect(octets.json().error.code).toBe('BAD_REQUEST');
    // Unauthenticated, and a forged token.
    res = await upload(t, undefined, { filename: 'a.png', data: png });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('UNAUTHENTICATED');
    res = await upload(t, 'not.a.token', { filename: 'a.png', data: png });
    expect(res.status).toBe(401);
    expect(await fileCount()).toBe(before);
    expect(await stored()).toBe(storedBefore);
  });
});

describe('sendMessage with attachments', () => {
  it('takes text, files or both, not neither; only the sender’s own uploads, at most 10', async () => {
    const room = await createGroup(t, alice, [bob]);
    const mine = await uploadOk(alice, { filename: 'a.png', data: png });
    const bobs = await uploadOk(bob, { filename: 'b.png', data: png });

    const only = await sendWith(alice, room.id, [mine.id]);
    expect(only.errors).toBeUndefined();
    expect(only.data.sendMessage.body).toBe('');
    expect(only.data.sendMessage.attachments).toHaveLength(1);
    const blank = await sendWith(alice, room.id, [mine.id], '   ');
    expect(blank.errors).toBeUndefined();

    expectError(await sendWith(alice, room.id, []), 'BAD_USER_INPUT');
    expectError(await sendWith(alice, room.id, [], '  '), 'BAD_USER_INPUT');
    expectError(await sendWith(alice, room.id, [bobs.id], 'stolen'), 'FORBIDDEN');
    expectError(await sendWith(alice, room.id, [uuidv7()], 'ghost'), 'NOT_FOUND');
    expectError(await sendWith(alice, room.id, [mine.id, mine.id], 'twice'), 'BAD_USER_INPUT');
    expectError(
      await sendWith(
        alice,
        room.id,
        Array.from({ length: 11 }, () => uuidv7()),
        'many',
      ),
      'BAD_USER_INPUT',
    );
    // Text-only sends still work the old way.
    expect((await send(t, alice, room.id, 'plain')).body).toBe('plain');
    // A failed send left bob's upload unattached: alice still cannot reach it.
    expect((await get(t, `/files/${bobs.id}`, alice.accessToken)).status).toBe(404);
  });

  it('embeds attachments in MessageCreated so subscribers need no refetch', async () => {
    const room = await createGroup(t, alice, [bob]);
    const conn = await connectWs(t.wsUrl, bob.accessToken);
    sockets.push(conn);
    const sub = conn.subscribe<{
      roomEvents: {
        __typename: string;
        seq?: number;
        message?: { attachments: { id: string; url: string; mimeType: string }[] };
      };
    }>(
      `subscription($r: ID!, $after: Int) { roomEvents(roomId: $r, afterSeq: $after) {
        __typename ... on MessageCreated { seq message { id ${ATTACHMENTS} } } } }`,
      { r: room.id, after: room.lastSeq },
    );
    const warm = await send(t, alice, room.id, 'warm-up');
    await nextMatching(sub, (e) => e.roomEvents.seq === warm.seq);
    const f = await uploadOk(alice, { filename: 'live.png', data: png });
    const sent = await sendWith(alice, room.id, [f.id], 'live');
    const e = await nextMatching(sub, (ev) => ev.roomEvents.seq === sent.data.sendMessage.seq);
    expect(e.roomEvents.message?.attachments).toMatchObject([{ id: f.id, mimeType: 'image/png' }]);
    const viaUrl = await get(t, e.roomEvents.message?.attachments[0]?.url ?? '');
    expect(viaUrl.body.equals(png)).toBe(true);
  });
});

describe('signed URLs and thumbnails', () => {
  it('work without a header, fail when tampered or expired, and thumbnails appear', async () => {
    const room = await createGroup(t, alice, [bob]);
    const f = await uploadOk(alice, { filename: 'thumb.png', data: png });
    const sent = await sendWith(alice, room.id, [f.id], 'pic');
    const messageId = sent.data.sendMessage.id;
    const { url } = sent.data.sendMessage.attachments[0];
    expect(url).toMatch(new RegExp(`/files/${f.id}\\?exp=\\d+&sig=[\\w-]+$`));

    const ok = await get(t, url);
    expect(ok.status).toBe(200);
    expect(ok.body.equals(png)).toBe(true);
    // The URL is absolute and works as handed out (e.g. in <img src> on another origin).
    expect(url.startsWith(`${t.config.publicUrl}/files/`)).toBe(true);
    const direct = await fetch(url);
    expect(direct.status).toBe(200);
    expect(Buffer.from(await direct.arrayBuffer()).equals(png)).toBe(true);

    const u = new URL(url);
    const sig = u.searchParams.get('sig') ?? '';
    const exp = Number(u.searchParams.get('exp'));
    // Any other spelling is refused, including one that differs only in the
    // last character's padding bits (it decodes to the same bytes).
    const b64url = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const samePadding = b64url[b64url.indexOf(sig.at(-1) ?? 'A') ^ 1]; // same 4 data bits, other padding
    for (const forged of [
      `${sig[0] === 'A' ? 'B' : 'A'}${sig.slice(1)}`,
      `${sig.slice(0, -1)}${samePadding}`,
    ]) {
      expect(forged).not.toBe(sig);
      expect((await get(t, `/files/${f.id}?exp=${exp}&sig=${forged}`)).status).toBe(403);
    }
    expect((await get(t, `/files/${f.id}?exp=${exp + 3600}&sig=${sig}`)).status).toBe(403);
    expect((await get(t, `/files/${f.id}/thumbnail?exp=${exp}&sig=${sig}`)).status).toBe(403); // other variant
    const other = await uploadOk(alice, { filename: 'other.png', data: png });
    expect((await get(t, `/files/${other.id}?exp=${exp}&sig=${sig}`)).status).toBe(403); // other file
    const old = signFile(
      t.config,
      f.id,
      'original',
      Date.now() - 2 * (t.config.fileUrlTtlSeconds + 3600) * 1000,
    );
    expect((await get(t, `/files/${f.id}?exp=${old.exp}&sig=${old.sig}`)).status).toBe(403);

    // The thumbnail job runs after the upload returned; thumbnailUrl is null until then.
    const thumbUrl = await waitFor(async () => {
      const m = await t.ok(MESSAGE, { id: messageId }, bob.accessToken);
      return m.message.attachments[0].thumbnailUrl ?? undefined;
    });
    const thumb = await get(t, thumbUrl);
    expect(thumb.status).toBe(200);
    expect(thumb.headers.get('content-type')).toBe('image/webp');
    const meta = await sharp(thumb.body).metadata();
    expect(meta.format).toBe('webp');
    expect(meta.width).toBe(320);
    expect(meta.height).toBe(240);
    // Bearer works for thumbnails too, for members only.
    expect((await get(t, `/files/${f.id}/thumbnail`, bob.accessToken)).status).toBe(200);
    expect((await get(t, `/files/${f.id}/thumbnail`, carol.accessToken)).status).toBe(404);
  });
});

describe('thumbnails of extreme shapes', () => {
  /** The thumbnail's size once the job has made it (the image's own size is served until then). */
  const thumbnailOf = async (id: string) => {
    await waitFor(async () => {
      const row = await t.app.db
        .selectFrom('files')
        .select('thumbnail_key')
        .where('id', '=', id)
        .executeTakeFirst();
      return row?.thumbnail_key ?? undefined;
    });
    const res = await get(t, `/files/${id}/thumbnail`, alice.accessToken);
    expect(res.headers.get('content-type')).toBe('image/webp');
    const { width, height } = await sharp(res.body).metadata();
    return { width, height };
  };

  it('crops a very tall or wide image around its centre to at most 3 : 1, never to a hairline', async () => {
    const cases: [w: number, h: number, thumb: { width: number; height: number }][] = [
      [10, 3000, { width: 10, height: 30 }], // was 1 × 320
      [300, 3000, { width: 107, height: 320 }], // a long screenshot; was 32 × 320
      [3000, 10, { width: 30, height: 10 }],
      [900, 300, { width: 320, height: 107 }], // exactly 3 : 1: only scaled
      [640, 480, { width: 320, height: 240 }],
    ];
    for (const [w, h, thumb] of cases) {
      const data = await makePng(w, h);
      const f = await uploadOk(alice, { filename: `${w}x${h}.png`, data });
      // The image itself keeps its size and every byte: a click opens it whole.
      expect(f).toMatchObject({ width: w, height: h });
      expect(await thumbnailOf(f.id), `${w} × ${h}`).toEqual(thumb);
      expect((await get(t, `/files/${f.id}`, alice.accessToken)).body.equals(data)).toBe(true);
    }
  });

  it('measures a photo as it is shown: EXIF orientation applied to its size and its thumbnail', async () => {
    // A phone photo: stored 640 × 320 landscape, shown portrait (orientation 6: rotate 90°).
    const jpeg = await sharp(await makePng(640, 320))
      .jpeg()
      .withMetadata({ orientation: 6 })
      .toBuffer();
    const f = await uploadOk(alice, { filename: 'portrait.jpg', data: jpeg });
    expect(f).toMatchObject({ mimeType: 'image/jpeg', width: 320, height: 640 });
    expect(await thumbnailOf(f.id)).toEqual({ width: 160, height: 320 });
  });
});

describe('signed URLs after a change', () => {
  const DELETE = 'mutation($id: ID!) { deleteMessage(id: $id) { id } }';
  const signed = (id: string, variant: 'original' | 'thumbnail') => {
    const { exp, sig } = signFile(t.config, id, variant);
    return `/files/${id}${variant === 'thumbnail' ? '/thumbnail' : ''}?exp=${exp}&sig=${sig}`;
  };

  it('end with the message: a deleted message’s files are 404 through links already handed out', async () => {
    const room = await createGroup(t, alice, [bob]);
    const pic = await uploadOk(alice, { filename: 'gone.png', data: png });
    const doc = await uploadOk(alice, { filename: 'gone.pdf', data: makePdf() });
    const shared = await uploadOk(alice, { filename: 'shared.pdf', data: makePdf() });
    const sent = await sendWith(alice, room.id, [pic.id, doc.id, shared.id], 'soon gone');
    await sendWith(alice, room.id, [shared.id], 'stays');
    const messageId = sent.data.sendMessage.id;
    const thumbUrl = await waitFor(async () => {
      const m = await t.ok(MESSAGE, { id: messageId }, bob.accessToken);
      return m.message.attachments[0].thumbnailUrl ?? undefined;
    });
    const urls = [
      ...sent.data.sendMessage.attachments.map((a: { url: string }) => a.url),
      thumbUrl,
    ] as string[];
    const etags: string[] = [];
    for (const url of urls) {
      const res = await get(t, url);
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('private, no-cache');
      etags.push(res.headers.get('etag') ?? '');
    }

    await t.ok(DELETE, { id: messageId }, alice.accessToken);
    // A browser revalidating its cached copy hears that it is gone (not 304: keep showing it).
    const revalidated = await get(t, urls[0] as string, undefined, { 'if-none-match': etags[0] as string });
    expect(revalidated.status).toBe(404);
    const [picUrl, docUrl, sharedUrl] = urls;
    for (const url of [picUrl, docUrl, thumbUrl]) {
      const res = await get(t, url as string);
      expect(res.status).toBe(404);
      expect(JSON.parse(res.body.toString()).error.code).toBe('NOT_FOUND');
      // The same as with a token.
      expect((await get(t, new URL(url as string).pathname, bob.accessToken)).status).toBe(404);
    }
    // A file another (live) message still carries keeps working.
    expect((await get(t, sharedUrl as string)).status).toBe(200);
  });

  it('end with the picture: a replaced or removed avatar is 404; a pending upload has no signed access', async () => {
    const UPDATE_PROFILE = `mutation($input: UpdateProfileInput!) { updateProfile(input: $input) { avatarUrl } }`;
    const first = await uploadOk(carol, { filename: 'first.png', data: png });
    const second = await uploadOk(carol, { filename: 'second.png', data: png });
    const a = await t.ok(UPDATE_PROFILE, { input: { avatarId: first.id } }, carol.accessToken);
    expect((await get(t, a.updateProfile.avatarUrl)).status).toBe(200);
    const b = await t.ok(UPDATE_PROFILE, { input: { avatarId: second.id } }, carol.accessToken);
    expect((await get(t, a.updateProfile.avatarUrl)).status).toBe(404);
    expect((await get(t, b.updateProfile.avatarUrl)).status).toBe(200);
    await t.ok(UPDATE_PROFILE, { input: { avatarId: null } }, carol.accessToken);
    expect((await get(t, b.updateProfile.avatarUrl)).status).toBe(404);

    const room = await createGroup(t, alice, [bob]);
    const roomPic = await uploadOk(alice, { filename: 'group.png', data: png });
    const ROOM = `mutation($r: ID!, $input: UpdateRoomInput!) { updateRoom(roomId: $r, input: $input) { avatarUrl } }`;
    const set = await t.ok(ROOM, { r: room.id, input: { avatarId: roomPic.id } }, alice.accessToken);
    expect((await get(t, set.updateRoom.avatarUrl)).status).toBe(200);
    await t.ok(ROOM, { r: room.id, input: { avatarId: null } }, alice.accessToken);
    expect((await get(t, set.updateRoom.avatarUrl)).status).toBe(404);

    // The API signs no URL for an upload not yet sent; one signed anyway gets nothing.
    const pending = await uploadOk(alice, { filename: 'draft.png', data: png });
    expect((await get(t, signed(pending.id, 'original'))).status).toBe(404);
    expect((await get(t, `/files/${pending.id}`, alice.accessToken)).status).toBe(200);
  });
});

describe('avatars', () => {
  const UPDATE_PROFILE = `mutation($input: UpdateProfileInput!) { updateProfile(input: $input) { id avatarUrl } }`;
  const UPDATE_ROOM = `mutation($r: ID!, $input: UpdateRoomInput!) { updateRoom(roomId: $r, input: $input) { id title avatarUrl } }`;

  it('sets, serves and removes a user avatar; only own images', async () => {
    const img = await uploadOk(carol, { filename: 'me.png', data: png });
    const txt = await uploadOk(carol, { filename: 'me.txt', data: 'hello' });
    const theirs = await uploadOk(alice, { filename: 'a.png', data: png });
    expectError(
      await t.gql(UPDATE_PROFILE, { input: { avatarId: theirs.id } }, carol.accessToken),
      'FORBIDDEN',
    );
    expectError(
      await t.gql(UPDATE_PROFILE, { input: { avatarId: txt.id } }, carol.accessToken),
      'BAD_USER_INPUT',
    );
    expectError(
      await t.gql(UPDATE_PROFILE, { input: { avatarId: uuidv7() } }, carol.accessToken),
      'NOT_FOUND',
    );

    const set = await t.ok(UPDATE_PROFILE, { input: { avatarId: img.id } }, carol.accessToken);
    expect(set.updateProfile.avatarUrl).toMatch(new RegExp(`/files/${img.id}/thumbnail\\?exp=`));
    // Anyone signed in may see it (it is an avatar now), with or without the signed URL.
    expect((await get(t, set.updateProfile.avatarUrl)).status).toBe(200);
    expect((await get(t, `/files/${img.id}`, bob.accessToken)).status).toBe(200);
    const seen = await t.ok(
      `query($id: ID!) { user(id: $id) { avatarUrl } }`,
      { id: carol.id },
      bob.accessToken,
    );
    expect(seen.user.avatarUrl).toContain(img.id);
    // Other profile fields leave it alone; null removes it.
    await t.ok(`mutation { updateProfile(input: { bio: "hi" }) { id } }`, {}, carol.accessToken);
    const removed = await t.ok(UPDATE_PROFILE, { input: { avatarId: null } }, carol.accessToken);
    expect(removed.updateProfile.avatarUrl).toBeNull();
    expect((await get(t, `/files/${img.id}`, bob.accessToken)).status).toBe(404);
  });

  it('sets a group picture (owner or admin) visible to members only', async () => {
    const room = await createGroup(t, alice, [bob]);
    const pic = await uploadOk(alice, { filename: 'room.png', data: png });
    const bobsPic = await uploadOk(bob, { filename: 'bob.png', data: png });
    expectError(
      await t.gql(UPDATE_ROOM, { r: room.id, input: { avatarId: bobsPic.id } }, bob.accessToken),
      'FORBIDDEN',
    );
    expectError(
      await t.gql(UPDATE_ROOM, { r: room.id, input: { avatarId: pic.id } }, carol.accessToken),
      'NOT_FOUND',
    );
    const updated = await t.ok(
      UPDATE_ROOM,
      { r: room.id, input: { avatarId: pic.id, title: 'Renamed' } },
      alice.accessToken,
    );
    expect(updated.updateRoom.title).toBe('Renamed');
    expect(updated.updateRoom.avatarUrl).toContain(pic.id);
    const asBob = await t.ok(
      `query($id: ID!) { room(id: $id) { avatarUrl } }`,
      { id: room.id },
      bob.accessToken,
    );
    expect(asBob.room.avatarUrl).toContain(pic.id);
    expect((await get(t, `/files/${pic.id}`, bob.accessToken)).status).toBe(200);
    expect((await get(t, `/files/${pic.id}`, carol.accessToken)).status).toBe(404);
    const cleared = await t.ok(UPDATE_ROOM, { r: room.id, input: { avatarId: null } }, alice.accessToken);
    expect(cleared.updateRoom.avatarUrl).toBeNull();
  });
});

describe('the room list', () => {
  // As the web client asks: the group's picture and the last message's attachments.
  const LIST = `{ rooms(first: 100) { edges { node {
    id avatarUrl lastMessage { id attachments { id name } }
  } } } }`;
  type Listed = {
    id: string;
    avatarUrl: string | null;
    lastMessage: { attachments: { id: string }[] } | null;
  };
  /** `room` as `viewer`'s list shows it, and how many statements the list took. */
  const viewOf = async (viewer: TestUser, roomId: string) => {
    const before = t.app.dbStats.queries;
    const data = await t.ok(LIST, {}, viewer.accessToken);
    const statements = t.app.dbStats.queries - before;
    const node = (data.rooms.edges as { node: Listed }[]).find((e) => e.node.id === roomId)?.node;
    if (!node) throw new Error('room not listed');
    return { node, statements };
  };

  it('shows pictures and attachments from the room views, and follows their changes', async () => {
    // A member of this room only: other tests' rooms with attachments would be read for.
    const dave = await registerUser(t);
    const davesView = (roomId: string) => viewOf(dave, roomId);
    const room = await createGroup(t, alice, [dave]);
    const pic = await uploadOk(alice, { filename: 'room.png', data: png });
    const doc = await uploadOk(alice, { filename: 'notes.pdf', data: makePdf() });

    let seen = await davesView(room.id);
    expect(seen.node.avatarUrl).toBeNull();

    await sendWith(alice, room.id, [doc.id], 'notes attached');
    seen = await davesView(room.id);
    expect(seen.node.lastMessage?.attachments.map((a) => a.id)).toEqual([doc.id]);

    // A last message without attachments says so in the view: nothing is read for it, nor for
    // pictures (once served from memory, the list reads nothing at all). Background work (an
    // upload's thumbnail job) may run a statement meanwhile, so the least of a few lists counts.
    await send(t, alice, room.id, 'just text');
    seen = await davesView(room.id);
    expect(seen.node.lastMessage?.attachments).toEqual([]);
    const counts: number[] = [];
    for (let i = 0; i < 5 && !counts.includes(0); i++) counts.push((await davesView(room.id)).statements);
    expect(Math.min(...counts)).toBe(0);

    await t.ok(
      `mutation($r: ID!, $input: UpdateRoomInput!) { updateRoom(roomId: $r, input: $input) { id } }`,
      { r: room.id, input: { avatarId: pic.id } },
      alice.accessToken,
    );
    seen = await davesView(room.id);
    expect(seen.node.avatarUrl).toContain(pic.id);
    expect((await get(t, seen.node.avatarUrl as string)).status).toBe(200);

    await t.ok(
      `mutation($r: ID!) { updateRoom(roomId: $r, input: { avatarId: null }) { id } }`,
      { r: room.id },
      alice.accessToken,
    );
    expect((await davesView(room.id)).node.avatarUrl).toBeNull();
  });

  it("shows the other person's new name and picture at once, in a list served from memory", async () => {
    const [erin, frank] = await Promise.all([registerUser(t, { displayName: 'Erin' }), registerUser(t)]);
    const dm = await openDm(t, erin, frank);
    await send(t, erin, dm.id, 'hi');
    const DIRECT = `{ rooms(first: 100) { edges { node { id title avatarUrl peer { id displayName avatarUrl } } } } }`;
    type Direct = {
      id: string;
      title: string;
      avatarUrl: string | null;
      peer: { displayName: string; avatarUrl: string | null };
    };
    const franksView = async () => {
      const before = t.app.dbStats.queries;
      const data = await t.ok(DIRECT, {}, frank.accessToken);
      const node = (data.rooms.edges as { node: Direct }[]).find((e) => e.node.id === dm.id)?.node;
      return { node, statements: t.app.dbStats.queries - before };
    };
    expect((await franksView()).node).toMatchObject({ title: 'Erin', avatarUrl: null });
    const counts: number[] = [];
    for (let i = 0; i < 5 && !counts.includes(0); i++) counts.push((await franksView()).statements);
    expect(Math.min(...counts)).toBe(0); // the page is in memory

    const pic = await uploadOk(erin, { filename: 'erin.png', data: png });
    await t.ok(
      `mutation($input: UpdateProfileInput!) { updateProfile(input: $input) { id } }`,
      { input: { displayName: 'Erin Renamed', avatarId: pic.id } },
      erin.accessToken,
    );
    const { node } = await franksView();
    expect(node).toMatchObject({ title: 'Erin Renamed', peer: { displayName: 'Erin Renamed' } });
    expect(node?.avatarUrl).toContain(pic.id);
    expect(node?.peer.avatarUrl).toBe(node?.avatarUrl);
    expect((await get(t, node?.avatarUrl as string)).status).toBe(200);
  });
});

describe('cleanup', () => {
  it('deletes uploads never attached (file and row), keeps attached ones', async () => {
    const room = await createGroup(t, alice, [bob]);
    const orphan = await uploadOk(alice, { filename: 'orphan.png', data: png });
    const kept = await uploadOk(alice, { filename: 'kept.pdf', data: makePdf() });
    await sendWith(alice, room.id, [kept.id], 'keep this');
    const keyOf = async (id: string) =>
      await t.app.db
        .selectFrom('files')
        .select(['storage_key', 'thumbnail_key'])
        .where('id', '=', id)
        .executeTakeFirst();
    const orphanRow = await waitFor(async () => {
      const r = await keyOf(orphan.id);
      return r?.thumbnail_key ? r : undefined; // let its thumbnail job finish first
    });
    const disk = await filesUnder(t.config.uploadsDir);
    expect(disk.some((p) => p.endsWith(orphanRow.storage_key))).toBe(true);

    await new Promise((r) => setTimeout(r, 1100));
    const jobId = await t.app.jobs.send('files.cleanup', { maxAgeSeconds: 1 });
    expect(jobId).toBeTruthy();
    const job = await waitFor(async () => {
      const j = await t.app.jobs.boss.getJobById('files.cleanup', jobId as string);
      return j && ['completed', 'failed'].includes(j.state) ? j : undefined;
    });
    expect(job.state).toBe('completed');
    expect(await keyOf(orphan.id)).toBeUndefined();
    const after = await filesUnder(t.config.uploadsDir);
    expect(after.some((p) => p.endsWith(orphanRow.storage_key))).toBe(false);
    expect(after.some((p) => p.endsWith(orphanRow.thumbnail_key ?? '-'))).toBe(false);
    expect(await keyOf(kept.id)).toBeDefined();
    expect((await get(t, `/files/${kept.id}`, bob.accessToken)).status).toBe(200);
  });

  it('deletes the files of a deleted message, unless another message still uses them', async () => {
    const room = await createGroup(t, alice, [bob]);
    const only = await uploadOk(alice, { filename: 'only-here.pdf', data: makePdf() });
    const shared = await uploadOk(alice, { filename: 'shared.pdf', data: makePdf() });
    const first = await sendWith(alice, room.id, [only.id, shared.id], 'two files');
    await sendWith(alice, room.id, [shared.id], 'again');
    const firstId = (first.data as { sendMessage: { id: string } }).sendMessage.id;
    const del = await t.gql(
      'mutation($id: ID!) { deleteMessage(id: $id) { id deletedAt attachments { id } } }',
      { id: firstId },
      alice.accessToken,
    );
    expect(del.errors).toBeUndefined();
    expect(del.data?.deleteMessage.attachments).toEqual([]);
    const onlyKey = (
      await t.app.db
        .selectFrom('files')
        .select('storage_key')
        .where('id', '=', only.id)
        .executeTakeFirstOrThrow()
    ).storage_key;

    await new Promise((r) => setTimeout(r, 1100));
    const jobId = await t.app.jobs.send('files.cleanup', { maxAgeSeconds: 1 });
    await waitFor(async () => {
      const j = await t.app.jobs.boss.getJobById('files.cleanup', jobId as string);
      return j && ['completed', 'failed'].includes(j.state) ? j : undefined;
    });
    const left = await t.app.db
      .selectFrom('files')
      .select('id')
      .where('id', 'in', [only.id, shared.id])
      .execute();
    expect(left.map((r) => r.id)).toEqual([shared.id]);
    expect((await filesUnder(t.config.uploadsDir)).some((p) => p.endsWith(onlyKey))).toBe(false);
    expect((await get(t, `/files/${only.id}`, bob.accessToken)).status).toBe(404);
    expect((await get(t, `/files/${shared.id}`, bob.accessToken)).status).toBe(200);
  });
});
