/**
 * The viewer's messages on their way, per room: shown at once (pending), sent
 * with a client-generated `clientId`, kept with a Retry when sending failed (or,
 * when the server refused it for good, with its reason and a Dismiss).
 *
 * It lives beside the Apollo client (one per app, see apollo/services.ts), not
 * in the conversation view: leaving a room while a message is still sending
 * lets the send complete, and a failed message is still there, with Retry,
 * when the viewer comes back. A retry reuses the `clientId`, so a message the
 * server did get (only its answer was lost) is returned, never duplicated.
 *
 * A message that failed for want of a connection (no answer from the API) is
 * sent again by itself when the connection comes back (`resend`, called as
 * the live socket reconnects), oldest first per room, as a messenger does; one
 * the API refused waits for the viewer's Retry.
 *
 * Not persisted: a reload drops what was not sent (the draft was the viewer's
 * to keep; the server never saw it, or has it under its `clientId`).
 */
import type { ApolloClient } from '@apollo/client';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import type { ConversationMessageFragment } from '../../gql/graphql.ts';
import { getFragmentData } from '../../gql/index.ts';
import type { UploadedFile } from '../attachments/upload.ts';
import { newClientId } from './clientId.ts';
import { ConversationMessageFragment as MessageFields, SendMessageMutation } from './documents.ts';

/** What a reply points at, as the composer shows it. */
export interface ReplyTarget {
  id: string;
  author: string;
  snippet: string;
}

/** One of the viewer's messages that the server has not confirmed yet. */
export interface PendingMessage {
  clientId: string;
  roomId: string;
  body: string;
  replyTo: ReplyTarget | undefined;
  createdAt: string;
  status: 'sending' | 'failed';
  /** Uploaded files going with the message (may be empty). */
  attachments: readonly UploadedFile[];
  /** Why the last attempt failed (the API's message; undefined while sending or for a network failure). */
  error?: string | undefined;
  /**
   * The server refused the message for good (FORBIDDEN, BAD_USER_INPUT,
   * NOT_FOUND): sending it again can never work, so it is not retried, only dismissed.
   */
  permanent?: boolean;
  /** The API's error code of the last failure (e.g. FORBIDDEN when the viewer may no longer write here). */
  code?: string | undefined;
}

/** Error codes after which the same message would be refused again. */
const PERMANENT_CODES = new Set(['FORBIDDEN', 'BAD_USER_INPUT', 'NOT_FOUND']);

/** The reason a send failed, as the API gave it, and whether retrying could help. */
export function sendFailure(err: unknown): Pick<PendingMessage, 'error' | 'permanent' | 'code'> {
  if (!CombinedGraphQLErrors.is(err)) return { error: undefined, permanent: false, code: undefined };
  const first = err.errors[0];
  const code = first?.extensions?.code;
  return {
    error: first?.message || undefined,
    permanent: err.errors.some((e) => PERMANENT_CODES.has(String(e.extensions?.code))),
    code: typeof code === 'string' ? code : undefined,
  };
}

export interface Outbox {
  /** The room's pending and failed messages, oldest first; the same array until they change. */
  pending(roomId: string): readonly PendingMessage[];
  /** Calls `listener` after every change (for useSyncExternalStore). */
  subscribe(listener: () => void): () => void;
  /** Shows the message at once (pending) and sends it with a fresh clientId. */
  send(roomId: string, draft: Pick<PendingMessage, 'body' | 'replyTo' | 'attachments'>): void;
  /** Sends a failed message again, with the same clientId (not one the server refused for good). */
  retry(roomId: string, clientId: string): void;
  /** Forgets a failed message (e.g. one the server refused for good). */
  dismiss(roomId: string, clientId: string): void;
  /** Sends again every message that failed without an answer from the API (the connection is back). */
  resend(): void;
  /**
   * `listener` gets each message of `roomId` the server confirmed to a send
   * (for the open conversation; a closed one loads it with its history).
   */
  onSent(roomId: string, listener: (message: ConversationMessageFragment) => void): () => void;
  /** The conversation received these messages another way (live echo, history): they are not pending. */
  confirm(roomId: string, clientIds: readonly string[]): void;
  /** Forgets everything (sign-out, another user). */
  clear(): void;
}

const NONE: readonly PendingMessage[] = [];

export function createOutbox(client: ApolloClient): Outbox {
  let byRoom = new Map<string, readonly PendingMessage[]>();
  const listeners = new Set<() => void>();
  const sentListeners = new Map<string, Set<(message: ConversationMessageFragment) => void>>();
  /** Bumped by clear(): sends started before it no longer touch the outbox. */
  let epoch = 0;

  function update(roomId: string, change: (list: readonly PendingMessage[]) => readonly PendingMessage[]) {
    const before = byRoom.get(roomId) ?? NONE;
    const after = change(before);
    if (after === before) return;
    const next = new Map(byRoom);
    if (after.length === 0) next.delete(roomId);
    else next.set(roomId, after);
    byRoom = next;
    for (const listener of listeners) listener();
  }

  const setStatus = (
    p: PendingMessage,
    status: PendingMessage['status'],
    failure: Pick<PendingMessage, 'error' | 'permanent' | 'code'> = {
      error: undefined,
      permanent: false,
      code: undefined,
    },
  ) =>
    update(p.roomId, (list) =>
      list.some((x) => x.clientId === p.clientId)
        ? list.map((x) => (x.clientId === p.clientId ? { ...x, status, ...failure } : x))
        : list,
    );

  const remove = (roomId: string, clientIds: ReadonlySet<string>) =>
    update(roomId, (list) =>
      list.some((x) => clientIds.has(x.clientId)) ? list.filter((x) => !clientIds.has(x.clientId)) : list,
    );

  async function deliver(p: PendingMessage): Promise<void> {
    const started = epoch;
    setStatus(p, 'sending');
    try {
      const { data } = await client.mutate({
        mutation: SendMessageMutation,
        variables: {
          input: {
            roomId: p.roomId,
            clientId: p.clientId,
            body: p.body,
            replyToId: p.replyTo?.id ?? null,
            ...(p.attachments.length > 0 ? { attachmentIds: p.attachments.map((a) => a.id) } : {}),
          },
        },
      });
      if (!data) throw new Error('No message returned');
      if (started !== epoch) return;
      const message = getFragmentData(MessageFields, data.sendMessage);
      for (const listener of sentListeners.get(p.roomId) ?? []) listener(message);
      remove(p.roomId, new Set([p.clientId]));
    } catch (err) {
      if (started === epoch) setStatus(p, 'failed', sendFailure(err));
    }
  }

  return {
    pending: (roomId) => byRoom.get(roomId) ?? NONE,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    send(roomId, draft) {
      const message: PendingMessage = {
        ...draft,
        roomId,
        clientId: newClientId(),
        createdAt: new Date().toISOString(),
        status: 'sending',
      };
      update(roomId, (list) => [...list, message]);
      void deliver(message);
    },
    retry(roomId, clientId) {
      const p = byRoom.get(roomId)?.find((x) => x.clientId === clientId);
      if (p && p.status === 'failed' && !p.permanent) void deliver(p);
    },
    resend() {
      for (const list of byRoom.values()) {
        const lost = list.filter((p) => p.status === 'failed' && !p.permanent && p.error === undefined);
        // One at a time per room: they arrive in the order they were written.
        void (async () => {
          for (const p of lost) await deliver(p);
        })();
      }
    },
    dismiss(roomId, clientId) {
      if (byRoom.get(roomId)?.some((x) => x.clientId === clientId && x.status === 'failed'))
        remove(roomId, new Set([clientId]));
    },
    onSent(roomId, listener) {
      let set = sentListeners.get(roomId);
      if (!set) {
        set = new Set();
        sentListeners.set(roomId, set);
      }
      set.add(listener);
      return () => {
        set.delete(listener);
        if (set.size === 0) sentListeners.delete(roomId);
      };
    },
    confirm: (roomId, clientIds) => {
      if (clientIds.length > 0) remove(roomId, new Set(clientIds));
    },
    clear() {
      epoch += 1;
      byRoom = new Map();
      for (const listener of listeners) listener();
    },
  };
}
