import { useQuery } from '@apollo/client/react';
import { useRef } from 'react';
import { type FragmentType, getFragmentData, graphql } from '../../gql/index.ts';
import { ConfirmStep, useConfirmStep } from '../../ui/ConfirmStep.tsx';
import { LoadError } from '../../ui/LoadError.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { relativeTime } from '../../ui/relative-time.ts';
import { useRecoverFocus } from '../../ui/useRecoverFocus.ts';
import { dateTimeLabel } from '../conversation/time.ts';
import { useViewerTimeZone } from '../conversation/useViewerTimeZone.ts';
import { PersonCard } from './PersonCard.tsx';
import { SearchPeople } from './SearchPeople.tsx';
import { ShowMore } from './ShowMore.tsx';
import { type ContactActions, useContactActions } from './useContactActions.ts';
import { useContactEvents } from './useContactEvents.ts';
import { useShowMore } from './useShowMore.ts';

export const FriendRequestRowFragment = graphql(`
  fragment FriendRequestRow_request on FriendRequest {
    id
    createdAt
    from {
      id
      displayName
      ...PersonCard_user
    }
    to {
      id
      displayName
      ...PersonCard_user
    }
  }
`);

export const ContactRowFragment = graphql(`
  fragment ContactRow_user on User {
    id
    displayName
    ...PersonCard_user
  }
`);

/** Contacts, and requests each way, per page; "Show more" loads the next. */
const PAGE_SIZE = 50;

/**
 * The people the viewer blocked: refetched after each change (it is short
 * and unpaged). The paged lists are apart, because refetching them would
 * bring back only their first page: mutations and live events update them in
 * place (contacts.cache.ts), so they select nothing such an update cannot
 * supply (no edge cursors; pageInfo.endCursor is all paging needs).
 */
const ContactsPageQuery = graphql(`
  query ContactsPage {
    blockedUsers {
      id
      ...ContactRow_user
    }
  }
`);

/** Pending requests one way ("Requests for you", "Sent requests"), a page at a time. */
const ContactsPageRequestsQuery = graphql(`
  query ContactsPageRequests($direction: FriendRequestDirection!, $first: Int!, $after: String) {
    friendRequests(direction: $direction, first: $first, after: $after) {
      edges {
        node {
          id
          ...FriendRequestRow_request
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

/** The viewer's contacts, a page at a time. */
const ContactsPageContactsQuery = graphql(`
  query ContactsPageContacts($first: Int!, $after: String) {
    contacts(first: $first, after: $after) {
      edges {
        node {
          id
          ...ContactRow_user
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

function Sent({ at }: { at: string }) {
  const timeZone = useViewerTimeZone();
  return (
    <time dateTime={at} title={dateTimeLabel(at, timeZone)}>
      {relativeTime(at)}
    </time>
  );
}

function IncomingRequest(props: {
  request: FragmentType<typeof FriendRequestRowFragment>;
  actions: ContactActions;
}) {
  const r = getFragmentData(FriendRequestRowFragment, props.request);
  const busy = props.actions.busy?.endsWith(`:${r.id}`) ?? false;
  return (
    <PersonCard user={r.from} detail={<Sent at={r.createdAt} />}>
      <button
        type="button"
        className="button primary"
        disabled={busy}
        aria-label={`Accept request from ${r.from.displayName}`}
        onClick={() => void props.actions.respond(r.id, r.from, true)}
      >
        Accept
      </button>
      <button
        type="button"
        className="button"
        disabled={busy}
        aria-label={`Decline request from ${r.from.displayName}`}
        onClick={() => void props.actions.respond(r.id, r.from, false)}
      >
        Decline
      </button>
    </PersonCard>
  );
}

function OutgoingRequest(props: {
  request: FragmentType<typeof FriendRequestRowFragment>;
  actions: ContactActions;
}) {
  const r = getFragmentData(FriendRequestRowFragment, props.request);
  const busy = props.actions.busy?.endsWith(`:${r.id}`) ?? false;
  return (
    <PersonCard user={r.to} detail={<Sent at={r.createdAt} />}>
      <button
        type="button"
        className="button"
        disabled={busy}
        aria-label={`Cancel request to ${r.to.displayName}`}
        onClick={() => void props.actions.cancel(r.id, r.to)}
      >
        Cancel
      </button>
    </PersonCard>
  );
}

/** What blocking does (contacts.service blockUser and the checks that use blocks), for the confirm step. */
const BLOCK_CONSEQUENCES =
  "They'll be removed from your contacts. Neither of you will be able to message the other directly, " +
  'add the other to a group, send a friend or meeting request, or see when the other is online, ' +
  "and they won't find you in search. You can unblock them later.";

function ContactRow(props: { user: FragmentType<typeof ContactRowFragment>; actions: ContactActions }) {
  const user = getFragmentData(ContactRowFragment, props.user);
  const { actions } = props;
  const busy = actions.busy?.endsWith(`:${user.id}`) ?? false;
  const step = useConfirmStep<'remove' | 'block'>();

  async function confirmed(action: (p: typeof user) => Promise<boolean>) {
    await action(user);
    // Done: the row goes with the cache update. Failed: back to the buttons (the status says why).
    step.close();
  }

  return (
    <PersonCard
      user={user}
      below={
        step.asking === 'remove' ? (
          <ConfirmStep
            question={`Remove ${user.displayName} from your contacts?`}
            detail="You'll be removed from their contacts too. You can send them a new request later."
            confirm="Yes, remove"
            confirmLabel={`Yes, remove ${user.displayName}`}
            busy={busy}
            onConfirm={() => void confirmed(actions.remove)}
            onCancel={step.close}
          />
        ) : step.asking === 'block' ? (
          <ConfirmStep
            question={`Block ${user.displayName}?`}
            detail={BLOCK_CONSEQUENCES}
            confirm="Yes, block"
            confirmLabel={`Yes, block ${user.displayName}`}
            busy={busy}
            onConfirm={() => void confirmed(actions.block)}
            onCancel={step.close}
          />
        ) : null
      }
    >
      {step.asking ? null : (
        <>
          <button
            type="button"
            className="button primary"
            disabled={busy}
            aria-label={`Message ${user.displayName}`}
            onClick={() => void actions.message(user)}
          >
            Message
          </button>
          <button
            ref={step.trigger('remove')}
            type="button"
            className="button"
            disabled={busy}
            aria-label={`Remove ${user.displayName}`}
            onClick={() => step.ask('remove')}
          >
            Remove
          </button>
          <button
            ref={step.trigger('block')}
            type="button"
            className="button danger"
            disabled={busy}
            aria-label={`Block ${user.displayName}`}
            onClick={() => step.ask('block')}
          >
            Block
          </button>
        </>
      )}
    </PersonCard>
  );
}

function BlockedRow(props: { user: FragmentType<typeof ContactRowFragment>; actions: ContactActions }) {
  const user = getFragmentData(ContactRowFragment, props.user);
  const busy = props.actions.busy?.endsWith(`:${user.id}`) ?? false;
  return (
    <PersonCard user={user}>
      <button
        type="button"
        className="button"
        disabled={busy}
        aria-label={`Unblock ${user.displayName}`}
        onClick={() => void props.actions.unblock(user)}
      >
        Unblock
      </button>
    </PersonCard>
  );
}

/**
 * A titled card with a list, or a quiet line when the list is empty. With
 * `more` (further pages not loaded yet) the count says "at least": the API
 * has no total to show instead.
 */
function ListSection(props: {
  id: string;
  title: string;
  empty: string;
  count: number;
  more?: boolean;
  children: unknown;
}) {
  return (
    <section className="card" aria-labelledby={`${props.id}-heading`}>
      <h2 id={`${props.id}-heading`}>
        {props.title}{' '}
        <span className="count">
          {props.count}
          {props.more ? (
            <>
              <span aria-hidden="true">+</span>
              <span className="visually-hidden"> or more</span>
            </>
          ) : null}
        </span>
      </h2>
      {props.count === 0 ? (
        <p className="muted">{props.empty}</p>
      ) : (
        <ul className="person-list" aria-labelledby={`${props.id}-heading`}>
          {props.children as never}
        </ul>
      )}
    </section>
  );
}

/** /contacts: find people, answer and follow up requests, contacts and blocked people, live. */
export function ContactsPage() {
  useContactEvents();
  const actions = useContactActions();
  const statusRef = useRef<HTMLParagraphElement>(null);
  useRecoverFocus(statusRef, actions.status.message);
  const blocked = useQuery(ContactsPageQuery, { fetchPolicy: 'cache-and-network' });
  const list = useQuery(ContactsPageContactsQuery, {
    variables: { first: PAGE_SIZE },
    fetchPolicy: 'cache-and-network',
  });
  const incomingList = useQuery(ContactsPageRequestsQuery, {
    variables: { direction: 'INCOMING', first: PAGE_SIZE },
    fetchPolicy: 'cache-and-network',
  });
  const outgoingList = useQuery(ContactsPageRequestsQuery, {
    variables: { direction: 'OUTGOING', first: PAGE_SIZE },
    fetchPolicy: 'cache-and-network',
  });
  const lists = [blocked, list, incomingList, outgoingList];
  const moreContacts = useShowMore(list, 'contacts');
  const moreIncoming = useShowMore(incomingList, 'friendRequests');
  const moreOutgoing = useShowMore(outgoingList, 'friendRequests');
  const contacts = list.data?.contacts;
  const incoming = incomingList.data?.friendRequests;
  const outgoing = outgoingList.data?.friendRequests;
  const blockedUsers = blocked.data?.blockedUsers;

  return (
    <div className="page">
      <PageHeading title="Contacts" />
      <p
        ref={statusRef}
        tabIndex={-1}
        role="status"
        className={actions.status.error ? 'status page-status status-error' : 'status page-status'}
      >
        {actions.status.message}
      </p>
      <SearchPeople actions={actions} />
      {contacts && incoming && outgoing && blockedUsers ? (
        <>
          {incoming.edges.length > 0 ? (
            <ListSection
              id="incoming"
              title="Requests for you"
              empty=""
              count={incoming.edges.length}
              more={incoming.pageInfo.hasNextPage}
            >
              {incoming.edges.map((e) => (
                <IncomingRequest key={e.node.id} request={e.node} actions={actions} />
              ))}
            </ListSection>
          ) : null}
          <ShowMore paging={moreIncoming} what="requests" label="Show more requests for you" />
          <ListSection
            id="contacts"
            title="Your contacts"
            empty="No contacts yet. Find people above and add them."
            count={contacts.edges.length}
            more={contacts.pageInfo.hasNextPage}
          >
            {contacts.edges.map((e) => (
              <ContactRow key={e.node.id} user={e.node} actions={actions} />
            ))}
          </ListSection>
          <ShowMore paging={moreContacts} what="contacts" label="Show more contacts" />
          {outgoing.edges.length > 0 ? (
            <ListSection
              id="outgoing"
              title="Sent requests"
              empty=""
              count={outgoing.edges.length}
              more={outgoing.pageInfo.hasNextPage}
            >
              {outgoing.edges.map((e) => (
                <OutgoingRequest key={e.node.id} request={e.node} actions={actions} />
              ))}
            </ListSection>
          ) : null}
          <ShowMore paging={moreOutgoing} what="sent requests" label="Show more sent requests" />
          {blockedUsers.length > 0 ? (
            <ListSection id="blocked" title="Blocked" empty="" count={blockedUsers.length}>
              {blockedUsers.map((u) => (
                <BlockedRow key={u.id} user={u} actions={actions} />
              ))}
            </ListSection>
          ) : null}
        </>
      ) : lists.some((l) => l.error && !l.data) ? (
        <LoadError
          what="Your contacts"
          retry={() => Promise.all(lists.map((l) => (l.data ? undefined : l.refetch()))).catch(() => {})}
        />
      ) : lists.some((l) => l.loading) ? (
        <p role="status">Loading…</p>
      ) : null}
    </div>
  );
}
