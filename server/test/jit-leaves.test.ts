/**
 * The leaf fast path patched into graphql-jit (server/scripts/patch-deps.mjs):
 * a String, ID, Boolean, Int or Float value already in output form is used as
 * it is, anything else goes through graphql-js' serializer as before. The
 * answers must be exactly graphql-js' own, values and errors alike.
 */
import { createRequire } from 'node:module';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { execute, GraphQLScalarType, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { DateTime } from '../src/graphql/scalars.ts';

const require = createRequire(import.meta.url);
const { compileQuery } = require('graphql-jit') as {
  compileQuery(
    schema: unknown,
    document: unknown,
    operationName?: string,
    options?: { debug?: boolean },
  ): { query(root: unknown, context: unknown, variables: unknown): unknown } & Record<string, unknown>;
};

const typeDefs = /* GraphQL */ `
  scalar Upper
  scalar DateTime
  enum Kind { DIRECT GROUP }
  "Internal values differ from the names (mapped in the resolvers)."
  enum Color { RED GREEN }
  type Value {
    s: String
    sNonNull: String!
    id: ID
    b: Boolean
    i: Int
    iNonNull: Int!
    f: Float
    u: Upper
    k: Kind
    kNonNull: Kind!
    c: Color
    at: DateTime
    atNonNull: DateTime!
  }
  type Query { values: [Value!]! }
`;

/** A Date the DateTime scalar has serialised before: its string is kept on it. */
const served = new Date(Date.UTC(2025, 11, 31, 23, 59, 59, 999));
DateTime.serialize(served);

/**
 * Canonical values, then every kind the serializers coerce or refuse (in
 * nullable fields, so that an error nulls only its field and graphql-js
 * reports every one, as graphql-jit does).
 */
const rows = [
  { s: 'text', sNonNull: 'é ✓ 👍', id: 'abc', b: true, i: 42, iNonNull: -0, f: 1.5, u: 'x' },
  { s: 12, sNonNull: '', id: 7, b: false, i: 2 ** 31, iNonNull: 2 ** 31 - 1, f: Number.NaN, u: 'y' },
  {
    s: { valueOf: () => 'boxed' },
    sNonNull: 's',
    id: null,
    b: 'yes',
    i: '5',
    iNonNull: -(2 ** 31),
    f: '2.5',
  },
  { s: null, sNonNull: 't', id: 10n, b: 1, i: 3.5, iNonNull: 0, f: -0, u: 'z' },
  { s: true, sNonNull: 'u', id: 1.5, b: null, i: Number.POSITIVE_INFINITY, iNonNull: 1, f: 1e308 * 10, u: 1 },
].map((row, n) => ({
  ...row,
  // Enums: names, a name in the wrong case, a number, null and undefined; for Color, its internal values.
  k: ['DIRECT', 'direct', null, 1, undefined][n],
  kNonNull: n % 2 ? 'GROUP' : 'DIRECT',
  c: ['r', 'RED', 'g', null, 'GREEN'][n],
  // DateTime (a custom scalar: only its null skips the call): a Date already serialised, a fresh
  // one, a string, an invalid Date, null.
  at: [
    served,
    new Date(Date.UTC(2026, 0, 2, 3, 4, 5, 6)),
    '2026-03-09T09:00:00-04:00',
    new Date(Number.NaN),
    null,
  ][n],
  atNonNull: n % 2 ? served : new Date(0),
}));

const schema = makeExecutableSchema({
  typeDefs,
  resolvers: {
    Query: { values: () => rows },
    Color: { RED: 'r', GREEN: 'g' },
    DateTime,
    Upper: new GraphQLScalarType({ name: 'Upper', serialize: (v) => String(v).toUpperCase() }),
  },
});
const document = parse('{ values { s sNonNull id b i iNonNull f u k kNonNull c at atNonNull } }');

describe('graphql-jit leaves (patched)', () => {
  it('answers exactly as graphql-js, values and errors', async () => {
    const compiled = compileQuery(schema, document, undefined, { debug: true });
    // The patch is in place: the generated code tests the value before calling the checks.
    const code = String(compiled.__DO_NOT_USE_THIS_OR_YOU_WILL_BE_FIRED_compilation);
    expect(code).toMatch(/\(typeof \S+ === "string" \?/);
    const jit = JSON.parse(JSON.stringify(await compiled.query(undefined, {}, {})));
    const reference = JSON.parse(JSON.stringify(await execute({ schema, document })));
    expect(jit.data?.values).toHaveLength(5);
    expect(jit.data).toEqual(reference.data);
    const messages = (r: { errors?: { message: string; path: unknown[] }[] }) =>
      (r.errors ?? []).map((e) => `${JSON.stringify(e.path)} ${e.message}`).sort();
    expect(messages(jit)).toEqual(messages(reference));
    expect(messages(jit).length).toBeGreaterThan(5);
  });
});
