import type { Db } from '../../db/index.ts';
import * as repo from './messages.repository.ts';
import type { SendTrace } from './messages.send-trace.ts';

/**
 * Group commit for the plain group send (`sendPlainToGroup`), the hot path of
 * a chat server. While fewer than `maxInFlight` send statements run, a send is
 * written at once, exactly as before: no added latency. When they all run,
 * sends wait and the next free slot writes up to `maxBatch` of them in one
 * statement (`sendPlainToGroupBatch`): one round trip, one commit and one
 * wakeup of the database backend for many messages. A busy instance thus does
 * less work per message the busier it gets, instead of queueing single sends
 * for the pool.
 *
 * Every message keeps its own outcome. A batch that fails as a whole (a retry
 * racing its original for a clientId, a lost connection) is written again one
 * message at a time, so each caller gets its own result or its own error.
 */
export interface SendBatcher {
  send(msg: repo.PlainSend): Promise<repo.PlainSendResult>;
  /** Statements and messages written so far (benchmarks, tests). */
  readonly stats: { statements: number; messages: number; batches: number; fallbacks: number };
}

interface Waiting {
  msg: repo.PlainSend;
  resolve(result: repo.PlainSendResult): void;
  reject(err: unknown): void;
}

export interface SendBatcherOptions {
  /** Send statements running at once before sends wait to be batched (≥ 1). */
  maxInFlight: number;
  /** Messages per statement at most; 1 turns batching off. */
  maxBatch: number;
  /** Marks `queued`, `writing` and `written` (benchmarks). */
  trace?: SendTrace | undefined;
}

export function createSendBatcher(db: Db, opts: SendBatcherOptions): SendBatcher {
  const maxInFlight = Math.max(1, opts.maxInFlight);
  const maxBatch = Math.max(1, opts.maxBatch);
  const stats = { statements: 0, messages: 0, batches: 0, fallbacks: 0 };
  let inFlight = 0;
  let queue: Waiting[] = [];
  const trace = opts.trace?.on ? opts.trace : undefined;
  const single = (msg: repo.PlainSend) => {
    stats.statements++;
    stats.messages++;
    const statement = repo.sendPlainToGroup(db, msg);
    return trace ? traceStatement(trace, [msg], statement) : statement;
  };

  /** Writes `batch` (one statement, or one per message after a failure), then starts the next. */
  const write = async (batch: Waiting[]) => {
    inFlight++;
    try {
      if (batch.length === 1) {
        const [w] = batch as [Waiting];
        await single(w.msg).then(w.resolve, w.reject);
        return;
      }
      let results: repo.PlainSendResult[];
      try {
        stats.statements++;
        stats.batches++;
        const msgs = batch.map((w) => w.msg);
        const statement = repo.sendPlainToGroupBatch(db, msgs);
        results = await (trace ? traceStatement(trace, msgs, statement) : statement);
        stats.messages += batch.length;
      } catch {
        // Nothing of the batch was written (one statement): each message on its own.
        stats.fallbacks++;
        await Promise.all(batch.map((w) => single(w.msg).then(w.resolve, w.reject)));
        return;
      }
      batch.forEach((w, i) => {
        w.resolve(results[i]);
      });
    } finally {
      inFlight--;
      drain();
    }
  };

  /** Takes up to maxBatch waiting sends, at most one per (sender, clientId): a batch must not hold a retry and its original. */
  const take = (): Waiting[] => {
    if (queue.length <= 1) {
      const all = queue;
      queue = [];
      return all;
    }
    const batch: Waiting[] = [];
    const rest: Waiting[] = [];
    const keys = new Set<string>();
    for (const w of queue) {
      const key = `${w.msg.sender_id}\u0000${w.msg.client_id}`;
      if (batch.length < maxBatch && !keys.has(key)) {
        keys.add(key);
        batch.push(w);
      } else rest.push(w);
    }
    queue = rest;
    return batch;
  };

  const drain = () => {
    while (inFlight < maxInFlight && queue.length > 0) void write(take());
  };

  return {
    stats,
    send(msg) {
      trace?.mark(msg.client_id, 'queued');
      // Off: straight to the pool, as before batching existed.
      if (maxBatch === 1) return single(msg);
      // A free slot takes it at once (a batch of one); otherwise it waits for the next free slot.
      return new Promise((resolve, reject) => {
        queue.push({ msg, resolve, reject });
        drain();
      });
    },
  };
}

/** Marks `writing` (with the statement's size) now and `written` when `statement` settles. */
async function traceStatement<T>(
  trace: SendTrace,
  msgs: readonly repo.PlainSend[],
  statement: Promise<T>,
): Promise<T> {
  for (const m of msgs) {
    trace.mark(m.client_id, 'writing');
    trace.batch(m.client_id, msgs.length);
  }
  try {
    return await statement;
  } finally {
    for (const m of msgs) trace.mark(m.client_id, 'written');
  }
}
