/**
 * Notifications: rows created by domain code in the transaction of the change
 * that caused them (`notify`, `notifyMessage`), then pushed live after commit
 * to every open device of the recipient, with the unread count.
 *
 * Ordering: the list is sorted by `updatedAt` (then id), newest first. A
 * collapsed MESSAGE notification that receives another message is bumped to
 * the top; `createdAt` keeps the time of its first message.
 */
import type { Tx } from '../../db/tx.ts';
import type { Deps, Viewer } from '../../deps.ts';
import { badInput, notFound } from '../../graphql/errors.ts';
import { type Connection, decodeCursor, forwardPage, pageSize } from '../../lib/connections.ts';
import { parseId, uuidv7 } from '../../lib/ids.ts';
import { type ResumePoint, resumePoint, resyncRequired, stamped } from '../../lib/resume.ts';
import { type EmailMessage, queueEmail } from '../mail/mail.service.ts';
import { findUserById } from '../users/users.repository.ts';
import { notificationEmail } from './notifications.emails.ts';
import { MESSAGE_DIGEST_JOB, type MessageDigestJobData } from './notifications.jobs.ts';
import {
  defaultEmailEnabled,
  type NotificationData,
  type NotificationModel,
  type NotificationType,
  notificationRowToModel,
} from './notifications.model.ts';
import * as repo from './notifications.repository.ts';
import { type NotificationText, recipient, renderText, textParts } from './notifications.text.ts';
import {
  type NotificationAddedPayload,
  type NotificationEventPayload,
  type NotificationsReadPayload,
  notificationsTopic,
} from './notifications.topics.ts';

export interface NotifyInput {
  recipientId: string;
  /** MESSAGE notifications go through `notifyMessage` (they collapse per room). */
  type: Exclude<NotificationType, 'MESSAGE'>;
  title: NotificationText;
  body: NotificationText;
  data?: NotificationData;
  /** An iCalendar attachment for the email (meeting invitations and cancellations). */
  icalEvent?: EmailMessage['icalEvent'];
}

/**
 * Creates a notification inside the caller's transaction: a rolled-back change
 * leaves none, a committed one always has it. Queues its email in the same
 * transaction when the recipient has email on for the type, and publishes
 * NotificationAdded to the recipient's devices after commit.
 */
export async function notify(tx: Tx, deps: Deps, input: NotifyInput): Promise<NotificationModel> {
  const to = await repo.findRecipient(tx.trx, input.recipientId, input.type);
  if (!to) throw notFound('User');
  const r = recipient(to);
  const row = await repo.insertNotification(tx.trx, {
    id: uuidv7(),
    recipient_id: to.id,
    type: input.type,
    title: renderText(input.title, r),
    body: renderText(input.body, r),
    body_parts: textParts(input.body, r),
    data: input.data ?? {},
    at: new Date(),
  });
  if (to.email_enabled ?? defaultEmailEnabled(input.type)) {
    const email = notificationEmail(
      deps.config,
      { id: to.id, email: to.email, displayName: to.display_name },
      { type: input.type, title: row.title, body: row.body, data: input.data },
    );
    await queueEmail(deps, input.icalEvent ? { ...email, icalEvent: input.icalEvent } : email, tx.trx);
  }
  const model = notificationRowToModel(row);
  tx.afterCommit(() => publishAdded(deps, model));
  return model;
}

/**
 * Emails `input` to its recipient without creating a notification: for the
 * person who made a change themselves, whose calendar must still follow it
 * (a cancellation's ICS). Same preference rule as `notify`; queued inside the
 * caller's transaction.
 */
export async function emailWithoutNotification(tx: Tx, deps: Deps, input: NotifyInput): Promise<void> {
  const to = await repo.findRecipient(tx.trx, input.recipientId, input.type);
  if (!to || !(to.email_enabled ?? defaultEmailEnabled(input.type))) return;
  const r = recipient(to);
  const email = notificationEmail(
    deps.config,
    { id: to.id, email: to.email, displayName: to.display_name },
    {
      type: input.type,
      title: renderText(input.title, r),
      body: renderText(input.body, r),
      data: input.data,
    },
  );
  await queueEmail(deps, input.icalEvent ? { ...email, icalEvent: input.icalEvent } : email, tx.trx);
}

export interface NotifyMessageInput {
  recipientId: string;
  roomId: string;
  messageId: string;
  fromUserId: string;
  /** The group's title, or for a direct room the sender's name. */
  roomTitle: string;
  /** The message text (shortened here). */
  preview: string;
}

const PREVIEW_MAX = 140;

/**
 * The text of a MESSAGE notification: how many messages, and the latest one's
 * text as it is now (`null` once it was deleted: its text is gone).
 */
export function messageBody(count: number, fromName: string, preview: string | null): string {
  let short = 'message deleted';
  if (preview !== null) {
    const chars = Array.from(preview.replace(/\s+/g, ' ').trim()); // code points: never split an emoji
    short = chars.length > PREVIEW_MAX ? `${chars.slice(0, PREVIEW_MAX - 1).join('')}…` : chars.join('');
  }
  return count === 1 ? `${fromName}: ${short}` : `${count} new messages. Latest from ${fromName}: ${short}`;
}

/**
 * After the latest message of MESSAGE notifications was edited or deleted
 * (in that change's transaction): their stored text follows, so no copy of a
 * deleted text is kept (the list and the digest email render the message as
 * it is now anyway, notifications.resolvers.ts and notifications.jobs.ts). A
 * notification whose one message was deleted has nothing left to read: it is
 * marked read, and the recipient's devices are told.
 */
export async function messageChanged(
  tx: Tx,
  deps: Deps,
  message: { id: string; senderName: string; body: string | null },
): Promise<void> {
  const rows = await repo.pointingAt(tx.trx, message.id);
  const at = new Date();
  for (const n of rows) {
    const retire = message.body === null && n.count === 1 && n.read_at === null;
    await repo.updateMessageText(
      tx.trx,
      n.id,
      messageBody(n.count, message.senderName, message.body),
      retire ? at : null,
    );
    if (retire) tx.afterCommit(() => publishRead(deps, n.recipient_id, [n.id]).then(() => {}));
  }
}

/**
 * Records a DM or @mention for someone not looking at the room. Messages
 * collapse: one unread MESSAGE notification per (recipient, room) carries the
 * count and the latest text. The first one schedules the digest email job
 * (after `config.messageDigestDelaySeconds`), which emails only if it is still
 * unread then. The caller decides who gets one: not the sender, not members
 * viewing the room, not members who muted it.
 */
export async function notifyMessage(
  tx: Tx,
  deps: Deps,
  input: NotifyMessageInput,
): Promise<NotificationModel> {
  const from = await findUserById(tx.trx, input.fromUserId);
  const fromName = from?.display_name ?? 'Someone';
  let row = await repo.upsertMessageNotification(tx.trx, {
    id: uuidv7(),
    recipient_id: input.recipientId,
    type: 'MESSAGE',
    title: input.roomTitle,
    body: messageBody(1, fromName, input.preview),
    data: { roomId: input.roomId, messageId: input.messageId, fromUserId: input.fromUserId },
    at: new Date(),
  });
  if (row.inserted) {
    const job: MessageDigestJobData = { notificationId: row.id };
    await deps.jobs.send(MESSAGE_DIGEST_JOB, job, {
      trx: tx.trx,
      startAfter: deps.config.messageDigestDelaySeconds,
      singletonKey: row.id,
    });
  } else {
    // The row is locked by this transaction since the upsert: the count is ours.
    row = {
      ...(await repo.updateBody(tx.trx, row.id, messageBody(row.count, fromName, input.preview))),
      inserted: false,
    };
  }
  const model = notificationRowToModel(row);
  tx.afterCommit(() => publishAdded(deps, model));
  return model;
}

async function publishAdded(deps: Deps, notification: NotificationModel): Promise<void> {
  const unreadCount = await repo.countUnread(deps.db, notification.recipientId);
  const payload: NotificationAddedPayload = { __typename: 'NotificationAdded', notification, unreadCount };
  await deps.events.publish(notificationsTopic(notification.recipientId), payload);
}

/**
 * Retires the recipient's unread notifications about something that is over
 * without them acting on it there (a friend request withdrawn, answered on
 * the contacts page, or its sender blocked): they are marked read with the
 * change, and the recipient's devices learn it after commit. Matched by
 * `types` and one `data` field.
 */
export async function retireNotifications(
  tx: Tx,
  deps: Deps,
  recipientId: string,
  types: readonly NotificationType[],
  match: { key: 'friendRequestId' | 'fromUserId' | 'meetingId' | 'roomId'; value: string },
): Promise<void> {
  const ids = await repo.markReadMatching(tx.trx, recipientId, types, match.key, match.value, new Date());
  if (ids.length > 0) tx.afterCommit(() => publishRead(deps, recipientId, ids));
}

export async function publishRead(deps: Deps, userId: string, ids: string[]): Promise<number> {
  const unreadCount = await repo.countUnread(deps.db, userId);
  if (ids.length > 0) {
    const payload: NotificationsReadPayload = { __typename: 'NotificationsRead', ids, unreadCount };
    await deps.events.publish(notificationsTopic(userId), payload);
  }
  return unreadCount;
}

/** Most notification changes a `notificationEvents(since)` replay sends; beyond, StreamResyncRequired. */
const MAX_NOTIFICATION_REPLAY = 100;

/**
 * The `notificationEvents` stream: first a NotificationsRead with no ids and
 * the current unread count (a connecting or reconnecting device syncs its
 * badge, and knows it is live), then every event on the viewer's topic, each
 * stamped with `at`. The count is read after the topic listener is
 * registered, so no change falls between the two; events carry absolute
 * counts, so an overlap is harmless.
 *
 * With `since` (lib/resume.ts), the replay comes before that first count:
 * NotificationAdded for each notification created or changed since, and one
 * NotificationsRead with the ids read since; or StreamResyncRequired.
 */
export async function* notificationEvents(
  deps: Deps,
  viewer: Viewer,
  subscribe: (topic: string) => Promise<AsyncIterable<NotificationEventPayload>>,
  since?: Date | null,
): AsyncGenerator<NotificationEventPayload & { at: Date }> {
  const point = since ? resumePoint(deps.config, since) : null;
  const events = await subscribe(notificationsTopic(viewer.userId));
  const unreadCount = await repo.countUnread(deps.db, viewer.userId);
  if (point) yield* (await replayNotifications(deps, viewer.userId, point, unreadCount)).map(stamped);
  const current: NotificationsReadPayload = { __typename: 'NotificationsRead', ids: [], unreadCount };
  yield stamped(current);
  for await (const event of events) yield stamped(event);
}

async function replayNotifications(
  deps: Deps,
  userId: string,
  point: ResumePoint,
  unreadCount: number,
): Promise<NotificationEventPayload[]> {
  if (point.tooOld) return [resyncRequired('The resume point is older than the resume window')];
  const [changed, read] = await Promise.all([
    repo.changedSince(deps.db, userId, point.from, MAX_NOTIFICATION_REPLAY + 1),
    repo.readSince(deps.db, userId, point.from, MAX_NOTIFICATION_REPLAY + 1),
  ]);
  if (changed.length > MAX_NOTIFICATION_REPLAY || read.length > MAX_NOTIFICATION_REPLAY)
    return [
      resyncRequired(`More than ${MAX_NOTIFICATION_REPLAY} notifications changed since the resume point`),
    ];
  const added = changed.map(
    (row): NotificationAddedPayload => ({
      __typename: 'NotificationAdded',
      notification: notificationRowToModel(row),
      unreadCount,
    }),
  );
  return read.length > 0 ? [...added, { __typename: 'NotificationsRead', ids: read, unreadCount }] : added;
}

export interface ListArgs {
  first?: number | null | undefined;
  after?: string | null | undefined;
  unreadOnly?: boolean | null | undefined;
}

export async function listNotifications(
  deps: Deps,
  viewer: Viewer,
  args: ListArgs,
): Promise<Connection<NotificationModel>> {
  const limit = pageSize(args.first, 20);
  const after = decodeCursor(args.after, (v): v is { t: string; i: string } => {
    const c = v as { t?: unknown; i?: unknown } | null;
    return (
      typeof c?.t === 'string' &&
      !Number.isNaN(Date.parse(c.t)) &&
      typeof c.i === 'string' &&
      /^[0-9a-f-]{36}$/.test(c.i)
    );
  });
  const rows = await repo.listNotifications(deps.db, viewer.userId, {
    limit: limit + 1,
    after: after && { updatedAt: new Date(after.t), id: after.i },
    unreadOnly: args.unreadOnly ?? false,
  });
  return forwardPage(rows, limit, notificationRowToModel, (r) => ({
    t: r.updated_at.toISOString(),
    i: r.id,
  }));
}

export function unreadCount(deps: Deps, viewer: Viewer): Promise<number> {
  return repo.countUnread(deps.db, viewer.userId);
}

/** Marks one of the viewer's notifications read (idempotent). NOT_FOUND for anyone else's. */
export async function markRead(deps: Deps, viewer: Viewer, id: string): Promise<NotificationModel> {
  const nid = parseId(id, 'Notification');
  const row = await repo.findNotification(deps.db, nid);
  if (!row || row.recipient_id !== viewer.userId) throw notFound('Notification');
  if (row.read_at) return notificationRowToModel(row);
  const readAt = new Date();
  const changed = await repo.markRead(deps.db, viewer.userId, [nid], readAt);
  await publishRead(deps, viewer.userId, changed);
  const after = await repo.findNotification(deps.db, nid);
  return notificationRowToModel(after ?? { ...row, read_at: readAt });
}

const MAX_IDS = 100;

/**
 * Marks several of the viewer's notifications read (idempotent); NOT_FOUND,
 * and nothing changed, if any id is not the viewer's. Returns the ids this
 * call changed and the unread count after it.
 */
export async function markManyRead(
  deps: Deps,
  viewer: Viewer,
  ids: readonly string[],
): Promise<{ ids: string[]; unreadCount: number }> {
  if (ids.length > MAX_IDS) throw badInput(`At most ${MAX_IDS} ids at once`, { field: 'ids' });
  const wanted = [...new Set(ids.map((id) => parseId(id, 'Notification')))];
  const owned = await repo.ownedIds(deps.db, viewer.userId, wanted);
  if (owned.size !== wanted.length) throw notFound('Notification');
  const changed = await repo.markRead(deps.db, viewer.userId, wanted, new Date());
  return { ids: changed, unreadCount: await publishRead(deps, viewer.userId, changed) };
}

export async function markAllRead(
  deps: Deps,
  viewer: Viewer,
): Promise<{ ids: string[]; unreadCount: number }> {
  const changed = await repo.markRead(deps.db, viewer.userId, 'all', new Date());
  return { ids: changed, unreadCount: await publishRead(deps, viewer.userId, changed) };
}
