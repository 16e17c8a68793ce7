import type { ReactNode } from 'react';

/** A centered message for app-level states (loading the session, server unreachable). */
export function FullPageStatus({ children }: { children: ReactNode }) {
  return (
    <main id="main" className="full-page-status">
      <div role="status">{children}</div>
    </main>
  );
}
