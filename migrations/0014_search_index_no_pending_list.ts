import { type Kysely, sql } from 'kysely';

/**
 * The full-text index on messages without GIN's pending list. With
 * `fastupdate` on (PostgreSQL's default), inserts append to a pending list,
 * and whichever insert finds it over `gin_pending_list_limit` (4 MB) merges
 * the whole list into the index before it returns: every few thousand
 * messages, one send took hundreds of milliseconds (the fanout benchmark's
 * p99 and max; BENCHMARKS.md entry 31). Chat messages are a few words, so
 * inserting their entries directly costs each send a little instead.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving DB type
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER INDEX messages_search_idx SET (fastupdate = off)`.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await sql`ALTER INDEX messages_search_idx RESET (fastupdate)`.execute(db);
}
