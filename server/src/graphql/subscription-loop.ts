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
 * preSubscriptionParsing hook, the depth limit, the preSubscriptionExecution
 * hook, the source stream, then per event: execute with the event as root
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
 */
import { createRequire } from 'node:module';
import type { DocumentNode, ExecutionArgs, ExecutionResult, GraphQLError, GraphQLSchema } from 'graphql';

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
const queryDepth = require('mercurius/lib/queryDepth.js') as (
  definitions: DocumentNode['definitions'],
  limit: number,
) => GraphQLError[];
const { MER_ERR_GQL_VALIDATION } = require('mercurius/lib/errors.js') as {
  MER_ERR_GQL_VALIDATION: new () => Error & { errors?: unknown };
};
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
  socket: { readyState: number };
  subscriber: unknown;
  queueHighWaterMark: unknown;
  queryDepthLimit: number | undefined;
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
    if (this.queryDepthLimit) {
      const depthErrors = queryDepth(document.definitions, this.queryDepthLimit);
      if (depthErrors.length > 0) {
        const err = new MER_ERR_GQL_VALIDATION();
        err.errors = depthErrors;
        throw err;
      }
    }
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
      const { errors } = stream as ExecutionResult;
      this.fastify.log.error(errors);
      throw errors?.[0];
    }
    this.subscriptionIters.set(id, iterator);

    try {
      for (;;) {
        const next = await iterator.next();
        if (next.done) break;
        const pending = executeModule.execute({ ...args, rootValue: next.value });
        const value = pending instanceof Promise ? await pending : pending;
        if (this.context.onSubscriptionResolution !== null) {
          try {
            await handlers.onSubscriptionResolutionHandler({ execution: value, context, id });
          } catch (error) {
            this.fastify.log.error(error);
            return this.handleConnectionClose();
          }
        }
        const response =
          Array.isArray(value.errors) && value.errors.length > 0
            ? this.errorFormatter(value, this.context).response
            : value;
        await this.sendMessage(this.protocolMessageTypes.GQL_DATA, id, response);
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
