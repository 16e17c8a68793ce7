import { type KeyboardEvent, useId, useState } from 'react';
import { graphql } from '../../gql/index.ts';
import { ShowMore } from '../contacts/ShowMore.tsx';
import { contactResultsText, useContactSearch } from '../contacts/useContactSearch.ts';

/** Contacts per page of results; "Show more contacts" loads the next. */
const PAGE_SIZE = 20;

const ContactPickerQuery = graphql(`
  query ContactPicker($query: String, $first: Int!, $after: String) {
    contacts(query: $query, first: $first, after: $after) {
      edges {
        node {
          id
          displayName
          username
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

interface Person {
  id: string;
  displayName: string;
  username: string;
}

/** What the status line says of the results, once `exclude` has hidden some. */
function resultsText(search: ReturnType<typeof useContactSearch>, shown: number, hidden: number): string {
  if (hidden === 0 || search.people === undefined) return contactResultsText(search);
  const members = hidden === 1 ? '1 already a member' : `${hidden} already members`;
  const found = shown === 1 ? '1 contact to add' : `${shown} contacts to add`;
  return `${found} (${members})${search.paging.hasMore ? ', more below.' : '.'}`;
}

/**
 * The people picked so far, each with a button to unpick them: they stay
 * picked (and listed here) while the search shows others.
 */
function Chosen(props: { people: Person[]; onRemove(person: Person): void }) {
  const labelId = useId();
  if (props.people.length === 0) return null;
  return (
    <div className="picker-chosen">
      <span id={labelId} className="field-hint">
        Selected ({props.people.length}):
      </span>
      <ul className="picker-chips" aria-labelledby={labelId}>
        {props.people.map((p) => (
          <li key={p.id}>
            <button
              type="button"
              className="picker-chip"
              aria-label={`Unselect ${p.displayName}`}
              onClick={() => props.onRemove(p)}
            >
              {p.displayName} <span aria-hidden="true">×</span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * Checkboxes for the viewer's contacts, searched on the server by name or
 * username (`contacts(query:)`) and listed a page at a time, so every
 * contact can be reached, not only the first page. Picks are kept by id
 * across searches. Used to start a chat and to add people to a group
 * (`exclude` hides current members).
 */
export function ContactPicker(props: {
  legend: string;
  selected: ReadonlySet<string>;
  onChange(next: Set<string>): void;
  exclude?: ReadonlySet<string>;
}) {
  const [text, setText] = useState('');
  const search = useContactSearch(ContactPickerQuery, { text, pageSize: PAGE_SIZE });
  // Who the picked ids are, for the chips: a pick may no longer be among the results.
  const [known, setKnown] = useState<ReadonlyMap<string, Person>>(new Map());
  const id = useId();
  const [fieldId, hintId, errorId, listId] = [`${id}-q`, `${id}-hint`, `${id}-error`, `${id}-list`];
  const people = search.people;
  const shown = people?.filter((u) => !props.exclude?.has(u.id));
  const hidden = (people?.length ?? 0) - (shown?.length ?? 0);
  const chosen = [...props.selected].flatMap((pick) => known.get(pick) ?? []);

  function toggle(person: Person, on: boolean) {
    const next = new Set(props.selected);
    if (on) {
      next.add(person.id);
      setKnown((k) => new Map(k).set(person.id, person));
    } else next.delete(person.id);
    props.onChange(next);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    // Enter searches already (as you type): it must not submit the form around the picker.
    if (event.key === 'Enter') event.preventDefault();
  }

  let empty: string | undefined;
  if (shown && shown.length === 0) {
    if (hidden === 0)
      empty = search.query
        ? `No contact matches “${search.query}”.`
        : 'No contacts to pick. Add people on the Contacts page first.';
    else
      empty = search.paging.hasMore
        ? 'Everyone listed so far is already a member. Show more contacts to see others.'
        : 'Everyone listed is already a member.';
  }

  return (
    <fieldset className="stack contact-picker">
      <legend>{props.legend}</legend>
      <Chosen people={chosen} onRemove={(p) => toggle(p, false)} />
      <div className="field">
        <label htmlFor={fieldId}>Search contacts</label>
        <input
          id={fieldId}
          type="search"
          value={text}
          autoComplete="off"
          spellCheck={false}
          aria-controls={shown && shown.length > 0 ? listId : undefined}
          aria-invalid={search.tooLong ? true : undefined}
          aria-describedby={search.tooLong ? errorId : hintId}
          onChange={(e) => setText(e.currentTarget.value)}
          onKeyDown={onKeyDown}
        />
        {search.tooLong ? (
          <p key="error" id={errorId} className="field-error" role="alert">
            {search.tooLong}
          </p>
        ) : (
          <p key="hint" id={hintId} className="field-hint">
            By name or username.
          </p>
        )}
      </div>
      {search.error ? (
        <div role="alert" className="alert">
          <p>Your contacts could not be loaded.</p>
          <button type="button" className="button" onClick={() => void search.retry()}>
            Try again
          </button>
        </div>
      ) : shown === undefined ? (
        search.tooLong ? null : (
          <p className="muted">Loading contacts…</p>
        )
      ) : empty ? (
        <p className="muted">{empty}</p>
      ) : null}
      {shown && shown.length > 0 ? (
        <ul
          id={listId}
          className="picker-list"
          aria-label="Contacts"
          aria-busy={search.loading || search.pending}
        >
          {shown.map((u) => (
            <li key={u.id}>
              <label className="toggle">
                <input
                  type="checkbox"
                  checked={props.selected.has(u.id)}
                  onChange={(e) => toggle(u, e.target.checked)}
                />
                <span>
                  {u.displayName} <span className="muted">@{u.username}</span>
                </span>
              </label>
            </li>
          ))}
        </ul>
      ) : null}
      <ShowMore
        paging={search.paging}
        what="contacts"
        label="Show more contacts"
        className="button picker-more"
      />
      <p role="status" className="visually-hidden">
        {resultsText(search, shown?.length ?? 0, hidden)}
      </p>
    </fieldset>
  );
}
