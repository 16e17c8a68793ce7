/**
 * HTTP endpoints for files (GraphQL carries no bytes):
 *
 * - `POST /uploads`: one multipart file part, `Authorization: Bearer` only (no
 *   cookies, so no CSRF). 201 `{ id, name, size, mimeType, width, height }`;
 *   400 malformed / no file / two files, 401, 413 too large (refused while
 *   streaming), 415 type not accepted. Errors are `{ error: { code, message } }`.
 * - `GET /files/:id` and `/files/:id/thumbnail`: Bearer header or a signed URL
 *   (`?exp=&sig=` from the GraphQL API; 404 once the file's message is deleted or
 *   the picture replaced). Range requests, ETag, private caching.
 *
 * Not wrapped in fastify-plugin: the multipart parser stays inside this plugin.
 */
import { Readable } from 'node:stream';
import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps, Viewer } from '../../deps.ts';
import { AppError } from '../../graphql/errors.ts';
import { authenticate, bearerToken } from '../auth/auth.service.ts';
import { rateLimit, retryAfterHeader } from '../ratelimit/ratelimit.ts';
import { isImageType } from './files.model.ts';
import {
  acceptUpload,
  type DownloadAuth,
  fileForDownload,
  type ReceivedUpload,
  receiveUpload,
  UploadError,
  uploadErrorResponse,
} from './files.service.ts';
import { type FileVariant, verifyFileSignature } from './files.signing.ts';
import { type ByteRange, storageFor } from './files.storage.ts';

function sendError(reply: FastifyReply, status: number, code: string, message: string) {
  return reply.code(status).header('cache-control', 'no-store').send({ error: { code, message } });
}

/** The Bearer viewer; UploadError 401 when absent or refused. */
async function requireBearer(deps: Deps, req: FastifyRequest): Promise<Viewer> {
  try {
    return await authenticate(deps, bearerToken(req.headers.authorization));
  } catch (err) {
    if (err instanceof AppError) throw new UploadError(401, err.code, err.message);
    throw err;
  }
}

/** `Content-Disposition` with an ASCII fallback and the exact name per RFC 6266 / 5987. */
export function contentDisposition(type: 'inline' | 'attachment', name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${type}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/**
 * The single range of a `Range` header within `size` bytes; null for
 * "serve everything" (absent, not bytes, several ranges); 'unsatisfiable' for 416.
 */
export function parseRange(header: string | undefined, size: number): ByteRange | null | 'unsatisfiable' {
  if (!header) return null;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m) return header.trim().startsWith('bytes=') && !header.includes(',') ? 'unsatisfiable' : null;
  const [, a = '', b = ''] = m;
  if (a === '' && b === '') return 'unsatisfiable';
  if (a === '') {
    const suffix = Number(b);
    if (suffix === 0 || size === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(a);
  const end = b === '' ? size - 1 : Math.min(Number(b), size - 1);
  if (start >= size || (b !== '' && Number(b) < start)) return 'unsatisfiable';
  return { start, end };
}

export function filesRoutes(deps: Deps) {
  const { config } = deps;
  return async (app: FastifyInstance) => {
    await app.register(fastifyMultipart, {
      // The file name as sent: busboy would cut it at any `\`, which browsers send as part of the
      // name (only old IE sent a Windows path). sanitizeFileName takes the folder part off itself.
      preservePath: true,
      limits: {
        // One byte over the limit reaches our counter, which refuses with 413 while streaming.
        fileSize: config.uploadMaxBytes + 1,
        files: 2,
        fields: 10,
        fieldSize: 1024,
        parts: 12,
        headerPairs: 50,
      },
    });

    // Bodies that are not multipart are not read at all: the handler answers 400 (or 401) and closes.
    app.addContentTypeParser('*', (_req, _payload, done) => done(null, undefined));
    // Errors Fastify raises before our handlers (e.g. a body that does not parse) keep our JSON shape.
    app.setErrorHandler((err: { statusCode?: number; message: string }, req, reply) => {
      const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 500;
      if (status === 500) req.log.error({ err }, 'files route failed');
      return sendError(
        reply,
        status,
        status === 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST',
        status === 500 ? 'Internal server error' : err.message,
      );
    });

    app.post('/uploads', async (req, reply) => {
      let received: ReceivedUpload | undefined;
      try {
        const viewer = await requireBearer(deps, req);
        // Per-user upload budget (RATE_LIMIT_UPLOAD): 429 with Retry-After, before reading the body.
        await rateLimit(deps, 'upload', viewer.userId).catch((err: unknown) => {
          const retryAfter = err instanceof AppError ? retryAfterHeader(err) : undefined;
          if (!retryAfter) throw err;
          reply.header('retry-after', retryAfter);
          throw new UploadError(429, 'RATE_LIMITED', (err as AppError).message);
        });
        if (!req.isMultipart())
          throw new UploadError(400, 'BAD_REQUEST', 'Send the file as multipart/form-data');
        try {
          for await (const part of req.parts()) {
            if (part.type !== 'file') continue;
            if (received) {
              part.file.resume();
              throw new UploadError(400, 'BAD_REQUEST', 'Send exactly one file per upload');
            }
            received = await receiveUpload(deps, part);
          }
        } catch (err) {
          if (err instanceof UploadError || err instanceof AppError) throw err;
          req.log.info({ err }, 'malformed multipart upload');
          const tooMany = (err as { code?: string }).code === 'FST_FILES_LIMIT';
          throw new UploadError(
            400,
            'BAD_REQUEST',
            tooMany ? 'Send exactly one file per upload' : 'The multipart body is malformed',
          );
        }
        if (!received) throw new UploadError(400, 'BAD_REQUEST', 'The request has no file part');
        const upload = received;
        received = undefined; // acceptUpload owns (and on failure removes) the stored bytes now
        const file = await acceptUpload(deps, viewer, upload);
        return reply.code(201).header('cache-control', 'no-store').send({
          id: file.id,
          name: file.name,
          size: file.size,
          mimeType: file.mimeType,
          width: file.width,
          height: file.height,
        });
      } catch (err) {
        if (received) await storageFor(config).delete(received.key);
        const { status, code, message } = uploadErrorResponse(err);
        if (status >= 500) req.log.error({ err }, 'upload failed');
        // Refused mid-stream: do not read the rest of a body we are not going to store.
        if (status === 413 || !req.raw.readableEnded) reply.header('connection', 'close');
        return sendError(reply, status, code, message);
      }
    });

    const download = (variant: FileVariant) =>
      async function handler(
        req: FastifyRequest<{ Params: { id: string }; Querystring: { exp?: string; sig?: string } }>,
        reply: FastifyReply,
      ) {
        const { id } = req.params;
        let auth: DownloadAuth;
        try {
          if (req.query.sig !== undefined || req.query.exp !== undefined) {
            if (!verifyFileSignature(config, id.toLowerCase(), variant, req.query.exp, req.query.sig))
              return sendError(reply, 403, 'FORBIDDEN', 'This link is invalid or has expired');
            auth = { signed: true };
          } else {
            auth = { viewer: await requireBearer(deps, req) };
          }
        } catch (err) {
          const { status, code, message } = uploadErrorResponse(err);
          return sendError(reply, status, code, message);
        }
        let file: Awaited<ReturnType<typeof fileForDownload>>;
        try {
          file = await fileForDownload(deps, id, auth);
        } catch (err) {
          const { status, code, message } = uploadErrorResponse(err);
          return sendError(reply, status, code, message);
        }
        // An image's thumbnail until the job has made it: the image itself.
        const thumb = variant === 'thumbnail' && file.thumbnail_key !== null;
        if (variant === 'thumbnail' && !isImageType(file.mime_type))
          return sendError(reply, 404, 'NOT_FOUND', 'This file has no thumbnail');
        const key = thumb ? (file.thumbnail_key as string) : file.storage_key;
        const mimeType = thumb ? (file.thumbnail_mime_type ?? 'image/webp') : file.mime_type;
        const size = Number(thumb ? file.thumbnail_size : file.size);
        const etag = `"${file.sha256}${thumb ? '-t' : ''}"`;

        // A signed URL (of a file still in use) is its own permission: let pages on other sites embed
        // it (helmet's default is same-site).
        if ('signed' in auth) reply.header('cross-origin-resource-policy', 'cross-origin');
        reply
          .header('content-type', mimeType === 'text/plain' ? 'text/plain; charset=utf-8' : mimeType)
          .header(
            'content-disposition',
            contentDisposition(isImageType(file.mime_type) ? 'inline' : 'attachment', file.name),
          )
          .header('x-content-type-options', 'nosniff')
          // Nothing in a served file may run, even if a browser renders it.
          .header('content-security-policy', "default-src 'none'; img-src 'self' data:; sandbox")
          // Kept by the browser, but asked again (a 304 with the ETag) before each use: a file whose
          // message was deleted or picture replaced must not still show from the cache for an hour.
          .header('cache-control', 'private, no-cache')
          .header('etag', etag)
          .header('accept-ranges', 'bytes');

        if (req.headers['if-none-match']?.split(/\s*,\s*/).includes(etag)) return reply.code(304).send();

        const ifRange = req.headers['if-range'];
        const range = ifRange && ifRange !== etag ? null : parseRange(req.headers.range, size);
        if (range === 'unsatisfiable')
          return reply.code(416).header('content-range', `bytes */${size}`).send();
        const storage = storageFor(config);
        // HEAD: headers only. Fastify drains a stream sent to HEAD (and keeps our Content-Length), so
        // hand it an empty one rather than the file.
        const body = (r?: ByteRange) =>
          req.method === 'HEAD' ? Readable.from([]) : storage.createReadStream(key, r);
        if (range) {
          return reply
            .code(206)
            .header('content-range', `bytes ${range.start}-${range.end}/${size}`)
            .header('content-length', range.end - range.start + 1)
            .send(body(range));
        }
        if (size === 0) return reply.header('content-length', 0).send('');
        // An explicit end: the stream ends with its last chunk instead of after one more read that
        // finds EOF, so the response (and the keep-alive connection) is done as soon as the bytes are.
        return reply.header('content-length', size).send(body({ start: 0, end: size - 1 }));
      };

    app.get('/files/:id', download('original'));
    app.get('/files/:id/thumbnail', download('thumbnail'));
  };
}
