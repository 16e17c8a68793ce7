import { type Kysely, sql } from 'kysely';

/**
 * Muting a room (`muteRoom`): per member, until a time or until unmuted
 * (`'infinity'`). A muted room creates no MESSAGE notifications for that
 * member; its unread count still counts.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving DB type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('room_members').addColumn('muted_until', 'timestamptz').execute();
  await sql`COMMENT ON COLUMN room_members.muted_until IS 'No message notifications before this time; infinity = until unmuted'`.execute(
    db,
  );
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('room_members').dropColumn('muted_until').execute();
}
