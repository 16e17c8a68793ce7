import { writeFileSync } from 'node:fs';

/**
 * Where a sent message's time goes, stage by stage: a diagnostic for the
 * benchmarks (`npm run bench -- fanout --stages`), off unless
 * `SEND_TRACE_FILE` names a file. The benchmark joins these marks with the
 * generator's send times by `clientId`, so a delivery's latency can be taken
 * apart: waiting to be read by the event loop, waiting for a statement slot,
 * the statement itself, publishing. Every stage is marked only on the path
 * the benchmarks load, the plain group send through the batcher; other
 * sends (direct rooms, replies, mentions, attachments) get only some of
 * the stages, and the benchmark leaves them out.
 *
 * Marks are absolute times in milliseconds (`performance.timeOrigin +
 * performance.now()`), comparable across the processes of one machine. Each
 * stage keeps its first mark. Off, `mark` is an empty method: nothing is
 * allocated or kept.
 */
export type SendStage =
  /** The HTTP request reached Fastify (its onRequest). */
  | 'arrived'
  /** The `sendMessage` resolver began (parsed, validated, authenticated). */
  | 'resolving'
  /** Handed to the send batcher. */
  | 'queued'
  /** Its statement was sent to PostgreSQL. */
  | 'writing'
  /** Its statement's result was back in JavaScript. */
  | 'written'
  /** The send resumed after its statement and handed its event to the room's publication order. */
  | 'committed'
  /**
   * Its event was published, after any earlier seq of the room: local
   * subscribers written, or the event on its way to Redis.
   */
  | 'published';

export const SEND_STAGES: readonly SendStage[] = [
  'arrived',
  'resolving',
  'queued',
  'writing',
  'written',
  'committed',
  'published',
];

export interface SendTraceRecord extends Partial<Record<SendStage, number>> {
  clientId: string;
  /** Messages in the statement that wrote this one. */
  batch?: number;
}

export interface SendTrace {
  readonly on: boolean;
  /** Marks `stage` for the message with this clientId (now, unless `at` is given). */
  mark(clientId: string, stage: SendStage, at?: number): void;
  /** The size of the statement that wrote the message. */
  batch(clientId: string, size: number): void;
  /** What was marked so far. */
  records(): SendTraceRecord[];
  /** Writes the records to the file as JSON (on app close). */
  flush(): void;
}

/** Marks `committed` now and `published` when `publication` settles. */
export function tracePublication<T>(trace: SendTrace, clientId: string, publication: Promise<T>): Promise<T> {
  trace.mark(clientId, 'committed');
  return publication.finally(() => trace.mark(clientId, 'published'));
}

/** Messages traced at most; later ones are not (a forgotten setting must not grow without bound). */
const MAX_RECORDS = 2_000_000;

export const traceNow = (): number => performance.timeOrigin + performance.now();

const OFF: SendTrace = {
  on: false,
  mark() {},
  batch() {},
  records: () => [],
  flush() {},
};

export function createSendTrace(file: string | undefined): SendTrace {
  if (!file) return OFF;
  const byClientId = new Map<string, SendTraceRecord>();
  const record = (clientId: string): SendTraceRecord | undefined => {
    let r = byClientId.get(clientId);
    if (!r && byClientId.size < MAX_RECORDS) {
      r = { clientId };
      byClientId.set(clientId, r);
    }
    return r;
  };
  const records = () => [...byClientId.values()];
  return {
    on: true,
    mark(clientId, stage, at) {
      const r = record(clientId);
      if (r && r[stage] === undefined) r[stage] = at ?? traceNow();
    },
    batch(clientId, size) {
      const r = record(clientId);
      if (r && r.batch === undefined) r.batch = size;
    },
    records,
    flush() {
      writeFileSync(file, JSON.stringify(records()));
    },
  };
}
