import { describe, expect, it } from 'vitest';
import { decodeFanout, encodeFanout, fanoutFrom, ORIGIN_BYTES } from '../src/plugins/pubsub.ts';

const origin = Buffer.from('0123456789abcdef', 'hex');

describe('fan-out frames', () => {
  it('carry each part’s topics and payload in order, Dates and nested objects included', () => {
    const parts = [
      { topics: ['room:1'], payload: { n: 1, at: new Date(1000), nested: { list: [1, 'two', null] } } },
      { topics: [], payload: 'nobody' },
      { topics: ['user:é', 'user:2'], payload: { text: 'héllo 👋' } },
    ];
    const decoded = [...decodeFanout(encodeFanout(parts, origin))].map((p) => ({
      topics: p.topics,
      payload: p.payload(),
    }));
    expect(decoded).toEqual(parts);
    expect((decoded[0]?.payload as { at: unknown } | undefined)?.at).toBeInstanceOf(Date);
  });

  it('decode a payload only when asked, and once', () => {
    const [part] = [
      ...decodeFanout(encodeFanout([{ topics: ['t'], payload: { big: 'x'.repeat(1000) } }], origin)),
    ];
    const first = part?.payload();
    expect(first).toEqual({ big: 'x'.repeat(1000) });
    expect(part?.payload()).toBe(first);
  });

  it('refuse a truncated frame instead of misreading it', () => {
    const frame = encodeFanout([{ topics: ['t'], payload: { n: 1 } }], origin);
    expect(() => [...decodeFanout(frame.subarray(0, frame.length - 1))]).toThrow(/truncated/);
    expect(() => [...decodeFanout(frame.subarray(0, ORIGIN_BYTES + 2))]).toThrow(/truncated/);
    expect(() => [...decodeFanout(frame.subarray(0, 2))]).toThrow(/truncated/);
  });

  it('tell the instance that published them, by the id at their head', () => {
    const frame = encodeFanout([{ topics: ['t'], payload: { n: 1 } }], origin);
    expect(fanoutFrom(frame, origin)).toBe(true);
    expect(fanoutFrom(frame, Buffer.from('0123456789abcdee', 'hex'))).toBe(false);
    expect(fanoutFrom(frame.subarray(0, 3), origin)).toBe(false);
    expect(() => encodeFanout([], Buffer.from('0123', 'hex'))).toThrow(/8 bytes/);
    // An origin only: a frame with no parts.
    expect([...decodeFanout(encodeFanout([], origin))]).toEqual([]);
  });
});
