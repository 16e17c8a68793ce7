import type { Kysely } from 'kysely';

/**
 * A notification's text names times (a meeting's start, a review deadline) in
 * the recipient's zone. `body` keeps the text as written (emails, old rows);
 * `body_parts` keeps it with its times as instants, so the text is rendered in
 * the zone its reader has now: someone who moves to another zone reads their
 * meeting notices in it, like every other time in the product.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving DB type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('notifications')
    // ["text", "ISO instant", "text", …]: odd indexes are instants; null when the body names no time.
    .addColumn('body_parts', 'jsonb')
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('notifications').dropColumn('body_parts').execute();
}
