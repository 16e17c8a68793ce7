import { type Kysely, sql } from 'kysely';

/**
 * The input rows of a batched send (messages.repository.ts,
 * SEND_TO_GROUP_BATCH) through a function that tells the planner how many
 * there are: a handful. Straight from `unnest($1::uuid[], ...)` a prepared
 * statement's generic plan assumes 100 rows, and for 100 rows hashing the
 * whole `rooms` table beats 100 index probes: every batch then read every
 * room (seen in the fanout benchmark, 150 sequential scans a second, their
 * cost growing with the table; BENCHMARKS.md entry 30; db.plans.test.ts).
 * PL/pgSQL, so the planner does not inline it and keeps its ROWS estimate.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving DB type
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE FUNCTION send_batch_input(ids uuid[], room_ids uuid[], sender_ids uuid[], client_ids text[], bodies text[])
    RETURNS TABLE (id uuid, room_id uuid, sender_id uuid, client_id text, body text, ord bigint)
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE ROWS 4
    AS $$
    BEGIN
      RETURN QUERY SELECT * FROM unnest(ids, room_ids, sender_ids, client_ids, bodies) WITH ORDINALITY;
    END
    $$`.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP FUNCTION send_batch_input(uuid[], uuid[], uuid[], text[], text[])`.execute(db);
}
