/**
 * Mercurius 16.10 runs each subscription (SubscriptionConnection
 * `_executeSubscription`) through graphql-js' subscribe(): the source stream
 * is wrapped by mapAsyncIterator, whose every event costs a copy of the
 * execution arguments, a `then` and its closures, and the context handed to
 * resolvers gets a `__currentQuery` getter, a `reply` stand-in and the
 * loaders factory. With ten thousand subscribers that is paid per delivery
 * and held per idle subscription.
 *
 * This replacement does the same steps in the same order (the
 * preSubscriptionParsing hook, the preSubscriptionExecution hook, where the
 * depth limit is one of the validation rules (limits.ts), the source stream, then per event: execute with the event as root
 * value, the onSubscriptionResolution hook, errors through the error
 * formatter, `next` out; `complete` when the stream ends), but:
 * - it creates the source stream with graphql-js' createSourceEventStream and
 *   executes each event itself, with one argument object per subscription;
 * - the resolvers' context is `{ ...context, id, pubsub }`: nothing in Parley
 *   reads `__currentQuery`, `reply` or `lruGatewayResolvers` over WebSocket.
 *
 * Events still go through graphql-js' execute (graphql/shared-execution.ts
 * shares one result per distinct selection), so what subscribers receive is
 * unchanged; the subscription tests cover it.
 *
 * A stream that can push (graphql/push-stream.ts; roomEvents does) is not
 * pulled at all: `pushed()` below runs the same per-event steps as each event
 * arrives, with no promise per event (subscription-push.test.ts).
 */
import { createRequire } from 'node:module';
import type { Socket } from 'node:net';
import type { DocumentNode, ExecutionArgs, ExecutionResult, GraphQLSchema } from 'graphql';
import { isPushSource, PUSH, type PushSource } from './push-stream.ts';
import { frameHead, isSharedResult, sharedJson } from './shared-execution.ts';
import { sendJoinedText } from './ws-direct.ts';

const require = createRequire(import.meta.url);

// CommonJS modules, the instances Mercurius uses (execute may be replaced by shared-execution.ts: read at call time).
const executeModule = require('graphql/execution/execute.js') as {
  execute(args: ExecutionArgs): ExecutionResult | Promise<ExecutionResult>;
};
const { createSourceEventStream } = require('graphql/execution/subscribe.js') as {
  createSourceEventStream(args: ExecutionArgs): Promise<AsyncIterable<unknown> | ExecutionResult>;
};
const handlers = require('mercurius/lib/handlers.js') as Record<
  'preSubscriptionParsingHandler' | 'preSubscriptionExecutionHandler' | 'onSubscriptionResolutionHandler',
  (request: object) => Promise<void>
>;
const { SubscriptionContext } = require('mercurius/lib/subscriber.js') as {
  SubscriptionContext: new (opts: object) => { close(): unknown };
};

const OPEN = 1;

interface Hooked {
  preSubscriptionParsing?: unknown;
  preSubscriptionExecution?: unknown;
  onSubscriptionResolution?: unknown;
}

interface Connection {
  fastify: { graphql: { schema?: GraphQLSchema }; log: { error(err: unknown): void } };
  socket: { readyState: number; _socket?: Socket; send(data: Buffer, options: { binary: false }): void };
  subscriber: unknown;
  queueHighWaterMark: unknown;
  context: Hooked;
  resolverContext: unknown;
  subscriptionContexts: Map<unknown, { close(): unknown }>;
  subscriptionIters: Map<unknown, AsyncIterator<unknown>>;
  protocolMessageTypes: { GQL_DATA: string; GQL_COMPLETE: string };
  errorFormatter(result: ExecutionResult, context: unknown): { response: unknown };
  sendMessage(type: string, id: unknown, payload: unknown): Promise<void>;
  handleConnectionClose(): void;
  handleGQLComplete(id: unknown): void;
  _executeSubscription(run: Run): Promise<void>;
}

interface Run {
  document: DocumentNode;
  query: unknown;
  context: Hooked & Record<string, unknown>;
  variables: Record<string, unknown> | undefined;
  operationName: string | undefined;
  id: unknown;
}

const { prototype } = require('mercurius/lib/subscription-connection.js') as {
  prototype: Connection & { parleyLoop?: true };
};

if (!prototype.parleyLoop) {
  prototype.parleyLoop = true;
  prototype._executeSubscription = async function (this: Connection, run: Run) {
    const { document, query, context, variables, operationName, id } = run;
    const schema = this.fastify.graphql.schema;
    this.resolverContext = context;
    const sc = new SubscriptionContext({
      fastify: this.fastify,
      pubsub: this.subscriber,
      queueHighWaterMark: this.queueHighWaterMark,
    });
    if (this.context.preSubscriptionParsing !== null && schema !== undefined && typeof query === 'string')
      await handlers.preSubscriptionParsingHandler({ schema, source: query, context, id });
    this.subscriptionContexts.set(id, sc);
    if (this.context.preSubscriptionExecution !== null && schema !== undefined)
      await handlers.preSubscriptionExecutionHandler({ schema, document, context, id });

    const args: ExecutionArgs = {
      schema: schema as GraphQLSchema,
      document,
      rootValue: {},
      contextValue: { ...context, id, pubsub: sc },
      variableValues: variables,
      operationName,
    };
    const stream = await createSourceEventStream(args);
    const iterator = Symbol.asyncIterator in stream ? stream[Symbol.asyncIterator]() : undefined;
    // The socket closed while subscribing: handleConnectionClose has run already, end here.
    if (this.socket.readyState !== OPEN) {
      void iterator?.return?.();
      return;
    }
    if (!iterator) {
      // Not logged here: sendError formats it as HTTP would (plugins/graphql.ts), logging
      // only the unexpected. A missing variable or a FORBIDDEN room is the client's doing.
      const { errors } = stream as ExecutionResult;
      throw errors?.[0];
    }
    this.subscriptionIters.set(id, iterator);
    if (isPushSource(iterator)) return pushed(this, iterator, args, run);

    try {
      for (;;) {
        const next = await iterator.next();
        if (next.done) break;
        const pending = executeModule.execute({ ...args, rootValue: next.value });
        const value = pending instanceof Promise ? await pending : pending;
        if (
          this.context.onSubscriptionResolution !== null &&
          !(await resolutionHook(this, value, context, id))
        )
          return;
        await this.sendMessage(this.protocolMessageTypes.GQL_DATA, id, responseOf(this, value));
      }
    } catch (err) {
      // As `for await` would: a failing step ends the source stream too.
      void iterator.return?.();
      throw err;
    }
    await this.sendMessage(this.protocolMessageTypes.GQL_COMPLETE, id, null);
    this.handleGQLComplete(id);
  };
}

/** What goes out for an execution result: the result itself, or Mercurius' formatting of its errors. */
function responseOf(conn: Connection, value: ExecutionResult): unknown {
  return Array.isArray(value.errors) && value.errors.length > 0
    ? conn.errorFormatter(value, conn.context).response
    : value;
}

/** The onSubscriptionResolution hook; when it fails, logs it and closes the connection, and returns false. */
async function resolutionHook(
  conn: Connection,
  execution: ExecutionResult,
  context: Run['context'],
  id: unknown,
): Promise<boolean> {
  try {
    await handlers.onSubscriptionResolutionHandler({ execution, context, id });
    return true;
  } catch (error) {
    conn.fastify.log.error(error);
    conn.handleConnectionClose();
    return false;
  }
}

/**
 * The delivery loop for a push source (graphql/push-stream.ts): the same
 * steps per event as the loop above, run as each event arrives. It waits only
 * when it must: for an execution or hook that returns a promise (later events
 * queue behind it, in order), or for the socket to drain when its send buffer
 * is full (the loop above awaited every send instead). Settles when the
 * stream ends, after sending `complete`, as the loop above does.
 */
function pushed(
  conn: Connection,
  source: PushSource & AsyncIterator<unknown>,
  args: ExecutionArgs,
  { context, id }: Pick<Run, 'context' | 'id'>,
): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    source[PUSH](new PushedDelivery(conn, source, args, context, id, resolve, reject));
  });
}

/**
 * One subscription's state in `pushed()`: an object with its methods on the
 * prototype, not a dozen closures, since every idle subscription holds one.
 */
class PushedDelivery {
  /** Events waiting while `busy` (created on first use). */
  private backlog: unknown[] | undefined;
  private head = 0;
  /** Waiting for an asynchronous step or for the socket to drain: events queue in `backlog`. */
  private busy = false;
  private drainWait: Socket | undefined;
  private onDrain: (() => void) | undefined;
  private ended = false;
  /** `frameHead` of this subscription's `next` messages, once it has delivered a shared result. */
  private frameStart: Buffer | undefined;
  private settled = false;
  private readonly hooked: boolean;
  private readonly conn: Connection;
  private readonly source: AsyncIterator<unknown>;
  /** Reused for every event (only `rootValue` changes): execute reads it before it returns. */
  private readonly args: ExecutionArgs;
  private readonly context: Run['context'];
  private readonly id: unknown;
  private readonly resolve: () => void;
  private readonly reject: (err: unknown) => void;

  constructor(
    conn: Connection,
    source: AsyncIterator<unknown>,
    args: ExecutionArgs,
    context: Run['context'],
    id: unknown,
    resolve: () => void,
    reject: (err: unknown) => void,
  ) {
    this.conn = conn;
    this.source = source;
    this.args = args;
    this.context = context;
    this.id = id;
    this.resolve = resolve;
    this.reject = reject;
    this.hooked = conn.context.onSubscriptionResolution !== null;
  }

  next(event: unknown): void {
    if (this.settled) return;
    if (this.busy || (this.backlog && this.head < this.backlog.length)) {
      this.backlog ??= [];
      this.backlog.push(event);
    } else this.step(event);
  }

  end(): void {
    this.ended = true;
    // Closed while waiting for a drain that will not come: finish now.
    if (this.drainWait && this.onDrain && this.conn.socket.readyState !== OPEN) {
      this.drainWait.off('drain', this.onDrain);
      this.resume();
    } else if (!this.busy) this.pump();
  }

  private fail(err: unknown): void {
    if (this.settled) return;
    this.settled = true;
    void this.source.return?.();
    this.reject(err);
  }

  private complete(): void {
    if (this.settled) return;
    this.settled = true;
    this.conn.sendMessage(this.conn.protocolMessageTypes.GQL_COMPLETE, this.id, null).then(() => {
      this.conn.handleGQLComplete(this.id);
      this.resolve();
    }, this.reject);
  }

  private resume(): void {
    this.drainWait = undefined;
    this.busy = false;
    this.pump();
  }

  private send(value: ExecutionResult): void {
    const { conn, id } = this;
    const socket = conn.socket;
    const response = responseOf(conn, value);
    const type = conn.protocolMessageTypes.GQL_DATA;
    // Either way the message is written now, in order; a failed write closes the connection (its 'close').
    if (isSharedResult(response)) {
      // The message's head is the same for every event: built on the first, not per delivery.
      this.frameStart ??= frameHead(type, id);
      sendJoinedText(socket, this.frameStart, sharedJson(response));
    } else void conn.sendMessage(type, id, response);
    const raw = socket._socket;
    if (raw?.writableNeedDrain && socket.readyState === OPEN) {
      this.busy = true;
      this.drainWait = raw;
      this.onDrain ??= () => this.resume();
      raw.once('drain', this.onDrain);
    }
  }

  /** One event; marks the loop busy when it has to wait. */
  private step(event: unknown): void {
    let pending: ExecutionResult | Promise<ExecutionResult>;
    this.args.rootValue = event;
    try {
      pending = executeModule.execute(this.args);
    } catch (err) {
      this.fail(err);
      return;
    } finally {
      this.args.rootValue = undefined;
    }
    if (!(pending instanceof Promise) && !this.hooked) {
      this.send(pending);
      return;
    }
    this.busy = true;
    Promise.resolve(pending)
      .then(async (value) => {
        if (this.hooked && !(await resolutionHook(this.conn, value, this.context, this.id))) {
          this.settled = true;
          this.resolve();
          return;
        }
        if (this.settled) return;
        this.busy = false;
        this.send(value);
        this.pump();
      })
      .catch((err: unknown) => this.fail(err));
  }

  private pump(): void {
    while (!this.busy && !this.settled) {
      const backlog = this.backlog;
      if (!backlog || this.head === backlog.length) {
        this.backlog = undefined;
        this.head = 0;
        if (this.ended) this.complete();
        return;
      }
      const event = backlog[this.head];
      backlog[this.head++] = undefined;
      this.step(event);
    }
  }
}
