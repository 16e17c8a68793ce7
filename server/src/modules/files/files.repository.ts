import { sql, type Transaction } from 'kysely';
import type { DB, Db } from '../../db/index.ts';
import { FILE_COLUMNS, type FileRow } from './files.model.ts';

export interface NewFile {
  id: string;
  uploader_id: string;
  name: string;
  mime_type: string;
  size: number;
  sha256: string;
  storage_key: string;
  width: number | null;
  height: number | null;
}

export function insertFile(db: Db, file: NewFile): Promise<FileRow> {
  return db.insertInto('files').values(file).returning(FILE_COLUMNS).executeTakeFirstOrThrow();
}

export function findFile(db: Db, id: string): Promise<FileRow | undefined> {
  return db.selectFrom('files').select(FILE_COLUMNS).where('id', '=', id).executeTakeFirst();
}

export function findFilesByIds(db: Db, ids: readonly string[]): Promise<FileRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('files').select(FILE_COLUMNS).where('id', 'in', ids).execute();
}

/**
 * The file behind a signed URL, if it is still in use: attached to a message
 * that is not deleted, or the avatar of a user or a room. Signed URLs are only
 * handed out for those (never for a pending upload), and outlive a change by
 * up to their expiry; this is what ends them when the message is deleted or the
 * picture replaced. One statement: the primary key, then the indexes on
 * `message_attachments.file_id`, `users.avatar_file_id` and `rooms.avatar_file_id`.
 */
export function findCurrentFile(db: Db, id: string): Promise<FileRow | undefined> {
  return currentFileQuery(db, id).executeTakeFirst();
}

/** The statement of `findCurrentFile` (tests check its plan). */
export function currentFileQuery(db: Db, id: string) {
  return db
    .selectFrom('files')
    .select(FILE_COLUMNS)
    .where('files.id', '=', id)
    .where(({ or, exists, selectFrom }) =>
      or([
        exists(
          selectFrom('message_attachments as ma')
            .innerJoin('messages as m', 'm.id', 'ma.message_id')
            .select(sql`1`.as('one'))
            .whereRef('ma.file_id', '=', 'files.id')
            .where('m.deleted_at', 'is', null),
        ),
        exists(
          selectFrom('users as u').select(sql`1`.as('one')).whereRef('u.avatar_file_id', '=', 'files.id'),
        ),
        exists(
          selectFrom('rooms as r').select(sql`1`.as('one')).whereRef('r.avatar_file_id', '=', 'files.id'),
        ),
      ]),
    );
}

/**
 * Whether `userId` may download file `fileId`: they uploaded it; or it is
 * attached to a message they can see (a member of its room, from their join
 * point on, message not deleted); or it is the avatar of a room they are in;
 * or it is the avatar of a user who has not blocked them. One statement.
 */
export async function canAccess(db: Db, fileId: string, userId: string): Promise<boolean> {
  const row = await sql<{ ok: boolean }>`
    SELECT EXISTS (SELECT 1 FROM files f WHERE f.id = ${fileId} AND f.uploader_id = ${userId})
        OR EXISTS (
             SELECT 1 FROM message_attachments ma
             JOIN messages m ON m.id = ma.message_id AND m.deleted_at IS NULL
             JOIN room_members rm ON rm.room_id = m.room_id AND rm.user_id = ${userId}
             WHERE ma.file_id = ${fileId} AND m.seq >= rm.visible_from_seq)
        OR EXISTS (
             SELECT 1 FROM rooms r
             JOIN room_members rm ON rm.room_id = r.id AND rm.user_id = ${userId}
             WHERE r.avatar_file_id = ${fileId})
        OR EXISTS (
             SELECT 1 FROM users u
             WHERE u.avatar_file_id = ${fileId}
               AND NOT EXISTS (SELECT 1 FROM blocks b WHERE b.blocker_id = u.id AND b.blocked_id = ${userId}))
      AS ok`.execute(db);
  return row.rows[0]?.ok === true;
}

/**
 * Marks files as attached (so the cleanup job keeps them) and returns them,
 * locking their rows until the transaction ends: a concurrent cleanup waits,
 * re-checks `attached_at` and skips them. Only the uploader's files match.
 */
export function markAttached(trx: Transaction<DB> | Db, ids: readonly string[], uploaderId: string) {
  if (ids.length === 0) return Promise.resolve([] as FileRow[]);
  return trx
    .updateTable('files')
    .set({ attached_at: sql`coalesce(attached_at, now())` })
    .where('id', 'in', ids)
    .where('uploader_id', '=', uploaderId)
    .returning(FILE_COLUMNS)
    .execute();
}

export async function insertAttachments(trx: Transaction<DB>, messageId: string, fileIds: readonly string[]) {
  if (fileIds.length === 0) return;
  await trx
    .insertInto('message_attachments')
    .values(fileIds.map((file_id, position) => ({ message_id: messageId, file_id, position })))
    .execute();
}

/** Attachments of messages, in order: one statement for any number of messages. */
export function listAttachments(db: Db, messageIds: readonly string[]) {
  if (messageIds.length === 0) return Promise.resolve([] as (FileRow & { message_id: string })[]);
  return db
    .selectFrom('message_attachments as ma')
    .innerJoin('files', 'files.id', 'ma.file_id')
    .select([...FILE_COLUMNS, 'ma.message_id'])
    .where('ma.message_id', 'in', messageIds)
    .orderBy('ma.message_id')
    .orderBy('ma.position')
    .execute();
}

export function setThumbnail(db: Db, id: string, key: string, mimeType: string, size: number) {
  return db
    .updateTable('files')
    .set({ thumbnail_key: key, thumbnail_mime_type: mimeType, thumbnail_size: size })
    .where('id', '=', id)
    .where('thumbnail_key', 'is', null)
    .returning('id')
    .executeTakeFirst();
}

/** Un-marks a file that nothing references any more, so the cleanup job collects it. */
export async function releaseIfUnreferenced(db: Db, id: string): Promise<void> {
  await db
    .updateTable('files')
    .set({ attached_at: null })
    .where('id', '=', id)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('message_attachments')
            .select(sql`1`.as('one'))
            .where('file_id', '=', id)
            .union(selectFrom('users').select(sql`1`.as('one')).where('avatar_file_id', '=', id))
            .union(selectFrom('rooms').select(sql`1`.as('one')).where('avatar_file_id', '=', id)),
        ),
      ),
    )
    .execute();
}

/**
 * Unlinks a deleted message's attachments and un-marks each file nothing else
 * references (another message, an avatar), so the cleanup job deletes it.
 * One statement; the UPDATE sees the links as they were before the DELETE, so
 * it skips this message's own links explicitly.
 */
export async function detachMessageFiles(db: Db, messageId: string): Promise<void> {
  await sql`
    WITH gone AS (DELETE FROM message_attachments WHERE message_id = ${messageId} RETURNING file_id)
    UPDATE files SET attached_at = NULL
    WHERE id IN (SELECT file_id FROM gone)
      AND NOT EXISTS (
        SELECT 1 FROM message_attachments ma WHERE ma.file_id = files.id AND ma.message_id <> ${messageId})
      AND NOT EXISTS (SELECT 1 FROM users u WHERE u.avatar_file_id = files.id)
      AND NOT EXISTS (SELECT 1 FROM rooms r WHERE r.avatar_file_id = files.id)`.execute(db);
}

/**
 * Deletes up to `limit` never-attached files created before `cutoff` and
 * returns their storage keys. Rows being attached right now are skipped
 * (SKIP LOCKED), and the DELETE re-checks `attached_at` and references.
 */
export async function deleteOrphans(
  db: Db,
  cutoff: Date,
  limit: number,
): Promise<{ id: string; storage_key: string; thumbnail_key: string | null }[]> {
  const result = await sql<{ id: string; storage_key: string; thumbnail_key: string | null }>`
    DELETE FROM files WHERE id IN (
      SELECT id FROM files
      WHERE attached_at IS NULL AND created_at < ${cutoff}
      ORDER BY created_at
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED)
    AND attached_at IS NULL
    AND NOT EXISTS (SELECT 1 FROM message_attachments ma WHERE ma.file_id = files.id)
    AND NOT EXISTS (SELECT 1 FROM users u WHERE u.avatar_file_id = files.id)
    AND NOT EXISTS (SELECT 1 FROM rooms r WHERE r.avatar_file_id = files.id)
    RETURNING id, storage_key, thumbnail_key`.execute(db);
  return result.rows;
}

/** Room id → avatar file id, for rooms that have one. */
export function roomAvatarIds(db: Db, roomIds: readonly string[]) {
  if (roomIds.length === 0) return Promise.resolve([] as { id: string; avatar_file_id: string | null }[]);
  return db.selectFrom('rooms').select(['id', 'avatar_file_id']).where('id', 'in', roomIds).execute();
}

export function setRoomAvatar(db: Db, roomId: string, fileId: string | null) {
  return db.updateTable('rooms').set({ avatar_file_id: fileId }).where('id', '=', roomId).execute();
}
