/**
 * Soak test (not in CI): connect / subscribe / send / disconnect churn against
 * one Parley instance for a while, then compare its heap (after a full GC)
 * before and after. A leak shows as a heap that keeps growing with churn.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test REDIS_URL=redis://127.0.0.1:6379 \
 *     npm run soak -- --minutes 30 --clients 200
 *
 * DATABASE_URL names a server where a scratch database is created (and
 * dropped at the end). Prints one table and exits non-zero when any request
 * failed or the heap grew by more than --max-growth-mb (default 32).
 */
import { fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { createScratchDatabase } from '../src/db/admin.ts';

const { values } = parseArgs({
  options: {
    minutes: { type: 'string', default: '30' },
    clients: { type: 'string', default: '200' },
    'room-size': { type: 'string', default: '10' },
    'max-growth-mb': { type: 'string', default: '32' },
  },
});
const minutes = Number(values.minutes);
const clients = Number(values.clients);
const roomSize = Number(values['room-size']);
const adminUrl = process.env.DATABASE_URL;
if (!adminUrl)
  throw new Error('DATABASE_URL must name a PostgreSQL server (a scratch database is created there)');

const ROOT = path.resolve(import.meta.dirname, '../..');
const db = await createScratchDatabase(adminUrl, 'parley_soak');
const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'parley-soak-'));
const port = await new Promise<number>((resolve, reject) => {
  const probe = net.createServer();
  probe.once('error', reject);
  probe.listen(0, '127.0.0.1', () => {
    const { port: free } = probe.address() as net.AddressInfo;
    probe.close(() => resolve(free));
  });
});
const url = `http://127.0.0.1:${port}`;
const server = fork(path.join(ROOT, 'server/src/main.ts'), [], {
  cwd: ROOT,
  execArgv: ['--expose-gc', '--import', path.join(ROOT, 'server/scripts/soak-probe.ts')],
  env: {
    ...process.env,
    DATABASE_URL: db.url,
    DATA_DIR: dataDir,
    PORT: String(port),
    LOG_LEVEL: 'warn',
    RATE_LIMIT_ENABLED: 'false',
    // The churning clients keep their first access token for the whole run.
    ACCESS_TOKEN_TTL_SECONDS: String(Math.ceil(minutes * 60 + 3600)),
  },
  stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
});

const heap = () =>
  new Promise<{ heapUsed: number; rss: number; gc: boolean }>((resolve) => {
    server.once('message', (m) => resolve(m as { heapUsed: number; rss: number; gc: boolean }));
    server.send('heap');
  });

async function gql<T>(query: string, variables: unknown, token?: string): Promise<T> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: unknown };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data as T;
}

const stats = { cycles: 0, messages: 0, events: 0, errors: 0 };
// A client whose socket is refused rejects asynchronously: count it, never crash the run.
process.on('unhandledRejection', () => {
  stats.errors++;
});
try {
  for (let i = 0; ; i++) {
    if (i > 300) throw new Error('Parley did not become ready');
    if (
      await fetch(`${url}/readyz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    await new Promise((r) => setTimeout(r, 200));
  }

  // People in rooms of `roomSize`.
  const users: { id: string; token: string }[] = [];
  for (let i = 0; i < clients; i += 20) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(20, clients - i) }, async (_, j) => {
        const n = `soak${i + j}_${randomUUID().slice(0, 6)}`;
        const r = await gql<{ register: { accessToken: string; user: { id: string } } }>(
          `mutation($i: RegisterInput!) { register(input: $i) { accessToken user { id } } }`,
          {
            i: {
              email: `${n}@soak.test`,
              username: n,
              password: 'soak-password-1',
              displayName: n,
              timeZone: 'UTC',
            },
          },
        );
        return { id: r.register.user.id, token: r.register.accessToken };
      }),
    );
    users.push(...batch);
  }
  const roomOf = new Map<string, string>();
  for (let i = 0; i < users.length; i += roomSize) {
    const group = users.slice(i, i + roomSize);
    const [owner, ...rest] = group;
    if (!owner) break;
    const r = await gql<{ createGroupRoom: { id: string } }>(
      `mutation($i: CreateGroupRoomInput!) { createGroupRoom(input: $i) { id } }`,
      { i: { title: `Soak ${i}`, memberIds: rest.map((u) => u.id) } },
      owner.token,
    );
    for (const u of group) roomOf.set(u.id, r.createGroupRoom.id);
  }

  const deadline = Date.now() + minutes * 60_000;
  /** One client: connect, subscribe to its room and its own stream, send a little, leave; repeat. */
  async function churn(user: { id: string; token: string }) {
    const roomId = roomOf.get(user.id)!;
    while (Date.now() < deadline) {
      const client = createClient({
        url: `${url.replace('http', 'ws')}/graphql`,
        webSocketImpl: WebSocket,
        connectionParams: { authorization: `Bearer ${user.token}` },
        retryAttempts: 0,
      });
      const stops = [
        client.subscribe(
          {
            query: `subscription($r: ID!) { roomEvents(roomId: $r) { __typename } }`,
            variables: { r: roomId },
          },
          { next: () => void stats.events++, error: () => void stats.errors++, complete: () => {} },
        ),
        client.subscribe(
          { query: 'subscription { myEvents { __typename } }' },
          { next: () => void stats.events++, error: () => void stats.errors++, complete: () => {} },
        ),
      ];
      try {
        for (let k = 0; k < 1 + Math.floor(Math.random() * 3); k++) {
          await gql(
            `mutation($i: SendMessageInput!) { sendMessage(input: $i) { id } }`,
            { i: { roomId, clientId: randomUUID(), body: `soak ${Date.now()}` } },
            user.token,
          );
          stats.messages++;
          await new Promise((r) => setTimeout(r, 200 + Math.random() * 800));
        }
      } catch {
        stats.errors++;
      }
      for (const stop of stops) stop();
      await client.dispose();
      stats.cycles++;
    }
  }

  // Warm up (JIT, pools, caches), then measure.
  await new Promise((r) => setTimeout(r, 5_000));
  const before = await heap();
  const started = Date.now();
  const progress = setInterval(() => {
    const min = ((Date.now() - started) / 60_000).toFixed(1);
    process.stdout.write(
      `[${min} min] cycles ${stats.cycles}, messages ${stats.messages}, errors ${stats.errors}\n`,
    );
  }, 60_000);
  await Promise.all(users.map(churn));
  clearInterval(progress);
  await new Promise((r) => setTimeout(r, 3_000)); // let closes settle
  const after = await heap();

  const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
  const growth = (after.heapUsed - before.heapUsed) / 1024 / 1024;
  console.table({
    minutes: { value: minutes },
    clients: { value: clients },
    'connect/subscribe/send/disconnect cycles': { value: stats.cycles },
    'messages sent': { value: stats.messages },
    'events received': { value: stats.events },
    errors: { value: stats.errors },
    'heap before (MB, after GC)': { value: mb(before.heapUsed) },
    'heap after (MB, after GC)': { value: mb(after.heapUsed) },
    'heap growth (MB)': { value: growth.toFixed(1) },
    'RSS before / after (MB)': { value: `${mb(before.rss)} / ${mb(after.rss)}` },
  });
  if (!before.gc) console.warn('warning: GC was not exposed; heap figures include garbage');
  process.exitCode = stats.errors > 0 || growth > Number(values['max-growth-mb']) ? 1 : 0;
} finally {
  if (server.exitCode === null && server.signalCode === null) {
    const exited = new Promise((r) => server.once('exit', r));
    server.kill('SIGTERM');
    await exited;
  }
  await db.drop();
  await fs.rm(dataDir, { recursive: true, force: true });
}
