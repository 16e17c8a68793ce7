/**
 * Enforces the graphql-transport-ws protocol's close codes, which Mercurius
 * does not use (it answers protocol violations with an error message, or
 * closes without a code). Integrators' clients (graphql-ws) rely on them:
 *
 * - 4400 Bad Request: a message that is not JSON, has no known `type`, or a
 *   `subscribe` without an `id` and a string `query`;
 * - 4401 Unauthorized: `subscribe` before `connection_init`;
 * - 4429 Too many initialisation requests: a second `connection_init`.
 *
 * It filters incoming messages: a violation closes the socket and is never
 * passed on, so Mercurius (which would otherwise also try to handle it and log
 * a TypeError for e.g. `null`) only sees valid messages, and handles each of
 * them itself. Sockets of the legacy `graphql-ws` subprotocol are left alone.
 */
import type { WebSocket } from 'ws';

const TYPES = new Set(['connection_init', 'ping', 'pong', 'subscribe', 'complete']);

export function guardProtocol(socket: WebSocket): void {
  if (socket.protocol !== 'graphql-transport-ws') return;
  let initialised = false;
  const close = (code: number, reason: string) => {
    if (socket.readyState === socket.OPEN) socket.close(code, reason);
  };
  /** The close code and reason for a violation, or null for a valid message. */
  const violation = (data: Buffer, isBinary: boolean): [number, string] | null => {
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
    }
    return null;
  };
  // Wrapping emit (rather than adding a listener) is what lets the guard drop
  // a message before any listener sees it, whatever order they were added in.
  const emit = socket.emit.bind(socket);
  socket.emit = ((event: string | symbol, ...args: unknown[]) => {
    if (event === 'message') {
      const refused = violation(args[0] as Buffer, args[1] as boolean);
      if (refused) {
        close(...refused);
        return false;
      }
    }
    return emit(event, ...args);
  }) as typeof socket.emit;
}
