import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, expectError, type TestApp } from './helpers/app.ts';
import { createGroup, MARK_READ, nextMatching, ROOM, registerTrio, send } from './helpers/chat.ts';
import { liveRoomEvents, Sockets, UPDATE_PROFILE } from './helpers/live.ts';
import { registerUser, type TestUser } from './helpers/users.ts';

let t: TestApp;
let alice: TestUser;
let bob: TestUser;
let carol: TestUser;
const sockets = new Sockets();
beforeAll(async () => {
  t = await createTestApp();
  [alice, bob, carol] = await registerTrio(t);
});
afterEach(() => sockets.closeAll());
afterAll(() => t?.close());

const READ_BY = `query($id: ID!) { message(id: $id) { id seq readCount readBy { readAt user { id } } } }`;
const HISTORY_READ_BY = `query($r: ID!) { messages(roomId: $r, last: 50) { edges { node {
  id seq readCount readBy(first: 100) { readAt user { id } } } } } }`;

const readers = async (viewer: TestUser, messageId: string) => {
  const m = (await t.ok(READ_BY, { id: messageId }, viewer.accessToken)).message;
  return {
    count: m.readCount as number,
    ids: (m.readBy as { user: { id: string }; readAt: string }[]).map((r) => r.user.id).sort(),
    readBy: m.readBy as { user: { id: string }; readAt: string }[],
  };
};

function shuffle<T>(xs: T[]): T[] {
  const a = [...xs];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

describe('read receipts', () => {
  it('never go backwards under shuffled concurrent marks, and duplicates publish nothing', async () => {
    const room = await createGroup(t, alice, [bob, carol]);
    const [forCarol] = await liveRoomEvents(sockets, [t], [carol], room.id, alice);
    const sent = [];
    for (let i = 0; i < 15; i++) sent.push(await send(t, alice, room.id, `m${i}`));
    const seqs = sent.map((m) => m.seq);
    const top = Math.max(...seqs);

    // Every mark at once, in random order, some twice.
    const marks = shuffle([...seqs, ...seqs.slice(0, 5)]);
    const results = await Promise.all(
      marks.map((seq) => t.ok(MARK_READ, { r: room.id, seq }, bob.accessToken)),
    );
    for (const r of results) expect(r.markRoomRead.lastReadSeq).toBeGreaterThanOrEqual(1);

    // Carol sees Bob's pointer only ever increase, ending at the top.
    const bobSeqs: number[] = [];
    await nextMatching(
      forCarol,
      (e) => {
        if (e.roomEvents.__typename !== 'ReadReceipt') return false;
        expect(e.roomEvents.user.id).toBe(bob.id);
        expect(e.roomEvents.roomId).toBe(room.id);
        expect(Number.isNaN(Date.parse(e.roomEvents.readAt))).toBe(false);
        bobSeqs.push(e.roomEvents.seq);
        return e.roomEvents.seq === top;
      },
      10_000,
    );
    for (let i = 1; i < bobSeqs.length; i++) expect(bobSeqs[i]).toBeGreaterThan(bobSeqs[i - 1]!);
    const room1 = (await t.ok(ROOM, { id: room.id }, bob.accessToken)).room;
    expect(room1.lastReadSeq).toBe(top);
    expect(room1.unreadCount).toBe(0);

    // Old and repeated marks change nothing and publish nothing: the next receipt Carol gets is Bob's
    // mark of a new message.
    await Promise.all(seqs.map((seq) => t.ok(MARK_READ, { r: room.id, seq }, bob.accessToken)));
    const more = await send(t, alice, room.id, 'more');
    await t.ok(MARK_READ, { r: room.id, seq: more.seq }, bob.accessToken);
    const after = await nextMatching(forCarol, (e) => e.roomEvents.__typename === 'ReadReceipt', 5_000);
    expect(after.roomEvents).toMatchObject({ user: { id: bob.id }, seq: more.seq });
    expect((await t.ok(ROOM, { id: room.id }, bob.accessToken)).room.lastReadSeq).toBe(more.seq);
  });

  it('readBy and readCount are right for three members (sender excluded, newest reader first)', async () => {
    const room = await createGroup(t, alice, [bob, carol]);
    const m1 = await send(t, alice, room.id, 'one');
    const m2 = await send(t, alice, room.id, 'two');
    const m3 = await send(t, alice, room.id, 'three');

    expect(await readers(alice, m1.id)).toMatchObject({ count: 0, ids: [] });
    await t.ok(MARK_READ, { r: room.id, seq: m2.seq }, bob.accessToken);
    await t.ok(MARK_READ, { r: room.id, seq: m3.seq }, carol.accessToken);

    expect(await readers(alice, m1.id)).toMatchObject({ count: 2, ids: [bob.id, carol.id].sort() });
    expect(await readers(alice, m2.id)).toMatchObject({ count: 2, ids: [bob.id, carol.id].sort() });
    expect(await readers(bob, m3.id)).toMatchObject({ count: 1, ids: [carol.id] });
    const r1 = await readers(alice, m1.id);
    expect(r1.readBy[0]!.user.id).toBe(carol.id); // Carol read last
    expect(Date.parse(r1.readBy[0]!.readAt)).toBeGreaterThanOrEqual(Date.parse(r1.readBy[1]!.readAt));

    // Bob's message: Bob is not his own reader; Alice has not read it until she marks it.
    const m4 = await send(t, bob, room.id, 'four');
    expect(await readers(carol, m4.id)).toMatchObject({ count: 0, ids: [] });
    await t.ok(MARK_READ, { r: room.id, seq: m4.seq }, alice.accessToken);
    expect(await readers(carol, m4.id)).toMatchObject({ count: 1, ids: [alice.id] });
    // Sending moved Bob's own pointer: he has read m3 (Alice's) now.
    expect((await readers(alice, m3.id)).ids).toEqual([bob.id, carol.id].sort());

    // A whole page at once (one loader batch) gives the same answers.
    const page = (await t.ok(HISTORY_READ_BY, { r: room.id }, alice.accessToken)).messages.edges.map(
      (e: { node: { seq: number; readCount: number } }) => e.node,
    );
    const bySeq = new Map(page.map((n: { seq: number }) => [n.seq, n]));
    expect(bySeq.get(m1.seq)).toMatchObject({ readCount: 2 });
    expect(bySeq.get(m4.seq)).toMatchObject({ readCount: 1 });
  });

  it('a member added later is not a reader of messages from before they joined', async () => {
    const room = await createGroup(t, alice, [bob]);
    const early = await send(t, alice, room.id, 'before dave');
    const dave = await registerUser(t);
    await t.ok(
      `mutation($r: ID!, $u: [ID!]!) { addRoomMembers(roomId: $r, userIds: $u) { id } }`,
      {
        r: room.id,
        u: [dave.id],
      },
      alice.accessToken,
    );
    const last = (await t.ok(ROOM, { id: room.id }, dave.accessToken)).room.lastSeq;
    await t.ok(MARK_READ, { r: room.id, seq: last }, dave.accessToken);
    expect((await readers(alice, early.id)).ids).not.toContain(dave.id);
  });

  it('private receipts leak nothing, while the private reader keeps correct unread counts', async () => {
    const room = await createGroup(t, alice, [bob, carol]);
    await t.ok(UPDATE_PROFILE, { input: { shareReadReceipts: false } }, carol.accessToken);
    try {
      const [forAlice] = await liveRoomEvents(sockets, [t], [alice], room.id, alice);
      const m = await send(t, alice, room.id, 'secret read');
      const carolRoom = (await t.ok(MARK_READ, { r: room.id, seq: m.seq }, carol.accessToken)).markRoomRead;
      expect(carolRoom).toMatchObject({ unreadCount: 0, lastReadSeq: m.seq });
      // Then Bob reads: his receipt is the first one Alice gets (Carol's never came).
      await t.ok(MARK_READ, { r: room.id, seq: m.seq }, bob.accessToken);
      const e = await nextMatching(forAlice, (ev) => ev.roomEvents.__typename === 'ReadReceipt');
      expect(e.roomEvents.user.id).toBe(bob.id);
      expect(forAlice.received.some((ev) => ev.roomEvents.user?.id === carol.id)).toBe(false);

      expect(await readers(alice, m.id)).toMatchObject({ count: 1, ids: [bob.id] });
      expect(await readers(bob, m.id)).toMatchObject({ count: 1, ids: [bob.id] });
      // Carol herself sees her own read.
      expect((await readers(carol, m.id)).ids).toEqual([bob.id, carol.id].sort());
    } finally {
      await t.ok(UPDATE_PROFILE, { input: { shareReadReceipts: true } }, carol.accessToken);
    }
  });

  it('non-members cannot mark or read receipts', async () => {
    const room = await createGroup(t, alice, [bob]);
    const m = await send(t, alice, room.id, 'members only');
    expectError(await t.gql(MARK_READ, { r: room.id, seq: m.seq }, carol.accessToken), 'NOT_FOUND');
    expectError(await t.gql(READ_BY, { id: m.id }, carol.accessToken), 'NOT_FOUND');
  });
});
