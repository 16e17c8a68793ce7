import type { StreamResyncRequiredPayload } from '../../lib/resume.ts';
import type { NotificationModel } from './notifications.model.ts';

/**
 * The per-user topic behind the `notificationEvents` subscription. Only the
 * notifications service publishes on it, after the change committed; every
 * open device of the user listens, so counts stay equal across devices.
 */
export const notificationsTopic = (userId: string) => `notifications:${userId}`;

/** A notification was created, or a collapsed one changed (same id; clients upsert by id). */
export interface NotificationAddedPayload {
  __typename: 'NotificationAdded';
  notification: NotificationModel;
  unreadCount: number;
}

/** Notifications were marked read (on any device). */
export interface NotificationsReadPayload {
  __typename: 'NotificationsRead';
  ids: string[];
  unreadCount: number;
}

/**
 * Payloads cross Redis as JSON: Dates arrive as ISO strings (the DateTime
 * scalar serialises both) and undefined fields as missing.
 */
export type NotificationEventPayload =
  | NotificationAddedPayload
  | NotificationsReadPayload
  | StreamResyncRequiredPayload;
