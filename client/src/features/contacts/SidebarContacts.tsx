import { useMutation, useQuery } from '@apollo/client/react';
import { Link, useNavigate } from 'react-router';
import { graphql } from '../../gql/index.ts';
import { Avatar } from '../attachments/Avatar.tsx';
import { OpenDirectRoomMutation } from './contacts.operations.ts';
import { useContactEvents } from './useContactEvents.ts';

const SidebarContactsQuery = graphql(`
  query SidebarContacts {
    contacts(first: 100) {
      edges {
        node {
          id
          displayName
          username
          avatarUrl
          online
        }
      }
    }
  }
`);

/**
 * The sidebar's Contacts tab: the viewer's contacts (online ones first, with
 * the live dot presence events keep current), each a button that opens (or
 * starts) the direct chat with them, kept current as contacts come and go
 * (here or on /contacts, by us or the other side). Managing contacts is on /contacts.
 */
export function SidebarContacts() {
  const { data, error } = useQuery(SidebarContactsQuery, { fetchPolicy: 'cache-and-network' });
  // Someone accepts our request or removes us while the tab is open: the list follows.
  useContactEvents();
  const [openDirect, opening] = useMutation(OpenDirectRoomMutation);
  const navigate = useNavigate();
  const contacts = [...(data?.contacts.edges ?? [])]
    .map((e) => e.node)
    .sort((a, b) => Number(b.online) - Number(a.online) || a.displayName.localeCompare(b.displayName));

  async function open(userId: string) {
    const { data: opened } = await openDirect({ variables: { userId } }).catch(() => ({ data: undefined }));
    if (opened) navigate(`/rooms/${opened.openDirectRoom.id}`);
  }

  if (error && !data) return <p className="status status-error">Your contacts could not be loaded.</p>;
  if (!data) return <p className="muted">Loading…</p>;
  return (
    <div className="room-list-body">
      <Link to="/contacts" className="button new-chat">
        Find people
      </Link>
      {opening.error ? (
        <p className="status status-error" role="alert">
          The chat could not be opened. Try again.
        </p>
      ) : null}
      {contacts.length === 0 ? (
        <p className="muted">No contacts yet. Find people to chat with on the Contacts page.</p>
      ) : (
        <ul className="rooms" aria-label="Your contacts">
          {contacts.map((c) => (
            <li key={c.id} className="room-item">
              <button
                type="button"
                className="room-link contact-link"
                onClick={() => void open(c.id)}
                disabled={opening.loading}
              >
                <span className="visually-hidden">Chat with </span>
                <Avatar name={c.displayName} url={c.avatarUrl} />
                {c.online ? <span className="presence-dot on-avatar" aria-hidden="true" /> : null}
                <span className="room-text">
                  <span className="room-title">{c.displayName}</span>
                  <span className="room-preview">
                    @{c.username}
                    {c.online ? <span className="visually-hidden"> (online)</span> : null}
                  </span>
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
