/**
 * Enforces the graphql-transport-ws protocol's close codes, which Mercurius
 * does not use (it answers protocol violations with an error message, or
 * closes without a code). Integrators' clients (graphql-ws) rely on them:
 *
 * - 4400 Bad Request: a message that is not JSON, has no known `type`, or a
 *   `subscribe` without an `id` and a string `query`;
 * - 4401 Unauthorized: `subscribe` before `connection_init`;
 * - 4409 Subscriber for <id> already exists: a `subscribe` reusing the id of
 *   an operation that is still running (Mercurius would start a second one
 *   and orphan the first until the socket closes);
 * - 4429 Too many initialisation requests: a second `connection_init`.
 *
 * It also caps the operations running at once on one socket
 * (`WS_MAX_SUBSCRIPTIONS`): one more is answered with an `error` message for
 * its id (`RATE_LIMITED`, `limit: "subscriptions"`) and never started, so a
 * client cannot pile up subscriptions (each holds memory and pub/sub topics).
 *
 * It filters incoming messages: a violation closes the socket and is never
 * passed on, so Mercurius (which would otherwise also try to handle it and log
 * a TypeError for e.g. `null`) only sees valid messages, and handles each of
 * them itself. An id is running from the client's `subscribe` until either
 * side sends `complete` (or the server an `error`) for it; the server's side
 * is seen by watching what Mercurius sends. Sockets of the legacy
 * `graphql-ws` subprotocol are left alone.
 *
 * It also notes when the server last sent anything on the socket
 * (`lastSentAt`), so that keep-alive pings go only to idle ones (keepalive.ts).
 */
import type { WebSocket } from 'ws';

const TYPES = new Set(['connection_init', 'ping', 'pong', 'subscribe', 'complete']);

/** How Mercurius starts the messages that end an operation (`JSON.stringify({ type, id, payload })`). */
const ENDING = ['{"type":"complete"', '{"type":"error"'];

export interface GuardOptions {
  /** Operations that may run at once on one socket. */
  maxSubscriptions: number;
}

/** When the server last sent on each guarded socket, in ms since the epoch. */
const activity = new WeakMap<object, { sentAt: number }>();

/** When the server last sent something on `socket` (undefined for a socket the guard does not watch). */
export const lastSentAt = (socket: object): number | undefined => activity.get(socket)?.sentAt;

/** Notes a send that bypassed `socket.send` (graphql/ws-direct.ts). */
export function noteSent(socket: object): void {
  const seen = activity.get(socket);
  if (seen) seen.sentAt = Date.now();
}

export function guardProtocol(socket: WebSocket, options: GuardOptions): void {
  if (socket.protocol !== 'graphql-transport-ws') return;
  const seen = { sentAt: Date.now() };
  activity.set(socket, seen);
  let initialised = false;
  const running = new Set<string>();
  const close = (code: number, reason: string) => {
    if (socket.readyState === socket.OPEN) socket.close(code, reason);
  };
  const refuseOverLimit = (id: string) => {
    const message = `At most ${options.maxSubscriptions} operations may run at once on one connection`;
    const extensions = { code: 'RATE_LIMITED', limit: 'subscriptions', max: options.maxSubscriptions };
    send(JSON.stringify({ type: 'error', id, payload: [{ message, extensions }] }));
  };
  /**
   * What to do with an incoming message: a close code and reason for a
   * violation, 'drop' for one answered here, or null to pass it to Mercurius.
   */
  const check = (data: Buffer, isBinary: boolean): [number, string] | 'drop' | null => {
    let msg: { type?: unknown; id?: unknown; payload?: { query?: unknown } };
    try {
      msg = JSON.parse(isBinary ? data.toString('utf8') : data.toString());
    } catch {
      return [4400, 'Invalid message received'];
    }
    if (typeof msg !== 'object' || msg === null || typeof msg.type !== 'string' || !TYPES.has(msg.type))
      return [4400, 'Invalid message received'];
    if (msg.type === 'connection_init') {
      if (initialised) return [4429, 'Too many initialisation requests'];
      initialised = true;
      return null;
    }
    if (msg.type === 'subscribe') {
      if (!initialised) return [4401, 'Unauthorized'];
      if (typeof msg.id !== 'string' || msg.id === '' || typeof msg.payload?.query !== 'string')
        return [4400, 'Invalid message received'];
      // The reason is at most 123 bytes; the id in it is the client's own.
      if (running.has(msg.id)) return [4409, `Subscriber for ${msg.id.slice(0, 64)} already exists`];
      if (running.size >= options.maxSubscriptions) {
        refuseOverLimit(msg.id);
        return 'drop';
      }
      running.add(msg.id);
    }
    if (msg.type === 'complete' && typeof msg.id === 'string') running.delete(msg.id);
    return null;
  };

  // Wrapping emit (rather than adding a listener) is what lets the guard drop
  // a message before any listener sees it, whatever order they were added in.
  const emit = socket.emit.bind(socket);
  socket.emit = ((event: string | symbol, ...args: unknown[]) => {
    if (event === 'message') {
      const verdict = check(args[0] as Buffer, args[1] as boolean);
      if (verdict === 'drop') return false;
      if (verdict) {
        close(...verdict);
        return false;
      }
    }
    return emit(event, ...args);
  }) as typeof socket.emit;

  // The server ends operations too (a finished stream, an error, a removal from
  // the room): watch for those to free the id. Data messages cost one prefix check.
  const send = socket.send.bind(socket);
  socket.send = ((data: unknown, ...rest: unknown[]) => {
    seen.sentAt = Date.now();
    if (typeof data === 'string' && running.size > 0 && ENDING.some((p) => data.startsWith(p))) {
      try {
        const id = (JSON.parse(data) as { id?: unknown }).id;
        if (typeof id === 'string') running.delete(id);
      } catch {
        // Not ours to judge: pass it on unchanged.
      }
    }
    return (send as (...a: unknown[]) => void)(data, ...rest);
  }) as typeof socket.send;
}
