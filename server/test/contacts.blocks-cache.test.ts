/**
 * The block cache's own rules (contacts.blocks-cache.ts); presence through it,
 * end to end and across instances, is in live.presence.test.ts.
 */
import mqemitter from 'mqemitter';
import { describe, expect, it } from 'vitest';
import { BLOCK_CACHE_TTL_MS, createBlockCache } from '../src/modules/contacts/contacts.blocks-cache.ts';
import type { EventBus } from '../src/plugins/pubsub.ts';

/** Two instances' caches on one emitter (as on one Redis), a clock, and a database stand-in. */
function setup() {
  const emitter = mqemitter();
  const events: Pick<EventBus, 'publish'> = {
    publish: (topic, payload) => new Promise((resolve) => emitter.emit({ topic, payload }, () => resolve())),
  };
  let clock = 1_000_000;
  const now = () => clock;
  const table = new Map<string, string[]>([['a', ['b']]]);
  const reads: string[] = [];
  const load = (userId: string) => async () => {
    reads.push(userId);
    return table.get(userId) ?? [];
  };
  return {
    one: createBlockCache(emitter, events, { now }),
    two: createBlockCache(emitter, events, { now }),
    table,
    reads,
    load,
    tick: (ms: number) => {
      clock += ms;
    },
  };
}

describe('block cache', () => {
  it('reads a user once, then from memory until a change on any instance', async () => {
    const { one, two, table, reads, load } = setup();
    expect([...(await one.of('a', load('a')))]).toEqual(['b']);
    expect([...(await one.of('a', load('a')))]).toEqual(['b']);
    await two.of('a', load('a'));
    expect(reads).toEqual(['a', 'a']); // once per instance

    table.set('a', ['b', 'c']);
    await two.changed(['a', 'c']);
    expect([...(await one.of('a', load('a')))]).toEqual(['b', 'c']);
    expect([...(await two.of('a', load('a')))]).toEqual(['b', 'c']);
    expect(reads).toEqual(['a', 'a', 'a', 'a']);
  });

  it('does not keep a set read while a change to its user came in', async () => {
    const { one, table, load } = setup();
    let release!: () => void;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const reading = one.of('a', async () => {
      const old = [...(table.get('a') ?? [])];
      await gate;
      return old;
    });
    table.set('a', []);
    await one.changed(['a', 'b']);
    release();
    expect([...(await reading)]).toEqual(['b']); // that read predates the unblock
    expect([...(await one.of('a', load('a')))]).toEqual([]); // and was not kept
  });

  it('trusts a set for BLOCK_CACHE_TTL_MS at most', async () => {
    const { one, reads, load, tick } = setup();
    await one.of('a', load('a'));
    tick(BLOCK_CACHE_TTL_MS - 1);
    await one.of('a', load('a'));
    tick(2);
    await one.of('a', load('a'));
    expect(reads).toEqual(['a', 'a']);
  });
});
