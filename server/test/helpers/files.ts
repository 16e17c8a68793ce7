import fs from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import sharp from 'sharp';
import type { TestApp } from './app.ts';

export interface Part {
  name: string;
  filename?: string;
  type?: string;
  data: Buffer | string | ((response: Promise<unknown>) => AsyncIterable<Buffer>);
}

export interface UploadResponse {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: asserted by the tests
  body: any;
  /** Body bytes the client had written when the response arrived. */
  bytesSent: number;
}

const CRLF = '\r\n';

/** A multipart/form-data body, streamed part by part (large parts come from generators). */
export function multipartBody(parts: Part[], boundary = `----parley${Date.now()}`) {
  async function* body(response: Promise<unknown>): AsyncGenerator<Buffer> {
    for (const p of parts) {
      const disposition = `form-data; name="${p.name}"${p.filename !== undefined ? `; filename="${p.filename}"` : ''}`;
      yield Buffer.from(
        `--${boundary}${CRLF}Content-Disposition: ${disposition}${CRLF}` +
          (p.type ? `Content-Type: ${p.type}${CRLF}` : '') +
          CRLF,
      );
      if (typeof p.data === 'function') yield* p.data(response);
      else yield Buffer.from(p.data);
      yield Buffer.from(CRLF);
    }
    yield Buffer.from(`--${boundary}--${CRLF}`);
  }
  return { contentType: `multipart/form-data; boundary=${boundary}`, body };
}

/**
 * POSTs to /uploads over a real socket, streaming `body` with backpressure.
 * Stops writing as soon as the server answers (as a browser does when the
 * server refuses mid-upload) and reports how much had been sent.
 */
export function rawUpload(
  t: TestApp,
  opts: { token?: string; contentType: string; body: (response: Promise<unknown>) => AsyncIterable<Buffer> },
): Promise<UploadResponse> {
  let responded!: () => void;
  const response = new Promise<void>((r) => {
    responded = r;
  });
  return new Promise((resolve, reject) => {
    let bytesSent = 0;
    let answered = false;
    const req = http.request(`${t.url}/uploads`, {
      method: 'POST',
      headers: {
        'content-type': opts.contentType,
        ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
      },
    });
    req.on('response', (res) => {
      answered = true;
      responded();
      const sentAtResponse = bytesSent;
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let body: unknown = text;
        try {
          body = JSON.parse(text);
        } catch {}
        resolve({ status: res.statusCode ?? 0, body, bytesSent: sentAtResponse });
      });
      res.on('error', reject);
    });
    // The server may close the connection after refusing; the response has been read by then.
    req.on('error', (err) => {
      if (!answered) reject(err);
    });
    (async () => {
      for await (const chunk of opts.body(response)) {
        if (answered || req.destroyed) break;
        bytesSent += chunk.length;
        if (!req.write(chunk)) {
          await new Promise<void>((r) => {
            const done = () => {
              req.off('drain', done);
              req.off('close', done);
              r();
            };
            req.on('drain', done);
            req.on('close', done);
          });
        }
      }
      if (!req.destroyed) req.end();
    })().catch(reject);
  });
}

/** Uploads one file part (the usual case). */
export function upload(
  t: TestApp,
  token: string | undefined,
  file: { filename?: string; type?: string; data: Part['data'] },
): Promise<UploadResponse> {
  const { contentType, body } = multipartBody([
    { name: 'file', filename: file.filename ?? 'file.bin', ...file },
  ]);
  return rawUpload(t, { ...(token ? { token } : {}), contentType, body });
}

/** A PNG with some structure (so it does not compress to nothing). */
export async function makePng(width = 640, height = 480): Promise<Buffer> {
  const channels = 3;
  const raw = Buffer.alloc(width * height * channels);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * channels;
      raw[i] = (x * 7) & 0xff;
      raw[i + 1] = (y * 5) & 0xff;
      raw[i + 2] = ((x ^ y) * 3) & 0xff;
    }
  return sharp(raw, { raw: { width, height, channels } }).png().toBuffer();
}

/** A small valid PDF. */
export function makePdf(): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>',
  ];
  let out = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) out += `${String(off).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** Every regular file under `dir` (recursively); empty when it does not exist. */
export async function filesUnder(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

/** GET a path (relative to the app) with optional Bearer token and headers. */
export async function get(
  t: TestApp,
  urlOrPath: string,
  token?: string,
  headers: Record<string, string> = {},
) {
  const u = new URL(urlOrPath, t.url);
  const res = await fetch(`${t.url}${u.pathname}${u.search}`, {
    headers: { ...headers, ...(token ? { authorization: `Bearer ${token}` } : {}) },
  });
  return { status: res.status, headers: res.headers, body: Buffer.from(await res.arrayBuffer()) };
}

/** Polls `check` until it returns a value (not undefined) or the timeout passes. */
export async function waitFor<T>(check: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 100));
  }
}
