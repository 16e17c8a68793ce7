import { type Compilable, CompiledQuery } from 'kysely';
import { type Db, registerPreparedStatement } from './index.ts';

/**
 * A statement whose SQL text never changes, compiled once instead of per call.
 * For the hottest paths only (sending a message): building a query with
 * Kysely's builder (immutable nodes, then a compile pass) costs more server
 * CPU than the database round trip saves on a busy instance. Parameters are
 * still sent separately ($1, $2, ...), never spliced into the text. Both
 * kinds run as named prepared statements (db/index.ts), so PostgreSQL also
 * parses and plans each once per connection.
 */
export function prepared<R>(text: string) {
  registerPreparedStatement(text);
  return async (db: Db, params: readonly unknown[]): Promise<R[]> =>
    (await db.executeQuery<R>(CompiledQuery.raw(text, [...params]))).rows;
}

/**
 * A query written with Kysely's builder, compiled once and reused: on the
 * first call `build` runs with placeholder arguments, and each call then
 * sends the compiled SQL text with its own values at the placeholders'
 * positions. `build` must use each argument only as a plain value (a bound
 * parameter), never to shape the query (e.g. no `if (arg)`, no lists of
 * variable length); a query whose shape varies needs one per shape.
 */
export function compiledOnce<A extends unknown[], R>(build: (db: Db, ...args: A) => Compilable<R>) {
  let compiled: { sql: string; slots: ({ arg: number } | { value: unknown })[] } | undefined;
  return async (db: Db, ...args: A): Promise<R[]> => {
    if (!compiled) {
      const markers = args.map((_, i) => `\u0000parley-arg-${i}\u0000`);
      const query = build(db, ...(markers as A)).compile();
      for (const m of markers)
        if (!query.parameters.includes(m)) throw new Error(`compiledOnce: argument ${m} is not a parameter`);
      registerPreparedStatement(query.sql);
      compiled = {
        sql: query.sql,
        slots: query.parameters.map((p) => {
          const arg = markers.indexOf(p as string);
          return arg >= 0 ? { arg } : { value: p };
        }),
      };
    }
    const params = compiled.slots.map((s) => ('arg' in s ? args[s.arg] : s.value));
    return (await db.executeQuery<R>(CompiledQuery.raw(compiled.sql, params))).rows;
  };
}
