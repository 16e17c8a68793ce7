import { useQuery } from '@apollo/client/react';
import { useId, useState } from 'react';
import { type FragmentType, getFragmentData, graphql } from '../../gql/index.ts';
import { LIMITS, lengthError, oneLine } from '../../ui/chars.ts';
import { PersonCard } from './PersonCard.tsx';
import type { ContactActions } from './useContactActions.ts';
import { useDebounced } from './useContactSearch.ts';

/** Wait this long after the last keystroke before searching. */
const DEBOUNCE_MS = 300;

export const SearchResultFragment = graphql(`
  fragment SearchResult_user on User {
    id
    displayName
    contactStatus
    blockedByMe
    ...PersonCard_user
  }
`);

const SearchPeopleQuery = graphql(`
  query SearchPeople($query: String!) {
    searchUsers(query: $query, first: 20) {
      edges {
        node {
          id
          ...SearchResult_user
        }
      }
    }
  }
`);

function SearchResult(props: { user: FragmentType<typeof SearchResultFragment>; actions: ContactActions }) {
  const user = getFragmentData(SearchResultFragment, props.user);
  const { actions } = props;
  const busy = actions.busy?.endsWith(`:${user.id}`) ?? false;
  let detail: string | undefined;
  let action = null;
  if (user.blockedByMe) {
    detail = 'Blocked';
    action = (
      <button
        type="button"
        className="button"
        disabled={busy}
        aria-label={`Unblock ${user.displayName}`}
        onClick={() => void actions.unblock(user)}
      >
        Unblock
      </button>
    );
  } else if (user.contactStatus === 'NONE') {
    action = (
      <button
        type="button"
        className="button primary"
        disabled={busy}
        aria-label={`Add ${user.displayName} as a contact`}
        onClick={() => void actions.sendRequest(user)}
      >
        Add
      </button>
    );
  } else if (user.contactStatus === 'REQUEST_SENT') {
    detail = 'Request sent';
  } else if (user.contactStatus === 'REQUEST_RECEIVED') {
    detail = 'Wants to be your contact (see requests)';
  } else if (user.contactStatus === 'CONTACT') {
    detail = 'Contact';
    action = (
      <button
        type="button"
        className="button"
        disabled={busy}
        aria-label={`Message ${user.displayName}`}
        onClick={() => void actions.message(user)}
      >
        Message
      </button>
    );
  }
  return (
    <PersonCard user={user} detail={detail}>
      {action}
    </PersonCard>
  );
}

/** Find people by name, username or email (debounced) and add them. */
export function SearchPeople({ actions }: { actions: ContactActions }) {
  const inputId = useId();
  const [text, setText] = useState('');
  const query = useDebounced(oneLine(text), DEBOUNCE_MS);
  // Over the server's limit the search is not sent: the field says why instead.
  const tooLong = lengthError(query, LIMITS.searchQuery);
  const { data, loading, error } = useQuery(SearchPeopleQuery, {
    variables: { query },
    skip: query.length === 0 || tooLong !== undefined,
  });
  const results = query.length > 0 && !tooLong ? data?.searchUsers.edges : undefined;

  return (
    <section className="card" aria-labelledby="search-people-heading">
      <h2 id="search-people-heading">Find people</h2>
      <search className="field">
        <label htmlFor={inputId}>Search people</label>
        <input
          id={inputId}
          type="search"
          value={text}
          autoComplete="off"
          spellCheck={false}
          placeholder="Name, username or email"
          aria-invalid={tooLong ? true : undefined}
          aria-describedby={tooLong ? `${inputId}-error` : undefined}
          onChange={(e) => setText(e.currentTarget.value)}
        />
        {tooLong ? (
          <p id={`${inputId}-error`} className="field-error">
            {tooLong}
          </p>
        ) : null}
      </search>
      <p role="status" className="visually-hidden">
        {results ? (results.length === 1 ? '1 person found' : `${results.length} people found`) : ''}
      </p>
      <div aria-busy={loading} className="search-results">
        {error ? (
          <p className="status status-error">Search failed. Please try again.</p>
        ) : results ? (
          results.length === 0 ? (
            <p className="muted">No one found for “{query}”.</p>
          ) : (
            <ul className="person-list" aria-label="Search results">
              {results.map((edge) => (
                <SearchResult key={edge.node.id} user={edge.node} actions={actions} />
              ))}
            </ul>
          )
        ) : null}
      </div>
    </section>
  );
}
