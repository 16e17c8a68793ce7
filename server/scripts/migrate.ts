/** `npm run migrate`: applies pending migrations to DATABASE_URL, or to the embedded database. */
import path from 'node:path';
import { ConfigError, loadConfig } from '../src/config.ts';
import { startEmbeddedPostgres } from '../src/db/embedded.ts';
import { createDb, createPool } from '../src/db/index.ts';
import { migrateToLatest } from '../src/db/migrate.ts';

try {
  const config = loadConfig();
  const embedded = config.databaseUrl
    ? undefined
    : await startEmbeddedPostgres({ dir: path.join(config.dataDir, 'postgres') });
  const db = createDb(createPool({ connectionString: config.databaseUrl ?? embedded!.url, poolSize: 2 }));
  try {
    const { results } = await migrateToLatest(db);
    for (const r of results ?? []) console.log(`${r.status.padEnd(8)} ${r.migrationName}`);
    if (!results?.length) console.log('database is up to date');
  } finally {
    await db.destroy();
    await embedded?.stop();
  }
} catch (err) {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
}
