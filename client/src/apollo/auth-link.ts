import { ApolloLink } from '@apollo/client';
import { Observable } from '@apollo/client/utilities';
import type { AuthStore } from './auth-store.ts';

/**
 * What the server says when the bearer token is the problem (see
 * `authenticate` in server/src/modules/auth/auth.service.ts). Both are cured
 * by a refresh; a revoked session is not, and signs out.
 */
const REFRESHABLE = new Set(['Access token expired', 'Invalid access token']);

type Errors = ApolloLink.Result['errors'];

function authFailure(errors: Errors): 'refresh' | 'revoked' | undefined {
  for (const e of errors ?? []) {
    if (e.extensions?.code !== 'UNAUTHENTICATED') continue;
    if (REFRESHABLE.has(e.message)) return 'refresh';
    if (e.message === 'Session has been revoked') return 'revoked';
  }
  return undefined;
}

/**
 * Adds `Authorization: Bearer <access token>` to HTTP operations. When the
 * server rejects the token as expired, refreshes (once for all concurrent
 * requests: AuthStore.refresh is single-flight) and retries the operation
 * once with the new token; if the session cannot be refreshed the store signs
 * out and the original error is passed on.
 */
export function createAuthLink(auth: AuthStore): ApolloLink {
  return new ApolloLink(
    (operation, forward) =>
      new Observable<ApolloLink.Result>((observer) => {
        let inner: { unsubscribe(): void } | undefined;
        let closed = false;

        const attempt = (isRetry: boolean) => {
          const token = auth.currentAccessToken();
          operation.setContext(({ headers }: { headers?: Record<string, string> }) => {
            const next = { ...headers };
            if (token) next.authorization = `Bearer ${token}`;
            else delete next.authorization;
            return { headers: next };
          });
          let retrying = false;
          inner = forward(operation).subscribe({
            next: (result) => {
              const failure = token ? authFailure(result.errors) : undefined;
              if (failure === 'revoked') auth.signOut('revoked');
              if (failure !== 'refresh' || isRetry) {
                observer.next(result);
                return;
              }
              retrying = true;
              auth.refresh(token).then(
                (fresh) => {
                  if (closed) return;
                  if (fresh) attempt(true);
                  else {
                    observer.next(result);
                    observer.complete();
                  }
                },
                (err: unknown) => {
                  if (!closed) observer.error(err);
                },
              );
            },
            error: (err) => observer.error(err),
            complete: () => {
              if (!retrying) observer.complete();
            },
          });
        };

        attempt(false);
        return () => {
          closed = true;
          inner?.unsubscribe();
        };
      }),
  );
}
