/**
 * Uploads, attachments and avatars: the rules. Uploads are streamed to
 * storage (never buffered whole), limited while streaming, typed from their
 * content and recorded only once accepted, so a rejected or aborted upload
 * leaves no file and no row.
 */
import type { Readable } from 'node:stream';
import type { Transaction } from 'kysely';
import type { DB, Db } from '../../db/index.ts';
import type { Deps, Viewer } from '../../deps.ts';
import { AppError, badInput, forbidden, httpStatusOf, notFound, toAppError } from '../../graphql/errors.ts';
import { isUuid, parseId, uuidv7 } from '../../lib/ids.ts';
import { orientedSize } from './files.images.ts';
import { THUMBNAIL_JOB } from './files.jobs.ts';
import { type AttachmentModel, fileRowToModel, formatByteLimit, isImageType } from './files.model.ts';
import * as repo from './files.repository.ts';
import { sanitizeFileName, sniffType, UploadInspector } from './files.sniff.ts';
import { storageFor } from './files.storage.ts';

/** Most attachments on one message. */
export const MAX_ATTACHMENTS = 10;

/** A failed upload: HTTP status plus a stable code for the JSON error body. */
export class UploadError extends Error {
  override name = 'UploadError';
  readonly status: number;
  readonly code: string;
  constructor(status: number, code: string, message: string) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

/** Bytes received and stored, not yet accepted or recorded. */
export interface ReceivedUpload {
  key: string;
  size: number;
  sha256: string;
  head: Buffer;
  isText: boolean;
  name: string;
  claimedType: string | undefined;
}

/**
 * Streams one file part into storage while counting, hashing and inspecting
 * it. Past `uploadMaxBytes` it throws 413 at once (the partial object is
 * removed by the storage). Memory stays at one chunk plus the inspected head.
 */
export async function receiveUpload(
  deps: Deps,
  part: { file: Readable; filename?: string | undefined; mimetype?: string | undefined },
): Promise<ReceivedUpload> {
  const max = deps.config.uploadMaxBytes;
  const inspector = new UploadInspector();
  let typeChecked = false;
  async function* inspected() {
    for await (const chunk of part.file as AsyncIterable<Buffer>) {
      inspector.update(chunk);
      if (inspector.size > max)
        throw new UploadError(413, 'PAYLOAD_TOO_LARGE', `Files may be at most ${formatByteLimit(max)}`);
      if (!typeChecked && inspector.headFull()) {
        // The head is all type detection ever reads, so a type refused now is
        // refused at the end too (text only gets less likely with more bytes):
        // answer 415 at once rather than after receiving the whole file.
        typeChecked = true;
        const early = await sniffType(inspector.head(), inspector.textSoFar(), part.mimetype);
        if (!early.ok) throw new UploadError(415, 'UNSUPPORTED_MEDIA_TYPE', early.reason);
      }
      yield chunk;
    }
  }
  const { key } = await storageFor(deps.config).put(inspected());
  return {
    key,
    size: inspector.size,
    sha256: inspector.digest(),
    head: inspector.head(),
    isText: inspector.isText(),
    name: sanitizeFileName(part.filename),
    claimedType: part.mimetype,
  };
}

/**
 * Accepts a received upload: checks its type against the allow-list (415
 * otherwise), reads image dimensions (as displayed, EXIF orientation applied), records the row and queues the
 * thumbnail in one transaction. Any failure removes the stored bytes.
 */
export async function acceptUpload(
  deps: Deps,
  viewer: Viewer,
  upload: ReceivedUpload,
): Promise<AttachmentModel> {
  const storage = storageFor(deps.config);
  try {
    if (upload.size === 0) throw new UploadError(400, 'BAD_REQUEST', 'The file is empty');
    const sniffed = await sniffType(upload.head, upload.isText, upload.claimedType);
    if (!sniffed.ok) throw new UploadError(415, 'UNSUPPORTED_MEDIA_TYPE', sniffed.reason);
    let dims: { width: number; height: number } | null = null;
    if (isImageType(sniffed.mimeType)) {
      dims = await orientedSize(upload.head, () => storage.createReadStream(upload.key)).catch(() => {
        throw new UploadError(415, 'UNSUPPORTED_MEDIA_TYPE', 'The image could not be read');
      });
    }
    const row = await deps.db.transaction().execute(async (trx) => {
      const inserted = await repo.insertFile(trx, {
        id: uuidv7(),
        uploader_id: viewer.userId,
        name: upload.name,
        mime_type: sniffed.mimeType,
        size: upload.size,
        sha256: upload.sha256,
        storage_key: upload.key,
        width: dims?.width ?? null,
        height: dims?.height ?? null,
      });
      if (dims) await deps.jobs.send(THUMBNAIL_JOB, { fileId: inserted.id }, { trx });
      return inserted;
    });
    return fileRowToModel(row);
  } catch (err) {
    await storage.delete(upload.key).catch((e: unknown) => deps.log.error({ err: e }, 'removing upload'));
    throw err;
  }
}

export type DownloadAuth = { viewer: Viewer } | { signed: true };

/**
 * The file behind `GET /files/:id`: for a viewer, only if they may see it
 * (uploader, member of a room where it is attached, avatar they can see).
 * A valid signature proves the file was shown to someone allowed to see it,
 * not that it still is shown: a signed URL works only while the file is
 * attached to a message that is not deleted or is a user's or room's picture,
 * so deleting a message (or replacing a picture) ends the links already handed
 * out rather than letting them run to their expiry. NOT_FOUND otherwise, so ids leak nothing.
 */
export async function fileForDownload(deps: Deps, id: string, auth: DownloadAuth) {
  if (!isUuid(id)) throw notFound('File');
  const fileId = id.toLowerCase();
  const row = await ('signed' in auth
    ? repo.findCurrentFile(deps.db, fileId)
    : repo.findFile(deps.db, fileId));
  if (!row) throw notFound('File');
  if ('viewer' in auth && !(await repo.canAccess(deps.db, fileId, auth.viewer.userId)))
    throw notFound('File');
  return row;
}

/** Upload ids for a message: at most 10, each once. */
export function parseAttachmentIds(raw: readonly string[] | null | undefined): string[] {
  if (!raw || raw.length === 0) return [];
  if (raw.length > MAX_ATTACHMENTS)
    throw badInput(`A message may have at most ${MAX_ATTACHMENTS} attachments`, { field: 'attachmentIds' });
  const ids = raw.map((id) => parseId(id, 'Upload'));
  if (new Set(ids).size !== ids.length)
    throw badInput('Each attachment may be listed once', { field: 'attachmentIds' });
  return ids;
}

/** Checks before a send: every id is an upload (NOT_FOUND) by the viewer (FORBIDDEN). */
export async function checkAttachable(db: Db, viewer: Viewer, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  const rows = await repo.findFilesByIds(db, ids);
  if (rows.length !== ids.length) throw notFound('Upload');
  if (rows.some((r) => r.uploader_id !== viewer.userId))
    throw forbidden('You can only attach files you uploaded yourself');
}

/**
 * Links uploads to a new message inside its transaction and returns them in
 * order, for the event payload. The rows are locked and marked attached, so
 * the cleanup job cannot take them; one that vanished meanwhile is NOT_FOUND.
 */
export async function attachToMessage(
  trx: Transaction<DB>,
  viewer: Viewer,
  messageId: string,
  ids: readonly string[],
): Promise<AttachmentModel[]> {
  if (ids.length === 0) return [];
  const rows = await repo.markAttached(trx, ids, viewer.userId);
  if (rows.length !== ids.length) throw notFound('Upload');
  await repo.insertAttachments(trx, messageId, ids);
  const byId = new Map(rows.map((r) => [r.id, fileRowToModel(r)]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/**
 * Validates an avatar choice and marks the file as in use: `null` removes the
 * avatar; otherwise an image the viewer uploaded (NOT_FOUND, FORBIDDEN,
 * BAD_USER_INPUT for other types).
 */
export async function claimAvatar(
  deps: Deps,
  viewer: Viewer,
  avatarId: string | null,
): Promise<string | null> {
  if (avatarId === null) return null;
  const id = parseId(avatarId, 'Upload');
  const row = await repo.findFile(deps.db, id);
  if (!row) throw notFound('Upload');
  if (row.uploader_id !== viewer.userId) throw forbidden('You can only use images you uploaded yourself');
  if (!isImageType(row.mime_type))
    throw badInput('An avatar must be a PNG, JPEG, GIF or WebP image', { field: 'avatarId' });
  const [marked] = await repo.markAttached(deps.db, [id], viewer.userId);
  if (!marked) throw notFound('Upload');
  return id;
}

/**
 * A deleted message keeps no files: its attachments are unlinked in the
 * deleting transaction, and files nothing else uses are collected by the
 * cleanup job (within CLEANUP_CRON's 15 minutes), bytes and thumbnails included.
 */
export async function detachDeletedMessageFiles(trx: Db, messageId: string): Promise<void> {
  await repo.detachMessageFiles(trx, messageId);
}

/** After an avatar is replaced: the old file goes to the cleanup job unless something else uses it. */
export async function releaseFile(deps: Deps, fileId: string | null | undefined): Promise<void> {
  if (fileId) await repo.releaseIfUnreferenced(deps.db, fileId);
}

/** Maps any error from an upload to its HTTP status and JSON body. */
export function uploadErrorResponse(err: unknown): { status: number; code: string; message: string } {
  if (err instanceof UploadError) return { status: err.status, code: err.code, message: err.message };
  if (err instanceof AppError) {
    return { status: httpStatusOf[err.code], code: err.code, message: err.message };
  }
  // Database or Redis unreachable: 503 (retry), anything else 500 (logged by the route).
  const e = toAppError(err);
  return { status: httpStatusOf[e.code], code: e.code, message: e.message };
}
