import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Config } from '../config.ts';

/** Paths owned by the API: never answered with the web client's index.html. */
const API_PATHS = /^\/(graphql|graphiql|healthz|readyz|uploads|files|unsubscribe)(?:[/?.]|$)/;

/**
 * GraphiQL's page (client/graphiql.html, built with the client). Monaco runs
 * its language services in workers and injects styles; the fonts are inline.
 * Everything else comes from this origin, and the policy makes that so: a
 * page holding a bearer token talks to no one else.
 */
const GRAPHIQL_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  // 'self' covers the same origin's ws:/wss: (CSP Level 3): subscriptions at /graphql.
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** What /graphiql answers when the client (GraphiQL with it) has not been built. */
const GRAPHIQL_NOT_BUILT = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>GraphiQL is not built</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; line-height: 1.5">
<h1>GraphiQL is not built</h1>
<p>GraphiQL is part of the web client's build, which this server did not find.
Build it with <code>npm run build:client</code> (<code>npm start</code> does this for you).</p>
<p>The API itself answers at <code>/graphql</code> (HTTP POST, and graphql-ws subscriptions).</p>
</body></html>
`;

/** Vite writes content-hashed files under `assets/`: safe to cache for a year. */
const HASHED_ASSET = /[/\\]assets[/\\][^/\\]+$/;

function wantsHtml(request: FastifyRequest): boolean {
  return (
    (request.method === 'GET' || request.method === 'HEAD') && /text\/html/.test(request.headers.accept ?? '')
  );
}

/**
 * Serves the built web client (`config.clientDistDir`, normally client/dist) at
 * `/`, with an SPA fallback: a browser navigation to a client route such as
 * /rooms/42 gets index.html, while API paths and non-HTML requests keep their
 * 404. Hashed assets are cached for a year; index.html is revalidated on every
 * load so a deploy takes effect at once. Without a build the server still
 * serves the API and logs how to build the client.
 *
 * With `config.graphiql`, GraphiQL (the build's graphiql.html) is at
 * /graphiql; without it there is no such page, and graphiql.html is never
 * served under its own name either.
 */
export default fp<{ config: Config }>(
  async (app, { config }) => {
    const root = config.clientDistDir;
    const indexFile = path.join(root, 'index.html');
    const graphiqlFile = path.join(root, 'graphiql.html');

    if (config.graphiql) {
      app.get('/graphiql', async (_request, reply) => {
        // Read per request, as index.html is: a rebuild while running is picked up.
        const html = await readFile(graphiqlFile, 'utf8').catch(() => undefined);
        return reply
          .type('text/html; charset=utf-8')
          .header('cache-control', 'no-cache')
          .header('content-security-policy', GRAPHIQL_CSP)
          .send(html ?? GRAPHIQL_NOT_BUILT);
      });
    }

    if (!existsSync(indexFile)) {
      app.log.info(
        `Web client not found in ${root}: serving the API only. Build it with "npm run build:client" (npm start does this for you).`,
      );
      return;
    }

    await app.register(fastifyStatic, {
      root,
      prefix: '/',
      // Another plugin (file downloads) may own reply.sendFile; we do not need it.
      decorateReply: false,
      cacheControl: false,
      // Only as /graphiql (above), and only when GraphiQL is on.
      allowedPath: (pathName) => pathName !== '/graphiql.html',
      setHeaders(reply, filePath) {
        reply.header(
          'cache-control',
          HASHED_ASSET.test(filePath) ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });

    app.log.info(`Web client: ${config.publicUrl}/ (from ${root})`);

    app.setNotFoundHandler(async (request: FastifyRequest, reply: FastifyReply) => {
      const pathname = request.url.split('?', 1)[0] ?? '/';
      if (wantsHtml(request) && !API_PATHS.test(pathname)) {
        // Read per request (a few hundred bytes) so a rebuild while running is picked up.
        const html = await readFile(indexFile, 'utf8').catch(() => undefined);
        if (html !== undefined) {
          return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(html);
        }
      }
      return reply.code(404).send({
        message: `Route ${request.method}:${pathname} not found`,
        error: 'Not Found',
        statusCode: 404,
      });
    });
  },
  { name: 'client' },
);
