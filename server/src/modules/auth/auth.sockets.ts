/**
 * This instance's open WebSockets by session, closed with 4403 ("Session has
 * been revoked", as a refused `connection_init` is) when their session ends.
 *
 * A socket is authenticated once, in `connection_init`. Before this, a
 * revoked session kept its open sockets, and with them every subscription's
 * events: a lost laptop signed out from a phone, or the other devices after
 * a password change or reset, went on receiving messages live until their
 * sockets happened to close.
 *
 * Revocations arrive through the session cache (auth.sessions.ts): this
 * instance's own at once, the others' over Redis. When some may have been
 * missed (the Redis subscription reconnected), every session held here is
 * read again, in batches, and the revoked or expired ones' sockets close.
 * Access tokens are not re-checked: a socket outlives its 15-minute token, as
 * graphql-ws connections do (the session is what can be revoked).
 */
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../../db/index.ts';
import type { Viewer } from '../../deps.ts';
import * as repo from './auth.repository.ts';
import type { SessionCache } from './auth.sessions.ts';

/** How a revoked session's sockets are closed (graphql-ws clients: sign in again, do not retry). */
export const REVOKED_CLOSE = { code: 4403, reason: 'Session has been revoked' } as const;

/** Sessions read per statement when they are all checked again. */
const RECHECK_BATCH = 500;

export interface ClosableSocket {
  close(code: number, reason: string): void;
}

export interface SessionSockets {
  /**
   * Holds `socket`, authenticated for `viewer`, until the returned function
   * is called (when it closes: the caller has a close listener already, and
   * one per socket is what an idle connection costs). `epoch` is the session
   * cache's `epoch` from before the session was read: if a revocation came in
   * since, the session is read again (it may be the one).
   */
  add(viewer: Viewer, socket: ClosableSocket, epoch: number): () => void;
  /** Sessions with at least one open socket here (tests). */
  readonly sessions: number;
  /** Stops watching revocations (sockets are left as they are). */
  close(): void;
}

/** A session's sockets here: almost always one, so no collection until there is a second. */
interface Held {
  userId: string;
  sockets: ClosableSocket | ClosableSocket[];
}

export function trackSessionSockets(sessions: SessionCache, db: Db, log: FastifyBaseLogger): SessionSockets {
  const bySession = new Map<string, Held>();

  const closeSession = (sessionId: string) => {
    const held = bySession.get(sessionId);
    if (!held) return;
    bySession.delete(sessionId);
    for (const socket of Array.isArray(held.sockets) ? held.sockets : [held.sockets])
      socket.close(REVOKED_CLOSE.code, REVOKED_CLOSE.reason);
  };

  const release = (sessionId: string, socket: ClosableSocket) => {
    const held = bySession.get(sessionId);
    if (!held) return;
    if (held.sockets === socket) bySession.delete(sessionId);
    else if (Array.isArray(held.sockets)) {
      const rest = held.sockets.filter((s) => s !== socket);
      if (rest.length === 0) bySession.delete(sessionId);
      else held.sockets = rest.length === 1 ? (rest[0] as ClosableSocket) : rest;
    }
  };

  const closeEnded = async (sessionIds: readonly string[]) => {
    for (let i = 0; i < sessionIds.length; i += RECHECK_BATCH) {
      const batch = sessionIds.slice(i, i + RECHECK_BATCH);
      const live = new Set(await repo.findLiveSessionIds(db, batch));
      for (const id of batch) if (!live.has(id)) closeSession(id);
    }
  };
  /** Reads every session held here again and closes the sockets of those that ended. */
  const recheck = async () => {
    try {
      await closeEnded([...bySession.keys()]);
    } catch (err) {
      // The database is unreachable: nothing can be told about the sessions, so they stay.
      log.warn({ err }, 'open sockets: sessions could not be checked again');
    }
  };

  const stopWatching = sessions.watch({
    revoked(what) {
      for (const id of what.sessionIds ?? []) closeSession(id);
      if (what.userId)
        for (const [id, held] of bySession)
          if (held.userId === what.userId && id !== what.keep) closeSession(id);
    },
    lost() {
      void recheck();
    },
  });

  return {
    add(viewer, socket, epoch) {
      const { sessionId } = viewer;
      const held = bySession.get(sessionId);
      if (!held) bySession.set(sessionId, { userId: viewer.userId, sockets: socket });
      else if (Array.isArray(held.sockets)) held.sockets.push(socket);
      else held.sockets = [held.sockets, socket];
      if (sessions.epoch !== epoch)
        closeEnded([sessionId]).catch((err) =>
          log.warn({ err }, 'open sockets: a session could not be checked again'),
        );
      return () => release(sessionId, socket);
    },
    get sessions() {
      return bySession.size;
    },
    close() {
      stopWatching();
    },
  };
}
