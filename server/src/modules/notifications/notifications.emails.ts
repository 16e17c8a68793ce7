/**
 * Notification emails and their unsubscribe links.
 *
 * Every email names one notification type and carries a signed link that turns
 * email off for that type (`List-Unsubscribe` + RFC 8058 one-click). The token
 * is `base64url(JSON {u, t}) . base64url(HMAC-SHA256)`, keyed by a key derived
 * from JWT_SECRET: verifying needs no database row, and it never expires (an
 * unsubscribe link in an old email must keep working).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Config } from '../../config.ts';
import type { EmailMessage } from '../mail/mail.service.ts';
import { isNotificationType, type NotificationData, type NotificationType } from './notifications.model.ts';

/** What a notification email is about, in a sentence that finishes "emails about …". */
const TYPE_LABELS: Record<NotificationType, string> = {
  FRIEND_REQUEST: 'friend requests',
  FRIEND_ACCEPTED: 'accepted friend requests',
  MESSAGE: 'unread messages',
  MEETING_REQUESTED: 'meeting requests',
  MEETING_ACCEPTED: 'accepted meetings',
  MEETING_DECLINED: 'declined meetings',
  MEETING_CANCELLED: 'cancelled meetings',
  MEETING_RESCHEDULE_PROPOSED: 'proposed meeting times',
  MEETING_RESCHEDULED: 'rescheduled meetings',
  MEETING_REMINDER: 'meeting reminders',
  MEETING_STARTED: 'meetings starting',
  MEETING_REVIEW_REQUESTED: 'meeting review requests',
  MEETING_COMPLETED: 'completed meetings',
  MEETING_RESCHEDULE_REJECTED: 'rejected meeting times',
  MEETING_EXPIRED: 'unanswered meeting requests that lapsed',
};

export const typeLabel = (type: NotificationType) => TYPE_LABELS[type];

const hmacKey = (config: Pick<Config, 'jwtSecret'>) =>
  createHmac('sha256', config.jwtSecret).update('parley:unsubscribe:v1').digest();

const sign = (config: Pick<Config, 'jwtSecret'>, payload: string) =>
  createHmac('sha256', hmacKey(config)).update(payload).digest();

export function unsubscribeToken(
  config: Pick<Config, 'jwtSecret'>,
  userId: string,
  type: NotificationType,
): string {
  const payload = Buffer.from(JSON.stringify({ u: userId, t: type })).toString('base64url');
  return `${payload}.${sign(config, payload).toString('base64url')}`;
}

/** The {userId, type} a token was signed for, or null for anything forged, altered or malformed. */
export function verifyUnsubscribeToken(
  config: Pick<Config, 'jwtSecret'>,
  token: string,
): { userId: string; type: NotificationType } | null {
  const [payload, signature, extra] = token.split('.');
  if (!payload || !signature || extra !== undefined) return null;
  const expected = sign(config, payload);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as {
      u?: unknown;
      t?: unknown;
    };
    if (typeof claims.u !== 'string' || typeof claims.t !== 'string' || !isNotificationType(claims.t))
      return null;
    return { userId: claims.u, type: claims.t };
  } catch {
    return null;
  }
}

export function unsubscribeUrl(
  config: Pick<Config, 'jwtSecret' | 'publicUrl'>,
  userId: string,
  type: NotificationType,
): string {
  return `${config.publicUrl}/unsubscribe?token=${encodeURIComponent(unsubscribeToken(config, userId, type))}`;
}

export interface EmailRecipient {
  id: string;
  email: string;
  displayName: string;
}

/**
 * Where in the web client a notification leads: the meeting, the conversation,
 * the contacts, or else the notifications list.
 */
export function notificationPath(type: NotificationType, data: NotificationData): string {
  if (data.meetingId) return `/meetings/${encodeURIComponent(data.meetingId)}`;
  if (data.roomId) return `/rooms/${encodeURIComponent(data.roomId)}`;
  if (type === 'FRIEND_REQUEST' || type === 'FRIEND_ACCEPTED') return '/contacts';
  return '/notifications';
}

/** The common frame: greeting, text, a link to what it is about, and the unsubscribe footer and headers. */
function frame(
  config: Pick<Config, 'jwtSecret' | 'publicUrl'>,
  to: EmailRecipient,
  type: NotificationType,
  subject: string,
  text: string,
  data: NotificationData,
): EmailMessage {
  const unsubscribe = unsubscribeUrl(config, to.id, type);
  return {
    to: to.email,
    subject,
    text:
      `Hi ${to.displayName},\n\n${text}\n\nOpen in Parley: ${config.publicUrl}${notificationPath(type, data)}\n\n` +
      `--\nYou get this email because emails about ${typeLabel(type)} are on.\n` +
      `Stop emails about ${typeLabel(type)}: ${unsubscribe}\n`,
    headers: {
      'List-Unsubscribe': `<${unsubscribe}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
  };
}

/** The email for one notification: its title as subject, its body (already in the recipient's zone) as text. */
export function notificationEmail(
  config: Pick<Config, 'jwtSecret' | 'publicUrl'>,
  to: EmailRecipient,
  n: { type: NotificationType; title: string; body: string; data?: NotificationData | undefined },
): EmailMessage {
  return frame(config, to, n.type, n.title, n.body, n.data ?? {});
}

/** The delayed digest of a collapsed MESSAGE notification still unread. */
export function messageDigestEmail(
  config: Pick<Config, 'jwtSecret' | 'publicUrl'>,
  to: EmailRecipient,
  n: { title: string; body: string; count: number; data: unknown; direct: boolean },
): EmailMessage {
  // A direct room's title is the other person's name: "from" them; a group's, "in" it.
  const where = `${n.direct ? 'from' : 'in'} ${n.title}`;
  const subject = n.count === 1 ? `Unread message ${where}` : `${n.count} unread messages ${where}`;
  const roomId = (n.data as NotificationData | null)?.roomId;
  return frame(config, to, 'MESSAGE', subject, `${n.title}\n${n.body}`, roomId ? { roomId } : {});
}
