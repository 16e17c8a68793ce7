import { type KeyboardEvent, useId, useRef, useState } from 'react';
import { SidebarContacts } from '../contacts/SidebarContacts.tsx';
import { RoomList } from './RoomList.tsx';

const TABS = [
  { key: 'chats', label: 'Chats' },
  { key: 'contacts', label: 'Contacts' },
] as const;
type Tab = (typeof TABS)[number]['key'];

/**
 * The sidebar's lists as two tabs: Chats (the live room list) and Contacts
 * (start a direct chat with someone). WAI-ARIA tabs with automatic
 * activation: one tab stop, arrow keys (and Home/End) move between the tabs.
 * See https://www.w3.org/WAI/ARIA/apg/patterns/tabs/
 *
 * The Chats panel stays mounted while hidden: it owns the room list's live
 * stream (order, badges, "typing…"). The Contacts panel mounts when shown,
 * so it is fetched fresh each time.
 */
export function RoomsSidebar(props: { labelledBy: string }) {
  const [tab, setTab] = useState<Tab>('chats');
  const id = useId();
  const tabs = useRef(new Map<Tab, HTMLButtonElement>());

  function onKeyDown(event: KeyboardEvent<HTMLButtonElement>) {
    const at = TABS.findIndex((t) => t.key === tab);
    const to =
      event.key === 'ArrowRight'
        ? (at + 1) % TABS.length
        : event.key === 'ArrowLeft'
          ? (at - 1 + TABS.length) % TABS.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? TABS.length - 1
              : -1;
    const next = TABS[to];
    if (!next) return;
    event.preventDefault();
    setTab(next.key);
    tabs.current.get(next.key)?.focus();
  }

  return (
    <>
      <div role="tablist" aria-labelledby={props.labelledBy} className="sidebar-tabs">
        {TABS.map((t) => (
          <button
            key={t.key}
            ref={(el) => {
              if (el) tabs.current.set(t.key, el);
              else tabs.current.delete(t.key);
            }}
            type="button"
            role="tab"
            id={`${id}-${t.key}-tab`}
            aria-selected={tab === t.key}
            aria-controls={`${id}-${t.key}-panel`}
            tabIndex={tab === t.key ? 0 : -1}
            className="sidebar-tab"
            onClick={() => setTab(t.key)}
            onKeyDown={onKeyDown}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div
        role="tabpanel"
        id={`${id}-chats-panel`}
        aria-labelledby={`${id}-chats-tab`}
        className="sidebar-panel"
        hidden={tab !== 'chats'}
      >
        <RoomList />
      </div>
      <div
        role="tabpanel"
        id={`${id}-contacts-panel`}
        aria-labelledby={`${id}-contacts-tab`}
        className="sidebar-panel"
        hidden={tab !== 'contacts'}
      >
        {tab === 'contacts' ? <SidebarContacts /> : null}
      </div>
    </>
  );
}
