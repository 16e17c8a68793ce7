import { type Kysely, sql } from 'kysely';

/**
 * Rooms, members and messages. Forward-only.
 *
 * - `rooms.last_seq` is the per-room message counter: a send increments it with
 *   `UPDATE … RETURNING` inside its transaction, so the row lock serialises
 *   senders of one room and a rollback gives the number back (gap-free).
 * - `rooms.direct_key` ('<smaller uuid>:<larger uuid>') makes a second direct
 *   room for the same pair impossible, whatever the concurrency.
 * - Read state is one pointer per member (`last_read_seq`), not rows per message.
 * - Timestamps the room list sorts and pages on are kept at millisecond
 *   precision so keyset cursors round-trip exactly through JavaScript Dates.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving DB type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('rooms')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text')
    .addColumn('direct_key', 'text', (c) => c.unique())
    .addColumn('created_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('last_seq', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('last_activity_at', 'timestamptz', (c) =>
      c.notNull().defaultTo(sql`date_trunc('milliseconds', now())`),
    )
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('rooms_kind', sql`kind IN ('DIRECT', 'GROUP')`)
    .addCheckConstraint(
      'rooms_kind_shape',
      sql`(kind = 'DIRECT' AND direct_key IS NOT NULL AND title IS NULL) OR (kind = 'GROUP' AND direct_key IS NULL AND title IS NOT NULL)`,
    )
    .addCheckConstraint('rooms_last_seq_nonneg', sql`last_seq >= 0`)
    .execute();

  // Removed members' rows are deleted; a re-added member starts a new row.
  await db.schema
    .createTable('room_members')
    .addColumn('room_id', 'uuid', (c) => c.notNull().references('rooms.id').onDelete('cascade'))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('joined_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    // The lowest seq this member may see (members added later: their MEMBER_JOINED message).
    .addColumn('visible_from_seq', 'bigint', (c) => c.notNull().defaultTo(1))
    .addColumn('last_read_seq', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('last_read_at', 'timestamptz')
    .addPrimaryKeyConstraint('room_members_pkey', ['room_id', 'user_id'])
    .addCheckConstraint('room_members_role', sql`role IN ('OWNER', 'ADMIN', 'MEMBER')`)
    .execute();
  await db.schema.createIndex('room_members_user_idx').on('room_members').columns(['user_id']).execute();

  await db.schema
    .createTable('messages')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('room_id', 'uuid', (c) => c.notNull().references('rooms.id').onDelete('cascade'))
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('sender_id', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('client_id', 'text')
    .addColumn('body', 'text')
    .addColumn('reply_to_id', 'uuid', (c) => c.references('messages.id').onDelete('set null'))
    .addColumn('mentions', sql`uuid[]`, (c) => c.notNull().defaultTo(sql`'{}'::uuid[]`))
    // SYSTEM messages: { type: MEMBER_JOINED | MEMBER_LEFT | ROOM_RENAMED, userId?, byUserId?, title? }.
    .addColumn('system_data', 'jsonb')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('edited_at', 'timestamptz')
    .addColumn('deleted_at', 'timestamptz')
    .addColumn('search', sql`tsvector`, (c) =>
      c.generatedAlwaysAs(sql`to_tsvector('simple'::regconfig, coalesce(body, ''))`).stored(),
    )
    .addCheckConstraint('messages_kind', sql`kind IN ('USER', 'SYSTEM')`)
    .addCheckConstraint('messages_seq_positive', sql`seq > 0`)
    .addCheckConstraint(
      'messages_kind_shape',
      sql`(kind = 'USER' AND client_id IS NOT NULL AND system_data IS NULL) OR (kind = 'SYSTEM' AND sender_id IS NULL AND client_id IS NULL AND system_data IS NOT NULL)`,
    )
    .addUniqueConstraint('messages_room_seq_key', ['room_id', 'seq'])
    // Idempotent sends: a retry with the same clientId finds the original.
    .addUniqueConstraint('messages_sender_client_key', ['sender_id', 'client_id'])
    .execute();
  await sql`CREATE INDEX messages_search_idx ON messages USING gin (search)`.execute(db);
  // History filtered by sender (messages(roomId, senderId)).
  await db.schema
    .createIndex('messages_room_sender_seq_idx')
    .on('messages')
    .columns(['room_id', 'sender_id', 'seq'])
    .execute();
  await db.schema.createIndex('messages_reply_to_idx').on('messages').columns(['reply_to_id']).execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('messages').execute();
  await db.schema.dropTable('room_members').execute();
  await db.schema.dropTable('rooms').execute();
}
