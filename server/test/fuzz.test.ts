/**
 * Hostile input at the entry points (issue #9): malformed JSON, wrong
 * protocol messages, huge strings, deep nesting, random bytes. Every case
 * gets an error (never a 500 with internals, never a hang), and the server
 * keeps serving afterwards.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { uuidv7 } from '../src/lib/ids.ts';
import { createTestApp, type TestApp } from './helpers/app.ts';
import { registerUser, type TestUser } from './helpers/users.ts';

let t: TestApp;
let user: TestUser;
beforeAll(async () => {
  t = await createTestApp();
  user = await registerUser(t);
});
afterAll(() => t?.close());

/** The server still answers a normal query. */
async function stillUp() {
  const r = await t.gql('{ me { id } }', {}, user.accessToken);
  expect(r.data).toEqual({ me: { id: user.id } });
}

async function post(body: string, contentType = 'application/json') {
  const res = await fetch(`${t.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': contentType, authorization: `Bearer ${user.accessToken}` },
    body,
  });
  const text = await res.text();
  return { status: res.status, text };
}

/** Deterministic pseudo-random generator, so a failure can be replayed. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('HTTP /graphql with hostile bodies', () => {
  it('answers malformed JSON, wrong shapes and wrong content types with 4xx, without internals', async () => {
    const cases: [string, string][] = [
      ['{', 'application/json'],
      ['{"query": ', 'application/json'],
      ['null', 'application/json'],
      ['[]', 'application/json'],
      ['"just a string"', 'application/json'],
      ['{"query": 42}', 'application/json'],
      ['{"query": {"nested": true}}', 'application/json'],
      ['{"query": "{ me { id } }", "variables": "not an object"}', 'application/json'],
      ['{"query": "{ me { id } }", "operationName": 7}', 'application/json'],
      ['{"query": "query A { me { id } } query B { me { id } }"}', 'application/json'],
      ['query=%7B', 'application/x-www-form-urlencoded'],
      ['\u0000\u0001\u0002', 'text/plain'],
    ];
    for (const [body, type] of cases) {
      const r = await post(body, type);
      expect(r.status, `${type} ${body}`).toBeLessThan(500);
      // A request object with a string query is executed (or refused in `errors`);
      // anything else is refused outright.
      if (body.startsWith('{"query": "')) expect(r.text).toMatch(/^\{"(data|errors)"/);
      else expect(r.status, `${type} ${body}`).toBeGreaterThanOrEqual(400);
      expect(r.text).not.toMatch(/at .*\.(ts|js):\d+|node_modules/);
    }
    await stillUp();
  });

  it('refuses huge strings and deeply nested input values with clear errors', async () => {
    const huge = 'x'.repeat(2_000_000);
    const big = await post(
      JSON.stringify({ query: `{ searchUsers(query: "${huge}") { edges { cursor } } }` }),
    );
    expect([400, 413]).toContain(big.status);

    const longVar = await t.gql(
      'query($q: String!) { searchUsers(query: $q) { edges { cursor } } }',
      { q: 'y'.repeat(100_000) },
      user.accessToken,
    );
    expect(longVar.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');

    // A list nested 1,000 deep as a variable value for a scalar argument.
    let nested: unknown = 'leaf';
    for (let i = 0; i < 1000; i++) nested = [nested];
    const deepVar = await post(
      JSON.stringify({
        query: 'query($q: String!) { searchUsers(query: $q) { edges { cursor } } }',
        variables: { q: nested },
      }),
    );
    expect(deepVar.status).toBeLessThan(500);
    expect(deepVar.text).toMatch(/"code":"(BAD_USER_INPUT|GRAPHQL_VALIDATION_FAILED)"|errors/);

    // Deeply nested selection sets and input objects in the document itself.
    const deepDoc = `{ ${'me { '.repeat(3000)}id${' }'.repeat(3000)} }`;
    const r = await post(JSON.stringify({ query: deepDoc }));
    expect(r.status).toBeGreaterThanOrEqual(400);
    expect(r.status).toBeLessThan(500);
    const deepInput = `mutation { updateProfile(input: ${'{ bio: '.repeat(2000)}"x"${' }'.repeat(2000)}) { id } }`;
    const r2 = await post(JSON.stringify({ query: deepInput }));
    expect(r2.status).toBeLessThan(500);
    await stillUp();
  });

  it('survives 300 random documents built from GraphQL-ish fragments', async () => {
    const next = rng(20261121);
    const parts = [
      '{',
      '}',
      '(',
      ')',
      'me',
      'id',
      'rooms',
      'first:',
      '-1',
      '99999999999',
      '"',
      '\\u0000',
      '$x',
      '...',
      'on',
      'User',
      '@skip',
      'mutation',
      'subscription',
      '#',
      ',',
      ':',
      '[',
      ']',
      'null',
      'true',
      '"\uD800"',
    ];
    for (let i = 0; i < 300; i++) {
      const n = 1 + Math.floor(next() * 30);
      const doc = Array.from({ length: n }, () => parts[Math.floor(next() * parts.length)]).join(' ');
      const r = await post(JSON.stringify({ query: doc, variables: { x: next() > 0.5 ? 1 : 'a' } }));
      expect(r.status, `document #${i}: ${doc}`).toBeLessThan(500);
    }
    await stillUp();
  });
});

describe('WebSocket /graphql with hostile messages', () => {
  /** Sends `messages` on a raw graphql-transport-ws socket; resolves with the close code. */
  function raw(messages: (string | Buffer)[], init = true): Promise<number> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(t.wsUrl, 'graphql-transport-ws');
      const timer = setTimeout(() => {
        ws.terminate();
        reject(new Error('server neither answered nor closed within 10 s'));
      }, 10_000);
      ws.on('open', () => {
        if (init)
          ws.send(
            JSON.stringify({
              type: 'connection_init',
              payload: { authorization: `Bearer ${user.accessToken}` },
            }),
          );
        for (const m of messages) ws.send(m);
        // A protocol-correct client would wait; we give the server a moment to react, then leave.
        setTimeout(() => ws.close(1000), 500);
      });
      ws.on('close', (code) => {
        clearTimeout(timer);
        resolve(code);
      });
      ws.on('error', () => {});
    });
  }

  it('closes protocol violations with the graphql-transport-ws codes, and keeps serving', async () => {
    // [messages after connection_init, the close code graphql-transport-ws prescribes]
    const cases: [(string | Buffer)[], number][] = [
      [['not json at all'], 4400],
      [['{"type": "subscribe"}'], 4400],
      [['{"type": "subscribe", "id": "1", "payload": {"query": 42}}'], 4400],
      [['{"type": "no_such_type"}'], 4400],
      [['null'], 4400],
      [[JSON.stringify({ type: 'connection_init' })], 4429], // a second init
      [[randomBytes(256)], 4400],
      // Well-formed, so the server answers with errors and keeps the socket: the client closes (1000).
      [
        [
          JSON.stringify({
            type: 'subscribe',
            id: 'x'.repeat(100_000),
            payload: { query: 'subscription { myEvents { __typename } }' },
          }),
        ],
        1000,
      ],
      [[JSON.stringify({ type: 'subscribe', id: '1', payload: { query: '{'.repeat(10_000) } })], 1000],
    ];
    for (const [messages, expected] of cases) {
      const code = await raw(messages);
      expect(code, String(messages[0]).slice(0, 80)).toBe(expected);
    }
    // Subscribing before connection_init: 4401 Unauthorized.
    expect(
      await raw([JSON.stringify({ type: 'subscribe', id: '1', payload: { query: '{ me { id } }' } })], false),
    ).toBe(4401);
    await stillUp();
    expect(t.errorLogs).toEqual([]);
  });

  it('refuses an unknown subprotocol and binary garbage before init', async () => {
    const code = await new Promise<number>((resolve) => {
      const ws = new WebSocket(t.wsUrl, 'not-a-protocol');
      ws.on('close', (c) => resolve(c));
      ws.on('error', () => {});
    });
    expect(code).toBeGreaterThanOrEqual(1000);
    expect(await raw([randomBytes(1024), randomBytes(1024)], false)).toBeGreaterThanOrEqual(1000);
    await stillUp();
  });
});

describe('WebSocket operations per connection', () => {
  let small: TestApp;
  let member: TestUser;
  beforeAll(async () => {
    small = await createTestApp({ env: { WS_MAX_SUBSCRIPTIONS: '3' } });
    member = await registerUser(small);
  });
  afterAll(() => small?.close());

  /** A raw graphql-transport-ws socket that keeps every message, to await the next one for an id. */
  async function open() {
    const ws = new WebSocket(small.wsUrl, 'graphql-transport-ws');
    const received: { type: string; id?: string; payload?: unknown }[] = [];
    const waiters = new Set<() => void>();
    let closed: number | undefined;
    ws.on('message', (d) => {
      received.push(JSON.parse(d.toString()));
      for (const w of waiters) w();
    });
    ws.on('close', (code) => {
      closed = code;
      for (const w of waiters) w();
    });
    ws.on('error', () => {});
    await new Promise((r) => ws.once('open', r));
    const until = <T>(found: () => T | undefined, what: string) =>
      new Promise<T>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no ${what} within 10 s`)), 10_000);
        const check = () => {
          const f = found();
          if (f === undefined) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(f);
        };
        waiters.add(check);
        check();
      });
    const send = (m: object) => ws.send(JSON.stringify(m));
    send({ type: 'connection_init', payload: { authorization: `Bearer ${member.accessToken}` } });
    await until(() => received.find((m) => m.type === 'connection_ack'), 'connection_ack');
    return {
      send,
      /** The next message for `id` of `type` not seen before (by position). */
      next(id: string, type: string) {
        const seen = received.filter((m) => m.id === id && m.type === type).length;
        return until(() => received.filter((m) => m.id === id && m.type === type)[seen], `${type} for ${id}`);
      },
      subscribe(id: string, query = 'subscription { notificationEvents { __typename } }') {
        send({ type: 'subscribe', id, payload: { query } });
      },
      closed: () => until(() => closed, 'close'),
    };
  }

  it('caps running operations, frees ids when either side ends them, and refuses a running id with 4409', async () => {
    const s = await open();
    for (const id of ['a', 'b', 'c']) {
      const first = s.next(id, 'next');
      s.subscribe(id);
      await first; // running: the first event (the unread count) arrived
    }
    // A fourth is refused for its id alone; the socket stays open.
    const refused = s.next('d', 'error');
    s.subscribe('d');
    expect(await refused).toMatchObject({
      payload: [{ extensions: { code: 'RATE_LIMITED', limit: 'subscriptions', max: 3 } }],
    });
    // The client completes one: room for another.
    s.send({ type: 'complete', id: 'b' });
    const d = s.next('d', 'next');
    s.subscribe('d');
    await d;
    // The server ends one (an error at subscribe: not a room of mine): its id is free again.
    s.send({ type: 'complete', id: 'c' });
    const failed = s.next('x', 'error');
    s.subscribe('x', `subscription { roomEvents(roomId: "${uuidv7()}") { __typename } }`);
    expect(await failed).toMatchObject({ payload: [{ extensions: { code: expect.any(String) } }] });
    const x = s.next('x', 'next');
    s.subscribe('x');
    await x;
    // Reusing the id of a running operation: 4409, as graphql-transport-ws prescribes.
    s.subscribe('a');
    expect(await s.closed()).toBe(4409);
    // A client's mistakes are not the server's errors: nothing at error level.
    expect(small.errorLogs).toEqual([]);
  });
});
