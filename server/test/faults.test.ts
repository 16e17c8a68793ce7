/**
 * Faults (issue #9): Redis restarted mid-stream, PostgreSQL restarted, an
 * instance killed with SIGKILL, graceful shutdown under load. Each test uses
 * services of its own (a private redis-server, a private PostgreSQL, child
 * processes), so killing them never disturbs other test files.
 */
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import type { Message } from 'mqemitter';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres } from '../src/db/embedded.ts';
import { uuidv7 } from '../src/lib/ids.ts';
import { EMAIL_JOB } from '../src/modules/mail/mail.service.ts';
import { createTestApp, expectError, type TestApp } from './helpers/app.ts';
import { createGroup, send } from './helpers/chat.ts';
import { waitForMail } from './helpers/outbox.ts';
import { errorLines, freePort, startInstance, startPrivateRedis } from './helpers/processes.ts';
import { registerUser, type TestUser } from './helpers/users.ts';
import { connectWs, type LiveSubscription, type WsConnection } from './helpers/ws.ts';

const JWT_SECRET = `faults-${'x'.repeat(40)}`;
const hasRedis = Boolean(process.env.REDIS_URL);

const ROOM_EVENTS = `subscription($r: ID!, $after: Int) { roomEvents(roomId: $r, afterSeq: $after) {
  __typename ... on MessageCreated { seq message { body } }
} }`;
const SEND = `mutation($input: SendMessageInput!) { sendMessage(input: $input) { id seq } }`;

// biome-ignore lint/suspicious/noExplicitAny: event shapes are asserted by the tests
type Ev = any;

const sockets: WsConnection[] = [];
afterAll(async () => {
  await Promise.all(sockets.map((s) => s.close().catch(() => undefined)));
});
async function ws(url: string, user: TestUser) {
  const s = await connectWs(url, user.accessToken);
  sockets.push(s);
  return s;
}

/** Seqs of MessageCreated events received so far. */
const seqs = (sub: LiveSubscription<Ev>) =>
  sub.received
    .filter((e) => e.roomEvents.__typename === 'MessageCreated')
    .map((e) => e.roomEvents.seq as number);

/** Reads events until one with `seq` arrived (or fails after `timeoutMs`). */
async function until(sub: LiveSubscription<Ev>, seq: number, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  while (!seqs(sub).includes(seq)) await sub.next(Math.max(1, deadline - Date.now()));
}

/** The highest seq with every seq up to it present. */
function contiguous(received: number[], from: number): number {
  const have = new Set(received);
  let s = from;
  while (have.has(s + 1)) s += 1;
  return s;
}

/**
 * Closes an instance, and says what it still holds if that takes over 10 s. In
 * rare CI runs this test timed out with its checks passed and `a.close()`
 * never returning: a's publishing connection was still waiting to reconnect,
 * and its 'end' never came (fixed in plugins/pubsub.ts, tested below).
 */
async function closeTelling(t: TestApp, name: string): Promise<void> {
  const emitter = (t.app as unknown as { emitter: Record<string, { status?: string } | boolean> }).emitter;
  const started = Date.now();
  const watchdog = setInterval(() => {
    const resources: Record<string, number> = {};
    for (const r of process.getActiveResourcesInfo()) resources[r] = (resources[r] ?? 0) + 1;
    console.error(
      `instance ${name} still closing after ${Date.now() - started} ms:`,
      JSON.stringify({
        pub: (emitter.pubConn as { status?: string }).status,
        sub: (emitter.subConn as { status?: string }).status,
        closing: emitter.closing,
        sockets: t.app.websocketServer?.clients.size,
        resources,
      }),
    );
  }, 10_000);
  try {
    await t.close();
  } finally {
    clearInterval(watchdog);
  }
}

/**
 * Runs `fn` with two instances (one database) on a private Redis it may crash and restart;
 * then closes both (a telling what held it up, if anything) and stops that Redis.
 */
async function onPrivateRedis(
  fn: (t: { redis: Awaited<ReturnType<typeof startPrivateRedis>>; a: TestApp; b: TestApp }) => Promise<void>,
): Promise<void> {
  const redis = await startPrivateRedis();
  const a = await createTestApp({ config: { redisUrl: redis.url }, env: { JWT_SECRET } });
  const b = await createTestApp({
    config: { redisUrl: redis.url },
    env: { JWT_SECRET },
    database: a.database,
  });
  try {
    await fn({ redis, a, b });
  } finally {
    await b.close();
    await closeTelling(a, 'a');
    await redis.stop();
  }
}

describe.skipIf(!hasRedis)('Redis restarted mid-stream', () => {
  it('keeps sending, reconnects by itself, and a resume fills whatever the outage dropped', async () => {
    await onPrivateRedis(async ({ redis, a, b }) => {
      const [alice, bob] = await Promise.all([registerUser(a), registerUser(a)]);
      const room = await createGroup(a, alice, [bob]);
      const conn = await ws(a.wsUrl, bob);
      const sub: LiveSubscription<Ev> = conn.subscribe(ROOM_EVENTS, { r: room.id });
      // Bob on another device, on the instance the messages are sent through.
      const local: LiveSubscription<Ev> = (await ws(b.wsUrl, bob)).subscribe(ROOM_EVENTS, { r: room.id });
      // Live across instances: sent on B, received on A (and on B: both subscriptions are
      // in place, Redis included, before it goes away).
      let first = 0;
      for (let i = 0; i < 40 && first === 0; i++) {
        const m = await send(b, alice, room.id, `before ${i}`);
        first = await Promise.all([until(sub, m.seq, 500), until(local, m.seq, 500)]).then(
          () => m.seq,
          () => 0,
        );
      }
      expect(first).toBeGreaterThan(0);

      await redis.crash();
      const during: number[] = [];
      for (let i = 0; i < 3; i++) {
        const started = Date.now();
        const m = await send(b, alice, room.id, `during ${i}`);
        // Persisted, and the request did not hang on the dead pub/sub.
        expect(Date.now() - started).toBeLessThan(5_000);
        during.push(m.seq);
        // Subscribers on the sending instance still get it live: it does not wait for Redis.
        await until(local, m.seq, 5_000);
      }
      await redis.start();

      // Both instances reconnect by themselves: new messages arrive live again.
      let after = 0;
      const deadline = Date.now() + 30_000;
      while (after === 0 && Date.now() < deadline) {
        const m = await send(b, alice, room.id, 'after');
        after = await until(sub, m.seq, 1_000).then(
          () => m.seq,
          () => 0,
        );
      }
      if (after === 0) {
        // Say why: the socket was closed (and how), or it stayed open and nothing came.
        const closed = await Promise.race([conn.closed, new Promise((r) => setTimeout(() => r('open'), 10))]);
        throw new Error(
          `no live message 30 s after Redis came back; instance a's socket: ${JSON.stringify(closed)}`,
        );
      }

      // Whatever the outage dropped, a resume from the last contiguous seq fills it, without duplicates.
      // (When the offline queue delivered everything live, there is nothing to replay.)
      const resumeFrom = contiguous(seqs(sub), first);
      const resumed: LiveSubscription<Ev> = (await ws(b.wsUrl, bob)).subscribe(ROOM_EVENTS, {
        r: room.id,
        after: resumeFrom,
      });
      if (resumeFrom < after) await until(resumed, after);
      const replayed = seqs(resumed);
      expect(new Set(replayed).size).toBe(replayed.length);
      const all = new Set([...seqs(sub).filter((s) => s <= resumeFrom), ...replayed]);
      for (let s = first; s <= after; s++) expect(all.has(s), `seq ${s}`).toBe(true);
      for (const s of during) expect(all.has(s)).toBe(true);
    });
    // Up to 30 s for the reconnection itself, on top of ~10 s for the rest on a busy machine:
    // past that the check above fails with its reason instead of a bare timeout.
  }, 60_000);
});

describe.skipIf(!hasRedis)('shutting down while Redis is away', () => {
  /** Waits (up to `ms`) for the app's publishing Redis connection to reach `status`, and checks it did. */
  async function pubReaches(t: TestApp, status: string, ms: number): Promise<void> {
    const emitter = (t.app as unknown as { emitter: { pubConn: { status: string } } }).emitter;
    const deadline = Date.now() + ms;
    while (emitter.pubConn.status !== status && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 20));
    expect(emitter.pubConn.status).toBe(status);
  }

  /** Closes the app, and says whether that took over `ms`. */
  const closeWithin = (t: TestApp, ms: number) =>
    Promise.race([
      t.close().then(() => 'closed'),
      new Promise((r) => setTimeout(() => r(`still closing after ${ms / 1000} s`), ms)),
    ]);

  it('closes an instance whose Redis connections are waiting to reconnect', async () => {
    const redis = await startPrivateRedis();
    const t = await createTestApp({ config: { redisUrl: redis.url }, env: { JWT_SECRET } });
    try {
      await redis.crash();
      await pubReaches(t, 'reconnecting', 10_000);
      // Before, mqemitter-redis waited for an 'end' that never came: shutdown hung for good.
      expect(await closeWithin(t, 20_000)).toBe('closed');
    } finally {
      await redis.stop();
    }
  }, 40_000);

  it('closes an instance whose Redis connections reached a server that never answers', async () => {
    const redis = await startPrivateRedis();
    const t = await createTestApp({ config: { redisUrl: redis.url }, env: { JWT_SECRET } });
    // In Redis' place, something that accepts connections and says nothing: ioredis
    // reconnects, waits for its ready check, and queues everything else, quit() included.
    const port = Number(new URL(redis.url).port);
    const silent = net.createServer(() => {});
    try {
      await redis.crash();
      await new Promise<void>((resolve) => silent.listen(port, '127.0.0.1', resolve));
      await pubReaches(t, 'connect', 15_000);
      expect(await closeWithin(t, 15_000)).toBe('closed');
    } finally {
      silent.close();
      await redis.stop();
    }
  }, 45_000);
});

describe.skipIf(!hasRedis)('a listener added while Redis is away', () => {
  it('hears the other instances again once Redis is back, even after its SUBSCRIBE was given up', async () => {
    await onPrivateRedis(async ({ redis, a, b }) => {
      await redis.crash();
      // As a subscription started during the outage does. Its SUBSCRIBE waits in ioredis'
      // queue until ioredis gives up on it (~10 s), and mqemitter-redis carries on; the
      // listener starts at once all the same (before, it waited those ~10 s).
      const topic = `test:${uuidv7()}`;
      const got: unknown[] = [];
      const started = await Promise.race([
        new Promise<boolean>((resolve) =>
          a.app.emitter.on(
            topic,
            (m: Message, done: () => void) => {
              got.push(m.payload);
              done();
            },
            () => resolve(true),
          ),
        ),
        new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 3_000)),
      ]);
      expect(started).toBe(true);
      // It hears its own instance while Redis is still away.
      await a.app.events.publish(topic, { local: true });
      await expect.poll(() => got).toEqual([{ local: true }]);
      await redis.start();
      // Published on b until a hears it: without a SUBSCRIBE sent again at reconnection, never.
      const deadline = Date.now() + 20_000;
      for (let n = 0; got.length === 1 && Date.now() < deadline; n++) {
        await b.app.events.publish(topic, { n });
        await new Promise((r) => setTimeout(r, 250));
      }
      expect(got.length).toBeGreaterThan(1);
    });
  }, 60_000);
});

describe('PostgreSQL restarted', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'parley-faults-pg-'));
    await fs.chmod(dir, 0o755); // as root, PostgreSQL runs as the postgres user, who must enter it
  });
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('fails requests fast with SERVICE_UNAVAILABLE during the outage, writes nothing half, and recovers by itself', async () => {
    const port = await freePort();
    let pg = await startEmbeddedPostgres({ dir: path.join(dir, 'cluster'), port });
    const database = { url: pg.url, name: 'postgres', drop: async () => {} };
    const t: TestApp = await createTestApp({ database, redis: false, env: { JWT_SECRET } });
    try {
      const [alice, bob] = await Promise.all([registerUser(t), registerUser(t)]);
      const room = await createGroup(t, alice, [bob]);
      await send(t, alice, room.id, 'before');

      await pg.stop();
      const started = Date.now();
      const during = await t.gql(
        SEND,
        { input: { roomId: room.id, clientId: uuidv7(), body: 'during' } },
        alice.accessToken,
      );
      expect(Date.now() - started).toBeLessThan(15_000);
      const err = expectError(during, 'SERVICE_UNAVAILABLE');
      expect(err.message).not.toMatch(/ECONNREFUSED|password|postgres:\/\//);
      // A read that needs PostgreSQL (`me` may come from the instance's user cache, which is fine).
      const HISTORY_BODIES = `query($r: ID!) { messages(roomId: $r, last: 50) { edges { node { body } } } }`;
      expectError(await t.gql(HISTORY_BODIES, { r: room.id }, alice.accessToken), 'SERVICE_UNAVAILABLE');

      pg = await startEmbeddedPostgres({ dir: path.join(dir, 'cluster'), port });
      // The pool replaces its dead connections by itself: no restart of the app.
      let history: { messages: { edges: { node: { body: string } }[] } } | undefined;
      const deadline = Date.now() + 20_000;
      while (!history && Date.now() < deadline) {
        history = (await t.gql(HISTORY_BODIES, { r: room.id }, alice.accessToken)).data ?? undefined;
        if (!history) await new Promise((r) => setTimeout(r, 200));
      }
      if (!history) throw new Error('reads did not recover');
      expect((await t.ok('{ me { id } }', {}, alice.accessToken)).me).toEqual({ id: alice.id });
      const bodies = history.messages.edges.map((e: { node: { body: string } }) => e.node.body);
      expect(bodies).toContain('before');
      expect(bodies).not.toContain('during');
      await send(t, alice, room.id, 'after');
    } finally {
      await t.close();
      await pg.stop();
    }
  });
});

describe('instances as processes', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { JWT_SECRET } });
  });
  afterAll(() => t?.close());

  const env = () => ({
    DATABASE_URL: t.database.url,
    JWT_SECRET,
    ...(process.env.REDIS_URL ? { REDIS_URL: process.env.REDIS_URL } : {}),
  });

  it.skipIf(!hasRedis)('SIGKILL: clients move to another instance and resume with nothing lost', async () => {
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'parley-faults-'));
    // Short presence intervals on the doomed instance: its heartbeats expire fast once it is gone.
    const doomed = await startInstance({
      ...env(),
      DATA_DIR: dataDir,
      PRESENCE_HEARTBEAT_MS: '300',
      PRESENCE_TTL_MS: '1500',
    });
    try {
      const [alice, bob] = await Promise.all([registerUser(t), registerUser(t)]);
      const room = await createGroup(t, alice, [bob]);
      const onDoomed: LiveSubscription<Ev> = (await ws(doomed.wsUrl, bob)).subscribe(ROOM_EVENTS, {
        r: room.id,
      });
      let first = 0;
      for (let i = 0; i < 40 && first === 0; i++) {
        const m = await send(t, alice, room.id, `live ${i}`);
        first = await until(onDoomed, m.seq, 500).then(
          () => m.seq,
          () => 0,
        );
      }
      expect(first).toBeGreaterThan(0);

      doomed.proc.kill('SIGKILL');
      expect(await doomed.exited).toBe('SIGKILL');
      const missed = [await send(t, alice, room.id, 'missed 1'), await send(t, alice, room.id, 'missed 2')];

      const held = seqs(onDoomed);
      const resumeFrom = Math.max(...held);
      const moved: LiveSubscription<Ev> = (await ws(t.wsUrl, bob)).subscribe(ROOM_EVENTS, {
        r: room.id,
        after: resumeFrom,
      });
      const live = await send(t, alice, room.id, 'after the move');
      await until(moved, live.seq);
      expect(seqs(moved)).toEqual([...missed.map((m) => m.seq), live.seq]);

      // Bob is still online through the socket he moved to; once it closes too, the
      // dead instance's hold on him has expired without a goodbye, so he goes offline.
      const online = async () =>
        (
          await t.ok(
            `query($u: [ID!]!) { presence(userIds: $u) { online } }`,
            { u: [bob.id] },
            alice.accessToken,
          )
        ).presence[0].online as boolean;
      expect(await online()).toBe(true);
      moved.unsubscribe();
      await sockets.pop()?.close();
      const deadline = Date.now() + 30_000;
      while ((await online()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
      expect(await online()).toBe(false);
    } finally {
      doomed.proc.kill('SIGKILL');
      await fs.rm(dataDir, { recursive: true, force: true });
    }
  });

  it('a job held by a killed instance is retried by another, and done once', async () => {
    // An SMTP server that accepts connections and never answers: the doomed
    // instance's email job hangs mid-send, as a job does when its process dies.
    const hung: net.Socket[] = [];
    const smtp = net.createServer((socket) => void hung.push(socket));
    await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', () => r()));
    const smtpPort = (smtp.address() as net.AddressInfo).port;
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'parley-faults-'));
    // The test's own instance runs no workers until the doomed one is gone.
    // A database of its own: no other instance with workers may see the job.
    // It creates the email queue, with a short retry delay.
    const quiet = await createTestApp({
      env: { JWT_SECRET, JOBS_ENABLED: 'false', MAIL_RETRY_DELAY_SECONDS: '1' },
    });
    let rescuer: TestApp | undefined;
    const doomed = await startInstance({
      ...env(),
      DATABASE_URL: quiet.database.url,
      DATA_DIR: dataDir,
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      JOBS_SUPERVISE_SECONDS: '1',
    });
    try {
      const user = await registerUser(quiet);
      await quiet.ok('mutation($e: String!) { requestPasswordReset(email: $e) }', { e: user.email });
      const jobState = async () => {
        const r = await sql<{
          state: string;
        }>`select state from pgboss.job where name = ${EMAIL_JOB} and data->>'to' = ${user.email}`.execute(
          quiet.app.db,
        );
        return r.rows[0]?.state;
      };
      const deadline = Date.now() + 20_000;
      // Active, and connected to the SMTP server (the job is marked active just before it connects).
      while (((await jobState()) !== 'active' || hung.length === 0) && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 100));
      expect(await jobState()).toBe('active');
      expect(hung.length).toBeGreaterThan(0); // it is mid-send

      doomed.proc.kill('SIGKILL');
      await doomed.exited;
      // Another instance with workers (and the outbox instead of SMTP) takes it
      // over once the dead worker's heartbeat is missed.
      rescuer = await createTestApp({
        database: quiet.database,
        env: { JWT_SECRET, JOBS_SUPERVISE_SECONDS: '1', MAIL_RETRY_DELAY_SECONDS: '1' },
      });
      const mail = await waitForMail(rescuer, (m) => m.to.includes(user.email), 90_000);
      expect(mail.subject).toMatch(/password/i);
      // pg-boss marks the job completed after its handler returns, i.e. just after the mail is written.
      await expect.poll(jobState, { timeout: 10_000 }).toBe('completed');
    } finally {
      doomed.proc.kill('SIGKILL');
      for (const s of hung) s.destroy();
      smtp.close();
      await rescuer?.close();
      await quiet.close();
      await fs.rm(dataDir, { recursive: true, force: true });
    }
  }, 150_000);

  it('SIGTERM under load: in-flight mutations finish, sockets close with 1001, no error logs', async () => {
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'parley-faults-'));
    const inst = await startInstance({ ...env(), DATA_DIR: dataDir });
    try {
      const [alice, bob] = await Promise.all([registerUser(t), registerUser(t)]);
      const room = await createGroup(t, alice, [bob]);
      const conn = await ws(inst.wsUrl, bob);
      conn.subscribe(ROOM_EVENTS, { r: room.id });

      const post = (i: number) =>
        fetch(`${inst.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${alice.accessToken}` },
          body: JSON.stringify({
            query: SEND,
            variables: { input: { roomId: room.id, clientId: `load-${i}`, body: `load ${i}` } },
          }),
        }).then(
          async (res) => ({ i, status: res.status, body: (await res.json()) as Ev }),
          (err: Error) => ({ i, status: 0, error: err.message }),
        );
      const inFlight: Promise<{ i: number; status: number; body?: Ev; error?: string }>[] = [];
      for (let i = 0; i < 20; i++) inFlight.push(post(i));
      // Let the first requests reach the server, then ask it to stop while more keep coming.
      await new Promise((r) => setTimeout(r, 30));
      inst.proc.kill('SIGTERM');
      for (let i = 20; i < 40; i++) inFlight.push(post(i));
      const results = await Promise.all(inFlight);
      expect(await inst.exited, inst.lines.join('\n')).toBe(0);
      expect((await conn.closed).code).toBe(1001);

      // Each request either completed (and its message exists) or was refused before it started.
      const done = results.filter((r) => r.status === 200);
      expect(done.length).toBeGreaterThan(0);
      for (const r of results) {
        if (r.status === 200) expect(r.body.errors).toBeUndefined();
        else expect([0, 503]).toContain(r.status);
      }
      const stored = await t.app.db
        .selectFrom('messages')
        .select('client_id')
        .where('room_id', '=', room.id)
        .where('client_id', 'like', 'load-%')
        .execute();
      const ids = new Set(stored.map((m) => m.client_id));
      for (const r of done)
        expect(ids.has(`load-${r.i}`), `load-${r.i} answered 200 but is missing`).toBe(true);
      expect(errorLines(inst.lines)).toEqual([]);
    } finally {
      inst.proc.kill('SIGKILL');
      await fs.rm(dataDir, { recursive: true, force: true });
    }
  });
});
