import { createSigner } from 'fast-jwt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RevocationWatcher, SessionCache } from '../src/modules/auth/auth.sessions.ts';
import { REVOKED_CLOSE, trackSessionSockets } from '../src/modules/auth/auth.sockets.ts';
import { createTestApp, readUntil, type TestApp } from './helpers/app.ts';
import { openDm, ROOM_EVENTS, send } from './helpers/chat.ts';
import { registerUser, type TestUser } from './helpers/users.ts';
import { connectWs, rawConnectionInit, type WsConnection } from './helpers/ws.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

describe('WebSocket authentication (graphql-transport-ws connection_init)', () => {
  it('acknowledges a valid token', async () => {
    const u = await registerUser(t);
    const r = await rawConnectionInit(t.wsUrl, { authorization: `Bearer ${u.accessToken}` });
    expect(r.message?.type).toBe('connection_ack');
  });

  it('closes with 4401 without a token, never a connection_error message', async () => {
    const r = await rawConnectionInit(t.wsUrl, {});
    expect(r.message).toBeUndefined();
    expect(r.close).toEqual({ code: 4401, reason: 'Authentication required' });
  });

  it('closes with 4401 for a malformed or forged token', async () => {
    const forged = createSigner({ key: 'x'.repeat(40), algorithm: 'HS256' })({ sub: 'a', sid: 'b' });
    for (const token of ['garbage', forged]) {
      const r = await rawConnectionInit(t.wsUrl, { authorization: `Bearer ${token}` });
      expect(r.close).toEqual({ code: 4401, reason: 'Invalid access token' });
    }
  });

  it('closes with 4401 "Access token expired" for an expired token', async () => {
    const u = await registerUser(t);
    const claims = JSON.parse(Buffer.from(u.accessToken.split('.')[1]!, 'base64url').toString());
    const now = Math.floor(Date.now() / 1000);
    const expired = createSigner({ key: t.config.jwtSecret, algorithm: 'HS256' })({
      sub: claims.sub,
      sid: claims.sid,
      iat: now - 3600,
      exp: now - 5,
    });
    const r = await rawConnectionInit(t.wsUrl, { authorization: `Bearer ${expired}` });
    expect(r.close).toEqual({ code: 4401, reason: 'Access token expired' });
  });

  it('closes with 4403 for a revoked session', async () => {
    const u = await registerUser(t);
    await t.ok(`mutation($t: String!) { logout(refreshToken: $t) }`, { t: u.refreshToken });
    const r = await rawConnectionInit(t.wsUrl, { authorization: `Bearer ${u.accessToken}` });
    expect(r.close).toEqual({ code: 4403, reason: 'Session has been revoked' });
  });

  it('surfaces the close code to the graphql-ws client', async () => {
    await expect(connectWs(t.wsUrl, 'garbage')).rejects.toMatchObject({ code: 4401 });
    const u = await registerUser(t);
    const conn = await connectWs(t.wsUrl, u.accessToken);
    await conn.close();
  });

  it('accepts the token under headers.authorization too', async () => {
    const u = await registerUser(t);
    const r = await rawConnectionInit(t.wsUrl, { headers: { Authorization: `Bearer ${u.accessToken}` } });
    expect(r.message?.type).toBe('connection_ack');
  });
});

describe('shutdown', () => {
  it('closes open sockets with 1001 when the app closes', async () => {
    const own = await createTestApp();
    const u = await registerUser(own);
    const conn = await connectWs(own.wsUrl, u.accessToken);
    await own.close();
    expect((await conn.closed).code).toBe(1001);
  });
});

const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { accessToken refreshToken } }`;

/** Another session of `u`: its access token. */
async function signInAgain(u: TestUser): Promise<string> {
  const r = await t.ok(LOGIN, { input: { login: u.username, password: u.password } });
  return r.login.accessToken;
}

/** The session id of `token`. */
async function sessionOf(token: string): Promise<string> {
  const r = await t.ok('{ mySessions { id current } }', {}, token);
  return (r.mySessions as { id: string; current: boolean }[]).find((s) => s.current)?.id ?? '';
}

/** `conn` is open and live: a message sent now reaches its subscription. */
async function stillLive(conn: WsConnection, u: TestUser, peer: TestUser) {
  const room = await openDm(t, u, peer);
  const sub = conn.subscribe(ROOM_EVENTS, { r: room.id });
  // The subscription is set up once an event sent after it arrives; retry until one does.
  for (let i = 0; ; i++) {
    await send(t, peer, room.id, `ping ${i}`);
    const event = await sub.next(500).catch(() => undefined);
    if (event) return;
    if (i > 10) throw new Error('the socket no longer delivers');
  }
}

describe('open sockets of a session that ends (modules/auth/auth.sockets.ts)', () => {
  it("revokeSession and logout close that session's sockets with 4403, and only those", async () => {
    const u = await registerUser(t);
    const peer = await registerUser(t);
    const second = await signInAgain(u);
    const third = await signInAgain(u);
    const mine = await connectWs(t.wsUrl, u.accessToken);
    const lost = [await connectWs(t.wsUrl, second), await connectWs(t.wsUrl, second)];
    await t.ok(
      'mutation($s: ID!) { revokeSession(sessionId: $s) }',
      { s: await sessionOf(second) },
      u.accessToken,
    );
    for (const conn of lost) expect(await conn.closed).toEqual(REVOKED_CLOSE);

    const thirdConn = await connectWs(t.wsUrl, third);
    const refresh = (await t.ok(LOGIN, { input: { login: u.username, password: u.password } })).login;
    const fourth = await connectWs(t.wsUrl, refresh.accessToken);
    await t.ok('mutation($r: String!) { logout(refreshToken: $r) }', { r: refresh.refreshToken });
    expect(await fourth.closed).toEqual(REVOKED_CLOSE);

    await stillLive(mine, u, peer);
    await stillLive(thirdConn, u, peer);
    await mine.close();
    await thirdConn.close();
  });

  it("a password change keeps the changing session's sockets and closes the others'", async () => {
    const u = await registerUser(t);
    const peer = await registerUser(t);
    const other = await signInAgain(u);
    const mine = await connectWs(t.wsUrl, u.accessToken);
    const theirs = await connectWs(t.wsUrl, other);
    await t.ok(
      'mutation($c: String!, $n: String!) { changePassword(current: $c, next: $n) }',
      { c: u.password, n: 'a different long password' },
      u.accessToken,
    );
    expect(await theirs.closed).toEqual(REVOKED_CLOSE);
    await stillLive(mine, u, peer);
    await mine.close();
  });

  it('logoutEverywhere closes every socket of the user', async () => {
    const u = await registerUser(t);
    const conns = [await connectWs(t.wsUrl, u.accessToken), await connectWs(t.wsUrl, await signInAgain(u))];
    await t.ok('mutation { logoutEverywhere }', {}, u.accessToken);
    for (const conn of conns) expect(await conn.closed).toEqual(REVOKED_CLOSE);
  });

  it('reads the sessions again when revocations may have been missed, and on a race with one', async () => {
    // A session cache whose revocations the test drives; the sessions themselves are real rows.
    let watcher: RevocationWatcher | undefined;
    let epoch = 0;
    const sessions = {
      watch: (w: RevocationWatcher) => {
        watcher = w;
        return () => {};
      },
      get epoch() {
        return epoch;
      },
    } as unknown as SessionCache;
    const tracked = trackSessionSockets(sessions, t.app.db, t.app.log);
    const socket = () => {
      const s = {
        closedWith: undefined as unknown,
        close(code: number, reason: string) {
          s.closedWith = { code, reason };
        },
      };
      return s;
    };
    const [a, b, c] = await Promise.all([registerUser(t), registerUser(t), registerUser(t)]);
    const viewerOf = async (u: TestUser) => ({ userId: u.id, sessionId: await sessionOf(u.accessToken) });
    const [va, vb, vc] = await Promise.all([viewerOf(a), viewerOf(b), viewerOf(c)]);
    const [sa, sb, sc] = [socket(), socket(), socket()];
    tracked.add(va, sa, epoch);
    const releaseB = tracked.add(vb, sb, epoch);
    expect(tracked.sessions).toBe(2);

    // Revoked in PostgreSQL, the message lost: nothing closes until the sessions are read again.
    await t.app.db
      .updateTable('sessions')
      .set({ revoked_at: new Date() })
      .where('id', '=', va.sessionId)
      .execute();
    watcher?.lost();
    await readUntilClosed(sa);
    expect(sa.closedWith).toEqual(REVOKED_CLOSE);
    expect(sb.closedWith).toBeUndefined();
    expect(tracked.sessions).toBe(1);

    // A socket whose session was read before a revocation came in: that session is read again.
    const before = epoch;
    await t.app.db
      .updateTable('sessions')
      .set({ revoked_at: new Date() })
      .where('id', '=', vc.sessionId)
      .execute();
    epoch++;
    tracked.add(vc, sc, before);
    await readUntilClosed(sc);
    expect(sc.closedWith).toEqual(REVOKED_CLOSE);

    // A socket that closes on its own is let go of; one of two sockets of a session too.
    const sb2 = socket();
    const releaseB2 = tracked.add(vb, sb2, epoch);
    releaseB();
    expect(tracked.sessions).toBe(1);
    releaseB2();
    expect(tracked.sessions).toBe(0);
    tracked.close();
  });
});

/** Waits for `s` to be closed (at most readUntil's 3 s); the caller checks how. */
const readUntilClosed = (s: { closedWith: unknown }) =>
  readUntil(
    async () => s.closedWith,
    (closed) => closed !== undefined,
  );
