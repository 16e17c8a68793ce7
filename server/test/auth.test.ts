import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, expectError, type TestApp } from './helpers/app.ts';
import { readOutbox, waitForMail } from './helpers/outbox.ts';
import { registerUser } from './helpers/users.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

const REGISTER = `mutation($input: RegisterInput!) {
  register(input: $input) { accessToken accessTokenExpiresAt refreshToken user { id username email displayName timeZone isMe } }
}`;
const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { accessToken refreshToken user { id username email } } }`;
const REFRESH = `mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken refreshToken user { id } } }`;
const ME = `{ me { id username email displayName bio timeZone showOnline shareReadReceipts } }`;

const input = (over: Record<string, string> = {}) => ({
  email: 'Grace.Hopper@Example.com',
  username: 'Grace_H',
  password: 'cobol-1959!',
  displayName: '  Grace   Hopper ',
  timeZone: 'America/New_York',
  ...over,
});

describe('register and login', () => {
  it('registers, normalises email and username, and signs in', async () => {
    const r = await t.ok(REGISTER, { input: input() });
    expect(r.register.user).toMatchObject({
      username: 'grace_h',
      email: 'grace.hopper@example.com',
      displayName: 'Grace Hopper',
      timeZone: 'America/New_York',
      isMe: true,
    });
    expect(new Date(r.register.accessTokenExpiresAt).getTime()).toBeGreaterThan(Date.now());
    const me = await t.ok(ME, {}, r.register.accessToken);
    expect(me.me).toMatchObject({
      id: r.register.user.id,
      email: 'grace.hopper@example.com',
      showOnline: true,
      bio: '',
    });
  });

  it('refuses a duplicate email or username regardless of case (CONFLICT)', async () => {
    const dupEmail = await t.gql(REGISTER, {
      input: input({ username: 'someone_else', email: 'GRACE.HOPPER@example.com' }),
    });
    expect(expectError(dupEmail, 'CONFLICT').extensions.field).toBe('email');
    const dupName = await t.gql(REGISTER, {
      input: input({ email: 'other@example.com', username: 'GRACE_H' }),
    });
    expect(expectError(dupName, 'CONFLICT').extensions.field).toBe('username');
  });

  it('reports a taken email and a taken username together, each in extensions.fieldErrors', async () => {
    const r = await t.gql(REGISTER, {
      input: input({ email: 'GRACE.hopper@example.com', username: 'Grace_h' }),
    });
    const err = expectError(r, 'CONFLICT');
    // The first problem is the error itself, as for clients that read only `extensions.field`.
    expect(err.message).toBe('An account with this email already exists');
    expect(err.extensions.field).toBe('email');
    expect(err.extensions.fieldErrors).toEqual([
      { field: 'email', message: 'An account with this email already exists', code: 'CONFLICT' },
      { field: 'username', message: 'This username is taken', code: 'CONFLICT' },
    ]);
    expect(r.errors).toHaveLength(1);
  });

  it('reports every invalid field and every taken one at once, invalid ones first (BAD_USER_INPUT)', async () => {
    const r = await t.gql(REGISTER, {
      input: input({
        email: 'grace.hopper@example.com',
        username: 'ab',
        password: 'short',
        timeZone: 'Mars/Base',
      }),
    });
    const err = expectError(r, 'BAD_USER_INPUT');
    expect(err.extensions.field).toBe('username');
    expect(err.extensions.fieldErrors).toEqual([
      { field: 'username', message: expect.stringContaining('Username must be'), code: 'BAD_USER_INPUT' },
      { field: 'password', message: 'Password must be at least 8 characters', code: 'BAD_USER_INPUT' },
      { field: 'timeZone', message: expect.stringContaining('Unknown time zone'), code: 'BAD_USER_INPUT' },
      { field: 'email', message: 'An account with this email already exists', code: 'CONFLICT' },
    ]);
  });

  it('lets the unique constraints decide between concurrent sign-ups, reporting both fields to the losers', async () => {
    const same = input({ email: 'race@example.com', username: 'race_winner' });
    const results = await Promise.all(Array.from({ length: 4 }, () => t.gql(REGISTER, { input: same })));
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    for (const r of results.filter((r) => r.errors)) {
      expect(expectError(r, 'CONFLICT').extensions.fieldErrors).toEqual([
        expect.objectContaining({ field: 'email', code: 'CONFLICT' }),
        expect.objectContaining({ field: 'username', code: 'CONFLICT' }),
      ]);
    }
  });

  it.each([
    ['a short password', { password: 'short' }, 'password'],
    ['an unknown time zone', { timeZone: 'Mars/Olympus' }, 'timeZone'],
    ['an offset instead of a zone', { timeZone: '+02:00' }, 'timeZone'],
    ['a username with bad characters', { username: 'no spaces!' }, 'username'],
    ['a too short username', { username: 'ab' }, 'username'],
    ['an invalid email', { email: 'not-an-email' }, 'email'],
    ['an empty display name', { displayName: '   ' }, 'displayName'],
  ])('refuses %s (BAD_USER_INPUT)', async (_name, over, field) => {
    const r = await t.gql(REGISTER, {
      input: input({ email: `x${Math.random()}@example.com`, username: `u${Date.now() % 1e6}`, ...over }),
    });
    expect(expectError(r, 'BAD_USER_INPUT').extensions.field).toBe(field);
  });

  it('logs in by email or username, case-insensitively', async () => {
    const byEmail = await t.ok(LOGIN, {
      input: { login: 'GRACE.hopper@example.com', password: 'cobol-1959!' },
    });
    const byName = await t.ok(LOGIN, { input: { login: 'Grace_H', password: 'cobol-1959!' } });
    expect(byEmail.login.user.id).toBe(byName.login.user.id);
    expect(byEmail.login.user.email).toBe('grace.hopper@example.com');
  });

  it('answers a wrong password and an unknown user identically (UNAUTHENTICATED)', async () => {
    const wrong = expectError(
      await t.gql(LOGIN, { input: { login: 'grace_h', password: 'wrong-password' } }),
      'UNAUTHENTICATED',
    );
    const unknown = expectError(
      await t.gql(LOGIN, { input: { login: 'nobody_here', password: 'wrong-password' } }),
      'UNAUTHENTICATED',
    );
    expect(wrong.message).toBe(unknown.message);
  });
});

describe('sessions', () => {
  it('rotates refresh tokens: the old one stops working', async () => {
    const u = await registerUser(t);
    const r1 = await t.ok(REFRESH, { t: u.refreshToken });
    expect(r1.refreshSession.refreshToken).not.toBe(u.refreshToken);
    expect(r1.refreshSession.user.id).toBe(u.id);
    const r2 = await t.ok(REFRESH, { t: r1.refreshSession.refreshToken });
    expect((await t.ok(ME, {}, r2.refreshSession.accessToken)).me.id).toBe(u.id);
  });

  it('revokes the whole family when a rotated token is reused', async () => {
    const u = await registerUser(t);
    const r1 = await t.ok(REFRESH, { t: u.refreshToken });
    // The attacker (or a confused client) presents the already-rotated token.
    expectError(await t.gql(REFRESH, { t: u.refreshToken }), 'UNAUTHENTICATED');
    // The legitimate holder's newer token and access token are dead too.
    expectError(await t.gql(REFRESH, { t: r1.refreshSession.refreshToken }), 'UNAUTHENTICATED');
    expectError(await t.gql(ME, {}, r1.refreshSession.accessToken), 'UNAUTHENTICATED');
    // Other sessions of the same user are untouched.
    const other = await t.ok(LOGIN, { input: { login: u.username, password: u.password } });
    expect((await t.ok(ME, {}, other.login.accessToken)).me.id).toBe(u.id);
  });

  it('lets only one of two concurrent refreshes with the same token win', async () => {
    const u = await registerUser(t);
    const results = await Promise.all([
      t.gql(REFRESH, { t: u.refreshToken }),
      t.gql(REFRESH, { t: u.refreshToken }),
    ]);
    const wins = results.filter((r) => !r.errors);
    expect(wins.length).toBeLessThanOrEqual(1);
    expect(
      results.filter((r) => r.errors?.[0]?.extensions.code === 'UNAUTHENTICATED').length,
    ).toBeGreaterThanOrEqual(1);
  });

  it('rejects an unknown refresh token', async () => {
    expectError(await t.gql(REFRESH, { t: 'not-a-real-token' }), 'UNAUTHENTICATED');
  });

  it('logout revokes the session: refresh and access tokens stop working', async () => {
    const u = await registerUser(t);
    expect(
      (await t.ok(`mutation($t: String!) { logout(refreshToken: $t) }`, { t: u.refreshToken })).logout,
    ).toBe(true);
    expectError(await t.gql(REFRESH, { t: u.refreshToken }), 'UNAUTHENTICATED');
    expectError(await t.gql(ME, {}, u.accessToken), 'UNAUTHENTICATED');
    // Idempotent.
    expect(
      (await t.ok(`mutation($t: String!) { logout(refreshToken: $t) }`, { t: u.refreshToken })).logout,
    ).toBe(true);
  });

  it('logoutEverywhere revokes every session of the user', async () => {
    const u = await registerUser(t);
    const second = await t.ok(LOGIN, { input: { login: u.email, password: u.password } });
    const sessions = await t.ok(`{ mySessions { id current } }`, {}, u.accessToken);
    expect(sessions.mySessions).toHaveLength(2);
    expect(sessions.mySessions.filter((s: { current: boolean }) => s.current)).toHaveLength(1);
    await t.ok(`mutation { logoutEverywhere }`, {}, u.accessToken);
    expectError(await t.gql(ME, {}, u.accessToken), 'UNAUTHENTICATED');
    expectError(await t.gql(ME, {}, second.login.accessToken), 'UNAUTHENTICATED');
    expectError(await t.gql(REFRESH, { t: second.login.refreshToken }), 'UNAUTHENTICATED');
  });

  it('revokeSession ends one session; another user cannot revoke it (NOT_FOUND)', async () => {
    const u = await registerUser(t);
    const v = await registerUser(t);
    const second = await t.ok(LOGIN, { input: { login: u.email, password: u.password } });
    const { mySessions } = await t.ok(`{ mySessions { id current } }`, {}, second.login.accessToken);
    const target = mySessions.find((s: { current: boolean }) => s.current).id;
    expectError(
      await t.gql(`mutation($id: ID!) { revokeSession(sessionId: $id) }`, { id: target }, v.accessToken),
      'NOT_FOUND',
    );
    expectError(
      await t.gql(`mutation($id: ID!) { revokeSession(sessionId: $id) }`, { id: 'garbage' }, v.accessToken),
      'NOT_FOUND',
    );
    await t.ok(`mutation($id: ID!) { revokeSession(sessionId: $id) }`, { id: target }, u.accessToken);
    expectError(await t.gql(ME, {}, second.login.accessToken), 'UNAUTHENTICATED');
    expect((await t.ok(ME, {}, u.accessToken)).me.id).toBe(u.id);
  });
});

describe('access tokens', () => {
  it('requires a token for me (UNAUTHENTICATED)', async () => {
    expectError(await t.gql(ME), 'UNAUTHENTICATED');
  });

  it('refuses tampered, wrong-secret, expired and alg=none tokens', async () => {
    const u = await registerUser(t);
    const [h, p, s] = u.accessToken.split('.');
    const claims = JSON.parse(Buffer.from(p!, 'base64url').toString());
    const forged = Buffer.from(
      JSON.stringify({ ...claims, sub: '00000000-0000-7000-8000-000000000000' }),
    ).toString('base64url');
    const none = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${p}.`;
    const { createSigner } = await import('fast-jwt');
    const wrongSecret = createSigner({
      key: 'another-secret-that-is-long-enough-to-sign',
      algorithm: 'HS256',
    })(claims);
    const expired = createSigner({ key: t.config.jwtSecret, algorithm: 'HS256' })({
      sub: claims.sub,
      sid: claims.sid,
      iat: Math.floor(Date.now() / 1000) - 3600,
      exp: Math.floor(Date.now() / 1000) - 60,
    });
    for (const bad of [`${h}.${forged}.${s}`, none, wrongSecret, 'garbage']) {
      expect(expectError(await t.gql(ME, {}, bad), 'UNAUTHENTICATED').message).toBe('Invalid access token');
    }
    expect(expectError(await t.gql(ME, {}, expired), 'UNAUTHENTICATED').message).toBe('Access token expired');
  });

  it('still lets a request with a bad token call public mutations', async () => {
    const u = await registerUser(t);
    const r = await t.ok(LOGIN, { input: { login: u.username, password: u.password } }, 'expired-or-garbage');
    expect(r.login.user.id).toBe(u.id);
  });
});

describe('profile and password', () => {
  it('updates the profile and validates it', async () => {
    const u = await registerUser(t);
    const r = await t.ok(
      `mutation($i: UpdateProfileInput!) { updateProfile(input: $i) { displayName timeZone bio showOnline shareReadReceipts } }`,
      {
        i: {
          displayName: 'New Name',
          timeZone: 'Asia/Tokyo',
          bio: 'hello',
          showOnline: false,
          shareReadReceipts: false,
        },
      },
      u.accessToken,
    );
    expect(r.updateProfile).toEqual({
      displayName: 'New Name',
      timeZone: 'Asia/Tokyo',
      bio: 'hello',
      showOnline: false,
      shareReadReceipts: false,
    });
    // Zone names are case-insensitive: stored as the zone is spelled; an alias kept as given.
    const zoneOf = async (timeZone: string) =>
      (
        await t.ok(
          `mutation($i: UpdateProfileInput!) { updateProfile(input: $i) { timeZone } }`,
          { i: { timeZone } },
          u.accessToken,
        )
      ).updateProfile.timeZone;
    expect(await zoneOf('Asia/Kolkata')).toBe('Asia/Kolkata');
    expect(await zoneOf('america/new_york')).toBe('America/New_York');
    expect(await zoneOf('utc')).toBe('UTC');
    expect(await zoneOf(' asia/tokyo ')).toBe('Asia/Tokyo');
    const bad = await t.gql(
      `mutation { updateProfile(input: { timeZone: "Nowhere/City" }) { id } }`,
      {},
      u.accessToken,
    );
    expectError(bad, 'BAD_USER_INPUT');
    const long = await t.gql(
      `mutation($b: String!) { updateProfile(input: { bio: $b }) { id } }`,
      { b: 'x'.repeat(501) },
      u.accessToken,
    );
    expectError(long, 'BAD_USER_INPUT');
    expect((await t.ok(ME, {}, u.accessToken)).me.timeZone).toBe('Asia/Tokyo');
  });

  it('changePassword checks the current password and signs out other sessions', async () => {
    const u = await registerUser(t);
    const other = await t.ok(LOGIN, { input: { login: u.username, password: u.password } });
    const CHANGE = `mutation($c: String!, $n: String!) { changePassword(current: $c, next: $n) }`;
    expectError(
      await t.gql(CHANGE, { c: 'wrong-password', n: 'a-new-password' }, u.accessToken),
      'BAD_USER_INPUT',
    );
    expectError(await t.gql(CHANGE, { c: u.password, n: 'short' }, u.accessToken), 'BAD_USER_INPUT');
    // The same password again changes nothing, and signs no one out.
    const same = expectError(
      await t.gql(CHANGE, { c: u.password, n: u.password }, u.accessToken),
      'BAD_USER_INPUT',
    );
    expect(same.extensions.field).toBe('next');
    expect((await t.ok(ME, {}, other.login.accessToken)).me.id).toBe(u.id);
    await t.ok(CHANGE, { c: u.password, n: 'a-new-password' }, u.accessToken);
    expect((await t.ok(ME, {}, u.accessToken)).me.id).toBe(u.id); // this session stays
    expectError(await t.gql(ME, {}, other.login.accessToken), 'UNAUTHENTICATED');
    expectError(
      await t.gql(LOGIN, { input: { login: u.username, password: u.password } }),
      'UNAUTHENTICATED',
    );
    await t.ok(LOGIN, { input: { login: u.username, password: 'a-new-password' } });
  });
});

describe('password reset', () => {
  const REQUEST = `mutation($e: String!) { requestPasswordReset(email: $e) }`;
  const RESET = `mutation($t: String!, $p: String!) { resetPassword(token: $t, newPassword: $p) }`;

  it('answers true for unknown addresses without sending anything', async () => {
    expect((await t.ok(REQUEST, { e: 'nobody@example.com' })).requestPasswordReset).toBe(true);
    expect((await t.ok(REQUEST, { e: 'not an email' })).requestPasswordReset).toBe(true);
  });

  it('emails a single-use token that resets the password and ends every session', async () => {
    const u = await registerUser(t, { timeZone: 'Asia/Kolkata' });
    expect((await t.ok(REQUEST, { e: u.email.toUpperCase() })).requestPasswordReset).toBe(true);
    const mail = await waitForMail(t, (m) => m.to.includes(u.email));
    expect(mail.subject).toBe('Reset your Parley password');
    expect(mail.raw).toMatch(/IST/); // expiry shown in the recipient's zone
    const token = /reset code is: ([A-Za-z0-9_-]+)/.exec(mail.raw)?.[1];
    expect(token).toBeTruthy();

    expectError(await t.gql(RESET, { t: token, p: 'short' }), 'BAD_USER_INPUT');
    expect((await t.ok(RESET, { t: token, p: 'brand-new-password' })).resetPassword).toBe(true);
    expectError(await t.gql(ME, {}, u.accessToken), 'UNAUTHENTICATED');
    expectError(await t.gql(REFRESH, { t: u.refreshToken }), 'UNAUTHENTICATED');
    await t.ok(LOGIN, { input: { login: u.username, password: 'brand-new-password' } });
    // Single use.
    expectError(await t.gql(RESET, { t: token, p: 'another-password' }), 'BAD_USER_INPUT');
  });

  it('ends every open reset link once the password is reset or changed', async () => {
    const CHANGE = `mutation($c: String!, $n: String!) { changePassword(current: $c, next: $n) }`;
    const tokensOf = async (email: string, count: number) => {
      const deadline = Date.now() + 10_000;
      for (;;) {
        const mails = (await readOutbox(t)).filter((m) => m.to.includes(email));
        if (mails.length >= count)
          return mails.map((m) => /reset code is: ([A-Za-z0-9_-]+)/.exec(m.raw)![1]!);
        if (Date.now() > deadline) throw new Error(`fewer than ${count} reset emails`);
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    // Two emails; one is used: the other no longer works.
    const u = await registerUser(t);
    await t.ok(REQUEST, { e: u.email });
    await tokensOf(u.email, 1);
    await t.ok(REQUEST, { e: u.email });
    const [first, second] = await tokensOf(u.email, 2);
    expect(first).not.toBe(second);
    expect((await t.ok(RESET, { t: second, p: 'newer-password' })).resetPassword).toBe(true);
    expectError(await t.gql(RESET, { t: first, p: 'older-password' }), 'BAD_USER_INPUT');
    await t.ok(LOGIN, { input: { login: u.username, password: 'newer-password' } });

    // A link asked for before the owner changed the password in settings no longer works.
    const v = await registerUser(t);
    await t.ok(REQUEST, { e: v.email });
    const [link] = await tokensOf(v.email, 1);
    await t.ok(CHANGE, { c: v.password, n: 'changed-in-settings' }, v.accessToken);
    expectError(await t.gql(RESET, { t: link, p: 'taken-back' }), 'BAD_USER_INPUT');
    await t.ok(LOGIN, { input: { login: v.username, password: 'changed-in-settings' } });
  });

  it('refuses an expired token', async () => {
    const u = await registerUser(t);
    await t.ok(REQUEST, { e: u.email });
    const mail = await waitForMail(t, (m) => m.to.includes(u.email));
    const token = /reset code is: ([A-Za-z0-9_-]+)/.exec(mail.raw)![1]!;
    await t.app.db
      .updateTable('password_reset_tokens')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .execute();
    expectError(await t.gql(RESET, { t: token, p: 'brand-new-password' }), 'BAD_USER_INPUT');
    expectError(await t.gql(RESET, { t: 'made-up', p: 'brand-new-password' }), 'BAD_USER_INPUT');
  });
});
