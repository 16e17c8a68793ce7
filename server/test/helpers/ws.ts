import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';

/** A live subscription whose events are queued until the test asks for them. */
export interface LiveSubscription<T> {
  /** Resolves with the next event (or rejects after `timeoutMs`, or on a subscription error). */
  next(timeoutMs?: number): Promise<T>;
  /** Every event received so far (including those already returned by next). */
  readonly received: T[];
  /** Resolves when the server completes the subscription, with its error if any. */
  readonly ended: Promise<unknown>;
  unsubscribe(): void;
}

export interface WsConnection {
  client: Client;
  // biome-ignore lint/suspicious/noExplicitAny: a string document has no result type; tests read it unchecked
  subscribe<T = any, V = Record<string, unknown>>(
    query: string | TypedDocumentNode<T, V>,
    variables?: V,
  ): LiveSubscription<T>;
  /** Resolves with the close code once the socket closes. */
  readonly closed: Promise<{ code: number; reason: string }>;
  close(): Promise<void>;
}

/**
 * A real graphql-ws client over `ws`, authenticated in connection_init the way
 * integrators do it. Resolves once the server acknowledged the connection;
 * rejects with the close code if the server refuses it.
 */
export async function connectWs(wsUrl: string, token?: string): Promise<WsConnection> {
  let resolveClosed!: (v: { code: number; reason: string }) => void;
  const closed = new Promise<{ code: number; reason: string }>((r) => {
    resolveClosed = r;
  });
  const client = createClient({
    url: wsUrl,
    webSocketImpl: WebSocket,
    lazy: false,
    retryAttempts: 0,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    on: {
      closed: (e) => {
        const ev = e as { code: number; reason: string };
        resolveClosed({ code: ev.code, reason: String(ev.reason ?? '') });
      },
    },
    onNonLazyError: () => {},
  });
  await new Promise<void>((resolve, reject) => {
    const off1 = client.on('connected', () => {
      off1();
      off2();
      resolve();
    });
    const off2 = client.on('closed', (e) => {
      off1();
      off2();
      const ev = e as { code: number; reason: string };
      reject(
        Object.assign(new Error(`socket closed ${ev.code} ${ev.reason}`), {
          code: ev.code,
          reason: ev.reason,
        }),
      );
    });
  });

  return {
    client,
    closed,
    subscribe<T, V>(query: string | TypedDocumentNode<T, V>, variables?: V): LiveSubscription<T> {
      const received: T[] = [];
      const queue: T[] = [];
      const waiters: { resolve: (v: T) => void; reject: (e: unknown) => void }[] = [];
      let failure: unknown;
      let endResolve!: (v: unknown) => void;
      const ended = new Promise<unknown>((r) => {
        endResolve = r;
      });
      const fail = (err: unknown) => {
        failure = err;
        for (const w of waiters.splice(0)) w.reject(err);
        endResolve(err);
      };
      const unsubscribe = client.subscribe<T>(
        {
          query: typeof query === 'string' ? query : print(query),
          variables: (variables ?? {}) as Record<string, unknown>,
        },
        {
          next: (result) => {
            if (result.errors?.length)
              return fail(Object.assign(new Error(result.errors[0]!.message), { errors: result.errors }));
            const value = result.data as T;
            received.push(value);
            const w = waiters.shift();
            if (w) w.resolve(value);
            else queue.push(value);
          },
          error: (err) =>
            fail(Array.isArray(err) ? Object.assign(new Error(err[0]?.message), { errors: err }) : err),
          complete: () => endResolve(undefined),
        },
      );
      return {
        received,
        ended,
        unsubscribe,
        next(timeoutMs = 5_000) {
          if (queue.length) return Promise.resolve(queue.shift()!);
          if (failure) return Promise.reject(failure);
          return new Promise<T>((resolve, reject) => {
            const timer = setTimeout(() => {
              const i = waiters.indexOf(waiter);
              if (i >= 0) waiters.splice(i, 1);
              reject(new Error(`no subscription event within ${timeoutMs} ms`));
            }, timeoutMs);
            const waiter = {
              resolve: (v: T) => {
                clearTimeout(timer);
                resolve(v);
              },
              reject: (e: unknown) => {
                clearTimeout(timer);
                reject(e);
              },
            };
            waiters.push(waiter);
          });
        },
      };
    },
    async close() {
      await client.dispose();
    },
  };
}

/**
 * Opens a raw graphql-transport-ws socket, sends connection_init with
 * `payload`, and resolves with how the server answered: the first message, or
 * the close code. Used to check protocol-level behaviour exactly.
 */
export function rawConnectionInit(
  wsUrl: string,
  payload: unknown,
): Promise<{ message?: { type: string }; close?: { code: number; reason: string } }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(wsUrl, 'graphql-transport-ws');
    let message: { type: string } | undefined;
    ws.on('open', () => ws.send(JSON.stringify({ type: 'connection_init', payload })));
    ws.on('message', (data) => {
      message ??= JSON.parse(String(data));
      if (message?.type === 'connection_ack') {
        ws.close(1000);
      }
    });
    ws.on('close', (code, reason) => resolve({ message, close: { code, reason: reason.toString() } }));
    ws.on('error', reject);
  });
}
