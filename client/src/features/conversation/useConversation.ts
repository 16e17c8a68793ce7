/**
 * A room's messages as the conversation shows them: the newest page of
 * history, older pages on demand, live events, and the viewer's own messages
 * while they are being sent (kept in the app's outbox, see outbox.ts, so
 * they survive leaving the room).
 *
 * Messages live in a reducer keyed by id and ordered by `seq` (gap-free per
 * room), so anything that arrives twice (a replayed event, a mutation result
 * and its live echo) is merged, never duplicated. The live stream is
 * `roomEvents(afterSeq)`: it is (re)opened whenever the socket is connected,
 * from the highest `seq` held at that moment, and the server replays what
 * was committed since, so a reconnect loses nothing. Events that announce a
 * new `seq` without carrying the message (member joined/left, role changed,
 * renamed) or that reveal a gap are filled with `messagesAfter`.
 */
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { useApolloClient } from '@apollo/client/react';
import { useCallback, useEffect, useReducer, useRef, useState, useSyncExternalStore } from 'react';
import { useConnectionStatus, useOutbox } from '../../apollo/ServicesProvider.tsx';
import type { ConversationMessageFragment } from '../../gql/graphql.ts';
import { type FragmentType, getFragmentData } from '../../gql/index.ts';
import type { UploadedFile } from '../attachments/upload.ts';
import type { LiveRoomEventFragment } from '../live/documents.ts';
import {
  ConversationCatchUpQuery,
  ConversationEventsSubscription,
  ConversationHistoryQuery,
  DeleteMessageMutation,
  EditMessageMutation,
  ConversationMessageFragment as MessageFields,
} from './documents.ts';
import type { PendingMessage, ReplyTarget } from './outbox.ts';

export type { PendingMessage, ReplyTarget };

export type Msg = ConversationMessageFragment;

const unmask = (refs: readonly FragmentType<typeof MessageFields>[]): Msg[] =>
  refs.map((ref) => getFragmentData(MessageFields, ref));

/** Page size for history, both the first page and each older one. */
export const PAGE_SIZE = 50;

interface State {
  status: 'loading' | 'ready' | 'error';
  messages: Msg[];
  olderCursor: string | null;
  hasOlder: boolean;
  loadingOlder: boolean;
  /** The viewer left or was removed: the stream ended. */
  left: boolean;
}

type Action =
  | { type: 'loaded'; messages: readonly Msg[]; cursor: string | null; hasOlder: boolean }
  | { type: 'failed' }
  | { type: 'olderStart' }
  | { type: 'older'; messages: readonly Msg[]; cursor: string | null; hasOlder: boolean }
  | { type: 'olderFailed' }
  /**
   * `loadedOnly`: changes to messages (edits, deletions) that only apply to those within the loaded
   * history; one older than the oldest loaded is left to the older page that brings it.
   */
  | { type: 'upsert'; messages: readonly Msg[]; loadedOnly?: boolean }
  | { type: 'left' };

function merge(list: readonly Msg[], incoming: readonly Msg[]): Msg[] {
  const byId = new Map(list.map((m) => [m.id, m]));
  for (const m of incoming) byId.set(m.id, m);
  return [...byId.values()].sort((a, b) => a.seq - b.seq);
}

function reducer(state: State, action: Action): State {
  switch (action.type) {
    case 'loaded':
      return {
        ...state,
        status: 'ready',
        messages: merge(state.messages, action.messages),
        olderCursor: action.cursor,
        hasOlder: action.hasOlder,
      };
    case 'failed':
      return { ...state, status: 'error' };
    case 'olderStart':
      return { ...state, loadingOlder: true };
    case 'older':
      return {
        ...state,
        loadingOlder: false,
        messages: merge(state.messages, action.messages),
        olderCursor: action.cursor,
        hasOlder: action.hasOlder,
      };
    case 'olderFailed':
      return { ...state, loadingOlder: false };
    case 'upsert': {
      const oldest = state.messages[0]?.seq;
      const messages =
        action.loadedOnly && state.hasOlder && oldest !== undefined
          ? action.messages.filter((m) => m.seq >= oldest)
          : action.messages;
      if (messages.length === 0) return state;
      return { ...state, messages: merge(state.messages, messages) };
    }
    case 'left':
      return { ...state, left: true };
  }
}

const INITIAL: State = {
  status: 'loading',
  messages: [],
  olderCursor: null,
  hasOlder: false,
  loadingOlder: false,
  left: false,
};

function errorCode(err: unknown): string | undefined {
  if (!CombinedGraphQLErrors.is(err)) return undefined;
  const code = err.errors[0]?.extensions?.code;
  return typeof code === 'string' ? code : undefined;
}

/** A `roomEvents` event for features/live: typing, read receipts, reactions, and new messages (they end their sender's typing). */
export type LiveEvent = FragmentType<typeof LiveRoomEventFragment>;

/**
 * Mount once per room (key the caller by room id): state starts empty.
 * `onLiveEvent` receives the stream's TypingChanged, ReadReceipt(Withdrawn), ReactionChanged and MessageCreated events.
 */
export function useConversation(
  roomId: string,
  viewerId: string | undefined,
  onLiveEvent?: (event: LiveEvent) => void,
) {
  const client = useApolloClient();
  const outbox = useOutbox();
  const [state, dispatch] = useReducer(reducer, INITIAL);
  const live = useConnectionStatus() === 'connected';
  const [generation, setGeneration] = useState(0);
  /**
   * The resume point: every message up to this seq is held (seqs are gap-free
   * per room). Updated as messages arrive, before React renders them. A
   * message past a gap (a live one after a missed one, the answer to a send
   * made while the stream was down) does not move it: `catchUp` fills the gap
   * from here, and a resubscription replays from here.
   */
  const highest = useRef(0);
  /** The newest `at` of a room event received: the `since` of the next resubscription. */
  const lastAt = useRef<string | null>(null);
  const stateRef = useRef(state);
  stateRef.current = state;
  const viewer = useRef(viewerId);
  viewer.current = viewerId;
  const liveEvent = useRef(onLiveEvent);
  liveEvent.current = onLiveEvent;

  /**
   * Moves the resume point over `messages`; true when one lies past a gap.
   * `complete`: the server listed every message after the resume point (the
   * newest history page, a catch-up batch), so the highest of them is held
   * with all before it.
   */
  const take = useCallback((messages: readonly Msg[], complete = false) => {
    let gap = false;
    for (const seq of messages.map((m) => m.seq).sort((a, b) => a - b)) {
      if (complete || seq <= highest.current + 1) highest.current = Math.max(highest.current, seq);
      else gap = true;
    }
    return gap;
  }, []);

  /**
   * Merges messages in; the viewer's own among them are no longer pending.
   * Returns true when one lies past a gap (the caller catches up).
   */
  const upsert = useCallback(
    (messages: readonly Msg[], opts: { loadedOnly?: boolean; complete?: boolean } = {}) => {
      const loadedOnly = opts.loadedOnly ?? false;
      const gap = loadedOnly ? false : take(messages, opts.complete);
      dispatch({ type: 'upsert', messages, loadedOnly });
      outbox.confirm(
        roomId,
        messages.flatMap((m) => (m.clientId ? [m.clientId] : [])),
      );
      return gap;
    },
    [take, outbox, roomId],
  );

  // Fills everything after the highest seq held; single-flight, re-runs if asked again meanwhile.
  const catchUpState = useRef<{ running: boolean; again: boolean }>({ running: false, again: false });
  const catchUp = useCallback(async () => {
    const flight = catchUpState.current;
    if (flight.running) {
      flight.again = true;
      return;
    }
    flight.running = true;
    try {
      do {
        flight.again = false;
        for (;;) {
          const { data } = await client.query({
            query: ConversationCatchUpQuery,
            variables: { roomId, afterSeq: highest.current },
            fetchPolicy: 'network-only',
          });
          const batch = data?.messagesAfter;
          if (!batch) break;
          upsert(unmask(batch.messages), { complete: true });
          if (!batch.hasMore || batch.messages.length === 0) break;
        }
      } while (flight.again);
    } catch {
      // Unreachable for now: the next event, or the resubscription after a reconnect, fills the gap.
    } finally {
      flight.running = false;
    }
  }, [client, roomId, upsert]);

  // The newest page of history.
  useEffect(() => {
    let cancelled = false;
    client
      .query({
        query: ConversationHistoryQuery,
        variables: { roomId, last: PAGE_SIZE },
        fetchPolicy: 'network-only',
      })
      .then(({ data }) => {
        if (cancelled || !data) return;
        const messages = unmask(data.messages.edges.map((e) => e.node));
        take(messages, true);
        // The live stream resumes from the page: what changed since it was read (receipts, edits) is replayed.
        lastAt.current = data.messages.asOf;
        // A send whose answer was lost but which the server committed is in the history: not pending.
        outbox.confirm(
          roomId,
          messages.flatMap((m) => (m.clientId ? [m.clientId] : [])),
        );
        dispatch({
          type: 'loaded',
          messages,
          cursor: data.messages.pageInfo.startCursor ?? null,
          hasOlder: data.messages.pageInfo.hasPreviousPage,
        });
      })
      .catch(() => {
        if (!cancelled) dispatch({ type: 'failed' });
      });
    return () => {
      cancelled = true;
    };
  }, [client, roomId, take, outbox]);

  // The live stream, reopened from the highest seq held after every reconnect.
  const ready = state.status === 'ready';
  const left = state.left;
  // biome-ignore lint/correctness/useExhaustiveDependencies: `generation` forces a resubscription.
  useEffect(() => {
    if (!live || !ready || left) return;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const onError = (err: unknown) => {
      const code = errorCode(err);
      if (code === 'FORBIDDEN') {
        dispatch({ type: 'left' });
        return;
      }
      if (code === 'BAD_USER_INPUT') {
        // Too far behind for a replay: page with messagesAfter, then subscribe from there.
        void catchUp().then(() => setGeneration((g) => g + 1));
        return;
      }
      // Anything else while the socket stays up: try again shortly (a drop resubscribes by itself).
      retry = setTimeout(() => setGeneration((g) => g + 1), 3_000);
    };
    const sub = client
      .subscribe({
        query: ConversationEventsSubscription,
        // `since` replays edits, deletions and receipts since the history page was read (or the last event).
        variables: {
          roomId,
          afterSeq: highest.current,
          ...(lastAt.current ? { since: lastAt.current } : {}),
        },
      })
      .subscribe({
        next: ({ data, error }) => {
          if (error) return onError(error);
          const event = data?.roomEvents;
          if (!event) return;
          if ('at' in event && typeof event.at === 'string') lastAt.current = event.at;
          switch (event.__typename) {
            case 'MessageCreated': {
              const gap = upsert(unmask([event.message]));
              liveEvent.current?.(event); // its sender stopped typing
              if (gap) void catchUp();
              break;
            }
            case 'MessageEdited':
            case 'MessageDeleted':
              // Not inserted out of place when older than the history loaded so far.
              upsert(unmask([event.message]), { loadedOnly: true });
              break;
            case 'MemberLeft':
              if (event.user.id === viewer.current) dispatch({ type: 'left' });
              else if (event.seq > highest.current) void catchUp();
              break;
            case 'MemberJoined':
            case 'MemberRoleChanged':
            case 'RoomRenamed':
              // The system message recording it has this seq: fetch it.
              if (event.seq > highest.current) void catchUp();
              break;
            case 'TypingChanged':
            case 'ReadReceipt':
            case 'ReadReceiptWithdrawn':
            case 'ReactionChanged':
              liveEvent.current?.(event);
              break;
            default:
              // An event this client does not know (e.g. a resync request when the resume point was
              // too far behind for a replay): fill everything after the highest seq held.
              void catchUp();
          }
        },
        error: onError,
      });
    return () => {
      clearTimeout(retry);
      sub.unsubscribe();
    };
  }, [client, roomId, live, ready, left, generation, upsert, catchUp]);

  const loadOlder = useCallback(async () => {
    const s = stateRef.current;
    if (!s.hasOlder || s.loadingOlder || !s.olderCursor) return;
    dispatch({ type: 'olderStart' });
    try {
      const { data } = await client.query({
        query: ConversationHistoryQuery,
        variables: { roomId, last: PAGE_SIZE, before: s.olderCursor },
        fetchPolicy: 'network-only',
      });
      if (!data) throw new Error('No history');
      dispatch({
        type: 'older',
        messages: unmask(data.messages.edges.map((e) => e.node)),
        cursor: data.messages.pageInfo.startCursor ?? null,
        hasOlder: data.messages.pageInfo.hasPreviousPage,
      });
    } catch {
      dispatch({ type: 'olderFailed' });
    }
  }, [client, roomId]);

  // The viewer's messages on their way, and the server's answers to them (also those sent before
  // this room was last left, that complete while it is open).
  const pending = useSyncExternalStore(outbox.subscribe, () => outbox.pending(roomId));
  // A send answered while the stream was down can be past messages not held yet: fetch them.
  useEffect(
    () =>
      outbox.onSent(roomId, (message) => {
        if (upsert([message])) void catchUp();
      }),
    [outbox, roomId, upsert, catchUp],
  );

  /** Shows the message at once (pending) and sends it with a fresh clientId. */
  const send = useCallback(
    (body: string, replyTo?: ReplyTarget, attachments: readonly UploadedFile[] = []) =>
      outbox.send(roomId, { body, replyTo, attachments }),
    [outbox, roomId],
  );

  /** Sends a failed message again with the same clientId: the server returns the original if it got it. */
  const retry = useCallback((clientId: string) => outbox.retry(roomId, clientId), [outbox, roomId]);

  /** Forgets a failed message (one the server refused for good: Retry would not help). */
  const dismiss = useCallback((clientId: string) => outbox.dismiss(roomId, clientId), [outbox, roomId]);

  const edit = useCallback(
    async (id: string, body: string) => {
      const { data } = await client.mutate({ mutation: EditMessageMutation, variables: { id, body } });
      if (data) upsert(unmask([data.editMessage]));
    },
    [client, upsert],
  );

  const remove = useCallback(
    async (id: string) => {
      const { data } = await client.mutate({ mutation: DeleteMessageMutation, variables: { id } });
      if (data) upsert(unmask([data.deleteMessage]));
    },
    [client, upsert],
  );

  return {
    ...state,
    pending,
    loadOlder,
    send,
    retry,
    dismiss,
    edit,
    remove,
  };
}
