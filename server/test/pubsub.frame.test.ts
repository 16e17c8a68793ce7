import { describe, expect, it } from 'vitest';
import { decodeFanout, encodeFanout } from '../src/plugins/pubsub.ts';

describe('fan-out frames', () => {
  it('carry each part’s topics and payload in order, Dates and nested objects included', () => {
    const parts = [
      { topics: ['room:1'], payload: { n: 1, at: new Date(1000), nested: { list: [1, 'two', null] } } },
      { topics: [], payload: 'nobody' },
      { topics: ['user:é', 'user:2'], payload: { text: 'héllo 👋' } },
    ];
    const decoded = [...decodeFanout(encodeFanout(parts))].map((p) => ({
      topics: p.topics,
      payload: p.payload(),
    }));
    expect(decoded).toEqual(parts);
    expect((decoded[0]?.payload as { at: unknown } | undefined)?.at).toBeInstanceOf(Date);
  });

  it('decode a payload only when asked, and once', () => {
    const [part] = [...decodeFanout(encodeFanout([{ topics: ['t'], payload: { big: 'x'.repeat(1000) } }]))];
    const first = part?.payload();
    expect(first).toEqual({ big: 'x'.repeat(1000) });
    expect(part?.payload()).toBe(first);
  });

  it('refuse a truncated frame instead of misreading it', () => {
    const frame = encodeFanout([{ topics: ['t'], payload: { n: 1 } }]);
    expect(() => [...decodeFanout(frame.subarray(0, frame.length - 1))]).toThrow(/truncated/);
    expect(() => [...decodeFanout(frame.subarray(0, 2))]).toThrow(/truncated/);
  });
});
