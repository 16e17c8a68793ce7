import type { Db } from '../../db/index.ts';
import { compiledOnce } from '../../db/prepared.ts';

export function insertSession(
  db: Db,
  s: { id: string; user_id: string; user_agent: string | null; expires_at: Date },
) {
  return db.insertInto('sessions').values(s).execute();
}

export function insertRefreshToken(db: Db, t: { id: string; session_id: string; token_hash: Buffer }) {
  return db.insertInto('refresh_tokens').values(t).execute();
}

/** The token's row with its session, locked for the rotation. */
export function findRefreshToken(db: Db, tokenHash: Buffer) {
  return db
    .selectFrom('refresh_tokens as t')
    .innerJoin('sessions as s', 's.id', 't.session_id')
    .select(['t.id', 't.used_at', 's.id as session_id', 's.user_id', 's.revoked_at', 's.expires_at'])
    .where('t.token_hash', '=', tokenHash)
    .forUpdate('t')
    .executeTakeFirst();
}

/** Marks the token used; returns false if it already was (concurrent use or reuse). */
export async function markRefreshTokenUsed(db: Db, id: string): Promise<boolean> {
  const r = await db
    .updateTable('refresh_tokens')
    .set({ used_at: new Date() })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return r.numUpdatedRows > 0n;
}

export function touchSession(db: Db, sessionId: string) {
  return db.updateTable('sessions').set({ last_used_at: new Date() }).where('id', '=', sessionId).execute();
}

export function revokeSession(db: Db, sessionId: string, reason: string) {
  return db
    .updateTable('sessions')
    .set({ revoked_at: new Date(), revoked_reason: reason })
    .where('id', '=', sessionId)
    .where('revoked_at', 'is', null)
    .execute();
}

/** Revokes every live session of a user, except `keep` when given. */
export function revokeUserSessions(db: Db, userId: string, reason: string, keep?: string) {
  let q = db
    .updateTable('sessions')
    .set({ revoked_at: new Date(), revoked_reason: reason })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null);
  if (keep) q = q.where('id', '<>', keep);
  return q.execute();
}

const session = compiledOnce((db: Db, sessionId: string) =>
  db.selectFrom('sessions').select(['id', 'user_id', 'revoked_at', 'expires_at']).where('id', '=', sessionId),
);
/** The session's state for `authenticate` (every request and socket; compiled once). */
export async function findSession(db: Db, sessionId: string) {
  return (await session(db, sessionId))[0];
}

/** Which of `sessionIds` are still live (neither revoked nor expired). */
export async function findLiveSessionIds(db: Db, sessionIds: readonly string[]): Promise<string[]> {
  if (sessionIds.length === 0) return [];
  const rows = await db
    .selectFrom('sessions')
    .select('id')
    .where('id', 'in', sessionIds)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', new Date())
    .execute();
  return rows.map((r) => r.id);
}

export function listLiveSessions(db: Db, userId: string) {
  return db
    .selectFrom('sessions')
    .select(['id', 'created_at', 'last_used_at', 'user_agent'])
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', new Date())
    .orderBy('last_used_at', 'desc')
    .execute();
}

export function insertPasswordResetToken(
  db: Db,
  t: { id: string; user_id: string; token_hash: Buffer; expires_at: Date },
) {
  return db.insertInto('password_reset_tokens').values(t).execute();
}

/**
 * Ends every reset link of the user still open: once the password was changed
 * or reset, an older email must not be able to set it again.
 */
export function endPasswordResetTokens(db: Db, userId: string) {
  return db
    .updateTable('password_reset_tokens')
    .set({ used_at: new Date() })
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .execute();
}

/** Consumes a valid reset token atomically; undefined if unknown, used or expired. */
export function consumePasswordResetToken(db: Db, tokenHash: Buffer) {
  return db
    .updateTable('password_reset_tokens')
    .set({ used_at: new Date() })
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', new Date())
    .returning(['user_id'])
    .executeTakeFirst();
}

/**
 * Accounts already holding `email` or `username` (both normalized; either may
 * be omitted). A courtesy check before sign-up: the unique constraints decide.
 */
export function findEmailOrUsernameHolders(
  db: Db,
  taken: { email: string | undefined; username: string | undefined },
) {
  return db
    .selectFrom('users')
    .select(['email', 'username'])
    .where((eb) =>
      eb.or([
        ...(taken.email === undefined ? [] : [eb('email', '=', taken.email)]),
        ...(taken.username === undefined ? [] : [eb('username', '=', taken.username)]),
      ]),
    )
    .limit(2)
    .execute();
}
