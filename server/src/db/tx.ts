import type { Transaction } from 'kysely';
import type { Deps } from '../deps.ts';
import type { DB } from './index.ts';

/** A transaction plus hooks that run only after it committed. */
export interface Tx {
  readonly trx: Transaction<DB>;
  /**
   * Runs `fn` after the transaction commits (never if it rolls back): the place
   * to publish events, so subscribers never see a change that does not exist.
   * A failing hook is logged; the committed change stands.
   */
  afterCommit(fn: () => unknown): void;
}

/**
 * How long a request waits for its after-commit hooks. Normally they finish in
 * milliseconds and the caller returns after its events went out (so a client
 * that sees the mutation's result can count on its events being on their way).
 * When pub/sub is down (Redis restarting), publishing waits in the client's
 * offline queue until it reconnects: the request returns after this long
 * instead of hanging, and the hooks finish in the background.
 */
export const AFTER_COMMIT_WAIT_MS = 2_000;

/** Runs `fn` in a transaction, then its after-commit hooks in registration order. */
export async function inTransaction<T>(
  deps: Pick<Deps, 'db' | 'log'>,
  fn: (tx: Tx) => Promise<T>,
): Promise<T> {
  const hooks: (() => unknown)[] = [];
  const result = await deps.db.transaction().execute((trx) => fn({ trx, afterCommit: (h) => hooks.push(h) }));
  await runAfterCommit(deps, hooks);
  return result;
}

/**
 * For a unit of work that writes with a single statement (atomic on its own):
 * runs `fn`, which executes that statement on `deps.db` in autocommit, then
 * the hooks it registered, exactly like `inTransaction` but without the
 * BEGIN and COMMIT round trips. If `fn` throws, no hook runs.
 */
export async function inOneStatement<T>(
  deps: Pick<Deps, 'log'>,
  fn: (tx: Pick<Tx, 'afterCommit'>) => Promise<T>,
): Promise<T> {
  const hooks: (() => unknown)[] = [];
  const result = await fn({ afterCommit: (h) => hooks.push(h) });
  await runAfterCommit(deps, hooks);
  return result;
}

/** Runs after-commit hooks in order, waiting for them at most AFTER_COMMIT_WAIT_MS. */
async function runAfterCommit(deps: Pick<Deps, 'log'>, hooks: readonly (() => unknown)[]): Promise<void> {
  if (hooks.length === 0) return;
  const run = (async () => {
    for (const hook of hooks) {
      try {
        await hook();
      } catch (err) {
        deps.log.error({ err }, 'after-commit hook failed');
      }
    }
  })();
  let timer: NodeJS.Timeout | undefined;
  const waited = new Promise<void>((resolve) => {
    timer = setTimeout(() => {
      deps.log.warn(
        { waitedMs: AFTER_COMMIT_WAIT_MS },
        'after-commit hooks still running; returning without them',
      );
      resolve();
    }, AFTER_COMMIT_WAIT_MS);
    timer.unref();
  });
  await Promise.race([run, waited]);
  clearTimeout(timer);
}
