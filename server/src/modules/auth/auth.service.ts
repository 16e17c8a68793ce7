/**
 * Accounts and sessions.
 *
 * A session is a refresh-token family: sign-in creates it with one refresh
 * token; each refresh marks the presented token used and issues the next. A
 * token presented a second time means it leaked (or two clients share it), so
 * the whole family is revoked (OAuth 2.0 Security BCP, "refresh token
 * rotation"). Access tokens are short-lived JWTs naming their session, and
 * every request checks the session is still live, so logout takes effect at once.
 */
import type { Deps, Viewer } from '../../deps.ts';
import { TokenVerifyError } from '../../deps.ts';
import { AppError, badInput, ErrorCode, notFound, unauthenticated } from '../../graphql/errors.ts';
import { parseId, uuidv7 } from '../../lib/ids.ts';
import { formatInZone } from '../../lib/time.ts';
import { queueEmail } from '../mail/mail.service.ts';
import { rateLimit } from '../ratelimit/ratelimit.ts';
import { type UserModel, userRowToModel } from '../users/users.model.ts';
import * as usersRepo from '../users/users.repository.ts';
import {
  normalizeDisplayName,
  normalizeEmail,
  normalizeUsername,
  validatePassword,
  validateTimeZone,
} from '../users/users.validation.ts';
import type { AuthResult, ClientInfo, SessionModel } from './auth.model.ts';
import * as repo from './auth.repository.ts';
import { checkField, type FieldProblem, fieldProblemsError } from './auth.validation.ts';
import { burnPasswordCheck, hashPassword, verifyPassword } from './passwords.ts';
import { digest, newOpaqueToken } from './secrets.ts';

export type { Viewer };

export interface RegisterInput {
  email: string;
  username: string;
  password: string;
  displayName: string;
  timeZone: string;
}

const INVALID_LOGIN = 'Invalid login or password';

/**
 * Creates an account. Every problem with the input is reported at once (see
 * `fieldProblemsError`): invalid values first, in the order checked, then an
 * email or username another account holds.
 */
export async function register(
  deps: Deps,
  input: RegisterInput,
  client: ClientInfo = {},
): Promise<AuthResult> {
  await rateLimit(deps, 'registerIp', client.ip ?? 'unknown');
  // Validate everything before the (deliberately slow) hash.
  const problems: FieldProblem[] = [];
  const email = checkField(problems, () => normalizeEmail(input.email));
  const username = checkField(problems, () => normalizeUsername(input.username));
  const password = checkField(problems, () => validatePassword(input.password));
  const displayName = checkField(problems, () => normalizeDisplayName(input.displayName));
  const timeZone = checkField(problems, () => validateTimeZone(input.timeZone));
  problems.push(...(await takenProblems(deps, { email, username })));
  const invalid = fieldProblemsError(problems);
  if (invalid) throw invalid;
  // Each failed check left a problem, so all are set here; this narrows their types.
  if (
    email === undefined ||
    username === undefined ||
    password === undefined ||
    displayName === undefined ||
    timeZone === undefined
  )
    throw new Error('register: a failed check reported no problem');
  const passwordHash = await hashPassword(password);
  try {
    return await deps.db.transaction().execute(async (trx) => {
      const row = await usersRepo.insertUser(trx, {
        id: uuidv7(),
        email,
        username,
        display_name: displayName,
        password_hash: passwordHash,
        time_zone: timeZone,
      });
      return startSession(deps, trx, userRowToModel(row), client);
    });
  } catch (err) {
    // The check above raced with another sign-up: the unique constraint is the arbiter. It names
    // one field; ask again for the other, so both are reported when both were just taken.
    const field = UNIQUE_FIELDS.get((err as { constraint?: unknown }).constraint);
    if (!field) throw err;
    const taken = new Set((await takenProblems(deps, { email, username })).map((p) => p.field)).add(field);
    throw fieldProblemsError([TAKEN.email, TAKEN.username].filter((p) => taken.has(p.field))) ?? err;
  }
}

const TAKEN = {
  email: { field: 'email', message: 'An account with this email already exists', code: ErrorCode.CONFLICT },
  username: { field: 'username', message: 'This username is taken', code: ErrorCode.CONFLICT },
} as const satisfies Record<string, FieldProblem>;

/** The field each unique constraint of `users` guards. */
const UNIQUE_FIELDS = new Map<unknown, string>([
  ['users_email_key', 'email'],
  ['users_username_key', 'username'],
]);

/** CONFLICT problems for the (valid, normalized) email and username other accounts hold. */
async function takenProblems(
  deps: Deps,
  wanted: { email: string | undefined; username: string | undefined },
): Promise<FieldProblem[]> {
  if (wanted.email === undefined && wanted.username === undefined) return [];
  const holders = await repo.findEmailOrUsernameHolders(deps.db, wanted);
  const problems: FieldProblem[] = [];
  if (holders.some((h) => h.email === wanted.email)) problems.push(TAKEN.email);
  if (holders.some((h) => h.username === wanted.username)) problems.push(TAKEN.username);
  return problems;
}

export async function login(
  deps: Deps,
  input: { login: string; password: string },
  client: ClientInfo = {},
): Promise<AuthResult> {
  await rateLimit(deps, 'loginIp', client.ip ?? 'unknown');
  const key = input.login.trim().toLowerCase();
  const row = key ? await usersRepo.findCredentialsByLogin(deps.db, key) : undefined;
  // Per account (by id, so email and username share one budget), before the password check.
  await rateLimit(deps, 'loginAccount', row ? `user:${row.id}` : `login:${key}`);
  if (!row) {
    await burnPasswordCheck(input.password);
    throw unauthenticated(INVALID_LOGIN);
  }
  if (!(await verifyPassword(row.password_hash, input.password))) throw unauthenticated(INVALID_LOGIN);
  return deps.db.transaction().execute((trx) => startSession(deps, trx, userRowToModel(row), client));
}

async function startSession(
  deps: Deps,
  trx: Parameters<typeof repo.insertSession>[0],
  user: UserModel,
  client: ClientInfo,
): Promise<AuthResult> {
  const sessionId = uuidv7();
  const refreshToken = newOpaqueToken();
  await repo.insertSession(trx, {
    id: sessionId,
    user_id: user.id,
    user_agent: client.userAgent?.slice(0, 512) ?? null,
    expires_at: new Date(Date.now() + deps.config.refreshTokenTtlSeconds * 1000),
  });
  await repo.insertRefreshToken(trx, {
    id: uuidv7(),
    session_id: sessionId,
    token_hash: digest(refreshToken),
  });
  const access = deps.tokens.sign({ sub: user.id, sid: sessionId });
  return { sessionId, accessToken: access.token, accessTokenExpiresAt: access.expiresAt, refreshToken, user };
}

export async function refreshSession(deps: Deps, refreshToken: string): Promise<AuthResult> {
  const outcome = await deps.db.transaction().execute(async (trx) => {
    const row = await repo.findRefreshToken(trx, digest(refreshToken));
    if (!row) return { error: unauthenticated('Invalid refresh token') };
    if (row.revoked_at || row.expires_at <= new Date())
      return { error: unauthenticated('Session has ended; sign in again') };
    if (row.used_at || !(await repo.markRefreshTokenUsed(trx, row.id))) {
      // Reuse of a rotated token: assume theft and end the whole family.
      await repo.revokeSession(trx, row.session_id, 'refresh_token_reuse');
      return {
        revoked: row.session_id,
        error: unauthenticated('Refresh token was already used; the session has been revoked'),
      };
    }
    const next = newOpaqueToken();
    await repo.insertRefreshToken(trx, {
      id: uuidv7(),
      session_id: row.session_id,
      token_hash: digest(next),
    });
    await repo.touchSession(trx, row.session_id);
    const user = await usersRepo.findUserById(trx, row.user_id);
    if (!user) return { error: unauthenticated('Account no longer exists') };
    const access = deps.tokens.sign({ sub: user.id, sid: row.session_id });
    return {
      result: {
        sessionId: row.session_id,
        accessToken: access.token,
        accessTokenExpiresAt: access.expiresAt,
        refreshToken: next,
        user: userRowToModel(user),
      },
    };
  });
  // The revocation above must commit even though the caller gets an error.
  if ('revoked' in outcome && outcome.revoked) await deps.sessions.revoked({ sessionIds: [outcome.revoked] });
  if ('error' in outcome) throw outcome.error;
  return outcome.result;
}

/** Ends the session of `refreshToken`. True also for unknown or already-revoked tokens (idempotent). */
export async function logout(deps: Deps, refreshToken: string): Promise<boolean> {
  const row = await repo.findRefreshToken(deps.db, digest(refreshToken));
  if (row) {
    await repo.revokeSession(deps.db, row.session_id, 'logout');
    await deps.sessions.revoked({ sessionIds: [row.session_id] });
  }
  return true;
}

export async function logoutEverywhere(deps: Deps, viewer: Viewer): Promise<boolean> {
  await repo.revokeUserSessions(deps.db, viewer.userId, 'logout_everywhere');
  await deps.sessions.revoked({ userId: viewer.userId });
  return true;
}

export async function revokeSession(deps: Deps, viewer: Viewer, sessionId: string): Promise<boolean> {
  const s = await repo.findSession(deps.db, parseId(sessionId, 'Session'));
  if (!s || s.user_id !== viewer.userId) throw notFound('Session');
  await repo.revokeSession(deps.db, s.id, 'revoked_by_user');
  await deps.sessions.revoked({ sessionIds: [s.id] });
  return true;
}

export async function listSessions(deps: Deps, viewer: Viewer): Promise<SessionModel[]> {
  const rows = await repo.listLiveSessions(deps.db, viewer.userId);
  return rows.map((r) => ({
    id: r.id,
    createdAt: r.created_at,
    lastUsedAt: r.last_used_at,
    userAgent: r.user_agent,
    current: r.id === viewer.sessionId,
  }));
}

export async function changePassword(
  deps: Deps,
  viewer: Viewer,
  current: string,
  next: string,
): Promise<boolean> {
  validatePassword(next, 'next');
  const row = await usersRepo.findPasswordHash(deps.db, viewer.userId);
  if (!row || !(await verifyPassword(row.password_hash, current))) {
    throw badInput('Current password is incorrect', { field: 'current' });
  }
  if (next === current)
    throw badInput('The new password must differ from the current one', { field: 'next' });
  const hash = await hashPassword(next);
  await deps.db.transaction().execute(async (trx) => {
    await usersRepo.updatePasswordHash(trx, viewer.userId, hash);
    await repo.endPasswordResetTokens(trx, viewer.userId);
    await repo.revokeUserSessions(trx, viewer.userId, 'password_changed', viewer.sessionId);
  });
  await deps.sessions.revoked({ userId: viewer.userId, keep: viewer.sessionId });
  return true;
}

/**
 * Emails a single-use reset link if the address has an account. The answer is
 * the same either way (no account enumeration); the token is stored hashed.
 */
export async function requestPasswordReset(
  deps: Deps,
  rawEmail: string,
  client: ClientInfo = {},
): Promise<boolean> {
  await rateLimit(deps, 'passwordResetIp', client.ip ?? 'unknown');
  let email: string;
  try {
    email = normalizeEmail(rawEmail);
  } catch {
    return true;
  }
  await rateLimit(deps, 'passwordResetEmail', email);
  const user = await usersRepo.findCredentialsByLogin(deps.db, email);
  if (!user || user.email !== email) return true;
  const token = newOpaqueToken();
  const expiresAt = new Date(Date.now() + deps.config.passwordResetTtlSeconds * 1000);
  const link = `${deps.config.publicUrl}/reset-password?token=${encodeURIComponent(token)}`;
  const until = formatInZone(expiresAt, user.time_zone);
  await deps.db.transaction().execute(async (trx) => {
    await repo.insertPasswordResetToken(trx, {
      id: uuidv7(),
      user_id: user.id,
      token_hash: digest(token),
      expires_at: expiresAt,
    });
    await queueEmail(
      deps,
      {
        to: user.email,
        subject: 'Reset your Parley password',
        text:
          `Hi ${user.display_name},\n\nSomeone (hopefully you) asked to reset the password of your Parley account @${user.username}.\n\n` +
          `Open this link to choose a new password (it works once, until ${until}):\n\n${link}\n\n` +
          `Your reset code is: ${token}\n\nIf you did not ask for this, ignore this email; your password stays the same.\n`,
      },
      trx,
    );
  });
  return true;
}

export async function resetPassword(deps: Deps, token: string, newPassword: string): Promise<boolean> {
  validatePassword(newPassword, 'newPassword');
  const hash = await hashPassword(newPassword);
  const userId = await deps.db.transaction().execute(async (trx) => {
    const row = await repo.consumePasswordResetToken(trx, digest(token));
    if (!row) return null;
    await usersRepo.updatePasswordHash(trx, row.user_id, hash);
    await repo.endPasswordResetTokens(trx, row.user_id);
    await repo.revokeUserSessions(trx, row.user_id, 'password_reset');
    return row.user_id;
  });
  if (userId) await deps.sessions.revoked({ userId });
  if (!userId) throw badInput('This reset link is invalid, already used or expired', { field: 'token' });
  return true;
}

export type AuthFailureReason = 'TOKEN_EXPIRED' | 'TOKEN_INVALID' | 'SESSION_REVOKED';

/** Why a presented access token was refused; the WebSocket maps these to close codes. */
export class AuthFailure extends AppError {
  readonly closeCode: 4401 | 4403;
  /** `extensions.reason`, for clients to pick a recovery: refresh (expired), sign in again (invalid, revoked). */
  constructor(message: string, closeCode: 4401 | 4403, reason?: AuthFailureReason) {
    super(ErrorCode.UNAUTHENTICATED, message, reason ? { reason } : undefined);
    this.closeCode = closeCode;
  }
}

/**
 * Verifies an access token and that its session is still live (one primary-key
 * read). Throws AuthFailure: 4401 for a missing, malformed or expired token
 * (the client should refresh), 4403 for a revoked session (sign in again).
 */
export async function authenticate(deps: Deps, token: string | undefined): Promise<Viewer> {
  if (!token) throw new AuthFailure('Authentication required', 4401);
  let claims: { sub: string; sid: string };
  try {
    claims = deps.tokens.verify(token);
  } catch (err) {
    const expired = err instanceof TokenVerifyError && err.reason === 'expired';
    throw expired
      ? new AuthFailure('Access token expired', 4401, 'TOKEN_EXPIRED')
      : new AuthFailure('Invalid access token', 4401, 'TOKEN_INVALID');
  }
  const session = await deps.sessions.find(deps.db, claims.sid);
  if (!session || session.user_id !== claims.sub)
    throw new AuthFailure('Invalid access token', 4401, 'TOKEN_INVALID');
  if (session.revoked_at || session.expires_at <= new Date())
    throw new AuthFailure('Session has been revoked', 4403, 'SESSION_REVOKED');
  return { userId: claims.sub, sessionId: claims.sid };
}

/** Extracts the token from `Bearer <token>`; undefined for anything else. */
export function bearerToken(header: unknown): string | undefined {
  if (typeof header !== 'string') return undefined;
  const m = /^Bearer\s+(\S+)$/i.exec(header.trim());
  return m?.[1];
}
