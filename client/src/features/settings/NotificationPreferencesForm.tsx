import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import type { NotificationType } from '../../gql/graphql.ts';
import { type FragmentType, getFragmentData, graphql, makeFragmentData } from '../../gql/index.ts';
import { formErrors } from '../../ui/forms.ts';

export const NotificationPreferenceFragment = graphql(`
  fragment NotificationPreferences_preference on NotificationPreference {
    type
    email
  }
`);

const NotificationPreferencesQuery = graphql(`
  query NotificationPreferences {
    notificationPreferences {
      ...NotificationPreferences_preference
    }
  }
`);

const UpdateNotificationPreferencesMutation = graphql(`
  mutation UpdateNotificationPreferences($preferences: [NotificationPreferenceInput!]!) {
    updateNotificationPreferences(preferences: $preferences) {
      ...NotificationPreferences_preference
    }
  }
`);

/** What each type is called here; a type added to the schema later shows its enum name until labelled. */
const LABELS: Record<NotificationType, string> = {
  FRIEND_REQUEST: 'Friend requests',
  FRIEND_ACCEPTED: 'Accepted friend requests',
  MESSAGE: 'Unread messages (a digest after a while)',
  MEETING_REQUESTED: 'Meeting requests',
  MEETING_ACCEPTED: 'Accepted meetings',
  MEETING_DECLINED: 'Declined meetings',
  MEETING_CANCELLED: 'Cancelled meetings',
  MEETING_RESCHEDULE_PROPOSED: 'Proposed new meeting times',
  MEETING_RESCHEDULED: 'Rescheduled meetings',
  MEETING_REMINDER: 'Meeting reminders',
  MEETING_STARTED: 'Meetings starting',
  MEETING_REVIEW_REQUESTED: 'Requests to review a meeting',
  MEETING_COMPLETED: 'Completed meetings',
  MEETING_RESCHEDULE_REJECTED: 'Rejected meeting times',
  MEETING_EXPIRED: 'Unanswered meeting requests that lapsed',
};

/** Email on/off per notification type; each change is saved at once (optimistically). */
export function NotificationPreferencesForm(props: {
  preferences: readonly FragmentType<typeof NotificationPreferenceFragment>[];
}) {
  const preferences = getFragmentData(NotificationPreferenceFragment, props.preferences);
  const [update] = useMutation(UpdateNotificationPreferencesMutation);
  const [status, setStatus] = useState<{ message: string; error?: boolean }>({ message: '' });

  async function toggle(type: NotificationType, email: boolean) {
    setStatus({ message: 'Saving…' });
    const next = preferences.map((p) =>
      makeFragmentData(
        {
          __typename: 'NotificationPreference' as const,
          type: p.type,
          email: p.type === type ? email : p.email,
        },
        NotificationPreferenceFragment,
      ),
    );
    try {
      await update({
        variables: { preferences: [{ type, email }] },
        optimisticResponse: { updateNotificationPreferences: next },
        // The list is not normalized (no ids): write the answer over the root field.
        update: (cache, { data }) => {
          if (data)
            cache.writeQuery({
              query: NotificationPreferencesQuery,
              data: { notificationPreferences: data.updateNotificationPreferences },
            });
        },
      });
      setStatus({ message: 'Email preferences saved' });
    } catch (err) {
      setStatus({ message: formErrors(err, []).form ?? 'Could not save', error: true });
    }
  }

  return (
    <section className="card" aria-labelledby="email-prefs-heading">
      <h2 id="email-prefs-heading">Email notifications</h2>
      <fieldset className="stack compact">
        <legend className="field-hint">Send me an email about:</legend>
        {preferences.map((p) => (
          <div className="toggle" key={p.type}>
            <input
              type="checkbox"
              id={`email-pref-${p.type}`}
              checked={p.email}
              onChange={(e) => void toggle(p.type, e.currentTarget.checked)}
            />
            <label htmlFor={`email-pref-${p.type}`}>{LABELS[p.type] ?? p.type}</label>
          </div>
        ))}
      </fieldset>
      <p role="status" className={status.error ? 'status status-error' : 'status'}>
        {status.message}
      </p>
    </section>
  );
}
