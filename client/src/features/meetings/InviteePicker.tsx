import { type KeyboardEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { graphql } from '../../gql/index.ts';
import { contactResultsText, useContactSearch } from '../contacts/useContactSearch.ts';

/** Contacts per page of results; "Show more contacts" loads the next. */
const PAGE_SIZE = 20;

/** Who a meeting is with: what the form and the time fields need. */
export interface Invitee {
  id: string;
  displayName: string;
  username: string;
  timeZone: string;
}

const InviteeSearchQuery = graphql(`
  query MeetingInviteeSearch($query: String, $first: Int!, $after: String) {
    contacts(query: $query, first: $first, after: $after) {
      edges {
        node {
          id
          displayName
          username
          timeZone
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

/** What the field shows for a chosen person. */
export const inviteeLabel = (p: Pick<Invitee, 'displayName' | 'username'>): string =>
  `${p.displayName} (@${p.username})`;

/**
 * One option of the list. Keyboard focus stays in the field, which points at
 * the active option (aria-activedescendant) and handles the keys; a click
 * picks, without taking focus from the field.
 */
function Option(props: { id: string; active: boolean; onPick(): void; more?: boolean; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: the keys are the combobox field's (see above)
    <div
      id={props.id}
      role="option"
      tabIndex={-1}
      aria-selected={props.active}
      className={props.more ? 'invitee-option invitee-more' : 'invitee-option'}
      onMouseDown={(e) => e.preventDefault()}
      onClick={props.onPick}
    >
      {props.children}
    </div>
  );
}

/**
 * "With": an editable combobox over the viewer's contacts (the WAI-ARIA
 * combobox pattern with a listbox popup, https://www.w3.org/WAI/ARIA/apg/patterns/combobox/):
 * typing searches every contact by name or username on the server, so the
 * 101st is as reachable as the first; the results come a page at a time, the
 * last option loading the next. Down/Up move through the options (Down opens
 * the list, every contact when nothing is typed), Enter picks, Escape closes
 * (then clears). `value` is the person picked, `null` until one is.
 */
export function InviteePicker(props: {
  id: string;
  value: Invitee | null;
  onChange(next: Invitee | null): void;
  error?: string | undefined;
}) {
  const { id, value } = props;
  const listId = `${id}-options`;
  const input = useRef<HTMLInputElement>(null);
  const [text, setText] = useState(value ? inviteeLabel(value) : '');
  const [open, setOpenState] = useState(false);
  // Nothing is fetched until the list is first opened; after that results (or an error) stay while it is closed.
  const [opened, setOpened] = useState(false);
  const [active, setActive] = useState(-1);
  // The field shows the chosen person: opening it then lists everyone rather than searching for that label.
  const typed = value && text === inviteeLabel(value) ? '' : text;
  const search = useContactSearch(InviteeSearchQuery, { text: typed, pageSize: PAGE_SIZE, wanted: opened });
  const people = search.people ?? [];
  // The options: the people, then "Show more contacts" while more pages exist.
  const count = people.length + (search.paging.hasMore ? 1 : 0);
  const activeIndex = active < count ? active : -1;
  const optionId = (i: number) => `${listId}-${i}`;

  useEffect(() => {
    if (open && activeIndex >= 0)
      document.getElementById(optionId(activeIndex))?.scrollIntoView({ block: 'nearest' });
  });

  function setOpen(next: boolean) {
    setOpenState(next);
    if (next) setOpened(true);
  }

  function close() {
    setOpen(false);
    setActive(-1);
  }

  function choose(index: number) {
    if (index === people.length) {
      // The "Show more" option: it stays active, and is the first new contact once they arrive.
      void search.paging.showMore();
      return;
    }
    const person = people[index];
    if (!person) return;
    props.onChange(person);
    setText(inviteeLabel(person));
    close();
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (!open) {
          setOpen(true);
          setActive(0);
        } else setActive(Math.min(activeIndex + 1, count - 1));
        return;
      case 'ArrowUp':
        event.preventDefault();
        if (!open) setOpen(true);
        setActive(activeIndex <= 0 ? count - 1 : activeIndex - 1);
        return;
      case 'Enter':
        // With the list open, Enter picks (or closes it); it never submits the form from here.
        if (!open) return;
        event.preventDefault();
        if (activeIndex >= 0) choose(activeIndex);
        else close();
        return;
      case 'Escape':
        if (open) {
          event.preventDefault();
          close();
        } else if (text) {
          event.preventDefault();
          setText('');
          props.onChange(null);
        }
        return;
      case 'Tab':
        close();
        return;
    }
  }

  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const statusText = open ? contactResultsText(search) : '';

  return (
    <div className="field invitee-picker">
      <label htmlFor={id}>With</label>
      <input
        ref={input}
        id={id}
        type="text"
        role="combobox"
        value={text}
        autoComplete="off"
        spellCheck={false}
        placeholder="Search your contacts"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open && activeIndex >= 0 ? optionId(activeIndex) : undefined}
        aria-invalid={props.error || search.tooLong ? true : undefined}
        aria-describedby={props.error || search.tooLong ? errorId : hintId}
        onChange={(e) => {
          const next = e.currentTarget.value;
          setText(next);
          setOpen(true);
          setActive(-1);
          if (value && next !== inviteeLabel(value)) props.onChange(null);
        }}
        onClick={() => setOpen(true)}
        onKeyDown={onKeyDown}
        onBlur={close}
      />
      <div className="invitee-popup" hidden={!open}>
        <div
          id={listId}
          role="listbox"
          aria-label="Contacts"
          aria-busy={search.loading}
          className="invitee-options"
        >
          {people.map((p, i) => (
            <Option key={p.id} id={optionId(i)} active={i === activeIndex} onPick={() => choose(i)}>
              <span className="invitee-name">{p.displayName}</span>{' '}
              <span className="muted">@{p.username}</span>
            </Option>
          ))}
          {search.paging.hasMore ? (
            <Option
              id={optionId(people.length)}
              active={activeIndex === people.length}
              onPick={() => choose(people.length)}
              more
            >
              {search.paging.failed ? 'More contacts could not be loaded: try again' : 'Show more contacts'}
            </Option>
          ) : null}
        </div>
        {open && statusText && people.length === 0 ? (
          <p className="muted invitee-empty">{statusText}</p>
        ) : null}
      </div>
      <p role="status" className="visually-hidden">
        {statusText}
      </p>
      {search.error ? (
        <div className="field-error" role="alert">
          Your contacts could not be searched.{' '}
          <button
            type="button"
            className="button"
            // A mouse click leaves the list open; from the keyboard, Tab reaches it with the list closed.
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => {
              void search.retry();
              input.current?.focus();
            }}
          >
            Try again
          </button>
        </div>
      ) : null}
      {props.error || search.tooLong ? (
        <p id={errorId} className="field-error">
          {props.error ?? search.tooLong}
        </p>
      ) : (
        <p id={hintId} className="field-hint">
          {value
            ? `${value.displayName}’s time zone: ${value.timeZone}.`
            : 'One of your contacts: type a name or username, or press ↓ to list them.'}
        </p>
      )}
    </div>
  );
}
