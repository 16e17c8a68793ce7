/**
 * Live streams: `roomEvents` (one room, with optional replay) and `myEvents`
 * (the viewer's per-user topic).
 *
 * Both wrap Mercurius' per-subscription queue (`ctx.pubsub.subscribe(topic)`
 * resolves once the listener is registered, then buffers events). Closing the
 * subscription context removes the emitter listeners and ends the queue; our
 * iterators call it both when they end on their own and when the client stops
 * (graphql-js calls `return()`), so no listener outlives its subscription.
 */
import type { Deps, Viewer } from '../../deps.ts';
import { badInput, forbidden } from '../../graphql/errors.ts';
import { isUuid } from '../../lib/ids.ts';
import { messageRowToModel } from '../messages/messages.model.ts';
import * as messagesRepo from '../messages/messages.repository.ts';
import { userRowToModel } from '../users/users.model.ts';
import { findUsersByIds } from '../users/users.repository.ts';
import { type MyEventPayload, userTopic } from '../users/users.topics.ts';
import * as repo from './rooms.repository.ts';
import { type MessageCreatedEvent, type RoomEventPayload, roomTopic } from './rooms.topics.ts';

/** Mercurius' per-subscription queue: a readable-stream Readable in object mode. */
interface EventQueue extends AsyncIterable<unknown> {
  iterator?(options: { destroyOnReturn: boolean }): AsyncIterable<unknown>;
}

/** What Mercurius puts in a subscription's context as `pubsub` (lib/subscriber.js SubscriptionContext). */
export interface SubscriptionPubSub {
  subscribe(topic: string): Promise<EventQueue>;
  close(): unknown;
}

/**
 * Iterates the queue without destroying it when we stop early: a destroyed,
 * unfinished Readable emits an AbortError that Mercurius logs as an error.
 * Closing the subscription context (which we always do) ends the queue.
 */
const events = (queue: EventQueue): AsyncIterable<unknown> =>
  queue.iterator ? queue.iterator({ destroyOnReturn: false }) : queue;

/** Most messages a `roomEvents(afterSeq)` replay sends; further behind, use `messagesAfter` first. */
export const MAX_REPLAY = 1000;

/** Events whose seq is a message's own (a replayed MessageCreated already covered it). */
const SEQ_CREATING = new Set(['MessageCreated', 'MemberJoined', 'MemberLeft', 'RoomRenamed']);

/**
 * Makes `gen` closable while it waits: `return()` first closes the source
 * (ending a pending `next()`), then finishes the generator. An async
 * generator's own return() would wait until the next event arrived.
 */
function closable<T>(gen: AsyncGenerator<T>, close: () => unknown): AsyncGenerator<T> {
  const it: AsyncGenerator<T> = {
    next: () => gen.next(),
    return: async (value) => {
      close();
      return gen.return(value as never);
    },
    throw: async (err) => {
      close();
      return gen.throw(err);
    },
    [Symbol.asyncIterator]: () => it,
    [Symbol.asyncDispose]: async () => {
      await it.return(undefined as never);
    },
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
): Promise<AsyncGenerator<RoomEventPayload>> {
  const refuse = () => forbidden('You are not a member of this room');
  if (!isUuid(roomId)) throw refuse();
  const id = roomId.toLowerCase();
  if (afterSeq != null && (!Number.isInteger(afterSeq) || afterSeq < 0))
    throw badInput('afterSeq must be a non-negative integer', { field: 'afterSeq' });
  if (!(await repo.findMembership(deps.db, id, viewer.userId))) throw refuse();

  const queue = await pubsub.subscribe(roomTopic(id));
  let replay: MessageCreatedEvent[] = [];
  let highWater: number | undefined;
  try {
    const m = await repo.findMembership(deps.db, id, viewer.userId);
    if (!m) throw refuse();
    if (afterSeq != null) {
      const from = Math.max(afterSeq, Number(m.visible_from_seq) - 1);
      if (Number(m.last_seq) - from > MAX_REPLAY)
        throw badInput(`More than ${MAX_REPLAY} messages to replay: fetch them with messagesAfter first`, {
          field: 'afterSeq',
        });
      replay = await replayEvents(deps, id, from, Number(m.visible_from_seq));
      highWater = replay.at(-1)?.seq ?? afterSeq;
    }
  } catch (err) {
    pubsub.close();
    throw err;
  }

  async function* run(): AsyncGenerator<RoomEventPayload> {
    try {
      yield* replay;
      for await (const raw of events(queue)) {
        const event = raw as RoomEventPayload;
        if (event.__typename === 'MemberLeft' && event.user.id === viewer.userId) {
          yield event; // the viewer's own departure is the last thing they see
          return;
        }
        if (highWater !== undefined && SEQ_CREATING.has(event.__typename) && event.seq <= highWater) continue;
        yield event;
      }
    } finally {
      pubsub.close();
    }
  }
  return closable(run(), () => pubsub.close());
}

/** MessageCreated for each visible message after `from`, ascending, users embedded (two statements). */
async function replayEvents(
  deps: Deps,
  roomId: string,
  from: number,
  minSeq: number,
): Promise<MessageCreatedEvent[]> {
  const rows = await messagesRepo.listHistory(deps.db, {
    roomId,
    minSeq,
    afterSeq: from,
    limit: MAX_REPLAY,
    order: 'asc',
  });
  const messages = rows.map(messageRowToModel);
  const ids = new Set(messages.flatMap((m) => [...(m.senderId ? [m.senderId] : []), ...m.mentionIds]));
  const users = new Map((await findUsersByIds(deps.db, [...ids])).map((u) => [u.id, userRowToModel(u)]));
  return messages.map((m) => ({
    __typename: 'MessageCreated',
    roomId,
    seq: m.seq,
    message: {
      ...m,
      sender: m.senderId ? (users.get(m.senderId) ?? null) : null,
      mentionUsers: m.mentionIds.flatMap((u) => users.get(u) ?? []),
    },
  }));
}

/** The viewer's per-user stream: RoomUpdated / RoomRemoved, and what other modules publish there. */
export async function myEvents(
  viewer: Viewer,
  pubsub: SubscriptionPubSub,
): Promise<AsyncGenerator<MyEventPayload>> {
  const queue = await pubsub.subscribe(userTopic(viewer.userId));
  async function* run(): AsyncGenerator<MyEventPayload> {
    try {
      for await (const event of events(queue)) yield event as MyEventPayload;
    } finally {
      pubsub.close();
    }
  }
  return closable(run(), () => pubsub.close());
}
