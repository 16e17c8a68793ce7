import { sql, type Transaction } from 'kysely';
import type { DB, Db } from '../../db/index.ts';
import type { NotificationData, NotificationRow, NotificationType } from './notifications.model.ts';

/**
 * Timestamps are written from the application with millisecond precision (not
 * `now()`, which has microseconds): keyset cursors carry a JS Date, and a
 * cursor must compare equal to the row it came from.
 */
export interface NewNotification {
  id: string;
  recipient_id: string;
  type: NotificationType;
  title: string;
  body: string;
  /** The body with its times as instants (notifications.text.ts); null when it names none. */
  body_parts?: string[] | null;
  data: NotificationData;
  at: Date;
}

export function insertNotification(db: Db, n: NewNotification): Promise<NotificationRow> {
  const { at, data, body_parts, ...rest } = n;
  return db
    .insertInto('notifications')
    .values({
      ...rest,
      data: { ...data },
      body_parts: body_parts ? JSON.stringify(body_parts) : null,
      created_at: at,
      updated_at: at,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * Inserts the unread MESSAGE notification of (recipient, room), or adds one to
 * the count of the existing one and points it at the latest message. The
 * partial unique index `notifications_unread_message_room_key` is the arbiter,
 * so two instances notifying at once still end with one row. `inserted` tells
 * a new row (`xmax = 0`) from an updated one.
 */
export function upsertMessageNotification(
  db: Db,
  n: NewNotification & { data: NotificationData & { roomId: string } },
): Promise<NotificationRow & { inserted: boolean }> {
  const { at, data, ...rest } = n;
  return db
    .insertInto('notifications')
    .values({ ...rest, type: 'MESSAGE', data: { ...data }, created_at: at, updated_at: at })
    .onConflict((oc) =>
      oc
        .expression(sql`recipient_id, (data->>'roomId')`)
        .where('type', '=', 'MESSAGE')
        .where('read_at', 'is', null)
        .doUpdateSet((eb) => ({
          count: sql<number>`notifications.count + 1`,
          title: eb.ref('excluded.title'),
          body: eb.ref('excluded.body'),
          data: eb.ref('excluded.data'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
    )
    .returningAll()
    .returning(sql<boolean>`(xmax = 0)`.as('inserted'))
    .executeTakeFirstOrThrow();
}

export function updateBody(db: Db, id: string, body: string): Promise<NotificationRow> {
  return db
    .updateTable('notifications')
    .set({ body })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export interface ListOptions {
  limit: number;
  after?: { updatedAt: Date; id: string } | undefined;
  unreadOnly: boolean;
}

/** A page of the recipient's notifications, most recently changed first. */
export function listNotifications(
  db: Db,
  recipientId: string,
  opts: ListOptions,
): Promise<NotificationRow[]> {
  let q = db.selectFrom('notifications').selectAll().where('recipient_id', '=', recipientId);
  if (opts.unreadOnly) q = q.where('read_at', 'is', null);
  const after = opts.after;
  if (after) {
    q = q.where((eb) => eb(eb.refTuple('updated_at', 'id'), '<', eb.tuple(after.updatedAt, after.id)));
  }
  return q.orderBy('updated_at', 'desc').orderBy('id', 'desc').limit(opts.limit).execute();
}

export async function countUnread(db: Db, recipientId: string): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('recipient_id', '=', recipientId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export function findNotification(db: Db, id: string): Promise<NotificationRow | undefined> {
  return db.selectFrom('notifications').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Of `ids`, those that exist and belong to `recipientId`. */
export async function ownedIds(db: Db, recipientId: string, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('notifications')
    .select('id')
    .where('recipient_id', '=', recipientId)
    .where('id', 'in', ids)
    .execute();
  return new Set(rows.map((r) => r.id));
}

/** Marks unread notifications of the recipient read (`ids`, or all); returns the ids it changed. */
export async function markRead(
  db: Db,
  recipientId: string,
  ids: readonly string[] | 'all',
  at: Date,
): Promise<string[]> {
  if (ids !== 'all' && ids.length === 0) return [];
  let q = db
    .updateTable('notifications')
    .set({ read_at: at })
    .where('recipient_id', '=', recipientId)
    .where('read_at', 'is', null);
  if (ids !== 'all') q = q.where('id', 'in', ids);
  const rows = await q.returning('id').execute();
  return rows.map((r) => r.id);
}

/**
 * Marks read the recipient's unread notifications of `types` whose `data` has
 * `key` = `value` (e.g. a friend request's id); returns the ids it changed.
 */
export async function markReadMatching(
  db: Db,
  recipientId: string,
  types: readonly NotificationType[],
  key: string,
  value: string,
  at: Date,
): Promise<string[]> {
  const rows = await db
    .updateTable('notifications')
    .set({ read_at: at })
    .where('recipient_id', '=', recipientId)
    .where('read_at', 'is', null)
    .where('type', 'in', types)
    .where(sql<boolean>`data->>${key} = ${value}`)
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

/** What notify needs about a recipient: address, zone, and their email choice for `type` (null: default). */
export function findRecipient(db: Db, userId: string, type: NotificationType) {
  return db
    .selectFrom('users')
    .leftJoin('notification_preferences as p', (j) =>
      j.onRef('p.user_id', '=', 'users.id').on('p.type', '=', type),
    )
    .select(['users.id', 'users.email', 'users.display_name', 'users.time_zone', 'p.email_enabled'])
    .where('users.id', '=', userId)
    .executeTakeFirst();
}

export function listPreferenceOverrides(db: Db, userId: string) {
  return db
    .selectFrom('notification_preferences')
    .select(['type', 'email_enabled'])
    .where('user_id', '=', userId)
    .execute();
}

/** Stores an override, or removes it when `emailEnabled` is null (back to the default). */
export async function setPreference(
  db: Db,
  userId: string,
  type: NotificationType,
  emailEnabled: boolean | null,
): Promise<void> {
  if (emailEnabled === null) {
    await db
      .deleteFrom('notification_preferences')
      .where('user_id', '=', userId)
      .where('type', '=', type)
      .execute();
    return;
  }
  const now = new Date();
  await db
    .insertInto('notification_preferences')
    .values({ user_id: userId, type, email_enabled: emailEnabled, updated_at: now })
    .onConflict((oc) =>
      oc.columns(['user_id', 'type']).doUpdateSet({ email_enabled: emailEnabled, updated_at: now }),
    )
    .execute();
}

/** The notification, locked until the transaction ends (the digest job decides once). */
export function lockNotification(db: Transaction<DB>, id: string): Promise<NotificationRow | undefined> {
  return db.selectFrom('notifications').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function markEmailed(db: Db, id: string, at: Date): Promise<void> {
  await db.updateTable('notifications').set({ emailed_at: at }).where('id', '=', id).execute();
}

/** Of `userIds`, the members of `roomId` who have not muted it now. */
export async function unmutedMembers(db: Db, roomId: string, userIds: readonly string[]): Promise<string[]> {
  if (userIds.length === 0) return [];
  const rows = await db
    .selectFrom('room_members')
    .select('user_id')
    .where('room_id', '=', roomId)
    .where('user_id', 'in', userIds)
    .where((eb) => eb.or([eb('muted_until', 'is', null), eb('muted_until', '<=', sql<Date>`now()`)]))
    .execute();
  return rows.map((r) => r.user_id);
}

/** Marks the recipient's unread MESSAGE notification of a room read; returns the ids it changed. */
export async function markRoomMessageRead(
  db: Db,
  recipientId: string,
  roomId: string,
  at: Date,
): Promise<string[]> {
  const rows = await db
    .updateTable('notifications')
    .set({ read_at: at })
    .where('recipient_id', '=', recipientId)
    .where('type', '=', 'MESSAGE')
    .where('read_at', 'is', null)
    .where(sql`data->>'roomId'`, '=', roomId)
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

/** The recipient's notifications created or changed after `since`, oldest change first (at most `limit`). */
export function changedSince(
  db: Db,
  recipientId: string,
  since: Date,
  limit: number,
): Promise<NotificationRow[]> {
  return db
    .selectFrom('notifications')
    .selectAll()
    .where('recipient_id', '=', recipientId)
    .where('updated_at', '>', since)
    .orderBy('updated_at', 'asc')
    .orderBy('id', 'asc')
    .limit(limit)
    .execute();
}

/** Ids of the recipient's notifications marked read after `since` (at most `limit`). */
export async function readSince(db: Db, recipientId: string, since: Date, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('notifications')
    .select('id')
    .where('recipient_id', '=', recipientId)
    .where('read_at', '>', since)
    .orderBy('read_at', 'asc')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

/** The MESSAGE notifications whose latest message is `messageId`, locked (index notifications_message_idx). */
export function pointingAtQuery(db: Db, messageId: string) {
  return (
    db
      .selectFrom('notifications')
      .select(['id', 'recipient_id', 'count', 'read_at'])
      // A literal, not a parameter: a generic plan can use the partial index only then.
      .where('type', '=', sql.lit('MESSAGE'))
      .where(sql<string>`data->>'messageId'`, '=', messageId)
      .orderBy('id')
      .forUpdate()
  );
}

export function pointingAt(
  db: Transaction<DB>,
  messageId: string,
): Promise<{ id: string; recipient_id: string; count: number; read_at: Date | null }[]> {
  return pointingAtQuery(db, messageId).execute();
}

/** A MESSAGE notification's new text; `readAt` also marks it read. */
export async function updateMessageText(
  db: Db,
  id: string,
  body: string,
  readAt: Date | null,
): Promise<void> {
  await db
    .updateTable('notifications')
    .set(readAt ? { body, read_at: readAt } : { body })
    .where('id', '=', id)
    .execute();
}

/** Whether `roomId` is a direct room (false when unknown). */
export async function isDirectRoom(db: Db, roomId: string | undefined): Promise<boolean> {
  if (!roomId) return false;
  const row = await db.selectFrom('rooms').select('kind').where('id', '=', roomId).executeTakeFirst();
  return row?.kind === 'DIRECT';
}
