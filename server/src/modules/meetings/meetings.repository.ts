import { sql, type Transaction, type Updateable } from 'kysely';
import type { DB, Db } from '../../db/index.ts';
import type { Meetings } from '../../db/schema.generated.ts';
import type { MeetingReviewRow, MeetingRole, MeetingRow, MeetingStatus } from './meetings.model.ts';

export interface NewMeeting {
  id: string;
  requester_id: string;
  invitee_id: string;
  room_id: string | null;
  kind: string;
  location: string | null;
  agenda: string;
  meeting_url: string | null;
  starts_at: Date;
  duration_minutes: number;
  ends_at: Date;
  status: MeetingStatus;
  client_id: string | null;
  /** pg-boss ids of its scheduled jobs (JSON array). */
  job_ids?: string;
}

export function insertMeeting(db: Db, m: NewMeeting): Promise<MeetingRow> {
  return db.insertInto('meetings').values(m).returningAll().executeTakeFirstOrThrow();
}

export function findByClientId(
  db: Db,
  requesterId: string,
  clientId: string,
): Promise<MeetingRow | undefined> {
  return db
    .selectFrom('meetings')
    .selectAll()
    .where('requester_id', '=', requesterId)
    .where('client_id', '=', clientId)
    .executeTakeFirst();
}

export function findMeeting(db: Db, id: string): Promise<MeetingRow | undefined> {
  return db.selectFrom('meetings').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Locks the meeting until the transaction ends: every transition of one meeting is serialised. */
export function lockMeeting(trx: Transaction<DB>, id: string): Promise<MeetingRow | undefined> {
  return trx.selectFrom('meetings').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export function updateMeeting(
  trx: Transaction<DB>,
  id: string,
  patch: Updateable<Meetings>,
): Promise<MeetingRow> {
  return (
    trx
      .updateTable('meetings')
      // Every change bumps `sequence`: ICS SEQUENCE must grow with each update calendars see.
      .set({ ...patch, sequence: sql`sequence + 1`, updated_at: sql`now()` })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow()
  );
}

/**
 * Holds [start, end) for both participants. The exclusion constraint
 * `meeting_slots_no_overlap` raises 23P01 when either already has an
 * overlapping accepted meeting — including one being accepted concurrently.
 */
export async function holdSlots(
  trx: Transaction<DB>,
  m: { id: string; requester_id: string; invitee_id: string; starts_at: Date; ends_at: Date },
): Promise<void> {
  await trx.deleteFrom('meeting_slots').where('meeting_id', '=', m.id).execute();
  const during = sql<string>`tstzrange(${m.starts_at}::timestamptz, ${m.ends_at}::timestamptz, '[)')`;
  await trx
    .insertInto('meeting_slots')
    .values([
      { user_id: m.requester_id, meeting_id: m.id, during },
      { user_id: m.invitee_id, meeting_id: m.id, during },
    ])
    .execute();
}

export async function releaseSlots(trx: Transaction<DB>, meetingId: string): Promise<void> {
  await trx.deleteFrom('meeting_slots').where('meeting_id', '=', meetingId).execute();
}

export interface ListFilter {
  userId: string;
  statuses?: readonly MeetingStatus[] | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  role?: MeetingRole | undefined;
  /** Only meetings that have not ended yet. */
  endsAfter?: Date | undefined;
  after?: { startsAt: Date; id: string } | undefined;
  /** Latest start first (the keyset `after` then means "older than"). */
  descending?: boolean | undefined;
  limit: number;
}

/** The user's meetings by start time (then id), either way, keyset-paginated. */
export function listMeetings(db: Db, f: ListFilter): Promise<MeetingRow[]> {
  let q = db
    .selectFrom('meetings')
    .selectAll()
    .where((eb) =>
      f.role === 'REQUESTER'
        ? eb('requester_id', '=', f.userId)
        : f.role === 'INVITEE'
          ? eb('invitee_id', '=', f.userId)
          : eb.or([eb('requester_id', '=', f.userId), eb('invitee_id', '=', f.userId)]),
    );
  if (f.statuses?.length) q = q.where('status', 'in', f.statuses);
  if (f.from) q = q.where('starts_at', '>=', f.from);
  if (f.to) q = q.where('starts_at', '<', f.to);
  if (f.endsAfter) q = q.where('ends_at', '>', f.endsAfter);
  const after = f.after;
  const past = f.descending ? '<' : '>';
  if (after)
    q = q.where((eb) =>
      eb.or([
        eb('starts_at', past, after.startsAt),
        eb.and([eb('starts_at', '=', after.startsAt), eb('id', past, after.id)]),
      ]),
    );
  const dir = f.descending ? 'desc' : 'asc';
  return q.orderBy('starts_at', dir).orderBy('id', dir).limit(f.limit).execute();
}

export async function insertReview(
  trx: Transaction<DB>,
  r: { meeting_id: string; reviewer_id: string; rating: number; comment: string },
): Promise<boolean> {
  const res = await trx
    .insertInto('meeting_reviews')
    .values(r)
    .onConflict((oc) => oc.columns(['meeting_id', 'reviewer_id']).doNothing())
    .executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0) > 0;
}

export function reviewsOf(db: Db, meetingIds: readonly string[]): Promise<MeetingReviewRow[]> {
  if (meetingIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('meeting_reviews')
    .selectAll()
    .where('meeting_id', 'in', meetingIds)
    .orderBy('created_at')
    .execute();
}

/** Records that a reminder went out; false if it already had (a duplicate or retried job). */
export async function markReminderSent(
  trx: Transaction<DB>,
  meetingId: string,
  version: number,
  leadSeconds: number,
): Promise<boolean> {
  const res = await trx
    .insertInto('meeting_reminders_sent')
    .values({ meeting_id: meetingId, version, lead_seconds: leadSeconds })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0) > 0;
}
