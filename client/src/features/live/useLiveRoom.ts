/**
 * The open room's live state besides its messages: who is typing, how far
 * everyone has read (and who stopped sharing it), and reactions. `onEvent`
 * takes the TypingChanged, ReadReceipt(Withdrawn) and ReactionChanged events of the conversation's own
 * `roomEvents` stream (see useConversation's `onLiveEvent`), so no second
 * stream is opened, and MessageCreated too: a message ends its sender's
 * typing on screen at once.
 */
import { useApolloClient } from '@apollo/client/react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useConnectionStatus } from '../../apollo/ServicesProvider.tsx';
import type { LiveMessage_MessageFragment } from '../../gql/graphql.ts';
import { type FragmentType, getFragmentData } from '../../gql/index.ts';
import { LiveMessageFragment, LiveRefreshQuery, LiveRoomEventFragment } from './documents.ts';
import { toggleReaction, writeReactions } from './reactions.ts';
import { bump, bumped, type ReadPointers, readPointers, receiptsFor } from './receipts.ts';
import { TYPING_SAFETY_MS, type Typer } from './typing.ts';

interface TypingEntry extends Typer {
  /** When an event last listed them (Date.now()). */
  since: number;
}

const NO_POINTERS: ReadPointers = new Map();

export function useLiveRoom(roomId: string, viewer: { id: string } | undefined) {
  const client = useApolloClient();
  const connected = useConnectionStatus() === 'connected';
  const [typing, setTyping] = useState<TypingEntry[]>([]);
  const [livePointers, setLivePointers] = useState<ReadPointers>(NO_POINTERS);
  /** Readers who turned receipts off since the room opened (until a ReadReceipt says they share again). */
  const [hidden, setHidden] = useState<ReadonlySet<string>>(NOBODY);
  const viewerId = viewer?.id;

  const onEvent = useCallback(
    (ref: FragmentType<typeof LiveRoomEventFragment>) => {
      const event = getFragmentData(LiveRoomEventFragment, ref);
      switch (event.__typename) {
        case 'MessageCreated': {
          // Their message is here: they are no longer typing it, whenever the stop event comes (or if it is lost).
          const senderId = event.message.sender?.id;
          if (senderId)
            setTyping((list) =>
              list.some((t) => t.id === senderId) ? list.filter((t) => t.id !== senderId) : list,
            );
          break;
        }
        case 'TypingChanged': {
          const now = Date.now();
          setTyping(
            event.typingUsers
              .filter((u) => u.id !== viewerId)
              .map((u) => ({ id: u.id, displayName: u.displayName, since: now })),
          );
          break;
        }
        case 'ReadReceipt':
          if (event.user.id === viewerId) break; // my own pointer (another device): not a receipt
          setHidden((h) => (h.has(event.user.id) ? without(h, event.user.id) : h));
          setLivePointers((p) =>
            bumped(p, {
              id: event.user.id,
              displayName: event.user.displayName,
              seq: event.seq,
              readAt: event.readAt,
            }),
          );
          break;
        case 'ReadReceiptWithdrawn':
          if (event.user.id === viewerId) break;
          setHidden((h) => (h.has(event.user.id) ? h : new Set([...h, event.user.id])));
          break;
        case 'ReactionChanged':
          writeReactions(client, event.messageId, event.reactions);
          break;
      }
    },
    [client, viewerId],
  );

  // Nothing is known about typing while the stream is down (events were missed): show nobody.
  // Back online, receipts and reactions of the newest messages are fetched again: the query's
  // result updates the cache (reactions), and its readers raise the pointers.
  const link = useRef({ wasUp: false, dropped: false });
  useEffect(() => {
    const l = link.current;
    if (!connected) {
      setTyping([]);
      if (l.wasUp) l.dropped = true;
      return;
    }
    l.wasUp = true;
    if (!l.dropped) return;
    l.dropped = false;
    let cancelled = false;
    client
      .query({ query: LiveRefreshQuery, variables: { roomId }, fetchPolicy: 'network-only' })
      .then(({ data }) => {
        if (cancelled || !data) return;
        const messages = data.messages.edges.map((e) => getFragmentData(LiveMessageFragment, e.node));
        setLivePointers((live) => {
          const next = new Map(live);
          for (const reader of readPointers(messages, new Map()).values()) bump(next, reader);
          return next;
        });
      })
      .catch(() => {});
    return () => {
      cancelled = true;
    };
  }, [connected, client, roomId]);

  // Safety net against a lost "stopped typing" (see TYPING_SAFETY_MS).
  useEffect(() => {
    if (typing.length === 0) return;
    const oldest = Math.min(...typing.map((t) => t.since));
    const timer = setTimeout(
      () => setTyping((list) => list.filter((t) => Date.now() - t.since < TYPING_SAFETY_MS)),
      Math.max(0, oldest + TYPING_SAFETY_MS - Date.now()) + 50,
    );
    return () => clearTimeout(timer);
  }, [typing]);

  const typers = useMemo<Typer[]>(() => typing.map(({ id, displayName }) => ({ id, displayName })), [typing]);

  const react = useCallback(
    (messageId: string, emoji: string) => {
      void toggleReaction(client, messageId, emoji).catch(() => {});
    },
    [client],
  );

  return { onEvent, typers, pointers: livePointers, hidden, react };
}

const NOBODY: ReadonlySet<string> = new Set();

function without(set: ReadonlySet<string>, id: string): ReadonlySet<string> {
  const next = new Set(set);
  next.delete(id);
  return next;
}

/** Receipts for my messages among `messages` (see receiptsFor), from the live pointers and the messages' `readBy`. */
export function useReceipts(
  messages: readonly FragmentType<typeof LiveMessageFragment>[],
  pointers: ReadPointers,
  hidden?: ReadonlySet<string>,
) {
  return useMemo(() => {
    const list: LiveMessage_MessageFragment[] = messages.map((m) => getFragmentData(LiveMessageFragment, m));
    return receiptsFor(list, readPointers(list, pointers), hidden);
  }, [messages, pointers, hidden]);
}
