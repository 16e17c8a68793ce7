/**
 * What an open WebSocket keeps alive (graphql/subscription-memory.ts, change 3):
 * once the socket is open, its HTTP upgrade request (and with it the routing
 * response, Fastify's Request and Reply) must be garbage, and a socket error
 * must still end the socket.
 */
import type { IncomingMessage } from 'node:http';
import v8 from 'node:v8';
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createTestApp, type TestApp } from './helpers/app.ts';
import { createGroup, nextMatching, ROOM_EVENTS, registerTrio, send } from './helpers/chat.ts';
import { connectWs } from './helpers/ws.ts';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

/** Collects until `ref` is gone, or gives up after a few rounds (a retained object never goes). */
async function collected(ref: WeakRef<object>): Promise<boolean> {
  for (let i = 0; i < 10 && ref.deref(); i++) {
    await new Promise((r) => setTimeout(r, 20));
    gc();
  }
  return ref.deref() === undefined;
}

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

describe('an open subscription socket', () => {
  it('lets go of its upgrade request and response once it is open', async () => {
    const [alice, bob] = await registerTrio(t);
    const room = await createGroup(t, alice, [bob], 'Memory');
    let request: WeakRef<IncomingMessage> | undefined;
    let response: WeakRef<object> | undefined;
    const onConnection = (_socket: unknown, req: IncomingMessage) => {
      request = new WeakRef(req);
      const res = (req.socket as unknown as { _httpMessage?: object | null })._httpMessage;
      if (res) response = new WeakRef(res);
    };
    t.app.websocketServer.on('connection', onConnection);
    const ws = await connectWs(t.wsUrl, bob.accessToken);
    t.app.websocketServer.off('connection', onConnection);
    try {
      type Ev = { roomEvents: { __typename: string; seq: number } };
      // From the room's last seq: a message sent before the subscription is live is replayed.
      const sub = ws.subscribe<Ev>(ROOM_EVENTS, { r: room.id, after: room.lastSeq });
      const hello = await send(t, alice, room.id, 'hello');
      // The subscription is live (and stays so) while its upgrade request is collected.
      await nextMatching(sub, (e) => e.roomEvents.seq === hello.seq);
      expect(request).toBeDefined();
      expect(response).toBeDefined();
      expect(await collected(request as WeakRef<object>)).toBe(true);
      expect(await collected(response as WeakRef<object>)).toBe(true);
      const later = await send(t, alice, room.id, 'still there');
      await nextMatching(sub, (e) => e.roomEvents.seq === later.seq);
    } finally {
      await ws.close();
    }
  });

  it('still ends the socket on a socket error (invalid UTF-8), without an error log line', async () => {
    const raw = new WebSocket(t.wsUrl, 'graphql-transport-ws');
    await new Promise((resolve, reject) => raw.once('open', resolve).once('error', reject));
    const closed = new Promise<number>((resolve) => raw.once('close', (code) => resolve(code)));
    const before = t.errorLogs.length;
    raw.send(Buffer.from([0xff, 0xfe]), { binary: false });
    expect(await closed).toBe(1007);
    expect(t.errorLogs.slice(before)).toEqual([]);
  });
});
