import type { Socket } from 'node:net';
import fp from 'fastify-plugin';
import type { Config } from '../config.ts';

/**
 * `GET /healthz`: the process is up (liveness). `GET /readyz`: dependencies
 * answer (PostgreSQL, and Redis when configured) — load balancers route here.
 *
 * Draining: once the app starts closing, /readyz answers 503 (balancers stop
 * routing here) and every response still being produced carries
 * `Connection: close`, so keep-alive clients whose request was in flight do
 * not hold the server open after their answer (Node only closes connections
 * that are idle when closing starts).
 *
 * Connections that never sent a byte are closed at once when closing starts:
 * browsers open such sockets ahead of need (preconnect), and Node would hold
 * the server open for them until its headers timeout (60 s). They carry no
 * request, so nothing is lost; the client opens a new connection elsewhere.
 */
export default fp<{ config: Config }>(
  async (app, { config }) => {
    let closing = false;
    const sockets = new Set<Socket>();
    app.server.on('connection', (socket: Socket) => {
      sockets.add(socket);
      socket.once('close', () => sockets.delete(socket));
    });
    app.addHook('preClose', async () => {
      closing = true;
      for (const socket of sockets) if (socket.bytesRead === 0) socket.destroy();
    });
    app.addHook('onSend', (_req, reply, payload, done) => {
      if (closing) reply.header('connection', 'close');
      done(null, payload);
    });
    app.get('/healthz', { logLevel: 'warn' }, async () => ({ status: 'ok' }));
    app.get('/readyz', { logLevel: 'warn' }, async (_req, reply) => {
      if (closing) return reply.code(503).send({ status: 'closing', checks: {} });
      const checks: Record<string, 'ok' | string> = {};
      const withTimeout = <T>(p: Promise<T>) =>
        Promise.race([
          p,
          new Promise<never>((_, rej) => setTimeout(() => rej(new Error('timeout')), 2_000).unref()),
        ]);
      try {
        await withTimeout(app.pgPool.query('select 1'));
        checks.database = 'ok';
      } catch (err) {
        checks.database = (err as Error).message;
      }
      if (config.redisUrl) {
        // biome-ignore lint/suspicious/noExplicitAny: mqemitter-redis keeps its ioredis client untyped
        const redis = (app.emitter as any).pubConn;
        try {
          await withTimeout(redis.ping());
          checks.redis = 'ok';
        } catch (err) {
          checks.redis = (err as Error).message;
        }
      }
      const ok = Object.values(checks).every((v) => v === 'ok');
      return reply.code(ok ? 200 : 503).send({ status: ok ? 'ok' : 'unavailable', checks });
    });
  },
  { name: 'health', dependencies: ['db', 'pubsub'] },
);
