/**
 * Entry point: reads config, starts the embedded PostgreSQL when no
 * DATABASE_URL is given, builds the app, listens, and shuts down gracefully
 * on SIGTERM/SIGINT. Nothing else lives here.
 */
// First: V8 flags must be set before the app's modules load.
import './v8-flags.ts';
import path from 'node:path';
import { buildApp } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';
import { type EmbeddedDatabase, EmbeddedPostgresError, startEmbeddedPostgres } from './db/embedded.ts';

async function main() {
  let config = loadConfig();
  let embedded: EmbeddedDatabase | undefined;
  if (!config.databaseUrl) {
    const dir = path.join(config.dataDir, 'postgres');
    process.stdout.write(`No DATABASE_URL: starting embedded PostgreSQL in ${dir}\n`);
    embedded = await startEmbeddedPostgres({ dir, log: (line) => process.stdout.write(`${line}\n`) });
    config = loadConfig(process.env, { databaseUrl: embedded.url });
  }

  const app = await buildApp(config).catch(async (err) => {
    await embedded?.stop();
    throw err;
  });

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    const force = setTimeout(() => {
      app.log.error('graceful shutdown timed out; exiting');
      process.exit(1);
    }, 20_000);
    force.unref();
    try {
      await app.close();
      await embedded?.stop();
      process.exit(0);
    } catch (err) {
      app.log.error({ err }, 'error during shutdown');
      process.exit(1);
    }
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));

  await app.listen({ port: config.port, host: config.host, backlog: config.listenBacklog });
  app.log.info(
    `Parley ready: GraphQL ${config.publicUrl}/graphql${config.graphiql ? `, GraphiQL ${config.publicUrl}/graphiql` : ''}`,
  );
}

main().catch((err) => {
  if (err instanceof ConfigError || err instanceof EmbeddedPostgresError) {
    process.stderr.write(`${err.message}\n`);
  } else {
    process.stderr.write(
      `Parley failed to start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
  }
  process.exit(1);
});
