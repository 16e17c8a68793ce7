/**
 * The resolve-info patch in graphql-jit (server/scripts/patch-deps.mjs): a
 * resolver that declares fewer than four parameters gets no
 * `GraphQLResolveInfo` (it cannot read one), a resolver that declares `info`
 * gets the same one graphql-js gives it. The rule is only sound while
 * `Function.length` is the number of parameters a resolver can read, so our
 * resolvers must declare theirs plainly.
 */
import { createRequire } from 'node:module';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { execute, type GraphQLResolveInfo, GraphQLScalarType, parse, responsePathAsArray } from 'graphql';
import { describe, expect, it } from 'vitest';
import '../src/graphql/subscription-queue.ts';
import { allResolvers } from '../src/graphql/resolvers.ts';

const require = createRequire(import.meta.url);
const { compileQuery } = require('graphql-jit') as {
  compileQuery(
    schema: unknown,
    document: unknown,
  ): { query(root: unknown, context: unknown, variables: unknown): Promise<unknown> | unknown };
};

const typeDefs = /* GraphQL */ `
  type Item {
    name: String!
    withoutInfo: String!
    withInfo: String!
  }
  type Query { items: [Item!]! }
`;

describe('graphql-jit resolve info (patched)', () => {
  it('builds no info for a resolver without an info parameter, and the full info otherwise', async () => {
    const fourthArguments: unknown[] = [];
    const schema = makeExecutableSchema({
      typeDefs,
      resolvers: {
        Query: { items: () => [{ name: 'a' }, { name: 'b' }] },
        Item: {
          // A plain function, so the test can look at what the call passed beyond the declared three.
          withoutInfo: function (item: { name: string }, _args: unknown, _ctx: unknown) {
            // biome-ignore lint/complexity/noArguments: the point of the test
            fourthArguments.push(arguments[3]);
            return `${item.name}!`;
          },
          withInfo: (item: { name: string }, _args: unknown, _ctx: unknown, info: GraphQLResolveInfo) =>
            `${item.name} ${info.fieldName} ${info.parentType.name} ${responsePathAsArray(info.path).join('.')}`,
        },
      },
    });
    const document = parse('{ items { name withoutInfo withInfo } }');
    const jit = await compileQuery(schema, document).query(undefined, {}, {});
    const reference = await execute({ schema, document });
    expect(jit).toEqual(reference);
    expect(jit).toEqual({
      data: {
        items: [
          { name: 'a', withoutInfo: 'a!', withInfo: 'a withInfo Item items.0.withInfo' },
          { name: 'b', withoutInfo: 'b!', withInfo: 'b withInfo Item items.1.withInfo' },
        ],
      },
    });
    // graphql-js passed the info to the three-parameter resolver; the patched graphql-jit did not.
    expect(fourthArguments).toHaveLength(4);
    expect(fourthArguments.slice(0, 2)).toEqual([undefined, undefined]);
    expect(fourthArguments[2]).toMatchObject({ fieldName: 'withoutInfo' });
  });

  it("keeps every Parley resolver's parameters plain, so that their count is what it can read", () => {
    const checked: string[] = [];
    const offending: string[] = [];
    const check = (name: string, fn: (...args: never[]) => unknown) => {
      const source = fn.toString();
      const params =
        /^(?:async\s*)?(?:function\s*\w*\s*|\w+\s*)?\(([^)]*)\)/.exec(source)?.[1] ?? source.split('=>')[0];
      checked.push(name);
      if (params === undefined || /=|\.\.\.|arguments/.test(params) || /\barguments\b/.test(source))
        offending.push(`${name}: ${source.slice(0, 80)}`);
    };
    for (const [typeName, fields] of Object.entries(allResolvers() as Record<string, unknown>)) {
      if (fields instanceof GraphQLScalarType || typeof fields !== 'object' || fields === null) continue;
      for (const [fieldName, value] of Object.entries(fields)) {
        if (typeof value === 'function') check(`${typeName}.${fieldName}`, value);
        else if (value && typeof value === 'object' && typeof value.resolve === 'function')
          check(`${typeName}.${fieldName}`, value.resolve);
      }
    }
    expect(checked.length).toBeGreaterThan(90);
    expect(checked).toContain('Message.sender');
    expect(offending).toEqual([]);
  });
});
