import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { useMutation, useQuery } from '@apollo/client/react';
import { useRef, useState } from 'react';
import { useParams } from 'react-router';
import type { MeetingAction } from '../../gql/graphql.ts';
import { type FragmentType, getFragmentData, graphql } from '../../gql/index.ts';
import { formErrors } from '../../ui/forms.ts';
import { LoadError } from '../../ui/LoadError.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { useRecoverFocus } from '../../ui/useRecoverFocus.ts';
import { MeetingReviews } from './MeetingReviews.tsx';
import { MeetingTimes, ProposedTime } from './MeetingTimes.tsx';
import { KIND_LABEL, STATUS_LABEL } from './meeting-labels.ts';
import {
  AcceptMeetingMutation,
  AcceptRescheduleMutation,
  CancelMeetingMutation,
  DeclineMeetingMutation,
  ProposeRescheduleMutation,
  RejectRescheduleMutation,
  SubmitMeetingReviewMutation,
} from './meetings.operations.ts';
import { ProposeTimeForm } from './ProposeTimeForm.tsx';
import { ReasonAction } from './ReasonAction.tsx';
import { ReviewForm } from './ReviewForm.tsx';
import { useMeetingEvents } from './useMeetingEvents.ts';

export const MeetingDetailsFragment = graphql(`
  fragment MeetingDetails_meeting on Meeting {
    id
    status
    version
    startsAt
    kind
    location
    agenda
    meetingUrl
    myRole
    declineReason
    cancelReason
    cancelledBy {
      id
      displayName
    }
    requester {
      id
      displayName
    }
    otherParticipant {
      id
      displayName
      username
      timeZone
    }
    pendingReschedule {
      startsAt
      reason
      proposedBy {
        id
        displayName
      }
    }
    rejectedReschedule {
      startsAt
      reason
      rejectedBy {
        id
        displayName
      }
    }
    reviewedByMe
    ...MeetingTimes_meeting
    ...MeetingReviews_meeting
  }
`);

const MeetingPageQuery = graphql(`
  query MeetingPage($id: ID!) {
    me {
      id
      timeZone
    }
    meeting(id: $id) {
      id
      ...MeetingDetails_meeting
    }
  }
`);

/** What the other side did, announced when it arrives live. */
const LIVE_MESSAGES: Partial<Record<MeetingAction, string>> = {
  ACCEPTED: 'The meeting was accepted.',
  DECLINED: 'The meeting was declined.',
  CANCELLED: 'The meeting was cancelled.',
  RESCHEDULE_PROPOSED: 'A new time was proposed.',
  RESCHEDULED: 'The meeting moved to the new time.',
  RESCHEDULE_REJECTED: 'The proposed time was rejected.',
  STARTED: 'The meeting has started.',
  ENDED: 'The meeting has ended. Reviews are open.',
  COMPLETED: 'The meeting is completed.',
  EXPIRED: 'The request lapsed: it was not answered before its start.',
};

function notFound(error: unknown): boolean {
  return (
    CombinedGraphQLErrors.is(error) &&
    error.errors.some((e) => e.extensions?.code === 'NOT_FOUND' || e.extensions?.code === 'BAD_USER_INPUT')
  );
}

interface Status {
  message: string;
  error?: boolean;
}

function MeetingDetails(props: {
  meeting: FragmentType<typeof MeetingDetailsFragment>;
  myId: string;
  timeZone: string;
  onStatus(status: Status): void;
}) {
  const m = getFragmentData(MeetingDetailsFragment, props.meeting);
  const { timeZone, onStatus } = props;
  const other = m.otherParticipant;
  const who = other?.displayName ?? 'someone who left Parley';
  const [accept, { loading: accepting }] = useMutation(AcceptMeetingMutation);
  const [decline] = useMutation(DeclineMeetingMutation);
  const [cancel] = useMutation(CancelMeetingMutation);
  const [propose] = useMutation(ProposeRescheduleMutation);
  const [acceptNewTime, { loading: acceptingNewTime }] = useMutation(AcceptRescheduleMutation);
  const [rejectNewTime] = useMutation(RejectRescheduleMutation);
  const [review] = useMutation(SubmitMeetingReviewMutation);
  const id = m.id;

  /** For buttons without a form of their own: errors go to the page's status line. */
  async function act(run: () => Promise<unknown>, done: string) {
    onStatus({ message: '' });
    try {
      await run();
      onStatus({ message: done });
    } catch (err) {
      onStatus({ message: formErrors(err, []).form ?? 'Something went wrong.', error: true });
    }
  }
  /** For forms: errors stay in the form (it rethrows), success goes to the status line. */
  async function submit(run: () => Promise<unknown>, done: string) {
    onStatus({ message: '' });
    await run();
    onStatus({ message: done });
  }

  const active = m.status === 'ACCEPTED' || m.status === 'IN_PROGRESS';
  const proposal = m.pendingReschedule;
  const proposalIsMine = proposal?.proposedBy?.id === props.myId;
  const rejected = m.rejectedReschedule;
  const rejectedByMe = rejected?.rejectedBy?.id === props.myId;
  const requestedByMe = m.myRole === 'REQUESTER';
  const canCancel = m.status === 'ACCEPTED' || (m.status === 'REQUESTED' && requestedByMe);

  return (
    <>
      <section className="card meeting-summary" aria-labelledby="meeting-summary-heading">
        <h2 id="meeting-summary-heading" className="visually-hidden">
          Details
        </h2>
        <dl className="meeting-facts">
          <dt>When</dt>
          <dd>
            <MeetingTimes meeting={m} timeZone={timeZone} />
          </dd>
          <dt>Status</dt>
          <dd>
            <span className={`meeting-status status-${m.status.toLowerCase()}`} data-testid="meeting-status">
              {STATUS_LABEL[m.status]}
            </span>
            <span className="muted">{` · version ${m.version}`}</span>
          </dd>
          <dt>With</dt>
          <dd>
            {other ? `${other.displayName} (@${other.username}, ${other.timeZone})` : who}
            <span className="muted">{requestedByMe ? ' · you asked for it' : ` · ${who} asked for it`}</span>
          </dd>
          <dt>Where</dt>
          <dd>
            {m.kind === 'VIDEO' ? (
              <>
                {KIND_LABEL.VIDEO}
                {m.meetingUrl && active ? (
                  <>
                    {' · '}
                    <a href={m.meetingUrl} target="_blank" rel="noopener noreferrer">
                      Join the video call
                    </a>
                  </>
                ) : null}
              </>
            ) : (
              `In person · ${m.location ?? ''}`
            )}
          </dd>
          {m.agenda ? (
            <>
              <dt>Agenda</dt>
              <dd className="meeting-agenda">{m.agenda}</dd>
            </>
          ) : null}
          {m.status === 'DECLINED' ? (
            <>
              <dt>Declined</dt>
              <dd>{m.declineReason ? `“${m.declineReason}”` : 'No reason given.'}</dd>
            </>
          ) : null}
          {m.status === 'EXPIRED' ? (
            <>
              <dt>Lapsed</dt>
              <dd data-testid="expired-note">
                {requestedByMe
                  ? `${who} did not answer your request before its start.`
                  : 'You did not answer this request before its start.'}
              </dd>
            </>
          ) : null}
          {m.status === 'CANCELLED' ? (
            <>
              <dt>Cancelled</dt>
              <dd data-testid="cancel-reason">
                {m.cancelledBy
                  ? m.cancelledBy.id === props.myId
                    ? 'By you'
                    : `By ${m.cancelledBy.displayName}`
                  : ''}
                {m.cancelReason
                  ? `: “${m.cancelReason}”`
                  : m.cancelledBy
                    ? ', no reason given.'
                    : 'No reason given.'}
              </dd>
            </>
          ) : null}
        </dl>
      </section>

      {proposal && m.status === 'ACCEPTED' ? (
        <section className="card proposal" aria-labelledby="proposal-heading">
          <h2 id="proposal-heading">
            {proposalIsMine
              ? 'You proposed a new time'
              : `${proposal.proposedBy?.displayName ?? who} proposed a new time`}
          </h2>
          <p>
            <ProposedTime startsAt={proposal.startsAt} timeZone={timeZone} other={other} />
          </p>
          {proposal.reason ? <p className="muted">{`“${proposal.reason}”`}</p> : null}
          {proposalIsMine ? (
            <p className="muted">{`Waiting for ${who} to answer. The meeting keeps its time until then.`}</p>
          ) : (
            <div className="form-actions">
              <button
                type="button"
                className="button primary"
                disabled={acceptingNewTime}
                onClick={() =>
                  void act(() => acceptNewTime({ variables: { id } }), 'You accepted the new time.')
                }
              >
                Accept new time
              </button>
              <ReasonAction
                label="Reject new time…"
                confirm="Reject new time"
                reasonLabel="Why not (optional)"
                onSubmit={(reason) =>
                  submit(() => rejectNewTime({ variables: { id, reason } }), 'You rejected the new time.')
                }
              />
            </div>
          )}
        </section>
      ) : null}

      {rejected && !proposal && m.status === 'ACCEPTED' ? (
        <section className="card proposal rejected-proposal" aria-labelledby="rejected-heading">
          <h2 id="rejected-heading">
            {rejectedByMe
              ? 'You rejected the proposed time'
              : `${rejected.rejectedBy?.displayName ?? who} rejected your proposed time`}
          </h2>
          <p>
            <ProposedTime startsAt={rejected.startsAt} timeZone={timeZone} other={other} />
          </p>
          <p className="muted" data-testid="rejection-reason">
            {rejected.reason ? `“${rejected.reason}”` : 'No reason given.'}
          </p>
          <p className="muted">The meeting keeps its time.</p>
        </section>
      ) : null}

      {m.status === 'REQUESTED' || m.status === 'ACCEPTED' ? (
        <section className="card meeting-actions" aria-labelledby="actions-heading">
          <h2 id="actions-heading">Actions</h2>
          {m.status === 'REQUESTED' && !requestedByMe ? (
            <p>{`${who} asks you for this meeting.`}</p>
          ) : m.status === 'REQUESTED' ? (
            <p className="muted">{`Waiting for ${who} to accept.`}</p>
          ) : null}
          <div className="action-row">
            {m.status === 'REQUESTED' && !requestedByMe ? (
              <>
                <button
                  type="button"
                  className="button primary"
                  disabled={accepting}
                  onClick={() => void act(() => accept({ variables: { id } }), 'You accepted the meeting.')}
                >
                  Accept
                </button>
                <ReasonAction
                  label="Decline…"
                  confirm="Decline meeting"
                  reasonLabel="Reason for declining"
                  danger
                  onSubmit={(reason) =>
                    submit(() => decline({ variables: { id, reason } }), 'You declined the meeting.')
                  }
                />
              </>
            ) : null}
            {m.status === 'ACCEPTED' ? (
              <ProposeTimeForm
                startsAt={proposal && proposalIsMine ? proposal.startsAt : m.startsAt}
                timeZone={timeZone}
                other={other}
                onSubmit={(startsAt, reason) =>
                  submit(
                    () => propose({ variables: { id, startsAt, reason } }),
                    `You proposed a new time. ${who} will be asked to accept it.`,
                  )
                }
              />
            ) : null}
            {canCancel ? (
              <ReasonAction
                label={m.status === 'REQUESTED' ? 'Cancel request…' : 'Cancel meeting…'}
                confirm={m.status === 'REQUESTED' ? 'Cancel request' : 'Cancel meeting'}
                reasonLabel="Reason for cancelling"
                danger
                onSubmit={(reason) =>
                  submit(() => cancel({ variables: { id, reason } }), 'You cancelled the meeting.')
                }
              />
            ) : null}
          </div>
        </section>
      ) : null}

      {m.status === 'ENDED' && !m.reviewedByMe ? (
        <section className="card">
          <ReviewForm
            onSubmit={(rating, comment) =>
              submit(() => review({ variables: { id, rating, comment } }), 'Thank you for your review.')
            }
          />
        </section>
      ) : null}

      <MeetingReviews meeting={m} myId={props.myId} timeZone={timeZone} />
    </>
  );
}

/** /meetings/:id: one meeting with its times in both zones and the actions its state allows, live. */
export function MeetingPage() {
  const { id = '' } = useParams();
  const [status, setStatus] = useState<Status>({ message: '' });
  const statusRef = useRef<HTMLParagraphElement>(null);
  useRecoverFocus(statusRef, status.message);
  useMeetingEvents((action, meetingId) => {
    const message = LIVE_MESSAGES[action];
    if (meetingId === id && message) setStatus({ message });
  });
  const { data, error, loading, refetch } = useQuery(MeetingPageQuery, {
    variables: { id },
    fetchPolicy: 'cache-and-network',
  });

  const other = data ? getFragmentData(MeetingDetailsFragment, data.meeting).otherParticipant : undefined;
  const title = data ? `Meeting with ${other?.displayName ?? 'someone who left Parley'}` : 'Meeting';

  return (
    <div className="page meeting-page">
      <PageHeading title={title} />
      <p
        ref={statusRef}
        tabIndex={-1}
        role="status"
        className={status.error ? 'status page-status status-error' : 'status page-status'}
      >
        {status.message}
      </p>
      {data ? (
        <MeetingDetails
          meeting={data.meeting}
          myId={data.me.id}
          timeZone={data.me.timeZone}
          onStatus={setStatus}
        />
      ) : error ? (
        notFound(error) ? (
          <p role="alert" className="alert">
            This meeting does not exist, or you do not take part in it.
          </p>
        ) : (
          <LoadError what="This meeting" retry={refetch} />
        )
      ) : loading ? (
        <p role="status">Loading…</p>
      ) : null}
    </div>
  );
}
