import { type Kysely, sql } from 'kysely';

/**
 * Editing or deleting a message rewrites the MESSAGE notifications quoting it
 * (notifications.service.ts `messageChanged`): found by their latest message,
 * one index probe, however many notifications the room's members have.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving DB type
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE INDEX notifications_message_idx ON notifications ((data->>'messageId')) WHERE type = 'MESSAGE'`.execute(
    db,
  );
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP INDEX notifications_message_idx`.execute(db);
}
