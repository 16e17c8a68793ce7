/**
 * The one registry of error codes clients can rely on (`extensions.code`).
 * Services throw `AppError`s through the helpers below; anything else that
 * reaches the GraphQL layer is masked as INTERNAL_SERVER_ERROR and logged.
 */
export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  RATE_LIMITED: 'RATE_LIMITED',
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
  GRAPHQL_PARSE_FAILED: 'GRAPHQL_PARSE_FAILED',
  GRAPHQL_VALIDATION_FAILED: 'GRAPHQL_VALIDATION_FAILED',
  /** A document over a limit (cost, aliases, tokens); `extensions.limit` names it. */
  QUERY_TOO_COMPLEX: 'QUERY_TOO_COMPLEX',
  /** A request body over `BODY_LIMIT_BYTES` (HTTP 413). */
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** HTTP status for errors raised outside GraphQL (REST routes such as uploads). */
export const httpStatusOf: Record<ErrorCode, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  SERVICE_UNAVAILABLE: 503,
  INTERNAL_SERVER_ERROR: 500,
  GRAPHQL_PARSE_FAILED: 400,
  GRAPHQL_VALIDATION_FAILED: 400,
  QUERY_TOO_COMPLEX: 400,
  PAYLOAD_TOO_LARGE: 413,
};

export type ErrorDetails = Record<string, unknown>;

/** An expected failure with a stable code and a message safe to show the user. */
export class AppError extends Error {
  override name = 'AppError';
  readonly code: ErrorCode;
  readonly details: ErrorDetails | undefined;
  constructor(code: ErrorCode, message: string, details?: ErrorDetails) {
    super(message);
    this.code = code;
    this.details = details;
  }
  /** GraphQL `extensions` for this error. */
  get extensions(): Record<string, unknown> {
    return { code: this.code, ...this.details };
  }
}

export const badInput = (message: string, details?: ErrorDetails) =>
  new AppError(ErrorCode.BAD_USER_INPUT, message, details);
export const unauthenticated = (message = 'Authentication required') =>
  new AppError(ErrorCode.UNAUTHENTICATED, message);
export const forbidden = (message = 'You are not allowed to do that') =>
  new AppError(ErrorCode.FORBIDDEN, message);
export const notFound = (what = 'Resource') => new AppError(ErrorCode.NOT_FOUND, `${what} not found`);
export const conflict = (message: string, details?: ErrorDetails) =>
  new AppError(ErrorCode.CONFLICT, message, details);
/** "12 seconds", "1 minute", "58 minutes", "3 hours": how long until a retry, as a person reads it (rounded up). */
export function waitLabel(seconds: number): string {
  const s = Math.max(1, Math.ceil(seconds));
  const [n, unit] =
    s < 60 ? [s, 'second'] : s < 7200 ? [Math.ceil(s / 60), 'minute'] : [Math.ceil(s / 3600), 'hour'];
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

export const rateLimited = (retryAfterSeconds: number) =>
  new AppError(ErrorCode.RATE_LIMITED, `Too many requests; try again in ${waitLabel(retryAfterSeconds)}`, {
    retryAfterSeconds,
  });
export const serviceUnavailable = (message = 'Service temporarily unavailable; retry shortly') =>
  new AppError(ErrorCode.SERVICE_UNAVAILABLE, message);

/**
 * Errors meaning "the database (or Redis) is unreachable right now", as opposed
 * to a bug: connection refused/reset, pool timeouts, server shutting down.
 * These become SERVICE_UNAVAILABLE so clients retry instead of reporting a bug.
 */
export function isUnavailableError(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  const e = err as Error & { code?: string };
  if (
    e.code &&
    ['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN'].includes(e.code)
  )
    return true;
  // PostgreSQL: 57P01 admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now, 08xxx connection exceptions
  if (e.code && (/^57P0[123]$/.test(e.code) || /^08/.test(e.code))) return true;
  return /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|connection is closed|Connection is closed/i.test(
    e.message,
  );
}

/** Normalises any thrown value to an AppError (unknown errors become INTERNAL_SERVER_ERROR). */
export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (isUnavailableError(err)) return serviceUnavailable();
  return new AppError(ErrorCode.INTERNAL_SERVER_ERROR, 'Internal server error');
}
