import { useQuery } from '@apollo/client/react';
import { type ReactNode, useState } from 'react';
import { Link } from 'react-router';
import { graphql } from '../../gql/index.ts';
import { LoadError } from '../../ui/LoadError.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { MeetingCard } from './MeetingCard.tsx';
import { useMeetingEvents } from './useMeetingEvents.ts';

/** Enough for a person's meetings at a glance; the server caps a page at 100. */
const LIST_SIZE = 50;

const MeetingsPageQuery = graphql(`
  query MeetingsPage($first: Int!) {
    me {
      id
      timeZone
    }
    upcoming: meetings(filter: { status: [ACCEPTED, IN_PROGRESS] }, first: $first) {
      edges {
        node {
          id
          pendingReschedule {
            startsAt
          }
          ...MeetingCard_meeting
        }
      }
    }
    requested: meetings(filter: { status: [REQUESTED] }, first: $first) {
      edges {
        node {
          id
          ...MeetingCard_meeting
        }
      }
    }
  }
`);

/** Past meetings per page; "Show older" adds a page. */
const PAST_PAGE = 20;

/**
 * Meetings that are over or will not happen, latest first. Each page is its
 * own query after the previous page's last cursor, so a live refetch (every
 * page is named PastMeetings) keeps the pages joined up.
 */
const PastMeetingsQuery = graphql(`
  query PastMeetings($first: Int!, $after: String) {
    meetings(
      filter: { status: [ENDED, COMPLETED, CANCELLED, DECLINED, EXPIRED] }
      order: START_DESC
      first: $first
      after: $after
    ) {
      edges {
        node {
          id
          ...MeetingCard_meeting
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

function MeetingSection(props: {
  id: string;
  title: string;
  empty: string;
  count: number;
  /** Shown after the count, e.g. "+" while older meetings are not loaded. */
  countSuffix?: string;
  children: ReactNode;
}) {
  return (
    <section className="card" aria-labelledby={`${props.id}-heading`}>
      <h2 id={`${props.id}-heading`}>
        {props.title}{' '}
        <span className="count">
          {props.count}
          {props.countSuffix ?? ''}
        </span>
      </h2>
      {props.count === 0 ? (
        <p className="muted">{props.empty}</p>
      ) : (
        <ul className="meeting-list" aria-labelledby={`${props.id}-heading`}>
          {props.children}
        </ul>
      )}
    </section>
  );
}

/** "Show older": the last item of a list that has more. */
function ShowOlder(props: { onClick(): void }) {
  return (
    <li className="meeting-more">
      <button type="button" className="button" onClick={props.onClick}>
        Show older
      </button>
    </li>
  );
}

/**
 * A page of past meetings after `after`; once "Show older" is used, the next
 * page after its own last cursor. Each page is its own query (all named
 * PastMeetings, so a live refetch updates every page), chained by cursor, so
 * the pages stay joined up when a meeting is added to the first one.
 */
function PastPage(props: { after: string; zone: string }) {
  const [expanded, setExpanded] = useState(false);
  const { data, error, refetch } = useQuery(PastMeetingsQuery, {
    variables: { first: PAST_PAGE, after: props.after },
    fetchPolicy: 'cache-and-network',
  });
  if (!data)
    return (
      <li className="meeting-more">
        {error ? <LoadError what="Older meetings" retry={refetch} /> : <span role="status">Loading…</span>}
      </li>
    );
  const page = data.meetings;
  return (
    <>
      {page.edges.map((e) => (
        <MeetingCard key={e.node.id} meeting={e.node} timeZone={props.zone} />
      ))}
      {page.pageInfo.hasNextPage && page.pageInfo.endCursor ? (
        expanded ? (
          <PastPage after={page.pageInfo.endCursor} zone={props.zone} />
        ) : (
          <ShowOlder onClick={() => setExpanded(true)} />
        )
      ) : null}
    </>
  );
}

/** The Past section: the latest PAST_PAGE meetings, then older ones a page at a time. */
function PastMeetings(props: { zone: string }) {
  const [expanded, setExpanded] = useState(false);
  const { data, error, refetch } = useQuery(PastMeetingsQuery, {
    variables: { first: PAST_PAGE, after: null },
    fetchPolicy: 'cache-and-network',
  });
  if (!data)
    return error ? <LoadError what="Your past meetings" retry={refetch} /> : <p role="status">Loading…</p>;
  const first = data.meetings;
  const cursor = first.pageInfo.hasNextPage ? first.pageInfo.endCursor : null;
  return (
    <MeetingSection
      id="past"
      title="Past"
      empty="Nothing here yet."
      count={first.edges.length}
      countSuffix={cursor ? '+' : ''}
    >
      {first.edges.map((e) => (
        <MeetingCard key={e.node.id} meeting={e.node} timeZone={props.zone} />
      ))}
      {cursor ? (
        expanded ? (
          <PastPage after={cursor} zone={props.zone} />
        ) : (
          <ShowOlder onClick={() => setExpanded(true)} />
        )
      ) : null}
    </MeetingSection>
  );
}

/**
 * /meetings: upcoming (accepted), pending (requests either way and proposed
 * new times) and past meetings (over, declined, cancelled or lapsed; latest
 * first, paged), live.
 */
export function MeetingsPage() {
  useMeetingEvents();
  const { data, error, loading, refetch } = useQuery(MeetingsPageQuery, {
    variables: { first: LIST_SIZE },
    fetchPolicy: 'cache-and-network',
  });

  let body: ReactNode = null;
  if (data) {
    const zone = data.me.timeZone;
    const accepted = data.upcoming.edges.map((e) => e.node);
    // A proposed new time waits for an answer: it is listed under Pending until settled.
    const upcoming = accepted.filter((m) => !m.pendingReschedule);
    const pending = [
      ...data.requested.edges.map((e) => e.node),
      ...accepted.filter((m) => m.pendingReschedule),
    ];
    body = (
      <>
        <MeetingSection
          id="pending"
          title="Pending"
          empty="Nothing waiting for an answer."
          count={pending.length}
        >
          {pending.map((m) => (
            <MeetingCard key={m.id} meeting={m} timeZone={zone} />
          ))}
        </MeetingSection>
        <MeetingSection
          id="upcoming"
          title="Upcoming"
          empty="No accepted meetings ahead."
          count={upcoming.length}
        >
          {upcoming.map((m) => (
            <MeetingCard key={m.id} meeting={m} timeZone={zone} />
          ))}
        </MeetingSection>
        <PastMeetings zone={zone} />
      </>
    );
  } else if (error) {
    body = <LoadError what="Your meetings" retry={refetch} />;
  } else if (loading) {
    body = <p role="status">Loading…</p>;
  }

  return (
    <div className="page meetings-page">
      <div className="page-header">
        <PageHeading title="Meetings" />
        <Link to="/meetings/new" className="button primary">
          Request a meeting
        </Link>
      </div>
      {data ? (
        <p className="muted meetings-zone">Times are shown in your time zone, {data.me.timeZone}.</p>
      ) : null}
      {body}
    </div>
  );
}
