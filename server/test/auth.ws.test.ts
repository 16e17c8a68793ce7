import { createSigner } from 'fast-jwt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './helpers/app.ts';
import { registerUser } from './helpers/users.ts';
import { connectWs, rawConnectionInit } from './helpers/ws.ts';

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
