/**
 * Push delivery for busy subscription streams.
 *
 * graphql-js consumes a subscription's source stream by pulling: for every
 * event, `next()` on the stream (a promise), one more on each generator that
 * wraps it, then an await in the delivery loop, and that chain of pending
 * promises waits until the room's next event, typically a second later. At
 * 10,000 subscribers that is tens of thousands of promises and closures a
 * second that outlive the young generation: the scavenger copies them, then
 * promotes them, and major GCs clear them (the pauses behind fan-out tail
 * latency; BENCHMARKS.md entry 29).
 *
 * A source that implements `[PUSH]` lets the delivery loop
 * (graphql/subscription-loop.ts) hand it a sink instead: the source calls
 * `sink.next(event)` synchronously as each event arrives, in order, and
 * `sink.end()` once after the last. The loop executes and sends each event
 * at once and waits only when it must (an asynchronous execution, or a socket
 * whose send buffer is full). The source stays a normal async iterator too:
 * `return()` ends it either way, and anything that iterates it (graphql-js'
 * own subscribe, tests) still can, as long as it picks one of the two.
 */
export const PUSH = Symbol('parley.push');

export interface PushSink {
  /** The next event, in order. Never called after `end()`. */
  next(event: unknown): void;
  /** No more events. Called once. */
  end(): void;
}

export interface PushSource {
  /** Starts pushing into `sink`: what is buffered at once, later events as they arrive. Called at most once. */
  [PUSH](sink: PushSink): void;
}

export const isPushSource = (value: unknown): value is PushSource =>
  typeof value === 'object' && value !== null && typeof (value as Partial<PushSource>)[PUSH] === 'function';
