import { type Kysely, sql } from 'kysely';

/**
 * People search (`searchUsers`): prefix matches on username, email and display
 * name. The trigram indexes of 0001 need three characters before they narrow
 * anything; `text_pattern_ops` B-trees serve `LIKE 'x%'` for any prefix length
 * regardless of the database collation.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving DB type
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE INDEX users_username_prefix ON users (username text_pattern_ops)`.execute(db);
  await sql`CREATE INDEX users_email_prefix ON users (email text_pattern_ops)`.execute(db);
  await sql`CREATE INDEX users_display_name_prefix ON users (lower(display_name) text_pattern_ops)`.execute(
    db,
  );
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP INDEX users_display_name_prefix`.execute(db);
  await sql`DROP INDEX users_email_prefix`.execute(db);
  await sql`DROP INDEX users_username_prefix`.execute(db);
}
