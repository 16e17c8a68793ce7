/**
 * Keep-alive pings only for idle WebSockets.
 *
 * Mercurius pings every connection each `keepAlive` ms, whatever else it
 * sent meanwhile. A ping exists to keep an idle connection open through
 * proxies and load balancers that drop silent ones; a connection that
 * received an event since the last tick is not idle, and Mercurius never
 * checks the pong. At 10,000 subscribers with a 20 s interval that was 500
 * pings and 500 pongs a second on connections busy with events anyway (3 %
 * of the server's CPU in the fanout benchmark). Clients that want to detect
 * a dead server ping it themselves (the web client does, every 15 s), and the
 * server answers those pings as before.
 */
import { createRequire } from 'node:module';
import { lastSentAt } from './ws-protocol-guard.ts';

interface KeepAliveConnection {
  socket: object;
  keepAlive: number;
  sendKeepAlive(): void;
}

const require = createRequire(import.meta.url);

/** Whether a keep-alive tick now should ping: nothing sent on the socket for a whole interval. */
export function isIdle(sentAt: number | undefined, keepAliveMs: number, now = Date.now()): boolean {
  return sentAt === undefined || now - sentAt >= keepAliveMs;
}

/** Makes Mercurius' keep-alive skip connections that sent something within the interval (once per process). */
export function installIdleKeepAlive(): void {
  // Loaded here, not at import: Mercurius must load after subscription-queue.ts (see there).
  const { prototype } = require('mercurius/lib/subscription-connection.js') as {
    prototype: KeepAliveConnection & { parleyIdleKeepAlive?: true };
  };
  if (prototype.parleyIdleKeepAlive) return;
  prototype.parleyIdleKeepAlive = true;
  const sendKeepAlive = prototype.sendKeepAlive;
  prototype.sendKeepAlive = function (this: KeepAliveConnection) {
    // A timer tick can come a little early: 90 % of the interval counts as a whole one.
    if (!isIdle(lastSentAt(this.socket), this.keepAlive * 0.9)) return;
    sendKeepAlive.call(this);
  };
}
