import { inTransaction } from '../../src/db/tx.ts';
import { EMAIL_JOB, type EmailMessage } from '../../src/modules/mail/mail.service.ts';
import { MESSAGE_DIGEST_JOB } from '../../src/modules/notifications/notifications.jobs.ts';
import {
  type NotifyInput,
  type NotifyMessageInput,
  notify,
  notifyMessage,
} from '../../src/modules/notifications/notifications.service.ts';
import type { TestApp } from './app.ts';
import type { LiveSubscription, WsConnection } from './ws.ts';

/** Every field of both notification events, for subscriptions in tests. */
export const EVENTS = `subscription {
  notificationEvents {
    __typename
    ... on NotificationAdded { unreadCount notification { id type title body count readAt fromUser { id } } }
    ... on NotificationsRead { ids unreadCount }
  }
}`;
/**
 * Subscribes to `notificationEvents` and waits for its first event (the
 * current unread count), so the stream is live before the test acts.
 */
export async function liveNotifications(
  conn: WsConnection,
  // biome-ignore lint/suspicious/noExplicitAny: event shapes are asserted by the tests
): Promise<{ sub: LiveSubscription<any>; unreadCount: number }> {
  const sub = conn.subscribe(EVENTS);
  const first = (await sub.next()).notificationEvents;
  if (first.__typename !== 'NotificationsRead' || first.ids.length !== 0)
    throw new Error(`unexpected first event ${JSON.stringify(first)}`);
  return { sub, unreadCount: first.unreadCount };
}

/** Calls `notify` in its own committed transaction, as a domain module would. */
export function notifyNow(t: TestApp, input: NotifyInput) {
  return inTransaction(t.app.deps, (tx) => notify(tx, t.app.deps, input));
}

export function notifyMessageNow(t: TestApp, input: NotifyMessageInput) {
  return inTransaction(t.app.deps, (tx) => notifyMessage(tx, t.app.deps, input));
}

/**
 * Email jobs queued for `to` (any state). Emails are queued in the transaction
 * that created the notification, so right after it committed this is exact:
 * no job means no email will ever be sent for it.
 */
export async function queuedEmails(t: TestApp, to: string): Promise<EmailMessage[]> {
  const jobs = await t.app.jobs.boss.findJobs<EmailMessage>(EMAIL_JOB, { data: { to } });
  return jobs.map((j) => j.data);
}

/** Waits until the digest job of `notificationId` has run (polls pg-boss; fails after `timeoutMs`). */
export async function waitForDigestJob(
  t: TestApp,
  notificationId: string,
  timeoutMs = 15_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [job] = await t.app.jobs.boss.findJobs(MESSAGE_DIGEST_JOB, { key: notificationId });
    if (job?.state === 'completed') return;
    if (job?.state === 'failed') throw new Error(`digest job failed: ${JSON.stringify(job.output)}`);
    if (Date.now() > deadline)
      throw new Error(`digest job not completed within ${timeoutMs} ms (${job?.state})`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** An .eml's headers unfolded (RFC 5322 folding removed) and its body decoded (quoted-printable or base64). */
export function parseEml(raw: string): { header(name: string): string; text: string } {
  const end = /\r?\n\r?\n/.exec(raw);
  const head = raw.slice(0, end?.index ?? raw.length).replace(/\r?\n[ \t]+/g, ' ');
  const body = end ? raw.slice(end.index + end[0].length) : '';
  const encoding = /^Content-Transfer-Encoding: (.*)$/im.exec(head)?.[1]?.trim().toLowerCase();
  const text =
    encoding === 'quoted-printable'
      ? decodeQuotedPrintable(body)
      : encoding === 'base64'
        ? Buffer.from(body, 'base64').toString('utf8')
        : body;
  return { header: (name) => new RegExp(`^${name}: (.*)$`, 'mi').exec(head)?.[1]?.trim() ?? '', text };
}

function decodeQuotedPrintable(s: string): string {
  const soft = s.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < soft.length; i++) {
    const hex = soft.slice(i + 1, i + 3);
    if (soft[i] === '=' && /^[0-9A-F]{2}$/i.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      i += 2;
    } else bytes.push(...Buffer.from(soft[i] ?? '', 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}
