import type { Selectable } from 'kysely';
import type { MeetingReviews, Meetings } from '../../db/schema.generated.ts';

/** The lifecycle states; the GraphQL enum MeetingStatus has the same values. */
export type MeetingStatus =
  | 'REQUESTED'
  | 'ACCEPTED'
  | 'DECLINED'
  | 'CANCELLED'
  | 'IN_PROGRESS'
  | 'ENDED'
  | 'COMPLETED'
  | 'EXPIRED';

export type MeetingKind = 'VIDEO' | 'IN_PERSON';

/** Which side of a meeting someone is on. */
export type MeetingRole = 'REQUESTER' | 'INVITEE';

/** What happened to a meeting (the `action` of a MeetingEvent). */
export type MeetingAction =
  | 'REQUESTED'
  | 'ACCEPTED'
  | 'DECLINED'
  | 'CANCELLED'
  | 'RESCHEDULE_PROPOSED'
  | 'RESCHEDULED'
  | 'RESCHEDULE_REJECTED'
  | 'STARTED'
  | 'ENDED'
  | 'REVIEWED'
  | 'COMPLETED'
  | 'EXPIRED';

export interface PendingRescheduleModel {
  startsAt: Date;
  proposedById: string;
  reason: string;
}

/** The last proposed new time the other participant rejected. */
export interface RejectedRescheduleModel {
  startsAt: Date;
  /** Who rejected it (null once that account is gone). */
  rejectedById: string | null;
  reason: string;
}

/** A meeting as the domain and GraphQL see it. */
export interface MeetingModel {
  id: string;
  requesterId: string;
  inviteeId: string;
  roomId: string | null;
  kind: MeetingKind;
  location: string | null;
  agenda: string;
  meetingUrl: string | null;
  startsAt: Date;
  endsAt: Date;
  durationMinutes: number;
  status: MeetingStatus;
  version: number;
  sequence: number;
  pendingReschedule: PendingRescheduleModel | null;
  rejectedReschedule: RejectedRescheduleModel | null;
  declineReason: string | null;
  cancelReason: string | null;
  cancelledById: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface MeetingReviewModel {
  meetingId: string;
  reviewerId: string;
  rating: number;
  comment: string;
  createdAt: Date;
}

export type MeetingRow = Selectable<Meetings>;
export type MeetingReviewRow = Selectable<MeetingReviews>;

export function meetingRowToModel(row: MeetingRow): MeetingModel {
  return {
    id: row.id,
    requesterId: row.requester_id,
    inviteeId: row.invitee_id,
    roomId: row.room_id,
    kind: row.kind as MeetingKind,
    location: row.location,
    agenda: row.agenda,
    meetingUrl: row.meeting_url,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    durationMinutes: row.duration_minutes,
    status: row.status as MeetingStatus,
    version: row.version,
    sequence: row.sequence,
    pendingReschedule:
      row.proposed_starts_at && row.proposed_by
        ? {
            startsAt: row.proposed_starts_at,
            proposedById: row.proposed_by,
            reason: row.proposal_reason ?? '',
          }
        : null,
    rejectedReschedule: row.rejected_starts_at
      ? {
          startsAt: row.rejected_starts_at,
          rejectedById: row.rejected_by,
          reason: row.rejection_reason ?? '',
        }
      : null,
    declineReason: row.decline_reason,
    cancelReason: row.cancel_reason,
    cancelledById: row.cancelled_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/**
 * Events cross Redis as JSON, so Dates arrive as strings: turn them back into
 * Dates before field resolvers (startsAtLocal) use them.
 */
export function reviveMeeting(m: MeetingModel): MeetingModel {
  const d = (v: Date | string) => (v instanceof Date ? v : new Date(v));
  return {
    ...m,
    startsAt: d(m.startsAt),
    endsAt: d(m.endsAt),
    createdAt: d(m.createdAt),
    updatedAt: d(m.updatedAt),
    pendingReschedule: m.pendingReschedule
      ? { ...m.pendingReschedule, startsAt: d(m.pendingReschedule.startsAt) }
      : null,
    rejectedReschedule: m.rejectedReschedule
      ? { ...m.rejectedReschedule, startsAt: d(m.rejectedReschedule.startsAt) }
      : null,
  };
}

export function reviewRowToModel(row: MeetingReviewRow): MeetingReviewModel {
  return {
    meetingId: row.meeting_id,
    reviewerId: row.reviewer_id,
    rating: row.rating,
    comment: row.comment,
    createdAt: row.created_at,
  };
}

/** The role of `userId` in `m`, or null for someone not taking part. */
export function roleOf(
  m: Pick<MeetingModel, 'requesterId' | 'inviteeId'>,
  userId: string,
): MeetingRole | null {
  if (m.requesterId === userId) return 'REQUESTER';
  if (m.inviteeId === userId) return 'INVITEE';
  return null;
}

export function otherParticipant(m: Pick<MeetingModel, 'requesterId' | 'inviteeId'>, userId: string): string {
  return m.requesterId === userId ? m.inviteeId : m.requesterId;
}
