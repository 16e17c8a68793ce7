/**
 * Room events executed once per selection (graphql/shared-execution.ts), with
 * the web client's own conversation subscription: a just-sent message embeds
 * its (empty) reactions and readers, so every subscriber's copy comes from
 * one execution with no reads; replies and replayed messages, whose receipts,
 * reactions and replied-to message depend on the viewer or on later changes,
 * are executed per subscriber with their real values.
 */
import { createRequire } from 'node:module';
import { type ExecutionArgs, type ExecutionResult, parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConversationEventsDocument } from '../../client/src/gql/graphql.ts';
import { uuidv7 } from '../src/lib/ids.ts';
import { createTestApp, type TestApp, untilNoStatements } from './helpers/app.ts';
import { createGroup, MARK_READ, nextMatching, send } from './helpers/chat.ts';
import { ADD_REACTION } from './helpers/live.ts';
import { registerUser, type TestUser } from './helpers/users.ts';
import { connectWs, type LiveSubscription, type WsConnection } from './helpers/ws.ts';

interface Delivered {
  id: string;
  clientId: string | null;
  sender: { id: string; isMe: boolean } | null;
  readCount: number;
  readBy: { user: { id: string } }[];
  reactions: { emoji: string; count: number; reactedByMe: boolean }[];
  replyTo: { id: string } | null;
}
type Event = { roomEvents: { __typename: string; seq?: number; message?: Delivered } };

let t: TestApp;
let people: TestUser[];
let roomId: string;
const sockets: WsConnection[] = [];
beforeAll(async () => {
  t = await createTestApp();
  people = await Promise.all([1, 2, 3, 4].map(() => registerUser(t)));
  const [owner, ...others] = people as [TestUser, ...TestUser[]];
  roomId = (await createGroup(t, owner, others)).id;
});
afterAll(async () => {
  await Promise.all(sockets.map((s) => s.close()));
  await t?.close();
});

/** `user` subscribed to the room with the web client's document, from after `afterSeq`. */
async function subscribe(user: TestUser, afterSeq: number): Promise<LiveSubscription<Event>> {
  const ws = await connectWs(t.wsUrl, user.accessToken);
  sockets.push(ws);
  return ws.subscribe(ConversationEventsDocument, { roomId, afterSeq }) as LiveSubscription<Event>;
}
const created = (sub: LiveSubscription<Event>, seq: number) =>
  nextMatching(sub, (e) => e.roomEvents.__typename === 'MessageCreated' && e.roomEvents.seq === seq);
const lastSeq = async () =>
  Number(
    (await t.app.db.selectFrom('rooms').select('last_seq').where('id', '=', roomId).executeTakeFirstOrThrow())
      .last_seq,
  );

describe('shared execution of the web client subscription', () => {
  it('delivers a just-sent message from one execution, each subscriber seeing it as themself', async () => {
    const [alice] = people as [TestUser];
    const from = await lastSeq();
    const subs = await Promise.all(people.map((u) => subscribe(u, from)));
    // Every subscription live (its access check and replay done) before counting statements.
    const warm = await send(t, alice, roomId, 'warming up');
    await Promise.all(subs.map((s) => created(s, warm.seq)));
    await untilNoStatements(t); // the connects' presence writes
    const before = t.app.dbStats.queries;
    const sent = await send(t, alice, roomId, 'hello everyone', { clientId: uuidv7() });
    const got = await Promise.all(subs.map((s) => created(s, sent.seq)));
    // The send's own statements only: none per subscriber (each used to read receipts and reactions).
    expect(t.app.dbStats.queries - before).toBeLessThan(people.length);
    got.forEach((e, i) => {
      const mine = i === 0;
      expect(e.roomEvents.message).toMatchObject({
        id: sent.id,
        clientId: mine ? expect.any(String) : null,
        sender: { id: alice.id, isMe: mine },
        readCount: 0,
        readBy: [],
        reactions: [],
        replyTo: null,
      });
    });
  });

  it('gives a mentioned subscriber a result of their own: the mention is them, for no one else', async () => {
    const [alice, , carol, dave] = people as [TestUser, TestUser, TestUser, TestUser];
    const from = await lastSeq();
    const subs = await Promise.all(people.map((u) => subscribe(u, from)));
    const sent = await send(t, alice, roomId, `hey @${carol.username} and @${dave.username}`);
    const got = await Promise.all(subs.map((s) => created(s, sent.seq)));
    type Mention = { id: string; isMe: boolean };
    const seen = got.map((e) => (e.roomEvents.message as unknown as { mentions: Mention[] }).mentions);
    const isMe = (m: Mention[], who: TestUser) => m.find((x) => x.id === who.id)?.isMe;
    // alice (the sender) and bob (anyone else) share results; carol and dave each see themselves.
    expect(seen.map((m) => [isMe(m, carol), isMe(m, dave)])).toEqual([
      [false, false],
      [false, false],
      [true, false],
      [false, true],
    ]);
    expect(got.map((e) => e.roomEvents.message?.sender?.isMe)).toEqual([true, false, false, false]);
  });

  it('executes replies and replayed messages per subscriber, with their real reactions and receipts', async () => {
    const [alice, bob, carol, dave] = people as [TestUser, TestUser, TestUser, TestUser];
    const from = await lastSeq();
    const original = await send(t, alice, roomId, 'react to me');
    await t.ok(ADD_REACTION, { m: original.id, e: '👍' }, bob.accessToken);
    await t.ok(MARK_READ, { r: roomId, seq: original.seq }, carol.accessToken);

    // Replayed from the database: what the message has now, as each viewer sees it.
    const [asBob, asDave] = await Promise.all([subscribe(bob, from), subscribe(dave, from)]);
    for (const [sub, reacted] of [
      [asBob, true],
      [asDave, false],
    ] as const) {
      const m = (await created(sub, original.seq)).roomEvents.message;
      expect(m?.reactions).toEqual([{ emoji: '👍', count: 1, reactedByMe: reacted }]);
      expect(m?.readCount).toBe(1);
      expect(m?.readBy.map((r) => r.user.id)).toEqual([carol.id]);
    }

    // A reply names the message it answers.
    const reply = await t.ok(
      `mutation($input: SendMessageInput!) { sendMessage(input: $input) { id seq } }`,
      { input: { roomId, body: 'a reply', clientId: uuidv7(), replyToId: original.id } },
      dave.accessToken,
    );
    for (const sub of [asBob, asDave]) {
      const m = (await created(sub, reply.sendMessage.seq)).roomEvents.message;
      expect(m?.replyTo).toMatchObject({ id: original.id });
      expect(m?.reactions).toEqual([]);
    }
  });
});

describe('the lifetime of shared results', () => {
  it('keeps them for the turn that delivers the event, then executes again', async () => {
    // The execute graphql-js' subscribe() calls, which graphql/shared-execution.ts replaced.
    const { execute } = createRequire(import.meta.url)('graphql/execution/execute.js') as {
      execute(args: ExecutionArgs): ExecutionResult | Promise<ExecutionResult>;
    };
    const document = parse(`subscription($r: ID!) {
      roomEvents(roomId: $r) { __typename ... on MessageCreated { seq message { id body } } }
    }`);
    // Loaded after the app (as the server loads it: Mercurius' subscription modules first patched).
    const { shareable } = await import('../src/graphql/shared-execution.ts');
    const [alice, bob, carol, dave] = people as [TestUser, TestUser, TestUser, TestUser];
    const id = uuidv7();
    const message = { id, roomId, seq: 7, kind: 'USER', senderId: alice.id, body: 'shared', mentionIds: [] };
    const event = shareable({ __typename: 'MessageCreated', roomId, seq: 7, message });
    const asViewer = (user: TestUser) =>
      execute({
        schema: t.app.graphql.schema,
        document,
        rootValue: event,
        contextValue: { viewer: { userId: user.id } },
        variableValues: { r: roomId },
      });
    const expected = {
      data: { roomEvents: { __typename: 'MessageCreated', seq: 7, message: { id, body: 'shared' } } },
    };

    const first = await asViewer(bob);
    expect(first).toEqual(expected);
    // Same turn, same selection and viewer class: the same result object (one execution).
    expect(await asViewer(carol)).toBe(first);
    // After the turn the event's results are released: a late subscriber executes it again.
    await new Promise((resolve) => setImmediate(resolve));
    const late = await asViewer(dave);
    expect(late).not.toBe(first);
    expect(late).toEqual(expected);
  });
});
