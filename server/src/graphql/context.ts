import type { FastifyReply } from 'fastify';
import type { Deps, Viewer } from '../deps.ts';
import { type AppError, unauthenticated } from './errors.ts';
import type { Loaders } from './loaders.ts';

export type { Viewer };

/** Context of every resolver: HTTP requests and WebSocket subscriptions alike. */
export interface GraphQLContext {
  deps: Deps;
  /** Null when no valid token was presented; see `authError` for why. */
  viewer: Viewer | null;
  /** Why a presented token was refused (expired, invalid, revoked). */
  authError?: AppError | undefined;
  loaders: Loaders;
  /** Present for HTTP requests (absent in subscriptions). */
  reply?: FastifyReply;
  /** Mercurius' subscription helper (present on WebSocket contexts). */
  // biome-ignore lint/suspicious/noExplicitAny: Mercurius' PubSub type
  pubsub?: any;
}

/** The viewer, or UNAUTHENTICATED (with the reason a presented token was refused). */
export function requireViewer(ctx: GraphQLContext): Viewer {
  if (ctx.viewer) return ctx.viewer;
  throw ctx.authError ?? unauthenticated();
}
