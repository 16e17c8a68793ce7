import fastifyJwt from '@fastify/jwt';
import Fastify, { type FastifyInstance } from 'fastify';
import type { DestinationStream } from 'pino';
import type { Config } from './config.ts';
import { type Deps, type TokenSigner, TokenVerifyError } from './deps.ts';
import { BoundedMap } from './lib/bounded-map.ts';
import { uuidv7 } from './lib/ids.ts';
import { loggerOptions } from './lib/logger.ts';
import { utf8Body } from './lib/utf8-body.ts';
import { createSessionCache } from './modules/auth/auth.sessions.ts';
import { createBlockCache } from './modules/contacts/contacts.blocks-cache.ts';
import { defineFileJobs } from './modules/files/files.jobs.ts';
import { filesRoutes } from './modules/files/files.routes.ts';
import { emailJob } from './modules/mail/mail.jobs.ts';
import { meetingJob, scheduleMissingExpiries } from './modules/meetings/meetings.jobs.ts';
import { createSendBatcher } from './modules/messages/messages.send-batch.ts';
import { createSendTrace } from './modules/messages/messages.send-trace.ts';
import { messageDigestJob } from './modules/notifications/notifications.jobs.ts';
import { unsubscribeRoutes } from './modules/notifications/notifications.routes.ts';
import { createPresence } from './modules/presence/presence.service.ts';
import { createRateLimiter } from './modules/ratelimit/ratelimit.ts';
import { createRoomListCache } from './modules/rooms/rooms.list-cache.ts';
import { createUserCache } from './modules/users/users.cache.ts';
import clientPlugin from './plugins/client.ts';
import dbPlugin from './plugins/db.ts';
import graphqlPlugin from './plugins/graphql.ts';
import healthPlugin from './plugins/health.ts';
import jobsPlugin from './plugins/jobs.ts';
import pubsubPlugin from './plugins/pubsub.ts';
import securityPlugin from './plugins/security.ts';

declare module 'fastify' {
  interface FastifyInstance {
    config: Config;
    deps: Deps;
  }
}

/** Fastify's trustProxy from TRUST_PROXY (a hop count becomes its function: trust the nearest n hops). */
function trustProxyOption(v: Config['trustProxy']) {
  if (typeof v === 'number') return (_address: string, hop: number) => hop < v;
  return typeof v === 'object' ? [...v] : v;
}

export interface BuildOptions {
  /** Where log lines go (default: stdout). Tests keep them to check for error lines. */
  logStream?: DestinationStream;
}

/**
 * Builds the Parley app from a validated config. It does not listen: main.ts
 * does, and tests build as many instances as they need. `config.databaseUrl`
 * must be set (main.ts starts the embedded server when the user gave none).
 */
export async function buildApp(config: Config, options: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: loggerOptions(config, options.logStream),
    bodyLimit: config.bodyLimitBytes,
    trustProxy: trustProxyOption(config.trustProxy),
    genReqId: () => uuidv7(),
    return503OnClosing: true,
  });
  app.decorate('config', config);
  // Before any plugin, so every route's text answers go out encoded once (lib/utf8-body.ts).
  app.addHook('onSend', (_request, _reply, payload, done) => {
    done(null, typeof payload === 'string' ? utf8Body(payload) : payload);
  });

  await app.register(securityPlugin, { config });
  await app.register(dbPlugin, { config });
  await app.register(pubsubPlugin, { config });
  await app.register(jobsPlugin, { config });
  await app.register(fastifyJwt, {
    secret: config.jwtSecret,
    sign: { algorithm: 'HS256', expiresIn: config.accessTokenTtlSeconds },
    verify: { algorithms: ['HS256'] },
  });

  // Tokens verified lately, by their exact text, until their `exp`: a session sends the same token
  // with every request and socket, and the signature check is one of a request's larger costs.
  // Revocation does not depend on it: the session itself is checked on every request (auth.sessions.ts).
  const verified = new BoundedMap<string, { claims: { sub: string; sid: string }; expiresAt: number }>(
    10_000,
  );
  const tokens: TokenSigner = {
    sign(claims) {
      // `jti` makes every token distinct: two issued in the same second (sign-in, then an
      // immediate refresh) would otherwise be the same text, which a client cannot tell apart.
      const token = app.jwt.sign({ sub: claims.sub, sid: claims.sid, jti: uuidv7() });
      return { token, expiresAt: new Date(Date.now() + config.accessTokenTtlSeconds * 1000) };
    },
    verify(token) {
      const known = verified.get(token);
      if (known && known.expiresAt > Date.now()) return known.claims;
      try {
        const c = app.jwt.verify<{ sub?: unknown; sid?: unknown; exp?: unknown }>(token);
        if (typeof c.sub !== 'string' || typeof c.sid !== 'string') throw new TokenVerifyError('invalid');
        const claims = { sub: c.sub, sid: c.sid };
        if (typeof c.exp === 'number') verified.set(token, { claims, expiresAt: c.exp * 1000 });
        return claims;
      } catch (err) {
        if (err instanceof TokenVerifyError) throw err;
        throw new TokenVerifyError(
          (err as { code?: string }).code === 'FAST_JWT_EXPIRED' ? 'expired' : 'invalid',
        );
      }
    },
  };
  const rateLimiter = await createRateLimiter(config, app.log);
  app.addHook('onClose', () => rateLimiter.close());
  const users = createUserCache(app.emitter, app.events);
  app.addHook('onClose', async () => users.close());
  const presence = createPresence({ config, db: app.db, events: app.events, log: app.log, users });
  app.addHook('onClose', () => presence.close());
  const sessions = createSessionCache(app.emitter, app.events);
  app.addHook('onClose', async () => sessions.close());
  const roomLists = createRoomListCache(app.emitter, { maxRooms: config.roomListCacheRooms });
  app.addHook('onClose', async () => roomLists.close());
  const blocks = createBlockCache(app.emitter, app.events);
  app.addHook('onClose', async () => blocks.close());
  const sendTrace = createSendTrace(config.sendTraceFile);
  app.addHook('onClose', async () => sendTrace.flush());
  const sends = createSendBatcher(app.db, {
    maxBatch: config.sendBatchMax,
    maxInFlight: config.sendBatchInFlight,
    trace: sendTrace,
  });
  const deps: Deps = {
    config,
    db: app.db,
    events: app.events,
    jobs: app.jobs,
    log: app.log,
    tokens,
    rateLimiter,
    presence,
    sessions,
    roomLists,
    blocks,
    sends,
    sendTrace,
    users,
  };
  app.decorate('deps', deps);

  await app.jobs.define(emailJob(config));
  await app.jobs.define(messageDigestJob(deps));
  await defineFileJobs(deps);
  await app.jobs.define(meetingJob(deps));
  if (config.jobsEnabled) {
    const expiring = await scheduleMissingExpiries(deps);
    if (expiring > 0) app.log.info({ count: expiring }, 'scheduled the expiry of earlier meeting requests');
  }

  await app.register(graphqlPlugin, { deps });
  await app.register(healthPlugin, { config });
  await app.register(unsubscribeRoutes(deps));
  await app.register(filesRoutes(deps));
  await app.register(clientPlugin, { config });
  return app;
}
