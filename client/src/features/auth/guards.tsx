import { Navigate, Outlet, useLocation } from 'react-router';
import { useAuth, useAuthState } from '../../apollo/ServicesProvider.tsx';
import { FullPageStatus } from '../../ui/FullPageStatus.tsx';

/** Where a signed-out visitor wanted to go, carried through the sign-in page. */
export interface AuthRedirectState {
  from?: string;
  notice?: string;
}

function SessionPending() {
  const auth = useAuth();
  const state = useAuthState();
  if (state.status === 'unreachable') {
    return (
      <FullPageStatus>
        <p>Parley cannot be reached right now.</p>
        <button type="button" className="button" onClick={() => void auth.restore()}>
          Try again
        </button>
      </FullPageStatus>
    );
  }
  return (
    <FullPageStatus>
      <p>Loading Parley…</p>
    </FullPageStatus>
  );
}

/** Renders its routes for a signed-in user; otherwise sends them to sign in and back. */
export function RequireAuth() {
  const state = useAuthState();
  const location = useLocation();
  if (state.status === 'signedIn') return <Outlet />;
  if (state.status === 'signedOut') {
    const from = `${location.pathname}${location.search}${location.hash}`;
    return <Navigate to="/signin" replace state={{ from } satisfies AuthRedirectState} />;
  }
  return <SessionPending />;
}

/** Sign-in and sign-up: a signed-in user goes on to where they were headed. */
export function PublicOnly() {
  const state = useAuthState();
  const location = useLocation();
  if (state.status === 'signedIn') {
    const from = (location.state as AuthRedirectState | null)?.from;
    return <Navigate to={from && from !== '/' ? from : '/rooms'} replace />;
  }
  if (state.status === 'signedOut') return <Outlet />;
  return <SessionPending />;
}
