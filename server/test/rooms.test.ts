import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../src/lib/ids.ts';
import { createTestApp, expectError, type TestApp } from './helpers/app.ts';
import {
  ADD_MEMBERS,
  CREATE_GROUP,
  createGroup,
  HISTORY,
  insertBlock,
  LEAVE,
  MARK_READ,
  OPEN_DM,
  openDm,
  REMOVE_MEMBER,
  RENAME,
  ROOM,
  ROOMS,
  registerTrio,
  roomList,
  roomOf,
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

describe('direct rooms', () => {
  it('gives one room per pair, even when both open it at the same moment', async () => {
    const [a1, b1, a2] = await Promise.all([
      openDm(t, alice, bob),
      openDm(t, bob, alice),
      openDm(t, alice, bob),
    ]);
    expect(new Set([a1.id, b1.id, a2.id]).size).toBe(1);
    const rows = await t.app.db.selectFrom('rooms').select('id').where('kind', '=', 'DIRECT').execute();
    expect(rows.filter((r) => r.id === a1.id)).toHaveLength(1);
    expect(rows).toHaveLength(1);
    expect(a1).toMatchObject({ kind: 'DIRECT', title: 'Bob', peer: { id: bob.id }, memberCount: 2 });
    expect(b1).toMatchObject({ title: 'Alice', peer: { id: alice.id } });
  });

  it('stays out of the other person’s list until the first message', async () => {
    const dm = await openDm(t, carol, alice);
    expect((await roomList(t, carol)).map((r) => r.id)).toContain(dm.id);
    expect((await roomList(t, alice)).map((r) => r.id)).not.toContain(dm.id);
    await send(t, carol, dm.id, 'hello Alice');
    const listed = (await roomList(t, alice)).find((r) => r.id === dm.id);
    expect(listed).toMatchObject({ title: 'Carol', unreadCount: 1, lastMessage: { body: 'hello Alice' } });
  });

  it('refuses yourself (BAD_USER_INPUT), unknown people (NOT_FOUND) and blocks either way (FORBIDDEN)', async () => {
    expectError(await t.gql(OPEN_DM, { id: alice.id }, alice.accessToken), 'BAD_USER_INPUT');
    expectError(await t.gql(OPEN_DM, { id: uuidv7() }, alice.accessToken), 'NOT_FOUND');
    expectError(await t.gql(OPEN_DM, { id: 'nope' }, alice.accessToken), 'NOT_FOUND');
    const dave = await registerUser(t);
    const erin = await registerUser(t);
    await insertBlock(t, dave, erin);
    const byBlocked = expectError(await t.gql(OPEN_DM, { id: dave.id }, erin.accessToken), 'FORBIDDEN');
    const byBlocker = expectError(await t.gql(OPEN_DM, { id: erin.id }, dave.accessToken), 'FORBIDDEN');
    expect(byBlocked.message).toBe(byBlocker.message); // neutral: does not say who blocked whom
    expectError(await t.gql(OPEN_DM, { id: dave.id }), 'UNAUTHENTICATED');
  });
});

describe('group rooms', () => {
  it('creates a group with the creator as OWNER and an optional first message', async () => {
    const room = await createGroup(t, alice, [bob, carol], '  Launch   crew ', 'Welcome @bob');
    expect(room).toMatchObject({ kind: 'GROUP', title: 'Launch crew', myRole: 'OWNER', memberCount: 3 });
    expect(room).toMatchObject({ lastSeq: 1, lastReadSeq: 1, unreadCount: 0, lastMessage: { seq: 1 } });
    const forBob = await roomOf(t, bob, room.id);
    expect(forBob).toMatchObject({ myRole: 'MEMBER', unreadCount: 1, lastReadSeq: 0, peer: null });
  });

  it('validates input: title, unknown or malformed members, too many members', async () => {
    const create = (input: object) => t.gql(CREATE_GROUP, { input }, alice.accessToken);
    expectError(await create({ title: '  ', memberIds: [bob.id] }), 'BAD_USER_INPUT');
    expectError(await create({ title: 'x'.repeat(101), memberIds: [] }), 'BAD_USER_INPUT');
    expectError(await create({ title: 'T', memberIds: [uuidv7()] }), 'BAD_USER_INPUT');
    expectError(await create({ title: 'T', memberIds: ['not-an-id'] }), 'BAD_USER_INPUT');
    expectError(await create({ title: 'T', memberIds: [bob.id], firstMessage: '   ' }), 'BAD_USER_INPUT');
    const many = Array.from({ length: 256 }, () => uuidv7());
    const r = expectError(await create({ title: 'Crowd', memberIds: many }), 'BAD_USER_INPUT');
    expect(r.message).toMatch(/256/);
  });

  it('refuses to add someone who blocked the adder or whom the adder blocked (FORBIDDEN)', async () => {
    const [x, y, z] = await Promise.all([registerUser(t), registerUser(t), registerUser(t)]);
    await insertBlock(t, y, x);
    expectError(
      await t.gql(CREATE_GROUP, { input: { title: 'T', memberIds: [y.id] } }, x.accessToken),
      'FORBIDDEN',
    );
    const room = await createGroup(t, x, [z]);
    expectError(await t.gql(ADD_MEMBERS, { r: room.id, u: [y.id] }, x.accessToken), 'FORBIDDEN');
    await insertBlock(t, z, alice);
    const room2 = await createGroup(t, z, [bob]);
    expectError(await t.gql(ADD_MEMBERS, { r: room2.id, u: [alice.id] }, z.accessToken), 'FORBIDDEN');
  });

  it('renames (owner/admin only) and records it in history', async () => {
    const room = await createGroup(t, alice, [bob]);
    expectError(await t.gql(RENAME, { r: room.id, t: 'Mine' }, bob.accessToken), 'FORBIDDEN');
    expectError(await t.gql(RENAME, { r: room.id, t: 'Mine' }, carol.accessToken), 'NOT_FOUND');
    const renamed = (await t.ok(RENAME, { r: room.id, t: 'Renamed' }, alice.accessToken)).renameRoom;
    expect(renamed).toMatchObject({ title: 'Renamed', lastSeq: 1 });
    const h = await t.ok(HISTORY, { r: room.id }, bob.accessToken);
    expect(h.messages.edges[0].node).toMatchObject({ seq: 1, kind: 'SYSTEM', sender: null });
    expect(h.messages.edges[0].node.body).toContain('Renamed');
    // The system message counts for nobody's unread.
    expect((await roomOf(t, bob, room.id)).unreadCount).toBe(0);
  });

  it('shows members added later the history from their join point only', async () => {
    const room = await createGroup(t, alice, [bob]);
    await send(t, alice, room.id, 'before carol 1');
    await send(t, bob, room.id, 'before carol 2');
    const added = (await t.ok(ADD_MEMBERS, { r: room.id, u: [carol.id, bob.id] }, alice.accessToken))
      .addRoomMembers;
    expect(added.memberCount).toBe(3);
    await send(t, bob, room.id, 'after carol');

    const forCarol = await roomOf(t, carol, room.id);
    expect(forCarol).toMatchObject({ visibleFromSeq: 3, lastReadSeq: 3, unreadCount: 1, lastSeq: 4 });
    const h = await t.ok(HISTORY, { r: room.id }, carol.accessToken);
    expect(h.messages.edges.map((e: { node: { seq: number } }) => e.node.seq)).toEqual([3, 4]);
    expect(h.messages.edges[0].node.kind).toBe('SYSTEM');
    expect(h.messages.pageInfo.hasPreviousPage).toBe(false);
    const early = await t.app.db
      .selectFrom('messages')
      .select('id')
      .where('room_id', '=', room.id)
      .where('seq', '=', 1)
      .executeTakeFirstOrThrow();
    expectError(
      await t.gql(`query($id: ID!) { message(id: $id) { id } }`, { id: early.id }, carol.accessToken),
      'NOT_FOUND',
    );
    // Bob's view is unchanged: he sees everything.
    expect((await t.ok(HISTORY, { r: room.id }, bob.accessToken)).messages.edges).toHaveLength(4);
  });

  it('lets owners and admins remove members; only the owner removes admins; the owner stays', async () => {
    const dave = await registerUser(t);
    const room = await createGroup(t, alice, [bob, carol, dave]);
    expectError(await t.gql(REMOVE_MEMBER, { r: room.id, u: carol.id }, bob.accessToken), 'FORBIDDEN');
    await t.ok(SET_ROLE, { r: room.id, u: bob.id, role: 'ADMIN' }, alice.accessToken);
    expectError(
      await t.gql(SET_ROLE, { r: room.id, u: carol.id, role: 'ADMIN' }, bob.accessToken),
      'FORBIDDEN',
    );
    expectError(await t.gql(REMOVE_MEMBER, { r: room.id, u: alice.id }, bob.accessToken), 'FORBIDDEN');
    const removed = (await t.ok(REMOVE_MEMBER, { r: room.id, u: carol.id }, bob.accessToken))
      .removeRoomMember;
    expect(removed.memberCount).toBe(3);
    await t.ok(SET_ROLE, { r: room.id, u: dave.id, role: 'ADMIN' }, alice.accessToken);
    expectError(await t.gql(REMOVE_MEMBER, { r: room.id, u: dave.id }, bob.accessToken), 'FORBIDDEN');
    expectError(await t.gql(REMOVE_MEMBER, { r: room.id, u: carol.id }, alice.accessToken), 'NOT_FOUND');

    // The removed member can no longer see the room or its messages.
    expectError(await t.gql(ROOM, { id: room.id }, carol.accessToken), 'NOT_FOUND');
    expectError(await t.gql(HISTORY, { r: room.id }, carol.accessToken), 'NOT_FOUND');
    expect((await roomList(t, carol)).map((r) => r.id)).not.toContain(room.id);
    expectError(await t.gql(MARK_READ, { r: room.id, seq: 1 }, carol.accessToken), 'NOT_FOUND');
  });

  it('hands ownership on when the owner leaves; direct rooms cannot be left', async () => {
    const dave = await registerUser(t);
    const room = await createGroup(t, alice, [bob, dave]);
    await t.ok(SET_ROLE, { r: room.id, u: dave.id, role: 'ADMIN' }, alice.accessToken);
    expect((await t.ok(LEAVE, { r: room.id }, alice.accessToken)).leaveRoom).toBe(true);
    expect((await roomOf(t, dave, room.id)).myRole).toBe('OWNER');
    expect((await roomOf(t, bob, room.id)).myRole).toBe('MEMBER');
    expectError(await t.gql(ROOM, { id: room.id }, alice.accessToken), 'NOT_FOUND');
    expectError(await t.gql(LEAVE, { r: room.id }, alice.accessToken), 'NOT_FOUND');
    const dm = await openDm(t, alice, bob);
    expectError(await t.gql(LEAVE, { r: dm.id }, alice.accessToken), 'BAD_USER_INPUT');
  });

  it('answers NOT_FOUND for rooms that do not exist or are not yours', async () => {
    const room = await createGroup(t, alice, [bob]);
    expectError(await t.gql(ROOM, { id: room.id }, carol.accessToken), 'NOT_FOUND');
    expectError(await t.gql(ROOM, { id: uuidv7() }, alice.accessToken), 'NOT_FOUND');
    expectError(await t.gql(ROOM, { id: 'x' }, alice.accessToken), 'NOT_FOUND');
    expectError(await t.gql(ADD_MEMBERS, { r: room.id, u: [carol.id] }, carol.accessToken), 'NOT_FOUND');
  });
});

describe('room list', () => {
  it('orders by last activity, pages with an opaque cursor, and carries unread counts', async () => {
    const [u, v] = await Promise.all([registerUser(t), registerUser(t)]);
    const rooms = [];
    for (let i = 0; i < 5; i++) rooms.push(await createGroup(t, v, [u], `Room ${i}`));
    await send(t, v, rooms[1]!.id, 'bump 1');
    await send(t, v, rooms[1]!.id, 'bump 2');
    await send(t, u, rooms[3]!.id, 'mine');
    const all = await roomList(t, u);
    expect(all.map((r) => r.title)).toEqual(['Room 3', 'Room 1', 'Room 4', 'Room 2', 'Room 0']);
    expect(all.map((r) => r.unreadCount)).toEqual([0, 2, 0, 0, 0]);

    const p1 = (await t.ok(ROOMS, { first: 2 }, u.accessToken)).rooms;
    expect(p1.pageInfo.hasNextPage).toBe(true);
    // Edge cursors are encoded only when asked for: each is the one pageInfo gives for its place.
    expect(p1.edges.at(-1).cursor).toBe(p1.pageInfo.endCursor);
    const fromEdge = (await t.ok(ROOMS, { first: 1, after: p1.edges[0].cursor }, u.accessToken)).rooms;
    expect(fromEdge.edges[0].node.title).toBe(all[1]?.title);
    const p2 = (await t.ok(ROOMS, { first: 2, after: p1.pageInfo.endCursor }, u.accessToken)).rooms;
    const p3 = (await t.ok(ROOMS, { first: 2, after: p2.pageInfo.endCursor }, u.accessToken)).rooms;
    const paged = [...p1.edges, ...p2.edges, ...p3.edges].map(
      (e: { node: { title: string } }) => e.node.title,
    );
    expect(paged).toEqual(all.map((r) => r.title));
    expect(p3.pageInfo.hasNextPage).toBe(false);
    expectError(await t.gql(ROOMS, { first: 2, after: 'garbage' }, u.accessToken), 'BAD_USER_INPUT');
    expectError(await t.gql(ROOMS, { first: 101 }, u.accessToken), 'BAD_USER_INPUT');
  });

  it('costs the same number of SQL statements for 20 rooms as for 200', async () => {
    const [u, v, w] = await Promise.all([registerUser(t), registerUser(t), registerUser(t)]);
    const LIST = `{ rooms(first: 100) { edges { cursor node {
      id kind title myRole memberCount unreadCount lastReadSeq lastSeq visibleFromSeq lastActivityAt
      peer { id displayName } members { role joinedAt user { id username displayName } }
      lastMessage { id seq body sender { id displayName } mentions { id username } }
    } } pageInfo { hasNextPage endCursor } } }`;
    const makeGroups = async (n: number) => {
      for (let i = 0; i < n; i += 10) {
        await Promise.all(
          Array.from({ length: Math.min(10, n - i) }, (_, k) =>
            createGroup(t, v, [u, w], `G${i + k}`, `hello @${u.username}`),
          ),
        );
      }
    };
    // Direct rooms too (their title and peer come from the other person),
    // bumped to the top before each measurement so both pages hold the same mix.
    const dms = [(await openDm(t, u, v)).id, (await openDm(t, w, u)).id];
    const bumpDms = async () => {
      await send(t, u, dms[0]!, 'hi v');
      await send(t, w, dms[1]!, 'hi u');
    };
    const measure = async () => {
      const before = t.app.dbStats.queries;
      const r = await t.ok(LIST, {}, u.accessToken);
      return { statements: t.app.dbStats.queries - before, rooms: r.rooms.edges.length };
    };
    // Each measurement follows a change to the user's rooms, so it reads the page (not the
    // room-list cache, which rooms.list-cache.test.ts covers).
    await makeGroups(18);
    await bumpDms();
    await measure(); // warm-up: Mercurius JIT-compiles a query after its first run
    await bumpDms();
    const small = await measure();
    await makeGroups(180);
    await bumpDms();
    const large = await measure();
    expect(small.rooms).toBe(20);
    expect(large.rooms).toBe(100);
    expect(large.statements).toBe(small.statements);
    // session check + the page + members + users (at most two user batches)
    expect(small.statements).toBeLessThanOrEqual(5);
  });
});
