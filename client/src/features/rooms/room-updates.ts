/**
 * The RoomUpdated events of the viewer's stream (`myEvents`, subscribed once
 * by the room list, see useRoomListEvents), for other parts of the page that
 * follow one room. The server sends RoomUpdated only to the room's members,
 * after the RoomRemoved that ends a membership: an open conversation the
 * viewer was removed from learns from the next one that they were added back.
 */
type Listener = () => void;

const listeners = new Map<string, Set<Listener>>();

/** Tells the listeners of `roomId` that a RoomUpdated for it arrived. */
export function publishRoomUpdated(roomId: string): void {
  for (const listener of [...(listeners.get(roomId) ?? [])]) listener();
}

/** Calls `listener` on each RoomUpdated for `roomId`; returns the unsubscribe function. */
export function onRoomUpdated(roomId: string, listener: Listener): () => void {
  let set = listeners.get(roomId);
  if (!set) {
    set = new Set();
    listeners.set(roomId, set);
  }
  set.add(listener);
  return () => {
    set.delete(listener);
    if (set.size === 0) listeners.delete(roomId);
  };
}
