/**
 * Meetings: requests, the lifecycle (decided by meetings.machine.ts) and
 * reviews; reads are in meetings.queries.ts. Every command locks the meeting row, asks the machine, applies
 * the change with its notifications and jobs in the same transaction, and
 * publishes `meetingEvents` to both participants after commit. Someone who is
 * not a participant gets NOT_FOUND for everything (ids leak nothing).
 */
import { randomBytes } from 'node:crypto';
import { inTransaction, type Tx } from '../../db/tx.ts';
import type { Deps, Viewer } from '../../deps.ts';
import { badInput, conflict, forbidden, notFound } from '../../graphql/errors.ts';
import { longerThan } from '../../lib/chars.ts';
import { parseId, uuidv7 } from '../../lib/ids.ts';
import { blockedAmong } from '../contacts/contacts.repository.ts';
import { findMembershipsOf } from '../rooms/rooms.repository.ts';
import { findUserById } from '../users/users.repository.ts';
import { refuseHiddenChars } from '../users/users.validation.ts';
import { cancelMeetingJobs, scheduleMeetingExpiry, scheduleMeetingJobs } from './meetings.jobs.ts';
import { decide, type MeetingCommand } from './meetings.machine.ts';
import {
  type MeetingKind,
  type MeetingModel,
  type MeetingRole,
  type MeetingRow,
  type MeetingStatus,
  meetingRowToModel,
  otherParticipant,
  roleOf,
} from './meetings.model.ts';
import {
  loadParties,
  noticeTo,
  otherPartyName,
  type Parties,
  publishMeeting,
  retireMeetingNotices,
} from './meetings.notices.ts';
import * as repo from './meetings.repository.ts';

export const MIN_DURATION_MINUTES = 5;
export const MAX_DURATION_MINUTES = 480;
/** Text limits in characters (the web client's LIMITS in client/src/ui/chars.ts must match). */
export const LOCATION_MAX = 200;
export const AGENDA_MAX = 2000;
export const REASON_MAX = 500;
export const COMMENT_MAX = 2000;
const REASON = { label: 'Reason', invisible: false };
const CLIENT_ID_MAX = 64;

export interface RequestMeetingInput {
  inviteeId: string;
  startsAt: Date;
  durationMinutes: number;
  kind: MeetingKind;
  location?: string | null | undefined;
  agenda?: string | null | undefined;
  roomId?: string | null | undefined;
  clientId?: string | null | undefined;
}

/** How far ahead a meeting may be booked: calendars (and PostgreSQL's ranges) stay in range. */
export const MAX_YEARS_AHEAD = 5;

function futureStart(at: Date, field: string): Date {
  if (!(at instanceof Date) || Number.isNaN(at.getTime())) throw badInput('Invalid time', { field });
  if (at.getTime() <= Date.now()) throw badInput('The start must be in the future', { field });
  const latest = new Date();
  latest.setUTCFullYear(latest.getUTCFullYear() + MAX_YEARS_AHEAD);
  if (at > latest) throw badInput(`The start must be within ${MAX_YEARS_AHEAD} years from now`, { field });
  return at;
}

/**
 * Trimmed text of at most `max` characters, null when empty. People's texts
 * (`shown`: their label) also refuse what the reader would not see as written
 * (users.validation.ts `hiddenCharIn`): a location, one line like a name, any
 * invisible character; an agenda, reason or comment, like a bio, the
 * text-direction controls that reorder what follows them.
 */
function optionalText(
  value: string | null | undefined,
  max: number,
  field: string,
  shown?: { label: string; invisible: boolean },
): string | null {
  const v = value?.trim() ?? '';
  if (longerThan(v, max)) throw badInput(`${field} is longer than ${max} characters`, { field });
  if (shown) refuseHiddenChars(v, shown.label, field, shown.invisible);
  return v === '' ? null : v;
}

const addMinutes = (at: Date, minutes: number) => new Date(at.getTime() + minutes * 60_000);

function meetingUrl(deps: Deps): string {
  const base = deps.config.meetingBaseUrl.endsWith('/')
    ? deps.config.meetingBaseUrl
    : `${deps.config.meetingBaseUrl}/`;
  // 96 random bits: the link is the room's only key on public video services.
  return `${base}parley-${randomBytes(12).toString('base64url')}`;
}

/** 23P01 (exclusion_violation) on meeting_slots: someone is already booked then. */
function mapConflict(err: unknown): unknown {
  if ((err as { code?: string })?.code === '23P01')
    return conflict('One of you already has an accepted meeting at that time');
  return err;
}

export async function requestMeeting(
  deps: Deps,
  viewer: Viewer,
  input: RequestMeetingInput,
): Promise<MeetingModel> {
  const inviteeId = parseId(input.inviteeId, 'User');
  if (inviteeId === viewer.userId)
    throw badInput("You can't request a meeting with yourself", { field: 'inviteeId' });
  const startsAt = futureStart(input.startsAt, 'startsAt');
  const duration = input.durationMinutes;
  if (!Number.isInteger(duration) || duration < MIN_DURATION_MINUTES || duration > MAX_DURATION_MINUTES)
    throw badInput(`Duration must be between ${MIN_DURATION_MINUTES} and ${MAX_DURATION_MINUTES} minutes`, {
      field: 'durationMinutes',
    });
  if (input.kind !== 'VIDEO' && input.kind !== 'IN_PERSON') throw badInput('Unknown kind', { field: 'kind' });
  const location = optionalText(input.location, LOCATION_MAX, 'location', {
    label: 'Location',
    invisible: true,
  });
  if (input.kind === 'IN_PERSON' && !location)
    throw badInput('An in-person meeting needs a location', { field: 'location' });
  const agenda =
    optionalText(input.agenda, AGENDA_MAX, 'agenda', { label: 'Agenda', invisible: false }) ?? '';
  const roomId = input.roomId ? parseId(input.roomId, 'Room') : null;
  const clientId = optionalText(input.clientId, CLIENT_ID_MAX, 'clientId');
  if (clientId) {
    const existing = await repo.findByClientId(deps.db, viewer.userId, clientId);
    if (existing) return meetingRowToModel(existing); // a retry
  }

  const invitee = await findUserById(deps.db, inviteeId);
  if (!invitee) throw notFound('User');
  if ((await blockedAmong(deps.db, viewer.userId, [inviteeId])).size > 0)
    throw forbidden("You can't request a meeting with this person");
  if (roomId) {
    const [mine, theirs] = await Promise.all([
      findMembershipsOf(deps.db, viewer.userId, [roomId]),
      findMembershipsOf(deps.db, inviteeId, [roomId]),
    ]);
    if (mine.length === 0) throw notFound('Room');
    if (theirs.length === 0) throw badInput('The invitee is not a member of that room', { field: 'roomId' });
  }

  try {
    return await insertRequest(deps, viewer, {
      inviteeId,
      startsAt,
      duration,
      kind: input.kind,
      location,
      agenda,
      roomId,
      clientId,
    });
  } catch (err) {
    // A concurrent retry with the same clientId won the insert: return its meeting.
    const existing =
      clientId && (err as { code?: string }).code === '23505'
        ? await repo.findByClientId(deps.db, viewer.userId, clientId)
        : undefined;
    if (existing) return meetingRowToModel(existing);
    throw err;
  }
}

async function insertRequest(
  deps: Deps,
  viewer: Viewer,
  r: {
    inviteeId: string;
    startsAt: Date;
    duration: number;
    kind: MeetingKind;
    location: string | null;
    agenda: string;
    roomId: string | null;
    clientId: string | null;
  },
): Promise<MeetingModel> {
  const { inviteeId, startsAt, duration, location, agenda, roomId } = r;
  return inTransaction(deps, async (tx) => {
    const id = uuidv7();
    // Unanswered at its start, the request lapses (the job does nothing once it was answered).
    const expiry = await scheduleMeetingExpiry(deps, tx.trx, { id, version: 1, starts_at: startsAt });
    const row = await repo.insertMeeting(tx.trx, {
      id,
      requester_id: viewer.userId,
      invitee_id: inviteeId,
      room_id: roomId,
      kind: r.kind,
      location: r.kind === 'IN_PERSON' ? location : null,
      agenda,
      meeting_url: r.kind === 'VIDEO' ? meetingUrl(deps) : null,
      starts_at: startsAt,
      duration_minutes: duration,
      ends_at: addMinutes(startsAt, duration),
      status: 'REQUESTED',
      client_id: r.clientId,
      job_ids: JSON.stringify(expiry ? [expiry] : []),
    });
    const m = meetingRowToModel(row);
    const p = await loadParties(tx, m);
    await noticeTo(deps, tx, m, p, m.inviteeId, 'MEETING_REQUESTED', {
      actorId: viewer.userId,
      ics: 'REQUEST',
    });
    publishMeeting(deps, tx, m, 'REQUESTED', viewer.userId);
    return m;
  });
}

interface Step {
  tx: Tx;
  row: MeetingRow;
  m: MeetingModel;
  role: MeetingRole;
  to: MeetingStatus;
  parties(): Promise<Parties>;
}

/**
 * The frame of every participant command: lock, NOT_FOUND for non-participants,
 * the machine's decision (an "already done" repeat returns the meeting
 * unchanged), then `apply`. Exclusion violations become CONFLICT; any error
 * rolls back everything (status, slots, jobs, notifications).
 */
async function command(
  deps: Deps,
  viewer: Viewer,
  id: string,
  cmd: MeetingCommand,
  apply: (s: Step) => Promise<MeetingModel>,
): Promise<MeetingModel> {
  const meetingId = parseId(id, 'Meeting');
  for (let attempt = 1; ; attempt++) {
    try {
      return await inTransaction(deps, async (tx) => {
        const row = await repo.lockMeeting(tx.trx, meetingId);
        const m = row && meetingRowToModel(row);
        const role = m && roleOf(m, viewer.userId);
        if (!row || !m || !role) throw notFound('Meeting');
        const d = decide(m, cmd, { role, userId: viewer.userId });
        if (!d.apply) return m;
        return apply({ tx, row, m, role, to: d.to, parties: () => loadParties(tx, m) });
      });
    } catch (err) {
      // Two transactions holding overlapping slots at once can each wait for the other's
      // exclusion check; PostgreSQL then aborts one (deadlock). Run it again: it now sees
      // the winner's committed slot (CONFLICT), or takes the slot if the winner failed.
      if (attempt < 3 && (err as { code?: unknown }).code === DEADLOCK) continue;
      throw mapConflict(err);
    }
  }
}

/** PostgreSQL's deadlock_detected. */
const DEADLOCK = '40P01';

export function acceptMeeting(deps: Deps, viewer: Viewer, id: string): Promise<MeetingModel> {
  return command(deps, viewer, id, 'ACCEPT', async ({ tx, row, m, to, parties }) => {
    if (m.startsAt.getTime() <= Date.now()) throw badInput('This meeting’s time has passed');
    await repo.holdSlots(tx.trx, row);
    await cancelMeetingJobs(deps, tx.trx, row); // the request's expiry
    const jobIds = await scheduleMeetingJobs(deps, tx.trx, row);
    const next = meetingRowToModel(
      await repo.updateMeeting(tx.trx, m.id, { status: to, job_ids: JSON.stringify(jobIds) }),
    );
    await retireMeetingNotices(deps, tx, viewer.userId, m.id, ['MEETING_REQUESTED']);
    await noticeTo(deps, tx, next, await parties(), m.requesterId, 'MEETING_ACCEPTED', {
      actorId: viewer.userId,
      ics: 'REQUEST',
    });
    publishMeeting(deps, tx, next, 'ACCEPTED', viewer.userId);
    return next;
  });
}

export function declineMeeting(
  deps: Deps,
  viewer: Viewer,
  id: string,
  reason: string | null | undefined,
): Promise<MeetingModel> {
  const why = optionalText(reason, REASON_MAX, 'reason', REASON);
  return command(deps, viewer, id, 'DECLINE', async ({ tx, row, m, to, parties }) => {
    await cancelMeetingJobs(deps, tx.trx, row); // the request's expiry
    const next = meetingRowToModel(
      await repo.updateMeeting(tx.trx, m.id, {
        status: to,
        decline_reason: why,
        job_ids: JSON.stringify([]),
      }),
    );
    await retireMeetingNotices(deps, tx, viewer.userId, m.id, ['MEETING_REQUESTED']);
    const p = await parties();
    await noticeTo(deps, tx, next, p, m.requesterId, 'MEETING_DECLINED', {
      actorId: viewer.userId,
      reason: why,
      ics: 'CANCEL',
    });
    // The invitation reached the invitee's calendar with the request: it is withdrawn there too.
    await noticeTo(deps, tx, next, p, viewer.userId, 'MEETING_DECLINED', {
      ics: 'CANCEL',
      confirmationOnly: {
        title: () => `You declined the meeting with ${p.requester.display_name}`,
        body: (r) =>
          `The meeting on ${r.time(m.startsAt)} will not take place. The attached update removes it from your calendar.`,
      },
    });
    publishMeeting(deps, tx, next, 'DECLINED', viewer.userId);
    return next;
  });
}

export function cancelMeeting(
  deps: Deps,
  viewer: Viewer,
  id: string,
  reason: string | null | undefined,
): Promise<MeetingModel> {
  const why = optionalText(reason, REASON_MAX, 'reason', REASON);
  return command(deps, viewer, id, 'CANCEL', async ({ tx, row, m, to, parties }) => {
    await repo.releaseSlots(tx.trx, m.id);
    await cancelMeetingJobs(deps, tx.trx, row);
    const next = meetingRowToModel(
      await repo.updateMeeting(tx.trx, m.id, {
        status: to,
        cancel_reason: why,
        cancelled_by: viewer.userId,
        proposed_starts_at: null,
        proposed_by: null,
        proposal_reason: null,
        job_ids: JSON.stringify([]),
      }),
    );
    const p = await parties();
    const otherId = otherParticipant(m, viewer.userId);
    // Nothing is left to answer, on either side: the cancellation notice says what happened.
    for (const id of [otherId, viewer.userId])
      await retireMeetingNotices(deps, tx, id, m.id, ['MEETING_REQUESTED', 'MEETING_RESCHEDULE_PROPOSED']);
    await noticeTo(deps, tx, next, p, otherId, 'MEETING_CANCELLED', {
      actorId: viewer.userId,
      reason: why,
      ics: 'CANCEL',
    });
    // Whoever received an invitation (ICS) gets the cancellation, the canceller too: the
    // invitee since the request, the requester since the acceptance.
    if (m.status !== 'REQUESTED' || viewer.userId === m.inviteeId) {
      const otherName = otherPartyName(p, viewer.userId);
      await noticeTo(deps, tx, next, p, viewer.userId, 'MEETING_CANCELLED', {
        ics: 'CANCEL',
        confirmationOnly: {
          title: () => `You cancelled your meeting with ${otherName}`,
          body: (r) =>
            `The meeting on ${r.time(m.startsAt)} is cancelled. The attached update removes it from your calendar.`,
        },
      });
    }
    publishMeeting(deps, tx, next, 'CANCELLED', viewer.userId);
    return next;
  });
}

export function proposeReschedule(
  deps: Deps,
  viewer: Viewer,
  id: string,
  startsAt: Date,
  reason: string | null | undefined,
): Promise<MeetingModel> {
  const at = futureStart(startsAt, 'startsAt');
  const why = optionalText(reason, REASON_MAX, 'reason', REASON) ?? '';
  return command(deps, viewer, id, 'PROPOSE_RESCHEDULE', async ({ tx, m, parties }) => {
    // As for a new request: no proposals between people with a block either way (cancelling still works).
    if ((await blockedAmong(tx.trx, viewer.userId, [otherParticipant(m, viewer.userId)])).size > 0)
      throw forbidden("You can't propose a new time to this person");
    if (at.getTime() === m.startsAt.getTime())
      throw badInput('That is already the meeting’s time', { field: 'startsAt' });
    const pending = m.pendingReschedule;
    if (pending?.proposedById === viewer.userId && pending.startsAt.getTime() === at.getTime()) return m; // a retry
    // A new proposal (from either side) replaces a pending one: a counter-proposal.
    const next = meetingRowToModel(
      await repo.updateMeeting(tx.trx, m.id, {
        proposed_starts_at: at,
        proposed_by: viewer.userId,
        proposal_reason: why,
        rejected_starts_at: null,
        rejected_by: null,
        rejection_reason: null,
      }),
    );
    // A counter-proposal answers the other's pending one.
    await retireMeetingNotices(deps, tx, viewer.userId, m.id, ['MEETING_RESCHEDULE_PROPOSED']);
    await noticeTo(
      deps,
      tx,
      next,
      await parties(),
      otherParticipant(m, viewer.userId),
      'MEETING_RESCHEDULE_PROPOSED',
      { actorId: viewer.userId, reason: why, proposedStartsAt: at },
    );
    publishMeeting(deps, tx, next, 'RESCHEDULE_PROPOSED', viewer.userId);
    return next;
  });
}

export function acceptReschedule(deps: Deps, viewer: Viewer, id: string): Promise<MeetingModel> {
  return command(deps, viewer, id, 'ACCEPT_RESCHEDULE', async ({ tx, row, m, parties }) => {
    const startsAt = m.pendingReschedule?.startsAt;
    if (!startsAt || startsAt.getTime() <= Date.now())
      throw badInput('The proposed time has passed; propose another one');
    const endsAt = addMinutes(startsAt, m.durationMinutes);
    const version = m.version + 1;
    await repo.holdSlots(tx.trx, { ...row, starts_at: startsAt, ends_at: endsAt });
    await cancelMeetingJobs(deps, tx.trx, row);
    const jobIds = await scheduleMeetingJobs(deps, tx.trx, {
      id: m.id,
      version,
      starts_at: startsAt,
      ends_at: endsAt,
    });
    const next = meetingRowToModel(
      await repo.updateMeeting(tx.trx, m.id, {
        starts_at: startsAt,
        ends_at: endsAt,
        version,
        proposed_starts_at: null,
        proposed_by: null,
        proposal_reason: null,
        job_ids: JSON.stringify(jobIds),
      }),
    );
    await retireMeetingNotices(deps, tx, viewer.userId, m.id, ['MEETING_RESCHEDULE_PROPOSED']);
    // Both calendars hold the event: both get the updated invitation; the one who accepted it
    // as a confirmation email only (no notice about their own action).
    const p = await parties();
    const otherId = otherParticipant(m, viewer.userId);
    await noticeTo(deps, tx, next, p, otherId, 'MEETING_RESCHEDULED', {
      actorId: viewer.userId,
      ics: 'REQUEST',
    });
    const otherName = otherPartyName(p, viewer.userId);
    await noticeTo(deps, tx, next, p, viewer.userId, 'MEETING_RESCHEDULED', {
      ics: 'REQUEST',
      confirmationOnly: {
        title: () => `You moved your meeting with ${otherName}`,
        body: (r) =>
          `Your meeting with ${otherName} is now on ${r.time(startsAt)}. The attached update moves it in your calendar.`,
      },
    });
    publishMeeting(deps, tx, next, 'RESCHEDULED', viewer.userId);
    return next;
  });
}

export function rejectReschedule(
  deps: Deps,
  viewer: Viewer,
  id: string,
  reason: string | null | undefined,
): Promise<MeetingModel> {
  const why = optionalText(reason, REASON_MAX, 'reason', REASON) ?? '';
  return command(deps, viewer, id, 'REJECT_RESCHEDULE', async ({ tx, m, parties }) => {
    const proposal = m.pendingReschedule;
    if (!proposal) throw new Error('REJECT_RESCHEDULE without a proposal'); // the machine checked
    const next = meetingRowToModel(
      await repo.updateMeeting(tx.trx, m.id, {
        proposed_starts_at: null,
        proposed_by: null,
        proposal_reason: null,
        rejected_starts_at: proposal.startsAt,
        rejected_by: viewer.userId,
        rejection_reason: why,
      }),
    );
    await retireMeetingNotices(deps, tx, viewer.userId, m.id, ['MEETING_RESCHEDULE_PROPOSED']);
    // The proposer hears the answer and the reason; calendars keep the unchanged time.
    await noticeTo(deps, tx, next, await parties(), proposal.proposedById, 'MEETING_RESCHEDULE_REJECTED', {
      actorId: viewer.userId,
      reason: why,
      proposedStartsAt: proposal.startsAt,
    });
    publishMeeting(deps, tx, next, 'RESCHEDULE_REJECTED', viewer.userId);
    return next;
  });
}

export function submitReview(
  deps: Deps,
  viewer: Viewer,
  id: string,
  rating: number,
  comment: string | null | undefined,
): Promise<MeetingModel> {
  if (!Number.isInteger(rating) || rating < 1 || rating > 5)
    throw badInput('rating must be between 1 and 5', { field: 'rating' });
  const text = optionalText(comment, COMMENT_MAX, 'comment', { label: 'Comment', invisible: false }) ?? '';
  return command(deps, viewer, id, 'REVIEW', async ({ tx, m, parties }) => {
    const inserted = await repo.insertReview(tx.trx, {
      meeting_id: m.id,
      reviewer_id: viewer.userId,
      rating,
      comment: text,
    });
    if (!inserted) throw badInput('You already reviewed this meeting');
    // Answered: the request to review stops counting as unread (the other's, once both did).
    await retireMeetingNotices(deps, tx, viewer.userId, m.id, ['MEETING_REVIEW_REQUESTED']);
    const reviews = await repo.reviewsOf(tx.trx, [m.id]);
    if (reviews.length < 2) {
      const next = meetingRowToModel(await repo.updateMeeting(tx.trx, m.id, {}));
      publishMeeting(deps, tx, next, 'REVIEWED', viewer.userId);
      return next;
    }
    const done = decide(m, 'COMPLETE', 'SYSTEM');
    const next = meetingRowToModel(
      await repo.updateMeeting(tx.trx, m.id, { status: done.apply ? done.to : m.status }),
    );
    const p = await parties();
    for (const to of [m.requesterId, m.inviteeId]) await noticeTo(deps, tx, next, p, to, 'MEETING_COMPLETED');
    publishMeeting(deps, tx, next, 'COMPLETED', viewer.userId);
    return next;
  });
}
