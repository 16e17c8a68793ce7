import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import type { FastifyInstance } from 'fastify';
import { print } from 'graphql';
import { afterAll, beforeAll, inject } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { type Config, loadConfig } from '../../src/config.ts';
import { createScratchDatabase, type ScratchDatabase } from '../../src/db/admin.ts';
import { freePort, isErrorLogLine } from './processes.ts';

export interface GqlResult<T> {
  data: T | null;
  errors?: { message: string; path?: string[]; extensions: { code: string; [k: string]: unknown } }[];
  statusCode: number;
}

export interface TestApp {
  app: FastifyInstance;
  config: Config;
  /** http://127.0.0.1:<port> */
  url: string;
  /** ws://127.0.0.1:<port>/graphql */
  wsUrl: string;
  database: ScratchDatabase;
  /** Runs a GraphQL operation over HTTP (real request through Fastify's inject). */
  // biome-ignore lint/suspicious/noExplicitAny: a string document has no result type; tests read it unchecked
  gql<T = any, V = Record<string, unknown>>(
    query: string | TypedDocumentNode<T, V>,
    variables?: V,
    token?: string,
  ): Promise<GqlResult<T>>;
  /** Like gql, but throws if there are errors and returns data. */
  // biome-ignore lint/suspicious/noExplicitAny: as for gql
  ok<T = any, V = Record<string, unknown>>(
    query: string | TypedDocumentNode<T, V>,
    variables?: V,
    token?: string,
  ): Promise<T>;
  /**
   * Log lines at error level (pino 50+) this app wrote so far. Error lines are
   * what operators alert on; tests of expected failures (a client's mistake)
   * check that they wrote none.
   */
  errorLogs: string[];
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** Environment overrides, parsed like real ones. */
  env?: Record<string, string>;
  config?: Partial<Config>;
  /** Reuse an existing database (second instance, restart tests). */
  database?: ScratchDatabase;
  /** Use Redis (the provided REDIS_URL) for pub/sub. Default: only when REDIS_URL is set. */
  redis?: boolean;
  /** Data folder (uploads, outbox); default a fresh temp folder. */
  dataDir?: string;
  /** Port to listen on (a restarted instance reuses its predecessor's); default a free one. */
  port?: number;
}

/** Builds and starts a Parley app on a fresh, migrated database of its own. */
export async function createTestApp(opts: TestAppOptions = {}): Promise<TestApp> {
  const database = opts.database ?? (await createScratchDatabase(inject('adminDatabaseUrl'), 'parley_test'));
  const dataDir = opts.dataDir ?? (await fs.mkdtemp(path.join(os.tmpdir(), 'parley-test-data-')));
  const redisUrl = opts.redis === false ? undefined : inject('redisUrl');
  // A real port chosen up front, so PUBLIC_URL (and the file URLs built from it) is right.
  const listenPort = opts.port ?? (await freePort());
  const config = loadConfig(
    { NODE_ENV: 'test', LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'error', ...opts.env },
    {
      databaseUrl: database.url,
      redisUrl,
      dataDir,
      port: listenPort,
      ...(opts.env?.PUBLIC_URL ? {} : { publicUrl: `http://127.0.0.1:${listenPort}` }),
      databasePoolSize: 5,
      ...(inject('clientDistDir') ? { clientDistDir: inject('clientDistDir') } : {}),
      ...opts.config,
    },
  );
  // Log lines still go to stdout (LOG_LEVEL, default error); error lines are also kept.
  const errorLogs: string[] = [];
  const logStream = {
    write(line: string) {
      process.stdout.write(line);
      if (isErrorLogLine(line)) errorLogs.push(line.trimEnd());
    },
  };
  const app = await buildApp(config, { logStream });
  await app.listen({ port: listenPort, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;

  const gql: TestApp['gql'] = async (query, variables, token) => {
    const res = await app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      payload: { query: typeof query === 'string' ? query : print(query), variables: variables ?? {} },
    });
    return { ...(res.json() as object), statusCode: res.statusCode } as GqlResult<never>;
  };
  const ok: TestApp['ok'] = async (query, variables, token) => {
    const r = await gql(query, variables, token);
    if (r.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(r.errors)}`);
    return r.data as never;
  };

  let closed = false;
  return {
    app,
    config,
    url: `http://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${port}/graphql`,
    database,
    gql,
    ok,
    errorLogs,
    async close() {
      if (closed) return;
      closed = true;
      await app.close();
      if (!opts.database) {
        await database.drop();
        await fs.rm(dataDir, { recursive: true, force: true });
      }
    },
  };
}

/** Expects a single error with `code`; returns it. */
export function expectError<T>(result: GqlResult<T>, code: string) {
  const err = result.errors?.[0];
  if (!err || err.extensions.code !== code) {
    throw new Error(`expected error ${code}, got ${JSON.stringify(result.errors ?? result.data)}`);
  }
  return err;
}

/**
 * Two instances on one database (and the provided Redis), for tests of what
 * crosses instances; call in a describe block: it registers their setup and
 * teardown, and the getters return them inside tests.
 */
export function twoInstances(): { a: () => TestApp; b: () => TestApp } {
  let a: TestApp | undefined;
  let b: TestApp | undefined;
  beforeAll(async () => {
    a = await createTestApp();
    b = await createTestApp({ database: a.database });
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });
  const get = (app: TestApp | undefined) => {
    if (!app) throw new Error('twoInstances: not started');
    return app;
  };
  return { a: () => get(a), b: () => get(b) };
}

/**
 * Reads until `done` holds for what `read` returns, or `timeoutMs` passed;
 * returns the last value read (the caller asserts on it). For changes that
 * reach another instance through Redis a moment after the write answered.
 */
export async function readUntil<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 3_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() >= deadline) return value;
    await new Promise((r) => setTimeout(r, 20));
  }
}

/**
 * Waits until `t`'s instance has run no statement for `quietMs` (background
 * work such as presence's last-seen writes after a connect has landed), so a
 * statement count taken next measures only what the test then does.
 */
export async function untilNoStatements(t: TestApp, quietMs = 150, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let seen = t.app.dbStats.queries;
  for (;;) {
    await new Promise((r) => setTimeout(r, quietMs));
    const now = t.app.dbStats.queries;
    if (now === seen) return;
    if (Date.now() > deadline) throw new Error(`statements kept running for ${timeoutMs} ms`);
    seen = now;
  }
}
