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
  /** `PUBLIC_URL`: how users reach this service (links in emails); default `http://localhost:<port>`. */
  readonly publicUrl: string;
  /** `DATABASE_URL`; unset means an embedded PostgreSQL under `dataDir`. */
  readonly databaseUrl: string | undefined;
  /** `DATABASE_POOL_SIZE`; default 10. */
  readonly databasePoolSize: number;
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
  /** `BODY_LIMIT_BYTES`: max HTTP request body for GraphQL; default 1048576 (1 MiB). */
  readonly bodyLimitBytes: number;
  /** `GRAPHQL_DEPTH_LIMIT`; default 12. */
  readonly graphqlDepthLimit: number;
  /** `GRAPHIQL`: serve GraphiQL at /graphiql; default true outside production. */
  readonly graphiql: boolean;
  /** `INTROSPECTION`: allow schema introspection; default true outside production. */
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
  /** `CLIENT_DIST_DIR`: built web client served at `/`; default `client/dist`. */
  readonly clientDistDir: string;
}

export class ConfigError extends Error {
  readonly problems: readonly string[];
  constructor(problems: readonly string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
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
    publicUrl,
    databaseUrl: url('DATABASE_URL', ['postgres:', 'postgresql:']),
    databasePoolSize: int('DATABASE_POOL_SIZE', 10, 1, 500),
    redisUrl: url('REDIS_URL', ['redis:', 'rediss:']),
    dataDir: path.resolve(str('DATA_DIR') ?? '.data'),
    jwtSecret,
    accessTokenTtlSeconds: int('ACCESS_TOKEN_TTL_SECONDS', 900, 10, 86_400),
    refreshTokenTtlSeconds: int('REFRESH_TOKEN_TTL_SECONDS', 30 * 86_400, 60, 365 * 86_400),
    passwordResetTtlSeconds: int('PASSWORD_RESET_TTL_SECONDS', 3600, 60, 86_400),
    smtpUrl: url('SMTP_URL', ['smtp:', 'smtps:']),
    mailFrom: str('MAIL_FROM') ?? 'Parley <no-reply@parley.local>',
    uploadMaxBytes: int('UPLOAD_MAX_BYTES', 25 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
    bodyLimitBytes: int('BODY_LIMIT_BYTES', 1024 * 1024, 1024, 64 * 1024 * 1024),
    graphqlDepthLimit: int('GRAPHQL_DEPTH_LIMIT', 12, 2, 100),
    graphiql: bool('GRAPHIQL', !production),
    introspection: bool('INTROSPECTION', !production),
    corsOrigins,
    logLevel,
    jobsEnabled: bool('JOBS_ENABLED', true),
    messageMaxLength: int('MESSAGE_MAX_LENGTH', 4000, 1, 100_000),
    messageDigestDelaySeconds: int('MESSAGE_DIGEST_DELAY_SECONDS', 900, 0, 7 * 86_400),
    clientDistDir: path.resolve(str('CLIENT_DIST_DIR') ?? 'client/dist'),
    ...overrides,
  };

  if (problems.length > 0) throw new ConfigError(problems);
  return Object.freeze(config);
}
