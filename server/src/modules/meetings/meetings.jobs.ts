/**
 * Scheduled meeting work in pg-boss: reminders, the start, the end (with the
 * review prompt) and the auto-complete when the review window closes; and for
 * a request, its expiry at the start if nobody answered it.
 *
 * Requesting a meeting schedules its expiry in the requesting transaction;
 * accepting, declining or cancelling the request cancels it (and a stray
 * expiry finds the meeting no longer REQUESTED and does nothing).
 * Accepting a meeting schedules its jobs in the accepting transaction (a
 * rollback leaves none); rescheduling cancels them and schedules new ones;
 * cancelling cancels them. Every job carries the meeting `version` it was
 * scheduled for, and the worker re-reads the meeting under a row lock: a job
 * for an old version, or for a meeting no longer in the right state, does
 * nothing. So a job that escaped cancellation is harmless. Reminders are also
 * recorded (`meeting_reminders_sent`), so a retried job never reminds twice.
 * pg-boss keeps the jobs in PostgreSQL: they survive restarts, and each runs
 * on one instance.
 */
import { sql, type Transaction } from 'kysely';
import type { DB } from '../../db/index.ts';
import { inTransaction } from '../../db/tx.ts';
import type { Deps } from '../../deps.ts';
import type { AppError } from '../../graphql/errors.ts';
import { type JobDefinition, punctual, untilDue } from '../../plugins/jobs.ts';
import { type Decision, decide, type MeetingCommand } from './meetings.machine.ts';
import { type MeetingModel, type MeetingRow, meetingRowToModel } from './meetings.model.ts';
import { loadParties, noticeTo, publishMeeting, retireMeetingNotices } from './meetings.notices.ts';
import * as repo from './meetings.repository.ts';

export const MEETING_JOB = 'meetings.scheduled';

export type MeetingStep = 'REMINDER' | 'START' | 'END' | 'COMPLETE' | 'EXPIRE';

export interface MeetingJobData {
  meetingId: string;
  /** The meeting version the job was scheduled for; any other version makes it a no-op. */
  version: number;
  step: MeetingStep;
  /** REMINDER: how long before the start. */
  leadSeconds?: number;
  /** When the step is due (the job is fetched up to a poll early and waits for it; see `punctual`). */
  dueAt?: string;
}

/** How often meeting workers poll for due jobs (deferred jobs get no NOTIFY). */
const MEETING_POLL_SECONDS = 1;

/**
 * Schedules the reminders (those still in the future), the start and the end
 * of an accepted meeting inside `trx`. Returns the job ids, to be stored on the
 * meeting so a later change can cancel them.
 */
export async function scheduleMeetingJobs(
  deps: Deps,
  trx: Transaction<DB>,
  m: Pick<MeetingRow, 'id' | 'version' | 'starts_at' | 'ends_at'>,
): Promise<string[]> {
  const now = Date.now();
  const plan: { data: MeetingJobData; at: Date }[] = [];
  for (const lead of deps.config.meetingReminderLeadsSeconds) {
    // Instants, not wall-clock: "24 h before" is 86 400 s of real time, across any DST change.
    const at = new Date(m.starts_at.getTime() - lead * 1000);
    if (at.getTime() <= now) continue; // too late for this reminder
    plan.push({ data: { meetingId: m.id, version: m.version, step: 'REMINDER', leadSeconds: lead }, at });
  }
  plan.push({ data: { meetingId: m.id, version: m.version, step: 'START' }, at: m.starts_at });
  plan.push({ data: { meetingId: m.id, version: m.version, step: 'END' }, at: m.ends_at });
  const ids: string[] = [];
  for (const { data, at } of plan) {
    const { startAfter, dueAt } = punctual(at, MEETING_POLL_SECONDS);
    const id = await deps.jobs.send(MEETING_JOB, { ...data, dueAt }, { trx, startAfter });
    if (id) ids.push(id);
  }
  return ids;
}

/** Schedules the lapse of a request at its start, inside `trx`; returns the job id. */
export async function scheduleMeetingExpiry(
  deps: Deps,
  trx: Transaction<DB>,
  m: Pick<MeetingRow, 'id' | 'version' | 'starts_at'>,
): Promise<string | null> {
  const { startAfter, dueAt } = punctual(m.starts_at, MEETING_POLL_SECONDS);
  const data: MeetingJobData = { meetingId: m.id, version: m.version, step: 'EXPIRE', dueAt };
  return deps.jobs.send(MEETING_JOB, data, { trx, startAfter });
}

/**
 * Gives every open request that has no job its expiry (requests made before
 * expiry existed, migration 0016), so none waits for an answer forever. Runs
 * at start-up; rows being handled by another instance are skipped, and a
 * second expiry for the same request would do nothing. Returns how many.
 */
export async function scheduleMissingExpiries(deps: Deps): Promise<number> {
  return inTransaction(deps, async (tx) => {
    const rows = await tx.trx
      .selectFrom('meetings')
      .select(['id', 'version', 'starts_at'])
      .where('status', '=', 'REQUESTED')
      .where('starts_at', '>', new Date())
      .where(sql<boolean>`job_ids = '[]'::jsonb`)
      .forUpdate()
      .skipLocked()
      .execute();
    for (const m of rows) {
      const id = await scheduleMeetingExpiry(deps, tx.trx, m);
      await tx.trx
        .updateTable('meetings')
        .set({ job_ids: JSON.stringify(id ? [id] : []) })
        .where('id', '=', m.id)
        .execute();
    }
    return rows.length;
  });
}

/** Cancels the jobs stored on the meeting (inside `trx`); stale ones that still run do nothing. */
export async function cancelMeetingJobs(deps: Deps, trx: Transaction<DB>, m: MeetingRow): Promise<void> {
  const ids = Array.isArray(m.job_ids) ? (m.job_ids as string[]) : [];
  if (ids.length > 0) await deps.jobs.cancel(MEETING_JOB, ids, trx);
}

/** A system transition, or null when the meeting moved on (stale job). */
function tryDecide(m: MeetingModel, command: MeetingCommand): Extract<Decision, { apply: true }> | null {
  try {
    const d = decide(m, command, 'SYSTEM');
    return d.apply ? d : null;
  } catch (err) {
    if ((err as AppError).code) return null;
    throw err;
  }
}

/** Runs one scheduled step; idempotent (see the file comment). */
export async function runMeetingJob(deps: Deps, data: MeetingJobData): Promise<void> {
  await untilDue(data.dueAt);
  await inTransaction(deps, async (tx) => {
    const row = await repo.lockMeeting(tx.trx, data.meetingId);
    if (!row || row.version !== data.version) return;
    const m = meetingRowToModel(row);
    const both = [m.requesterId, m.inviteeId];

    if (data.step === 'REMINDER') {
      if (m.status !== 'ACCEPTED' || !data.leadSeconds) return;
      if (!(await repo.markReminderSent(tx.trx, m.id, m.version, data.leadSeconds))) return;
      const p = await loadParties(tx, m);
      for (const id of both)
        await noticeTo(deps, tx, m, p, id, 'MEETING_REMINDER', { leadSeconds: data.leadSeconds });
      return;
    }

    const command: MeetingCommand =
      data.step === 'START'
        ? 'START'
        : data.step === 'END'
          ? 'END'
          : data.step === 'EXPIRE'
            ? 'EXPIRE'
            : 'COMPLETE';
    const d = tryDecide(m, command);
    if (!d) return;
    const p = await loadParties(tx, m);
    if (data.step === 'EXPIRE') {
      const next = meetingRowToModel(
        await repo.updateMeeting(tx.trx, m.id, { status: d.to, job_ids: JSON.stringify([]) }),
      );
      // Too late to answer: the lapse notice replaces the request's.
      await retireMeetingNotices(deps, tx, m.inviteeId, m.id, ['MEETING_REQUESTED']);
      // The invitee's calendar got the invitation with the request: withdraw it there.
      await noticeTo(deps, tx, next, p, m.inviteeId, 'MEETING_EXPIRED', { ics: 'CANCEL' });
      await noticeTo(deps, tx, next, p, m.requesterId, 'MEETING_EXPIRED');
      publishMeeting(deps, tx, next, 'EXPIRED', null);
    } else if (data.step === 'START') {
      const next = meetingRowToModel(await repo.updateMeeting(tx.trx, m.id, { status: d.to }));
      for (const id of both) await noticeTo(deps, tx, next, p, id, 'MEETING_STARTED');
      publishMeeting(deps, tx, next, 'STARTED', null);
    } else if (data.step === 'END') {
      // A proposal for a new time means nothing once the meeting is over.
      const updated = await repo.updateMeeting(tx.trx, m.id, {
        status: d.to,
        proposed_starts_at: null,
        proposed_by: null,
        proposal_reason: null,
      });
      const next = meetingRowToModel(updated);
      // Over with the meeting: a proposed new time, the reminders, "it has started".
      for (const id of both)
        await retireMeetingNotices(deps, tx, id, m.id, [
          'MEETING_RESCHEDULE_PROPOSED',
          'MEETING_REMINDER',
          'MEETING_STARTED',
        ]);
      const reviewUntil = new Date(Date.now() + deps.config.meetingReviewWindowSeconds * 1000);
      await deps.jobs.send(
        MEETING_JOB,
        { meetingId: m.id, version: m.version, step: 'COMPLETE' } satisfies MeetingJobData,
        { trx: tx.trx, startAfter: reviewUntil },
      );
      for (const id of both)
        await noticeTo(deps, tx, next, p, id, 'MEETING_REVIEW_REQUESTED', { reviewUntil });
      publishMeeting(deps, tx, next, 'ENDED', null);
    } else {
      const next = meetingRowToModel(await repo.updateMeeting(tx.trx, m.id, { status: d.to }));
      // Reviews are closed: the request to write one is over.
      for (const id of both) await retireMeetingNotices(deps, tx, id, m.id, ['MEETING_REVIEW_REQUESTED']);
      for (const id of both) await noticeTo(deps, tx, next, p, id, 'MEETING_COMPLETED');
      publishMeeting(deps, tx, next, 'COMPLETED', null);
    }
  });
}

export function meetingJob(deps: Deps): JobDefinition<MeetingJobData> {
  return {
    name: MEETING_JOB,
    // Every job here is deferred (startAfter), and pg-boss only NOTIFYs for jobs
    // runnable at once: poll every second instead, with jobs released a poll early
    // and waiting for their time (`punctual`), so a step starts on time rather than
    // up to a second late. Batches of 50 run concurrently (plugins/jobs.ts).
    // Lateness of 1,000 reminders due at once: `npm run bench -- jobs` (BENCHMARKS.md).
    queue: { notify: false },
    work: { pollingIntervalSeconds: MEETING_POLL_SECONDS, batchSize: 50 },
    handler: (data) => runMeetingJob(deps, data),
  };
}
