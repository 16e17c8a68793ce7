/**
 * Publishing room changes, after their transaction committed.
 *
 * Per room, publications on one instance run one after another, in commit
 * order. Members' room views are not read here: each member gets a
 * RoomViewChanged marker, and the `myEvents` subscriptions that receive it
 * read the view then (rooms.views.reader.ts, batched per room), after the
 * commit. So the last RoomUpdated a member receives for a room reflects the
 * latest committed state, even when two senders race, and a change nobody
 * is watching costs no read. (`lastSeq` in the payload lets a client keep
 * the newer of two views, and `rooms` is the truth.)
 */
import type { Tx } from '../../db/tx.ts';
import type { Deps } from '../../deps.ts';
import { keyedSequence } from '../../lib/keyed-sequence.ts';
import type { EventBus, EventPart } from '../../plugins/pubsub.ts';
import type { UserModel } from '../users/users.model.ts';
import { userTopic } from '../users/users.topics.ts';
import { listMemberIds } from './rooms.repository.ts';
import {
  type RoomEventPayload,
  type RoomRemovedEvent,
  type RoomViewChangedEvent,
  roomTopic,
} from './rooms.topics.ts';

type PublishDeps = Pick<Deps, 'db' | 'events' | 'log' | 'roomLists'>;

const sequences = new WeakMap<EventBus, ReturnType<typeof keyedSequence>>();

/** Runs `fn` after every earlier `fn` queued for `roomId` on this event bus has finished. */
function inRoomOrder(deps: PublishDeps, roomId: string, fn: () => Promise<void>): Promise<void> {
  let inOrder = sequences.get(deps.events);
  if (!inOrder) {
    inOrder = keyedSequence();
    sequences.set(deps.events, inOrder);
  }
  return inOrder(roomId, fn).catch((err: unknown) => {
    deps.log.error({ err, roomId }, 'publishing room events failed');
  });
}

/**
 * Tells each of `userIds` (every current member when omitted) that their view
 * of the room changed. The view is read by whoever listens (see above).
 */
export async function publishRoomViews(
  deps: PublishDeps,
  roomId: string,
  userIds?: readonly string[],
  known?: ReadonlyMap<string, UserModel>,
): Promise<void> {
  await deps.events.publishMany([await roomViewsPart(deps, roomId, userIds, known)]);
}

/** The RoomViewChanged markers of `publishRoomViews`, to publish with other parts. */
async function roomViewsPart(
  deps: PublishDeps,
  roomId: string,
  userIds?: readonly string[],
  known?: ReadonlyMap<string, UserModel>,
): Promise<EventPart> {
  const audience = userIds ?? (await listMemberIds(deps.db, roomId));
  // Their room lists cached here first (other instances learn from the markers).
  deps.roomLists.changed(audience);
  const marker: RoomViewChangedEvent = {
    __typename: 'RoomViewChanged',
    roomId,
    ...(known && known.size > 0 ? { users: [...known.values()] } : {}),
  };
  return { topics: audience.map(userTopic), payload: marker };
}

export interface RoomPublication {
  /** Events for `roomEvents` subscribers, in order. */
  events?: RoomEventPayload[];
  /**
   * Who gets a fresh RoomUpdated: every current member, some, or nobody.
   * 'members' reads the member list unless the writer already has it (`members`).
   */
  views?: 'members' | readonly string[];
  /** The room's members as the write saw them, when `views` is 'members' and the writer read them anyway. */
  members?: readonly string[];
  /** Users who left or were removed: they get RoomRemoved. */
  removed?: readonly string[];
  /**
   * Users the caller just read (e.g. embedded in the events): the views reuse
   * them instead of reading them again.
   */
  users?: ReadonlyMap<string, UserModel>;
}

/** Publishes `what` now, in order with the room's other publications (for changes made outside a transaction). */
export function publishRoom(deps: PublishDeps, roomId: string, what: RoomPublication): Promise<void> {
  return inRoomOrder(deps, roomId, async () => {
    // In this order, as one Redis message: the room's events, RoomRemoved, the members' markers.
    const topic = roomTopic(roomId);
    const parts: EventPart[] = (what.events ?? []).map((event) => ({ topics: [topic], payload: event }));
    if (what.removed) {
      deps.roomLists.changed(what.removed);
      const event: RoomRemovedEvent = { __typename: 'RoomRemoved', roomId };
      parts.push({ topics: what.removed.map(userTopic), payload: event });
    }
    if (what.views)
      parts.push(
        await roomViewsPart(deps, roomId, what.views === 'members' ? what.members : what.views, what.users),
      );
    await deps.events.publishMany(parts);
  });
}

/** Schedules `what` for after `tx` commits (never if it rolls back). */
export function publishAfterCommit(
  deps: PublishDeps,
  tx: Pick<Tx, 'afterCommit'>,
  roomId: string,
  what: RoomPublication,
): void {
  tx.afterCommit(() => publishRoom(deps, roomId, what));
}

/** A place in a room's publication order, taken before a write whose seq is not known yet. */
export interface SeqSlot {
  /** The write committed with `seq`: publishes `what` in seq order (resolves once published). */
  publish(seq: number, what: RoomPublication): Promise<void>;
  /** The write did not commit: frees the place (no-op after `publish`). */
  cancel(): void;
}

interface SeqOrder {
  /** Writes of the room in flight on this instance. */
  inflight: number;
  /** Committed, waiting for an earlier seq still in flight. */
  ready: { seq: number; what: RoomPublication; done: () => void }[];
  /** Highest seq published from here (or known committed), while the room has writes in flight. */
  published?: number;
  /** Forces out what waits too long (seqs taken on other instances leave gaps). */
  timer?: NodeJS.Timeout | undefined;
}

/** Longest a committed write waits for an earlier one of its room (then it is published anyway). */
const MAX_HOLD_MS = 100;

const seqOrders = new WeakMap<EventBus, Map<string, SeqOrder>>();

/**
 * For writes that commit on their own (one statement, no transaction): two
 * concurrent sends of a room can see their results arrive in the opposite
 * order of their seqs (PostgreSQL releases the room row lock before it
 * answers the first writer). Taking a slot before the write, and publishing
 * through it, keeps this instance's MessageCreated events in seq order: a
 * committed write waits while a write of the same room that started earlier
 * on this instance is still in flight, unless it is the next seq anyway
 * (`lastSeq`: the room's newest seq the caller read before writing), and at
 * most MAX_HOLD_MS.
 */
export function reserveSeqSlot(deps: PublishDeps, roomId: string, lastSeq?: number): SeqSlot {
  let byRoom = seqOrders.get(deps.events);
  if (!byRoom) {
    byRoom = new Map();
    seqOrders.set(deps.events, byRoom);
  }
  const rooms = byRoom;
  let order = rooms.get(roomId);
  if (!order) {
    order = { inflight: 0, ready: [], published: lastSeq };
    rooms.set(roomId, order);
  }
  const state = order;
  state.inflight++;
  let settled = false;

  const flush = (force = false) => {
    state.ready.sort((a, b) => a.seq - b.seq);
    while (state.ready.length > 0) {
      const next = state.ready[0] as SeqOrder['ready'][number];
      const inOrder = state.published !== undefined && next.seq === state.published + 1;
      if (state.inflight > 0 && !inOrder && !force) break;
      state.ready.shift();
      state.published = Math.max(state.published ?? 0, next.seq);
      void publishRoom(deps, roomId, next.what).then(next.done);
    }
    clearTimeout(state.timer);
    state.timer = state.ready.length > 0 ? setTimeout(() => flush(true), MAX_HOLD_MS) : undefined;
    if (state.inflight === 0 && state.ready.length === 0 && rooms.get(roomId) === state) rooms.delete(roomId);
  };

  return {
    publish(seq, what) {
      if (settled) return Promise.resolve();
      settled = true;
      return new Promise<void>((done) => {
        state.inflight--;
        state.ready.push({ seq, what, done });
        flush();
      });
    },
    cancel() {
      if (settled) return;
      settled = true;
      state.inflight--;
      flush();
    },
  };
}
