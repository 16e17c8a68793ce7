import { useEffect, useState } from 'react';
import { useConnectionStatus } from '../../apollo/ServicesProvider.tsx';

/** Quick drops that heal within this time are not worth a banner. */
const GRACE_MS = 1_000;

/** A quiet notice while the live connection is down; it disappears when it is back. */
export function ReconnectingBanner() {
  const status = useConnectionStatus();
  const down = status === 'reconnecting';
  const [visible, setVisible] = useState(false);
  useEffect(() => {
    if (!down) {
      setVisible(false);
      return;
    }
    const timer = setTimeout(() => setVisible(true), GRACE_MS);
    return () => clearTimeout(timer);
  }, [down]);
  return (
    <div className="connection-banner" role="status" aria-live="polite">
      {visible ? 'Reconnecting… Live updates will resume shortly.' : ''}
    </div>
  );
}
