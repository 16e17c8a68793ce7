/**
 * Regenerates server/src/db/schema.generated.ts (Kysely table types) from the
 * migrated schema: migrates a scratch database (on DATABASE_URL's server, or an
 * embedded one), introspects it with kysely-codegen, drops it.
 */
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { createScratchDatabase } from '../src/db/admin.ts';
import { startEmbeddedPostgres } from '../src/db/embedded.ts';
import { createDb, createPool } from '../src/db/index.ts';
import { migrateToLatest } from '../src/db/migrate.ts';

const OUT = path.resolve(import.meta.dirname, '../src/db/schema.generated.ts');

const embedded = process.env.DATABASE_URL
  ? undefined
  : await startEmbeddedPostgres({
      dir: path.join(os.tmpdir(), `parley-codegen-${process.pid}`),
      ephemeral: true,
    });
const adminUrl = process.env.DATABASE_URL ?? embedded!.url;
const scratch = await createScratchDatabase(adminUrl, 'parley_codegen');
try {
  const db = createDb(createPool({ connectionString: scratch.url, poolSize: 2 }));
  await migrateToLatest(db);
  await db.destroy();
  execFileSync(
    path.resolve(import.meta.dirname, '../../node_modules/.bin/kysely-codegen'),
    [
      '--dialect',
      'postgres',
      '--url',
      scratch.url,
      '--out-file',
      OUT,
      '--exclude-pattern',
      '(kysely_*|pgboss.*)',
      '--type-mapping',
      JSON.stringify({ int8: 'number' }),
    ],
    { stdio: 'inherit' },
  );
} finally {
  await scratch.drop();
  await embedded?.stop();
}
