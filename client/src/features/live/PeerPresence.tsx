import { useEffect, useState } from 'react';
import { type FragmentType, getFragmentData } from '../../gql/index.ts';
import { relativeTime } from '../../ui/relative-time.ts';
import { dateTimeLabel } from '../conversation/time.ts';
import { useViewerTimeZone } from '../conversation/useViewerTimeZone.ts';
import { PeerPresenceFragment } from './documents.ts';

type RoomRef = FragmentType<typeof PeerPresenceFragment>;

/** The green dot on a direct room's avatar in the room list while the other person is online. */
export function PresenceDot(props: { room: RoomRef }) {
  const room = getFragmentData(PeerPresenceFragment, props.room);
  if (room.kind !== 'DIRECT' || !room.peer?.online) return null;
  return (
    <span className="presence-dot on-avatar" role="img" aria-label="Online" data-testid="presence-dot" />
  );
}

/** Re-renders every minute, so "last seen 5 minutes ago" stays true. */
function useMinuteTick(active: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, [active]);
  return now;
}

/** "Online" with a dot, or "Last seen 5 minutes ago", under a direct conversation's title. */
export function PeerStatus(props: { room: RoomRef }) {
  const room = getFragmentData(PeerPresenceFragment, props.room);
  const peer = room.kind === 'DIRECT' ? room.peer : null;
  const lastSeen = peer && !peer.online ? peer.lastSeenAt : null;
  const now = useMinuteTick(Boolean(lastSeen));
  const timeZone = useViewerTimeZone();
  if (!peer) return null;
  if (peer.online)
    return (
      <p className="peer-status" data-online="true" data-testid="peer-status">
        <span className="presence-dot" aria-hidden="true" /> Online
      </p>
    );
  if (!lastSeen) return null;
  return (
    <p className="peer-status muted" data-online="false" data-testid="peer-status">
      Last seen{' '}
      <time dateTime={lastSeen} title={dateTimeLabel(lastSeen, timeZone)}>
        {relativeTime(lastSeen, now)}
      </time>
    </p>
  );
}
