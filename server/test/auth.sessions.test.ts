/**
 * The per-instance session cache (modules/auth/auth.sessions.ts) must not
 * outlive a revocation: a session revoked through one instance is refused by
 * another that had it cached, within the time Redis takes to deliver the
 * revocation (far below the cache's 60 s TTL), for every way a session ends.
 */
import { describe, expect, inject, it } from 'vitest';
import { SESSION_CACHE_TTL_MS } from '../src/modules/auth/auth.sessions.ts';
import { REVOKED_CLOSE } from '../src/modules/auth/auth.sockets.ts';
import { expectError, twoInstances } from './helpers/app.ts';
import { registerUser, type TestUser } from './helpers/users.ts';
import { connectWs } from './helpers/ws.ts';

const ME = '{ me { id } }';
const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { accessToken refreshToken } }`;
const SESSIONS = '{ mySessions { id current } }';

const instances = twoInstances();
const a = () => instances.a();
const b = () => instances.b();

/** A second session of `u` (signed in through instance a). */
async function signInAgain(u: TestUser) {
  const r = await a().ok(LOGIN, { input: { login: u.username, password: u.password } });
  return r.login as { accessToken: string; refreshToken: string };
}

/** Instance b has the session cached: it answered with it just now. */
async function warm(token: string) {
  expect((await b().ok(ME, {}, token)).me.id).toBeTruthy();
  expect((await b().ok(ME, {}, token)).me.id).toBeTruthy();
}

/** Instance b refuses the token within 2 s (the cache would keep it for 60 s without the revocation message). */
async function refusedByB(token: string) {
  expect(SESSION_CACHE_TTL_MS).toBeGreaterThan(10_000);
  const deadline = Date.now() + 2000;
  for (;;) {
    const r = await b().gql(ME, {}, token);
    if (r.errors?.[0]?.extensions.code === 'UNAUTHENTICATED') return;
    if (Date.now() > deadline) throw new Error('instance b still accepts a revoked session');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe.skipIf(!inject('redisUrl'))('session revocation reaches every instance', () => {
  it('revokeSession, logout and logoutEverywhere', async () => {
    const u = await registerUser(a());
    const second = await signInAgain(u);
    const third = await signInAgain(u);
    for (const token of [u.accessToken, second.accessToken, third.accessToken]) await warm(token);

    // revokeSession (the lost-device case): only that session ends.
    const sessions = (await a().ok(SESSIONS, {}, second.accessToken)).mySessions as {
      id: string;
      current: boolean;
    }[];
    const secondId = sessions.find((s) => s.current)?.id;
    await a().ok('mutation($s: ID!) { revokeSession(sessionId: $s) }', { s: secondId }, u.accessToken);
    await refusedByB(second.accessToken);
    expect((await b().ok(ME, {}, u.accessToken)).me.id).toBe(u.id);

    // logout with the refresh token.
    await a().ok(
      'mutation($t: String!) { logout(refreshToken: $t) }',
      { t: third.refreshToken },
      third.accessToken,
    );
    await refusedByB(third.accessToken);
    expect((await b().ok(ME, {}, u.accessToken)).me.id).toBe(u.id);

    // logoutEverywhere ends the rest.
    await a().ok('mutation { logoutEverywhere }', {}, u.accessToken);
    await refusedByB(u.accessToken);
  });

  it('a password change ends the other sessions', async () => {
    const u = await registerUser(a());
    const other = await signInAgain(u);
    await warm(u.accessToken);
    await warm(other.accessToken);
    await a().ok(
      'mutation($c: String!, $n: String!) { changePassword(current: $c, next: $n) }',
      { c: u.password, n: 'another long password' },
      u.accessToken,
    );
    await refusedByB(other.accessToken);
    expect((await b().ok(ME, {}, u.accessToken)).me.id).toBe(u.id); // the session that changed it stays
  });

  it('reusing a rotated refresh token revokes the family everywhere', async () => {
    const u = await registerUser(a());
    await warm(u.accessToken);
    const REFRESH = 'mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken refreshToken } }';
    const rotated = (await a().ok(REFRESH, { t: u.refreshToken })).refreshSession;
    await warm(rotated.accessToken);
    // The old refresh token again: theft suspected, the whole session is revoked.
    expectError(await a().gql(REFRESH, { t: u.refreshToken }), 'UNAUTHENTICATED');
    await refusedByB(rotated.accessToken);
  });

  it("closes the revoked session's open sockets on the other instance", async () => {
    const u = await registerUser(a());
    const other = await signInAgain(u);
    const mine = await connectWs(b().wsUrl, u.accessToken);
    const theirs = await connectWs(b().wsUrl, other.accessToken);
    await a().ok(
      'mutation($c: String!, $n: String!) { changePassword(current: $c, next: $n) }',
      { c: u.password, n: 'yet another long password' },
      u.accessToken,
    );
    expect(await theirs.closed).toEqual(REVOKED_CLOSE);
    await a().ok('mutation { logoutEverywhere }', {}, u.accessToken);
    expect(await mine.closed).toEqual(REVOKED_CLOSE);
  });
});
