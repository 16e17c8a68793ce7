/**
 * Seeding straight into PostgreSQL, because registering 10,000 users through
 * the API would spend minutes in argon2 alone. Users share one precomputed
 * argon2id hash (of BENCH_PASSWORD), each gets a live `sessions` row (Parley
 * checks the session on every request and `connection_init`), and its access
 * token is an HS256 JWT with the claims Parley signs (`sub`, `sid`), signed
 * with the JWT_SECRET the harness gives the server. Rows are inserted with
 * `unnest` arrays in batches: ~10,000 users + 1,000 rooms take about a second.
 */
import { randomBytes } from 'node:crypto';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { createScratchDatabase, type ScratchDatabase } from '../../server/src/db/admin.ts';
import { migrateToLatest } from '../../server/src/db/migrate.ts';
import { uuidv7 } from '../../server/src/lib/ids.ts';
import { hashPassword } from '../../server/src/modules/auth/passwords.ts';
import { signJwt } from './jwt.ts';

export const BENCH_PASSWORD = 'bench-password-123';
const BATCH = 5_000;

export interface SeededUser {
  id: string;
  sessionId: string;
  token: string;
}
export interface SeededRoom {
  id: string;
  memberIds: string[];
}

export function newJwtSecret(): string {
  return randomBytes(32).toString('hex');
}

/** A fresh, migrated database; `drop()` it when done. */
export async function prepareDatabase(adminUrl: string): Promise<ScratchDatabase> {
  const scratch = await createScratchDatabase(adminUrl, 'bench');
  const pool = new pg.Pool({ connectionString: scratch.url, max: 2 });
  const db = new Kysely({ dialect: new PostgresDialect({ pool }) });
  try {
    await migrateToLatest(db);
  } catch (err) {
    await db.destroy();
    await scratch.drop();
    throw err;
  } finally {
    await db.destroy().catch(() => {});
  }
  return scratch;
}

function* batches<T>(items: readonly T[], size = BATCH): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

export async function seedUsers(
  client: pg.ClientBase,
  count: number,
  opts: { jwtSecret: string; prefix?: string; tokenTtlSeconds?: number },
): Promise<SeededUser[]> {
  const hash = await hashPassword(BENCH_PASSWORD);
  const prefix = opts.prefix ?? 'b';
  const users: SeededUser[] = [];
  const tag = randomBytes(3).toString('hex');
  for (let i = 0; i < count; i++) {
    const id = uuidv7();
    const sessionId = uuidv7();
    users.push({
      id,
      sessionId,
      token: signJwt({ sub: id, sid: sessionId }, opts.jwtSecret, opts.tokenTtlSeconds ?? 86_400),
    });
  }
  let n = 0;
  for (const batch of batches(users)) {
    const names = batch.map(() => `${prefix}${tag}${n++}`);
    await client.query(
      `INSERT INTO users (id, email, username, display_name, password_hash, time_zone)
       SELECT id, name || '@bench.local', name, 'Bench ' || name, $3, 'UTC'
       FROM unnest($1::uuid[], $2::text[]) AS t(id, name)`,
      [batch.map((u) => u.id), names, hash],
    );
    await client.query(
      `INSERT INTO sessions (id, user_id, user_agent, expires_at)
       SELECT sid, uid, 'bench', now() + interval '2 days' FROM unnest($1::uuid[], $2::uuid[]) AS t(sid, uid)`,
      [batch.map((u) => u.sessionId), batch.map((u) => u.id)],
    );
  }
  return users;
}

/** Group rooms over `memberLists` (first member is the OWNER). */
export async function seedRooms(client: pg.ClientBase, memberLists: string[][]): Promise<SeededRoom[]> {
  const rooms = memberLists.map((memberIds) => ({ id: uuidv7(), memberIds }));
  for (const batch of batches(rooms, 2_000)) {
    await client.query(
      `INSERT INTO rooms (id, kind, title, created_by)
       SELECT id, 'GROUP', 'Bench room ' || ord, owner FROM unnest($1::uuid[], $2::uuid[]) WITH ORDINALITY AS t(id, owner, ord)`,
      [batch.map((r) => r.id), batch.map((r) => r.memberIds[0] ?? null)],
    );
    const roomIds: string[] = [];
    const userIds: string[] = [];
    const roles: string[] = [];
    for (const r of batch) {
      r.memberIds.forEach((u, i) => {
        roomIds.push(r.id);
        userIds.push(u);
        roles.push(i === 0 ? 'OWNER' : 'MEMBER');
      });
    }
    await client.query(
      `INSERT INTO room_members (room_id, user_id, role)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[])`,
      [roomIds, userIds, roles],
    );
  }
  return rooms;
}

/** Direct rooms of `userId` with each of `peerIds` (one each, as `openDirectRoom` makes them). */
export async function seedDirectRooms(
  client: pg.ClientBase,
  userId: string,
  peerIds: readonly string[],
): Promise<SeededRoom[]> {
  const rooms = peerIds.map((peer) => ({ id: uuidv7(), memberIds: [userId, peer] }));
  if (rooms.length === 0) return rooms;
  const key = (a: string, b: string) => (a < b ? `${a}:${b}` : `${b}:${a}`);
  await client.query(
    `INSERT INTO rooms (id, kind, direct_key, created_by)
     SELECT id, 'DIRECT', dkey, $3 FROM unnest($1::uuid[], $2::text[]) AS t(id, dkey)`,
    [rooms.map((r) => r.id), peerIds.map((p) => key(userId, p)), userId],
  );
  await client.query(
    `INSERT INTO room_members (room_id, user_id, role)
     SELECT room_id, user_id, 'MEMBER' FROM unnest($1::uuid[], $2::uuid[]) AS t(room_id, user_id)`,
    [rooms.flatMap((r) => [r.id, r.id]), rooms.flatMap((r) => r.memberIds)],
  );
  return rooms;
}

/** `perRoom` USER messages in each room (senders round-robin over its members), with `last_seq` set. */
export async function seedMessages(client: pg.ClientBase, rooms: readonly SeededRoom[], perRoom: number) {
  for (const batch of batches(rooms, Math.max(1, Math.floor(20_000 / Math.max(1, perRoom))))) {
    const ids: string[] = [];
    const roomIds: string[] = [];
    const seqs: number[] = [];
    const senders: string[] = [];
    const clientIds: string[] = [];
    const bodies: string[] = [];
    for (const r of batch) {
      for (let s = 1; s <= perRoom; s++) {
        const id = uuidv7();
        ids.push(id);
        roomIds.push(r.id);
        seqs.push(s);
        senders.push(r.memberIds[s % r.memberIds.length] ?? '');
        clientIds.push(id);
        bodies.push(`Seeded message ${s} with a few words of ordinary chat text in it.`);
      }
    }
    await client.query(
      `INSERT INTO messages (id, room_id, seq, kind, sender_id, client_id, body, created_at)
       SELECT id, room_id, seq, 'USER', sender, cid, body, now() - (($7::int - seq) || ' seconds')::interval
       FROM unnest($1::uuid[], $2::uuid[], $3::bigint[], $4::uuid[], $5::text[], $6::text[])
         AS t(id, room_id, seq, sender, cid, body)`,
      [ids, roomIds, seqs, senders, clientIds, bodies, perRoom],
    );
    await client.query(
      `UPDATE rooms SET last_seq = $2, last_activity_at = date_trunc('milliseconds', now()) WHERE id = ANY($1::uuid[])`,
      [batch.map((r) => r.id), perRoom],
    );
  }
}

/**
 * `subscribers` users in rooms of `roomSize` (the last room may be smaller),
 * with `history` messages already in each room.
 */
export async function seedFanout(
  databaseUrl: string,
  subscribers: number,
  roomSize: number,
  jwtSecret: string,
  history = 0,
): Promise<{ users: SeededUser[]; rooms: SeededRoom[] }> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const users = await seedUsers(client, subscribers, { jwtSecret });
    const lists: string[][] = [];
    for (let i = 0; i < users.length; i += roomSize)
      lists.push(users.slice(i, i + roomSize).map((u) => u.id));
    const rooms = await seedRooms(client, lists);
    if (history > 0) await seedMessages(client, rooms, history);
    // Statistics, as a deployment in use has them: the servers' prepared statements are planned
    // (and their generic plans cached per connection) with them. Only what was seeded: analyzing
    // an empty `messages` would record it as empty (reltuples 0), and so would leaving it
    // unanalyzed while it grows: either way the plans cached in the first seconds scan it
    // sequentially until autovacuum analyzes it (within a minute, in a real deployment).
    await client.query(`ANALYZE users, sessions, rooms, room_members${history > 0 ? ', messages' : ''}`);
    return { users, rooms };
  } finally {
    await client.end();
  }
}
