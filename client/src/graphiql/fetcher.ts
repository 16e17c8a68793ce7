/**
 * GraphiQL's fetcher for Parley: queries and mutations are POSTed to
 * /graphql with the headers typed in GraphiQL's header editor; subscriptions
 * run over graphql-ws (graphql-transport-ws) on the same path.
 *
 * A WebSocket cannot carry HTTP headers from a browser, and the server
 * authenticates a socket once, from `connection_init`'s payload
 * (`payload.authorization`, as the chat app sends it: see the `onConnect` hook
 * in server/src/plugins/graphql.ts). So the editor's `Authorization` header
 * becomes that payload, and each distinct header value gets a connection of
 * its own: changing the header (another user, a fresh token) opens a new,
 * newly authenticated socket, while subscriptions already running in other
 * tabs keep theirs.
 */
import type { GraphiQLProps } from 'graphiql';
import {
  type FormattedExecutionResult as ExecutionResult,
  type GraphQLFormattedError,
  getOperationAST,
  parse,
} from 'graphql';
import { type Client, createClient } from 'graphql-ws';

type Fetcher = GraphiQLProps['fetcher'];
type FetcherParams = Parameters<Fetcher>[0];

interface Observer {
  next?: (result: ExecutionResult) => void;
  error?: (error: unknown) => void;
  complete?: () => void;
}

/** The editor's Authorization header (any spelling of the name), or '' when there is none. */
export function authorizationOf(headers: Record<string, unknown> | undefined): string {
  for (const [name, value] of Object.entries(headers ?? {}))
    if (name.toLowerCase() === 'authorization' && value != null) return String(value).trim();
  return '';
}

/**
 * Whether the operation to run is a subscription. From the text being sent,
 * not GraphiQL's `documentAST`: that is the editor's last parse, which may
 * trail what was just typed.
 */
function isSubscription(params: FetcherParams): boolean {
  try {
    return (
      getOperationAST(parse(params.query), params.operationName ?? undefined)?.operation === 'subscription'
    );
  } catch {
    // Not parseable here: the server will say why.
    return false;
  }
}

function closeEvent(e: unknown): { code: number; reason: string } | undefined {
  const c = e as { code?: unknown; reason?: unknown } | null;
  return typeof c?.code === 'number' ? { code: c.code, reason: String(c.reason ?? '') } : undefined;
}

/**
 * What the response pane shows when the socket closes a subscription: the
 * server's close code and reason (4401: the token is missing, invalid or
 * expired; 4403: the session was revoked), as a GraphQL error.
 */
function closedResult(close: { code: number; reason: string }, authorization: string): ExecutionResult {
  const hint =
    close.code === 4401 && !authorization
      ? ' Subscriptions need a token: add {"Authorization": "Bearer <accessToken>"} in Headers.'
      : '';
  return {
    errors: [
      {
        message: `The WebSocket closed with ${close.code}${close.reason ? `: ${close.reason}` : ''}.${hint}`,
        extensions: { code: 'WEBSOCKET_CLOSED', closeCode: close.code, reason: close.reason },
      },
    ],
  };
}

export interface ParleyFetcherOptions {
  /** The GraphQL endpoint over HTTP, e.g. https://chat.example.com/graphql. */
  httpUrl: string;
  /** The same endpoint for graphql-ws, e.g. wss://chat.example.com/graphql. */
  wsUrl: string;
}

export function createParleyFetcher({ httpUrl, wsUrl }: ParleyFetcherOptions): Fetcher {
  /** One graphql-ws client per Authorization value, with how many subscriptions use it. */
  const sockets = new Map<string, { client: Client; active: number }>();

  const acquire = (authorization: string) => {
    let entry = sockets.get(authorization);
    if (!entry) {
      // Clients of earlier header values that nothing uses any more (their lazy sockets are closed).
      for (const [key, idle] of sockets)
        if (idle.active === 0) {
          void idle.client.dispose();
          sockets.delete(key);
        }
      entry = {
        client: createClient({
          url: wsUrl,
          // Connect on the first subscription, close as soon as the last one ends.
          lazy: true,
          connectionParams: authorization ? { authorization } : {},
          // 4401 is never retried by graphql-ws; a revoked session (4403) will not come back either.
          shouldRetry: (e) => closeEvent(e)?.code !== 4403,
        }),
        active: 0,
      };
      sockets.set(authorization, entry);
    }
    const held = entry;
    held.active += 1;
    let released = false;
    return {
      client: held.client,
      release() {
        if (released) return;
        released = true;
        held.active -= 1;
      },
    };
  };

  /** An Observable, which GraphiQL's Stop button unsubscribes from at once. */
  const subscribe = (params: FetcherParams, authorization: string) => ({
    subscribe(
      observerOrNext?: Observer | ((result: ExecutionResult) => void),
      error?: ((err: unknown) => void) | null,
      complete?: () => void,
    ) {
      const observer: Observer =
        typeof observerOrNext === 'function'
          ? { next: observerOrNext, error: error ?? undefined, complete }
          : (observerOrNext ?? {});
      const { client, release } = acquire(authorization);
      const dispose = client.subscribe<Record<string, unknown>, Record<string, unknown>>(
        {
          query: params.query,
          variables: params.variables ?? undefined,
          operationName: params.operationName ?? undefined,
        },
        {
          next: (result) => observer.next?.(result),
          error: (err) => {
            release();
            const close = closeEvent(err);
            // An `error` message (the document was refused) carries the GraphQL errors themselves.
            if (Array.isArray(err)) observer.next?.({ errors: err as GraphQLFormattedError[] });
            else if (close) observer.next?.(closedResult(close, authorization));
            else return observer.error?.(err);
            observer.complete?.();
          },
          complete: () => {
            release();
            observer.complete?.();
          },
        },
      );
      return {
        unsubscribe() {
          dispose();
          release();
        },
      };
    },
  });

  const post = async (params: FetcherParams, headers: Record<string, unknown> | undefined) => {
    const sent: Record<string, string> = { accept: 'application/json', 'content-type': 'application/json' };
    for (const [name, value] of Object.entries(headers ?? {}))
      if (value != null) sent[name.toLowerCase()] = String(value);
    const res = await fetch(httpUrl, { method: 'POST', headers: sent, body: JSON.stringify(params) });
    const text = await res.text();
    try {
      return JSON.parse(text) as ExecutionResult;
    } catch {
      // Not GraphQL's answer (a proxy's error page, say): show what came back.
      return { errors: [{ message: `HTTP ${res.status} ${res.statusText}: ${text.slice(0, 500)}` }] };
    }
  };

  const fetcher = (params: FetcherParams, opts?: Parameters<Fetcher>[1]) =>
    isSubscription(params) ? subscribe(params, authorizationOf(opts?.headers)) : post(params, opts?.headers);
  // GraphiQL types results as graphql-ws' ExecutionResult, with GraphQLError instances for errors;
  // what arrives (and what it shows) is the JSON the server sent, as typed here.
  return fetcher as unknown as Fetcher;
}
