import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../src/lib/ids.ts';
import { createTestApp, expectError, type TestApp, untilNoStatements } from './helpers/app.ts';
import {
  ADD_MEMBERS,
  AFTER,
  createGroup,
  DELETE,
  EDIT,
  HISTORY,
  insertBlock,
  MARK_READ,
  MESSAGE,
  openDm,
  REMOVE_MEMBER,
  registerTrio,
  roomList,
  roomOf,
  SEARCH,
  SEND,
  SET_ROLE,
  send,
} from './helpers/chat.ts';
import { registerUser, type TestUser } from './helpers/users.ts';

let t: TestApp;
let alice: TestUser;
let bob: TestUser;
let carol: TestUser;
beforeAll(async () => {
  t = await createTestApp();
  [alice, bob, carol] = await registerTrio(t);
});
afterAll(() => t?.close());

const seqs = (edges: { node: { seq: number } }[]) => edges.map((e) => e.node.seq);

describe('sending', () => {
  it('gives concurrent senders gap-free, strictly increasing seqs', async () => {
    const room = await createGroup(t, alice, [bob, carol]);
    const sent = await Promise.all(
      Array.from({ length: 30 }, (_, i) => send(t, i % 2 ? alice : bob, room.id, `message ${i}`)),
    );
    expect(sent.map((m) => m.seq).sort((a, b) => a - b)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    const h = await t.ok(HISTORY, { r: room.id, first: 100 }, carol.accessToken);
    expect(seqs(h.messages.edges)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect((await roomOf(t, carol, room.id)).lastSeq).toBe(30);
  });

  it('is idempotent per clientId: a retry, even a concurrent one, returns the original', async () => {
    const room = await createGroup(t, alice, [bob]);
    const clientId = uuidv7();
    const first = await send(t, alice, room.id, 'once', { clientId });
    const retry = await send(t, alice, room.id, 'once (retried)', { clientId });
    expect(retry).toEqual(first);
    const racing = uuidv7();
    const results = await Promise.all(
      Array.from({ length: 5 }, () => send(t, alice, room.id, 'racing', { clientId: racing })),
    );
    expect(new Set(results.map((m) => m.id)).size).toBe(1);
    const h = await t.ok(HISTORY, { r: room.id }, bob.accessToken);
    expect(seqs(h.messages.edges)).toEqual([1, 2]); // no duplicate, no gap left by the losers
    // The same clientId is another sender's own key.
    expect((await send(t, bob, room.id, 'mine', { clientId })).id).not.toBe(first.id);
    // clientId is shown to its sender only.
    expect(first.clientId).toBe(clientId);
    expect((await t.ok(MESSAGE, { id: first.id }, bob.accessToken)).message.clientId).toBeNull();
    const other = await createGroup(t, alice, [bob]);
    const reuse = await t.gql(SEND, { input: { roomId: other.id, clientId, body: 'x' } }, alice.accessToken);
    expectError(reuse, 'CONFLICT');
  });

  it('trims the body and refuses empty, oversized, bad clientIds and non-members', async () => {
    const room = await createGroup(t, alice, [bob]);
    const m = await send(t, alice, room.id, '   spaced out  ');
    expect(m.body).toBe('spaced out');
    const sendAs = (u: TestUser, input: object) =>
      t.gql(SEND, { input: { roomId: room.id, clientId: uuidv7(), body: 'ok', ...input } }, u.accessToken);
    expectError(await sendAs(alice, { body: '   ' }), 'BAD_USER_INPUT');
    expectError(await sendAs(alice, { body: 'x'.repeat(t.config.messageMaxLength + 1) }), 'BAD_USER_INPUT');
    expect((await sendAs(alice, { body: 'x'.repeat(t.config.messageMaxLength) })).errors).toBeUndefined();
    expectError(await sendAs(alice, { clientId: '' }), 'BAD_USER_INPUT');
    expectError(await sendAs(alice, { clientId: 'x'.repeat(65) }), 'BAD_USER_INPUT');
    expectError(await sendAs(carol, {}), 'NOT_FOUND');
    expectError(await sendAs(alice, { roomId: uuidv7() }), 'NOT_FOUND');
    expectError(await sendAs(alice, { replyToId: uuidv7() }), 'NOT_FOUND');
    // Text-direction overrides would make it read otherwise than written ("hi exe.png"); isolates and
    // marks, which right-to-left writing uses, are fine.
    const spoof = await sendAs(alice, { body: 'hi \u202Egnp.exe' });
    expect(expectError(spoof, 'BAD_USER_INPUT')).toMatchObject({
      message: 'Message must not contain text-direction override characters (found U+202E)',
      extensions: { field: 'body' },
    });
    expect((await sendAs(alice, { body: 'שלום \u2067abc\u2069 \u200Fok' })).errors).toBeUndefined();
    expectError(
      await t.gql(EDIT, { id: m.id, body: 'now \u202Dspoofed' }, alice.accessToken),
      'BAD_USER_INPUT',
    );
    expectError(
      await t.gql(SEND, { input: { roomId: room.id, clientId: 'c', body: 'x' } }),
      'UNAUTHENTICATED',
    );
  });

  it('records @mentions of room members only, and replies', async () => {
    const room = await createGroup(t, alice, [bob]);
    const m = await send(
      t,
      alice,
      room.id,
      `hi @${bob.username}, @${carol.username} is not here; mail ${bob.username}@example.com; @${alice.username}.`,
    );
    expect(m.mentions.map((u) => u.id)).toEqual([bob.id]);
    const reply = await send(t, bob, room.id, 'reply', { replyToId: m.id });
    expect(reply.replyTo).toEqual({ id: m.id, seq: m.seq });
    const edited = (
      await t.ok(EDIT, { id: m.id, body: `now only @${alice.username} and nobody` }, alice.accessToken)
    ).editMessage;
    expect(edited.mentions).toEqual([]); // the sender's own mention does not count
  });

  it('refuses to send in a direct room once either person blocked the other', async () => {
    const [x, y] = await Promise.all([registerUser(t), registerUser(t)]);
    const dm = await openDm(t, x, y);
    await send(t, x, dm.id, 'before');
    await insertBlock(t, y, x);
    const r = await t.gql(
      SEND,
      { input: { roomId: dm.id, clientId: uuidv7(), body: 'after' } },
      x.accessToken,
    );
    expectError(r, 'FORBIDDEN');
  });
});

describe('editing and deleting', () => {
  it('edits own messages only, setting editedAt', async () => {
    const room = await createGroup(t, alice, [bob]);
    const m = await send(t, bob, room.id, 'tpyo');
    expectError(await t.gql(EDIT, { id: m.id, body: 'hacked' }, alice.accessToken), 'FORBIDDEN');
    expectError(await t.gql(EDIT, { id: m.id, body: 'x' }, carol.accessToken), 'NOT_FOUND');
    expectError(await t.gql(EDIT, { id: m.id, body: '  ' }, bob.accessToken), 'BAD_USER_INPUT');
    const e = (await t.ok(EDIT, { id: m.id, body: 'typo' }, bob.accessToken)).editMessage;
    expect(e).toMatchObject({ id: m.id, seq: m.seq, body: 'typo' });
    expect(e.editedAt).not.toBeNull();
  });

  it('deletes as a tombstone (own, or any as owner/admin) that keeps its seq', async () => {
    const room = await createGroup(t, alice, [bob, carol]);
    const b1 = await send(t, bob, room.id, 'secret one');
    const b2 = await send(t, bob, room.id, 'secret two');
    expectError(await t.gql(DELETE, { id: b1.id }, carol.accessToken), 'FORBIDDEN');
    const own = (await t.ok(DELETE, { id: b1.id }, bob.accessToken)).deleteMessage;
    expect(own).toMatchObject({ id: b1.id, seq: b1.seq, body: null, mentions: [] });
    expect(own.deletedAt).not.toBeNull();
    expect((await t.ok(DELETE, { id: b1.id }, bob.accessToken)).deleteMessage.deletedAt).toBe(own.deletedAt);
    await t.ok(SET_ROLE, { r: room.id, u: carol.id, role: 'ADMIN' }, alice.accessToken);
    expect((await t.ok(DELETE, { id: b2.id }, carol.accessToken)).deleteMessage.body).toBeNull();
    expectError(await t.gql(EDIT, { id: b1.id, body: 'back' }, bob.accessToken), 'BAD_USER_INPUT');
    const h = await t.ok(HISTORY, { r: room.id }, alice.accessToken);
    expect(h.messages.edges.map((e: { node: { body: string | null } }) => e.node.body)).toEqual([
      null,
      null,
      'Alice made Carol an admin', // the role change is history too
    ]);
    const row = await t.app.db
      .selectFrom('messages')
      .select('body')
      .where('id', '=', b1.id)
      .executeTakeFirstOrThrow();
    expect(row.body).toBeNull(); // the text is gone from the database too
  });
});

describe('history', () => {
  it('pages backwards from the newest and forwards from a cursor, keyed on seq', async () => {
    const room = await createGroup(t, alice, [bob]);
    for (let i = 1; i <= 7; i++) await send(t, i % 3 ? alice : bob, room.id, `m${i}`);
    const last3 = (await t.ok(HISTORY, { r: room.id, last: 3 }, bob.accessToken)).messages;
    expect(seqs(last3.edges)).toEqual([5, 6, 7]);
    expect(last3.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: false });
    const prev = (
      await t.ok(HISTORY, { r: room.id, last: 3, before: last3.pageInfo.startCursor }, bob.accessToken)
    ).messages;
    expect(seqs(prev.edges)).toEqual([2, 3, 4]);
    const next = (
      await t.ok(HISTORY, { r: room.id, first: 2, after: prev.pageInfo.startCursor }, bob.accessToken)
    ).messages;
    expect(seqs(next.edges)).toEqual([3, 4]);
    expect(next.pageInfo.hasNextPage).toBe(true);
    const byBob = (await t.ok(HISTORY, { r: room.id, sender: bob.id }, alice.accessToken)).messages;
    expect(seqs(byBob.edges)).toEqual([3, 6]);
    expect(seqs((await t.ok(HISTORY, { r: room.id }, alice.accessToken)).messages.edges)).toHaveLength(7);
    expectError(await t.gql(HISTORY, { r: room.id, first: 1, last: 1 }, alice.accessToken), 'BAD_USER_INPUT');
    expectError(await t.gql(HISTORY, { r: room.id, first: 101 }, alice.accessToken), 'BAD_USER_INPUT');
    expectError(await t.gql(HISTORY, { r: room.id, after: 'bogus' }, alice.accessToken), 'BAD_USER_INPUT');
  });

  it('fills gaps with messagesAfter, limited to what the viewer may see', async () => {
    const room = await createGroup(t, alice, [bob]);
    for (let i = 1; i <= 5; i++) await send(t, alice, room.id, `m${i}`);
    const a = (await t.ok(AFTER, { r: room.id, s: 2, limit: 2 }, bob.accessToken)).messagesAfter;
    expect(a).toMatchObject({ hasMore: true, lastSeq: 5 });
    expect(a.messages.map((m: { seq: number }) => m.seq)).toEqual([3, 4]);
    const b = (await t.ok(AFTER, { r: room.id, s: 4 }, bob.accessToken)).messagesAfter;
    expect(b).toMatchObject({ hasMore: false, lastSeq: 5 });
    await t.ok(ADD_MEMBERS, { r: room.id, u: [carol.id] }, alice.accessToken);
    const c = (await t.ok(AFTER, { r: room.id, s: 0 }, carol.accessToken)).messagesAfter;
    expect(c.messages.map((m: { seq: number }) => m.seq)).toEqual([6]); // her MEMBER_JOINED, nothing earlier
    // Nothing after the end: an empty batch that still tells the room's last seq.
    const d = (await t.ok(AFTER, { r: room.id, s: 6 }, bob.accessToken)).messagesAfter;
    expect(d).toEqual({ messages: [], hasMore: false, lastSeq: 6 });
    // An empty page for a member, NOT_FOUND for anyone else (whatever the filter).
    const dave = await registerUser(t);
    const dm = await openDm(t, dave, alice);
    const empty = (await t.ok(HISTORY, { r: dm.id }, dave.accessToken)).messages;
    expect(empty).toMatchObject({ edges: [], pageInfo: { hasPreviousPage: false, hasNextPage: false } });
    expectError(await t.gql(HISTORY, { r: dm.id }, bob.accessToken), 'NOT_FOUND');
    expectError(await t.gql(HISTORY, { r: dm.id, sender: 'nobody' }, bob.accessToken), 'NOT_FOUND');
    expectError(await t.gql(AFTER, { r: dm.id, s: 0 }, bob.accessToken), 'NOT_FOUND');
    expectError(await t.gql(AFTER, { r: room.id, s: -1 }, bob.accessToken), 'BAD_USER_INPUT');
    expectError(await t.gql(AFTER, { r: room.id, s: 0, limit: 501 }, bob.accessToken), 'BAD_USER_INPUT');
  });
});

describe('search', () => {
  it('finds words only in rooms the viewer belongs to, from their join point, excluding deleted', async () => {
    const word = `zebra${process.pid}`;
    const shared = await createGroup(t, alice, [bob]);
    const privateRoom = await createGroup(t, alice, [carol]);
    const early = await send(t, alice, shared.id, `an early ${word} sighting`);
    await send(t, alice, privateRoom.id, `a private ${word} herd`);
    const gone = await send(t, alice, shared.id, `a deleted ${word}`);
    await t.ok(DELETE, { id: gone.id }, alice.accessToken);
    const search = async (u: TestUser, q: string, r?: string) =>
      (await t.ok(SEARCH, { q, r }, u.accessToken)).searchMessages.edges.map(
        (e: { node: { id: string; body: string } }) => e.node.body,
      );
    expect(await search(bob, word)).toEqual([`an early ${word} sighting`]);
    expect((await search(alice, word)).sort()).toEqual([
      `a private ${word} herd`,
      `an early ${word} sighting`,
    ]);
    expect(await search(alice, word, privateRoom.id)).toEqual([`a private ${word} herd`]);
    expect(await search(alice, `${word} -herd`)).toEqual([`an early ${word} sighting`]);
    expectError(await t.gql(SEARCH, { q: word, r: privateRoom.id }, bob.accessToken), 'NOT_FOUND');
    expectError(await t.gql(SEARCH, { q: '   ' }, bob.accessToken), 'BAD_USER_INPUT');

    // Carol joins the shared room later: the early message stays invisible to her.
    await t.ok(ADD_MEMBERS, { r: shared.id, u: [carol.id] }, alice.accessToken);
    await send(t, bob, shared.id, `a later ${word}`);
    expect((await search(carol, word)).sort()).toEqual([`a later ${word}`, `a private ${word} herd`]);
    expect(early.id).toBeTruthy();
  });

  it('pages results with a cursor, best match first', async () => {
    const word = `quokka${process.pid}`;
    const room = await createGroup(t, alice, [bob]);
    await send(t, alice, room.id, `${word}`);
    await send(t, alice, room.id, `${word} ${word} ${word}`);
    await send(t, alice, room.id, `${word} and friends`);
    const p1 = (await t.ok(SEARCH, { q: word, first: 2 }, bob.accessToken)).searchMessages;
    expect(p1.edges[0].node.body).toBe(`${word} ${word} ${word}`);
    expect(p1.pageInfo.hasNextPage).toBe(true);
    const p2 = (await t.ok(SEARCH, { q: word, first: 2, after: p1.pageInfo.endCursor }, bob.accessToken))
      .searchMessages;
    expect(p2.edges).toHaveLength(1);
    const ids = [...p1.edges, ...p2.edges].map((e: { node: { id: string } }) => e.node.id);
    expect(new Set(ids).size).toBe(3);
  });
});

describe('read state', () => {
  it('counts unread per member across sends, reads and deletes; the pointer never moves back', async () => {
    const room = await createGroup(t, alice, [bob, carol]);
    const a1 = await send(t, alice, room.id, 'one');
    await send(t, alice, room.id, 'two');
    const b1 = await send(t, bob, room.id, 'three');
    const unread = async () =>
      Promise.all([alice, bob, carol].map(async (u) => (await roomOf(t, u, room.id)).unreadCount));
    // Sending moves one's own pointer: alice read up to 2, bob up to 3.
    expect(await unread()).toEqual([1, 0, 3]);

    expect((await t.ok(MARK_READ, { r: room.id, seq: 2 }, carol.accessToken)).markRoomRead).toMatchObject({
      unreadCount: 1,
      lastReadSeq: 2,
    });
    const back = (await t.ok(MARK_READ, { r: room.id, seq: 1 }, carol.accessToken)).markRoomRead;
    expect(back).toMatchObject({ unreadCount: 1, lastReadSeq: 2 }); // never backwards
    const beyond = (await t.ok(MARK_READ, { r: room.id, seq: 999 }, alice.accessToken)).markRoomRead;
    expect(beyond).toMatchObject({ unreadCount: 0, lastReadSeq: 3 }); // clamped to the newest
    expectError(await t.gql(MARK_READ, { r: room.id, seq: -1 }, alice.accessToken), 'BAD_USER_INPUT');

    await t.ok(DELETE, { id: b1.id }, bob.accessToken);
    expect(await unread()).toEqual([0, 0, 0]);
    await send(t, bob, room.id, 'four');
    await t.ok(DELETE, { id: a1.id }, alice.accessToken); // already read by everyone: no change
    expect(await unread()).toEqual([1, 0, 1]);
    // The room list agrees with room(id).
    const listed = await Promise.all(
      [alice, bob, carol].map(async (u) => (await roomList(t, u)).find((r) => r.id === room.id)?.unreadCount),
    );
    expect(listed).toEqual([1, 0, 1]);
  });

  it('hides messages from removed members (NOT_FOUND) and keeps counting for the rest', async () => {
    const room = await createGroup(t, alice, [bob, carol]);
    const m = await send(t, bob, room.id, 'before removal');
    await t.ok(REMOVE_MEMBER, { r: room.id, u: carol.id }, alice.accessToken);
    expectError(await t.gql(MESSAGE, { id: m.id }, carol.accessToken), 'NOT_FOUND');
    expectError(await t.gql(AFTER, { r: room.id, s: 0 }, carol.accessToken), 'NOT_FOUND');
    expectError(await t.gql(DELETE, { id: m.id }, carol.accessToken), 'NOT_FOUND');
    expect((await roomOf(t, alice, room.id)).unreadCount).toBe(1);
  });
});

describe('history pages', () => {
  const PAGE = `query($r: ID!) { messages(roomId: $r, last: 10) { edges { node {
    id attachments { id } reactions { emoji count }
  } } } }`;
  type Node = { id: string; attachments: { id: string }[]; reactions: { emoji: string; count: number }[] };
  /** The page as alice reads it, and how many statements that took. */
  const page = async (roomId: string) => {
    const before = t.app.dbStats.queries;
    const data = await t.ok(PAGE, { r: roomId }, alice.accessToken);
    return {
      nodes: (data.messages.edges as { node: Node }[]).map((e) => e.node),
      statements: t.app.dbStats.queries - before,
    };
  };

  it('read attachments and reactions only for the messages that have them', async () => {
    const room = await createGroup(t, alice, [bob]);
    const sent: { id: string }[] = [];
    for (const body of ['one', 'two', 'three']) sent.push(await send(t, alice, room.id, body));
    const plain = await page(room.id);
    expect(plain.nodes.every((n) => n.attachments.length === 0 && n.reactions.length === 0)).toBe(true);

    await t.ok(
      `mutation($m: ID!) { addReaction(messageId: $m, emoji: "🎉") { id } }`,
      { m: sent[1]?.id },
      bob.accessToken,
    );
    const reacted = await page(room.id);
    expect(reacted.nodes.find((n) => n.id === sent[1]?.id)?.reactions).toEqual([{ emoji: '🎉', count: 1 }]);
    // One statement more: the reactions of the one message that has any.
    expect(reacted.statements - plain.statements).toBe(1);
  });
});

describe('history pages with read receipts', () => {
  const WITH_RECEIPTS = `query($r: ID!) { messages(roomId: $r, last: 10) { edges { node { ...Receipts } } } }
    fragment Receipts on Message { id seq ... on Message { readCount readBy(first: 3) { user { id } } } }`;
  const WITHOUT = `query($r: ID!) { messages(roomId: $r, last: 10) { edges { node { id seq } } } }`;
  const CATCH_UP = `query($r: ID!) { messagesAfter(roomId: $r, afterSeq: 0) { messages { id seq readCount } } }`;
  type Node = { id: string; seq: number; readCount: number; readBy: { user: { id: string } }[] };
  const statements = async <T>(run: () => Promise<T>) => {
    await untilNoStatements(t);
    const before = t.app.dbStats.queries;
    const value = await run();
    return { value, statements: t.app.dbStats.queries - before };
  };

  it('read the room read pointers only when receipts are selected, and answer them per message', async () => {
    const room = await createGroup(t, alice, [bob, carol]);
    const [m1, m2] = [await send(t, alice, room.id, 'one'), await send(t, alice, room.id, 'two')];
    await t.ok(MARK_READ, { r: room.id, seq: m1.seq }, bob.accessToken);
    await t.ok(MARK_READ, { r: room.id, seq: m2.seq }, carol.accessToken);

    const plain = await statements(() => t.ok(WITHOUT, { r: room.id }, alice.accessToken));
    const full = await statements(() => t.ok(WITH_RECEIPTS, { r: room.id }, alice.accessToken));
    // Membership and the page; the read pointers once more, only when selected (through a fragment).
    expect(plain.statements).toBe(2);
    expect(full.statements).toBe(3);
    const nodes = (full.value.messages.edges as { node: Node }[]).map((e) => e.node);
    const byId = new Map(nodes.map((n) => [n.id, n]));
    expect(byId.get(m1.id)?.readCount).toBe(2);
    expect(
      byId
        .get(m1.id)
        ?.readBy.map((r) => r.user.id)
        .sort(),
    ).toEqual([bob.id, carol.id].sort());
    expect(byId.get(m2.id)?.readCount).toBe(1);
    expect(byId.get(m2.id)?.readBy.map((r) => r.user.id)).toEqual([carol.id]);

    const caughtUp = await t.ok(CATCH_UP, { r: room.id }, alice.accessToken);
    expect(
      (caughtUp.messagesAfter.messages as Node[])
        .filter((n) => n.id === m1.id || n.id === m2.id)
        .map((n) => n.readCount),
    ).toEqual([2, 1]);
  });
});
