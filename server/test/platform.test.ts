import { readFileSync } from 'node:fs';
import net from 'node:net';
import { GraphQLError } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_JWT_SECRET, loadConfig } from '../src/config.ts';
import { badInput } from '../src/graphql/errors.ts';
import { DateTime } from '../src/graphql/scalars.ts';
import { uuidv7 } from '../src/lib/ids.ts';
import { keyedSequence } from '../src/lib/keyed-sequence.ts';
import { formatInZone, zoneAbbreviation } from '../src/lib/time.ts';
import { formatError } from '../src/plugins/graphql.ts';
import { createTestApp, expectError, type TestApp } from './helpers/app.ts';
import { registerUser } from './helpers/users.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

describe('config', () => {
  it('has working defaults', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      port: 4000,
      env: 'development',
      databaseUrl: undefined,
      redisUrl: undefined,
      uploadMaxBytes: 25 * 1024 * 1024,
      listenBacklog: 4096,
      roomListCacheRooms: 10_000,
    });
    expect(Object.isFrozen(c)).toBe(true);
    expect(loadConfig({ LISTEN_BACKLOG: '8192' }).listenBacklog).toBe(8192);
  });

  it('reports every problem at once', () => {
    let err: unknown;
    try {
      loadConfig({
        PORT: 'abc',
        DATABASE_URL: 'mysql://x',
        LOG_LEVEL: 'loud',
        JWT_SECRET: 'short',
        GRAPHIQL: 'maybe',
        LISTEN_BACKLOG: '0',
        ROOM_LIST_CACHE_ROOMS: '-1',
        SEND_BATCH_MAX: '0',
        SEND_BATCH_IN_FLIGHT: 'many',
      });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    const problems = (err as ConfigError).problems.join('\n');
    for (const name of [
      'PORT',
      'DATABASE_URL',
      'LOG_LEVEL',
      'JWT_SECRET',
      'GRAPHIQL',
      'LISTEN_BACKLOG',
      'ROOM_LIST_CACHE_ROOMS',
      'SEND_BATCH_MAX',
      'SEND_BATCH_IN_FLIGHT',
    ])
      expect(problems).toContain(name);
  });

  it('refuses to run in production with the default secret', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET must be set in production/);
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: DEFAULT_JWT_SECRET })).toThrow(ConfigError);
    const prod = loadConfig({
      NODE_ENV: 'production',
      JWT_SECRET: 'a-real-secret-with-at-least-32-characters',
    });
    expect(prod.graphiql).toBe(false);
    expect(prod.introspection).toBe(false);
  });
});

describe('GraphQL endpoint', () => {
  it('serves GraphiQL and health checks', async () => {
    expect((await t.app.inject('/graphiql')).statusCode).toBe(200);
    expect((await t.app.inject('/healthz')).json()).toEqual({ status: 'ok' });
    const ready = await t.app.inject('/readyz');
    expect(ready.statusCode).toBe(200);
    expect(ready.json().checks.database).toBe('ok');
    if (t.config.redisUrl) expect(ready.json().checks.redis).toBe('ok');
  });

  it('closes at once despite a connection that never sent a request (a browser preconnect)', async () => {
    const other = await createTestApp();
    const idle = net.connect(Number(new URL(other.url).port), '127.0.0.1');
    await new Promise((resolve) => idle.once('connect', resolve));
    const dropped = new Promise((resolve) => idle.once('close', resolve));
    // A socket that sent nothing would hold the server open until Node's 60 s headers timeout.
    const outcome = await Promise.race([
      other.close().then(() => 'closed'),
      new Promise((resolve) => setTimeout(() => resolve('still open after 10 s'), 10_000)),
    ]);
    expect(outcome).toBe('closed');
    await dropped;
  });

  it('refuses queries deeper than the limit', async () => {
    const u = await registerUser(t);
    // Nest through fields that exist so only the depth rule can reject it.
    let q = 'id';
    for (let i = 0; i < 20; i++) q = `replyTo { ${q} }`;
    const r = await t.gql(
      `{ messages(roomId: "00000000-0000-7000-8000-000000000000", last: 1) { edges { node { ${q} } } } }`,
      {},
      u.accessToken,
    );
    expect(r.statusCode).toBe(400);
    expect(r.errors?.[0]?.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('reports syntax and validation errors with codes', async () => {
    const syntax = await t.gql('{ me { id ');
    expect(syntax.errors?.[0]?.extensions.code).toBe('GRAPHQL_PARSE_FAILED');
    const unknownField = await t.gql('{ me { nope } }');
    expect(unknownField.errors?.[0]?.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const badVar = await t.gql('mutation($i: LoginInput!) { login(input: $i) { accessToken } }', {
      i: { login: 1 },
    });
    expectError(badVar, 'BAD_USER_INPUT');
  });

  it('answers a subscription sent over HTTP with a clear BAD_USER_INPUT, the first time and every time', async () => {
    const user = await registerUser(t);
    const docs = [
      'subscription { meetingEvents { action } }',
      'subscription { notificationEvents { __typename } }',
      'subscription { myEvents { __typename } }',
    ];
    // Three times each: Mercurius compiles a document after its first runs.
    for (const doc of docs)
      for (let i = 0; i < 3; i++) {
        const r = await t.gql(doc, {}, user.accessToken);
        expectError(r, 'BAD_USER_INPUT');
        expect(r.errors?.[0]?.message).toMatch(/^Subscriptions run over the WebSocket at \/graphql/);
      }
    // With several operations, the one named runs: the query works, the subscription is refused.
    const both = 'query Q { me { id } } subscription S { myEvents { __typename } }';
    const post = (operationName: string) =>
      t.app.inject({
        method: 'POST',
        url: '/graphql',
        headers: { authorization: `Bearer ${user.accessToken}` },
        payload: { query: both, operationName },
      });
    expect((await post('Q')).json().data.me.id).toBe(user.id);
    expect((await post('S')).json().errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(t.errorLogs).toEqual([]);
  });

  it('gives list indices in an error path as integers, as the spec has them', async () => {
    const u = await registerUser(t);
    const other = await registerUser(t);
    const { openDirectRoom: room } = await t.ok(
      'mutation($id: ID!) { openDirectRoom(userId: $id) { id } }',
      { id: other.id },
      u.accessToken,
    );
    await t.ok(
      'mutation($i: SendMessageInput!) { sendMessage(input: $i) { id } }',
      { i: { roomId: room.id, body: 'hi', clientId: uuidv7() } },
      u.accessToken,
    );
    const r = await t.gql(
      'query($r: ID!) { messages(roomId: $r, last: 5) { edges { node { id readBy(first: 0) { readAt } } } } }',
      { r: room.id },
      u.accessToken,
    );
    expectError(r, 'BAD_USER_INPUT');
    // Mercurius' response schema typed path items as strings: "0" over HTTP, 0 over WebSocket.
    expect(r.errors?.[0]?.path).toEqual(['messages', 'edges', 0, 'node', 'readBy']);
  });

  it('masks unexpected errors and keeps expected ones', () => {
    const logged: unknown[] = [];
    const log = { error: (o: unknown) => logged.push(o), warn: (o: unknown) => logged.push(o) } as never;
    const internal = formatError(
      new GraphQLError('x', { originalError: new Error('relation "secret" does not exist') }),
      log,
    );
    expect(internal).toMatchObject({
      message: 'Internal server error',
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    expect(logged).toHaveLength(1);
    const down = formatError(
      new GraphQLError('x', {
        originalError: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
      }),
      log,
    );
    expect(down.extensions.code).toBe('SERVICE_UNAVAILABLE');
    const expected = formatError(
      new GraphQLError('x', { originalError: badInput('Nope', { field: 'f' }) }),
      log,
    );
    expect(expected).toMatchObject({ message: 'Nope', extensions: { code: 'BAD_USER_INPUT', field: 'f' } });
  });

  it('disables introspection when configured', async () => {
    const prod = await createTestApp({ env: { INTROSPECTION: 'false' } });
    try {
      const r = await prod.gql('{ __schema { types { name } } }');
      expect(r.errors?.[0]?.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    } finally {
      await prod.close();
    }
    const r = await t.gql('{ __schema { queryType { name } } }');
    expect(r.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
  });
});

describe('schema', () => {
  it('describes every type, field, argument and enum value', async () => {
    const { data } = await t.gql(`{ __schema { types { name kind description
      fields(includeDeprecated: true) { name description args { name description } }
      inputFields { name description } enumValues(includeDeprecated: true) { name description } } } }`);
    const missing: string[] = [];
    interface Described {
      name: string;
      description: string | null;
    }
    interface IntrospectedType extends Described {
      fields: (Described & { args: Described[] })[] | null;
      inputFields: Described[] | null;
      enumValues: Described[] | null;
    }
    for (const type of data.__schema.types as IntrospectedType[]) {
      if (type.name.startsWith('__') || ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name))
        continue;
      if (!type.description) missing.push(type.name);
      for (const f of type.fields ?? []) {
        if (!f.description) missing.push(`${type.name}.${f.name}`);
        for (const a of f.args) if (!a.description) missing.push(`${type.name}.${f.name}(${a.name})`);
      }
      for (const f of type.inputFields ?? []) if (!f.description) missing.push(`${type.name}.${f.name}`);
      for (const v of type.enumValues ?? []) if (!v.description) missing.push(`${type.name}.${v.name}`);
    }
    expect(missing).toEqual([]);
  });

  it('is ASCII, so the names it gives V8 are one-byte strings', () => {
    // The lexer slices names out of the source. Read from a file holding any non-ASCII character,
    // the source is a two-byte string, so are its names, and a name V8 internalizes from there first
    // is two-byte wherever it is used as a key, result objects included. V8's newer JSON.stringify
    // (default from V8 13.8; a flag in Node 24's 13.6) then writes the whole answer as a two-byte
    // string, which costs 6x as much to encode for the socket (BENCHMARKS.md, entry 66).
    // Characters beyond ASCII can still appear in descriptions as escapes, "\uD83D\uDC4D" (a surrogate pair; Biome rejects "\u{...}").
    const source = readFileSync(new URL('../../schema.graphql', import.meta.url), 'utf8');
    const lines = source
      .split('\n')
      .flatMap((line, i) => (/\P{ASCII}/u.test(line) ? [`${i + 1}: ${line}`] : []));
    expect(lines).toEqual([]);
  });
});

describe('lib', () => {
  it('generates time-ordered UUIDv7s', () => {
    const ids = Array.from({ length: 1000 }, () => uuidv7());
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(1000);
    expect(ids[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('formats instants in the reader zone with its abbreviation, across DST', () => {
    // 2026-03-09 is the Monday after the US spring-forward (8 March); Europe changes on 29 March.
    const meeting = new Date('2026-03-09T13:00:00Z');
    expect(formatInZone(meeting, 'America/New_York')).toBe('Mon 9 Mar 2026, 09:00 EDT');
    expect(formatInZone(meeting, 'Europe/Berlin')).toBe('Mon 9 Mar 2026, 14:00 CET');
    expect(formatInZone(new Date('2026-03-06T14:00:00Z'), 'America/New_York')).toBe(
      'Fri 6 Mar 2026, 09:00 EST',
    );
    expect(zoneAbbreviation('Asia/Kolkata', meeting)).toBe('IST');
    expect(zoneAbbreviation('Asia/Tokyo', meeting)).toBe('GMT+9');
  });

  it('runs tasks one after another per key, other keys alongside, past a failure', async () => {
    const inOrder = keyedSequence();
    const log: string[] = [];
    const task =
      (name: string, ms: number, fail = false) =>
      async () => {
        await new Promise((r) => setTimeout(r, ms));
        log.push(name);
        if (fail) throw new Error(name);
        return name;
      };
    const a1 = inOrder('a', task('a1', 30, true));
    const a2 = inOrder('a', task('a2', 1));
    const b1 = inOrder('b', task('b1', 5));
    await expect(a1).rejects.toThrow('a1');
    expect(await Promise.all([a2, b1])).toEqual(['a2', 'b1']);
    expect(log).toEqual(['b1', 'a1', 'a2']);
  });

  it('accepts only DateTimes that exist on the calendar and the clock, never rolling one over to another day', () => {
    const ok = [
      '2027-02-28T10:00:00Z',
      '2028-02-29T10:00Z',
      '2027-03-28T01:30:00+01:00',
      '2027-12-31T23:59:59.999-05:00',
      '2027-01-01T00:00:00+14:00',
    ];
    for (const v of ok) expect(DateTime.parseValue(v), v).toEqual(new Date(v));
    const impossible = [
      '2027-02-29T10:00:00Z',
      '2027-02-30T10:00:00Z',
      '2027-04-31T10:00:00Z',
      '2027-13-01T10:00:00Z',
      '2027-00-10T10:00:00Z',
      '2027-01-00T10:00:00Z',
      '2027-01-01T24:00:00Z',
      '2027-01-01T10:61:00Z',
      '2027-01-01T10:00:60Z',
      '2027-01-01T10:00:00+25:00',
      '2027-01-01T10:00:00+01:60',
    ];
    for (const v of impossible) {
      let code: unknown;
      try {
        DateTime.parseValue(v);
      } catch (err) {
        code = (err as GraphQLError).extensions?.code;
      }
      expect(code, v).toBe('BAD_USER_INPUT');
    }
  });

  it('serialises DateTime as ISO 8601 UTC, the same on every call (the string is kept on the Date)', () => {
    const dates = Array.from({ length: 50 }, (_, i) => new Date(Date.UTC(2026, 0, 1) + i * 86_399_123));
    for (const d of dates) expect(DateTime.serialize(d)).toBe(d.toISOString());
    for (const d of dates) expect(DateTime.serialize(d)).toBe(d.toISOString());
    expect(DateTime.serialize('2026-03-09T09:00:00-04:00')).toBe('2026-03-09T13:00:00.000Z');
    expect(() => DateTime.serialize(new Date(Number.NaN))).toThrow(GraphQLError);
  });
});

describe('HTTP security', () => {
  it('sends security headers and CORS only to allowed origins', async () => {
    const own = await createTestApp({ env: { CORS_ORIGINS: 'https://app.example.com' } });
    try {
      const allowed = await own.app.inject({
        method: 'OPTIONS',
        url: '/graphql',
        headers: { origin: 'https://app.example.com', 'access-control-request-method': 'POST' },
      });
      expect(allowed.headers['access-control-allow-origin']).toBe('https://app.example.com');
      const denied = await own.app.inject({
        method: 'OPTIONS',
        url: '/graphql',
        headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
      });
      expect(denied.headers['access-control-allow-origin']).toBeUndefined();
      const res = await own.app.inject('/healthz');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    } finally {
      await own.close();
    }
  });
});
