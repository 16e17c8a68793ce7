/**
 * JWT hardening beyond auth.test.ts / auth.ws.test.ts: the algorithm is pinned
 * to HS256 (alg=none and other HMACs with the right secret are refused), on
 * HTTP and on the WebSocket alike, and UNAUTHENTICATED says why
 * (`extensions.reason`), so clients know whether to refresh or sign in again.
 */
import { createHmac } from 'node:crypto';
import { createSigner } from 'fast-jwt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, expectError, type TestApp } from './helpers/app.ts';
import { registerUser, type TestUser } from './helpers/users.ts';
import { rawConnectionInit } from './helpers/ws.ts';

let t: TestApp;
let u: TestUser;
let claims: { sub: string; sid: string; iat: number; exp: number };
beforeAll(async () => {
  t = await createTestApp();
  u = await registerUser(t);
  claims = JSON.parse(Buffer.from(u.accessToken.split('.')[1]!, 'base64url').toString());
});
afterAll(() => t?.close());

const ME = '{ me { id } }';
const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
const now = () => Math.floor(Date.now() / 1000);

/** Signs header.payload by hand, so nothing but the header decides the algorithm. */
function handSigned(header: Record<string, unknown>, payload: unknown, secret: string, hash = 'sha256') {
  const input = `${b64(header)}.${b64(payload)}`;
  return `${input}.${createHmac(hash, secret).update(input).digest('base64url')}`;
}

/** Every forged or broken token, with the message and reason the server must give. */
function badTokens(): [string, string, string, string][] {
  const [h, p, s] = u.accessToken.split('.') as [string, string, string];
  const secret = t.config.jwtSecret;
  const other = 'another-secret-that-is-long-enough-to-sign';
  return [
    [
      'alg none, no signature',
      `${b64({ alg: 'none', typ: 'JWT' })}.${p}.`,
      'Invalid access token',
      'TOKEN_INVALID',
    ],
    [
      'alg none, original signature',
      `${b64({ alg: 'none', typ: 'JWT' })}.${p}.${s}`,
      'Invalid access token',
      'TOKEN_INVALID',
    ],
    ['alg NONE', `${b64({ alg: 'NONE', typ: 'JWT' })}.${p}.`, 'Invalid access token', 'TOKEN_INVALID'],
    [
      'tampered payload (other user)',
      `${h}.${b64({ ...claims, sub: '00000000-0000-7000-8000-000000000000' })}.${s}`,
      'Invalid access token',
      'TOKEN_INVALID',
    ],
    [
      'tampered payload (longer expiry)',
      `${h}.${b64({ ...claims, exp: claims.exp + 86_400 })}.${s}`,
      'Invalid access token',
      'TOKEN_INVALID',
    ],
    [
      'wrong secret',
      createSigner({ key: other, algorithm: 'HS256' })({ sub: claims.sub, sid: claims.sid }),
      'Invalid access token',
      'TOKEN_INVALID',
    ],
    [
      'HS512 with the right secret',
      handSigned({ alg: 'HS512', typ: 'JWT' }, claims, secret, 'sha512'),
      'Invalid access token',
      'TOKEN_INVALID',
    ],
    [
      'HS384 with the right secret',
      handSigned({ alg: 'HS384', typ: 'JWT' }, claims, secret, 'sha384'),
      'Invalid access token',
      'TOKEN_INVALID',
    ],
    [
      'valid signature, no session claim',
      handSigned({ alg: 'HS256', typ: 'JWT' }, { sub: claims.sub, exp: now() + 60 }, secret),
      'Invalid access token',
      'TOKEN_INVALID',
    ],
    [
      'valid signature, unknown session',
      handSigned(
        { alg: 'HS256', typ: 'JWT' },
        { sub: claims.sub, sid: '00000000-0000-7000-8000-000000000000', exp: now() + 60 },
        secret,
      ),
      'Invalid access token',
      'TOKEN_INVALID',
    ],
    [
      'expired',
      handSigned(
        { alg: 'HS256', typ: 'JWT' },
        { sub: claims.sub, sid: claims.sid, iat: now() - 3600, exp: now() - 5 },
        secret,
      ),
      'Access token expired',
      'TOKEN_EXPIRED',
    ],
    ['garbage', 'not.a.jwt', 'Invalid access token', 'TOKEN_INVALID'],
  ];
}

describe('HTTP', () => {
  it('signs HS256 and accepts its own tokens', async () => {
    const header = JSON.parse(Buffer.from(u.accessToken.split('.')[0]!, 'base64url').toString());
    expect(header.alg).toBe('HS256');
    expect((await t.ok(ME, {}, u.accessToken)).me.id).toBe(u.id);
    // A hand-signed HS256 token with valid claims works: the forgeries below fail for their flaw alone.
    const good = handSigned({ alg: 'HS256', typ: 'JWT' }, claims, t.config.jwtSecret);
    expect((await t.ok(ME, {}, good)).me.id).toBe(u.id);
  });

  it('refuses each forged, tampered, expired or foreign-algorithm token with UNAUTHENTICATED and a reason', async () => {
    for (const [name, token, message, reason] of badTokens()) {
      const err = expectError(await t.gql(ME, {}, token), 'UNAUTHENTICATED');
      expect({ name, message: err.message, reason: err.extensions.reason }).toEqual({
        name,
        message,
        reason,
      });
    }
  });

  it('says SESSION_REVOKED after logout', async () => {
    const v = await registerUser(t);
    await t.ok(`mutation($t: String!) { logout(refreshToken: $t) }`, { t: v.refreshToken });
    const err = expectError(await t.gql(ME, {}, v.accessToken), 'UNAUTHENTICATED');
    expect(err.extensions.reason).toBe('SESSION_REVOKED');
  });

  it('gives no reason when no token was sent', async () => {
    const err = expectError(await t.gql(ME), 'UNAUTHENTICATED');
    expect(err.extensions.reason).toBeUndefined();
  });
});

describe('WebSocket connection_init', () => {
  it('closes with 4401 for each forged, tampered, expired or foreign-algorithm token', async () => {
    for (const [name, token, message] of badTokens()) {
      const r = await rawConnectionInit(t.wsUrl, { authorization: `Bearer ${token}` });
      expect({ name, message: r.message, close: r.close }).toEqual({
        name,
        message: undefined,
        close: { code: 4401, reason: message },
      });
    }
  });
});
