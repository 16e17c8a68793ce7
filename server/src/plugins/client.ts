import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Config } from '../config.ts';

/** Paths owned by the API: never answered with the web client's index.html. */
const API_PATHS = /^\/(graphql|graphiql|healthz|readyz|uploads|files|unsubscribe)(?:[/?.]|$)/;

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
 */
export default fp<{ config: Config }>(
  async (app, { config }) => {
    const root = config.clientDistDir;
    const indexFile = path.join(root, 'index.html');
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
