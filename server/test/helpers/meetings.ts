import { sql } from 'kysely';
import { EMAIL_JOB, type EmailMessage } from '../../src/modules/mail/mail.service.ts';
import { MEETING_JOB, type MeetingJobData } from '../../src/modules/meetings/meetings.jobs.ts';
import type { TestApp } from './app.ts';
import type { TestUser } from './users.ts';

/** Every scalar field of a Meeting, plus participants, for tests. */
export const MEETING = `
  id status version kind location agenda meetingUrl startsAt endsAt durationMinutes myRole
  startsAtLocal otherPartyStartsAtLocal declineReason cancelReason roomId createdAt updatedAt reviewedByMe
  requester { id } invitee { id } otherParticipant { id } cancelledBy { id }
  pendingReschedule { startsAt reason proposedBy { id } }
  reviews { rating comment reviewer { id } }
`;

export interface RequestOptions {
  startsAt: Date | string;
  durationMinutes?: number;
  kind?: 'VIDEO' | 'IN_PERSON';
  location?: string;
  agenda?: string;
}

// biome-ignore lint/suspicious/noExplicitAny: shapes are asserted by the tests
export type Meeting = any;

export async function requestMeeting(
  t: TestApp,
  from: TestUser,
  to: TestUser,
  o: RequestOptions,
): Promise<Meeting> {
  const data = await t.ok(
    `mutation($input: RequestMeetingInput!) { requestMeeting(input: $input) { ${MEETING} } }`,
    {
      input: {
        inviteeId: to.id,
        startsAt: o.startsAt instanceof Date ? o.startsAt.toISOString() : o.startsAt,
        durationMinutes: o.durationMinutes ?? 30,
        kind: o.kind ?? 'VIDEO',
        ...(o.location ? { location: o.location } : {}),
        agenda: o.agenda ?? 'Quarterly check-in',
      },
    },
    from.accessToken,
  );
  return data.requestMeeting;
}

/** Runs a meeting mutation `name(id …)` and returns the whole result (data and errors). */
export function meetingMutation(
  t: TestApp,
  user: TestUser,
  name: string,
  id: string,
  extra: Record<string, unknown> = {},
) {
  const decls = Object.keys(extra)
    .map((k) => `$${k}: ${k === 'startsAt' ? 'DateTime!' : k === 'rating' ? 'Int!' : 'String'}`)
    .join(', ');
  const args = Object.keys(extra)
    .map((k) => `${k}: $${k}`)
    .join(', ');
  return t.gql<Record<string, Meeting>>(
    `mutation($id: ID!${decls ? `, ${decls}` : ''}) { ${name}(id: $id${args ? `, ${args}` : ''}) { ${MEETING} } }`,
    { id, ...extra },
    user.accessToken,
  );
}

export async function meetingOk(
  t: TestApp,
  user: TestUser,
  name: string,
  id: string,
  extra: Record<string, unknown> = {},
): Promise<Meeting> {
  const r = await meetingMutation(t, user, name, id, extra);
  if (r.errors?.length) throw new Error(`${name}: ${JSON.stringify(r.errors)}`);
  return r.data?.[name];
}

export async function getMeeting(t: TestApp, user: TestUser, id: string): Promise<Meeting> {
  return (await t.ok(`query($id: ID!) { meeting(id: $id) { ${MEETING} } }`, { id }, user.accessToken))
    .meeting;
}

/** Notifications of a user (oldest first), straight from the database. */
export function notificationsOf(t: TestApp, userId: string, type?: string) {
  let q = t.app.deps.db
    .selectFrom('notifications')
    .select(['type', 'title', 'body', 'data', 'created_at'])
    .where('recipient_id', '=', userId);
  if (type) q = q.where('type', '=', type);
  return q.orderBy('created_at').orderBy('id').execute();
}

/** The meeting jobs of a meeting in pg-boss (any state). */
export async function meetingJobs(t: TestApp, meetingId: string) {
  return t.app.jobs.boss.findJobs<MeetingJobData>(MEETING_JOB, { data: { meetingId } });
}

/**
 * Makes the meeting's still-waiting jobs of `step` due now: the scheduler's
 * clock jumps to their time (used for the end of a meeting, which is at least
 * 5 minutes after its start), and their due time with it (a punctual job
 * waits for `dueAt`). The worker then runs them exactly as it would.
 */
export async function fastForward(t: TestApp, meetingId: string, step: string): Promise<number> {
  const res = await sql`
    UPDATE pgboss.job SET start_after = now(), data = data - 'dueAt'
    WHERE name = ${MEETING_JOB} AND state = 'created'
      AND data->>'meetingId' = ${meetingId} AND data->>'step' = ${step}`.execute(t.app.deps.db);
  return Number(res.numAffectedRows ?? 0);
}

/** Polls `check` until it returns a truthy value (fails after `timeoutMs`). */
export async function waitFor<T>(
  check: () => Promise<T | undefined | null | false>,
  timeoutMs = 20_000,
  what = 'condition',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Sleeps until the instant `at` (plus `marginMs`). */
export function sleepUntil(at: number, marginMs = 0): Promise<void> {
  return new Promise((r) => setTimeout(r, Math.max(0, at + marginMs - Date.now())));
}

/** Email jobs queued for `to` that carry an ICS part, oldest first. */
export async function icsEmails(t: TestApp, to: string): Promise<EmailMessage[]> {
  const jobs = await t.app.jobs.boss.findJobs<EmailMessage>(EMAIL_JOB, { data: { to } });
  return jobs
    .sort((a, b) => new Date(a.createdOn).getTime() - new Date(b.createdOn).getTime())
    .map((j) => j.data)
    .filter((m) => m.icalEvent);
}
