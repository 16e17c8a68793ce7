/**
 * A request's objects die young. Two pieces of the stack kept every caller
 * alive past V8's young-generation collections, so whole requests went to the
 * old generation and a busy instance ran a major GC every few seconds
 * (BENCHMARKS.md, entry 62): graphql-jit's compiled mutations (patched at
 * install time, server/scripts/patch-deps.mjs) and node-postgres' promise
 * form of `client.query` (db/index.ts calls its callback form). Each test runs
 * batches of concurrent work whose callers hold ~10 KB each, collects the young
 * generation after each batch, and checks how much the old generation grew:
 * 7.8 MB (graphql-jit) and 2.9 MB (node-postgres) with the problems, 0.15–0.17
 * MB without.
 */
import { createRequire } from 'node:module';
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { parse } from 'graphql';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// The server's own V8 settings (no allocation-site pretenuring, as main.ts runs it): the
// test measures what survives, not V8 choosing to allocate some literals in the old generation.
import '../src/v8-flags.ts';
import { createTestApp, type TestApp } from './helpers/app.ts';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as (options: { type: 'minor' | 'major'; execution: 'sync' }) => void;
const require = createRequire(import.meta.url);

const oldSpaceUsed = () =>
  getHeapSpaceStatistics().find((s) => s.space_name === 'old_space')?.space_used_size ?? 0;

/** ~10 KB that only the caller of one unit of work holds. */
const callerState = () => ({ junk: Array.from({ length: 100 }, (_, i) => ({ i, s: `state ${i}` })) });

/** Old-space growth (bytes) over `rounds` batches of `size` concurrent `work`, the young generation collected after each. */
async function promotedBy(
  work: (state: object) => Promise<unknown>,
  rounds = 20,
  size = 50,
): Promise<number> {
  for (let i = 0; i < 50; i++) await work(callerState()); // warm: compiled code and caches settle
  gc({ type: 'major', execution: 'sync' });
  const before = oldSpaceUsed();
  for (let round = 0; round < rounds; round++) {
    await Promise.all(
      Array.from({ length: size }, async () => {
        const state = callerState();
        await work(state);
        return state.junk.length;
      }),
    );
    gc({ type: 'minor', execution: 'sync' });
  }
  return oldSpaceUsed() - before;
}

const LIMIT = 1024 * 1024; // 1,000–2,000 callers of ~10 KB: 1.5–8 MB when they were promoted (measured)

describe('graphql-jit compiled mutations', () => {
  it('let their callers die young', async () => {
    const { compileQuery } = require('graphql-jit') as {
      compileQuery(
        schema: unknown,
        doc: unknown,
      ): {
        query(root: unknown, ctx: unknown, vars: unknown): Promise<{ data?: unknown }>;
      };
    };
    const schema = makeExecutableSchema({
      typeDefs: 'type Query { a: Boolean! } type Mutation { b(x: ID!): Boolean! }',
      resolvers: {
        Mutation: {
          b: async (_p: unknown, { x }: { x: string }) => {
            await new Promise((r) => setImmediate(r));
            return x.length > 0;
          },
        },
      },
    });
    const compiled = compileQuery(schema, parse('mutation M($x: ID!) { b(x: $x) }'));
    const grew = await promotedBy(async (state) => {
      const result = await compiled.query(undefined, state, { x: 'v' });
      expect(result.data).toEqual({ b: true });
    });
    expect(grew).toBeLessThan(LIMIT);
  });
});

describe('database statements', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('let their callers die young', async () => {
    const grew = await promotedBy(async (state) => {
      const { rows } = await sql<{ n: number }>`select ${Object.keys(state).length}::int as n`.execute(
        t.app.db,
      );
      expect(rows[0]?.n).toBe(1);
    }, 40);
    expect(grew).toBeLessThan(LIMIT);
  });
});
