import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import fp from 'fastify-plugin';
import type { Config } from '../config.ts';

/**
 * Security headers (helmet) and CORS. Browsers may call the API cross-origin
 * only from CORS_ORIGINS; no cookies are used (Bearer tokens), so credentials
 * are never allowed. The content security policy is left to the web client's
 * own plugin: GraphiQL loads its assets from a CDN.
 */
export default fp<{ config: Config }>(
  async (app, { config }) => {
    await app.register(helmet, {
      contentSecurityPolicy: false,
      crossOriginEmbedderPolicy: false,
      crossOriginResourcePolicy: { policy: 'same-site' },
      hsts: config.env === 'production',
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
