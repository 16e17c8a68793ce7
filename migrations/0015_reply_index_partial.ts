import { type Kysely, sql } from 'kysely';

/**
 * The index on messages.reply_to_id holds replies only. Most messages reply to
 * nothing, yet every send added a NULL entry to it; its one reader is the
 * foreign key's ON DELETE SET NULL (`reply_to_id = $1`, which implies NOT
 * NULL, so the partial index serves it; db.plans.test.ts).
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving DB type
export async function up(db: Kysely<any>): Promise<void> {
  await sql`DROP INDEX messages_reply_to_idx`.execute(db);
  await sql`CREATE INDEX messages_reply_to_idx ON messages (reply_to_id) WHERE reply_to_id IS NOT NULL`.execute(
    db,
  );
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP INDEX messages_reply_to_idx`.execute(db);
  await sql`CREATE INDEX messages_reply_to_idx ON messages (reply_to_id)`.execute(db);
}
