import type { IncomingMessage, ServerResponse } from 'node:http';
import cors from '@fastify/cors';
import fp from 'fastify-plugin';
import helmet, { type HelmetOptions } from 'helmet';
import type { Config } from '../config.ts';

/**
 * The headers helmet sets for `options`, computed once. Helmet's middleware
 * runs a dozen small middlewares and validated `setHeader` calls on every
 * response; with a static policy (no nonces) the result is always the same
 * header set, so each response gets a copy of it in one step.
 */
export function helmetHeaders(options: HelmetOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  const res = {
    setHeader(name: string, value: unknown) {
      headers[name.toLowerCase()] = String(value);
    },
    removeHeader(name: string) {
      delete headers[name.toLowerCase()];
    },
    getHeader: (name: string) => headers[name.toLowerCase()],
  };
  let done = false;
  helmet(options)({} as IncomingMessage, res as unknown as ServerResponse, (err?: unknown) => {
    if (err) throw err;
    done = true;
  });
  if (!done) throw new Error('helmet did not finish synchronously');
  return headers;
}

/**
 * Security headers (helmet's, computed once) and CORS. Browsers may call the API cross-origin
 * only from CORS_ORIGINS; no cookies are used (Bearer tokens), so credentials
 * are never allowed. The content security policy is left to the web client's
 * own plugin (plugins/client.ts), which sets GraphiQL's: the app and GraphiQL
 * need different ones.
 */
export default fp<{ config: Config }>(
  async (app, { config }) => {
    const headers = helmetHeaders({
      contentSecurityPolicy: false,
      crossOriginEmbedderPolicy: false,
      crossOriginResourcePolicy: { policy: 'same-site' },
      hsts: config.env === 'production',
    });
    // Set first: any route may still override one (e.g. a signed file URL's resource policy).
    app.addHook('onRequest', (_request, reply, done) => {
      reply.headers(headers);
      done();
    });
    await app.register(cors, {
      origin: config.corsOrigins.length > 0 ? [...config.corsOrigins] : false,
      credentials: false,
      methods: ['GET', 'POST', 'OPTIONS'],
      allowedHeaders: ['authorization', 'content-type'],
      maxAge: 600,
    });
  },
  { name: 'security' },
);
