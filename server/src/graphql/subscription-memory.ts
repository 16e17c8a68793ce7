/**
 * What an idle subscribed WebSocket costs in heap. Two changes to Mercurius
 * 16.10's SubscriptionConnection (lib/subscription-connection.js), applied
 * once at start-up, found with `npm run bench -- idle --heap-snapshot`:
 *
 * 1. Its message loop is `for await (... of events.on(socket, 'message'))`.
 *    Node's `on()` keeps two FixedQueues of 2,048 slots each (16 KB apiece)
 *    per call: 32 KB of every connection's ~77 KB. The loop below handles
 *    messages the same way (one at a time, in order, each awaited; an error
 *    logged and the connection closed) with a plain array.
 * 2. Each `subscribe` parsed its query text again and kept its own document
 *    (lexer tokens, locations: ~4 KB). Documents are now shared per distinct
 *    query text (`subscriptionDocument`, an LRU), parsed with the same token
 *    budget as before. Mercurius skips its preSubscriptionParsing hook for a
 *    document it is handed; the budget check is what that hook did, and it
 *    has run when the document was first parsed.
 * 3. Each socket kept its HTTP upgrade alive: the IncomingMessage with its
 *    headers, the ServerResponse @fastify/websocket makes for routing, and
 *    Fastify's Request, Reply and child logger (~2 KB). They were reachable
 *    from the socket's 'error' listener (a closure over request and reply),
 *    from the net socket (`_httpMessage`) and from Mercurius' context
 *    (`request`). `releaseUpgrade` cuts all three once the socket is open.
 */
import { createRequire } from 'node:module';
import type { FastifyBaseLogger, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { DocumentNode } from 'graphql';
import type { WebSocket } from 'ws';
import { BoundedMap } from '../lib/bounded-map.ts';
import { parseWithinLimits } from './limits.ts';

/** Most distinct subscription texts kept parsed, and the longest text cached. */
const MAX_DOCUMENTS = 500;
const MAX_SOURCE_LENGTH = 16 * 1024;

interface SubscriptionConnectionLike {
  socket: {
    on(event: 'message', listener: (message: Buffer, isBinary: boolean) => void): unknown;
    once(event: 'error', listener: () => void): unknown;
  };
  fastify: { log: { error(err: unknown): void }; graphql: object };
  handleMessage(message: Buffer, isBinary: boolean): Promise<void>;
  handleConnectionClose(): void;
  handleConnection(): Promise<void>;
  handleGQLStart(data: { payload?: { query?: unknown } }): Promise<void>;
}

/** A parsed document per query text, shared by every subscription that sends that text. */
export function documentCache(maxTokens: number): (source: string) => DocumentNode | undefined {
  const documents = new BoundedMap<string, DocumentNode>(MAX_DOCUMENTS);
  return (source) => {
    const known = documents.get(source);
    if (known) {
      // Least recently used goes first: move this one to the end.
      documents.delete(source);
      documents.set(source, known);
      return known;
    }
    if (source.length > MAX_SOURCE_LENGTH) return undefined;
    let document: DocumentNode;
    try {
      document = parseWithinLimits(source, maxTokens);
    } catch {
      return undefined; // Mercurius parses it again and reports the error as before.
    }
    documents.set(source, document);
    return document;
  };
}

const require = createRequire(import.meta.url);
const { prototype } = require('mercurius/lib/subscription-connection.js') as {
  prototype: SubscriptionConnectionLike & { parleyMemory?: true };
};

/** Per app (keyed by its `app.graphql`, which every SubscriptionConnection reaches as `this.fastify.graphql`). */
const lookups = new WeakMap<object, (source: string) => DocumentNode | undefined>();

/**
 * Installs both changes (once per process) and gives the app `graphql` its
 * document cache with its parse budget `maxTokens`.
 */
export function installSubscriptionMemoryFixes(graphql: object, maxTokens: number): void {
  lookups.set(graphql, documentCache(maxTokens));
  if (prototype.parleyMemory) return;
  prototype.parleyMemory = true;

  prototype.handleConnection = function (this: SubscriptionConnectionLike) {
    const queue: [Buffer, boolean][] = [];
    let busy = false;
    let stopped = false;
    const drain = async () => {
      busy = true;
      while (!stopped && queue.length > 0) {
        const [message, isBinary] = queue.shift() as [Buffer, boolean];
        try {
          await this.handleMessage(message, isBinary);
        } catch (err) {
          this.fastify.log.error(err);
          this.handleConnectionClose();
        }
      }
      busy = false;
    };
    this.socket.on('message', (message, isBinary) => {
      if (stopped) return;
      queue.push([message, isBinary]);
      if (!busy) void drain();
    });
    // events.on() ended the loop on 'error' (and nothing else).
    this.socket.once('error', () => {
      stopped = true;
      queue.length = 0;
    });
    return Promise.resolve();
  };

  const handleGQLStart = prototype.handleGQLStart;
  prototype.handleGQLStart = function (this: SubscriptionConnectionLike, data) {
    const query = data?.payload?.query;
    const lookup = lookups.get(this.fastify.graphql);
    const document = typeof query === 'string' && lookup ? lookup(query) : undefined;
    if (!document || !data.payload) return handleGQLStart.call(this, data);
    return handleGQLStart.call(this, { ...data, payload: { ...data.payload, query: document } });
  };
}

/**
 * What Mercurius' connection handler reads off the request it is handed: `log`
 * (a wrong subprotocol is logged), `headers` (it merges `connection_init`
 * headers into them) and, for resolvers, `ip`. Nothing reads more over WebSocket.
 */
export interface UpgradeRequest {
  headers: Record<string, unknown>;
  ip: string;
  log: FastifyBaseLogger;
}

type WsHandler = (this: unknown, socket: WebSocket, request: FastifyRequest | UpgradeRequest) => unknown;

/**
 * Change 3. Must be called before @fastify/websocket is registered: this
 * onRoute hook then runs before that plugin's, which captures `wsHandler`.
 * Each WebSocket route's handler is wrapped so that, once the socket is open:
 * - @fastify/websocket's 'error' listener (the last one added when the handler
 *   runs; it logs with `request.log` and terminates the socket) is replaced
 *   by one that does the same with the app's logger, as a warning;
 * - the routing ServerResponse lets go of the net socket (the reply was
 *   hijacked: nothing is ever written to it);
 * - the handler gets an `UpgradeRequest` instead of Fastify's Request.
 */
export function releaseUpgrade(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    const handler = (route as { wsHandler?: WsHandler }).wsHandler;
    if (typeof handler !== 'function') return;
    const log = app.log;
    (route as { wsHandler?: WsHandler }).wsHandler = function (this: unknown, socket, request) {
      const { raw, ip } = request as FastifyRequest;
      const listeners = socket.listeners('error');
      const routed = listeners[listeners.length - 1];
      if (routed) {
        socket.off('error', routed as (...args: unknown[]) => void);
        // ws emits 'error' for what the peer sent (invalid frames, UTF-8, sizes) and closes:
        // the client's mistake, so a warning (Fastify's logged it as an error).
        socket.on('error', function onError(this: WebSocket, err: Error) {
          log.warn({ err }, 'websocket error');
          this.terminate();
        });
      }
      const res = (raw?.socket as { _httpMessage?: FastifyReply['raw'] | null } | null)?._httpMessage;
      if (res && raw.socket) res.detachSocket(raw.socket);
      return handler.call(this, socket, { headers: {}, ip, log });
    };
  });
}
