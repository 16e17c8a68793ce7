import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, expectError, type TestApp } from './helpers/app.ts';
import { createGroup, DELETE, HISTORY, nextMatching, registerTrio, send } from './helpers/chat.ts';
import { ADD_REACTION, liveRoomEvents, REMOVE_REACTION, type RoomEv, Sockets } from './helpers/live.ts';
import { registerUser, type TestUser } from './helpers/users.ts';
import type { LiveSubscription } from './helpers/ws.ts';

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

interface Group {
  emoji: string;
  count: number;
  reactedByMe: boolean;
  users: { id: string }[];
}

const REACTIONS = `query($id: ID!) { message(id: $id) { id reactions { emoji count reactedByMe users(first: 100) { id } } } }`;
const reactionsAs = async (viewer: TestUser, messageId: string): Promise<Group[]> =>
  (await t.ok(REACTIONS, { id: messageId }, viewer.accessToken)).message.reactions;

const add = (user: TestUser, messageId: string, emoji: string) =>
  t.gql(ADD_REACTION, { m: messageId, e: emoji }, user.accessToken);
const remove = (user: TestUser, messageId: string, emoji: string) =>
  t.gql(REMOVE_REACTION, { m: messageId, e: emoji }, user.accessToken);

/** The next ReactionChanged whose reactions satisfy `done`. */
const reactionsEvent = (
  sub: LiveSubscription<RoomEv>,
  done: (groups: Group[]) => boolean,
  timeoutMs = 8_000,
) =>
  nextMatching(
    sub,
    (e) => e.roomEvents.__typename === 'ReactionChanged' && done(e.roomEvents.reactions),
    timeoutMs,
  );

const countOf = (groups: Group[], emoji: string) => groups.find((g) => g.emoji === emoji)?.count ?? 0;

describe('reactions', () => {
  it('aggregate correctly under concurrent adds by several users (idempotent), live and queried', async () => {
    const extra = await Promise.all([registerUser(t), registerUser(t), registerUser(t)]);
    const everyone = [alice, bob, carol, ...extra];
    const room = await createGroup(t, alice, [bob, carol, ...extra]);
    const m = await send(t, alice, room.id, 'react to me');
    const [forBob, forCarol] = await liveRoomEvents(sockets, [t, t], [bob, carol], room.id, alice);

    // Everyone 👍 (three times each, all at once); Alice, Bob and one more ❤️ (spelled with and without VS16).
    const results = await Promise.all([
      ...everyone.flatMap((u) => [add(u, m.id, '👍'), add(u, m.id, '👍'), add(u, m.id, ' 👍 ')]),
      add(alice, m.id, '❤️'),
      add(bob, m.id, '❤'),
      add(extra[0]!, m.id, '❤️'),
    ]);
    for (const r of results) expect(r.errors).toBeUndefined();

    const asBob = await reactionsAs(bob, m.id);
    expect(asBob.map((g) => [g.emoji, g.count])).toEqual([
      ['👍', 6],
      ['❤️', 3],
    ]);
    expect(asBob.every((g) => g.reactedByMe)).toBe(true);
    expect(new Set(asBob[0]!.users.map((u) => u.id))).toEqual(new Set(everyone.map((u) => u.id)));
    const asCarol = await reactionsAs(carol, m.id);
    expect(asCarol.map((g) => g.reactedByMe)).toEqual([true, false]);

    // The live stream converges on the same totals; reactedByMe is per subscriber.
    const full = (g: Group[]) => countOf(g, '👍') === 6 && countOf(g, '❤️') === 3;
    const bobEvent = (await reactionsEvent(forBob, full)).roomEvents;
    expect(bobEvent).toMatchObject({ roomId: room.id, messageId: m.id, seq: m.seq });
    expect(bobEvent.reactions.map((g: Group) => g.reactedByMe)).toEqual([true, true]);
    const carolEvent = (await reactionsEvent(forCarol, full)).roomEvents;
    expect(carolEvent.reactions.map((g: Group) => g.reactedByMe)).toEqual([true, false]);
    // Exactly one event per real change: 6 👍 + 3 ❤️.
    await new Promise((r) => setTimeout(r, 300));
    expect(forCarol.received.filter((e) => e.roomEvents.__typename === 'ReactionChanged')).toHaveLength(9);

    // Removing is idempotent too.
    const removed = await Promise.all([
      remove(bob, m.id, '❤️'),
      remove(bob, m.id, '❤️'),
      remove(carol, m.id, '🎉'),
    ]);
    for (const r of removed) expect(r.errors).toBeUndefined();
    const gone = (await reactionsEvent(forCarol, (g) => countOf(g, '❤️') === 2)).roomEvents;
    expect(gone).toMatchObject({ user: { id: bob.id }, emoji: '❤️', added: false });
    expect((await reactionsAs(bob, m.id)).map((g) => [g.emoji, g.count, g.reactedByMe])).toEqual([
      ['👍', 6, true],
      ['❤️', 2, false],
    ]);

    // A page of history batches them (and shows the same).
    const page = await t.ok(
      `query($r: ID!) { messages(roomId: $r, last: 50) { edges { node { id reactions { emoji count } } } } }`,
      { r: room.id },
      carol.accessToken,
    );
    const node = page.messages.edges.find((e: { node: { id: string } }) => e.node.id === m.id).node;
    expect(node.reactions).toEqual([
      { emoji: '👍', count: 6 },
      { emoji: '❤️', count: 2 },
    ]);
  });

  it('validates the emoji: exactly one emoji grapheme', async () => {
    const room = await createGroup(t, alice, [bob]);
    const m = await send(t, alice, room.id, 'hi');
    for (const bad of ['', 'a', '👍👍', ':+1:', '1', '👍x', 'x'.repeat(100)]) {
      expectError(await add(bob, m.id, bad), 'BAD_USER_INPUT');
    }
    for (const good of ['👍🏽', '🇩🇪', '👨‍👩‍👧', '1️⃣'])
      expect((await add(bob, m.id, good)).errors).toBeUndefined();
    expect((await reactionsAs(bob, m.id)).map((g) => g.emoji)).toEqual(['👍🏽', '🇩🇪', '👨‍👩‍👧', '1️⃣']);
  });

  it('allows at most 20 different emoji per message, also when racing', async () => {
    const room = await createGroup(t, alice, [bob, carol]);
    const m = await send(t, alice, room.id, 'many');
    const emoji = [...'😀😁😂🤣😃😄😅😆😉😊😋😎😍😘🥰😗😙🥲😚🙂🤗🤩🤔🫡🤨'.matchAll(/\p{RGI_Emoji}/gv)].map(
      (x) => x[0],
    );
    expect(emoji).toHaveLength(25);
    const results = await Promise.all(emoji.map((e, i) => add([alice, bob, carol][i % 3]!, m.id, e)));
    const ok = results.filter((r) => !r.errors);
    const refused = results.filter((r) => r.errors);
    expect(ok).toHaveLength(20);
    for (const r of refused) expectError(r, 'CONFLICT');
    const groups = await reactionsAs(alice, m.id);
    expect(groups).toHaveLength(20);
    // An emoji already there can still be added by others.
    expect((await add(carol, m.id, groups[0]!.emoji)).errors).toBeUndefined();
    expectError(await add(carol, m.id, '🫠'), 'CONFLICT');
  });

  it('fails cleanly on deleted messages, for non-members and without a session', async () => {
    const room = await createGroup(t, alice, [bob]);
    const m = await send(t, alice, room.id, 'to delete');
    await add(bob, m.id, '👍');
    await t.ok(DELETE, { id: m.id }, alice.accessToken);
    expectError(await add(bob, m.id, '👍'), 'BAD_USER_INPUT');
    expectError(await remove(bob, m.id, '👍'), 'BAD_USER_INPUT');
    expect(await reactionsAs(bob, m.id)).toEqual([]); // a tombstone shows none

    const other = await send(t, alice, room.id, 'members only');
    expectError(await add(carol, other.id, '👍'), 'NOT_FOUND');
    expectError(await remove(carol, other.id, '👍'), 'NOT_FOUND');
    expectError(await add(bob, 'not-an-id', '👍'), 'NOT_FOUND');
    expectError(await t.gql(ADD_REACTION, { m: other.id, e: '👍' }), 'UNAUTHENTICATED');
    const history = await t.ok(HISTORY, { r: room.id, last: 10 }, bob.accessToken);
    expect(history.messages.edges.length).toBeGreaterThan(0);
  });

  it('reach only members: a removed member stops receiving them', async () => {
    const room = await createGroup(t, alice, [bob, carol]);
    const m = await send(t, alice, room.id, 'watch');
    const [forBob, forCarol] = await liveRoomEvents(sockets, [t, t], [bob, carol], room.id, alice);
    await t.ok(
      `mutation($r: ID!, $u: ID!) { removeRoomMember(roomId: $r, userId: $u) { id } }`,
      { r: room.id, u: carol.id },
      alice.accessToken,
    );
    await nextMatching(forCarol, (e) => e.roomEvents.__typename === 'MemberLeft');
    await forCarol.ended;
    expect((await add(bob, m.id, '👍')).errors).toBeUndefined();
    await reactionsEvent(forBob, (g) => countOf(g, '👍') === 1);
    expect(forCarol.received.some((e) => e.roomEvents.__typename === 'ReactionChanged')).toBe(false);
    expectError(await add(carol, m.id, '👍'), 'NOT_FOUND');
  });
});
