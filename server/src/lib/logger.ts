/**
 * Fastify's (pino's) logger options for Parley: secrets redacted, and client
 * errors kept out of the error level.
 *
 * Error-level lines are what operators alert on, so they must mean "the
 * server has a problem". Mercurius logs the errors of a subscription that
 * fails to start (`log.error(subIter.errors)`) whatever caused them, so an
 * ordinary FORBIDDEN (subscribing to someone else's room) or a validation
 * error would page someone. Errors that carry a client-facing code are
 * logged at info instead; anything else (a bug, an outage) stays an error.
 */
import type { DestinationStream, LoggerOptions } from 'pino';
import type { Config } from '../config.ts';
import { ErrorCode } from '../graphql/errors.ts';

/** Codes that describe the request, not the server: never worth an error line. */
const CLIENT_CODES = new Set<string>([
  ErrorCode.BAD_USER_INPUT,
  ErrorCode.UNAUTHENTICATED,
  ErrorCode.FORBIDDEN,
  ErrorCode.NOT_FOUND,
  ErrorCode.CONFLICT,
  ErrorCode.RATE_LIMITED,
  ErrorCode.GRAPHQL_PARSE_FAILED,
  ErrorCode.GRAPHQL_VALIDATION_FAILED,
  ErrorCode.QUERY_TOO_COMPLEX,
  ErrorCode.PAYLOAD_TOO_LARGE,
]);

function clientCode(e: unknown): boolean {
  if (typeof e !== 'object' || e === null) return false;
  const code = (e as { extensions?: { code?: unknown } }).extensions?.code;
  if (typeof code === 'string') return CLIENT_CODES.has(code);
  const original = (e as { originalError?: unknown }).originalError;
  return original !== undefined && original !== e && clientCode(original);
}

/** An error, or a list of errors, each of which a client caused. */
export function isClientErrorReport(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0 && value.every(clientCode);
  return clientCode(value);
}

const ERROR_LEVEL = 50;

export function loggerOptions(
  config: Config,
  stream?: DestinationStream,
): LoggerOptions & { stream?: DestinationStream } {
  return {
    level: config.logLevel,
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie', '*.password', '*.refreshToken', '*.token'],
      censor: '[redacted]',
    },
    hooks: {
      logMethod(args, method, level) {
        if (level === ERROR_LEVEL && isClientErrorReport(args[0])) {
          // Same line, info level: `this` is the logger the call was made on.
          return (this.info as (...a: unknown[]) => void)(...args);
        }
        return method.apply(this, args);
      },
    },
    ...(stream ? { stream } : {}),
  };
}
