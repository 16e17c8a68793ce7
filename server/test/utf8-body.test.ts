/**
 * Large text answers leave as UTF-8 bytes encoded once (lib/utf8-body.ts):
 * the bytes and the Content-Length must be exactly what encoding the text
 * gives, whatever characters it holds, over a real HTTP connection.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIN_ENCODED_UNITS, utf8Body } from '../src/lib/utf8-body.ts';
import { createTestApp, type TestApp } from './helpers/app.ts';
import { HISTORY, openDm, registerTrio, send } from './helpers/chat.ts';
import type { TestUser } from './helpers/users.ts';

describe('utf8Body', () => {
  it('encodes long text exactly as Buffer.from does, and leaves short and very long text as it is', () => {
    const texts = [
      'a'.repeat(MIN_ENCODED_UNITS),
      `{"body":"${'é ü ñ '.repeat(1_000)}"}`, // one-byte string, not ASCII
      `{"body":"${'👍 你好 '.repeat(1_000)}"}`, // two-byte string, surrogate pairs
      `${'x'.repeat(5_000)}\uD83D`, // a lone surrogate at the end
    ];
    const encoded = texts.map((text) => utf8Body(text));
    // Each body is its own copy: encoding the next one did not change the ones before.
    texts.forEach((text, i) => {
      expect(Buffer.isBuffer(encoded[i])).toBe(true);
      expect(encoded[i]).toEqual(Buffer.from(text, 'utf8'));
    });
    const short = 'b'.repeat(MIN_ENCODED_UNITS - 1);
    expect(utf8Body(short)).toBe(short);
    const huge = 'c'.repeat(400_000);
    expect(utf8Body(huge)).toBe(huge);
  });
});

describe('answers over HTTP', () => {
  let t: TestApp;
  let alice: TestUser;
  let bob: TestUser;
  beforeAll(async () => {
    t = await createTestApp();
    [alice, bob] = await registerTrio(t);
  });
  afterAll(() => t?.close());

  it('carries non-ASCII text of a long answer byte for byte, with its exact length', async () => {
    const room = await openDm(t, alice, bob);
    const bodies = Array.from(
      { length: 12 },
      (_, i) => `${i} héllo wörld 👍 你好 ${'·'.repeat(400)} \u00e9\u0301`,
    );
    for (const body of bodies) await send(t, alice, room.id, body);
    const res = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${bob.accessToken}` },
      body: JSON.stringify({ query: HISTORY, variables: { r: room.id, first: 50 } }),
    });
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(Number(res.headers.get('content-length'))).toBe(bytes.length);
    const text = bytes.toString('utf8');
    expect(text.length).toBeGreaterThan(MIN_ENCODED_UNITS); // long enough to take the encoded path
    const json = JSON.parse(text) as { data: { messages: { edges: { node: { body: string } }[] } } };
    expect(json.data.messages.edges.map((e) => e.node.body)).toEqual(bodies);
  });
});
