/**
 * Plain group sends written many to one statement (messages.repository.ts
 * `sendPlainToGroupBatch`, and the batcher in messages.send-batch.ts that uses
 * it when the database is busy): each message keeps its own guards, seqs stay
 * consecutive and gap-free per room, and overlapping batches never deadlock.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../src/lib/ids.ts';
import * as repo from '../src/modules/messages/messages.repository.ts';
import { createSendBatcher } from '../src/modules/messages/messages.send-batch.ts';
import { createTestApp, type TestApp } from './helpers/app.ts';
import { createGroup, HISTORY, openDm, ROOM_EVENTS, registerTrio, SEND, send } from './helpers/chat.ts';
import { registerUser, type TestUser } from './helpers/users.ts';
import { connectWs, type WsConnection } from './helpers/ws.ts';

let t: TestApp;
let alice: TestUser;
let bob: TestUser;
let carol: TestUser;
let dave: TestUser;

const sockets: WsConnection[] = [];

beforeAll(async () => {
  // One send statement at a time: any send arriving meanwhile waits and is batched.
  t = await createTestApp({ env: { SEND_BATCH_IN_FLIGHT: '1' } });
  [alice, bob, carol] = await registerTrio(t);
  dave = await registerUser(t);
});
afterAll(async () => {
  await Promise.all(sockets.map((s) => s.close()));
  await t?.close();
});

const plain = (sender: TestUser, roomId: string, body: string, clientId = uuidv7()): repo.PlainSend => ({
  id: uuidv7(),
  room_id: roomId,
  sender_id: sender.id,
  client_id: clientId,
  body,
});

async function roomRow(roomId: string) {
  return t.app.db.selectFrom('rooms').select(['last_seq']).where('id', '=', roomId).executeTakeFirstOrThrow();
}

async function history(user: TestUser, roomId: string): Promise<{ seq: number; body: string }[]> {
  const data = await t.ok(HISTORY, { r: roomId, first: 100 }, user.accessToken);
  return data.messages.edges.map((e: { node: { seq: number; body: string } }) => ({
    seq: e.node.seq,
    body: e.node.body,
  }));
}

describe('sendPlainToGroupBatch', () => {
  it('writes each message under its own guards, with consecutive seqs per room in input order', async () => {
    const a = await createGroup(t, alice, [bob], 'A');
    const b = await createGroup(t, carol, [alice], 'B');
    const dm = await openDm(t, alice, bob);
    const earlier = await send(t, bob, a.id, 'earlier');
    const before = (await roomRow(a.id)).last_seq;

    const results = await repo.sendPlainToGroupBatch(t.app.db, [
      plain(alice, a.id, 'a1'),
      plain(carol, b.id, 'b1'),
      plain(bob, a.id, 'a2'),
      plain(dave, a.id, 'not a member'),
      plain(alice, dm.id, 'to a direct room'),
      plain(bob, a.id, 'a retry', earlier.clientId as string),
      plain(alice, a.id, 'a3'),
    ]);

    expect(results).toHaveLength(7);
    const [a1, b1, a2, stranger, direct, retry, a3] = results;
    expect([a1, a2, a3].map((r) => [r?.sent?.body, r?.sent?.seq])).toEqual([
      ['a1', before + 1],
      ['a2', before + 2],
      ['a3', before + 3],
    ]);
    expect(b1?.sent).toMatchObject({ body: 'b1', seq: 1, room_id: b.id, sender_id: carol.id, kind: 'USER' });
    expect(b1?.users.map((u) => u.id)).toEqual([carol.id]);
    expect(new Set(b1?.memberIds)).toEqual(new Set([carol.id, alice.id]));
    expect(new Set(a2?.memberIds)).toEqual(new Set([alice.id, bob.id]));
    expect(a2?.membership).toMatchObject({ id: a.id, kind: 'GROUP', user_id: bob.id });
    // Not a member: nothing; a direct room: the membership and nothing written (the general path sends it).
    expect(stranger).toBeUndefined();
    expect(direct).toMatchObject({ sent: null, existing: null, memberIds: [], users: [] });
    expect(direct?.membership.kind).toBe('DIRECT');
    // A retry: the original, and nothing written.
    expect(retry).toMatchObject({ sent: null, existing: { id: earlier.id, body: 'earlier' } });

    expect((await roomRow(a.id)).last_seq).toBe(before + 3);
    expect((await roomRow(dm.id)).last_seq).toBe(0);
    const seen = await history(bob, a.id);
    expect(seen.slice(-4)).toEqual([
      { seq: before, body: 'earlier' },
      { seq: before + 1, body: 'a1' },
      { seq: before + 2, body: 'a2' },
      { seq: before + 3, body: 'a3' },
    ]);
    // Each sender's read pointer is at their own newest message.
    const pointers = await t.app.db
      .selectFrom('room_members')
      .select(['user_id', 'last_read_seq'])
      .where('room_id', '=', a.id)
      .execute();
    expect(Object.fromEntries(pointers.map((p) => [p.user_id, p.last_read_seq]))).toEqual({
      [alice.id]: before + 3,
      [bob.id]: before + 2,
    });
  });

  it('fails as a whole when a clientId is taken meanwhile, so that the caller sends each alone', async () => {
    const a = await createGroup(t, alice, [bob], 'Race');
    const clientId = uuidv7();
    await expect(
      repo.sendPlainToGroupBatch(t.app.db, [
        plain(alice, a.id, 'one', clientId),
        plain(alice, a.id, 'two', clientId),
      ]),
    ).rejects.toMatchObject({ constraint: 'messages_sender_client_key' });
    expect((await roomRow(a.id)).last_seq).toBe(0);
  });

  it('overlapping batches over the same rooms neither deadlock nor leave gaps or duplicates', async () => {
    const rooms = await Promise.all([1, 2, 3].map((n) => createGroup(t, alice, [bob, carol], `R${n}`)));
    const ids = rooms.map((r) => r.id);
    const batches = Array.from({ length: 24 }, (_, i) => {
      const order = i % 2 === 0 ? ids : [...ids].reverse();
      return order.flatMap((roomId) => [plain(alice, roomId, `${i}`), plain(bob, roomId, `${i}`)]);
    });
    const started = Date.now();
    const results = await Promise.all(batches.map((b) => repo.sendPlainToGroupBatch(t.app.db, b)));
    // A deadlock would be detected after deadlock_timeout (1 s) and fail a batch.
    expect(results.flat().every((r) => r?.sent)).toBe(true);
    expect(Date.now() - started).toBeLessThan(30_000);
    for (const roomId of ids) {
      const seqs = results
        .flat()
        .filter((r) => r?.sent?.room_id === roomId)
        .map((r) => r?.sent?.seq as number)
        .sort((x, y) => x - y);
      expect(seqs).toEqual(Array.from({ length: 48 }, (_, i) => i + 1));
      expect((await roomRow(roomId)).last_seq).toBe(48);
    }
  });
});

describe('sendMessage while the database is busy', () => {
  type Created = { roomEvents: { __typename: string; seq: number; message: { id: string; body: string } } };

  it('batches concurrent sends; every message arrives once, in seq order, and retries keep their first answer', async () => {
    const rooms = await Promise.all([1, 2, 3].map((n) => createGroup(t, alice, [bob, carol], `Busy ${n}`)));
    const ws = await connectWs(t.wsUrl, carol.accessToken);
    sockets.push(ws);
    // From seq 0: the replay covers whatever commits before the listener is attached.
    const subs = rooms.map((room) => ws.subscribe<Created>(ROOM_EVENTS, { r: room.id, after: 0 }));
    const before = { ...t.app.deps.sends.stats };

    const retried = uuidv7();
    const inputs = rooms.flatMap((room, r) =>
      Array.from({ length: 20 }, (_, i) => ({
        user: [alice, bob, carol][i % 3] as TestUser,
        input: { roomId: room.id, body: `r${r} m${i}`, clientId: i === 7 && r === 1 ? retried : uuidv7() },
      })),
    );
    // The retry: the same clientId again, right behind the original (so both wait for the same statement).
    inputs.splice(28, 0, {
      user: bob,
      input: { roomId: rooms[1]?.id as string, body: 'r1 m7', clientId: retried },
    });
    const results = await Promise.all(
      inputs.map(({ user, input }) => t.gql(SEND, { input }, user.accessToken)),
    );

    expect(results.flatMap((r) => r.errors ?? [])).toEqual([]);
    const sent = results.map((r) => r.data.sendMessage as { id: string; seq: number; roomId: string });
    expect(sent[28]?.id).toBe(sent[27]?.id);
    const stats = t.app.deps.sends.stats;
    expect(stats.batches - before.batches).toBeGreaterThan(0);
    expect(stats.messages - before.messages).toBe(inputs.length);
    // A retry and its original never share a statement (that would fail the whole batch).
    expect(stats.fallbacks - before.fallbacks).toBe(0);

    for (const [r, room] of rooms.entries()) {
      const mine = new Map(sent.filter((m) => m.roomId === room.id).map((m) => [m.id, m.seq]));
      expect(mine.size).toBe(20);
      const sub = subs[r];
      if (!sub) throw new Error('no subscription');
      const events: Created['roomEvents'][] = [];
      while (events.length < 20) events.push((await sub.next(10_000)).roomEvents);
      // Gap-free, in order, each message once, with the seq its sender was told.
      expect(events.map((e) => e.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
      expect(new Map(events.map((e) => [e.message.id, e.seq]))).toEqual(mine);
      const listed = await history(alice, room.id);
      expect(listed.map((m) => m.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    }
  });

  it('sends each message of a failed batch on its own, so each gets its own answer', async () => {
    const a = await createGroup(t, alice, [bob], 'Fallback');
    const b = await createGroup(t, bob, [carol], 'Elsewhere');
    const batcher = createSendBatcher(t.app.db, { maxInFlight: 1, maxBatch: 32 });
    const taken = uuidv7();
    let commit: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      commit = resolve;
    });
    let written: () => void = () => {};
    const wrote = new Promise<void>((resolve) => {
      written = resolve;
    });
    // Another connection writes alice's message with `taken` and holds room `a` until told to commit.
    const other = t.app.db.transaction().execute(async (trx) => {
      await repo.sendPlainToGroup(trx, plain(alice, a.id, 'first', taken));
      written();
      await held;
    });
    await wrote;

    const first = batcher.send(plain(bob, b.id, 'occupies the only slot'));
    const retry = batcher.send(plain(alice, a.id, 'first again', taken));
    const other2 = batcher.send(plain(bob, a.id, 'from bob'));
    await first;
    // The batch [retry, from bob] waits for room a's lock: let it wait, then commit the other transaction.
    await expect
      .poll(async () => {
        const { rows } = await t.app.pgPool.query(
          "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'",
        );
        return rows[0].n;
      })
      .toBeGreaterThan(0);
    commit();
    await other;

    const [r1, r2] = await Promise.all([retry, other2]);
    expect(batcher.stats).toMatchObject({ batches: 1, fallbacks: 1 });
    // The retry gets the message the other connection wrote; bob's message is written after it.
    expect(r1).toMatchObject({ sent: null, existing: { body: 'first', client_id: taken } });
    expect(r2?.sent).toMatchObject({ body: 'from bob', seq: 2 });
    expect((await history(bob, a.id)).map((m) => m.body)).toEqual(['first', 'from bob']);
  });
});
