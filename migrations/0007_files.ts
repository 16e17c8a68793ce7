import { type Kysely, sql } from 'kysely';

/**
 * Uploaded files, message attachments and avatars. Forward-only.
 *
 * - `files` holds one row per finished upload; the bytes live in storage under
 *   `storage_key` (a random name, never derived from the client's file name).
 *   A row is written only after the whole upload was received and accepted,
 *   so a rejected or aborted upload leaves no row behind.
 * - `attached_at` is set (under the row lock) when a file is first attached to
 *   a message or used as an avatar. The cleanup job deletes rows whose
 *   `attached_at` is still null after a day; because the flag lives on the row
 *   itself, a DELETE racing an attach re-checks it after the lock and skips.
 * - `message_attachments` links messages to files in order (at most 10 per
 *   message, enforced by the service). Deleting a file that is still linked is
 *   refused by the foreign key.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving DB type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('files')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    // Like a message's sender: files shared in rooms stay when their uploader's account goes.
    .addColumn('uploader_id', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('mime_type', 'text', (c) => c.notNull())
    .addColumn('size', 'bigint', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('storage_key', 'text', (c) => c.notNull().unique())
    .addColumn('width', 'integer')
    .addColumn('height', 'integer')
    .addColumn('thumbnail_key', 'text')
    .addColumn('thumbnail_mime_type', 'text')
    .addColumn('thumbnail_size', 'bigint')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('attached_at', 'timestamptz')
    .addCheckConstraint('files_size_nonneg', sql`size >= 0`)
    .addCheckConstraint('files_name_length', sql`char_length(name) BETWEEN 1 AND 255`)
    .execute();
  await db.schema.createIndex('files_uploader_idx').on('files').columns(['uploader_id']).execute();
  // The cleanup job's scan: never-attached uploads, oldest first.
  await sql`CREATE INDEX files_unattached_idx ON files (created_at) WHERE attached_at IS NULL`.execute(db);

  await db.schema
    .createTable('message_attachments')
    .addColumn('message_id', 'uuid', (c) => c.notNull().references('messages.id').onDelete('cascade'))
    .addColumn('file_id', 'uuid', (c) => c.notNull().references('files.id'))
    .addColumn('position', 'smallint', (c) => c.notNull())
    .addPrimaryKeyConstraint('message_attachments_pkey', ['message_id', 'file_id'])
    .addUniqueConstraint('message_attachments_position_key', ['message_id', 'position'])
    .execute();
  // Download checks: "is this file attached to a message in a room I am in?"
  await db.schema
    .createIndex('message_attachments_file_idx')
    .on('message_attachments')
    .columns(['file_id'])
    .execute();

  await db.schema
    .alterTable('users')
    .addColumn('avatar_file_id', 'uuid', (c) => c.references('files.id').onDelete('set null'))
    .execute();
  await db.schema
    .alterTable('rooms')
    .addColumn('avatar_file_id', 'uuid', (c) => c.references('files.id').onDelete('set null'))
    .execute();
  await db.schema.createIndex('users_avatar_file_idx').on('users').columns(['avatar_file_id']).execute();
  await db.schema.createIndex('rooms_avatar_file_idx').on('rooms').columns(['avatar_file_id']).execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('rooms').dropColumn('avatar_file_id').execute();
  await db.schema.alterTable('users').dropColumn('avatar_file_id').execute();
  await db.schema.dropTable('message_attachments').execute();
  await db.schema.dropTable('files').execute();
}
