import type { Selectable } from 'kysely';
import type { Notifications } from '../../db/schema.generated.ts';

/** Every kind of notification; the GraphQL enum NotificationType has the same values. */
export type NotificationType =
  | 'FRIEND_REQUEST'
  | 'FRIEND_ACCEPTED'
  | 'MESSAGE'
  | 'MEETING_REQUESTED'
  | 'MEETING_ACCEPTED'
  | 'MEETING_DECLINED'
  | 'MEETING_CANCELLED'
  | 'MEETING_RESCHEDULE_PROPOSED'
  | 'MEETING_RESCHEDULED'
  | 'MEETING_REMINDER'
  | 'MEETING_STARTED'
  | 'MEETING_REVIEW_REQUESTED'
  | 'MEETING_COMPLETED'
  | 'MEETING_RESCHEDULE_REJECTED'
  | 'MEETING_EXPIRED';

export const NOTIFICATION_TYPES: readonly NotificationType[] = [
  'FRIEND_REQUEST',
  'FRIEND_ACCEPTED',
  'MESSAGE',
  'MEETING_REQUESTED',
  'MEETING_ACCEPTED',
  'MEETING_DECLINED',
  'MEETING_CANCELLED',
  'MEETING_RESCHEDULE_PROPOSED',
  'MEETING_RESCHEDULED',
  'MEETING_REMINDER',
  'MEETING_STARTED',
  'MEETING_REVIEW_REQUESTED',
  'MEETING_COMPLETED',
  'MEETING_RESCHEDULE_REJECTED',
  'MEETING_EXPIRED',
];

export function isNotificationType(value: string): value is NotificationType {
  return (NOTIFICATION_TYPES as readonly string[]).includes(value);
}

/**
 * Whether a type is emailed when the user has not chosen: on for friend
 * requests and every meeting change, on for the (delayed) message digest, off
 * for FRIEND_ACCEPTED. `notification_preferences` stores only overrides.
 */
export function defaultEmailEnabled(type: NotificationType): boolean {
  return type !== 'FRIEND_ACCEPTED';
}

/** What a notification points at (stored as jsonb `data`); every field optional. */
export interface NotificationData {
  /** Who caused it (sender, requester, the other meeting party). */
  fromUserId?: string;
  roomId?: string;
  /** For MESSAGE: the latest message collapsed into the notification. */
  messageId?: string;
  meetingId?: string;
  friendRequestId?: string;
}

/** A notification as the domain and GraphQL see it. */
export interface NotificationModel {
  id: string;
  recipientId: string;
  type: NotificationType;
  title: string;
  /** The body as written, in the zone the recipient had then. */
  body: string;
  /** The body with its times as instants, to read in the recipient's zone now (notifications.text.ts); null when it names none. */
  bodyParts: unknown;
  fromUserId: string | null;
  roomId: string | null;
  messageId: string | null;
  meetingId: string | null;
  friendRequestId: string | null;
  /** Events collapsed into it (MESSAGE: messages); 1 otherwise. */
  count: number;
  createdAt: Date;
  /** Last change; the list is sorted by it, newest first. */
  updatedAt: Date;
  readAt: Date | null;
}

export type NotificationRow = Selectable<Notifications>;

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

export function notificationRowToModel(row: NotificationRow): NotificationModel {
  const data = (row.data ?? {}) as Record<string, unknown>;
  return {
    id: row.id,
    recipientId: row.recipient_id,
    type: row.type as NotificationType,
    title: row.title,
    body: row.body,
    bodyParts: row.body_parts,
    fromUserId: str(data.fromUserId),
    roomId: str(data.roomId),
    messageId: str(data.messageId),
    meetingId: str(data.meetingId),
    friendRequestId: str(data.friendRequestId),
    count: row.count,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    readAt: row.read_at,
  };
}

/** An email preference with the default applied. */
export interface NotificationPreferenceModel {
  type: NotificationType;
  email: boolean;
}
