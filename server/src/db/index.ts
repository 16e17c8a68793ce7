import { Kysely, PostgresDialect, type Transaction } from 'kysely';
import pg from 'pg';
import type { DB } from './schema.generated.ts';

export type { DB } from './schema.generated.ts';
export type Database = Kysely<DB>;
/** What repository functions take: the database, or a transaction on it. */
export type Db = Kysely<DB> | Transaction<DB>;

/**
 * Parses int8 (bigint / bigserial, e.g. message `seq`) as a JS number. Sequences
 * stay far below 2^53, and numbers keep GraphQL `Int`/`Float` simple. Applied
 * per pool, not globally, so no other pg user in the process is affected.
 */
const types = {
  getTypeParser(oid: number, format?: string) {
    if (oid === 20) return (v: string) => Number.parseInt(v, 10);
    // biome-ignore lint/suspicious/noExplicitAny: pg's overloaded signature
    return (pg.types.getTypeParser as any)(oid, format);
  },
};

export interface DbOptions {
  connectionString: string;
  poolSize: number;
  /** Called for idle-client errors (e.g. the server restarted); the pool replaces the client. */
  onPoolError?: (err: Error) => void;
  applicationName?: string;
}

export function createPool(opts: DbOptions): pg.Pool {
  const pool = new pg.Pool({
    connectionString: opts.connectionString,
    max: opts.poolSize,
    types,
    application_name: opts.applicationName ?? 'parley',
    // Fail fast while the database is unreachable instead of queueing forever.
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    keepAlive: true,
  });
  pool.on('error', (err) => opts.onPoolError?.(err));
  return pool;
}

/**
 * Statement texts sent as named prepared statements (registered by
 * db/prepared.ts for the fixed hot statements): node-postgres then sends the
 * text and PostgreSQL parses and plans it once per connection, instead of
 * once per call. Only fixed texts are registered, so the set (and each
 * connection's prepared statements) stays small.
 */
const statementNames = new Map<string, string>();

/** Makes `text` a named prepared statement from now on (idempotent). */
export function registerPreparedStatement(text: string): void {
  if (!statementNames.has(text)) statementNames.set(text, `parley_${statementNames.size + 1}`);
}

/** The texts registered so far (for tests that check their plans). */
export const registeredStatements = (): string[] => [...statementNames.keys()];

const namedQueries = Symbol('parley.namedQueries');
type QueryFn = (...args: unknown[]) => unknown;

/** Has `client.query(text, values)` use the registered name for registered texts. */
function withNamedStatements(client: pg.PoolClient): void {
  const c = client as pg.PoolClient & { [namedQueries]?: true };
  if (c[namedQueries]) return;
  c[namedQueries] = true;
  const query = client.query as unknown as QueryFn;
  (client as unknown as { query: QueryFn }).query = function (this: pg.PoolClient, ...args: unknown[]) {
    const [text, values] = args;
    if (typeof text !== 'string' || args.length !== 2) return query.apply(this, args);
    const name = statementNames.get(text);
    const config = name ? { name, text, values } : { text, values };
    // node-postgres' callback form, with our own promise: its promise form
    // (no callback) kept each query's caller alive past young-generation
    // collections, promoting every request that touched the database (BENCHMARKS.md, entry 62).
    return new Promise((resolve, reject) => {
      query.call(this, config, (err: Error | null, result: unknown) => (err ? reject(err) : resolve(result)));
    });
  };
}

/** Kysely over `pool`; `onQuery` is called once per executed statement (cheap counter hook). */
export function createDb(pool: pg.Pool, onQuery?: () => void): Database {
  pool.on('connect', withNamedStatements);
  const dialect = new PostgresDialect({ pool });
  if (!onQuery) return new Kysely<DB>({ dialect });
  return new Kysely<DB>({
    dialect,
    log(event) {
      if (event.level === 'query') onQuery();
    },
  });
}
