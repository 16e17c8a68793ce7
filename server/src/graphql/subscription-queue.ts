/**
 * A lean per-subscription event queue for Mercurius 16.10, installed at
 * start-up in place of its SubscriptionContext (lib/subscriber.js).
 *
 * Mercurius gives every subscription a readable-stream `Readable` in object
 * mode as its queue, and subscribers iterate it with readable-stream's async
 * iterator: a stream state, a buffer list, an 'error' listener and, per
 * iteration, end-of-stream hooks and several promises per event. With ten
 * thousand subscribers that is paid ten thousand times per message and held
 * ten thousand times while idle. This queue does what a subscription needs
 * of it: buffer events in arrival order, hand them to one consumer, end.
 *
 * Same contract as Mercurius' context: `subscribe(topic | topics)` resolves
 * with the queue once the emitter listeners are registered; `close()` removes
 * them and ends the queue (what Mercurius calls on `complete`, on socket
 * close and at shutdown); `publish(event)` emits. Two differences:
 * - subscribing on a context that was already closed (the socket went away
 *   while a subscribe function still awaited its checks) registers nothing
 *   and returns the ended queue, so the subscription simply finishes (this
 *   was a separate fix of Mercurius' context before);
 * - a consumer that stops early (`return()`) ends the queue without an error.
 *
 * Mercurius' subscription-connection.js takes SubscriptionContext from
 * subscriber.js when it is first loaded, so this module must be imported
 * before 'mercurius' is (plugins/graphql.ts does); it throws otherwise.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

interface Emitter {
  on(topic: string, listener: Listener, done: (err?: Error) => void): void;
  removeListener(topic: string, listener: Listener): void;
  emit(message: unknown, done: (err?: Error) => void): void;
}
type Listener = (message: { payload: unknown }, done: () => void) => void;

const DONE: IteratorReturnResult<undefined> = Object.freeze({ done: true, value: undefined });

/** Events in arrival order for one consumer; ends once, after which it drops what arrives. */
export class EventQueue implements AsyncIterableIterator<unknown> {
  private items: unknown[] = [];
  private head = 0;
  private waiting: ((result: IteratorResult<unknown>) => void) | undefined;
  private ended = false;
  /** In push mode (`pushTo`): where events go as they arrive, and what to call at the end. */
  private sink: ((item: unknown) => void) | undefined;
  private onEnd: (() => void) | undefined;

  push(item: unknown): void {
    if (this.ended) return;
    if (this.sink) {
      this.sink(item);
      return;
    }
    const waiting = this.waiting;
    if (waiting) {
      this.waiting = undefined;
      waiting({ done: false, value: item });
    } else this.items.push(item);
  }

  /** No more events: the consumer gets what is buffered, then the end. */
  end(): void {
    this.ended = true;
    const onEnd = this.onEnd;
    if (onEnd) {
      this.sink = this.onEnd = undefined;
      onEnd();
      return;
    }
    const waiting = this.waiting;
    if (waiting) {
      this.waiting = undefined;
      waiting(DONE);
    }
  }

  /**
   * Push mode instead of `next()` (graphql/push-stream.ts): `deliver` gets
   * what is buffered now, then each event synchronously as it arrives, and
   * `onEnd` runs once after the last (at once if the queue has ended).
   */
  pushTo(deliver: (item: unknown) => void, onEnd: () => void): void {
    const buffered = this.items.slice(this.head);
    this.items = [];
    this.head = 0;
    const endedAlready = this.ended;
    this.sink = deliver;
    this.onEnd = onEnd;
    for (const item of buffered) {
      if (this.sink !== deliver) return; // a delivery ended the queue
      deliver(item);
    }
    if (endedAlready && this.onEnd === onEnd) {
      this.sink = this.onEnd = undefined;
      onEnd();
    }
  }

  next(): Promise<IteratorResult<unknown>> {
    if (this.head < this.items.length) {
      const value = this.items[this.head];
      this.items[this.head++] = undefined;
      if (this.head === this.items.length) {
        this.items = [];
        this.head = 0;
      }
      return Promise.resolve({ done: false, value });
    }
    if (this.ended) return Promise.resolve(DONE);
    return new Promise((resolve) => {
      this.waiting = resolve;
    });
  }

  return(): Promise<IteratorResult<unknown>> {
    this.items = [];
    this.head = 0;
    this.end();
    return Promise.resolve(DONE);
  }

  [Symbol.asyncIterator](): this {
    return this;
  }
}

/** Mercurius' PubSub wrapper around the emitter (lib/subscriber.js): only its emitter is used. */
interface PubSubLike {
  emitter: Emitter;
}

class LeanSubscriptionContext {
  static readonly parleyLean = true;
  readonly fastify: { log: { error(err: unknown): void } };
  readonly pubsub: PubSubLike;
  readonly queue = new EventQueue();
  closed = false;
  private unsubscribers: (() => void)[] = [];

  constructor({ fastify, pubsub }: { fastify: LeanSubscriptionContext['fastify']; pubsub: PubSubLike }) {
    this.fastify = fastify;
    this.pubsub = pubsub;
  }

  subscribe(topics: string | string[]): Promise<EventQueue> {
    if (this.closed) return Promise.resolve(this.queue);
    const list = typeof topics === 'string' ? [topics] : topics;
    return Promise.all(list.map((topic) => this.listen(topic))).then(() => this.queue);
  }

  private listen(topic: string): Promise<void> {
    const { emitter } = this.pubsub;
    const queue = this.queue;
    // A message in flight (mqemitter-redis delivers asynchronously) may arrive after close(): the queue drops it.
    const listener: Listener = (message, done) => {
      queue.push(message.payload);
      done();
    };
    this.unsubscribers.push(() => emitter.removeListener(topic, listener));
    return new Promise((resolve, reject) => {
      emitter.on(topic, listener, (err) => (err ? reject(err) : resolve()));
    });
  }

  publish(event: unknown): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.pubsub.emitter.emit(event, (err) => (err ? reject(err) : resolve()));
    }).catch((err: unknown) => {
      this.fastify.log.error(err);
    });
  }

  close(): boolean {
    if (this.closed) return false;
    this.closed = true;
    for (const unsubscribe of this.unsubscribers.splice(0)) unsubscribe();
    this.queue.end();
    return true;
  }
}

const subscriber = require('mercurius/lib/subscriber.js') as {
  SubscriptionContext: { parleyLean?: true };
};
// Evaluated again (a test runner's fresh module graph over the same require cache): already in place.
if (!subscriber.SubscriptionContext.parleyLean) {
  if (require.cache[require.resolve('mercurius/lib/subscription-connection.js')])
    throw new Error('graphql/subscription-queue.ts must be imported before mercurius is loaded');
  subscriber.SubscriptionContext = LeanSubscriptionContext;
}
