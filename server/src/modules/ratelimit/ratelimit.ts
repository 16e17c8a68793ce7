/**
 * Rate limits: fixed windows counted per (bucket, key), e.g. ('loginIp',
 * '203.0.113.7'). With REDIS_URL the counters live in Redis (one atomic Lua
 * INCR + PEXPIRE per hit), so every instance behind the load balancer shares
 * them; the hits of one event-loop turn go to Redis in one script call (a
 * busy instance makes one round trip per turn, not one per request). Without
 * Redis, or while it is unreachable, each instance counts in memory (a
 * degraded limit beats refusing every sign-in or failing open).
 *
 * A window starts at a key's first hit and lasts `windowSeconds`; a burst of
 * up to 2 × limit across a window boundary is possible, which is fine for
 * abuse protection and costs one key per active (bucket, key).
 *
 * With Redis, a hit of a bucket in `ADMITTED_BELOW_HALF` (sendMessage) that
 * this instance knows to be at most half its limit is admitted at once: it is
 * still counted in Redis (in the turn's script call), but the request does not
 * wait for the answer; the answers keep the instance's estimate of the key's
 * count current (`createEstimates`). Nearer the limit every hit waits for Redis, so
 * refusals stay exact. With one instance no hit is ever admitted over the
 * limit. With several, an instance that has not yet heard Redis count another
 * instance's hits may admit up to half the limit of them in one window before
 * its first answer comes back (one extra hit per instance and window for a
 * client that waits for each answer). Sign-in and sign-up buckets always wait.
 *
 * Services call `rateLimit(deps, bucket, key)`; it throws RATE_LIMITED with
 * `extensions.retryAfterSeconds`. REST routes (uploads) call it the same way
 * and answer 429 with a `Retry-After` header (`retryAfterHeader`).
 */
import { createHash } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import { Redis } from 'ioredis';
import type { Config, RateLimitBucket, RateLimitRule } from '../../config.ts';
import type { Deps } from '../../deps.ts';
import { type AppError, ErrorCode, rateLimited } from '../../graphql/errors.ts';
import { closeRedis } from '../../lib/redis-close.ts';
import { turnBatcher } from '../../lib/turn-batch.ts';

export type { RateLimitBucket };

export interface RateLimitHit {
  /** Hits of this key in the current window, this one included (this instance's estimate when admitted early). */
  count: number;
  /** Whether this hit is within the limit. */
  allowed: boolean;
  /** Seconds until the window ends (at least 1). */
  retryAfterSeconds: number;
}

export interface RateLimiter {
  /** Counts one hit of `key` in `bucket`. */
  hit(bucket: RateLimitBucket, key: string): Promise<RateLimitHit>;
  /** Where the counters live right now. */
  readonly backend: 'redis' | 'memory';
  close(): Promise<void>;
}

/**
 * Counts one hit and throws RATE_LIMITED (with `retryAfterSeconds`) when `key`
 * is over its bucket's limit. No-op when RATE_LIMIT_ENABLED is false.
 */
export async function rateLimit(deps: Deps, bucket: RateLimitBucket, key: string): Promise<void> {
  if (!deps.config.rateLimitEnabled) return;
  const hit = await deps.rateLimiter.hit(bucket, key);
  if (!hit.allowed) throw rateLimited(hit.retryAfterSeconds);
}

/** `Retry-After` header value for a RATE_LIMITED AppError (REST routes), else undefined. */
export function retryAfterHeader(err: AppError): string | undefined {
  if (err.code !== ErrorCode.RATE_LIMITED) return undefined;
  const s = err.details?.retryAfterSeconds;
  return typeof s === 'number' ? String(s) : undefined;
}

/** A counter's answer: hits in the window (this one included), and the window's time left. */
interface Counted {
  count: number;
  ttlMs: number;
}

const toHit = (count: number, limit: number, ttlMs: number): RateLimitHit => ({
  count,
  allowed: count <= limit,
  retryAfterSeconds: Math.max(1, Math.ceil(ttlMs / 1000)),
});

/** In-process counters; expired windows are swept once a minute. */
export function createMemoryCounter() {
  const windows = new Map<string, { count: number; resetAt: number }>();
  const sweep = () => {
    const now = Date.now();
    for (const [k, w] of windows) if (w.resetAt <= now) windows.delete(k);
  };
  const timer = setInterval(sweep, 60_000);
  timer.unref();
  const count = (key: string, rule: RateLimitRule): Counted => {
    const now = Date.now();
    let w = windows.get(key);
    if (!w || w.resetAt <= now) {
      if (windows.size >= 100_000) sweep();
      w = { count: 0, resetAt: now + rule.windowSeconds * 1000 };
      windows.set(key, w);
    }
    w.count += 1;
    return { count: w.count, ttlMs: w.resetAt - now };
  };
  return {
    count,
    hit(key: string, rule: RateLimitRule): RateLimitHit {
      const { count: n, ttlMs } = count(key, rule);
      return toHit(n, rule.limit, ttlMs);
    },
    close() {
      clearInterval(timer);
      windows.clear();
    },
  };
}

/**
 * Buckets whose hits, far below the limit, need not wait for Redis (see the
 * module comment). Hot paths only, whose over-admission by a burst across
 * instances is harmless; abuse-sensitive buckets (sign-in) always wait.
 */
export const ADMITTED_BELOW_HALF: ReadonlySet<RateLimitBucket> = new Set<RateLimitBucket>(['sendMessage']);

/** What this instance knows of a key's count in Redis: its last answer plus the hits sent since. */
interface Estimate {
  /** Hits in the window as of Redis' last answer, plus this instance's hits not yet answered. */
  count: number;
  /** Hits sent to Redis and not yet answered. */
  unanswered: number;
  /** When the window ends (from Redis' PTTL once it has answered). */
  resetAt: number;
}

/**
 * Estimates per Redis key for `ADMITTED_BELOW_HALF` buckets. `admit` counts a
 * hit and says whether it may go ahead before Redis answers; `answered`
 * corrects the estimate with Redis' count. Answers come in the order the hits
 * were sent (one connection, scripts run in order), so the hits still
 * unanswered when one answer arrives are exactly those Redis had not counted
 * yet. Expired estimates are swept once a minute; beyond `max` keys nothing is
 * admitted early (every hit then waits, as without estimates).
 */
export function createEstimates(max = 100_000) {
  const estimates = new Map<string, Estimate>();
  const sweep = () => {
    const now = Date.now();
    for (const [k, e] of estimates) if (e.resetAt <= now && e.unanswered === 0) estimates.delete(k);
  };
  const timer = setInterval(sweep, 60_000);
  timer.unref();
  return {
    /** Counts a hit about to be sent; returns it as admitted when the key stays within half its limit. */
    admit(key: string, rule: RateLimitRule): RateLimitHit | undefined {
      const now = Date.now();
      let e = estimates.get(key);
      if (!e) {
        if (estimates.size >= max) sweep();
        if (estimates.size >= max) return undefined;
        e = { count: 0, unanswered: 0, resetAt: 0 };
        estimates.set(key, e);
      }
      // A window this instance saw end: Redis' key has expired too (its PTTL set resetAt).
      if (e.resetAt <= now) {
        e.count = e.unanswered;
        e.resetAt = now + rule.windowSeconds * 1000;
      }
      e.count += 1;
      e.unanswered += 1;
      return e.count <= Math.floor(rule.limit / 2) ? toHit(e.count, rule.limit, e.resetAt - now) : undefined;
    },
    /** Redis' answer to one of this key's hits (in the order they were sent). */
    answered(key: string, { count, ttlMs }: Counted): void {
      const e = estimates.get(key);
      if (!e) return;
      e.unanswered = Math.max(0, e.unanswered - 1);
      e.count = count + e.unanswered;
      e.resetAt = Date.now() + ttlMs;
    },
    close() {
      clearInterval(timer);
      estimates.clear();
    },
  };
}

/**
 * Per key (ARGV: its window in ms): INCR, start the window on the first hit
 * (or if a crash left the key without TTL). Returns count, pttl, count, pttl, …
 */
const HIT_SCRIPT = `
local out = {}
for i = 1, #KEYS do
  local n = redis.call('INCR', KEYS[i])
  local ttl = redis.call('PTTL', KEYS[i])
  if n == 1 or ttl < 0 then
    redis.call('PEXPIRE', KEYS[i], ARGV[i])
    ttl = tonumber(ARGV[i])
  end
  out[2 * i - 1] = n
  out[2 * i] = ttl
end
return out`;

type ScriptedRedis = Redis & {
  parleyRateHits(keyCount: number, ...keysThenWindows: Array<string | number>): Promise<number[]>;
};

interface PendingHit {
  key: string;
  rule: RateLimitRule;
  /** The key has an estimate to correct with the answer (`ADMITTED_BELOW_HALF`). */
  estimated: boolean;
}

/**
 * Counters are namespaced by database name: instances of one deployment share
 * them, while deployments (or test databases) sharing a Redis never collide.
 * Keys are hashed, so no email or IP sits in Redis in clear.
 */
function keyPrefix(config: Config): string {
  let ns = 'default';
  try {
    if (config.databaseUrl) ns = decodeURIComponent(new URL(config.databaseUrl).pathname.slice(1)) || ns;
  } catch {
    // keep the default namespace
  }
  return `parley:ratelimit:${ns}:`;
}

/**
 * The counter key of (bucket, key): `prefix`, the bucket, and a hash of the
 * key. Each is made once and then reused (at most `max` per bucket, then
 * they start over): a sender's every message used to hash its id again, and
 * the key, a new string each time, was compared character by character in
 * the counters' Maps (V8's slow path for a concatenated string); the same
 * string object compares at once.
 */
export function hashedKeys(prefix: string, max = 10_000): (bucket: RateLimitBucket, key: string) => string {
  const made = new Map<RateLimitBucket, Map<string, string>>();
  return (bucket, key) => {
    let byKey = made.get(bucket);
    if (!byKey) {
      byKey = new Map();
      made.set(bucket, byKey);
    }
    let hashed = byKey.get(key);
    if (hashed === undefined) {
      if (byKey.size >= max) byKey.clear();
      hashed = `${prefix}${bucket}:${createHash('sha256').update(key).digest('base64url').slice(0, 32)}`;
      byKey.set(key, hashed);
    }
    return hashed;
  };
}

/** The limiter for `config`: Redis-backed when `config.redisUrl` is set, in memory otherwise. */
export async function createRateLimiter(config: Config, log: FastifyBaseLogger): Promise<RateLimiter> {
  const memory = createMemoryCounter();
  const prefix = keyPrefix(config);
  const keyOf = hashedKeys(prefix);

  if (!config.redisUrl) {
    return {
      backend: 'memory',
      async hit(bucket, key) {
        return memory.hit(keyOf(bucket, key), config.rateLimits[bucket]);
      },
      async close() {
        memory.close();
      },
    };
  }

  // A dedicated client: commands fail at once while disconnected (no offline
  // queue), so a Redis outage degrades to in-memory counting instead of
  // stalling sign-ins; ioredis keeps reconnecting in the background.
  const redis = new Redis(config.redisUrl, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectionName: 'parley-ratelimit',
  }) as ScriptedRedis;
  redis.defineCommand('parleyRateHits', { lua: HIT_SCRIPT });
  let lastWarning = 0;
  const warn = (err: unknown) => {
    if (Date.now() - lastWarning < 30_000) return;
    lastWarning = Date.now();
    log.warn({ err: (err as Error).message }, 'rate limiter: Redis unavailable, counting in memory');
  };
  redis.on('error', warn);
  await redis.connect().catch(warn);

  const estimates = createEstimates();

  /**
   * One script call for a turn's hits; if Redis fails, each is counted in
   * memory instead. The answers correct the estimates here, in the order the
   * hits were sent.
   */
  const hitAll = turnBatcher(async (hits: PendingHit[]): Promise<Counted[]> => {
    let counted: Counted[];
    try {
      const flat = await redis.parleyRateHits(
        hits.length,
        ...hits.map((h) => h.key),
        ...hits.map((h) => h.rule.windowSeconds * 1000),
      );
      counted = hits.map((_, i) => ({ count: Number(flat[2 * i]), ttlMs: Number(flat[2 * i + 1]) }));
    } catch (err) {
      warn(err);
      counted = hits.map((h) => memory.count(h.key, h.rule));
    }
    hits.forEach((h, i) => {
      if (h.estimated) estimates.answered(h.key, counted[i] as Counted);
    });
    return counted;
  });

  return {
    get backend() {
      return redis.status === 'ready' ? 'redis' : 'memory';
    },
    hit(bucket, key) {
      const rule = config.rateLimits[bucket];
      const estimated = ADMITTED_BELOW_HALF.has(bucket);
      const k = keyOf(bucket, key);
      const early = estimated ? estimates.admit(k, rule) : undefined;
      const counted = hitAll({ key: k, rule, estimated });
      if (!early) return counted.then(({ count, ttlMs }) => toHit(count, rule.limit, ttlMs));
      // Counted in Redis all the same; the request goes ahead now (a failed count was counted in memory).
      counted.catch(warn);
      return Promise.resolve(early);
    },
    async close() {
      estimates.close();
      memory.close();
      redis.removeAllListeners('error');
      redis.on('error', () => {});
      await closeRedis(redis);
    },
  };
}
