/**
 * The WebSocket (graphql-transport-ws) that carries subscriptions, open while
 * signed in: presence counts open connections, and the shell shows a quiet
 * "Reconnecting…" banner while it is down.
 *
 * Authentication happens in `connection_init` (async connectionParams read the
 * current token, refreshing it first when it is about to expire). The server
 * closes with 4401 for a missing/expired/invalid token and 4403 for a revoked
 * session. graphql-ws 6 treats 4401 as fatal (no retry: see
 * `shouldRetryConnectOrThrow` in graphql-ws/dist/client.js) and retries 4403,
 * which is the opposite of what we need, so:
 *  - 4401: mark the token stale, open a fresh client (its connectionParams
 *    refresh), and resubscribe every active subscription on it;
 *  - 4403: never retried; the session is over (signed out).
 * Other closes are retried with capped exponential backoff, forever.
 *
 * A socket can also die silently (a network that drops without a close: Wi-Fi
 * gone, a laptop waking up): graphql-ws pings every KEEP_ALIVE_MS but does not
 * wait for the pong. So a ping unanswered within PONG_TIMEOUT_MS terminates
 * the socket (graphql-ws' 4499, retried like any lost connection): the banner
 * shows, and subscriptions resume once a new socket is up.
 */
import { ApolloLink } from '@apollo/client';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { Observable, print } from '@apollo/client/utilities';
import { type Client, CloseCode, createClient } from 'graphql-ws';
import type { AuthStore } from './auth-store.ts';

/** `offline`: no socket (signed out). `reconnecting`: lost and trying again. */
export type ConnectionStatus = 'offline' | 'connecting' | 'connected' | 'reconnecting';

export interface LiveSocket {
  /** Terminating link for subscription operations. */
  readonly link: ApolloLink;
  getStatus(): ConnectionStatus;
  subscribe(listener: () => void): () => void;
  /** Opens the socket (idempotent). */
  start(): void;
  /** Closes the socket; active subscriptions complete. */
  stop(): void;
}

interface CloseEventLike {
  code: number;
  reason: string;
}

function isCloseEvent(value: unknown): value is CloseEventLike {
  return typeof value === 'object' && value !== null && 'code' in value && 'reason' in value;
}

function toError(err: unknown): Error {
  if (err instanceof Error) return err;
  if (isCloseEvent(err)) return new Error(`Socket closed with event ${err.code} ${err.reason}`.trim());
  if (Array.isArray(err)) return new CombinedGraphQLErrors({ errors: err });
  return new Error(String(err));
}

/** A fresh token was refused this many times in a row: the session is not usable. */
const MAX_UNAUTHORIZED_IN_A_ROW = 3;

/** How often an idle socket is pinged. */
export const KEEP_ALIVE_MS = 15_000;
/** How long a ping may go unanswered before the socket counts as dead. */
export const PONG_TIMEOUT_MS = 5_000;

export function createLiveSocket({ url, auth }: { url: () => string; auth: AuthStore }): LiveSocket {
  let client: Client | undefined;
  let generation = 0;
  let status: ConnectionStatus = 'offline';
  let everConnected = false;
  let unauthorizedInARow = 0;
  const listeners = new Set<() => void>();
  const clientWaiters = new Set<() => void>();

  function setStatus(next: ConnectionStatus) {
    if (status === next) return;
    status = next;
    for (const listener of listeners) listener();
  }

  function replaceClient(next: Client | undefined) {
    const previous = client;
    client = next;
    for (const wake of clientWaiters) wake();
    clientWaiters.clear();
    // dispose() rejects with the close event when the socket was refused while connecting.
    Promise.resolve(previous?.dispose()).catch(() => {});
  }

  /** Resolves with the client that replaced `old`, or undefined once stopped. */
  function nextClient(old: Client): Promise<Client | undefined> {
    if (client !== old) return Promise.resolve(client);
    return new Promise((resolve) => {
      clientWaiters.add(() => resolve(client));
    });
  }

  function open() {
    const gen = ++generation;
    const current = () => gen === generation;
    let sentToken: string | null = null;
    let pongTimer: ReturnType<typeof setTimeout> | undefined;
    const created: Client = createClient({
      url: url(),
      lazy: false,
      retryAttempts: Number.POSITIVE_INFINITY,
      // Pings an idle socket so a silently dead one is noticed (with the pong timeout below).
      keepAlive: KEEP_ALIVE_MS,
      retryWait: (retries) =>
        new Promise((resolve) =>
          setTimeout(resolve, Math.min(10_000, 500 * 2 ** retries) + Math.random() * 500),
        ),
      shouldRetry: (e) => !(isCloseEvent(e) && e.code === CloseCode.Forbidden),
      connectionParams: async () => {
        sentToken = await auth.getValidAccessToken();
        if (!sentToken) throw new Error('Signed out');
        return { authorization: `Bearer ${sentToken}` };
      },
      on: {
        ping: (received) => {
          if (received) return; // the server's ping (graphql-ws answers it)
          clearTimeout(pongTimer);
          pongTimer = setTimeout(() => {
            if (current()) created.terminate();
          }, PONG_TIMEOUT_MS);
        },
        pong: (received) => {
          if (received) clearTimeout(pongTimer);
        },
        connecting: () => {
          if (current()) setStatus(everConnected ? 'reconnecting' : 'connecting');
        },
        connected: () => {
          if (!current()) return;
          everConnected = true;
          unauthorizedInARow = 0;
          setStatus('connected');
        },
        closed: (event) => {
          clearTimeout(pongTimer);
          if (!current()) return;
          if (isCloseEvent(event) && event.code === CloseCode.Forbidden) auth.signOut('revoked');
          else setStatus(everConnected ? 'reconnecting' : 'connecting');
        },
      },
      // Fatal closes end graphql-ws' connection loop; decide what happens next.
      onNonLazyError: (err) => {
        if (!current()) return;
        if (isCloseEvent(err) && err.code === CloseCode.Unauthorized) {
          unauthorizedInARow += 1;
          if (unauthorizedInARow >= MAX_UNAUTHORIZED_IN_A_ROW) {
            auth.signOut('expired');
            return;
          }
          auth.expire(sentToken);
          open();
          return;
        }
        if (isCloseEvent(err) && err.code === CloseCode.Forbidden) return;
        // Anything else fatal (refresh unreachable, protocol error): try again a little later.
        setStatus(everConnected ? 'reconnecting' : 'connecting');
        setTimeout(() => {
          if (current() && auth.getState().status === 'signedIn') open();
        }, 5_000);
      },
    });
    replaceClient(created);
  }

  const link = new ApolloLink(
    (operation) =>
      new Observable<ApolloLink.Result>((observer) => {
        let dispose: (() => void) | undefined;
        let unsubscribed = false;
        const run = (c: Client) => {
          dispose = c.subscribe<ApolloLink.Result>(
            {
              query: print(operation.query),
              variables: operation.variables,
              operationName: operation.operationName ?? undefined,
              extensions: operation.extensions,
            },
            {
              next: (value) => observer.next(value as ApolloLink.Result),
              complete: () => observer.complete(),
              error: (err) => {
                if (unsubscribed) return;
                if (isCloseEvent(err) && err.code === CloseCode.Unauthorized) {
                  // The socket is being replaced with a freshly authenticated one: follow it.
                  void nextClient(c).then((next) => {
                    if (unsubscribed) return;
                    if (next) run(next);
                    else observer.complete();
                  });
                  return;
                }
                observer.error(toError(err));
              },
            },
          );
        };
        if (!client) {
          observer.error(new Error('Live updates need a signed-in session'));
          return;
        }
        run(client);
        return () => {
          unsubscribed = true;
          dispose?.();
        };
      }),
  );

  return {
    link,
    getStatus: () => status,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    start() {
      if (client) return;
      everConnected = false;
      unauthorizedInARow = 0;
      setStatus('connecting');
      open();
    },
    stop() {
      generation += 1;
      replaceClient(undefined);
      setStatus('offline');
    },
  };
}
