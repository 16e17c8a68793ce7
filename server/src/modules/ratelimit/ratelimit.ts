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
import { turnBatcher } from '../../lib/turn-batch.ts';

export type { RateLimitBucket };

export interface RateLimitHit {
  /** Hits of this key in the current window, this one included. */
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
  return {
    hit(key: string, rule: RateLimitRule): RateLimitHit {
      const now = Date.now();
      let w = windows.get(key);
      if (!w || w.resetAt <= now) {
        if (windows.size >= 100_000) sweep();
        w = { count: 0, resetAt: now + rule.windowSeconds * 1000 };
        windows.set(key, w);
      }
      w.count += 1;
      return toHit(w.count, rule.limit, w.resetAt - now);
    },
    close() {
      clearInterval(timer);
      windows.clear();
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

/** The limiter for `config`: Redis-backed when `config.redisUrl` is set, in memory otherwise. */
export async function createRateLimiter(config: Config, log: FastifyBaseLogger): Promise<RateLimiter> {
  const memory = createMemoryCounter();
  const prefix = keyPrefix(config);
  const keyOf = (bucket: RateLimitBucket, key: string) =>
    `${prefix}${bucket}:${createHash('sha256').update(key).digest('base64url').slice(0, 32)}`;

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

  /** One script call for a turn's hits; if Redis fails, each is counted in memory instead. */
  const hitAll = turnBatcher(async (hits: PendingHit[]): Promise<RateLimitHit[]> => {
    try {
      const flat = await redis.parleyRateHits(
        hits.length,
        ...hits.map((h) => h.key),
        ...hits.map((h) => h.rule.windowSeconds * 1000),
      );
      return hits.map((h, i) => toHit(Number(flat[2 * i]), h.rule.limit, Number(flat[2 * i + 1])));
    } catch (err) {
      warn(err);
      return hits.map((h) => memory.hit(h.key, h.rule));
    }
  });

  return {
    get backend() {
      return redis.status === 'ready' ? 'redis' : 'memory';
    },
    hit(bucket, key) {
      return hitAll({ key: keyOf(bucket, key), rule: config.rateLimits[bucket] });
    },
    async close() {
      memory.close();
      redis.removeAllListeners('error');
      redis.on('error', () => {});
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
