import { type Kysely, sql } from 'kysely';

/**
 * Live features (issue #4). Forward-only.
 *
 * - Reactions: one row per (message, user, emoji); the primary key makes
 *   `addReaction` idempotent whatever the concurrency. The 20-distinct-emoji
 *   cap per message is enforced under a lock of the message row (service).
 * - Read receipts need no table: they are derived from
 *   `room_members.last_read_seq` / `last_read_at` (0003), and presence from
 *   `users.last_seen_at` (0001) plus ephemeral state in Redis or memory.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving DB type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('message_reactions')
    .addColumn('message_id', 'uuid', (c) => c.notNull().references('messages.id').onDelete('cascade'))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('emoji', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`clock_timestamp()`))
    .addPrimaryKeyConstraint('message_reactions_pkey', ['message_id', 'emoji', 'user_id'])
    .addCheckConstraint('message_reactions_emoji_length', sql`char_length(emoji) BETWEEN 1 AND 64`)
    .execute();
  await db.schema
    .createIndex('message_reactions_user_idx')
    .on('message_reactions')
    .columns(['user_id'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('message_reactions').execute();
}
