import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTransaction } from '../src/db/tx.ts';
import { uuidv7 } from '../src/lib/ids.ts';
import { messageDigestJob } from '../src/modules/notifications/notifications.jobs.ts';
import type { NotificationModel } from '../src/modules/notifications/notifications.model.ts';
import * as repo from '../src/modules/notifications/notifications.repository.ts';
import { notifyMessage } from '../src/modules/notifications/notifications.service.ts';
import { createTestApp, type TestApp } from './helpers/app.ts';
import { DELETE, EDIT, openDm, send } from './helpers/chat.ts';
import { notifyMessageNow, queuedEmails, waitForDigestJob } from './helpers/notifications.ts';
import { registerUser, type TestUser } from './helpers/users.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ env: { MESSAGE_DIGEST_DELAY_SECONDS: '1' } });
});
afterAll(() => t?.close());

const LIST = `query($unreadOnly: Boolean) {
  notifications(unreadOnly: $unreadOnly) { edges { node { id type title body count roomId messageId fromUser { id } } } }
  unreadNotificationCount
}`;
const UPDATE_PREFS = `mutation($p: [NotificationPreferenceInput!]!) {
  updateNotificationPreferences(preferences: $p) { type email }
}`;

const message = (to: TestUser, from: TestUser, roomId: string, preview: string) =>
  notifyMessageNow(t, {
    recipientId: to.id,
    roomId,
    messageId: uuidv7(),
    fromUserId: from.id,
    roomTitle: 'Launch crew',
    preview,
  });

describe('message notifications', () => {
  it('collapses 50 messages in a room into one notification that says 50, even when concurrent', async () => {
    const away = await registerUser(t);
    const sender = await registerUser(t, { displayName: 'Sam Sender' });
    const roomId = uuidv7();
    const otherRoom = uuidv7();
    await Promise.all(Array.from({ length: 50 }, (_, i) => message(away, sender, roomId, `message ${i}`)));
    await message(away, sender, otherRoom, 'elsewhere');
    const last = await message(away, sender, roomId, 'the latest one');

    const list = await t.ok(LIST, {}, away.accessToken);
    expect(list.unreadNotificationCount).toBe(2);
    const nodes = list.notifications.edges.map((e: { node: unknown }) => e.node);
    // The room that got the newest message moved to the top.
    expect(nodes[0]).toEqual({
      id: last.id,
      type: 'MESSAGE',
      title: 'Launch crew',
      body: '51 new messages. Latest from Sam Sender: the latest one',
      count: 51,
      roomId,
      messageId: last.messageId,
      fromUser: { id: sender.id },
    });
    expect(nodes[1]).toMatchObject({ roomId: otherRoom, count: 1, body: 'Sam Sender: elsewhere' });

    // Once read, the next message starts a fresh notification.
    await t.ok(
      `mutation($id: ID!) { markNotificationRead(id: $id) { id } }`,
      { id: last.id },
      away.accessToken,
    );
    const fresh = await message(away, sender, roomId, 'after reading');
    expect(fresh.id).not.toBe(last.id);
    expect(fresh.count).toBe(1);
  });

  it('emails a digest only for a notification still unread after the delay', async () => {
    const away = await registerUser(t);
    const sender = await registerUser(t, { displayName: 'Dee' });
    const withMessages = (roomTitle: string, previews: string[], readAtOnce = false) =>
      inTransaction(t.app.deps, async (tx) => {
        const roomId = uuidv7();
        let n: NotificationModel | undefined;
        for (const preview of previews) {
          n = await notifyMessage(tx, t.app.deps, {
            recipientId: away.id,
            roomId,
            messageId: uuidv7(),
            fromUserId: sender.id,
            roomTitle,
            preview,
          });
        }
        // Read in the transaction that created it: the job runs later, re-reads, sends nothing.
        if (readAtOnce) await repo.markRead(tx.trx, away.id, [n!.id], new Date());
        return n!;
      });
    const unread = await withMessages('Launch crew', ['are you there?', 'hello?']);
    const read = await withMessages('Read in time', ['seen'], true);

    await waitForDigestJob(t, unread.id);
    await waitForDigestJob(t, read.id);
    // Emails are queued in the digest job's transaction: what is queued is exactly what is sent.
    const emails = await queuedEmails(t, away.email);
    expect(emails.map((e) => e.subject)).toEqual(['2 unread messages in Launch crew']);
    expect(emails[0]?.text).toContain('2 new messages. Latest from Dee: hello?');
    // The link opens the conversation, not Parley's front page.
    expect(emails[0]?.text).toContain(`Open in Parley: ${t.config.publicUrl}/rooms/${unread.roomId}\n`);
    expect(emails[0]?.headers?.['List-Unsubscribe']).toMatch(/^<.+\/unsubscribe\?token=.+>$/);

    // The digest job is idempotent: running it again sends nothing more.
    await messageDigestJob(t.app.deps).handler({ notificationId: unread.id }, undefined as never, t.app.log);
    expect(await queuedEmails(t, away.email)).toHaveLength(1);
  });

  it('an edited or deleted message is quoted as it is now: no copy of a deleted text, no digest about it', async () => {
    const alice = await registerUser(t, { displayName: 'Alice' });
    const carol = await registerUser(t, { displayName: 'Carol' });
    const dm = await openDm(t, alice, carol);
    const stored = async () =>
      t.app.deps.db.selectFrom('notifications').selectAll().where('recipient_id', '=', carol.id).execute();

    // One message, deleted a second later: nothing of it is left, and there is nothing to read.
    const secret = await send(t, alice, dm.id, 'the password is hunter2');
    const [first] = await stored();
    expect(first?.body).toBe('Alice: the password is hunter2');
    await t.ok(DELETE, { id: secret.id }, alice.accessToken);
    const listed = await t.ok(LIST, {}, carol.accessToken);
    expect(listed.unreadNotificationCount).toBe(0);
    expect(listed.notifications.edges[0].node.body).toBe('Alice: message deleted');
    expect(JSON.stringify(await stored())).not.toContain('hunter2');
    await waitForDigestJob(t, first!.id);
    expect(await queuedEmails(t, carol.email)).toEqual([]);

    // Two more (a new notification: the first was read): the latest edited, then deleted.
    await send(t, alice, dm.id, 'are you free?');
    const later = await send(t, alice, dm.id, 'meet at 5pm');
    await t.ok(EDIT, { id: later.id, body: 'meet at 6pm' }, alice.accessToken);
    let unread = await t.ok(LIST, { unreadOnly: true }, carol.accessToken);
    expect(unread.notifications.edges.map((e: { node: { body: string } }) => e.node.body)).toEqual([
      '2 new messages. Latest from Alice: meet at 6pm',
    ]);
    await t.ok(DELETE, { id: later.id }, alice.accessToken);
    unread = await t.ok(LIST, { unreadOnly: true }, carol.accessToken);
    expect(unread.unreadNotificationCount).toBe(1);
    const [node] = unread.notifications.edges.map((e: { node: { id: string; body: string } }) => e.node);
    expect(node.body).toBe('2 new messages. Latest from Alice: message deleted');
    expect(JSON.stringify(await stored())).not.toMatch(/meet at [56]pm/);
    // Its digest says what is left, and that it is from Alice (a direct room).
    await waitForDigestJob(t, node.id);
    const emails = await queuedEmails(t, carol.email);
    expect(emails.map((e) => e.subject)).toEqual(['2 unread messages from Alice']);
    expect(emails[0]?.text).toContain('2 new messages. Latest from Alice: message deleted');
    expect(emails[0]?.text).not.toMatch(/meet at/);
  });

  it('sends no digest when message emails are off', async () => {
    const quiet = await registerUser(t);
    const sender = await registerUser(t);
    await t.ok(UPDATE_PREFS, { p: [{ type: 'MESSAGE', email: false }] }, quiet.accessToken);
    const n = await message(quiet, sender, uuidv7(), 'psst');
    await waitForDigestJob(t, n.id);
    expect(await queuedEmails(t, quiet.email)).toEqual([]);
  });
});
