/**
 * What a meeting change tells people: notifications (rendered in each
 * recipient's own zone, created in the transaction of the change, emailed per
 * preference with an ICS invitation where calendars must change) and the
 * live `meetingEvents` of both participants, published after commit.
 */
import type { Tx } from '../../db/tx.ts';
import type { Deps } from '../../deps.ts';
import type { EmailMessage } from '../mail/mail.service.ts';
import type { NotificationType } from '../notifications/notifications.model.ts';
import {
  emailWithoutNotification,
  notify,
  retireNotifications,
} from '../notifications/notifications.service.ts';
import type { Recipient } from '../notifications/notifications.text.ts';
import type { UserRow } from '../users/users.model.ts';
import { findUsersByIds } from '../users/users.repository.ts';
import { buildIcs } from './meetings.ics.ts';
import type { MeetingAction, MeetingModel } from './meetings.model.ts';
import { type MeetingEventPayload, meetingsTopic } from './meetings.topics.ts';

export interface Parties {
  requester: UserRow;
  invitee: UserRow;
}

/** The display name of the participant who is not `userId`. */
export function otherPartyName(p: Parties, userId: string): string {
  return (userId === p.requester.id ? p.invitee : p.requester).display_name;
}

export async function loadParties(tx: Tx, m: MeetingModel): Promise<Parties> {
  const rows = await findUsersByIds(tx.trx, [m.requesterId, m.inviteeId]);
  const requester = rows.find((r) => r.id === m.requesterId);
  const invitee = rows.find((r) => r.id === m.inviteeId);
  if (!requester || !invitee) throw new Error(`meeting ${m.id}: participant missing`);
  return { requester, invitee };
}

/** Publishes the change to both participants' `meetingEvents`, after commit. */
export function publishMeeting(
  deps: Deps,
  tx: Tx,
  meeting: MeetingModel,
  action: MeetingAction,
  actorId: string | null,
): void {
  const payload: MeetingEventPayload = { meeting, action, actorId };
  tx.afterCommit(async () => {
    await deps.events.publish(meetingsTopic(meeting.requesterId), payload);
    await deps.events.publish(meetingsTopic(meeting.inviteeId), payload);
  });
}

/**
 * The recipient's unread notices asking them to answer something about the
 * meeting (its request, a proposed new time) once that question is over:
 * answered, withdrawn or replaced. They stop counting as unread, as a friend
 * request's notice does once it is answered (contacts.service.ts).
 */
export function retireMeetingNotices(
  deps: Deps,
  tx: Tx,
  recipientId: string,
  meetingId: string,
  types: readonly (NotificationType & `MEETING_${string}`)[],
): Promise<void> {
  return retireNotifications(tx, deps, recipientId, types, { key: 'meetingId', value: meetingId });
}

/** The ICS invitation (REQUEST) or cancellation (CANCEL) of the meeting as it now is. */
export function meetingIcs(
  deps: Deps,
  m: MeetingModel,
  p: Parties,
  method: 'REQUEST' | 'CANCEL',
): NonNullable<EmailMessage['icalEvent']> {
  const host = new URL(deps.config.publicUrl).hostname || 'parley.local';
  const content = buildIcs({
    method,
    tentative: method === 'REQUEST' && m.status === 'REQUESTED',
    uid: `${m.id}@${host}`,
    sequence: m.sequence,
    start: m.startsAt,
    end: m.endsAt,
    stamp: m.updatedAt,
    summary: `Meeting: ${p.requester.display_name} and ${p.invitee.display_name}`,
    description: m.agenda || 'Meeting arranged on Parley',
    location: m.kind === 'IN_PERSON' ? m.location : m.meetingUrl,
    url: m.meetingUrl,
    organizer: { name: p.requester.display_name, email: p.requester.email },
    attendees: [{ name: p.invitee.display_name, email: p.invitee.email }],
  });
  return { method, content, filename: method === 'CANCEL' ? 'cancel.ics' : 'invite.ics' };
}

/** "video call: <url>" / "in person at <place>". */
function where(m: MeetingModel): string {
  return m.kind === 'IN_PERSON' ? `in person at ${m.location}` : `video call: ${m.meetingUrl}`;
}

const reasonText = (reason: string | null | undefined) => (reason ? ` Reason: ${reason}` : '');

function humanLead(seconds: number): string {
  if (seconds % 86_400 === 0) return seconds === 86_400 ? 'in 24 hours' : `in ${seconds / 86_400} days`;
  if (seconds % 3600 === 0) return seconds === 3600 ? 'in 1 hour' : `in ${seconds / 3600} hours`;
  if (seconds % 60 === 0) return seconds === 60 ? 'in 1 minute' : `in ${seconds / 60} minutes`;
  return `in ${seconds} seconds`;
}

export interface NoticeOptions {
  /** Who caused the change (named in texts); null for the scheduler. */
  actorId?: string | null;
  reason?: string | null;
  /** MEETING_RESCHEDULE_PROPOSED / _REJECTED: the proposed start. */
  proposedStartsAt?: Date;
  /** MEETING_REMINDER: the lead time. */
  leadSeconds?: number;
  /** MEETING_REVIEW_REQUESTED: until when reviews are open. */
  reviewUntil?: Date;
  ics?: 'REQUEST' | 'CANCEL';
  /**
   * Instead of a notification, only a confirmation email (with the ICS) to the
   * recipient, who made the change: their calendar holds the event too.
   */
  confirmationOnly?: { title: (r: Recipient) => string; body: (r: Recipient) => string };
}

/**
 * Creates the notification of `type` for `recipientId`, in the transaction of
 * the change; every time in it is rendered in the recipient's zone.
 */
export async function noticeTo(
  deps: Deps,
  tx: Tx,
  m: MeetingModel,
  p: Parties,
  recipientId: string,
  type: NotificationType & `MEETING_${string}`,
  o: NoticeOptions = {},
): Promise<void> {
  const other = (r: Recipient) => otherPartyName(p, r.id);
  const actor = o.actorId === p.requester.id ? p.requester : o.actorId === p.invitee.id ? p.invitee : null;
  const actorName = actor?.display_name ?? 'The other participant';
  const texts: Record<typeof type, { title: (r: Recipient) => string; body: (r: Recipient) => string }> = {
    MEETING_REQUESTED: {
      title: () => `Meeting request from ${p.requester.display_name}`,
      body: (r) =>
        `${p.requester.display_name} asks to meet on ${r.time(m.startsAt)} for ${m.durationMinutes} minutes (${where(m)}).` +
        (m.agenda ? ` Agenda: ${m.agenda}` : ''),
    },
    MEETING_ACCEPTED: {
      title: () => `${p.invitee.display_name} accepted your meeting`,
      body: (r) => `Your meeting on ${r.time(m.startsAt)} is confirmed (${where(m)}).`,
    },
    MEETING_DECLINED: {
      title: () => `${p.invitee.display_name} declined your meeting`,
      body: (r) => `The meeting on ${r.time(m.startsAt)} will not take place.${reasonText(o.reason)}`,
    },
    MEETING_CANCELLED: {
      title: () => `${actorName} cancelled your meeting`,
      body: (r) => `The meeting on ${r.time(m.startsAt)} is cancelled.${reasonText(o.reason)}`,
    },
    MEETING_RESCHEDULE_PROPOSED: {
      title: () => `${actorName} proposes a new time`,
      body: (r) =>
        `${actorName} proposes moving your meeting from ${r.time(m.startsAt)} to ${r.time(o.proposedStartsAt ?? m.startsAt)}.${reasonText(o.reason)}`,
    },
    MEETING_RESCHEDULED: {
      title: (r) => `Meeting with ${other(r)} moved`,
      body: (r) => `Your meeting with ${other(r)} is now on ${r.time(m.startsAt)} (${where(m)}).`,
    },
    MEETING_REMINDER: {
      title: (r) => `Meeting with ${other(r)} ${humanLead(o.leadSeconds ?? 0)}`,
      body: (r) => `Your meeting with ${other(r)} starts on ${r.time(m.startsAt)} (${where(m)}).`,
    },
    MEETING_STARTED: {
      title: (r) => `Your meeting with ${other(r)} has started`,
      body: (r) => `It started at ${r.time(m.startsAt)} (${where(m)}).`,
    },
    MEETING_REVIEW_REQUESTED: {
      title: (r) => `How was your meeting with ${other(r)}?`,
      body: (r) =>
        `Rate it from 1 to 5 until ${r.time(o.reviewUntil ?? m.endsAt)}; after that the meeting closes without your review.`,
    },
    MEETING_COMPLETED: {
      title: (r) => `Meeting with ${other(r)} completed`,
      body: (r) => `Your meeting on ${r.time(m.startsAt)} is complete.`,
    },
    MEETING_RESCHEDULE_REJECTED: {
      title: () => `${actorName} rejected your proposed time`,
      body: (r) =>
        `${actorName} rejected moving your meeting to ${r.time(o.proposedStartsAt ?? m.startsAt)}; it stays on ${r.time(m.startsAt)}.${reasonText(o.reason)}`,
    },
    MEETING_EXPIRED: {
      title: (r) =>
        r.id === p.requester.id
          ? `${p.invitee.display_name} did not answer your meeting request`
          : `The meeting request from ${p.requester.display_name} lapsed`,
      body: (r) =>
        `The meeting requested for ${r.time(m.startsAt)} was not answered before its start and will not take place.`,
    },
  };
  const t = texts[type];
  if (o.confirmationOnly) {
    // The actor's own copy: no notification (they did it), only the email carrying the ICS.
    await emailWithoutNotification(tx, deps, {
      recipientId,
      type,
      title: o.confirmationOnly.title,
      body: o.confirmationOnly.body,
      // What the email links to.
      data: { meetingId: m.id },
      ...(o.ics ? { icalEvent: meetingIcs(deps, m, p, o.ics) } : {}),
    });
    return;
  }
  await notify(tx, deps, {
    recipientId,
    type,
    title: t.title,
    body: t.body,
    data: {
      meetingId: m.id,
      ...(o.actorId ? { fromUserId: o.actorId } : {}),
      ...(m.roomId ? { roomId: m.roomId } : {}),
    },
    ...(o.ics ? { icalEvent: meetingIcs(deps, m, p, o.ics) } : {}),
  });
}
