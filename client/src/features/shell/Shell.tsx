import { useQuery } from '@apollo/client/react';
import { Link, matchPath, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { useAuth, useConnectionStatus } from '../../apollo/ServicesProvider.tsx';
import { graphql } from '../../gql/index.ts';
import { RouteFocus } from '../../ui/RouteFocus.tsx';
import { NARROW, useMediaQuery } from '../../ui/useMediaQuery.ts';
import { NotificationBell } from '../notifications/NotificationBell.tsx';
import { RoomsSidebar } from '../rooms/RoomsSidebar.tsx';
import { ReconnectingBanner } from './ReconnectingBanner.tsx';
import { ViewerBadge } from './ViewerBadge.tsx';

const ShellQuery = graphql(`
  query Shell {
    me {
      id
      # For useViewerTimeZone: every page shows times in the profile's zone.
      timeZone
      ...ViewerBadge_user
    }
  }
`);

const NAV = [
  { to: '/rooms', label: 'Conversations' },
  { to: '/contacts', label: 'Contacts' },
  { to: '/meetings', label: 'Meetings' },
  { to: '/notifications', label: 'Notifications' },
  { to: '/settings', label: 'Settings' },
] as const;

/** The sidebar beside a pane: a complementary landmark (not while the list is the page). */
const SIDEBAR_LANDMARK = { role: 'complementary', 'aria-label': 'Navigation' } as const;

/** Where the back button of a detail pane leads on narrow screens. */
function backTarget(pathname: string): { to: string; label: string } {
  if (matchPath('/meetings/:id', pathname)) return { to: '/meetings', label: 'Back to meetings' };
  const settings = matchPath('/rooms/:id/settings', pathname);
  if (settings) return { to: `/rooms/${settings.params.id}`, label: 'Back to the conversation' };
  return { to: '/rooms', label: 'Back to conversations' };
}

/**
 * The signed-in frame: a sidebar (navigation, then the Chats and Contacts tabs) beside
 * the main pane. At 720 px and below only one pane shows: the sidebar on
 * /rooms, the main pane (with a back button) everywhere else. The list of
 * conversations is then the page itself: it is the `main` landmark, under an
 * h1, and the sidebar around it is no landmark of its own (a main may not sit
 * inside a complementary one).
 */
export function Shell() {
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const auth = useAuth();
  const connection = useConnectionStatus();
  const { data } = useQuery(ShellQuery);
  const pane = pathname === '/rooms' ? 'list' : 'detail';
  const back = backTarget(pathname);
  const listOnly = useMediaQuery(NARROW) && pane === 'list';
  const ListPane = listOnly ? 'main' : 'section';
  const ListHeading = listOnly ? 'h1' : 'h2';

  async function signOut() {
    await auth.logout();
    navigate('/signin', { replace: true });
  }

  return (
    <div className="shell" data-pane={pane} data-connection={connection}>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <RouteFocus />
      <ReconnectingBanner />
      <div className="sidebar" {...(listOnly ? {} : SIDEBAR_LANDMARK)}>
        <div className="sidebar-header">
          <Link to="/rooms" className="brand">
            <span className="logo" aria-hidden="true">
              P
            </span>
            Parley
          </Link>
          <NotificationBell />
        </div>
        <nav aria-label="Main">
          <ul className="nav-list">
            {NAV.map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} end={item.to === '/rooms'}>
                  {item.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <ListPane
          className="room-list"
          aria-labelledby="room-list-heading"
          {...(listOnly ? { id: 'main', tabIndex: -1 } : {})}
        >
          <ListHeading id="room-list-heading" tabIndex={-1} data-route-focus>
            Conversations
          </ListHeading>
          <RoomsSidebar labelledBy="room-list-heading" />
        </ListPane>
        <div className="sidebar-footer">
          {data ? <ViewerBadge user={data.me} /> : null}
          <button type="button" className="button subtle" onClick={() => void signOut()}>
            Sign out
          </button>
        </div>
      </div>
      {listOnly ? (
        <div className="main-pane">
          <Outlet />
        </div>
      ) : (
        <main id="main" className="main-pane" tabIndex={-1}>
          {pane === 'detail' ? (
            <Link to={back.to} className="back-button" aria-label={back.label}>
              <span aria-hidden="true">←</span> Back
            </Link>
          ) : null}
          <Outlet />
        </main>
      )}
    </div>
  );
}
