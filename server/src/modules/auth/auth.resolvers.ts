import { type GraphQLContext, requireViewer } from '../../graphql/context.ts';
import type { Resolvers } from '../../graphql/resolvers.generated.ts';
import type { AuthResult } from './auth.model.ts';
import * as auth from './auth.service.ts';

const clientInfo = (ctx: { reply?: { request: { headers: Record<string, unknown>; ip?: string } } }) => {
  const ua = ctx.reply?.request.headers['user-agent'];
  return { userAgent: typeof ua === 'string' ? ua : undefined, ip: ctx.reply?.request.ip };
};

/** After signing in, the rest of the operation runs as the new user (e.g. `user { email }` in the payload). */
async function signedIn(ctx: GraphQLContext, result: Promise<AuthResult>): Promise<AuthResult> {
  const r = await result;
  ctx.viewer = { userId: r.user.id, sessionId: r.sessionId };
  ctx.authError = undefined;
  return r;
}

export const authResolvers: Resolvers = {
  Query: {
    mySessions: (_p, _a, ctx) => auth.listSessions(ctx.deps, requireViewer(ctx)),
  },
  Mutation: {
    register: (_p, { input }, ctx) => signedIn(ctx, auth.register(ctx.deps, input, clientInfo(ctx))),
    login: (_p, { input }, ctx) => signedIn(ctx, auth.login(ctx.deps, input, clientInfo(ctx))),
    refreshSession: (_p, { refreshToken }, ctx) => signedIn(ctx, auth.refreshSession(ctx.deps, refreshToken)),
    logout: (_p, { refreshToken }, ctx) => auth.logout(ctx.deps, refreshToken),
    logoutEverywhere: (_p, _a, ctx) => auth.logoutEverywhere(ctx.deps, requireViewer(ctx)),
    revokeSession: (_p, { sessionId }, ctx) => auth.revokeSession(ctx.deps, requireViewer(ctx), sessionId),
    changePassword: (_p, { current, next }, ctx) =>
      auth.changePassword(ctx.deps, requireViewer(ctx), current, next),
    requestPasswordReset: (_p, { email }, ctx) => auth.requestPasswordReset(ctx.deps, email, clientInfo(ctx)),
    resetPassword: (_p, { token, newPassword }, ctx) => auth.resetPassword(ctx.deps, token, newPassword),
  },
};
