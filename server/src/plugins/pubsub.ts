import { randomBytes } from 'node:crypto';
import v8 from 'node:v8';
import fp from 'fastify-plugin';
import { Redis } from 'ioredis';
import mqemitter, { type Message, type MQEmitter } from 'mqemitter';
import mqemitterRedis from 'mqemitter-redis';
import type { Config } from '../config.ts';
import { type ChangeEpochs, changeEpochs } from '../lib/change-epochs.ts';
import { cacheMatches, type TopicMatcher } from '../lib/match-cache.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** The emitter Mercurius subscriptions listen on (in-memory, or Redis-backed across instances). */
    emitter: MQEmitter;
    /** Publishes domain events (after their transaction committed). */
    events: EventBus;
  }
}

export interface EventBus {
  /**
   * Publishes `payload` on `topic` to every subscriber on every instance.
   * Call only after the change is committed (persist, then publish). A failure
   * to publish is logged, never thrown: the change exists and clients recover
   * it through their resume point. This instance's own listeners get it
   * before this returns (with the same objects), the others' through Redis:
   * it resolves once the message is on its way to Redis (in order with
   * everything published before it), without waiting for Redis' answer.
   */
  publish(topic: string, payload: unknown): Promise<void>;
  /**
   * Publishes the same `payload` on each of `topics` (e.g. every member's
   * user topic). Across instances this is one Redis message, not one per
   * topic: each instance hands it to its own listeners of those topics, and
   * topics nobody listens to cost nothing further. Order with `publish` is
   * kept: here both deliver at once, and to the other instances both go out
   * on the same Redis connection.
   */
  publishEach(topics: readonly string[], payload: unknown): Promise<void>;
  /**
   * Publishes each part (a payload for some topics) in order, as one Redis
   * message for all of them: a sent message's room event and its members'
   * room-view markers reach every instance together, in one message instead
   * of two. The same order as publishing part by part, and as `publish`.
   * Every `publishEach`/`publishMany` of the same tick of the event loop
   * shares that message (sent when the tick ends, or before the next
   * `publish`).
   */
  publishMany(parts: readonly EventPart[]): Promise<void>;
}

/** One payload for one or more topics (see `EventBus.publishMany`). */
export interface EventPart {
  topics: readonly string[];
  payload: unknown;
}

/**
 * The Redis channel that carries `publishEach`/`publishMany` messages to every
 * instance, as one frame (`encodeFanout`). Not an mqemitter-redis topic: its
 * frames skip msgpack and its duplicate check. The version is in the name, so
 * instances of an older build (another frame) never receive these frames:
 * during a rolling upgrade across a version, old and new instances do not
 * see each other's fan-outs (clients catch up from their resume points).
 * Version 3 starts each frame with its origin (`ORIGIN_BYTES`).
 */
export const FANOUT_TOPIC = 'parley:fanout:3';

/** The length of an instance's id at the head of its fan-out frames. */
export const ORIGIN_BYTES = 8;

/**
 * A fan-out message in one buffer: the publishing instance's id
 * (`ORIGIN_BYTES`), then for each part its topics (JSON) and its payload
 * (node:v8 bytes), each behind its length (u32, big-endian). An instance
 * skips its own frames (it delivered them when it published them), reads
 * the topics and decodes a payload only when it has a listener of one of
 * its topics. Before, the payload was V8 bytes inside V8 bytes inside
 * msgpack: two encodings and two decodings more per message.
 */
export function encodeFanout(parts: readonly EventPart[], origin: Uint8Array): Buffer {
  return fanoutFrame(parts.map(encodePart), origin);
}

/** One part of a fan-out frame, encoded: its topics (JSON) and its payload (node:v8 bytes). */
interface EncodedPart {
  head: Buffer;
  body: Buffer;
}

/** Encodes a part (throws for a payload node:v8 cannot serialise). */
function encodePart({ topics, payload }: EventPart): EncodedPart {
  return { head: Buffer.from(JSON.stringify(topics)), body: v8.serialize(payload) };
}

/** The frame of `encodeFanout` from parts already encoded. */
function fanoutFrame(parts: readonly EncodedPart[], origin: Uint8Array): Buffer {
  if (origin.length !== ORIGIN_BYTES) throw new Error(`an origin is ${ORIGIN_BYTES} bytes`);
  let length = ORIGIN_BYTES;
  for (const { head, body } of parts) length += 8 + head.length + body.length;
  const frame = Buffer.allocUnsafe(length);
  frame.set(origin, 0);
  let at = ORIGIN_BYTES;
  for (const { head, body } of parts) {
    at = frame.writeUInt32BE(head.length, at);
    frame.set(head, at);
    at = frame.writeUInt32BE(body.length, at + head.length);
    frame.set(body, at);
    at += body.length;
  }
  return frame;
}

/** A tick's fan-out parts go out in frames of about this many bytes at most (a larger part alone). */
export const MAX_FRAME_BYTES = 256 * 1024;

/** Whether `frame` was published by the instance whose id is `origin`. */
export const fanoutFrom = (frame: Buffer, origin: Buffer): boolean =>
  frame.length >= ORIGIN_BYTES && origin.equals(frame.subarray(0, ORIGIN_BYTES));

/** A frame's parts, in order: each one's topics, and its payload decoded on first use. */
export function* decodeFanout(frame: Buffer): Generator<{ topics: string[]; payload: () => unknown }> {
  if (frame.length < ORIGIN_BYTES) throw new Error('truncated fan-out frame');
  let at = ORIGIN_BYTES;
  const next = () => {
    if (at + 4 > frame.length) throw new Error('truncated fan-out frame');
    const length = frame.readUInt32BE(at);
    const start = at + 4;
    at = start + length;
    if (at > frame.length) throw new Error('truncated fan-out frame');
    return frame.subarray(start, at);
  };
  while (at < frame.length) {
    const topics = JSON.parse(next().toString()) as string[];
    const body = next();
    let decoded: { value: unknown } | undefined;
    yield {
      topics,
      payload: () => {
        decoded ??= { value: v8.deserialize(body) };
        return decoded.value;
      },
    };
  }
}

type Emit = (message: { topic: string; payload: unknown }, done?: (err?: Error) => void) => void;

/** The local parts of mqemitter(-redis) used here: a topic's listeners, and delivery to them only. */
interface LocalDelivery {
  _matcher: { match(topic: string): unknown[] };
  /** mqemitter-redis keeps MQEmitter's own (local) emit under this name; it delivers what Redis brought. */
  _emit: Emit;
  emit: Emit;
}

/** v8.serialize output starts with its version tag. */
const isSerialized = (payload: unknown): payload is Uint8Array =>
  payload instanceof Uint8Array && payload[0] === 0xff;

/**
 * Payloads cross Redis as V8's structured-clone bytes (node:v8), not as
 * msgpack-lite objects: for a MessageCreated, 19 instead of 39 µs to encode
 * and 24 instead of 61 µs to decode, and Dates stay Dates. mqemitter-redis
 * still frames each message with msgpack (its id and topic); the payload is
 * one binary field in it, decoded once per message and instance, before the
 * local listeners get it (they see the same objects as before).
 *
 * Local first: the publishing instance hands the event to its own listeners
 * at once, as the in-process emitter does, and skips its echo from Redis
 * (the message carries `origin`, which instances of older builds ignore).
 * Its subscribers no longer wait for the round trip, and it decodes only
 * what other instances published.
 */
function serializePayloads(emitter: MQEmitter, origin: string): void {
  const e = emitter as unknown as LocalDelivery;
  const publish = e.emit.bind(emitter);
  const deliver = e._emit.bind(emitter);
  e.emit = (message, done) => {
    let payload: Uint8Array;
    try {
      payload = v8.serialize(message.payload);
    } catch (err) {
      done?.(err as Error);
      return;
    }
    deliver(message);
    publish({ topic: message.topic, payload, origin } as Parameters<Emit>[0], done);
  };
  e._emit = (message, done) => {
    if ((message as { origin?: unknown }).origin === origin) {
      done?.();
      return;
    }
    deliver(
      isSerialized(message.payload)
        ? { topic: message.topic, payload: v8.deserialize(message.payload) }
        : message,
      done,
    );
  };
}

/**
 * Subscription fan-out. Without REDIS_URL an in-process mqemitter (one
 * instance); with it mqemitter-redis, so a subscriber on instance A receives
 * what was written on instance B.
 */
export default fp<{ config: Config }>(
  async (app, { config }) => {
    // Our own clients: mqemitter-redis means to turn on auto-pipelining, but with a
    // connection string it builds its clients without its options. Pipelined, the
    // PUBLISHes of one event-loop turn (a message's room event and the markers for
    // each member) go out in one socket write instead of one write each.
    const redis = config.redisUrl
      ? {
          pub: new Redis(config.redisUrl, { enableAutoPipelining: true }),
          sub: new Redis(config.redisUrl),
        }
      : null;
    // This instance's id on Redis: it skips its own messages there (see serializePayloads).
    const origin = randomBytes(ORIGIN_BYTES);
    const emitter: MQEmitter = redis
      ? mqemitterRedis({ pubConn: redis.pub, subConn: redis.sub })
      : mqemitter({ concurrency: 0 });
    // Each topic's listeners looked up once until they change, not on every emit (lib/match-cache.ts).
    cacheMatches((emitter as unknown as { _matcher: TopicMatcher })._matcher);
    if (redis) {
      // biome-ignore lint/suspicious/noExplicitAny: mqemitter-redis exposes its ioredis clients untyped
      const state = emitter as any;
      // mqemitter-redis re-emits connection errors on `state`, an EventEmitter with no
      // 'error' listener: without this one, a Redis outage throws an uncaught exception
      // and kills the process. ioredis reconnects by itself; we only log.
      state.state?.on?.('error', (err: Error) =>
        app.log.warn({ err: err.message }, 'redis pub/sub connection error'),
      );
      serializePayloads(emitter, origin.toString('hex'));
      // Every instance listens on the fan-out channel and delivers to its own listeners
      // what the others published (its own it delivered when publishing them).
      // Its frames are ours: mqemitter-redis, on the same connection, is told to skip them.
      const local = emitter as unknown as LocalDelivery & { _ignoredTopicsSet: Set<string> };
      local._ignoredTopicsSet.add(FANOUT_TOPIC);
      const channel = Buffer.from(FANOUT_TOPIC);
      redis.sub.on('messageBuffer', (from: Buffer, frame: Buffer) => {
        if (!channel.equals(from) || fanoutFrom(frame, origin)) return;
        try {
          for (const part of decodeFanout(frame)) {
            for (const topic of part.topics) {
              if (local._matcher.match(topic).length === 0) continue;
              local._emit({ topic, payload: part.payload() }, (err) => {
                if (err) app.log.error({ err, topic }, 'delivering an event failed');
              });
            }
          }
        } catch (err) {
          app.log.error({ err }, 'a fan-out message from Redis could not be read');
        }
      });
      await redis.sub.subscribe(FANOUT_TOPIC);
      // A listener added while Redis is away: mqemitter-redis queues its SUBSCRIBE, and when
      // ioredis gives up on it (its retries, ~10 s) counts the topic as subscribed all the
      // same; ioredis resubscribes after a reconnection only what Redis confirmed. That
      // topic's listeners here would never hear the other instances again. On each
      // (re)connection every topic with listeners here is subscribed again (a channel
      // subscribed twice is still one subscription).
      // For the same reason a listener added while the subscriber connection is not ready
      // starts at once: its SUBSCRIBE waits in ioredis' queue (~10 s before ioredis gives up
      // on it), and a subscription started during an outage waited that long for its first
      // event, even one published here. It hears this instance at once, and the others once
      // the connection is back (it is subscribed then, below). While Redis is up, `on` still
      // calls back only once Redis confirmed the SUBSCRIBE, so a subscription that reads
      // what it missed afterwards cannot miss what another instance publishes meanwhile.
      // (A SUBSCRIBE sent just before the connection dropped, before ioredis noticed, is
      // answered as soon as it does.)
      const on = emitter.on.bind(emitter);
      const confirming = new Set<() => void>();
      emitter.on = ((topic: string, listener: Parameters<MQEmitter['on']>[1], done?: () => void) => {
        if (!done) return on(topic, listener);
        if (redis.sub.status !== 'ready') {
          on(topic, listener);
          setImmediate(done);
          return emitter;
        }
        const once = () => {
          if (confirming.delete(once)) done();
        };
        confirming.add(once);
        return on(topic, listener, once);
      }) as MQEmitter['on'];
      redis.sub.on('close', () => {
        for (const once of [...confirming]) once();
      });
      redis.sub.on('ready', () => {
        const topics = Object.keys((emitter as unknown as { _topics: Record<string, number> })._topics);
        const exact = topics.filter((t) => !t.includes('*'));
        const patterns = topics.filter((t) => t.includes('*'));
        const failed = (err: unknown) => app.log.warn({ err }, 'resubscribing after a reconnection failed');
        if (exact.length > 0) redis.sub.subscribe(...exact).catch(failed);
        if (patterns.length > 0) redis.sub.psubscribe(...patterns).catch(failed);
      });
    }
    // Publishing resolves once this instance's listeners have the event and its message is
    // queued on the Redis connection, not when Redis answers: the connection keeps the order,
    // and a publication that waited for Redis held up the room's next one (publications of a
    // room go out one after another), so a Redis outage stopped live delivery here too.
    const failed = (err: unknown, topics: readonly string[]) =>
      app.log.error({ err, topics }, 'publishing an event failed');
    /**
     * Fan-out parts published during this tick of the event loop, sent as one frame when it
     * ends: a batch of sends (up to 32 messages written by one statement) publishes every
     * message's parts in the same tick, and each Redis message costs the publisher a command
     * (an ioredis Command, its promise and its encoding, kept until Redis answers) and every
     * other instance a read and a decode. Nothing waits for it: this instance's listeners
     * have the parts at once, and the frame leaves when the tick's synchronous work and
     * promise callbacks are done, as ioredis' auto-pipelining sent each command before.
     * Each part is encoded when published (what is sent is the payload as it was then).
     */
    let outgoing: { parts: EncodedPart[]; bytes: number; topics: (readonly string[])[] } | undefined;
    const sendOutgoing = () => {
      const batch = outgoing;
      outgoing = undefined;
      if (!batch || !redis) return;
      redis.pub
        .publish(FANOUT_TOPIC, fanoutFrame(batch.parts, origin))
        .catch((err: unknown) => failed(err, batch.topics.flat()));
    };
    const publish = async (topic: string, payload: unknown) => {
      // Fan-out parts published before this go out first: the connection keeps the order.
      sendOutgoing();
      emitter.emit({ topic, payload }, (err?: Error) => {
        if (err) failed(err, [topic]);
      });
    };
    /** Each part's payload on each of its topics, as `publish` would. */
    const publishEachTopic = (parts: readonly EventPart[]) => {
      for (const { topics, payload } of parts) for (const topic of topics) void publish(topic, payload);
    };
    /** Each part to this instance's own listeners of its topics (Redis brings it to the others). */
    const deliverHere = (parts: readonly EventPart[]) => {
      const local = emitter as unknown as LocalDelivery;
      for (const { topics, payload } of parts)
        for (const topic of topics)
          local._emit({ topic, payload }, (err) => {
            if (err) app.log.error({ err, topic }, 'delivering an event failed');
          });
    };
    const publishMany = async (all: readonly EventPart[]) => {
      const parts = all.filter((p) => p.topics.length > 0);
      const [only] = parts;
      if (!only) return;
      if (!redis || (parts.length === 1 && only.topics.length === 1)) {
        publishEachTopic(parts);
        return;
      }
      let encoded: EncodedPart[];
      try {
        encoded = parts.map(encodePart);
      } catch (err) {
        failed(
          err,
          parts.flatMap((p) => p.topics),
        );
        return;
      }
      deliverHere(parts);
      if (!outgoing) {
        outgoing = { parts: [], bytes: 0, topics: [] };
        process.nextTick(sendOutgoing);
      }
      for (const [i, part] of encoded.entries()) {
        outgoing.parts.push(part);
        outgoing.bytes += part.head.length + part.body.length;
        outgoing.topics.push((parts[i] as EventPart).topics);
      }
      // A tick that publishes a great deal sends it in frames of about this size.
      if (outgoing.bytes >= MAX_FRAME_BYTES) sendOutgoing();
    };
    const events: EventBus = {
      publish,
      publishEach: (topics, payload) => publishMany([{ topics, payload }]),
      publishMany,
    };
    app.decorate('emitter', emitter);
    app.decorate('events', events);
    app.addHook('onClose', async () => {
      sendOutgoing();
      // mqemitter-redis waits for 'end' on both connections after quit(). A connection that
      // is not ready never gives it: waiting to reconnect (Redis went away), ioredis answers
      // quit() by cancelling the retry with no socket left to close; connected to a server
      // that does not answer, it queues the QUIT behind a ready check that never passes.
      // Either way shutdown hung. Such a connection is ended here: its retry cancelled, its
      // socket dropped, what waited for it failed (publishers log it), then 'end' once
      // mqemitter-redis listens for it.
      type Internals = {
        flushQueue(err: Error): void;
        setStatus(s: 'end'): void;
        stream?: { destroy(): void };
      };
      const stuck = (redis ? [redis.pub, redis.sub] : []).filter(
        (c) => c.status !== 'ready' && c.status !== 'end',
      );
      for (const conn of stuck) {
        conn.disconnect();
        const internals = conn as unknown as Internals;
        internals.stream?.destroy();
        internals.flushQueue(new Error('Connection is closed.'));
      }
      await new Promise<void>((resolve) => {
        emitter.close(() => resolve());
        for (const conn of stuck) (conn as unknown as Internals).setStatus('end');
      });
    });
  },
  { name: 'pubsub' },
);

/**
 * For per-instance caches kept correct by invalidations that every instance
 * publishes on `topic`: calls `forget` with each message's payload, and
 * `forgetAll` whenever the Redis subscription (re)connects (invalidations
 * published while it was down are lost). Returns the function that stops listening.
 */
export function listenForInvalidations(
  emitter: MQEmitter,
  topic: string,
  forget: (payload: unknown) => void,
  forgetAll: () => void,
): () => void {
  const listener = (msg: Message, done: () => void) => {
    if (msg.payload) forget(msg.payload);
    done();
  };
  emitter.on(topic, listener);
  const stopWatching = onSubscriberReconnect(emitter, forgetAll);
  return () => {
    emitter.removeListener(topic, listener);
    stopWatching();
  };
}

/**
 * Calls `fn` whenever the Redis subscriber connection (re)connects (never for
 * the in-process emitter): messages published while it was down are lost, so
 * caches kept correct by them start over. Returns the function that stops it.
 */
export function onSubscriberReconnect(emitter: MQEmitter, fn: () => void): () => void {
  // mqemitter-redis announces each (re)connection of its subscriber connection on `state`.
  const redisState = (emitter as unknown as { state?: NodeJS.EventEmitter }).state;
  redisState?.on?.('subConnect', fn);
  return () => redisState?.removeListener?.('subConnect', fn);
}

/**
 * The publishing side of `listenForInvalidations`: publishes `{ userIds }` on
 * `topic`, coalescing the ids of every call made in the same turn of the
 * event loop into one message (each call resolves once its ids are out).
 * A busy instance then sends one message per turn instead of one per write:
 * each message costs every instance a decode.
 */
export function invalidationPublisher(
  events: Pick<EventBus, 'publish'>,
  topic: string,
): (userIds: readonly string[]) => Promise<void> {
  let pending: { ids: Set<string>; sent: Promise<void> } | undefined;
  return (userIds) => {
    if (!pending) {
      const ids = new Set<string>();
      const sent = new Promise<void>((resolve) =>
        setImmediate(() => {
          pending = undefined;
          void events.publish(topic, { userIds: [...ids] }).then(resolve);
        }),
      );
      pending = { ids, sent };
    }
    for (const id of userIds) pending.ids.add(id);
    return pending.sent;
  };
}

/**
 * The invalidation side of a per-instance cache whose `entries` are keyed by
 * user id and published on `topic` as `{ userIds }`: `changed` forgets the
 * users here at once and on every instance; every entry goes when the Redis
 * subscription (re)connects; `epochs` tells a read whether a change came in
 * while it ran (so it stores nothing stale).
 */
export function userKeyedInvalidation(
  emitter: MQEmitter,
  events: Pick<EventBus, 'publish'>,
  topic: string,
  entries: Map<string, unknown>,
  maxTracked: number,
): { epochs: ChangeEpochs; changed(userIds: readonly string[]): Promise<void>; close(): void } {
  const epochs = changeEpochs(maxTracked);
  const forget = (ids: readonly unknown[]) => {
    for (const id of ids) if (typeof id === 'string') entries.delete(id);
    epochs.changed(ids);
  };
  const forgetAll = () => {
    epochs.changedAll();
    entries.clear();
  };
  const publish = invalidationPublisher(events, topic);
  const stopListening = listenForInvalidations(
    emitter,
    topic,
    (payload) => {
      const ids = (payload as { userIds?: unknown }).userIds;
      if (Array.isArray(ids)) forget(ids);
    },
    forgetAll,
  );
  return {
    epochs,
    async changed(userIds) {
      if (userIds.length === 0) return;
      forget(userIds);
      await publish(userIds);
    },
    close() {
      stopListening();
      forgetAll();
    },
  };
}
