import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Kysely } from 'kysely';
import { type Migration, type MigrationProvider, type MigrationResultSet, Migrator } from 'kysely/migration';

/** The top-level `migrations/` folder (forward-only Kysely migrations, `NNNN_name.ts`). */
export const MIGRATIONS_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../migrations',
);

const provider: MigrationProvider = {
  async getMigrations() {
    const files = (await fs.readdir(MIGRATIONS_DIR)).filter((f) => /^\d{4}_[a-z0-9_]+\.ts$/.test(f)).sort();
    const migrations: Record<string, Migration> = {};
    for (const file of files) {
      migrations[file.replace(/\.ts$/, '')] = await import(
        pathToFileURL(path.join(MIGRATIONS_DIR, file)).href
      );
    }
    return migrations;
  },
};

/**
 * Brings the database to the latest migration. Safe to call from several
 * instances at once: Kysely's migrator serialises them with a lock row.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run on any Kysely instance
export async function migrateToLatest(db: Kysely<any>): Promise<MigrationResultSet> {
  // Work lands in parallel: a migration numbered 0003 may be merged after 0004
  // ran somewhere. Migrations are independent and forward-only, so applying a
  // late-arriving lower number is safe; refusing would strand those databases.
  const migrator = new Migrator({ db, provider, allowUnorderedMigrations: true });
  const result = await migrator.migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error');
    const cause = result.error instanceof Error ? result.error : new Error(String(result.error));
    throw new Error(`migration ${failed?.migrationName ?? '?'} failed: ${cause.message}`, { cause });
  }
  return result;
}
