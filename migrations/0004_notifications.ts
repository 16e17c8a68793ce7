import { type Kysely, sql } from 'kysely';

/**
 * Notifications and per-type email preferences. Forward-only.
 *
 * Rooms and meetings are referenced only inside `data` (no foreign keys): a
 * notification outlives what it points at, and the rooms/meetings tables are
 * owned by other migrations.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving DB type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('notifications')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('recipient_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    // Typed in the service (NotificationData): fromUserId, roomId, messageId, meetingId…
    .addColumn('data', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    // How many events a collapsed notification stands for (MESSAGE: messages in the room).
    .addColumn('count', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    // Last time the notification changed (a collapsed one is bumped): the list's sort key.
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('read_at', 'timestamptz')
    // When the digest email for it was queued (MESSAGE): a retried digest job never sends twice.
    .addColumn('emailed_at', 'timestamptz')
    .addCheckConstraint('notifications_count_positive', sql`count >= 1`)
    .execute();
  // The list, newest activity first, keyset-paginated on (updated_at, id).
  await sql`CREATE INDEX notifications_recipient_list_idx ON notifications (recipient_id, updated_at DESC, id DESC)`.execute(
    db,
  );
  // Unread counts and "unread only" pages touch only unread rows.
  await sql`CREATE INDEX notifications_recipient_unread_idx ON notifications (recipient_id, updated_at DESC, id DESC) WHERE read_at IS NULL`.execute(
    db,
  );
  // At most one unread MESSAGE notification per (recipient, room): new messages
  // collapse into it with INSERT … ON CONFLICT, race-free across instances.
  await sql`CREATE UNIQUE INDEX notifications_unread_message_room_key ON notifications (recipient_id, (data->>'roomId')) WHERE type = 'MESSAGE' AND read_at IS NULL`.execute(
    db,
  );

  // Only overrides of the defaults are stored (see notifications.model.ts).
  await db.schema
    .createTable('notification_preferences')
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('email_enabled', 'boolean', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('notification_preferences_pkey', ['user_id', 'type'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('notification_preferences').execute();
  await db.schema.dropTable('notifications').execute();
}
