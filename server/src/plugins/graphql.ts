import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyWebsocket from '@fastify/websocket';
import { makeExecutableSchema } from '@graphql-tools/schema';
import type { FastifyBaseLogger } from 'fastify';
import fp from 'fastify-plugin';
import {
  type DocumentNode,
  type ExecutionResult,
  GraphQLError,
  Kind,
  NoSchemaIntrospectionCustomRule,
  specifiedRules,
  validate,
} from 'graphql';
// Before mercurius: it replaces the per-subscription queue that mercurius' WebSocket code captures on load.
import '../graphql/subscription-queue.ts';
import mercurius from 'mercurius';
import type { WebSocket } from 'ws';
import type { Deps } from '../deps.ts';
import type { GraphQLContext } from '../graphql/context.ts';
import '../graphql/shared-execution.ts';
import '../graphql/subscription-loop.ts';
import { AppError, ErrorCode, isUnavailableError, serviceUnavailable } from '../graphql/errors.ts';
import { assertStorableVariables, storableLiteralsRule } from '../graphql/input-text.ts';
import { installIdleKeepAlive } from '../graphql/keepalive.ts';
import { documentGuard, limitRules, parseWithinLimits } from '../graphql/limits.ts';
import { createLoaders } from '../graphql/loaders.ts';
import { allResolvers } from '../graphql/resolvers.ts';
import { installSubscriptionMemoryFixes, releaseUpgrade } from '../graphql/subscription-memory.ts';
import { guardProtocol } from '../graphql/ws-protocol-guard.ts';
import { AuthFailure, authenticate, bearerToken } from '../modules/auth/auth.service.ts';
import { trackSessionSockets } from '../modules/auth/auth.sockets.ts';

export const SCHEMA_PATH = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../schema.graphql',
);

interface SerializedError {
  message: string;
  locations?: readonly { line: number; column: number }[] | undefined;
  path?: readonly (string | number)[] | undefined;
  extensions: Record<string, unknown>;
}

/**
 * Maps every error to `{ message, extensions.code }`. AppErrors keep their
 * message and code; errors in the client's document or variables keep their
 * message (they describe the client's mistake); anything else is logged and
 * masked, so internals (SQL, stack traces) never reach clients.
 *
 * `phase` is 'document' for errors Mercurius reports before execution
 * (parse, validation, depth limit) and 'execution' otherwise. During execution
 * an error with no underlying exception and no path comes from coercing the
 * variables (graphql-js and graphql-jit word these differently, so we classify
 * by shape, not by message).
 */
const INPUT_COERCION =
  /^Variable "\$|got invalid value|cannot represent|of required type "[^"]+" was not provided|must not be null|Expected value of type|is not defined by type|is not a valid value/i;

export function formatError(
  err: GraphQLError,
  log: FastifyBaseLogger,
  phase: 'document' | 'execution' = 'execution',
): SerializedError {
  const base = { message: err.message, locations: err.locations, path: err.path };
  const orig = err.originalError;
  if (orig instanceof AppError) return { ...base, message: orig.message, extensions: orig.extensions };
  if (orig instanceof GraphQLError && orig !== err) return formatError(orig, log, phase);
  const code = err.extensions?.code;
  if (!orig || orig === err) {
    if (typeof code === 'string') return { ...base, extensions: { ...err.extensions, code } };
    if (/^Syntax Error/.test(err.message))
      return { ...base, extensions: { code: ErrorCode.GRAPHQL_PARSE_FAILED } };
    if (phase === 'document') {
      // Mercurius reports variable coercion (graphql-js or graphql-jit wording)
      // together with validation errors; values of the wrong shape are bad input.
      const input = INPUT_COERCION.test(err.message);
      return {
        ...base,
        extensions: { code: input ? ErrorCode.BAD_USER_INPUT : ErrorCode.GRAPHQL_VALIDATION_FAILED },
      };
    }
    if (!err.path) return { ...base, extensions: { code: ErrorCode.BAD_USER_INPUT } };
    // e.g. "Cannot return null for non-nullable field": a server bug, not the client's.
    log.error({ err, path: err.path }, 'invalid result for the schema');
    return {
      ...base,
      message: 'Internal server error',
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
    };
  }
  const httpStatus = clientHttpStatus(orig);
  if (httpStatus) {
    const code = httpStatus === 413 ? ErrorCode.PAYLOAD_TOO_LARGE : ErrorCode.BAD_USER_INPUT;
    const noQuery = String((orig as { code?: unknown }).code).startsWith(PERSISTED_QUERY_ERROR);
    return { ...base, message: noQuery ? NO_QUERY_MESSAGE : orig.message, extensions: { code } };
  }
  if (isUnavailableError(orig)) {
    log.warn({ err: orig, path: err.path }, 'dependency unavailable');
    const e = serviceUnavailable();
    return { ...base, message: e.message, extensions: e.extensions };
  }
  log.error({ err: orig, path: err.path }, 'unexpected error in resolver');
  return { ...base, message: 'Internal server error', extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
}

const require = createRequire(import.meta.url);

/** Mercurius' refusal of a query or mutation sent over the WebSocket. */
const WS_INVALID_OPERATION = 'MER_ERR_GQL_SUBSCRIPTION_INVALID_OPERATION';

/**
 * Errors Mercurius sends on a WebSocket operation (`error` messages: a syntax
 * error, a missing variable, a query or mutation sent there) went out as it
 * made them, without `extensions.code`, and an unexpected one with its raw
 * message. They now get what HTTP gives (`formatError`): a code on each, and
 * a masked, logged INTERNAL_SERVER_ERROR for anything unexpected. Once per process.
 */
function installWsErrorCodes(): void {
  const { prototype } = require('mercurius/lib/subscription-connection.js') as {
    prototype: {
      parleyErrorCodes?: true;
      fastify: { log: FastifyBaseLogger };
      sendMessage(type: string, id: unknown, payload: unknown): Promise<void>;
      sendError(err: unknown, id: unknown): void;
      protocolMessageTypes: { GQL_ERROR: string };
    };
  };
  if (prototype.parleyErrorCodes) return;
  prototype.parleyErrorCodes = true;
  prototype.sendError = function (this: typeof prototype, err, id) {
    const e = err as { code?: unknown; message?: unknown } | null;
    const formatted =
      e?.code === WS_INVALID_OPERATION
        ? {
            message: 'Only subscriptions run over the WebSocket; send queries and mutations to POST /graphql',
            extensions: { code: ErrorCode.BAD_USER_INPUT },
          }
        : formatError(
            err instanceof GraphQLError
              ? err
              : new GraphQLError(String(e?.message ?? err), {
                  originalError: err instanceof Error ? err : undefined,
                }),
            this.fastify.log,
            'document',
          );
    void this.sendMessage(this.protocolMessageTypes.GQL_ERROR, id, [formatted]);
  };
}

/**
 * The status of an error Fastify raised before GraphQL ran (body too large,
 * invalid JSON, wrong content type): the client's mistake, answered with that
 * status instead of a logged, masked 500.
 */
function clientHttpStatus(err: unknown): number | undefined {
  const e = err as { statusCode?: unknown; code?: unknown } | undefined;
  const status = e?.statusCode;
  if (typeof status !== 'number' || status < 400 || status >= 500) return undefined;
  if (typeof e?.code !== 'string') return undefined;
  return e.code.startsWith('FST_') || e.code.startsWith(PERSISTED_QUERY_ERROR) ? status : undefined;
}

/**
 * Mercurius' code for a request with no `query` (`{}`, an empty or null query,
 * a persisted-query hash: persisted queries are not enabled here).
 */
const PERSISTED_QUERY_ERROR = 'MER_ERR_GQL_PERSISTED_QUERY_';
const NO_QUERY_MESSAGE = 'The request has no GraphQL query: send the document as `query`';

function errorFormatter(
  execution: ExecutionResult & { statusCode?: number },
  ctx: { reply?: { log: FastifyBaseLogger }; app: { log: FastifyBaseLogger } },
) {
  const log = ctx.reply?.log ?? ctx.app.log;
  const errors: SerializedError[] = [];
  let documentRejected = false;
  let httpStatus: number | undefined;
  for (const error of execution.errors ?? []) {
    httpStatus ??= clientHttpStatus(error.originalError);
    // Mercurius wraps validation / depth errors in one MER_ERR_GQL_VALIDATION carrying `errors`.
    const inner = (error.originalError as { errors?: unknown })?.errors;
    if (Array.isArray(inner)) {
      documentRejected = true;
      for (const e of inner) {
        const gqlErr = e instanceof GraphQLError ? e : new GraphQLError(String((e as Error).message ?? e));
        errors.push(formatError(gqlErr, log, 'document'));
      }
      continue;
    }
    errors.push(formatError(error, log));
  }
  return {
    statusCode: httpStatus ?? (!execution.data && documentRejected ? 400 : 200),
    response: { data: execution.data ?? null, errors },
  };
}

/**
 * The /graphql routes' answers, `{ data, errors }`, in one `JSON.stringify`.
 * Mercurius gives them a response schema, and Fastify then compiles a
 * fast-json-stringify serialiser that writes the frame itself and calls
 * `JSON.stringify` for `data`: the answer is the frame's pieces joined to the
 * data's text, a string V8 must copy into one before it can be encoded (1.1 %
 * of a room-list page's CPU, BENCHMARKS.md entry 88). The schema also typed
 * an error's `path` as strings, so list indices went out as "0" over HTTP and
 * as 0 over WebSocket; the GraphQL spec has them as integers, as they now are
 * on both. `formatError` already gives every error only the fields the schema
 * allowed.
 */
function serializeAnswer(answer: unknown): string {
  return JSON.stringify(answer);
}

/** Whether the operation a request runs (its only one, or the one `operationName` names) is a subscription. */
function runsSubscription(document: DocumentNode, context: unknown): boolean {
  const ops = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  if (ops.length === 1) return ops[0]?.operation === 'subscription';
  const request = (context as { reply?: { request?: { body?: unknown; query?: unknown } } }).reply?.request;
  const params = (request?.body ?? request?.query ?? {}) as { operationName?: unknown };
  return ops.some((op) => op.name?.value === params.operationName && op.operation === 'subscription');
}

const subscriptionOverHttp = () =>
  new AppError(
    ErrorCode.BAD_USER_INPUT,
    'Subscriptions run over the WebSocket at /graphql (graphql-transport-ws, the graphql-ws protocol); POST /graphql takes queries and mutations',
  );

/**
 * Mercurius at /graphql (+ graphql-transport-ws subscriptions on the same path).
 * GraphiQL is not Mercurius' page (it loads React and GraphiQL from unpkg.com)
 * but our own build, served at /graphiql by the client plugin.
 */
export default fp<{ deps: Deps }>(
  async (app, { deps }) => {
    const { config } = deps;
    const limits = {
      maxDepth: config.graphqlDepthLimit,
      maxCost: config.graphqlMaxCost,
      listCostFactor: config.graphqlListCostFactor,
      maxAliases: config.graphqlMaxAliases,
      maxTokens: config.graphqlMaxTokens,
    };
    // Depth, cost and aliases (limits.ts), and introspection when it is turned off.
    const documentRules = [
      ...limitRules(limits),
      storableLiteralsRule,
      ...(config.introspection ? [] : [NoSchemaIntrospectionCustomRule]),
    ];
    const schema = makeExecutableSchema({
      typeDefs: readFileSync(SCHEMA_PATH, 'utf8'),
      // biome-ignore lint/suspicious/noExplicitAny: generated resolver types are stricter than graphql-tools' IResolvers
      resolvers: allResolvers() as any,
    });

    // Open sockets close when their session is revoked, here or on another instance.
    const sessionSockets = trackSessionSockets(deps.sessions, deps.db, app.log);
    app.addHook('onClose', async () => sessionSockets.close());

    // Before @fastify/websocket: its onRoute hook captures the handler this wraps.
    releaseUpgrade(app);
    // Before Mercurius: its /graphql routes get this serializer for their answers.
    app.addHook('onRoute', (route) => {
      if (route.url === '/graphql' && route.schema?.response)
        route.serializerCompiler = () => serializeAnswer;
    });
    // Registered here (Mercurius reuses an existing websocket server) so that
    // shutdown closes sockets with 1001 "going away": clients reconnect to
    // another instance instead of treating it as an abnormal drop (1005/1006).
    await app.register(fastifyWebsocket, {
      options: { maxPayload: 1024 * 1024 },
      preClose(done) {
        for (const client of app.websocketServer.clients) client.close(1001, 'Server shutting down');
        app.websocketServer.close(() => done());
      },
    });
    app.websocketServer.on('connection', (socket: WebSocket) =>
      guardProtocol(socket, { maxSubscriptions: config.wsMaxSubscriptions }),
    );

    await app.register(mercurius, {
      schema,
      path: '/graphql',
      // Ours instead (plugins/client.ts, client/src/graphiql): no third-party host at runtime.
      graphiql: false,
      jit: 1,
      validationRules: documentRules,
      graphql: { parseOptions: { maxTokens: config.graphqlMaxTokens } },
      // One operation per request: a batch would multiply every per-request limit.
      allowBatchedQueries: false,
      // biome-ignore lint/suspicious/noExplicitAny: Mercurius' formatter type is looser than ours
      errorFormatter: errorFormatter as any,
      async context(request): Promise<Partial<GraphQLContext>> {
        const header = request.headers.authorization;
        if (!header) return { deps, viewer: null, loaders: createLoaders(deps, null, { cache: true }) };
        try {
          const viewer = await authenticate(deps, bearerToken(header));
          return { deps, viewer, loaders: createLoaders(deps, viewer, { cache: true }) };
        } catch (err) {
          const authError =
            err instanceof AppError ? err : isUnavailableError(err) ? serviceUnavailable() : undefined;
          if (!authError) throw err;
          return { deps, viewer: null, authError, loaders: createLoaders(deps, null, { cache: true }) };
        }
      },
      subscription: {
        emitter: app.emitter,
        keepAlive: config.wsKeepAliveMs,
        /**
         * Authenticates `connection_init`. Mercurius answers a refusal with a
         * `connection_error` message, which graphql-transport-ws does not have
         * (graphql-ws clients then see close 1005 and an "invalid message").
         * So we close the socket ourselves with the protocol's codes first:
         * 4401 (missing/invalid/expired token: refresh and reconnect) or 4403
         * (session revoked: sign in again). Mercurius calls onConnect as a
         * method of its SubscriptionConnection, so `this.socket` is the socket;
         * a test pins this behaviour (auth.ws.test.ts).
         */
        async onConnect(this: { socket?: WebSocket }, data: { payload?: unknown }) {
          const payload = (data?.payload ?? {}) as Record<string, unknown>;
          const headers = (payload.headers ?? {}) as Record<string, unknown>;
          const header =
            payload.authorization ?? payload.Authorization ?? headers.authorization ?? headers.Authorization;
          try {
            const epoch = deps.sessions.epoch;
            const viewer = await authenticate(deps, bearerToken(header));
            const socket = this.socket;
            if (socket?.readyState === 1) {
              // Presence: the user is online while this socket is open (released however it closes).
              const offline = deps.presence.connect(viewer.userId);
              // Closed with 4403 if the session is revoked while it is open (modules/auth/auth.sockets.ts).
              const untrack = sessionSockets.add(viewer, socket, epoch);
              // One plain listener: `once` would add a wrapper and its state to every idle connection.
              socket.on('close', () => {
                offline();
                untrack();
              });
            }
            return { deps, viewer, loaders: createLoaders(deps, viewer, { cache: false }) };
          } catch (err) {
            const [code, reason] =
              err instanceof AuthFailure
                ? [err.closeCode, err.message]
                : [4500, 'Service temporarily unavailable'];
            if (!(err instanceof AuthFailure)) app.log.warn({ err }, 'websocket authentication failed');
            this.socket?.close(code, reason);
            return false;
          }
        },
      },
    });

    // Our own parse first, with the token budget: a source that does not parse
    // is refused here, so Mercurius never falls back to reading it as a JSON
    // AST (which skips the budget and can crash validation with a TypeError).
    const guard = documentGuard(config.graphqlMaxTokens);
    app.graphql.addHook('preParsing', async (_schema, source) => {
      try {
        guard(source);
      } catch (err) {
        throw Object.assign(new Error((err as Error).message), { errors: [err] });
      }
    });
    // Text PostgreSQL cannot store is bad input, not a masked 500 (graphql/input-text.ts).
    app.graphql.addHook('preExecution', async (_schema, document, context, variables) => {
      if (variables) assertStorableVariables(variables);
      // A subscription needs a stream: over HTTP it would run its resolvers once, without events.
      if (runsSubscription(document, context)) throw subscriptionOverHttp();
    });
    // Mercurius neither budgets tokens nor validates subscription documents
    // (graphql's subscribe() does not validate); do both, with the same rules
    // as HTTP, before the subscription starts.
    app.graphql.addHook('preSubscriptionParsing', async (_schema, source) => {
      parseWithinLimits(source, config.graphqlMaxTokens);
    });
    // Subscription documents are shared per query text (graphql/subscription-memory.ts), so
    // each is validated once; the rules depend on the document and schema only.
    installSubscriptionMemoryFixes(app.graphql, config.graphqlMaxTokens);
    installIdleKeepAlive();
    installWsErrorCodes();
    const validated = new WeakMap<object, readonly GraphQLError[]>();
    app.graphql.addHook('preSubscriptionExecution', async (execSchema, document) => {
      let errors = validated.get(document);
      try {
        errors ??= validate(execSchema, document, [...specifiedRules, ...documentRules]);
        validated.set(document, errors);
      } catch {
        // A non-string `query` is used as an AST as-is; a malformed one makes validate() throw.
        throw new GraphQLError('Invalid GraphQL document', {
          extensions: { code: ErrorCode.GRAPHQL_VALIDATION_FAILED },
        });
      }
      const first = errors[0];
      if (!first) return;
      throw first.extensions.code
        ? first
        : new GraphQLError(first.message, {
            nodes: first.nodes,
            extensions: { code: ErrorCode.GRAPHQL_VALIDATION_FAILED },
          });
    });
  },
  { name: 'graphql', dependencies: ['db', 'pubsub', 'jobs'] },
);
