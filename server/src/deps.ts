import type { FastifyBaseLogger } from 'fastify';
import type { Config } from './config.ts';
import type { Database } from './db/index.ts';
import type { SessionCache } from './modules/auth/auth.sessions.ts';
import type { BlockCache } from './modules/contacts/contacts.blocks-cache.ts';
import type { SendBatcher } from './modules/messages/messages.send-batch.ts';
import type { SendTrace } from './modules/messages/messages.send-trace.ts';
import type { Presence } from './modules/presence/presence.service.ts';
import type { RateLimiter } from './modules/ratelimit/ratelimit.ts';
import type { RoomListCache } from './modules/rooms/rooms.list-cache.ts';
import type { UserCache } from './modules/users/users.cache.ts';
import type { Jobs } from './plugins/jobs.ts';
import type { EventBus } from './plugins/pubsub.ts';

/** The authenticated caller. */
export interface Viewer {
  readonly userId: string;
  readonly sessionId: string;
}

/** Claims of a Parley access token. */
export interface AccessClaims {
  /** User id. */
  sub: string;
  /** Session id (refresh-token family). */
  sid: string;
}

export interface TokenSigner {
  sign(claims: AccessClaims): { token: string; expiresAt: Date };
  /** Throws `TokenVerifyError` for an expired, malformed or forged token. */
  verify(token: string): AccessClaims;
}

export class TokenVerifyError extends Error {
  override name = 'TokenVerifyError';
  readonly reason: 'expired' | 'invalid';
  constructor(reason: 'expired' | 'invalid') {
    super(reason === 'expired' ? 'Access token expired' : 'Invalid access token');
    this.reason = reason;
  }
}

/**
 * Everything a service needs, passed explicitly (no globals): services are
 * plain functions `(deps, viewer?, input)` that tests can call directly.
 */
export interface Deps {
  readonly config: Config;
  readonly db: Database;
  readonly events: EventBus;
  readonly jobs: Jobs;
  readonly log: FastifyBaseLogger;
  readonly tokens: TokenSigner;
  /** Presence, typing and room viewing (ephemeral, shared across instances via Redis). */
  readonly presence: Presence;
  /** Shared counters behind `rateLimit(deps, bucket, key)`. */
  readonly rateLimiter: RateLimiter;
  /** Session rows for `authenticate`, cached briefly; revocations evict them on every instance. */
  readonly sessions: SessionCache;
  /** User rows for the `user` loader, kept until the user changes (on any instance). */
  readonly users: UserCache;
  /** Plain group sends, written many per statement while the database is busy. */
  readonly sends: SendBatcher;
  /** Stage times of sent messages, for the benchmarks (off unless SEND_TRACE_FILE is set). */
  readonly sendTrace: SendTrace;
  /** Room-list pages, kept until a member's view of one of their rooms changes (on any instance). */
  readonly roomLists: RoomListCache;
  /** Each user's blocks (both ways) for presence visibility, kept until a block changes (on any instance). */
  readonly blocks: BlockCache;
}
