/**
 * Provides the PostgreSQL server every test file creates its database on:
 * DATABASE_URL when set (CI: the machine's PostgreSQL 15), otherwise one
 * embedded PostgreSQL for the whole run. Also passes REDIS_URL through.
 */
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { type EmbeddedDatabase, startEmbeddedPostgres } from '../../src/db/embedded.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    adminDatabaseUrl: string;
    redisUrl: string | undefined;
    /** The web client build test apps serve (the e2e setup provides client/dist-dev); unset: the config's default. */
    clientDistDir: string | undefined;
  }
}

let embedded: EmbeddedDatabase | undefined;

export async function setup(project: TestProject) {
  let url = process.env.DATABASE_URL;
  if (!url) {
    embedded = await startEmbeddedPostgres({
      dir: path.join(os.tmpdir(), `parley-test-pg-${process.pid}`),
      ephemeral: true,
    });
    url = embedded.url;
  }
  project.provide('adminDatabaseUrl', url);
  project.provide('redisUrl', process.env.REDIS_URL || undefined);
}

export async function teardown() {
  await embedded?.stop();
}
