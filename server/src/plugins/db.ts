import fp from 'fastify-plugin';
import type pg from 'pg';
import type { Config } from '../config.ts';
import { createDb, createPool, type Database } from '../db/index.ts';
import { migrateToLatest } from '../db/migrate.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** Kysely over the app's pg pool. */
    db: Database;
    /** The pg pool behind `db` (readiness checks, pg-boss adapter). */
    pgPool: pg.Pool;
    /** Statements executed so far by this instance (tests count them to catch N+1 queries). */
    dbStats: { queries: number };
  }
}

export interface DbPluginOptions {
  config: Config;
  /** Run migrations before serving; default true. */
  migrate?: boolean;
}

/** Owns the PostgreSQL pool: creates it, migrates, decorates, closes on shutdown. */
export default fp<DbPluginOptions>(
  async (app, { config, migrate = true }) => {
    if (!config.databaseUrl)
      throw new Error('db plugin: config.databaseUrl is required (main.ts starts the embedded server)');
    const pool = createPool({
      connectionString: config.databaseUrl,
      poolSize: config.databasePoolSize,
      onPoolError: (err) => app.log.warn({ err }, 'idle database connection failed; the pool replaces it'),
    });
    const stats = { queries: 0 };
    const db = createDb(pool, () => {
      stats.queries += 1;
    });
    if (migrate) {
      const { results } = await migrateToLatest(db);
      for (const r of results ?? [])
        app.log.info({ migration: r.migrationName, status: r.status }, 'migration');
    }
    app.decorate('db', db);
    app.decorate('pgPool', pool);
    app.decorate('dbStats', stats);
    app.addHook('onClose', async () => {
      await db.destroy(); // ends the pool
    });
  },
  { name: 'db' },
);
