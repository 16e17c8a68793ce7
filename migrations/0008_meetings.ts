import { type Kysely, sql } from 'kysely';

/**
 * Meetings between two people, their reviews, the time slots that accepted
 * meetings hold, and the reminders already sent. Forward-only.
 *
 * Double booking is refused by the database: every ACCEPTED / IN_PROGRESS
 * meeting holds one `meeting_slots` row per participant, and an exclusion
 * constraint (btree_gist, created in 0001) forbids two overlapping slots of
 * the same user. Since a meeting has two participant columns, one constraint
 * on `meetings` cannot express "either participant"; the slot table can.
 * Ranges are half-open `[start, end)`: back-to-back meetings do not overlap.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving DB type
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE EXTENSION IF NOT EXISTS btree_gist`.execute(db);

  await db.schema
    .createTable('meetings')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('requester_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('invitee_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('room_id', 'uuid', (c) => c.references('rooms.id').onDelete('set null'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('location', 'text')
    .addColumn('agenda', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('meeting_url', 'text')
    // Client-generated id of the request, unique per requester: a retried requestMeeting returns the original.
    .addColumn('client_id', 'text')
    .addColumn('starts_at', 'timestamptz', (c) => c.notNull())
    .addColumn('duration_minutes', 'integer', (c) => c.notNull())
    // Maintained by the service (starts_at + duration): timestamptz + interval is
    // not immutable, so it cannot be a generated column.
    .addColumn('ends_at', 'timestamptz', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    // Increases with every change of time; scheduled jobs carry it (stale jobs do nothing).
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    // Increases with every change calendars must see (ICS SEQUENCE).
    .addColumn('sequence', 'integer', (c) => c.notNull().defaultTo(0))
    // A pending reschedule proposal (all three set, or none).
    .addColumn('proposed_starts_at', 'timestamptz')
    .addColumn('proposed_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('proposal_reason', 'text')
    .addColumn('decline_reason', 'text')
    .addColumn('cancel_reason', 'text')
    .addColumn('cancelled_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    // pg-boss ids of the jobs scheduled for the current version (cancelled on change).
    .addColumn('job_ids', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('meetings_two_people', sql`requester_id <> invitee_id`)
    .addCheckConstraint('meetings_kind', sql`kind IN ('VIDEO', 'IN_PERSON')`)
    .addCheckConstraint(
      'meetings_status',
      sql`status IN ('REQUESTED', 'ACCEPTED', 'DECLINED', 'CANCELLED', 'IN_PROGRESS', 'ENDED', 'COMPLETED')`,
    )
    .addCheckConstraint('meetings_duration', sql`duration_minutes BETWEEN 5 AND 480`)
    .addCheckConstraint('meetings_ends_after_start', sql`ends_at > starts_at`)
    .execute();
  // "My meetings" ordered by start, keyset on (starts_at, id), for either role.
  await sql`CREATE INDEX meetings_requester_start_idx ON meetings (requester_id, starts_at, id)`.execute(db);
  await sql`CREATE INDEX meetings_invitee_start_idx ON meetings (invitee_id, starts_at, id)`.execute(db);
  await sql`CREATE UNIQUE INDEX meetings_requester_client_key ON meetings (requester_id, client_id) WHERE client_id IS NOT NULL`.execute(
    db,
  );

  await db.schema
    .createTable('meeting_slots')
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('meeting_id', 'uuid', (c) => c.notNull().references('meetings.id').onDelete('cascade'))
    .addColumn('during', sql`tstzrange`, (c) => c.notNull())
    .addPrimaryKeyConstraint('meeting_slots_pkey', ['user_id', 'meeting_id'])
    .execute();
  await sql`ALTER TABLE meeting_slots ADD CONSTRAINT meeting_slots_no_overlap EXCLUDE USING gist (user_id WITH =, during WITH &&)`.execute(
    db,
  );
  await sql`CREATE INDEX meeting_slots_meeting_idx ON meeting_slots (meeting_id)`.execute(db);

  await db.schema
    .createTable('meeting_reviews')
    .addColumn('meeting_id', 'uuid', (c) => c.notNull().references('meetings.id').onDelete('cascade'))
    .addColumn('reviewer_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('rating', 'integer', (c) => c.notNull())
    .addColumn('comment', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('meeting_reviews_pkey', ['meeting_id', 'reviewer_id'])
    .addCheckConstraint('meeting_reviews_rating', sql`rating BETWEEN 1 AND 5`)
    .execute();

  // One row per reminder sent (meeting, version, lead): a retried or duplicated
  // reminder job finds its row and sends nothing.
  await db.schema
    .createTable('meeting_reminders_sent')
    .addColumn('meeting_id', 'uuid', (c) => c.notNull().references('meetings.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('lead_seconds', 'integer', (c) => c.notNull())
    .addColumn('sent_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('meeting_reminders_sent_pkey', ['meeting_id', 'version', 'lead_seconds'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('meeting_reminders_sent').execute();
  await db.schema.dropTable('meeting_reviews').execute();
  await db.schema.dropTable('meeting_slots').execute();
  await db.schema.dropTable('meetings').execute();
}
