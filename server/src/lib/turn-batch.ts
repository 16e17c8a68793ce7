/**
 * Calls made during one turn of the event loop, run together as one batch
 * once the turn is over (`setImmediate`): for example every `sendMessage` of
 * the turn counting against its rate limit in one Redis round trip, instead
 * of one each. A busy instance handles many requests per turn, so the number
 * of round trips then grows with turns, not with requests; an idle one waits
 * at most for the rest of the current turn.
 */
export type BatchRunner<I, O> = (items: I[]) => Promise<O[]>;

interface Waiting<I, O> {
  item: I;
  resolve(value: O): void;
  reject(err: unknown): void;
}

/**
 * Returns a function that queues one item and resolves with its result.
 * `run` gets at most `maxBatch` items per call and must return one result per
 * item, in order; if it throws or rejects, every call of that batch rejects.
 */
export function turnBatcher<I, O>(run: BatchRunner<I, O>, maxBatch = 256): (item: I) => Promise<O> {
  let queue: Waiting<I, O>[] = [];
  const runPart = (part: Waiting<I, O>[]) => {
    Promise.resolve()
      .then(() => run(part.map((w) => w.item)))
      .then(
        (results) => {
          if (results.length !== part.length)
            throw new Error(`batch returned ${results.length} results for ${part.length} items`);
          for (const [i, w] of part.entries()) w.resolve(results[i] as O);
        },
        (err: unknown) => {
          for (const w of part) w.reject(err);
        },
      )
      .catch((err: unknown) => {
        for (const w of part) w.reject(err);
      });
  };
  const flush = () => {
    const all = queue;
    queue = [];
    for (let i = 0; i < all.length; i += maxBatch) runPart(all.slice(i, i + maxBatch));
  };
  return (item) =>
    new Promise<O>((resolve, reject) => {
      if (queue.length === 0) setImmediate(flush);
      queue.push({ item, resolve, reject });
    });
}
