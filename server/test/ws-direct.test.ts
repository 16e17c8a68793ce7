/**
 * Shared subscription frames are written straight to the socket
 * (graphql/ws-direct.ts), bypassing `ws`'s sender. The bytes must be exactly
 * what `ws` would have written, in order with what `ws` writes, and a socket
 * whose sender is not idle (permessage-deflate) must still get its messages
 * through `ws`. The last test checks that a real delivery takes the direct
 * path, so a `ws` upgrade that changes the internals it reads fails here.
 */

import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { directWritable, joinedTextFrame, sendJoinedText } from '../src/graphql/ws-direct.ts';
import { createTestApp, type TestApp } from './helpers/app.ts';
import { createGroup, registerTrio, send } from './helpers/chat.ts';
import { connectWs } from './helpers/ws.ts';

const require = createRequire(import.meta.url);
interface FrameOptions {
  fin: boolean;
  opcode: number;
  mask: boolean;
  readOnly: boolean;
  rsv1: boolean;
}
const { Sender } = require('ws') as {
  Sender: {
    frame(data: Buffer, options: FrameOptions): Buffer[];
    prototype: { send(data: unknown, options: { mask?: boolean }, cb?: unknown): void };
  };
};

/** What `ws` puts on the wire for a server's text message `data`. */
const wsFrame = (data: Buffer) =>
  Buffer.concat(Sender.frame(data, { fin: true, opcode: 1, mask: false, readOnly: false, rsv1: false }));

describe('joinedTextFrame', () => {
  it("is byte for byte ws's own frame, on each side of the header's size steps", () => {
    const head = Buffer.from('{"type":"next","id":"s","payload":');
    // Message lengths (head + body + '}') around 125/126 and 65,535/65,536 bytes.
    for (const length of [head.length + 1, 125, 126, 127, 65_535, 65_536, 70_000]) {
      const body = Buffer.from('x'.repeat(length - head.length - 1));
      const message = Buffer.concat([head, body, Buffer.from('}')]);
      expect(message.length).toBe(length);
      expect(joinedTextFrame(head, body).equals(wsFrame(message))).toBe(true);
    }
  });
});

describe('sendJoinedText on a real connection', () => {
  /** A server and a client that collects what it receives (as text). */
  async function pair(perMessageDeflate: boolean) {
    const wss = new WebSocketServer({ port: 0, perMessageDeflate: perMessageDeflate && { threshold: 0 } });
    await new Promise((resolve) => wss.once('listening', resolve));
    const serverSide = new Promise<WebSocket>((resolve) => wss.once('connection', resolve));
    const client = new WebSocket(`ws://127.0.0.1:${(wss.address() as AddressInfo).port}`, {
      perMessageDeflate,
    });
    const received: string[] = [];
    client.on('message', (data, isBinary) => {
      expect(isBinary).toBe(false);
      received.push(String(data));
    });
    await new Promise((resolve) => client.once('open', resolve));
    const server = await serverSide;
    return {
      server,
      received,
      async close() {
        client.terminate();
        await new Promise((resolve) => wss.close(resolve));
      },
    };
  }

  it('writes directly, in order with messages sent through ws, small and large', async () => {
    const p = await pair(false);
    try {
      let throughWs = 0;
      const send = p.server.send.bind(p.server);
      p.server.send = ((...args: Parameters<typeof send>) => {
        throughWs++;
        return send(...args);
      }) as typeof p.server.send;
      expect(directWritable(p.server)).toBe(true);
      const head = Buffer.from('{"type":"next","id":"a","payload":');
      const small = Buffer.from('{"data":{"n":1}');
      const large = Buffer.from(`{"data":{"s":"${'y'.repeat(80_000)}"}`);
      p.server.send('first');
      sendJoinedText(p.server, head, small);
      sendJoinedText(p.server, head, large);
      p.server.send('last');
      await expect.poll(() => p.received.length).toBe(4);
      expect(p.received).toEqual(['first', `${head}${small}}`, `${head}${large}}`, 'last']);
      expect(throughWs).toBe(2); // 'first' and 'last' only
    } finally {
      await p.close();
    }
  });

  it('goes through ws when permessage-deflate was negotiated', async () => {
    const p = await pair(true);
    try {
      expect(directWritable(p.server)).toBe(false);
      const head = Buffer.from('{"type":"next","id":"z","payload":');
      const body = Buffer.from(`{"data":{"s":"${'z'.repeat(5_000)}"}`);
      p.server.send('first');
      sendJoinedText(p.server, head, body);
      await expect.poll(() => p.received.length).toBe(2);
      expect(p.received).toEqual(['first', `${head}${body}}`]);
    } finally {
      await p.close();
    }
  });

  it('neither writes nor throws once the socket is closing', async () => {
    const p = await pair(false);
    try {
      p.server.close();
      expect(directWritable(p.server)).toBe(false);
      expect(() => sendJoinedText(p.server, Buffer.from('{"a":'), Buffer.from('1'))).not.toThrow();
    } finally {
      await p.close();
    }
  });
});

describe('room event deliveries', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  it("take the direct path: a delivered `next` never passes through ws's sender", async () => {
    const [alice, bob] = await registerTrio(t);
    const room = await createGroup(t, alice, [bob]);
    const serverSent: string[] = [];
    const original = Sender.prototype.send;
    Sender.prototype.send = function (this: unknown, data, options, cb) {
      if (!options.mask) serverSent.push(Buffer.isBuffer(data) ? data.toString() : String(data));
      return original.call(this, data, options, cb);
    };
    try {
      const conn = await connectWs(t.wsUrl, bob.accessToken);
      try {
        const sub = conn.subscribe<{ roomEvents: { seq: number; message: { body: string } } }>(
          `subscription($r: ID!) { roomEvents(roomId: $r, afterSeq: 0) {
            __typename ... on MessageCreated { seq message { id body sender { id displayName } } } } }`,
          { r: room.id },
        );
        // The first message may arrive by replay (sent before the subscription was live).
        const first = await send(t, alice, room.id, 'live yet?');
        expect((await sub.next()).roomEvents.seq).toBe(first.seq);
        const before = serverSent.length;
        const sent = await send(t, alice, room.id, 'straight to the socket');
        const event = await sub.next();
        expect(event.roomEvents.seq).toBe(sent.seq);
        expect(event.roomEvents.message.body).toBe('straight to the socket');
        // The connection's own messages (connection_ack) went through ws: the spy sees the server.
        expect(serverSent.some((m) => m.includes('connection_ack'))).toBe(true);
        expect(serverSent.slice(before).filter((m) => m.includes('"type":"next"'))).toEqual([]);
      } finally {
        await conn.close();
      }
    } finally {
      Sender.prototype.send = original;
    }
  });
});
