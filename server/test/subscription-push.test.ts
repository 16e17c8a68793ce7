/**
 * Room events are delivered by push (graphql/push-stream.ts): executed and
 * written as they arrive. What the pull loop gave for free has to hold here
 * too: a subscriber that stops reading is paced by its socket, not buffered
 * without bound in the server's send buffer, and events whose execution is
 * asynchronous still arrive in order.
 */
import type { Socket } from 'node:net';
import type { Message } from 'mqemitter';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { uuidv7 } from '../src/lib/ids.ts';
import { roomTopic } from '../src/modules/rooms/rooms.topics.ts';
import { createTestApp, type TestApp } from './helpers/app.ts';
import { createGroup, registerTrio, send } from './helpers/chat.ts';
import type { TestUser } from './helpers/users.ts';

let t: TestApp;
let alice: TestUser;
let bob: TestUser;
let carol: TestUser;
beforeAll(async () => {
  t = await createTestApp();
  [alice, bob, carol] = await registerTrio(t);
});
afterAll(() => t?.close());

// biome-ignore lint/suspicious/noExplicitAny: event shapes are checked by the assertions
type Frame = { type: string; id?: string; payload?: any };

/** A bare graphql-transport-ws client, so the test can stop reading its socket. */
async function rawClient(token: string) {
  const ws = new WebSocket(t.wsUrl, 'graphql-transport-ws');
  const frames: Frame[] = [];
  const waiters: { match: (f: Frame) => boolean; resolve: (f: Frame) => void }[] = [];
  ws.on('message', (data) => {
    const frame = JSON.parse(String(data)) as Frame;
    frames.push(frame);
    for (const w of waiters.splice(0)) {
      if (w.match(frame)) w.resolve(frame);
      else waiters.push(w);
    }
  });
  const until = (match: (f: Frame) => boolean, timeoutMs = 10_000) =>
    new Promise<Frame>((resolve, reject) => {
      const seen = frames.find(match);
      if (seen) return resolve(seen);
      const timer = setTimeout(() => reject(new Error('no such frame in time')), timeoutMs);
      waiters.push({
        match,
        resolve: (f) => {
          clearTimeout(timer);
          resolve(f);
        },
      });
    });
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  ws.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } }));
  await until((f) => f.type === 'connection_ack');
  return {
    ws,
    frames,
    until,
    subscribe(id: string, query: string, variables: Record<string, unknown>) {
      ws.send(JSON.stringify({ type: 'subscribe', id, payload: { query, variables } }));
    },
    /** The TCP socket under the client's WebSocket. */
    get socket(): Socket {
      return (ws as unknown as { _socket: Socket })._socket;
    },
  };
}

/** The MessageCreated payload published for a real message, to copy from. */
async function publishedTemplate(roomId: string, user: TestUser) {
  let template: Record<string, unknown> | undefined;
  const topic = roomTopic(roomId);
  const listener = (m: Message, done: () => void) => {
    const payload = (m as { payload?: Record<string, unknown> }).payload;
    if (payload?.__typename === 'MessageCreated') template = payload;
    done();
  };
  await new Promise<void>((resolve) => t.app.emitter.on(topic, listener, () => resolve()));
  try {
    const sent = await send(t, user, roomId, 'template');
    await expect.poll(() => template).toBeDefined();
    return { template: template as Record<string, unknown> & { message: Record<string, unknown> }, sent };
  } finally {
    t.app.emitter.removeListener(topic, listener);
  }
}

// `afterSeq: 0`: the subscription may become live after the first message is sent (a busy
// machine, a Redis SUBSCRIBE round trip); the resume point replays it, as a real client's would.
const SEQS = `subscription($r: ID!) { roomEvents(roomId: $r, afterSeq: 0) {
  __typename ... on MessageCreated { seq message { id body } } } }`;

describe('room events by push', () => {
  it('paces a subscriber that stops reading by its socket, then delivers every event in order', async () => {
    const room = await createGroup(t, alice, [bob]);
    const client = await rawClient(bob.accessToken);
    try {
      client.subscribe('s', SEQS, { r: room.id });
      const { template, sent } = await publishedTemplate(room.id, alice);
      await client.until((f) => f.type === 'next' && f.payload.data.roomEvents.seq === sent.seq);

      // The server's end of this client's connection (the only one open on this app).
      const open = [...(t.app.websocketServer as { clients: Set<unknown> }).clients] as { _socket: Socket }[];
      expect(open).toHaveLength(1);
      const serverWs = open[0] as { _socket: Socket };

      client.socket.pause();
      // 32 MB of events: far more than the kernel's socket buffers hold.
      const count = 1_000;
      const body = 'x'.repeat(32 * 1024);
      const base = sent.seq;
      for (let i = 1; i <= count; i++)
        await t.app.events.publish(roomTopic(room.id), {
          ...template,
          seq: base + i,
          message: { ...template.message, id: uuidv7(), seq: base + i, body: `${i} ${body}` },
        });
      // Let the server write all it will write while the client is not reading.
      let last = -1;
      await expect
        .poll(
          () => {
            const now = serverWs._socket.writableLength;
            const settled = now === last;
            last = now;
            return settled;
          },
          { interval: 200, timeout: 10_000 },
        )
        .toBe(true);
      // Paced: at most a socket's high-water mark and the frame that crossed it wait in user space
      // (without pacing, every frame the kernel would not take: tens of MB).
      expect(serverWs._socket.writableLength).toBeLessThan(256 * 1024);

      client.socket.resume();
      await client.until((f) => f.type === 'next' && f.payload.data.roomEvents.seq === base + count, 30_000);
      const seqs = client.frames
        .filter((f) => f.type === 'next')
        .map((f) => f.payload.data.roomEvents.seq as number)
        .filter((s) => s > base);
      expect(seqs).toEqual(Array.from({ length: count }, (_, i) => base + 1 + i));
      const lastBody = client.frames.at(-1)?.payload.data.roomEvents.message.body as string;
      expect(lastBody).toBe(`${count} ${body}`);
    } finally {
      client.ws.terminate();
    }
  });

  it('keeps events in order when some executions wait for the database and others do not', async () => {
    const room = await createGroup(t, alice, [bob, carol]);
    const client = await rawClient(carol.accessToken);
    try {
      // A created message's reactions and readBy are read per viewer (loaders, PostgreSQL), so its
      // execution is asynchronous; a deleted message's selection here needs nothing but the event.
      client.subscribe(
        's',
        `subscription($r: ID!) { roomEvents(roomId: $r, afterSeq: 0) {
          __typename
          ... on MessageCreated { seq message { id reactions { emoji count } readBy(first: 5) { user { id } } } }
          ... on MessageDeleted { seq message { id deletedAt } } } }`,
        { r: room.id },
      );
      const { template, sent } = await publishedTemplate(room.id, alice);
      await client.until((f) => f.type === 'next' && f.payload.data.roomEvents.seq === sent.seq);
      const base = sent.seq;
      const events = Array.from({ length: 40 }, (_, i) => {
        const seq = base + 1 + i;
        const message = { ...template.message, id: uuidv7(), seq };
        return i % 2 === 0
          ? { ...template, __typename: 'MessageCreated', seq, message }
          : {
              ...template,
              __typename: 'MessageDeleted',
              seq,
              message: { ...message, body: '', deletedAt: new Date() },
            };
      });
      // Published in one go: each deletion arrives while the creation before it is still executing.
      await Promise.all(events.map((e) => t.app.events.publish(roomTopic(room.id), e)));
      await client.until((f) => f.type === 'next' && f.payload.data.roomEvents.seq === base + events.length);
      const got = client.frames
        .filter((f) => f.type === 'next' && f.payload.data.roomEvents.seq > base)
        .map((f) => `${f.payload.data.roomEvents.__typename} ${f.payload.data.roomEvents.seq}`);
      expect(got).toEqual(events.map((e) => `${e.__typename} ${e.seq}`));
      expect(client.frames.filter((f) => f.type === 'error')).toEqual([]);
    } finally {
      client.ws.terminate();
    }
  });
});
