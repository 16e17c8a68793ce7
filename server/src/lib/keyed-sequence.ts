/**
 * Runs tasks one after another per key: a task starts once every task queued
 * earlier for its key has settled (whether it succeeded or not), and tasks of
 * other keys do not wait. A key with nothing queued holds no memory. Each call
 * returns its own task's outcome.
 */
export function keyedSequence(): <T>(key: string, task: () => Promise<T>) => Promise<T> {
  const tails = new Map<string, Promise<void>>();
  return (key, task) => {
    const run = (tails.get(key) ?? Promise.resolve()).then(task);
    const settled = run.then(
      () => {},
      () => {},
    );
    tails.set(key, settled);
    void settled.then(() => {
      if (tails.get(key) === settled) tails.delete(key);
    });
    return run;
  };
}
