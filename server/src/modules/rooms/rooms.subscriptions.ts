/**
 * Live streams: `roomEvents` (one room, with optional replay) and `myEvents`
 * (the viewer's per-user topic).
 *
 * Both wrap the subscription's queue (`ctx.pubsub.subscribe(topic)` resolves
 * once the listener is registered, then buffers events; see
 * graphql/subscription-queue.ts). Closing the
 * subscription context removes the emitter listeners and ends the queue; our
 * iterators call it both when they end on their own and when the client stops
 * (graphql-js calls `return()`), so no listener outlives its subscription.
 */
import type { Deps, Viewer } from '../../deps.ts';
import { badInput, forbidden } from '../../graphql/errors.ts';
import { PUSH, type PushSink, type PushSource } from '../../graphql/push-stream.ts';
import { shareable } from '../../graphql/shared-execution.ts';
import { isUuid } from '../../lib/ids.ts';
import { resumePoint, resyncRequired, stamped } from '../../lib/resume.ts';
import { embedMessageUsers } from '../messages/messages.embed.ts';
import * as messagesRepo from '../messages/messages.repository.ts';
import { roomEventFilter } from '../presence/presence.topics.ts';
import { type MyEventPayload, userTopic } from '../users/users.topics.ts';
import type { RoomModel, RoomView } from './rooms.model.ts';
import * as repo from './rooms.repository.ts';
import {
  type MessageCreatedEvent,
  type RoomEventPayload,
  type RoomUpdatedEvent,
  type RoomViewChangedEvent,
  roomTopic,
} from './rooms.topics.ts';
import { readRoomView } from './rooms.views.reader.ts';
import * as views from './rooms.views.repository.ts';
import { embedUsers, roomViewToModel } from './rooms.views.ts';

/** A subscription's event queue (graphql/subscription-queue.ts); `pushTo` is push mode (graphql/push-stream.ts). */
type EventQueue = AsyncIterable<unknown> & {
  pushTo?(deliver: (item: unknown) => void, onEnd: () => void): void;
};

/** What Mercurius puts in a subscription's context as `pubsub` (graphql/subscription-queue.ts). */
export interface SubscriptionPubSub {
  subscribe(topic: string): Promise<EventQueue>;
  close(): unknown;
}

/**
 * One stamped copy of each live event per instance, delivered to every
 * subscriber that gets it unchanged: subscribers with the same selection then
 * share one execution and one JSON encoding (graphql/shared-execution.ts).
 * `at` is when this instance first delivered it.
 */
const stampedLive = new WeakMap<object, RoomEventPayload & { at: Date }>();
function stampedOnce(event: RoomEventPayload): RoomEventPayload & { at: Date } {
  let copy = stampedLive.get(event);
  if (!copy) {
    copy = shareable(stamped(event));
    stampedLive.set(event, copy);
  }
  return copy;
}

/** Events whose seq is a message's own (a replayed MessageCreated already covered it). */
const SEQ_CREATING = new Set([
  'MessageCreated',
  'MemberJoined',
  'MemberLeft',
  'MemberRoleChanged',
  'RoomRenamed',
]);

/**
 * Makes a generator closable while it waits: `return()` first closes the source
 * (ending a pending `next()`), then finishes the generator. An async
 * generator's own return() would wait until the next event arrived. With
 * `push`, the stream can also be consumed by push (graphql/push-stream.ts).
 */
function closable<T>(
  start: () => AsyncGenerator<T>,
  close: () => unknown,
  push?: PushSource[typeof PUSH],
): AsyncGenerator<T> & Partial<PushSource> {
  // The generator is made on first use: a stream consumed by push never needs it.
  let gen: AsyncGenerator<T> | undefined;
  const started = () => {
    gen ??= start();
    return gen;
  };
  const it: AsyncGenerator<T> & Partial<PushSource> = {
    next: () => started().next(),
    return: async (value) => {
      close();
      return gen ? gen.return(value as never) : { done: true, value: value as never };
    },
    throw: async (err) => {
      close();
      return started().throw(err);
    },
    [Symbol.asyncIterator]: () => it,
    [Symbol.asyncDispose]: async () => {
      await it.return(undefined as never);
    },
    ...(push ? { [PUSH]: push } : {}),
  };
  return it;
}

/**
 * Subscribes the viewer to a room's events. FORBIDDEN unless a member (checked
 * before any listener is attached, and again once it is, so a removal that
 * raced the subscription cannot leave a non-member listening). With
 * `afterSeq`, first replays the messages after it from PostgreSQL: the topic
 * is subscribed before the replay is read and live events are buffered, so
 * dropping live events at or below the last replayed seq leaves no gap and no
 * duplicate. Ends right after the MemberLeft about the viewer.
 */
export async function roomEvents(
  deps: Deps,
  viewer: Viewer,
  pubsub: SubscriptionPubSub,
  roomId: string,
  afterSeq: number | null | undefined,
  since?: Date | null,
  reading = true,
): Promise<AsyncGenerator<RoomEventPayload>> {
  const refuse = () => forbidden('You are not a member of this room');
  if (since && afterSeq == null) throw badInput('`since` needs `afterSeq`', { field: 'since' });
  // Validates `since` (not in the future) before anything is subscribed.
  const changesFrom = since ? resumePoint(deps.config, since).from : null;
  if (!isUuid(roomId)) throw refuse();
  const id = roomId.toLowerCase();
  if (afterSeq != null && (!Number.isInteger(afterSeq) || afterSeq < 0))
    throw badInput('afterSeq must be a non-negative integer', { field: 'afterSeq' });
  if (!(await repo.findMembership(deps.db, id, viewer.userId))) throw refuse();

  const queue = await pubsub.subscribe(roomTopic(id));
  let replay: RoomEventPayload[] = [];
  let highWater: number | undefined;
  try {
    const m = await repo.findMembership(deps.db, id, viewer.userId);
    if (!m) throw refuse();
    if (afterSeq != null) {
      const from = Math.max(afterSeq, Number(m.visible_from_seq) - 1);
      const lastSeq = Number(m.last_seq);
      // Never a seq the server handed out: following from it would drop every live message up to it.
      if (afterSeq > lastSeq)
        throw badInput(`afterSeq ${afterSeq} is past the room's newest message (seq ${lastSeq})`, {
          field: 'afterSeq',
        });
      const max = deps.config.roomReplayMax;
      if (lastSeq - from > max) {
        // Too far behind to replay: the client pages the gap with messagesAfter;
        // live events start after the newest seq it was told about.
        const reason = `${lastSeq - from} messages were missed, more than the replay limit of ${max}`;
        replay = [{ __typename: 'ResyncRequired', roomId: id, afterSeq, lastSeq, reason }];
        highWater = lastSeq;
      } else {
        const replayed = await replayEvents(deps, id, from, Number(m.visible_from_seq), max);
        replay = replayed;
        highWater = replayed.at(-1)?.seq ?? afterSeq;
      }
      if (changesFrom)
        replay = [
          ...(await replayChanges(deps, id, afterSeq, Number(m.visible_from_seq), changesFrom, max)),
          ...replay,
        ];
    }
  } catch (err) {
    pubsub.close();
    throw err;
  }
  // While a reading stream runs the viewer counts as looking at the room (notifications skip it).
  const leaveRoom = reading ? deps.presence.enterRoom(viewer.userId, id) : () => {};
  // Per subscriber: no own typing, receipts never backwards (presence.topics.ts).
  const personalize = roomEventFilter(viewer.userId);

  /** A live event as this viewer gets it: undefined to skip it, LAST for their own departure (then the end). */
  const LAST = Symbol('last');
  function live(raw: unknown): RoomEventPayload | undefined | typeof LAST {
    const event = raw as RoomEventPayload;
    if (event.__typename === 'MemberLeft' && event.user.id === viewer.userId) return LAST;
    if (
      highWater !== undefined &&
      SEQ_CREATING.has(event.__typename) &&
      (event as { seq: number }).seq <= highWater
    )
      return undefined;
    const shown = personalize(event);
    if (shown) return shown === event ? stampedOnce(event) : stamped(shown);
    return undefined;
  }
  /** The replay as this viewer gets it, each event stamped as it is handed over. */
  function* replayed(): Generator<RoomEventPayload> {
    const events = replay;
    replay = [];
    for (const event of events) {
      const shown = personalize(event);
      if (shown) yield stamped(shown);
    }
  }
  const close = () => {
    leaveRoom();
    pubsub.close();
  };

  async function* run(): AsyncGenerator<RoomEventPayload> {
    try {
      yield* replayed();
      for await (const raw of queue) {
        const shown = live(raw);
        if (shown === LAST) {
          yield stamped(raw as RoomEventPayload); // the viewer's own departure is the last thing they see
          return;
        }
        if (shown) yield shown;
      }
    } finally {
      close();
    }
  }

  // The same stream by push: replay, then live events as they arrive, then the end.
  const pushTo = queue.pushTo?.bind(queue);
  const push = pushTo
    ? (sink: PushSink) => {
        let ended = false;
        const end = () => {
          if (ended) return;
          ended = true;
          close();
          sink.end();
        };
        for (const event of replayed()) sink.next(event);
        pushTo((raw) => {
          const shown = live(raw);
          if (shown === LAST) {
            sink.next(stamped(raw as RoomEventPayload));
            end();
          } else if (shown) sink.next(shown);
        }, end);
      }
    : undefined;
  return closable(run, close, push);
}

/** MessageCreated for each visible message after `from`, ascending, users embedded (two statements). */
async function replayEvents(
  deps: Deps,
  roomId: string,
  from: number,
  minSeq: number,
  limit: number,
): Promise<MessageCreatedEvent[]> {
  const rows = await messagesRepo.listHistory(deps.db, {
    roomId,
    minSeq,
    afterSeq: from,
    limit,
    order: 'asc',
  });
  const { messages } = await embedMessageUsers(deps.db, rows);
  return messages.map((message) => ({ __typename: 'MessageCreated', roomId, seq: message.seq, message }));
}

/**
 * What changed, after `from`, about what a resuming client already holds
 * (messages up to `afterSeq`): MessageEdited / MessageDeleted with each
 * message as it is now, then ReadReceipt for each member whose pointer moved
 * (members sharing receipts only). Absolute states, so an event the client
 * already had is harmless. At most `limit` messages.
 */
async function replayChanges(
  deps: Deps,
  roomId: string,
  afterSeq: number,
  minSeq: number,
  from: Date,
  limit: number,
): Promise<RoomEventPayload[]> {
  const [rows, readers] = await Promise.all([
    messagesRepo.changedSince(deps.db, { roomId, minSeq, maxSeq: afterSeq, since: from, limit }),
    repo.readPointersMovedSince(deps.db, roomId, from),
  ]);
  const { messages, users } = await embedMessageUsers(
    deps.db,
    rows,
    readers.map((r) => r.user_id),
  );
  const changes: RoomEventPayload[] = messages.map((message) =>
    message.deletedAt
      ? { __typename: 'MessageDeleted', roomId, seq: message.seq, message }
      : { __typename: 'MessageEdited', roomId, seq: message.seq, message },
  );
  for (const r of readers) {
    const user = users.get(r.user_id);
    if (user && r.last_read_at)
      changes.push({
        __typename: 'ReadReceipt',
        roomId,
        user,
        seq: Number(r.last_read_seq),
        readAt: r.last_read_at,
      });
  }
  return changes;
}

/** Most rooms (and departures) a `myEvents(since)` replay sends; beyond, StreamResyncRequired. */
const MAX_ROOM_REPLAY = 200;

/**
 * The viewer's per-user stream: RoomUpdated / RoomRemoved, and what other
 * modules publish there, each stamped with `at` on delivery. With `since`,
 * first replays from PostgreSQL (see lib/resume.ts): RoomUpdated for each
 * room that changed, RoomRemoved for each room left; or StreamResyncRequired
 * when contacts changed (not replayable), `since` is too old, or too much
 * changed. The topic is subscribed before the replay is read; a buffered
 * live RoomUpdated older than the replayed snapshot of its room is dropped,
 * so the client never goes back to an older state.
 */
export async function myEvents(
  deps: Deps,
  viewer: Viewer,
  pubsub: SubscriptionPubSub,
  since: Date | null | undefined,
  present: (room: RoomModel) => RoomView,
): Promise<AsyncGenerator<MyEventPayload>> {
  const queue = await pubsub.subscribe(userTopic(viewer.userId));
  let replay: MyEventPayload[] = [];
  const replayed = new Map<string, RoomModel>();
  try {
    if (since) replay = await replayMyEvents(deps, viewer.userId, since, replayed, present);
  } catch (err) {
    pubsub.close();
    throw err;
  }
  async function* run(): AsyncGenerator<MyEventPayload> {
    try {
      for (const event of replay) yield stamped(event);
      for await (const raw of queue) {
        let event = raw as MyEventPayload;
        if (event.__typename === 'RoomViewChanged') {
          const room = await currentView(deps, event as unknown as RoomViewChangedEvent, viewer.userId);
          if (!room) continue;
          const snapshot = replayed.get(room.id);
          if (snapshot && isOlder(room, snapshot)) continue;
          event = { __typename: 'RoomUpdated', room: present(room) } satisfies RoomUpdatedEvent;
        }
        yield stamped(event);
      }
    } finally {
      pubsub.close();
    }
  }
  return closable(run, () => pubsub.close());
}

/**
 * The viewer's view of a changed room, read now (batched with this instance's
 * other listeners of the room); undefined when it is not in their list. A
 * failed read is logged and skipped, as a failed publication was: the room
 * list catches up with the next change, or with `rooms` / `myEvents(since)`.
 */
async function currentView(
  deps: Deps,
  marker: RoomViewChangedEvent,
  userId: string,
): Promise<RoomModel | undefined> {
  try {
    return await readRoomView(deps.db, marker, userId);
  } catch (err) {
    deps.log.error({ err, roomId: marker.roomId }, 'reading a room view for myEvents failed');
    return undefined;
  }
}

/** `a` is an older view of the room than `b`: every part of a room view only moves one way. */
function isOlder(a: RoomModel, b: RoomModel): boolean {
  if (a.lastSeq !== b.lastSeq) return a.lastSeq < b.lastSeq;
  if (a.lastReadSeq !== b.lastReadSeq) return a.lastReadSeq < b.lastReadSeq;
  return a.unreadCount > b.unreadCount; // deletions only lower it
}

async function replayMyEvents(
  deps: Deps,
  userId: string,
  since: Date,
  replayed: Map<string, RoomModel>,
  present: (room: RoomModel) => RoomView,
): Promise<MyEventPayload[]> {
  const point = resumePoint(deps.config, since);
  if (point.tooOld) return [resyncRequired('The resume point is older than the resume window')];
  const contactsAt = await views.contactsChangedAt(deps.db, userId);
  if (contactsAt && contactsAt > point.from)
    return [resyncRequired('Contacts changed since the resume point; refetch contacts and requests')];
  const [rows, departures] = await Promise.all([
    views.changedRoomViews(deps.db, userId, point.from, MAX_ROOM_REPLAY + 1),
    views.departuresSince(deps.db, userId, point.from, MAX_ROOM_REPLAY + 1),
  ]);
  if (rows.length > MAX_ROOM_REPLAY || departures.length > MAX_ROOM_REPLAY)
    return [resyncRequired(`More than ${MAX_ROOM_REPLAY} rooms changed since the resume point`)];
  const rooms = await embedUsers(deps.db, rows.map(roomViewToModel));
  for (const room of rooms) replayed.set(room.id, room);
  const current = new Set(rooms.map((r) => r.id));
  return [
    ...departures
      .filter((d) => !current.has(d.room_id))
      .map((d): MyEventPayload => ({ __typename: 'RoomRemoved', roomId: d.room_id })),
    ...rooms.map((room) => ({ __typename: 'RoomUpdated', room: present(room) }) satisfies RoomUpdatedEvent),
  ];
}
