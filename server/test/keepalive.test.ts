/**
 * Keep-alive pings go to idle WebSockets only (graphql/keepalive.ts): a
 * connection the server sent nothing on for WS_KEEPALIVE_MS gets a `ping`,
 * one receiving events gets none, and a client's own ping is answered either way.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { isIdle } from '../src/graphql/keepalive.ts';
import { createTestApp, type TestApp } from './helpers/app.ts';
import { createGroup, send } from './helpers/chat.ts';
import { registerUser, type TestUser } from './helpers/users.ts';

const KEEPALIVE_MS = 1000;

let t: TestApp;
let alice: TestUser;
let bob: TestUser;
let roomId: string;
const sockets: WebSocket[] = [];
beforeAll(async () => {
  t = await createTestApp({ env: { WS_KEEPALIVE_MS: String(KEEPALIVE_MS) } });
  [alice, bob] = await Promise.all([registerUser(t), registerUser(t)]);
  roomId = (await createGroup(t, alice, [bob])).id;
});
afterAll(async () => {
  for (const ws of sockets) ws.close();
  await t?.close();
});

/** An acknowledged graphql-transport-ws socket of `user`, and every message type it receives from now on. */
async function open(user: TestUser): Promise<{ ws: WebSocket; types: string[] }> {
  const ws = new WebSocket(t.wsUrl, 'graphql-transport-ws');
  sockets.push(ws);
  const types: string[] = [];
  await new Promise<void>((resolve, reject) => {
    ws.on('error', reject);
    ws.on('open', () =>
      ws.send(
        JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${user.accessToken}` } }),
      ),
    );
    ws.on('message', (data) => {
      const { type } = JSON.parse(String(data)) as { type: string };
      if (type === 'connection_ack') resolve();
      else types.push(type);
    });
  });
  return { ws, types };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('keep-alive pings', () => {
  it('ping idle connections every interval and leave busy ones alone', async () => {
    const idle = await open(alice);
    const busy = await open(bob);
    busy.ws.send(
      JSON.stringify({
        type: 'subscribe',
        id: '1',
        payload: {
          query: 'subscription ($r: ID!) { roomEvents(roomId: $r) { __typename } }',
          variables: { r: roomId },
        },
      }),
    );
    await sleep(100); // the subscription running
    // Bob's socket receives a message every 100 ms or so for three intervals; Alice's receives nothing.
    for (let i = 0; i < 30; i++) {
      await Promise.all([send(t, alice, roomId, `tick ${i}`), sleep(100)]);
    }
    const busyPings = busy.types.filter((type) => type === 'ping').length;
    const idlePings = idle.types.filter((type) => type === 'ping').length;
    expect(busy.types.filter((type) => type === 'next').length).toBe(30);
    expect(busyPings).toBe(0);
    expect(idlePings).toBeGreaterThanOrEqual(2);

    // Once the events stop, the busy socket is idle too and gets pinged.
    await sleep(2.5 * KEEPALIVE_MS);
    expect(busy.types.filter((type) => type === 'ping').length).toBeGreaterThanOrEqual(1);
  });

  it("still answer a client's ping with a pong", async () => {
    const { ws, types } = await open(alice);
    ws.send(JSON.stringify({ type: 'ping' }));
    await sleep(100);
    expect(types).toContain('pong');
  });

  it('count a connection as idle only after a whole interval without sending', () => {
    expect(isIdle(undefined, 1000, 5000)).toBe(true);
    expect(isIdle(4000, 1000, 5000)).toBe(true);
    expect(isIdle(4001, 1000, 5000)).toBe(false);
  });
});
