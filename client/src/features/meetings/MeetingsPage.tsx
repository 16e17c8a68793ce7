import { useQuery } from '@apollo/client/react';
import type { ReactNode } from 'react';
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
    past: meetings(filter: { status: [ENDED, COMPLETED, CANCELLED, DECLINED] }, first: 100) {
      edges {
        node {
          id
          ...MeetingCard_meeting
        }
      }
    }
  }
`);

function MeetingSection(props: {
  id: string;
  title: string;
  empty: string;
  count: number;
  children: ReactNode;
}) {
  return (
    <section className="card" aria-labelledby={`${props.id}-heading`}>
      <h2 id={`${props.id}-heading`}>
        {props.title} <span className="count">{props.count}</span>
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

/**
 * /meetings: upcoming (accepted), pending (requests either way and proposed
 * new times) and past meetings, live.
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
    // Listed by start, oldest first: the most recent first reads better for the past.
    const past = data.past.edges.map((e) => e.node).reverse();
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
        <MeetingSection id="past" title="Past" empty="Nothing here yet." count={past.length}>
          {past.map((m) => (
            <MeetingCard key={m.id} meeting={m} timeZone={zone} />
          ))}
        </MeetingSection>
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
