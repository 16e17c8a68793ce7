import { type FragmentType, getFragmentData, graphql } from '../../gql/index.ts';
import { durationLabel, meetingRange, meetingStart, theirClock } from './meeting-time.ts';

export const MeetingTimesFragment = graphql(`
  fragment MeetingTimes_meeting on Meeting {
    id
    startsAt
    endsAt
    durationMinutes
    otherParticipant {
      id
      displayName
      timeZone
    }
  }
`);

/**
 * When a meeting is: in the viewer's zone, and beside it the other
 * participant's local time (when their zone differs).
 */
export function MeetingTimes(props: {
  meeting: FragmentType<typeof MeetingTimesFragment>;
  timeZone: string;
}) {
  const m = getFragmentData(MeetingTimesFragment, props.meeting);
  const other = m.otherParticipant;
  return (
    <span className="meeting-times">
      <time className="meeting-when" dateTime={m.startsAt}>
        {meetingRange(m.startsAt, m.endsAt, props.timeZone)}
      </time>
      <span className="muted meeting-duration">{`· ${durationLabel(m.durationMinutes)}`}</span>
      {other && other.timeZone !== props.timeZone ? (
        <span className="meeting-their-time">
          {`${theirClock(m.startsAt, other.timeZone)} for ${other.displayName}`}
        </span>
      ) : null}
    </span>
  );
}

/** A proposed start in both zones, e.g. for a pending reschedule. */
export function ProposedTime(props: {
  startsAt: string;
  timeZone: string;
  other: { displayName: string; timeZone: string } | null | undefined;
}) {
  const { startsAt, timeZone, other } = props;
  return (
    <span className="meeting-times">
      <time className="meeting-when" dateTime={startsAt}>
        {meetingStart(startsAt, timeZone)}
      </time>
      {other && other.timeZone !== timeZone ? (
        <span className="meeting-their-time">{`${theirClock(startsAt, other.timeZone)} for ${other.displayName}`}</span>
      ) : null}
    </span>
  );
}
