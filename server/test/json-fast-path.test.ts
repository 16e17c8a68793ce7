/**
 * The server runs V8's new `JSON.stringify` (v8-flags.ts: experimental on
 * Node 24, the default from Node 25). Every answer Parley sends goes through
 * it, so it must write exactly what the old serialiser writes. The flag is
 * read on every call, so each value here is serialised both ways in this one
 * process and the two results (text, or the error thrown) must be equal:
 * edge cases first, then thousands of generated values, each built afresh
 * for each serialiser so that `toJSON` methods and getters with side effects
 * see the same state.
 */
import { isStringOneByteRepresentation, setFlagsFromString } from 'node:v8';
import { afterAll, describe, expect, it } from 'vitest';
import '../src/v8-flags.ts';

type Outcome = { text: string | undefined } | { error: string };

function outcome(run: () => string | undefined): Outcome {
  try {
    return { text: run() };
  } catch (err) {
    return { error: `${(err as Error).name}: ${(err as Error).message}` };
  }
}

/** `make()` serialised by the old serialiser, then by the new one. */
function bothWays(
  make: () => unknown,
  ...args: [((k: string, v: unknown) => unknown) | (string | number)[] | null, (string | number)?] | []
) {
  setFlagsFromString('--no-json-stringify-fast-path');
  const old = outcome(() => JSON.stringify(make(), ...(args as [])));
  setFlagsFromString('--json-stringify-fast-path');
  const fast = outcome(() => JSON.stringify(make(), ...(args as [])));
  return { old, fast };
}

afterAll(() => setFlagsFromString('--json-stringify-fast-path'));

/** Pieces of strings: escapes, controls, Latin-1, two-byte text, pairs and lone surrogates. */
const PIECES = [
  '',
  'a',
  'lastActivityAt',
  'Hello there, a message of some length.',
  '"',
  '\\',
  '/',
  '\b\f\n\r\t',
  '\u0000',
  '\u001f',
  '\u007f',
  '\u0080',
  'é',
  'ÿ',
  'Ā',
  '中文',
  '\u2028\u2029',
  '😀',
  '\uD83D',
  '\uDE00',
  '\uDBFF\uDFFF',
  '</script>',
  'x'.repeat(1000),
];
const KEYS = [
  ...PIECES.slice(0, 20),
  '0',
  '1',
  '42',
  '-1',
  '01',
  '1.5',
  '4294967294',
  '4294967295',
  '__proto__',
  'constructor',
  'length',
];
const NUMBERS = [
  0,
  -0,
  1,
  -1,
  42,
  0.1,
  -2.5e-7,
  1e21,
  1.7976931348623157e308,
  5e-324,
  2 ** 31,
  -(2 ** 31) - 1,
  2 ** 53 + 2,
  NaN,
  Infinity,
  -Infinity,
];

/** A small seeded generator (mulberry32), so a failure names a seed that reproduces it. */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(list: readonly T[]): T => list[int(list.length)] as T;
  return { next, int, pick };
}

class Point {
  x: number;
  y: number;
  constructor(x: number, y: number) {
    this.x = x;
    this.y = y;
  }
  get length() {
    return Math.hypot(this.x, this.y);
  }
}

/** One generated value: the same seed always builds the same value. */
function generate(seed: number): unknown {
  const r = random(seed);
  const text = () => Array.from({ length: r.int(4) }, () => r.pick(PIECES)).join('');
  const leaf = (): unknown => {
    switch (r.int(14)) {
      case 0:
      case 1:
      case 2:
        return text();
      case 3:
        return r.int(2 ** 31) * (r.next() < 0.5 ? -1 : 1);
      case 4:
        return r.pick(NUMBERS);
      case 5:
        return r.next() < 0.5;
      case 6:
        return null;
      case 7:
        return undefined;
      case 8:
        return r.pick([
          () => 1,
          Symbol('s'),
          new Date(Date.UTC(2026, 11, 6, 7, r.int(60))),
          new Date(Number.NaN),
        ]);
      case 9:
        return r.pick([new Number(r.pick(NUMBERS)), new String(text()), new Boolean(r.next() < 0.5)]);
      case 10:
        return r.next() * 1e6;
      case 11:
        return r.pick([new Map([[1, 2]]), new Set([1]), new Uint8Array([1, 2, 3]), /re/g, new Error('e')]);
      default:
        return text().slice(0, 3);
    }
  };
  const value = (depth: number): unknown => {
    if (depth === 0 || r.next() < 0.3) return leaf();
    const n = r.int(6);
    switch (r.int(12)) {
      case 0:
      case 1:
      case 2: {
        // A literal-like object with the same shape each time (keys in a fixed order).
        const o: Record<string, unknown> = {};
        for (let i = 0; i < n; i++) o[r.pick(KEYS)] = value(depth - 1);
        return o;
      }
      case 3:
      case 4: {
        const a = Array.from({ length: n }, () => value(depth - 1));
        if (r.next() < 0.2) a.length += 2; // holes at the end
        if (r.next() < 0.2 && a.length > 1) delete a[1]; // a hole inside
        if (r.next() < 0.1) (a as unknown as Record<string, unknown>).extra = 1; // not serialised
        return a;
      }
      case 5: {
        // Doubles, holey doubles, small integers.
        const holey = [1.5, 2.5, 3.5];
        delete holey[1];
        return r.pick([[1.5, -0, 2.25], holey, [1, 2, 3], [0.1, Number.NaN, Infinity], []]);
      }
      case 6: {
        const o = Object.create(null) as Record<string, unknown>;
        for (let i = 0; i < n; i++) o[r.pick(KEYS)] = value(depth - 1);
        return o;
      }
      case 7: {
        // Dictionary mode: many properties, then some deleted.
        const o: Record<string, unknown> = {};
        for (let i = 0; i < 40; i++) o[`k${i}`] = i % 3 ? value(0) : i;
        for (let i = 0; i < 40; i += 7) delete o[`k${i}`];
        return o;
      }
      case 8: {
        // Accessors, hidden properties and symbols.
        const o: Record<string | symbol, unknown> = { a: value(depth - 1) };
        Object.defineProperty(o, 'getter', { enumerable: true, get: () => 'got' });
        Object.defineProperty(o, 'hidden', { enumerable: false, value: 'no' });
        o[Symbol('s')] = 'no';
        o.z = value(depth - 1);
        return r.next() < 0.5 ? o : Object.freeze(o);
      }
      case 9: {
        // toJSON, including one that changes what comes after it.
        const o: Record<string, unknown> = { first: { toJSON: (key: string) => `toJSON(${key})` } };
        o.second = value(depth - 1);
        o.third = 'kept';
        if (r.next() < 0.5)
          o.first = {
            toJSON() {
              delete o.third;
              o.fourth = 'added';
              return 'mutated';
            },
          };
        return o;
      }
      case 10:
        return new Proxy({ a: value(depth - 1), b: 1 }, {});
      default:
        return r.next() < 0.5
          ? new Point(r.int(10), r.int(10))
          : { point: new Point(3, 4), list: [new Point(1, 1)] };
    }
  };
  return value(4);
}

describe('V8 JSON.stringify fast path (v8-flags.ts)', () => {
  it('is on in the server process, and the flag switches serialisers', () => {
    // The one difference the two show: the new serialiser follows its keys' representation. A
    // key that is ASCII text held as a two-byte string (sliced out of two-byte text, as the
    // SDL's names once were: entry 66) makes its output two-byte; the old one writes one-byte.
    const key = 'fastPathProbeKey\u4e2d'.slice(0, 16);
    expect(isStringOneByteRepresentation(key)).toBe(false);
    const make = () => ({ [key]: 'value' });
    expect(isStringOneByteRepresentation(JSON.stringify(make()))).toBe(false);
    setFlagsFromString('--no-json-stringify-fast-path');
    expect(isStringOneByteRepresentation(JSON.stringify(make()))).toBe(true);
    setFlagsFromString('--json-stringify-fast-path');
    expect(isStringOneByteRepresentation(JSON.stringify(make()))).toBe(false);
    expect(bothWays(make)).toEqual({
      old: { text: '{"fastPathProbeKey":"value"}' },
      fast: { text: '{"fastPathProbeKey":"value"}' },
    });
  });

  it('writes what the old serialiser writes for edge cases', () => {
    const cases: (() => unknown)[] = [
      () => ({ s: PIECES.join('|'), n: NUMBERS, k: Object.fromEntries(KEYS.map((k, i) => [k, i])) }),
      () => JSON.parse('{"__proto__": {"a": 1}, "b": [1, 2, {"c": null}]}'),
      () => ({ big: 10n }),
      () => [undefined, () => 1, Symbol('x'), null],
      () => ({ u: undefined, f: () => 1, s: Symbol('x'), n: null }),
      () => 'plain string',
      () => 12,
      () => undefined,
      () => Symbol('top'),
      () => new Date(0),
      () => ({ nested: Array.from({ length: 200 }, (_, i) => ({ i, s: `s${i}` })) }),
      () => {
        let deep: unknown = 'leaf';
        for (let i = 0; i < 500; i++) deep = { d: deep, a: [i] };
        return deep;
      },
      () => {
        const a: unknown[] = [1];
        a.push(a);
        return a;
      },
      () => [1.5, 'two', { three: 3 }, [4]],
    ];
    for (const make of cases) {
      const { old, fast } = bothWays(make);
      expect(fast, String(make)).toEqual(old);
    }
  });

  it('honours a replacer and an indent exactly as the old serialiser does', () => {
    const make = () => generate(7);
    const replacer = (k: string, v: unknown) => (typeof v === 'number' ? v * 2 : k === 'a' ? undefined : v);
    for (const args of [
      [replacer],
      [['a', 'first', '0', 'x']],
      [null, 2],
      [null, '\t'],
      [replacer, 1],
    ] as const) {
      const { old, fast } = bothWays(make, ...(args as unknown as []));
      expect(fast).toEqual(old);
    }
  });

  it('writes what the old serialiser writes for 3,000 generated values', () => {
    let texts = 0;
    for (let seed = 1; seed <= 3000; seed++) {
      const { old, fast } = bothWays(() => generate(seed));
      if (JSON.stringify(fast) !== JSON.stringify(old)) expect({ seed, fast }).toEqual({ seed, fast: old });
      if ('text' in old && old.text !== undefined) texts++;
    }
    // Most values are serialisable: the comparison is mostly of texts, not of errors.
    expect(texts).toBeGreaterThan(2500);
  });
});
