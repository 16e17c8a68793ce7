/**
 * Typing, both ways: the composer tells the server while the viewer types
 * (`setTyping`, refreshed every few seconds), and the open room's
 * TypingChanged events say who else is typing there.
 *
 * The room list shows "typing…" for every room: RoomTyping events on the
 * per-user `myEvents` stream (one stream for all rooms; see
 * useRoomListEvents) feed a tiny store, read with `useTypingRooms`. Typing is
 * not replayed after a reconnect, so the store is emptied while that stream
 * is down.
 */
import { useApolloClient } from '@apollo/client/react';
import { useCallback, useEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import { SetTypingMutation } from './documents.ts';

/** The server lapses a typer after ~6 s without a refresh; refresh well inside that. */
export const TYPING_REFRESH_MS = 3_000;

/**
 * Client-side safety net: a typer not re-announced for this long is hidden.
 * The server sends TypingChanged only when the set of typers changes (a
 * refresh by someone already typing sends nothing), and it always announces a
 * lapse after ~6 s; so a stuck entry can only come from a lost event, and the
 * list is also cleared whenever the stream drops. A shorter cap would hide
 * people typing a long message.
 */
export const TYPING_SAFETY_MS = 30_000;

export interface Typer {
  id: string;
  displayName: string;
}

/** "Alice is typing…", "Alice and Bob are typing…", "Several people are typing…"; '' for nobody. */
export function typingText(typers: readonly Typer[]): string {
  const [first, second] = typers;
  if (!first) return '';
  if (!second) return `${first.displayName} is typing…`;
  if (typers.length === 2) return `${first.displayName} and ${second.displayName} are typing…`;
  return 'Several people are typing…';
}

/**
 * Sends `setTyping(roomId, true)` while the viewer types (at most every
 * TYPING_REFRESH_MS) and `setTyping(false)` when the box is cleared (also
 * after sending), loses focus, or the room closes. Failures are ignored:
 * typing is a hint, and the server lapses it anyway.
 */
export function useTypingSender(roomId: string) {
  const client = useApolloClient();
  const state = useRef({ typing: false, lastSent: 0 });

  const send = useCallback(
    (typing: boolean) => {
      void client.mutate({ mutation: SetTypingMutation, variables: { roomId, typing } }).catch(() => {});
    },
    [client, roomId],
  );

  const stop = useCallback(() => {
    const s = state.current;
    if (!s.typing) return;
    s.typing = false;
    s.lastSent = 0;
    send(false);
  }, [send]);

  const onInput = useCallback(
    (text: string) => {
      if (text.trim() === '') return stop();
      const s = state.current;
      const now = Date.now();
      if (s.typing && now - s.lastSent < TYPING_REFRESH_MS) return;
      s.typing = true;
      s.lastSent = now;
      send(true);
    },
    [send, stop],
  );

  // Leaving the room (or the page) stops typing there.
  useEffect(() => stop, [stop]);

  return useMemo(() => ({ onInput, stop }), [onInput, stop]);
}

// --- Who is typing in each room, for the room list ------------------------

let typingByRoom: ReadonlyMap<string, readonly Typer[]> = new Map();
const listeners = new Set<() => void>();
/** Safety net per room (see TYPING_SAFETY_MS): forgets a room not re-announced for that long. */
const safetyTimers = new Map<string, ReturnType<typeof setTimeout>>();

function commit(next: Map<string, readonly Typer[]>): void {
  typingByRoom = next;
  for (const listener of listeners) listener();
}

/** Records who is typing in `roomId` (the full list from a RoomTyping; empty forgets the room). */
export function publishRoomTyping(roomId: string, typers: readonly Typer[]): void {
  clearTimeout(safetyTimers.get(roomId));
  safetyTimers.delete(roomId);
  if (typers.length > 0) {
    const timer = setTimeout(() => publishRoomTyping(roomId, []), TYPING_SAFETY_MS);
    safetyTimers.set(roomId, timer);
  }
  const before = typingByRoom.get(roomId);
  if ((before?.length ?? 0) === 0 && typers.length === 0) return;
  const next = new Map(typingByRoom);
  if (typers.length === 0) next.delete(roomId);
  else next.set(roomId, typers);
  commit(next);
}

/** Forgets everyone (the stream dropped: stops were missed and are not replayed). */
export function clearRoomTyping(): void {
  for (const timer of safetyTimers.values()) clearTimeout(timer);
  safetyTimers.clear();
  if (typingByRoom.size > 0) commit(new Map());
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Who is typing, by room, as the latest RoomTyping events said. */
export function useTypingRooms(): ReadonlyMap<string, readonly Typer[]> {
  return useSyncExternalStore(subscribe, () => typingByRoom);
}
