import { useMutation } from '@apollo/client/react';
import { useId, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { graphql } from '../../gql/index.ts';
import { Avatar } from '../attachments/Avatar.tsx';
import { OpenDirectRoomMutation } from './contacts.operations.ts';
import { ShowMore } from './ShowMore.tsx';
import { useContactEvents } from './useContactEvents.ts';
import { contactResultsText, useContactSearch } from './useContactSearch.ts';

/** Contacts per page; "Show more contacts" at the end of the list loads the next. */
const PAGE_SIZE = 100;

/**
 * The sidebar's page of contacts, or of those the filter finds. Changes are
 * applied to it in place (contacts.cache.ts), so pages loaded with "Show
 * more" stay; it is refetched only when the live stream comes up.
 */
const SidebarContactsQuery = graphql(`
  query SidebarContacts($query: String, $first: Int!, $after: String) {
    contacts(query: $query, first: $first, after: $after) {
      edges {
        node {
          id
          displayName
          username
          avatarUrl
          online
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

/**
 * The sidebar's Contacts tab: the viewer's contacts (online ones first among
 * those loaded, with the live dot presence events keep current), each a
 * button that opens (or starts) the direct chat with them, kept current as
 * contacts come and go (here or on /contacts, by us or the other side). A
 * filter field searches every contact on the server, and "Show more contacts"
 * loads past the first page, so none is out of reach. Managing contacts is on
 * /contacts.
 */
export function SidebarContacts() {
  const [filter, setFilter] = useState('');
  const search = useContactSearch(SidebarContactsQuery, { text: filter, pageSize: PAGE_SIZE });
  // Someone accepts our request or removes us while the tab is open: the list follows.
  useContactEvents();
  const [openDirect, opening] = useMutation(OpenDirectRoomMutation);
  const navigate = useNavigate();
  const id = useId();
  const contacts = [...(search.people ?? [])].sort(
    (a, b) => Number(b.online) - Number(a.online) || a.displayName.localeCompare(b.displayName),
  );

  async function open(userId: string) {
    const { data: opened } = await openDirect({ variables: { userId } }).catch(() => ({ data: undefined }));
    if (opened) navigate(`/rooms/${opened.openDirectRoom.id}`);
  }

  // With no contacts at all there is nothing to filter.
  const filterable = filter !== '' || search.query !== '' || contacts.length > 0 || search.paging.hasMore;

  return (
    <div className="room-list-body">
      <Link to="/contacts" className="button new-chat">
        Find people
      </Link>
      {filterable ? (
        <div className="sidebar-filter">
          <label htmlFor={`${id}-filter`} className="visually-hidden">
            Filter contacts
          </label>
          <input
            id={`${id}-filter`}
            type="search"
            value={filter}
            placeholder="Filter contacts"
            autoComplete="off"
            spellCheck={false}
            aria-invalid={search.tooLong ? true : undefined}
            aria-describedby={search.tooLong ? `${id}-error` : undefined}
            onChange={(e) => setFilter(e.currentTarget.value)}
          />
          {search.tooLong ? (
            <p id={`${id}-error`} className="field-error" role="alert">
              {search.tooLong}
            </p>
          ) : null}
        </div>
      ) : null}
      {opening.error ? (
        <p className="status status-error" role="alert">
          The chat could not be opened. Try again.
        </p>
      ) : null}
      {search.error ? (
        <div className="alert" role="alert">
          <p>Your contacts could not be loaded.</p>
          <button type="button" className="button small" onClick={() => void search.retry()}>
            Try again
          </button>
        </div>
      ) : search.people === undefined ? (
        search.tooLong ? null : (
          <p className="muted">Loading…</p>
        )
      ) : contacts.length === 0 ? (
        <p className="muted">
          {search.query
            ? `No contact matches “${search.query}”.`
            : 'No contacts yet. Find people to chat with on the Contacts page.'}
        </p>
      ) : (
        <ul className="rooms" aria-label="Your contacts" aria-busy={search.loading || search.pending}>
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
      <ShowMore
        paging={search.paging}
        what="contacts"
        label="Show more contacts"
        className="button small sidebar-more"
      />
      {filterable ? (
        <p role="status" className="visually-hidden">
          {search.query ? contactResultsText(search) : ''}
        </p>
      ) : null}
    </div>
  );
}
