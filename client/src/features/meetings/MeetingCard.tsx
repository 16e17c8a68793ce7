import { Link } from 'react-router';
import { type FragmentType, getFragmentData, graphql } from '../../gql/index.ts';
import { MeetingTimes } from './MeetingTimes.tsx';
import { KIND_LABEL, STATUS_LABEL } from './meeting-labels.ts';

export const MeetingCardFragment = graphql(`
  fragment MeetingCard_meeting on Meeting {
    id
    status
    kind
    myRole
    agenda
    location
    reviewedByMe
    otherParticipant {
      id
      displayName
    }
    pendingReschedule {
      startsAt
      proposedBy {
        id
      }
    }
    ...MeetingTimes_meeting
  }
`);

/** What, if anything, the viewer should do about a meeting (shown as a tag). */
function todo(m: {
  status: string;
  myRole: string;
  reviewedByMe: boolean;
  otherParticipant?: { id: string } | null;
  pendingReschedule?: { proposedBy?: { id: string } | null } | null;
}): string | undefined {
  if (m.status === 'REQUESTED') return m.myRole === 'INVITEE' ? 'Needs your answer' : 'Waiting for an answer';
  if (m.pendingReschedule) {
    const byOther =
      m.pendingReschedule.proposedBy && m.pendingReschedule.proposedBy.id === m.otherParticipant?.id;
    return byOther ? 'New time proposed' : 'Your new time proposed';
  }
  if (m.status === 'ENDED' && !m.reviewedByMe) return 'Review it';
  return undefined;
}

/** One meeting in a list: a link to it with who, when (both zones), what and its state. */
export function MeetingCard(props: { meeting: FragmentType<typeof MeetingCardFragment>; timeZone: string }) {
  const m = getFragmentData(MeetingCardFragment, props.meeting);
  const who = m.otherParticipant?.displayName ?? 'Someone who left Parley';
  const tag = todo(m);
  return (
    <li className="meeting-card" data-status={m.status}>
      <Link to={`/meetings/${m.id}`} className="meeting-link">
        <span className="meeting-card-title">
          Meeting with {who}
          <span className={`meeting-status status-${m.status.toLowerCase()}`}>{STATUS_LABEL[m.status]}</span>
          {tag ? <span className="tag">{tag}</span> : null}
        </span>
        <MeetingTimes meeting={m} timeZone={props.timeZone} />
        <span className="muted meeting-card-detail">
          {m.kind === 'IN_PERSON' && m.location ? `In person · ${m.location}` : KIND_LABEL[m.kind]}
          {m.agenda ? ` · ${m.agenda}` : ''}
        </span>
      </Link>
    </li>
  );
}
