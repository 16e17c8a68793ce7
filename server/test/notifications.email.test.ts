import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unsubscribeToken } from '../src/modules/notifications/notifications.emails.ts';
import { createTestApp, expectError, type TestApp } from './helpers/app.ts';
import { notifyNow, parseEml, queuedEmails } from './helpers/notifications.ts';
import { waitForMail } from './helpers/outbox.ts';
import { registerUser, type TestUser } from './helpers/users.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

const PREFS = `{ notificationPreferences { type email } }`;
const UPDATE_PREFS = `mutation($p: [NotificationPreferenceInput!]!) {
  updateNotificationPreferences(preferences: $p) { type email }
}`;

const emailPref = async (u: TestUser, type: string) => {
  const r = await t.ok(PREFS, {}, u.accessToken);
  return r.notificationPreferences.find((p: { type: string }) => p.type === type)?.email;
};

describe('email preferences', () => {
  it('has sensible defaults and stores changes', async () => {
    const u = await registerUser(t);
    const prefs = (await t.ok(PREFS, {}, u.accessToken)).notificationPreferences;
    expect(prefs).toHaveLength(15);
    expect(prefs.filter((p: { email: boolean }) => !p.email)).toEqual([
      { type: 'FRIEND_ACCEPTED', email: false },
    ]);
    const updated = await t.ok(
      UPDATE_PREFS,
      {
        p: [
          { type: 'FRIEND_ACCEPTED', email: true },
          { type: 'MEETING_REMINDER', email: false },
        ],
      },
      u.accessToken,
    );
    const byType = Object.fromEntries(
      updated.updateNotificationPreferences.map((p: { type: string; email: boolean }) => [p.type, p.email]),
    );
    expect(byType).toMatchObject({ FRIEND_ACCEPTED: true, MEETING_REMINDER: false, FRIEND_REQUEST: true });
    expect(await emailPref(u, 'MEETING_REMINDER')).toBe(false);
  });

  it('refuses a type listed twice (contradicting or not) and changes nothing', async () => {
    const u = await registerUser(t);
    for (const p of [
      [
        { type: 'MEETING_REMINDER', email: false },
        { type: 'FRIEND_REQUEST', email: false },
        { type: 'MEETING_REMINDER', email: true },
      ],
      [
        { type: 'FRIEND_ACCEPTED', email: true },
        { type: 'FRIEND_ACCEPTED', email: true },
      ],
    ]) {
      const err = expectError(await t.gql(UPDATE_PREFS, { p }, u.accessToken), 'BAD_USER_INPUT');
      expect(err.message).toBe(`${p[0]?.type} is listed more than once; give each type at most once`);
      expect(err.extensions.field).toBe('preferences');
    }
    expect(await emailPref(u, 'MEETING_REMINDER')).toBe(true);
    expect(await emailPref(u, 'FRIEND_REQUEST')).toBe(true);
    expect(await emailPref(u, 'FRIEND_ACCEPTED')).toBe(false);
    expect(t.errorLogs).toEqual([]);
  });

  it('emails types that are on, not those that are off, and the unsubscribe link turns one off', async () => {
    const u = await registerUser(t, { displayName: 'Erin' });
    const send = (type: 'FRIEND_REQUEST' | 'FRIEND_ACCEPTED' | 'MEETING_REMINDER', title: string) =>
      notifyNow(t, { recipientId: u.id, type, title, body: `${title} body` });

    await send('FRIEND_ACCEPTED', 'Accepted (off by default)');
    await send('FRIEND_REQUEST', 'Request (on by default)');
    const mail = await waitForMail(t, (m) => m.to.includes(u.email));
    expect(mail.subject).toBe('Request (on by default)');
    expect((await queuedEmails(t, u.email)).map((e) => e.subject)).toEqual(['Request (on by default)']);

    const eml = parseEml(mail.raw);
    expect(eml.text).toContain('Hi Erin,');
    expect(eml.text).toContain('Request (on by default) body');
    expect(eml.text).toContain(`Open in Parley: ${t.config.publicUrl}/contacts`);
    expect(eml.header('List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    const link = /^<(.+)>$/.exec(eml.header('List-Unsubscribe'))?.[1] ?? '';
    expect(link.startsWith(`${t.config.publicUrl}/unsubscribe?token=`)).toBe(true);
    expect(eml.text).toContain(link);
    const url = link.slice(t.config.publicUrl.length);

    // Opening the link asks first (scanners fetch links); nothing changes yet.
    const page = await t.app.inject({ method: 'GET', url });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<form method="post"');
    expect(await emailPref(u, 'FRIEND_REQUEST')).toBe(true);

    // The button, or a mail client's RFC 8058 one-click POST.
    const done = await t.app.inject({
      method: 'POST',
      url,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(done.statusCode).toBe(200);
    expect(done.body).toContain('no longer get emails about friend requests');
    expect(await emailPref(u, 'FRIEND_REQUEST')).toBe(false);

    await send('FRIEND_REQUEST', 'Request after unsubscribing');
    expect((await queuedEmails(t, u.email)).map((e) => e.subject)).toEqual(['Request (on by default)']);
    // Other types are unaffected.
    await send('MEETING_REMINDER', 'Reminder');
    await waitForMail(t, (m) => m.to.includes(u.email) && m.subject === 'Reminder');
  });

  it('refuses a tampered, forged or missing token with 400 and changes nothing', async () => {
    const u = await registerUser(t);
    const good = unsubscribeToken(t.config, u.id, 'MEETING_REMINDER');
    const [payload, signature] = good.split('.') as [string, string];
    const otherType = Buffer.from(JSON.stringify({ u: u.id, t: 'FRIEND_REQUEST' })).toString('base64url');
    const forged = unsubscribeToken({ jwtSecret: 'x'.repeat(40) }, u.id, 'MEETING_REMINDER');
    const flipped = `${signature.slice(0, -2)}${signature.endsWith('AA') ? 'BB' : 'AA'}`;
    for (const token of [`${otherType}.${signature}`, `${payload}.${flipped}`, forged, 'junk', '']) {
      for (const method of ['GET', 'POST'] as const) {
        const res = await t.app.inject({ method, url: `/unsubscribe?token=${encodeURIComponent(token)}` });
        expect(res.statusCode, `${method} ${token}`).toBe(400);
      }
    }
    expect(await emailPref(u, 'MEETING_REMINDER')).toBe(true);
    expect(await emailPref(u, 'FRIEND_REQUEST')).toBe(true);
    const ok = await t.app.inject({ method: 'POST', url: `/unsubscribe?token=${encodeURIComponent(good)}` });
    expect(ok.statusCode).toBe(200);
    expect(await emailPref(u, 'MEETING_REMINDER')).toBe(false);
  });
});
