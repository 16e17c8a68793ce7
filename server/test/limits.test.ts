import { readFileSync } from 'node:fs';
import {
  buildSchema,
  type DocumentNode,
  getIntrospectionQuery,
  Lexer,
  parse,
  print,
  Source,
  TokenKind,
  validate,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as clientDocuments from '../../client/src/gql/graphql.ts';
import { loadConfig } from '../src/config.ts';
import { aliasRule, costRule, depthRule } from '../src/graphql/limits.ts';
import { SCHEMA_PATH } from '../src/plugins/graphql.ts';
import { createTestApp, expectError, type TestApp } from './helpers/app.ts';
import { registerUser, type TestUser } from './helpers/users.ts';
import { connectWs } from './helpers/ws.ts';

const schema = buildSchema(readFileSync(SCHEMA_PATH, 'utf8'));
const costOf = (query: string | DocumentNode, listFactor = 10): number => {
  const errors = validate(schema, typeof query === 'string' ? parse(query) : query, [
    costRule(0, listFactor),
  ]);
  return Number(errors[0]?.extensions.cost ?? 0);
};
const tokensOf = (source: string) => {
  const lexer = new Lexer(new Source(source));
  let n = 0;
  while (lexer.advance().kind !== TokenKind.EOF) n += 1;
  return n;
};

/** The default app, plus one with small limits (strict) to exercise each refusal cheaply. */
let t: TestApp;
let strict: TestApp;
let user: TestUser;
let strictUser: TestUser;
beforeAll(async () => {
  [t, strict] = await Promise.all([
    createTestApp(),
    createTestApp({
      env: {
        GRAPHQL_MAX_COST: '50',
        GRAPHQL_MAX_ALIASES: '3',
        GRAPHQL_MAX_TOKENS: '200',
        BODY_LIMIT_BYTES: '4096',
        GRAPHQL_INTROSPECTION: 'false',
      },
    }),
  ]);
  [user, strictUser] = await Promise.all([registerUser(t), registerUser(strict)]);
});
afterAll(async () => {
  await Promise.all([t?.close(), strict?.close()]);
});

const ROOMS = (first: number | string) => `{ rooms(first: ${first}) { edges { node { id title } } } }`;

describe('static cost', () => {
  it('counts fields, multiplies by page sizes and counts a page once', () => {
    // rooms 1 + 10 × (edges 1 + node 1 + id 1 + title 1)
    expect(costOf(ROOMS(10))).toBe(41);
    expect(costOf(ROOMS(100))).toBe(401);
    // A variable counts as its default, else as the largest page (100).
    expect(costOf('query($n: Int = 5) { rooms(first: $n) { edges { node { id title } } } }')).toBe(21);
    expect(costOf('query($n: Int) { rooms(first: $n) { edges { node { id title } } } }')).toBe(401);
    // An omitted page size counts as the schema default (rooms: first = 30).
    expect(costOf('{ rooms { edges { node { id } } } }')).toBe(1 + 30 * 3);
    // A plain list is assumed to hold `listFactor` items: blockedUsers 1 + 10 × 2.
    expect(costOf('{ blockedUsers { id username } }')).toBe(21);
    expect(costOf('{ blockedUsers { id username } }', 3)).toBe(7);
    // messagesAfter's `messages` is the `limit` page, not another multiplication.
    expect(
      costOf('{ messagesAfter(roomId: "x", afterSeq: 0, limit: 200) { messages { id } hasMore } }'),
    ).toBe(1 + 200 * (1 + 1 + 1));
  });

  it('follows fragments (each spread counts) without exponential work', () => {
    const spread = costOf(`{ rooms(first: 10) { edges { node { ...R } } } } fragment R on Room { id title }`);
    expect(spread).toBe(costOf(ROOMS(10)));
    // 30 levels of fragments that each spread the next twice: 2^30 fields, computed instantly.
    let doc = 'fragment F0 on User { id }';
    for (let i = 1; i <= 30; i++) doc += `\nfragment F${i} on User { ...F${i - 1} ...F${i - 1} }`;
    const started = Date.now();
    expect(costOf(`{ me { ...F30 } } ${doc}`)).toBe(1 + 2 ** 30);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('refuses an operation over GRAPHQL_MAX_COST with QUERY_TOO_COMPLEX, over HTTP', async () => {
    const ok = await strict.gql(ROOMS(10), {}, strictUser.accessToken);
    expect(ok.errors).toBeUndefined();
    const r = await strict.gql(ROOMS(100), {}, strictUser.accessToken);
    expect(r.statusCode).toBe(400);
    const err = expectError(r, 'QUERY_TOO_COMPLEX');
    expect(err.extensions).toMatchObject({ limit: 'cost', cost: 401, maxCost: 50 });
    expect(err.message).toMatch(/cost 401 exceeds the limit of 50/);
  });

  it('fits every operation of the web client under the default limits', () => {
    const config = loadConfig({});
    const docs = Object.entries(clientDocuments).filter(
      (e): e is [string, DocumentNode] =>
        e[0].endsWith('Document') && (e[1] as { kind?: string })?.kind === 'Document',
    );
    expect(docs.length).toBeGreaterThan(10);
    const over: string[] = [];
    for (const [name, doc] of docs) {
      const errors = validate(schema, doc, [
        costRule(config.graphqlMaxCost, config.graphqlListCostFactor),
        aliasRule(config.graphqlMaxAliases),
      ]);
      const tokens = tokensOf(print(doc));
      if (errors.length) over.push(`${name}: ${errors.map((e) => e.message).join('; ')}`);
      if (tokens > config.graphqlMaxTokens) over.push(`${name}: ${tokens} tokens`);
    }
    expect(over).toEqual([]);
  });
});

/** A history query `levels` deep: messages, edges, node, then `replyTo` down to `id`. */
const nested = (levels: number) => {
  let q = 'id';
  for (let i = 0; i < levels - 4; i++) q = `replyTo { ${q} }`;
  return `query($r: ID!) { messages(roomId: $r, last: 1) { edges { node { ${q} } } } }`;
};
const depthOf = (query: string): number => {
  const errors = validate(schema, parse(query), [depthRule(0)]);
  return Number(errors[0]?.extensions.depth ?? 0);
};
/** What GraphiQL, GraphQL Code Generator and most tools send: 15 levels of `ofType`. */
const FULL_INTROSPECTION = getIntrospectionQuery({
  descriptions: true,
  specifiedByUrl: true,
  directiveIsRepeatable: true,
  schemaDescription: true,
  inputValueDeprecation: true,
});

describe('depth', () => {
  it('counts levels of fields, through fragments, and not introspection', () => {
    expect(depthOf(nested(12))).toBe(12);
    expect(depthOf('{ me { id } }')).toBe(2);
    // Inline fragments and spreads add no level; what is inside them does.
    expect(depthOf('{ me { ... on User { id } } }')).toBe(2);
    expect(
      depthOf('{ me { ...F } } fragment F on User { ...G } fragment G on User { ... on User { id } }'),
    ).toBe(2);
    expect(depthOf('{ __schema { types { fields { type { ofType { ofType { name } } } } } } }')).toBe(0);
    expect(depthOf('{ me { __typename } }')).toBe(1);
    expect(validate(schema, parse(FULL_INTROSPECTION), [depthRule(12)])).toEqual([]);
  });

  it('refuses an operation deeper than GRAPHQL_DEPTH_LIMIT over HTTP, naming the limit', async () => {
    const room = '00000000-0000-7000-8000-000000000000';
    const deep = await t.gql(nested(13), { r: room }, user.accessToken);
    expect(deep.statusCode).toBe(400);
    expect(expectError(deep, 'GRAPHQL_VALIDATION_FAILED').extensions).toMatchObject({
      limit: 'depth',
      depth: 13,
      maxDepth: 12,
    });
    // At the limit it runs (and finds no such room).
    expectError(await t.gql(nested(12), { r: room }, user.accessToken), 'NOT_FOUND');
  });

  it('answers the standard introspection query that GraphiQL and codegen send', async () => {
    const res = await t.gql(FULL_INTROSPECTION);
    expect(res.errors).toBeUndefined();
    expect(res.data.__schema.queryType.name).toBe('Query');
    expect(res.data.__schema.types.length).toBeGreaterThan(50);
    // Still refused where introspection is off.
    const off = await strict.gql(FULL_INTROSPECTION);
    expect(
      off.errors?.some(
        (e) => e.extensions.code === 'GRAPHQL_VALIDATION_FAILED' && /introspection/.test(e.message),
      ),
    ).toBe(true);
  });
});

describe('aliases and tokens', () => {
  const aliases = (n: number) =>
    `{ me { ${Array.from({ length: n }, (_, i) => `a${i}: __typename`).join(' ')} } }`;

  it('refuses more aliases than GRAPHQL_MAX_ALIASES', async () => {
    expect((await strict.gql(aliases(3), {}, strictUser.accessToken)).errors).toBeUndefined();
    const r = await strict.gql(aliases(4), {}, strictUser.accessToken);
    expect(r.statusCode).toBe(400);
    expect(expectError(r, 'QUERY_TOO_COMPLEX').extensions).toMatchObject({ limit: 'aliases', maxAliases: 3 });
    // The default allows 30.
    expect((await t.gql(aliases(30), {}, user.accessToken)).errors).toBeUndefined();
    expectError(await t.gql(aliases(31), {}, user.accessToken), 'QUERY_TOO_COMPLEX');
  });

  it('refuses documents with more than GRAPHQL_MAX_TOKENS tokens before parsing them whole', async () => {
    const r = await strict.gql(`{ me { ${'id '.repeat(300)} } }`, {}, strictUser.accessToken);
    expect(r.statusCode).toBe(400);
    expect(expectError(r, 'QUERY_TOO_COMPLEX').extensions).toMatchObject({ limit: 'tokens', maxTokens: 200 });
    const big = await t.gql(`{ ${'__typename '.repeat(6000)} }`);
    expect(big.statusCode).toBe(400);
    expectError(big, 'QUERY_TOO_COMPLEX');
  });

  it('never reads a query string as a JSON AST (Mercurius fallback), so no limit is skipped', async () => {
    for (const query of ['123', JSON.stringify(parse('{ __typename }')), '{"kind":"Document"}']) {
      const r = await t.gql(query);
      expect(r.statusCode).toBe(400);
      expectError(r, 'GRAPHQL_PARSE_FAILED');
    }
  });
});

describe('requests', () => {
  const post = (app: TestApp, payload: string) =>
    app.app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/json' },
      payload,
    });

  it('refuses a batch of operations (batching is off) with a 400 and a code', async () => {
    const res = await post(t, JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]));
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      data: null,
      errors: [{ extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }],
    });
  });

  it('answers a body over BODY_LIMIT_BYTES with 413 PAYLOAD_TOO_LARGE', async () => {
    const res = await post(
      strict,
      JSON.stringify({ query: '{ __typename }', variables: { x: 'a'.repeat(5000) } }),
    );
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ data: null, errors: [{ extensions: { code: 'PAYLOAD_TOO_LARGE' } }] });
    // Just under the limit is fine.
    const fits = await post(
      strict,
      JSON.stringify({ query: '{ __typename }', variables: { x: 'a'.repeat(3500) } }),
    );
    expect(fits.statusCode).toBe(200);
  });

  it('answers malformed JSON with 400 BAD_USER_INPUT, not a masked 500', async () => {
    for (const payload of ['{"query": ', 'nope', '{"query": "{ __typename }", "variables": [1,']) {
      const res = await post(t, payload);
      expect(res.statusCode).toBe(400);
      expect(res.json().errors[0].extensions.code).toBe('BAD_USER_INPUT');
    }
    expect((await post(t, JSON.stringify({ query: '{ __typename }' }))).json()).toEqual({
      data: { __typename: 'Query' },
    });
  });

  it('answers a request without a query with 400 BAD_USER_INPUT, not a masked 500', async () => {
    const before = t.errorLogs.length;
    const payloads = [
      '{}',
      '{"query": null}',
      '{"query": ""}',
      '{"extensions": {"persistedQuery": {"version": 1, "sha256Hash": "abc"}}}',
    ];
    for (const payload of payloads) {
      const res = await post(t, payload);
      expect(res.statusCode, payload).toBe(400);
      expect(res.json().errors[0]).toMatchObject({
        message: expect.stringMatching(/no GraphQL query/),
        extensions: { code: 'BAD_USER_INPUT' },
      });
    }
    const get = await t.app.inject({ method: 'GET', url: '/graphql' });
    expect(get.statusCode).toBe(400);
    expect(get.json().errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(t.errorLogs.slice(before)).toEqual([]);
  });

  it('turns introspection off with GRAPHQL_INTROSPECTION=false (on by default outside production)', async () => {
    expect(loadConfig({}).introspection).toBe(true);
    expect(loadConfig({ GRAPHQL_INTROSPECTION: 'false' }).introspection).toBe(false);
    expect(loadConfig({ INTROSPECTION: 'false' }).introspection).toBe(false);
    expectError(await strict.gql('{ __schema { queryType { name } } }'), 'GRAPHQL_VALIDATION_FAILED');
    expect((await t.gql('{ __schema { queryType { name } } }')).data).toEqual({
      __schema: { queryType: { name: 'Query' } },
    });
  });

  it('keeps the limits configurable and reports bad values', () => {
    const c = loadConfig({ GRAPHQL_MAX_COST: '1234', GRAPHQL_MAX_ALIASES: '0', GRAPHQL_MAX_TOKENS: '999' });
    expect(c).toMatchObject({ graphqlMaxCost: 1234, graphqlMaxAliases: 0, graphqlMaxTokens: 999 });
    expect(() => loadConfig({ GRAPHQL_MAX_COST: 'lots', GRAPHQL_MAX_TOKENS: '5' })).toThrow(
      /GRAPHQL_MAX_COST[\s\S]*GRAPHQL_MAX_TOKENS/,
    );
  });
});

describe('hostile input', () => {
  const post = (payload: string, token?: string) =>
    t.app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      payload,
    });

  it('answers deeply nested variables, deep literals and huge strings with coded errors', async () => {
    const n = 100_000;
    const nestedList = `{"query":"mutation($ids: [ID!]!) { markNotificationsRead(ids: $ids) { unreadCount } }","variables":{"ids":${'['.repeat(n)}1${']'.repeat(n)}}}`;
    const nestedObject = `{"query":"mutation($i: UpdateProfileInput!) { updateProfile(input: $i) { id } }","variables":{"i":${'{"a":'.repeat(n)}1${'}'.repeat(n)}}}`;
    for (const payload of [nestedList, nestedObject]) {
      const res = await post(payload, user.accessToken);
      expect(res.statusCode).toBeLessThan(500);
      expect(res.json().errors[0].extensions.code).toBe('BAD_USER_INPUT');
    }
    const literal = await t.gql(
      `{ searchUsers(query: ${'['.repeat(1500)}"x"${']'.repeat(1500)}) { edges { node { id } } } }`,
      {},
      user.accessToken,
    );
    expect(literal.errors?.[0]?.extensions.code).toMatch(/^(GRAPHQL_VALIDATION_FAILED|BAD_USER_INPUT)$/);
    const huge = await t.gql(
      'query($q: String!) { searchUsers(query: $q) { edges { node { id } } } }',
      { q: 'x'.repeat(500_000) },
      user.accessToken,
    );
    expectError(huge, 'BAD_USER_INPUT');
    expect((await t.ok('{ me { id } }', {}, user.accessToken)).me.id).toBe(user.id);
  });

  it('refuses text holding a NUL character (PostgreSQL cannot store it) as BAD_USER_INPUT, in variables and literals', async () => {
    const before = t.errorLogs.length;
    const profile = 'mutation($i: UpdateProfileInput!) { updateProfile(input: $i) { bio } }';
    const inVariable = await t.gql(profile, { i: { bio: 'a\u0000b' } }, user.accessToken);
    expect(expectError(inVariable, 'BAD_USER_INPUT').extensions).toMatchObject({ field: 'i.bio' });
    const inList = await t.gql(
      'mutation($ids: [ID!]!) { markNotificationsRead(ids: $ids) { unreadCount } }',
      { ids: ['x\u0000'] },
      user.accessToken,
    );
    expectError(inList, 'BAD_USER_INPUT');
    const inLiteral = await t.gql(
      'mutation { updateProfile(input: { bio: "a\\u0000b" }) { bio } }',
      {},
      user.accessToken,
    );
    expect(inLiteral.statusCode).toBe(400);
    expectError(inLiteral, 'BAD_USER_INPUT');
    const signUp = await t.gql('mutation($i: RegisterInput!) { register(input: $i) { accessToken } }', {
      i: {
        email: 'nul\u0000@example.com',
        username: 'nul_user',
        displayName: 'N',
        password: 'long enough password',
        timeZone: 'UTC',
      },
    });
    expectError(signUp, 'BAD_USER_INPUT');
    // Nothing was written, and no error was logged (the client's mistake).
    expect((await t.ok('{ me { bio } }', {}, user.accessToken)).me.bio).not.toContain('\u0000');
    expect(t.errorLogs.slice(before)).toEqual([]);
    // Other control characters are text like any other.
    expect((await t.ok(profile, { i: { bio: 'tab\there' } }, user.accessToken)).updateProfile.bio).toBe(
      'tab\there',
    );

    // Half a surrogate pair is not text (it would be stored as U+FFFD): refused, named; a whole pair is fine.
    const half = await t.gql(profile, { i: { bio: 'broken \ud800 pair' } }, user.accessToken);
    expect(expectError(half, 'BAD_USER_INPUT')).toMatchObject({
      message: 'Text may not contain an unpaired surrogate (half of a UTF-16 pair): $i.bio',
      extensions: { field: 'i.bio' },
    });
    // In a literal, GraphQL's own parser refuses it.
    const halfLiteral = await t.gql(
      'mutation { updateProfile(input: { bio: "x\\udc00" }) { bio } }',
      {},
      user.accessToken,
    );
    expectError(halfLiteral, 'GRAPHQL_PARSE_FAILED');
    expect(
      (await t.ok(profile, { i: { bio: 'whole \ud83d\ude00' } }, user.accessToken)).updateProfile.bio,
    ).toBe('whole 😀');
    expect(t.errorLogs.slice(before)).toEqual([]);
  });

  it('answers malformed WebSocket messages with an error or a close, and keeps serving', async () => {
    const garbage: (string | Buffer)[] = [
      '{{{',
      'null',
      '[1,2]',
      '{"id":"1"}',
      Buffer.from([0, 1, 2, 255]),
      JSON.stringify({ id: '1', type: 'subscribe' }),
      JSON.stringify({ id: '1', type: 'subscribe', payload: { query: null } }),
      JSON.stringify({
        id: '1',
        type: 'subscribe',
        payload: { query: { kind: 'Document', definitions: 5 } },
      }),
      JSON.stringify({ id: '1', type: 'subscribe', payload: { query: 'mutation { logoutEverywhere }' } }),
      JSON.stringify({ id: '1', type: 'subscribe', payload: { query: '{ me { id ' } }),
      JSON.stringify({
        id: '1',
        type: 'subscribe',
        payload: { query: 'subscription($r: ID!) { roomEvents(roomId: $r) { __typename } }' },
      }),
    ];
    const errors: { message: string; extensions?: { code?: string } }[][] = [];
    const logsBefore = t.errorLogs.length;
    for (const message of garbage) {
      const ws = new WebSocket(t.wsUrl, 'graphql-transport-ws');
      ws.on('error', () => {});
      const answered = new Promise<string>((resolve) => {
        ws.on('close', (code) => resolve(`close ${code}`));
        ws.on('message', (data) => {
          const m = JSON.parse(String(data));
          if (m.type === 'connection_ack') ws.send(message);
          else if (m.type !== 'ping' && m.type !== 'pong') {
            if (m.type === 'error') errors.push(m.payload);
            resolve(m.type);
          }
        });
      });
      await new Promise((resolve) => ws.on('open', resolve));
      ws.send(
        JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${user.accessToken}` } }),
      );
      expect(await answered, String(message).slice(0, 80)).toMatch(/^(error|close \d+)$/);
      ws.close();
    }
    // Every error names its code, as over HTTP; a query or mutation is told where to go;
    // none of these is logged as an error (the client's mistakes).
    expect(t.errorLogs.slice(logsBefore)).toEqual([]);
    for (const payload of errors) for (const e of payload) expect(e.extensions?.code, e.message).toBeTruthy();
    const codes = errors.map((p) => p[0]?.extensions?.code);
    expect(codes).toEqual(expect.arrayContaining(['GRAPHQL_PARSE_FAILED', 'BAD_USER_INPUT']));
    expect(errors.flat().find((e) => /POST \/graphql/.test(e.message))?.extensions?.code).toBe(
      'BAD_USER_INPUT',
    );
    const conn = await connectWs(t.wsUrl, user.accessToken);
    await conn.close();
    expect((await t.ok('{ me { id } }', {}, user.accessToken)).me.id).toBe(user.id);
  });
});

describe('subscriptions over WebSocket get the same limits', () => {
  const firstError = async (app: TestApp, token: string, query: string) => {
    const conn = await connectWs(app.wsUrl, token);
    try {
      const sub = conn.subscribe(query);
      const err = (await sub.ended) as { errors?: { message: string; extensions?: { code?: string } }[] };
      return err?.errors?.[0];
    } finally {
      await conn.close();
    }
  };

  it('refuses too many tokens, aliases or too much cost with QUERY_TOO_COMPLEX', async () => {
    const tokens = await firstError(
      strict,
      strictUser.accessToken,
      `subscription { notificationEvents { ${'__typename '.repeat(250)} } }`,
    );
    expect(tokens?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'tokens' });
    const aliases = await firstError(
      strict,
      strictUser.accessToken,
      'subscription { notificationEvents { a: __typename b: __typename c: __typename d: __typename } }',
    );
    expect(aliases?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'aliases' });
    // myEvents 1 + room 1 + members 1 + 10 × (role 1 + user 1 + 5 fields) = 73 > 50
    const cost = await firstError(
      strict,
      strictUser.accessToken,
      `subscription { myEvents { ... on RoomUpdated { room { members { role
        user { id username displayName bio timeZone } } } } } }`,
    );
    expect(cost?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'cost' });
  });

  it('refuses a subscription deeper than the limit', async () => {
    let q = 'id';
    for (let i = 0; i < 10; i++) q = `replyTo { ${q} }`;
    const deep = await firstError(
      t,
      user.accessToken,
      `subscription { roomEvents(roomId: "00000000-0000-7000-8000-000000000000") {
        ... on MessageCreated { message { ${q} } } } }`,
    );
    expect(deep?.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'depth', depth: 13 });
  });

  it('closes a socket sending a message over 1 MiB with 1009, and stays up', async () => {
    const ws = new WebSocket(t.wsUrl, 'graphql-transport-ws');
    const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
    ws.on('error', () => {});
    await new Promise((resolve) => ws.on('open', resolve));
    ws.send(JSON.stringify({ type: 'connection_init', payload: { junk: 'x'.repeat(1024 * 1024 + 10) } }));
    expect(await closed).toBe(1009);
    const conn = await connectWs(t.wsUrl, user.accessToken);
    await conn.close();
  });

  it('validates subscription documents (Mercurius alone does not) and still serves valid ones', async () => {
    const unknown = await firstError(t, user.accessToken, 'subscription { notificationEvents { nope } }');
    expect(unknown?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const conn = await connectWs(strict.wsUrl, strictUser.accessToken);
    try {
      const sub = conn.subscribe<{ notificationEvents: { __typename: string; unreadCount: number } }>(
        'subscription { notificationEvents { __typename ... on NotificationsRead { unreadCount } } }',
      );
      expect((await sub.next(10_000)).notificationEvents).toMatchObject({
        __typename: 'NotificationsRead',
        unreadCount: 0,
      });
    } finally {
      await conn.close();
    }
  });
});
