/**
 * The session: access token in memory only, refresh token in localStorage.
 *
 * Refresh tokens are single-use and presenting a used one revokes the whole
 * session (DESIGN.md, decision 12), so every refresh goes through one
 * single-flight promise per tab and, across tabs, through a Web Lock; the
 * refresh token is read from storage inside the lock, so a tab always uses the
 * newest one even when another tab rotated it a moment ago.
 */
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import type { AuthSessionFragment as AuthSessionData } from '../gql/graphql.ts';
import { getFragmentData, graphql } from '../gql/index.ts';

export const AuthSessionFragment = graphql(`
  fragment AuthSession on AuthPayload {
    accessToken
    accessTokenExpiresAt
    refreshToken
    user {
      id
    }
  }
`);

const RefreshSessionMutation = graphql(`
  mutation RefreshSession($refreshToken: String!) {
    refreshSession(refreshToken: $refreshToken) {
      ...AuthSession
    }
  }
`);

const LogoutMutation = graphql(`
  mutation Logout($refreshToken: String!) {
    logout(refreshToken: $refreshToken)
  }
`);

export type SignedOutReason = 'signedOut' | 'expired' | 'revoked';

export type AuthState =
  | { readonly status: 'restoring' }
  /** A refresh token exists but the server could not be reached to use it. */
  | { readonly status: 'unreachable' }
  | { readonly status: 'signedIn'; readonly userId: string }
  | { readonly status: 'signedOut'; readonly reason?: SignedOutReason };

/** The server could not be reached (or answered 5xx): the session is kept. */
export class AuthUnavailableError extends Error {
  override name = 'AuthUnavailableError';
}

export interface AuthStore {
  getState(): AuthState;
  subscribe(listener: () => void): () => void;
  /** The access token to send now, possibly expired (HTTP requests refresh on the server's answer). */
  currentAccessToken(): string | null;
  /** An access token that is not about to expire, refreshing first if needed; null when signed out. */
  getValidAccessToken(): Promise<string | null>;
  /**
   * Refreshes once for everyone. Pass the token a request was rejected with:
   * if the session already moved on, the current token is returned without a
   * new refresh. Resolves null when the session is over (signed out);
   * rejects with AuthUnavailableError when the server is unreachable.
   */
  refresh(rejectedToken?: string | null): Promise<string | null>;
  /** Marks `token` as rejected by the server so the next getValidAccessToken refreshes. */
  expire(token: string | null): void;
  /** Stores a session returned by register, login or refreshSession. */
  setSession(payload: AuthSessionData): void;
  /** On start-up: turns a stored refresh token into a session. */
  restore(): Promise<void>;
  /** Ends the session on the server (logout) and locally. */
  logout(): Promise<void>;
  /** Forgets the session locally (the server already ended it, or will). */
  signOut(reason: SignedOutReason): void;
}

interface Options {
  endpoint: string;
  storage?: Storage;
  fetch?: typeof fetch;
  locks?: LockManager;
}

const REFRESH_TOKEN_KEY = 'parley.refreshToken';
const LOCK_NAME = 'parley.refreshSession';

interface Current {
  accessToken: string;
  /** Local clock time after which we treat the token as expired. */
  refreshAfter: number;
}

/**
 * When to refresh, on the local clock. The JWT's own lifetime (exp - iat) is
 * measured from when we received it, so a skewed client clock does not matter;
 * we refresh a little early (10 % of the lifetime, at most 30 s).
 */
function refreshAfter(accessToken: string, expiresAtIso: string): number {
  try {
    const payload = accessToken.split('.')[1] ?? '';
    const claims = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) as {
      exp?: unknown;
      iat?: unknown;
    };
    if (typeof claims.exp === 'number' && typeof claims.iat === 'number' && claims.exp > claims.iat) {
      const lifetime = (claims.exp - claims.iat) * 1000;
      return Date.now() + lifetime - Math.min(30_000, lifetime * 0.1);
    }
  } catch {
    // Not a JWT we can read: fall back to the server's expiry time.
  }
  return Date.parse(expiresAtIso) - 5_000;
}

interface GraphQLBody<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

export function createAuthStore(options: Options): AuthStore {
  const storage = options.storage ?? window.localStorage;
  const fetchImpl = options.fetch ?? window.fetch.bind(window);
  const locks = options.locks ?? (typeof navigator !== 'undefined' ? navigator.locks : undefined);
  const listeners = new Set<() => void>();

  let current: Current | undefined;
  let inflight: Promise<string | null> | undefined;
  let state: AuthState = storage.getItem(REFRESH_TOKEN_KEY)
    ? { status: 'restoring' }
    : { status: 'signedOut' };

  function setState(next: AuthState) {
    const same =
      next.status === state.status &&
      (next.status !== 'signedIn' || (state.status === 'signedIn' && state.userId === next.userId)) &&
      (next.status !== 'signedOut' || (state.status === 'signedOut' && state.reason === next.reason));
    if (same) return;
    state = next;
    for (const listener of listeners) listener();
  }

  async function post<T, V>(document: TypedDocumentNode<T, V>, variables: V): Promise<GraphQLBody<T>> {
    let res: Response;
    try {
      res = await fetchImpl(options.endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ query: print(document), variables }),
      });
    } catch (err) {
      throw new AuthUnavailableError(`Cannot reach the server: ${(err as Error).message}`);
    }
    if (res.status >= 500) throw new AuthUnavailableError(`Server answered ${res.status}`);
    const body = (await res.json().catch(() => null)) as GraphQLBody<T> | null;
    if (!body) throw new AuthUnavailableError(`Unreadable answer (HTTP ${res.status})`);
    return body;
  }

  function setSession(payload: AuthSessionData) {
    storage.setItem(REFRESH_TOKEN_KEY, payload.refreshToken);
    current = {
      accessToken: payload.accessToken,
      refreshAfter: refreshAfter(payload.accessToken, payload.accessTokenExpiresAt),
    };
    setState({ status: 'signedIn', userId: payload.user.id });
  }

  function signOut(reason: SignedOutReason) {
    storage.removeItem(REFRESH_TOKEN_KEY);
    current = undefined;
    setState({ status: 'signedOut', reason });
  }

  async function exchange(): Promise<string | null> {
    const refreshToken = storage.getItem(REFRESH_TOKEN_KEY);
    if (!refreshToken) {
      signOut('expired');
      return null;
    }
    const body = await post(RefreshSessionMutation, { refreshToken });
    const result = body.data?.refreshSession;
    if (result) {
      setSession(getFragmentData(AuthSessionFragment, result));
      return current?.accessToken ?? null;
    }
    const error = body.errors?.[0];
    if (error?.extensions?.code === 'UNAUTHENTICATED') {
      signOut(/revoked/i.test(error.message) ? 'revoked' : 'expired');
      return null;
    }
    throw new AuthUnavailableError(error?.message ?? 'Refreshing the session failed');
  }

  function refresh(rejectedToken?: string | null): Promise<string | null> {
    if (rejectedToken && current && current.accessToken !== rejectedToken) {
      return Promise.resolve(current.accessToken);
    }
    inflight ??= (locks ? locks.request(LOCK_NAME, exchange) : exchange()).finally(() => {
      inflight = undefined;
    });
    return inflight;
  }

  // Another tab signed out (or in): follow it.
  if (typeof window !== 'undefined') {
    window.addEventListener('storage', (event) => {
      if (event.key !== REFRESH_TOKEN_KEY) return;
      if (event.newValue === null && state.status === 'signedIn') {
        current = undefined;
        setState({ status: 'signedOut', reason: 'signedOut' });
      } else if (event.newValue !== null && state.status === 'signedOut') {
        void store.restore();
      }
    });
  }

  const store: AuthStore = {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    currentAccessToken: () => current?.accessToken ?? null,
    async getValidAccessToken() {
      if (current && Date.now() < current.refreshAfter) return current.accessToken;
      if (!current && state.status === 'signedOut') return null;
      return refresh(current?.accessToken);
    },
    refresh,
    expire(token) {
      if (current && token && current.accessToken === token) current.refreshAfter = 0;
    },
    setSession,
    async restore() {
      if (!storage.getItem(REFRESH_TOKEN_KEY)) {
        setState({ status: 'signedOut' });
        return;
      }
      setState({ status: 'restoring' });
      try {
        await refresh();
      } catch (err) {
        if (!(err instanceof AuthUnavailableError)) throw err;
        setState({ status: 'unreachable' });
      }
    },
    async logout() {
      const refreshToken = storage.getItem(REFRESH_TOKEN_KEY);
      // Forget locally first: even if the server cannot be told, this device is signed out.
      signOut('signedOut');
      if (!refreshToken) return;
      await post(LogoutMutation, { refreshToken }).catch(() => {
        // Unreachable server: the refresh token stays valid until it expires; nothing else to do here.
      });
    },
    signOut,
  };
  return store;
}
