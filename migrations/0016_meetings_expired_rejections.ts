import { type Kysely, sql } from 'kysely';

/**
 * Meetings: the EXPIRED status (a request nobody answered before its start
 * lapses; the scheduler sets it at the start), and the last rejected
 * reschedule proposal (what was proposed, who rejected it and why), so the
 * proposer sees the answer. Forward-only.
 *
 * Requests whose start has already passed lapse here, silently: they predate
 * the expiry job and nobody can answer them any more.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving DB type
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE meetings DROP CONSTRAINT meetings_status`.execute(db);
  await sql`ALTER TABLE meetings ADD CONSTRAINT meetings_status CHECK (status IN ('REQUESTED', 'ACCEPTED', 'DECLINED', 'CANCELLED', 'IN_PROGRESS', 'ENDED', 'COMPLETED', 'EXPIRED'))`.execute(
    db,
  );
  await db.schema
    .alterTable('meetings')
    // The last rejected proposal (all three set, or none); a new proposal clears it.
    .addColumn('rejected_starts_at', 'timestamptz')
    .addColumn('rejected_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('rejection_reason', 'text')
    .execute();
  await sql`UPDATE meetings SET status = 'EXPIRED', sequence = sequence + 1, updated_at = now()
    WHERE status = 'REQUESTED' AND starts_at <= now()`.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await sql`UPDATE meetings SET status = 'REQUESTED' WHERE status = 'EXPIRED'`.execute(db);
  await sql`ALTER TABLE meetings DROP CONSTRAINT meetings_status`.execute(db);
  await sql`ALTER TABLE meetings ADD CONSTRAINT meetings_status CHECK (status IN ('REQUESTED', 'ACCEPTED', 'DECLINED', 'CANCELLED', 'IN_PROGRESS', 'ENDED', 'COMPLETED'))`.execute(
    db,
  );
  await db.schema
    .alterTable('meetings')
    .dropColumn('rejected_starts_at')
    .dropColumn('rejected_by')
    .dropColumn('rejection_reason')
    .execute();
}
