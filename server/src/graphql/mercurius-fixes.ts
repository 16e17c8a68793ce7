/**
 * A fix for Mercurius 16.10 (lib/subscriber.js), applied once at start-up.
 *
 * A subscription's context can be closed (the socket went away, or the server
 * is shutting down) while our subscribe function is still awaiting its checks
 * (membership, replay). If it then calls `ctx.pubsub.subscribe(topic)`,
 * Mercurius registers a fresh emitter listener on the queue that close()
 * already ended: the next event on that topic is pushed after EOF, which
 * Mercurius logs at error level, and the listener is never removed.
 * Subscribing on a closed context now registers nothing and returns the
 * ended queue, so the subscription simply finishes.
 */
import { createRequire } from 'node:module';

interface SubscriptionContextLike {
  closed: boolean;
  queue: unknown;
  subscribe(topics: string | string[], ...rest: unknown[]): Promise<unknown>;
}

const require = createRequire(import.meta.url);
const { SubscriptionContext } = require('mercurius/lib/subscriber.js') as {
  SubscriptionContext: { prototype: SubscriptionContextLike };
};

const original = SubscriptionContext.prototype.subscribe;
if (!(original as { parleyFixed?: boolean }).parleyFixed) {
  const fixed = function (this: SubscriptionContextLike, topics: string | string[], ...rest: unknown[]) {
    if (this.closed) return Promise.resolve(this.queue);
    return original.call(this, topics, ...rest);
  };
  (fixed as { parleyFixed?: boolean }).parleyFixed = true;
  SubscriptionContext.prototype.subscribe = fixed;
}
