import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadConfig, RATE_LIMIT_DEFAULTS } from '../src/config.ts';
import { AppError, waitLabel } from '../src/graphql/errors.ts';
import { uuidv7 } from '../src/lib/ids.ts';
import {
  createMemoryCounter,
  createRateLimiter,
  hashedKeys,
  rateLimit,
  retryAfterHeader,
} from '../src/modules/ratelimit/ratelimit.ts';
import { createTestApp, expectError, type GqlResult, type TestApp } from './helpers/app.ts';

/** Small limits; every test uses its own IPs and accounts, so they do not share budgets. */
const LIMITS = {
  RATE_LIMIT_ENABLED: 'true',
  RATE_LIMIT_LOGIN_IP: '5/60',
  RATE_LIMIT_LOGIN_ACCOUNT: '3/60',
  RATE_LIMIT_REGISTER_IP: '2/3600',
  RATE_LIMIT_PASSWORD_RESET_IP: '3/3600',
  RATE_LIMIT_PASSWORD_RESET_EMAIL: '2/3600',
  RATE_LIMIT_SEND_MESSAGE: '5/60',
  RATE_LIMIT_FRIEND_REQUEST: '2/3600',
  RATE_LIMIT_UPLOAD: '2/60',
};

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ env: LIMITS });
});
afterAll(() => t?.close());

let ipCounter = 0;
const freshIp = () => {
  ipCounter += 1;
  return `198.51.${Math.floor(ipCounter / 250)}.${(ipCounter % 250) + 1}`;
};

/** A GraphQL request from `ip` (Fastify sees it as the socket's remote address). */
// biome-ignore lint/suspicious/noExplicitAny: like TestApp.gql, results are read loosely in tests
async function gqlFrom<T = any>(
  app: TestApp,
  ip: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<GqlResult<T>> {
  const res = await app.app.inject({
    method: 'POST',
    url: '/graphql',
    remoteAddress: ip,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    payload: { query, variables },
  });
  return { ...(res.json() as object), statusCode: res.statusCode } as GqlResult<T>;
}

const REGISTER = `mutation($input: RegisterInput!) { register(input: $input) { accessToken user { id } } }`;
const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { user { id } } }`;
const RESET = `mutation($e: String!) { requestPasswordReset(email: $e) }`;
const SEND = `mutation($input: SendMessageInput!) { sendMessage(input: $input) { id } }`;
const OPEN_DM = `mutation($id: ID!) { openDirectRoom(userId: $id) { id } }`;
const FRIEND = `mutation($id: ID!) { sendFriendRequest(userId: $id) { __typename } }`;

let userCounter = 0;
/** Registers from a fresh IP (the register limit is 2 per IP). */
async function newUser(app: TestApp = t) {
  userCounter += 1;
  const username = `rl${process.pid}_${userCounter}`;
  const r = await gqlFrom(app, freshIp(), REGISTER, {
    input: {
      email: `${username}@example.com`,
      username,
      password: 'correct horse battery',
      displayName: username,
      timeZone: 'UTC',
    },
  });
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  return { id: r.data.register.user.id as string, username, token: r.data.register.accessToken as string };
}

const expectLimited = (r: GqlResult<unknown>, windowSeconds: number) => {
  const err = expectError(r, 'RATE_LIMITED');
  const retry = err.extensions.retryAfterSeconds as number;
  expect(Number.isInteger(retry)).toBe(true);
  expect(retry).toBeGreaterThanOrEqual(1);
  expect(retry).toBeLessThanOrEqual(windowSeconds);
  expect(err.message).toBe(`Too many requests; try again in ${waitLabel(retry)}`);
  return err;
};

describe('the wait a RATE_LIMITED message names', () => {
  it('reads as a person would say it, rounded up', () => {
    expect([0.2, 1, 59, 60, 61, 3469, 7199, 7200, 86_400].map(waitLabel)).toEqual([
      '1 second',
      '1 second',
      '59 seconds',
      '1 minute',
      '2 minutes',
      '58 minutes',
      '120 minutes',
      '2 hours',
      '24 hours',
    ]);
  });
});

describe('config', () => {
  it('parses RATE_LIMIT_<BUCKET>=count/seconds, is off under NODE_ENV=test unless enabled', () => {
    expect(loadConfig({}).rateLimitEnabled).toBe(true);
    expect(loadConfig({ NODE_ENV: 'test' }).rateLimitEnabled).toBe(false);
    const c = loadConfig({ RATE_LIMIT_SEND_MESSAGE: '7/9' });
    expect(c.rateLimits.sendMessage).toEqual({ limit: 7, windowSeconds: 9 });
    expect(c.rateLimits.loginIp).toEqual(RATE_LIMIT_DEFAULTS.loginIp);
    expect(() => loadConfig({ RATE_LIMIT_LOGIN_IP: 'lots', RATE_LIMIT_UPLOAD: '0/60' })).toThrow(
      /RATE_LIMIT_LOGIN_IP[\s\S]*RATE_LIMIT_UPLOAD/,
    );
  });
});

describe('sign-in, sign-up and password reset', () => {
  it('limits login attempts per account, whether by email or username, from any IP', async () => {
    const u = await newUser();
    const attempt = (login: string, password = 'wrong password') =>
      gqlFrom(t, freshIp(), LOGIN, { input: { login, password } });
    expectError(await attempt(u.username), 'UNAUTHENTICATED');
    expectError(await attempt(`${u.username}@example.com`), 'UNAUTHENTICATED');
    expectError(await attempt(u.username.toUpperCase()), 'UNAUTHENTICATED');
    // The 4th attempt in the window is refused before the password is checked, even the right one.
    expectLimited(await attempt(u.username, 'correct horse battery'), 60);
    // Other accounts are unaffected.
    const other = await newUser();
    const ok = await attempt(other.username, 'correct horse battery');
    expect(ok.data.login.user.id).toBe(other.id);
  });

  it('limits login attempts per IP across accounts', async () => {
    const ip = freshIp();
    for (let i = 0; i < 5; i++) {
      const r = await gqlFrom(t, ip, LOGIN, { input: { login: `nobody_${i}_${uuidv7()}`, password: 'x' } });
      expectError(r, 'UNAUTHENTICATED');
    }
    expectLimited(await gqlFrom(t, ip, LOGIN, { input: { login: 'nobody', password: 'x' } }), 60);
    expectError(
      await gqlFrom(t, freshIp(), LOGIN, { input: { login: 'nobody', password: 'x' } }),
      'UNAUTHENTICATED',
    );
  });

  it('keys per-IP limits on X-Forwarded-For only when TRUST_PROXY trusts the sender', async () => {
    expect(loadConfig({}).trustProxy).toBe(true);
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.1, 10.0.0.0/8' }).trustProxy).toEqual([
      '10.0.0.1',
      '10.0.0.0/8',
    ]);
    const direct = await createTestApp({ env: { ...LIMITS, TRUST_PROXY: 'false' } });
    try {
      const ip = freshIp();
      const attempt = (spoofed: string) =>
        direct.app.inject({
          method: 'POST',
          url: '/graphql',
          remoteAddress: ip,
          headers: { 'content-type': 'application/json', 'x-forwarded-for': spoofed },
          payload: { query: LOGIN, variables: { input: { login: `nobody_${uuidv7()}`, password: 'x' } } },
        });
      // A new forged address per attempt does not buy new budget.
      for (let i = 0; i < 5; i++)
        expect((await attempt(freshIp())).json().errors[0].extensions.code).toBe('UNAUTHENTICATED');
      expect((await attempt(freshIp())).json().errors[0].extensions.code).toBe('RATE_LIMITED');
    } finally {
      await direct.close();
    }
  });

  it('limits sign-ups per IP (invalid attempts count too)', async () => {
    const ip = freshIp();
    const input = (n: string) => ({
      email: `not-an-email-${n}`,
      username: `x_${n}`,
      password: 'correct horse battery',
      displayName: 'X',
      timeZone: 'UTC',
    });
    expectError(await gqlFrom(t, ip, REGISTER, { input: input('a') }), 'BAD_USER_INPUT');
    expectError(await gqlFrom(t, ip, REGISTER, { input: input('b') }), 'BAD_USER_INPUT');
    expectLimited(await gqlFrom(t, ip, REGISTER, { input: input('c') }), 3600);
    expectError(await gqlFrom(t, freshIp(), REGISTER, { input: input('d') }), 'BAD_USER_INPUT');
  });

  it('limits password reset requests per email and per IP, without revealing accounts', async () => {
    const u = await newUser();
    const email = `${u.username}@example.com`;
    expect((await gqlFrom(t, freshIp(), RESET, { e: email })).data).toEqual({ requestPasswordReset: true });
    expect((await gqlFrom(t, freshIp(), RESET, { e: email.toUpperCase() })).data).toEqual({
      requestPasswordReset: true,
    });
    expectLimited(await gqlFrom(t, freshIp(), RESET, { e: email }), 3600);
    // An unknown address is limited the same way (no account enumeration through the limiter).
    const unknown = `nobody_${uuidv7()}@example.com`;
    await gqlFrom(t, freshIp(), RESET, { e: unknown });
    await gqlFrom(t, freshIp(), RESET, { e: unknown });
    expectLimited(await gqlFrom(t, freshIp(), RESET, { e: unknown }), 3600);

    const ip = freshIp();
    for (let i = 0; i < 3; i++) await gqlFrom(t, ip, RESET, { e: `n${i}_${uuidv7()}@example.com` });
    expectLimited(await gqlFrom(t, ip, RESET, { e: `z_${uuidv7()}@example.com` }), 3600);
  });
});

describe('sends', () => {
  it('limits sendMessage per sender; other senders keep sending', async () => {
    const [a, b] = await Promise.all([newUser(), newUser()]);
    const room = (await gqlFrom(t, freshIp(), OPEN_DM, { id: b.id }, a.token)).data.openDirectRoom.id;
    const send = (who: { token: string }) =>
      gqlFrom(t, freshIp(), SEND, { input: { roomId: room, body: 'hi', clientId: uuidv7() } }, who.token);
    for (let i = 0; i < 5; i++) expect((await send(a)).errors).toBeUndefined();
    expectLimited(await send(a), 60);
    expect((await send(b)).errors).toBeUndefined();
    // Nothing was written for the refused send.
    const count = await t.app.db
      .selectFrom('messages')
      .where('room_id', '=', room)
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(6);
  });

  it('limits friend requests per sender', async () => {
    const [me, x, y, z] = await Promise.all([newUser(), newUser(), newUser(), newUser()]);
    for (const other of [x, y]) {
      expect((await gqlFrom(t, freshIp(), FRIEND, { id: other.id }, me.token)).errors).toBeUndefined();
    }
    expectLimited(await gqlFrom(t, freshIp(), FRIEND, { id: z.id }, me.token), 3600);
    expect((await gqlFrom(t, freshIp(), FRIEND, { id: z.id }, x.token)).errors).toBeUndefined();
  });

  it('limits POST /uploads per user with 429 and Retry-After, before reading the body', async () => {
    const [u, other] = await Promise.all([newUser(), newUser()]);
    const upload = (token: string) =>
      t.app.inject({
        method: 'POST',
        url: '/uploads',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'text/plain' },
        payload: 'not multipart',
      });
    // Refused attempts count too (the budget is spent before the body is read).
    for (let i = 0; i < 2; i++) expect((await upload(u.token)).statusCode).toBe(400);
    const limited = await upload(u.token);
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('RATE_LIMITED');
    const retry = Number(limited.headers['retry-after']);
    expect(retry).toBeGreaterThanOrEqual(1);
    expect(retry).toBeLessThanOrEqual(60);
    expect((await upload(other.token)).statusCode).toBe(400);
  });

  it('offers the same check to REST routes (uploads), with a Retry-After value', async () => {
    const key = uuidv7();
    await rateLimit(t.app.deps, 'upload', key);
    await rateLimit(t.app.deps, 'upload', key);
    const err = await rateLimit(t.app.deps, 'upload', key).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('RATE_LIMITED');
    expect(Number(retryAfterHeader(err as AppError))).toBeGreaterThanOrEqual(1);
  });
});

describe('counters', () => {
  it('open a new window once the old one expires (memory)', async () => {
    const counter = createMemoryCounter();
    try {
      const rule = { limit: 2, windowSeconds: 1 };
      expect(counter.hit('k', rule).allowed).toBe(true);
      expect(counter.hit('k', rule).allowed).toBe(true);
      const third = counter.hit('k', rule);
      expect(third).toMatchObject({ allowed: false, count: 3, retryAfterSeconds: 1 });
      await sleep(1_300);
      expect(counter.hit('k', rule)).toMatchObject({ allowed: true, count: 1 });
    } finally {
      counter.close();
    }
  });

  it('degrade to in-memory counting when Redis is unreachable, instead of failing', async () => {
    const config = loadConfig(
      { NODE_ENV: 'test', RATE_LIMIT_UPLOAD: '1/60', RATE_LIMIT_SEND_MESSAGE: '4/60' },
      { redisUrl: 'redis://127.0.0.1:1', databaseUrl: 'postgres://x@127.0.0.1/db_down' },
    );
    const warnings: unknown[] = [];
    const log = { warn: (o: unknown) => warnings.push(o) } as never;
    const limiter = await createRateLimiter(config, log);
    try {
      expect(limiter.backend).toBe('memory');
      expect((await limiter.hit('upload', 'k')).allowed).toBe(true);
      expect((await limiter.hit('upload', 'k')).allowed).toBe(false);
      // Sends admitted early are counted in memory too: the limit still holds.
      const sends = [];
      for (let i = 0; i < 6; i++) sends.push(await limiter.hit('sendMessage', 'k'));
      expect(sends.map((h) => [h.count, h.allowed])).toEqual([
        [1, true],
        [2, true],
        [3, true],
        [4, true],
        [5, false],
        [6, false],
      ]);
      expect(warnings.length).toBeGreaterThan(0);
    } finally {
      await limiter.close();
    }
  });
});

describe.skipIf(!inject('redisUrl'))('with Redis', () => {
  it('shares counters between instances of one deployment, and expires them', async () => {
    const env = { ...LIMITS, RATE_LIMIT_LOGIN_ACCOUNT: '3/6' };
    const a = await createTestApp({ env });
    const b = await createTestApp({ env, database: a.database });
    try {
      expect(a.app.deps.rateLimiter.backend).toBe('redis');
      const u = await newUser(a);
      const attempt = (app: TestApp) =>
        gqlFrom(app, freshIp(), LOGIN, { input: { login: u.username, password: 'wrong password' } });
      expectError(await attempt(a), 'UNAUTHENTICATED');
      expectError(await attempt(b), 'UNAUTHENTICATED');
      expectError(await attempt(a), 'UNAUTHENTICATED');
      // The 4th attempt, on either instance, is over the shared budget of 3.
      expectLimited(await attempt(b), 6);
      expectLimited(await attempt(a), 6);
      // The window is 6 s (long enough for a loaded machine); after it the account may try again.
      await sleep(6_500);
      expectError(await attempt(b), 'UNAUTHENTICATED');
    } finally {
      await b.close();
      await a.close();
    }
  });

  it('counts the hits of one turn exactly, in one round trip, per key and bucket', async () => {
    const config = loadConfig(
      { NODE_ENV: 'test', RATE_LIMIT_UPLOAD: '3/60', RATE_LIMIT_FRIEND_REQUEST: '2/30' },
      { redisUrl: inject('redisUrl'), databaseUrl: `postgres://x@127.0.0.1/rl_turn_${process.pid}` },
    );
    const limiter = await createRateLimiter(config, { warn: () => {} } as never);
    // Watch what the limiter's connection sends to Redis. ioredis marks a connection as monitoring
    // only after MONITOR's reply, so other tests' commands arriving in the same read are taken for
    // replies nobody waits for ("Command queue state error", emitted as an error): ignored here,
    // they come before the hits this test counts. Any other error fails the test.
    const spy = new Redis(inject('redisUrl') as string, { monitor: true, lazyConnect: true });
    const spyErrors: string[] = [];
    spy.on('error', (err: Error) => {
      if (!err.message.startsWith('Command queue state error')) spyErrors.push(err.message);
    });
    const commands: string[] = [];
    spy.on('monitor', (_time: string, args: string[]) => {
      if (/^eval/i.test(args[0] ?? '') && args.some((a) => a.includes('rl_turn_')))
        commands.push(args[0] ?? '');
    });
    try {
      await limiter.hit('upload', uuidv7()); // Redis has the script from here on (no NOSCRIPT retry below)
      const monitoring = new Promise((resolve) => spy.once('monitoring', resolve));
      await spy.connect();
      await monitoring;
      await sleep(100);
      const [a, b] = [uuidv7(), uuidv7()];
      const hits = await Promise.all([
        ...Array.from({ length: 5 }, () => limiter.hit('upload', a)),
        limiter.hit('upload', b),
        limiter.hit('friendRequest', a),
        limiter.hit('friendRequest', a),
        limiter.hit('friendRequest', a),
        // Admitted before Redis answers (below half its limit), and counted in the same call.
        limiter.hit('sendMessage', a),
      ]);
      expect(hits.map((h) => [h.count, h.allowed])).toEqual([
        [1, true],
        [2, true],
        [3, true],
        [4, false],
        [5, false],
        [1, true],
        [1, true],
        [2, true],
        [3, false],
        [1, true],
      ]);
      expect(hits[0]?.retryAfterSeconds).toBe(60);
      expect(hits[8]?.retryAfterSeconds).toBe(30);
      await sleep(200);
      expect(commands).toHaveLength(1);
      expect(spyErrors).toEqual([]);
      // The next turn counts on from there.
      expect(await limiter.hit('upload', b)).toMatchObject({ count: 2, allowed: true });
    } finally {
      spy.disconnect();
      await limiter.close();
    }
  });

  /** A limiter on Redis for database `db` (its key namespace), and the Redis count of one of its keys. */
  async function redisLimiter(db: string, env: Record<string, string>) {
    const config = loadConfig(
      { NODE_ENV: 'test', ...env },
      { redisUrl: inject('redisUrl'), databaseUrl: `postgres://x@127.0.0.1/${db}` },
    );
    return createRateLimiter(config, { warn: () => {} } as never);
  }
  const counted = async (db: string, bucket: string) => {
    const redis = new Redis(inject('redisUrl') as string);
    try {
      const keys = await redis.keys(`parley:ratelimit:${db}:${bucket}:*`);
      expect(keys).toHaveLength(1);
      return Number(await redis.get(keys[0] as string));
    } finally {
      redis.disconnect();
    }
  };
  /** Which of `hits` have settled once the current turn's microtasks ran (no Redis answer can be in by then). */
  const settledThisTurn = async (hits: Promise<unknown>[]) => {
    const settled = hits.map(() => false);
    hits.forEach((h, i) => {
      void h.then(() => {
        settled[i] = true;
      });
    });
    for (let i = 0; i < 10; i++) await Promise.resolve();
    return settled;
  };

  it('admits sends below half the limit without waiting for Redis, counts every one, and refuses exactly', async () => {
    const db = `rl_early_${process.pid}`;
    const limiter = await redisLimiter(db, { RATE_LIMIT_SEND_MESSAGE: '10/60', RATE_LIMIT_UPLOAD: '10/60' });
    try {
      const key = uuidv7();
      const first = Array.from({ length: 7 }, () => limiter.hit('sendMessage', key));
      // Hits 1-5 (half of 10) go ahead in this turn; 6 and 7 wait for Redis' count.
      expect(await settledThisTurn(first)).toEqual([true, true, true, true, true, false, false]);
      // An exact bucket always waits.
      expect(await settledThisTurn([limiter.hit('upload', key)])).toEqual([false]);
      const hits = await Promise.all(first);
      expect(hits.map((h) => [h.count, h.allowed])).toEqual([
        [1, true],
        [2, true],
        [3, true],
        [4, true],
        [5, true],
        [6, true],
        [7, true],
      ]);
      // Every hit reached Redis, the early ones too.
      expect(await counted(db, 'sendMessage')).toBe(7);
      const rest = await Promise.all(Array.from({ length: 5 }, () => limiter.hit('sendMessage', key)));
      // One instance: the limit holds exactly.
      expect(rest.map((h) => [h.count, h.allowed])).toEqual([
        [8, true],
        [9, true],
        [10, true],
        [11, false],
        [12, false],
      ]);
      expect(rest[3]?.retryAfterSeconds).toBeGreaterThan(50);
      expect(await counted(db, 'sendMessage')).toBe(12);
    } finally {
      await limiter.close();
    }
  });

  it('lets another instance admit at most one early send over the limit per window, then refuses there too', async () => {
    const db = `rl_shared_${process.pid}`;
    const env = { RATE_LIMIT_SEND_MESSAGE: '4/60' };
    const [a, b] = await Promise.all([redisLimiter(db, env), redisLimiter(db, env)]);
    try {
      const key = uuidv7();
      const onA = [];
      for (let i = 0; i < 4; i++) onA.push(await a.hit('sendMessage', key));
      expect(onA.map((h) => h.allowed)).toEqual([true, true, true, true]);
      // B has never heard of the key: its first hit goes ahead (the documented bound)...
      expect((await b.hit('sendMessage', key)).allowed).toBe(true);
      await sleep(50); // ...and Redis' answer (5) reaches B's estimate right after.
      // From then on both know: each waits for Redis and is refused.
      expect(await b.hit('sendMessage', key)).toMatchObject({ count: 6, allowed: false });
      expect(await a.hit('sendMessage', key)).toMatchObject({ count: 7, allowed: false });
      expect(await counted(db, 'sendMessage')).toBe(7);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('keeps deployments (databases) sharing one Redis apart', async () => {
    const config = (db: string) =>
      loadConfig(
        { NODE_ENV: 'test', RATE_LIMIT_UPLOAD: '1/60' },
        { redisUrl: inject('redisUrl'), databaseUrl: `postgres://x@127.0.0.1/${db}` },
      );
    const log = { warn: () => {} } as never;
    const key = uuidv7();
    const one = await createRateLimiter(config(`rl_one_${process.pid}`), log);
    const two = await createRateLimiter(config(`rl_two_${process.pid}`), log);
    try {
      expect((await one.hit('upload', key)).allowed).toBe(true);
      expect((await one.hit('upload', key)).allowed).toBe(false);
      expect((await two.hit('upload', key)).allowed).toBe(true);
    } finally {
      await Promise.all([one.close(), two.close()]);
    }
  });
});

describe('counter keys', () => {
  it('hash the key under a per-deployment prefix and the bucket, made once and reused', () => {
    const keyOf = hashedKeys('parley:ratelimit:db:', 2);
    const a = keyOf('sendMessage', 'user-a');
    expect(a).toMatch(/^parley:ratelimit:db:sendMessage:[A-Za-z0-9_-]{32}$/);
    expect(a).not.toContain('user-a');
    expect(keyOf('sendMessage', 'user-a')).toBe(a);
    // Another bucket or key is another counter.
    expect(keyOf('upload', 'user-a')).toBe(a.replace(':sendMessage:', ':upload:'));
    expect(keyOf('sendMessage', 'user-b')).not.toBe(a);
    // Past `max` keys per bucket the table starts over; the keys stay the same.
    keyOf('sendMessage', 'user-c');
    expect(keyOf('sendMessage', 'user-a')).toBe(a);
  });
});
