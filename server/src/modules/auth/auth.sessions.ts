/**
 * A short-lived, per-instance cache of session rows for `authenticate`, so a
 * busy client does not cost one PostgreSQL round trip per request (the
 * session check was one of the statements of every `sendMessage`).
 *
 * Revocation stays immediate: every revocation evicts the session here at
 * once and is published on `SESSIONS_REVOKED_TOPIC`, which every instance
 * listens to and evicts on too. A lookup that was already reading the
 * database when an eviction arrived does not store what it read (it may be
 * the row from before the revocation). Revocations published while this
 * instance's Redis subscription was down are lost, so the whole cache is
 * dropped whenever it (re)connects. The TTL is a last bound on top of that;
 * expiry (`expires_at`) is checked on every hit, by the caller.
 */
import type { MQEmitter } from 'mqemitter';
import type { Db } from '../../db/index.ts';
import { BoundedMap } from '../../lib/bounded-map.ts';
import { type EventBus, listenForInvalidations } from '../../plugins/pubsub.ts';
import * as repo from './auth.repository.ts';

/** Pub/sub topic of revocations: `{ sessionIds?: string[]; userId?: string }`. */
export const SESSIONS_REVOKED_TOPIC = 'auth:sessions-revoked';

/** How long a looked-up session is trusted without asking PostgreSQL again. */
export const SESSION_CACHE_TTL_MS = 60_000;
/** Most sessions cached per instance (the oldest entries go first). */
const MAX_ENTRIES = 50_000;

export interface SessionState {
  id: string;
  user_id: string;
  revoked_at: Date | null;
  expires_at: Date;
}

/** What was revoked: some sessions, and/or every session of a user (but `keep`). */
export interface Revocation {
  sessionIds?: readonly string[];
  userId?: string;
  /** With `userId`: the one session of that user that was not revoked (a password change keeps its own). */
  keep?: string;
}

/** Told of every revocation this instance learns of (its own and, over Redis, the others'). */
export interface RevocationWatcher {
  revoked(what: Revocation): void;
  /** Revocations may have been missed (the Redis subscription reconnected): check what you hold. */
  lost(): void;
}

export interface SessionCache {
  /** The session row (possibly from memory, at most `SESSION_CACHE_TTL_MS` old); undefined if unknown. */
  find(db: Db, sessionId: string): Promise<SessionState | undefined>;
  /**
   * Call after a revocation committed: evicts here at once and tells every
   * other instance to evict (resolves once published).
   */
  revoked(what: Revocation): Promise<void>;
  /** Calls `watcher` for every revocation from now on; returns the function that stops it. */
  watch(watcher: RevocationWatcher): () => void;
  /**
   * Changes whenever a revocation is learnt of. A check that read a session
   * (`find`) and acts on it later compares it before and after: if it moved,
   * the session may have been revoked in between.
   */
  readonly epoch: number;
  /** Stops listening for revocations. */
  close(): void;
}

export function createSessionCache(emitter: MQEmitter, events: EventBus): SessionCache {
  const entries = new BoundedMap<string, { row: SessionState; at: number }>(MAX_ENTRIES);
  // Lookups in flight, shared by concurrent requests of the same session.
  const pending = new Map<string, { epoch: number; row: Promise<SessionState | undefined> }>();
  // Bumped by every eviction: a lookup started before one must not store its (maybe stale) row.
  let epoch = 0;
  const watchers = new Set<RevocationWatcher>();

  const evict = (what: Revocation) => {
    epoch++;
    for (const id of what.sessionIds ?? []) entries.delete(id);
    // The kept session goes too: its next request reads it again.
    if (what.userId) for (const [id, e] of entries) if (e.row.user_id === what.userId) entries.delete(id);
    for (const w of watchers) w.revoked(what);
  };
  const forgetAll = () => {
    epoch++;
    entries.clear();
    for (const w of watchers) w.lost();
  };
  const stopListening = listenForInvalidations(
    emitter,
    SESSIONS_REVOKED_TOPIC,
    (payload) => evict(payload as Revocation),
    forgetAll,
  );

  return {
    async find(db, sessionId) {
      const hit = entries.get(sessionId);
      if (hit && Date.now() - hit.at < SESSION_CACHE_TTL_MS) return hit.row;
      // Concurrent requests of one session share a lookup, unless an eviction came in between.
      let lookup = pending.get(sessionId);
      if (!lookup || lookup.epoch !== epoch) {
        const started = { epoch, row: repo.findSession(db, sessionId) };
        pending.set(sessionId, started);
        void started.row
          .finally(() => {
            if (pending.get(sessionId) === started) pending.delete(sessionId);
          })
          .catch(() => {});
        lookup = started;
      }
      const row = await lookup.row;
      // Only live sessions are cached (a refused one costs a lookup each time, as before), and
      // only when no eviction arrived while reading: the row may predate a revocation.
      if (row && !row.revoked_at && lookup.epoch === epoch) {
        entries.delete(sessionId);
        entries.set(sessionId, { row, at: Date.now() });
      }
      return row;
    },
    async revoked(what) {
      evict(what);
      await events.publish(SESSIONS_REVOKED_TOPIC, what);
    },
    watch(watcher) {
      watchers.add(watcher);
      return () => watchers.delete(watcher);
    },
    get epoch() {
      return epoch;
    },
    close() {
      stopListening();
      watchers.clear();
    },
  };
}
