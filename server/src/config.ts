/**
 * Configuration: the only module that reads the environment.
 *
 * `loadConfig(env)` parses every variable once, collects *all* problems and
 * throws one `ConfigError` listing them (so an operator fixes everything in one
 * go), and returns a frozen, typed object. `buildApp(config)` takes that object,
 * so tests build apps from explicit configs without touching `process.env`.
 */
import path from 'node:path';

export type NodeEnv = 'development' | 'production' | 'test';
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export interface Config {
  /** `NODE_ENV`; default `development`. Production refuses default secrets. */
  readonly env: NodeEnv;
  /** `PORT`; default 4000. */
  readonly port: number;
  /** `HOST`; default `127.0.0.1` (use `0.0.0.0` in containers). */
  readonly host: string;
  /**
   * `LISTEN_BACKLOG`: connections the kernel queues before they are accepted
   * (capped by `net.core.somaxconn`); default 4096. Node's own default (511)
   * overflowed when thousands of clients reconnected at once: the kernel
   * then drops their handshakes and they see ECONNRESET.
   */
  readonly listenBacklog: number;
  /** `PUBLIC_URL`: how users reach this service (links in emails); default `http://localhost:<port>`. */
  readonly publicUrl: string;
  /** `DATABASE_URL`; unset means an embedded PostgreSQL under `dataDir`. */
  readonly databaseUrl: string | undefined;
  /** `DATABASE_POOL_SIZE`; default 10. */
  readonly databasePoolSize: number;
  /**
   * `ROOM_LIST_CACHE_ROOMS`: how many rooms (over all users' room-list pages)
   * an instance keeps in memory (rooms.list-cache.ts); default 10,000, about
   * 40 MB of heap. 0 turns the cache off.
   */
  readonly roomListCacheRooms: number;
  /**
   * `SEND_BATCH_MAX`: plain group sends written by one statement at most when
   * the database is busy (messages.send-batch.ts); default 32, 1 turns
   * batching off.
   */
  readonly sendBatchMax: number;
  /**
   * `SEND_BATCH_IN_FLIGHT`: send statements running at once before further
   * sends wait to be written together; default 2.
   */
  readonly sendBatchInFlight: number;
  /**
   * `SEND_TRACE_FILE`: when set, each sent message's stages are timed and
   * written to this file as JSON when the app closes (messages.send-trace.ts;
   * for `npm run bench -- fanout --stages`). Unset: off.
   */
  readonly sendTraceFile: string | undefined;
  /** `REDIS_URL`; unset means in-process pub/sub (single instance). */
  readonly redisUrl: string | undefined;
  /** `DATA_DIR`: embedded database, uploads and mail outbox; default `.data`. */
  readonly dataDir: string;
  /** `JWT_SECRET`: HS256 signing key, at least 32 characters. */
  readonly jwtSecret: string;
  /** `ACCESS_TOKEN_TTL_SECONDS`; default 900 (15 min). */
  readonly accessTokenTtlSeconds: number;
  /** `REFRESH_TOKEN_TTL_SECONDS`; default 2592000 (30 days). */
  readonly refreshTokenTtlSeconds: number;
  /** `PASSWORD_RESET_TTL_SECONDS`; default 3600 (1 hour). */
  readonly passwordResetTtlSeconds: number;
  /** `SMTP_URL`, e.g. `smtp://user:pass@host:587`; unset writes `.eml` files to `<dataDir>/outbox`. */
  readonly smtpUrl: string | undefined;
  /** `MAIL_FROM`; default `Parley <no-reply@parley.local>`. */
  readonly mailFrom: string;
  /** `UPLOAD_MAX_BYTES`; default 26214400 (25 MiB). */
  readonly uploadMaxBytes: number;
  /** `UPLOADS_DIR`: where the local-disk storage keeps uploaded files; default `<dataDir>/uploads`. */
  readonly uploadsDir: string;
  /** `UPLOAD_ORPHAN_TTL_SECONDS`: uploads never attached (message or avatar) are deleted after this; default 86400 (24 h). */
  readonly uploadOrphanTtlSeconds: number;
  /** `FILE_URL_TTL_SECONDS`: validity of signed download URLs handed out by GraphQL; default 3600 (1 h). */
  readonly fileUrlTtlSeconds: number;
  /** `BODY_LIMIT_BYTES`: max HTTP request body for GraphQL; default 1048576 (1 MiB). */
  readonly bodyLimitBytes: number;
  /** `GRAPHQL_DEPTH_LIMIT`; default 12. */
  readonly graphqlDepthLimit: number;
  /** `GRAPHQL_MAX_COST`: static cost limit (1 per field, list fields × their page size); default 50000. */
  readonly graphqlMaxCost: number;
  /** `GRAPHQL_LIST_COST_FACTOR`: assumed length of lists without a page-size argument; default 10. */
  readonly graphqlListCostFactor: number;
  /** `GRAPHQL_MAX_ALIASES`: aliased fields per document; default 30. */
  readonly graphqlMaxAliases: number;
  /** `GRAPHQL_MAX_TOKENS`: lexical tokens per document; default 5000. */
  readonly graphqlMaxTokens: number;
  /** `WS_MAX_SUBSCRIPTIONS`: operations running at once on one WebSocket; default 100. */
  readonly wsMaxSubscriptions: number;
  /**
   * `WS_KEEPALIVE_MS`: a WebSocket the server has sent nothing on for this
   * long gets a `ping` (keeps proxies from closing idle connections); default 20000.
   */
  readonly wsKeepAliveMs: number;
  /**
   * `TRUST_PROXY`: whose `X-Forwarded-For` gives the client IP (which per-IP
   * rate limits key on): `true` (any hop; default, for a deployment behind
   * the bundled proxy), `false` (the socket address), a hop count, or
   * comma-separated proxy addresses/CIDRs. Exposed directly to clients, set
   * `false`: otherwise a client can pick its own IP.
   */
  readonly trustProxy: boolean | number | readonly string[];
  /** `RATE_LIMIT_ENABLED`: enforce rate limits; default true (false under NODE_ENV=test; suites that test limits turn them on). */
  readonly rateLimitEnabled: boolean;
  /** `RATE_LIMIT_<BUCKET>` as `<count>/<seconds>` (e.g. `RATE_LIMIT_LOGIN_IP=30/60`); defaults in `RATE_LIMIT_DEFAULTS`. */
  readonly rateLimits: Readonly<Record<RateLimitBucket, RateLimitRule>>;
  /** `GRAPHIQL`: serve GraphiQL at /graphiql; default true outside production. */
  readonly graphiql: boolean;
  /** `GRAPHQL_INTROSPECTION` (or `INTROSPECTION`): allow schema introspection; default true outside production. */
  readonly introspection: boolean;
  /** `CORS_ORIGINS`: comma-separated allow-list; default none (same origin only). */
  readonly corsOrigins: readonly string[];
  /** `LOG_LEVEL`; default `info` (`warn` under test). */
  readonly logLevel: LogLevel;
  /** `JOBS_ENABLED`: run pg-boss workers in this instance; default true. */
  readonly jobsEnabled: boolean;
  /** `MESSAGE_MAX_LENGTH`; default 4000. */
  readonly messageMaxLength: number;
  /** `MESSAGE_DIGEST_DELAY_SECONDS`: how long a message notification stays unread before it is emailed; default 900 (15 min). */
  readonly messageDigestDelaySeconds: number;
  /** `ROOM_REPLAY_MAX`: most messages a `roomEvents(afterSeq)` resume replays; further behind it sends ResyncRequired. Default 1000. */
  readonly roomReplayMax: number;
  /** `STREAM_RESUME_WINDOW_SECONDS`: how far back `myEvents`/`notificationEvents` resume with a replay; older gets StreamResyncRequired. Default 86400 (24 h). */
  readonly streamResumeWindowSeconds: number;
  /** `JOBS_SUPERVISE_SECONDS`: how often pg-boss retries jobs whose worker died mid-job (no heartbeat); default 10. */
  readonly jobsSuperviseSeconds: number;
  /** `MAIL_RETRY_DELAY_SECONDS`: first delay before a failed email is retried (then backing off); default 30. */
  readonly mailRetryDelaySeconds: number;
  /** `TYPING_LAPSE_MS`: a typer who stops refreshing `setTyping` is dropped after this; default 6000. */
  readonly typingLapseMs: number;
  /** `PRESENCE_GRACE_MS`: delay before a user whose last WebSocket closed goes offline (a reload does not flap); default 5000. */
  readonly presenceGraceMs: number;
  /** `PRESENCE_HEARTBEAT_MS`: how often an instance refreshes its users' presence entries in Redis; default 10000. */
  readonly presenceHeartbeatMs: number;
  /** `PRESENCE_TTL_MS`: presence entries not refreshed for this long expire (an instance died); default 30000. */
  readonly presenceTtlMs: number;
  /** `PRESENCE_SWEEP_MS`: how often each instance looks for expired presence and typing entries; default 10000. */
  readonly presenceSweepMs: number;
  /** `CLIENT_DIST_DIR`: built web client served at `/`; default `client/dist`. */
  readonly clientDistDir: string;
  /** `MEETING_BASE_URL`: video meetings get `<base><random room name>`; default `https://meet.jit.si/`. */
  readonly meetingBaseUrl: string;
  /** `MEETING_REMINDER_LEADS_SECONDS`: comma-separated reminder lead times before a meeting; default `86400,900` (24 h, 15 min). */
  readonly meetingReminderLeadsSeconds: readonly number[];
  /** `MEETING_REVIEW_WINDOW_SECONDS`: how long after its end a meeting stays open for reviews before it completes anyway; default 604800 (7 days). */
  readonly meetingReviewWindowSeconds: number;
}

export class ConfigError extends Error {
  readonly problems: readonly string[];
  constructor(problems: readonly string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

/** What one rate-limit bucket allows: `limit` calls per fixed window of `windowSeconds`. */
export interface RateLimitRule {
  readonly limit: number;
  readonly windowSeconds: number;
}

/**
 * Rate-limit buckets and their defaults. Each is overridden by
 * `RATE_LIMIT_<NAME>` (camelCase → UPPER_SNAKE, e.g. `RATE_LIMIT_SEND_MESSAGE=60/60`).
 */
export const RATE_LIMIT_DEFAULTS = {
  /** Sign-in attempts per client IP. */
  loginIp: { limit: 30, windowSeconds: 60 },
  /** Sign-in attempts per account identifier (email or username), from any IP. */
  loginAccount: { limit: 10, windowSeconds: 300 },
  /** Sign-ups per client IP. */
  registerIp: { limit: 10, windowSeconds: 3600 },
  /** Password reset requests per client IP. */
  passwordResetIp: { limit: 10, windowSeconds: 3600 },
  /** Password reset requests per email address. */
  passwordResetEmail: { limit: 3, windowSeconds: 3600 },
  /** Messages per sender. */
  sendMessage: { limit: 30, windowSeconds: 10 },
  /** Friend requests per sender. */
  friendRequest: { limit: 30, windowSeconds: 3600 },
  /** File uploads per user. */
  upload: { limit: 30, windowSeconds: 60 },
} as const satisfies Record<string, RateLimitRule>;
export type RateLimitBucket = keyof typeof RATE_LIMIT_DEFAULTS;

function trustProxy(raw: string | undefined): boolean | number | readonly string[] {
  if (raw === undefined || /^(true|yes|on)$/i.test(raw)) return true;
  if (/^(false|no|off)$/i.test(raw)) return false;
  if (/^\d+$/.test(raw)) return Number(raw);
  return raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** `loginIp` → `RATE_LIMIT_LOGIN_IP`. */
export const rateLimitEnvName = (bucket: RateLimitBucket) =>
  `RATE_LIMIT_${bucket.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}`;

function rateLimitRules(
  str: (name: string) => string | undefined,
  problems: string[],
): Record<RateLimitBucket, RateLimitRule> {
  const rules = {} as Record<RateLimitBucket, RateLimitRule>;
  for (const bucket of Object.keys(RATE_LIMIT_DEFAULTS) as RateLimitBucket[]) {
    const name = rateLimitEnvName(bucket);
    const raw = str(name);
    rules[bucket] = RATE_LIMIT_DEFAULTS[bucket];
    if (raw === undefined) continue;
    const m = /^(\d+)\s*\/\s*(\d+)$/.exec(raw);
    const limit = Number(m?.[1]);
    const windowSeconds = Number(m?.[2]);
    if (!m || limit < 1 || windowSeconds < 1 || windowSeconds > 86_400) {
      problems.push(`${name} must be <count>/<seconds>, e.g. 30/60 (window at most 86400 s; got "${raw}")`);
      continue;
    }
    rules[bucket] = { limit, windowSeconds };
  }
  return rules;
}

/** The development secret; production refuses to start with it. */
export const DEFAULT_JWT_SECRET = 'parley-development-secret-change-me-in-production';

const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

type Env = Readonly<Record<string, string | undefined>>;

/** Parses `env` (default `process.env`); throws `ConfigError` listing every problem. */
export function loadConfig(env: Env = process.env, overrides: Partial<Config> = {}): Config {
  const problems: string[] = [];
  const str = (name: string): string | undefined => {
    const v = env[name]?.trim();
    return v === '' ? undefined : v;
  };
  const int = (name: string, def: number, min: number, max = Number.MAX_SAFE_INTEGER): number => {
    const raw = str(name);
    if (raw === undefined) return def;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) {
      problems.push(`${name} must be an integer between ${min} and ${max} (got "${raw}")`);
      return def;
    }
    return n;
  };
  const bool = (name: string, def: boolean): boolean => {
    const raw = str(name)?.toLowerCase();
    if (raw === undefined) return def;
    if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
    if (['0', 'false', 'no', 'off'].includes(raw)) return false;
    problems.push(`${name} must be true or false (got "${raw}")`);
    return def;
  };
  const url = (name: string, protocols: readonly string[]): string | undefined => {
    const raw = str(name);
    if (raw === undefined) return undefined;
    try {
      const u = new URL(raw);
      if (!protocols.includes(u.protocol)) {
        problems.push(`${name} must use ${protocols.join(' or ')} (got "${u.protocol}")`);
      }
      return raw;
    } catch {
      problems.push(`${name} is not a valid URL`);
      return undefined;
    }
  };

  const rawEnv = str('NODE_ENV') ?? 'development';
  let nodeEnv: NodeEnv = 'development';
  if (rawEnv === 'development' || rawEnv === 'production' || rawEnv === 'test') nodeEnv = rawEnv;
  else problems.push(`NODE_ENV must be development, production or test (got "${rawEnv}")`);
  const production = nodeEnv === 'production';

  const port = int('PORT', 4000, 0, 65535);
  const jwtSecret = str('JWT_SECRET') ?? DEFAULT_JWT_SECRET;
  if (jwtSecret.length < 32) problems.push('JWT_SECRET must be at least 32 characters');
  if (production && jwtSecret === DEFAULT_JWT_SECRET) {
    problems.push('JWT_SECRET must be set in production (the development default is refused)');
  }

  const logLevelRaw = str('LOG_LEVEL') ?? (nodeEnv === 'test' ? 'warn' : 'info');
  let logLevel: LogLevel = 'info';
  if ((LOG_LEVELS as readonly string[]).includes(logLevelRaw)) logLevel = logLevelRaw as LogLevel;
  else problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')} (got "${logLevelRaw}")`);

  const publicUrl = (url('PUBLIC_URL', ['http:', 'https:']) ?? `http://localhost:${port}`).replace(
    /\/+$/,
    '',
  );
  const corsOrigins = (str('CORS_ORIGINS') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const origin of corsOrigins) {
    try {
      new URL(origin);
    } catch {
      problems.push(`CORS_ORIGINS entry "${origin}" is not a valid origin`);
    }
  }

  const config: Config = {
    env: nodeEnv,
    port,
    host: str('HOST') ?? '127.0.0.1',
    listenBacklog: int('LISTEN_BACKLOG', 4096, 1, 65535),
    publicUrl,
    databaseUrl: url('DATABASE_URL', ['postgres:', 'postgresql:']),
    databasePoolSize: int('DATABASE_POOL_SIZE', 10, 1, 500),
    roomListCacheRooms: int('ROOM_LIST_CACHE_ROOMS', 10_000, 0, 10_000_000),
    sendBatchMax: int('SEND_BATCH_MAX', 32, 1, 1_000),
    sendBatchInFlight: int('SEND_BATCH_IN_FLIGHT', 2, 1, 500),
    sendTraceFile: str('SEND_TRACE_FILE'),
    redisUrl: url('REDIS_URL', ['redis:', 'rediss:']),
    dataDir: path.resolve(str('DATA_DIR') ?? '.data'),
    jwtSecret,
    accessTokenTtlSeconds: int('ACCESS_TOKEN_TTL_SECONDS', 900, 10, 86_400),
    refreshTokenTtlSeconds: int('REFRESH_TOKEN_TTL_SECONDS', 30 * 86_400, 60, 365 * 86_400),
    passwordResetTtlSeconds: int('PASSWORD_RESET_TTL_SECONDS', 3600, 60, 86_400),
    smtpUrl: url('SMTP_URL', ['smtp:', 'smtps:']),
    mailFrom: str('MAIL_FROM') ?? 'Parley <no-reply@parley.local>',
    uploadMaxBytes: int('UPLOAD_MAX_BYTES', 25 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
    // Empty means `<dataDir>/uploads`, resolved below (after overrides, which may move dataDir).
    uploadsDir: ((dir) => (dir ? path.resolve(dir) : ''))(str('UPLOADS_DIR')),
    uploadOrphanTtlSeconds: int('UPLOAD_ORPHAN_TTL_SECONDS', 86_400, 1, 365 * 86_400),
    fileUrlTtlSeconds: int('FILE_URL_TTL_SECONDS', 3600, 10, 7 * 86_400),
    bodyLimitBytes: int('BODY_LIMIT_BYTES', 1024 * 1024, 1024, 64 * 1024 * 1024),
    graphqlDepthLimit: int('GRAPHQL_DEPTH_LIMIT', 12, 2, 100),
    graphqlMaxCost: int('GRAPHQL_MAX_COST', 50_000, 10, 10_000_000),
    graphqlListCostFactor: int('GRAPHQL_LIST_COST_FACTOR', 10, 1, 1000),
    graphqlMaxAliases: int('GRAPHQL_MAX_ALIASES', 30, 0, 10_000),
    graphqlMaxTokens: int('GRAPHQL_MAX_TOKENS', 5000, 100, 1_000_000),
    wsMaxSubscriptions: int('WS_MAX_SUBSCRIPTIONS', 100, 1, 10_000),
    wsKeepAliveMs: int('WS_KEEPALIVE_MS', 20_000, 100, 3_600_000),
    trustProxy: trustProxy(str('TRUST_PROXY')),
    rateLimitEnabled: bool('RATE_LIMIT_ENABLED', nodeEnv !== 'test'),
    rateLimits: rateLimitRules(str, problems),
    graphiql: bool('GRAPHIQL', !production),
    introspection: bool('GRAPHQL_INTROSPECTION', bool('INTROSPECTION', !production)),
    corsOrigins,
    logLevel,
    jobsEnabled: bool('JOBS_ENABLED', true),
    messageMaxLength: int('MESSAGE_MAX_LENGTH', 4000, 1, 100_000),
    messageDigestDelaySeconds: int('MESSAGE_DIGEST_DELAY_SECONDS', 900, 0, 7 * 86_400),
    roomReplayMax: int('ROOM_REPLAY_MAX', 1000, 1, 10_000),
    streamResumeWindowSeconds: int('STREAM_RESUME_WINDOW_SECONDS', 86_400, 60, 30 * 86_400),
    jobsSuperviseSeconds: int('JOBS_SUPERVISE_SECONDS', 10, 1, 3600),
    mailRetryDelaySeconds: int('MAIL_RETRY_DELAY_SECONDS', 30, 1, 3600),
    typingLapseMs: int('TYPING_LAPSE_MS', 6000, 100, 60_000),
    presenceGraceMs: int('PRESENCE_GRACE_MS', 5000, 0, 60_000),
    presenceHeartbeatMs: int('PRESENCE_HEARTBEAT_MS', 10_000, 100, 60_000),
    presenceTtlMs: int('PRESENCE_TTL_MS', 30_000, 300, 300_000),
    presenceSweepMs: int('PRESENCE_SWEEP_MS', 10_000, 100, 60_000),
    clientDistDir: path.resolve(str('CLIENT_DIST_DIR') ?? 'client/dist'),
    meetingBaseUrl: url('MEETING_BASE_URL', ['http:', 'https:']) ?? 'https://meet.jit.si/',
    meetingReminderLeadsSeconds: (() => {
      const raw = str('MEETING_REMINDER_LEADS_SECONDS') ?? '86400,900';
      const leads = raw.split(',').map((s) => Number(s.trim()));
      if (leads.some((n) => !Number.isInteger(n) || n < 1 || n > 30 * 86_400)) {
        problems.push(
          `MEETING_REMINDER_LEADS_SECONDS must be positive integers, comma-separated (got "${raw}")`,
        );
        return [86_400, 900];
      }
      return [...new Set(leads)];
    })(),
    meetingReviewWindowSeconds: int('MEETING_REVIEW_WINDOW_SECONDS', 7 * 86_400, 1, 365 * 86_400),
    ...overrides,
  };

  if (problems.length > 0) throw new ConfigError(problems);
  return Object.freeze(
    config.uploadsDir ? config : { ...config, uploadsDir: path.join(config.dataDir, 'uploads') },
  );
}
