import { type FragmentType, getFragmentData, graphql } from '../../gql/index.ts';
import { meetingStart } from './meeting-time.ts';

export const MeetingReviewsFragment = graphql(`
  fragment MeetingReviews_meeting on Meeting {
    id
    status
    reviewedByMe
    otherParticipant {
      id
      displayName
    }
    reviews {
      rating
      comment
      createdAt
      reviewer {
        id
        displayName
      }
    }
  }
`);

/** The reviews the viewer may see (theirs; the other's once both reviewed or it completed). */
export function MeetingReviews(props: {
  meeting: FragmentType<typeof MeetingReviewsFragment>;
  myId: string;
  timeZone: string;
}) {
  const m = getFragmentData(MeetingReviewsFragment, props.meeting);
  if (m.reviews.length === 0) return null;
  const who = m.otherParticipant?.displayName ?? 'The other participant';
  return (
    <section className="card" aria-labelledby="reviews-heading">
      <h2 id="reviews-heading">Reviews</h2>
      <ul className="review-list">
        {m.reviews.map((r) => (
          <li key={r.reviewer?.id ?? r.createdAt} className="review">
            <span className="review-head">
              <strong>
                {r.reviewer?.id === props.myId ? 'You' : (r.reviewer?.displayName ?? 'Someone')}
              </strong>
              <span role="img" aria-label={`${r.rating} out of 5`} className="review-stars">
                {'★'.repeat(r.rating)}
                <span aria-hidden="true" className="review-stars-empty">
                  {'★'.repeat(5 - r.rating)}
                </span>
              </span>
              <time className="muted" dateTime={r.createdAt}>
                {meetingStart(r.createdAt, props.timeZone)}
              </time>
            </span>
            {r.comment ? <p>{r.comment}</p> : null}
          </li>
        ))}
      </ul>
      {m.reviewedByMe && m.status === 'ENDED' ? (
        <p className="muted">{`${who}’s review shows once they have written it.`}</p>
      ) : null}
    </section>
  );
}
