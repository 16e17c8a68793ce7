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

/** Runs `fn` in a transaction, then its after-commit hooks in registration order. */
export async function inTransaction<T>(
  deps: Pick<Deps, 'db' | 'log'>,
  fn: (tx: Tx) => Promise<T>,
): Promise<T> {
  const hooks: (() => unknown)[] = [];
  const result = await deps.db.transaction().execute((trx) => fn({ trx, afterCommit: (h) => hooks.push(h) }));
  for (const hook of hooks) {
    try {
      await hook();
    } catch (err) {
      deps.log.error({ err }, 'after-commit hook failed');
    }
  }
  return result;
}
