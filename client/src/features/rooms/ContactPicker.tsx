import { useQuery } from '@apollo/client/react';
import { useId, useState } from 'react';
import { graphql } from '../../gql/index.ts';

const ContactPickerQuery = graphql(`
  query ContactPicker {
    contacts(first: 100) {
      edges {
        node {
          id
          displayName
          username
        }
      }
    }
  }
`);

/**
 * Checkboxes for the viewer's contacts, with a filter. Used to start a chat
 * and to add people to a group (`exclude` hides current members).
 */
export function ContactPicker(props: {
  legend: string;
  selected: ReadonlySet<string>;
  onChange(next: Set<string>): void;
  exclude?: ReadonlySet<string>;
}) {
  const { data, error } = useQuery(ContactPickerQuery);
  const [filter, setFilter] = useState('');
  const filterId = useId();
  const q = filter.trim().toLowerCase();
  const contacts = (data?.contacts.edges ?? [])
    .map((e) => e.node)
    .filter((u) => !props.exclude?.has(u.id))
    .filter((u) => !q || u.displayName.toLowerCase().includes(q) || u.username.includes(q));

  function toggle(id: string, on: boolean) {
    const next = new Set(props.selected);
    if (on) next.add(id);
    else next.delete(id);
    props.onChange(next);
  }

  return (
    <fieldset className="stack contact-picker">
      <legend>{props.legend}</legend>
      <div className="field">
        <label htmlFor={filterId}>Filter contacts</label>
        <input id={filterId} type="search" value={filter} onChange={(e) => setFilter(e.target.value)} />
      </div>
      {error && !data ? (
        <p className="status status-error">Your contacts could not be loaded.</p>
      ) : !data ? (
        <p className="muted">Loading contacts…</p>
      ) : contacts.length === 0 ? (
        <p className="muted">
          {q ? 'No contact matches.' : 'No contacts to pick. Add people on the Contacts page first.'}
        </p>
      ) : (
        <ul className="picker-list">
          {contacts.map((u) => (
            <li key={u.id}>
              <label className="toggle">
                <input
                  type="checkbox"
                  checked={props.selected.has(u.id)}
                  onChange={(e) => toggle(u.id, e.target.checked)}
                />
                <span>
                  {u.displayName} <span className="muted">@{u.username}</span>
                </span>
              </label>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
