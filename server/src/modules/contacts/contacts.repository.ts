import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/index.ts';

type Db = Kysely<DB> | Transaction<DB>;

/**
 * Of `otherIds`, those with a block between them and `userId` in either
 * direction. Rooms use it to refuse DMs and group adds; contacts to refuse requests.
 */
export async function blockedAmong(
  db: Db,
  userId: string,
  otherIds: readonly string[],
): Promise<Set<string>> {
  if (otherIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('blocks')
    .select(['blocker_id', 'blocked_id'])
    .where((eb) =>
      eb.or([
        eb.and([eb('blocker_id', '=', userId), eb('blocked_id', 'in', otherIds)]),
        eb.and([eb('blocked_id', '=', userId), eb('blocker_id', 'in', otherIds)]),
      ]),
    )
    .execute();
  return new Set(rows.map((r) => (r.blocker_id === userId ? r.blocked_id : r.blocker_id)));
}
