import { Outlet } from 'react-router';
import { RouteFocus } from '../../ui/RouteFocus.tsx';

/** The frame of the signed-out pages: one centered card. */
export function AuthLayout() {
  return (
    <div className="auth-layout">
      <RouteFocus />
      <header className="auth-brand">
        <span className="logo" aria-hidden="true">
          P
        </span>
        <span>Parley</span>
      </header>
      <main id="main" className="auth-card" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}
