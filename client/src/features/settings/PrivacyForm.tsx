import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { type FragmentType, getFragmentData, graphql } from '../../gql/index.ts';
import { formErrors } from '../../ui/forms.ts';

export const PrivacyFormFragment = graphql(`
  fragment PrivacyForm_user on User {
    id
    showOnline
    shareReadReceipts
  }
`);

const UpdatePrivacyMutation = graphql(`
  mutation UpdatePrivacy($input: UpdateProfileInput!) {
    updateProfile(input: $input) {
      id
      ...PrivacyForm_user
    }
  }
`);

type Setting = 'showOnline' | 'shareReadReceipts';

const LABELS: Record<Setting, { label: string; hint: string }> = {
  showOnline: {
    label: 'Show when I am online',
    hint: 'Contacts see a presence dot and when you were last seen.',
  },
  shareReadReceipts: {
    label: 'Share read receipts',
    hint: 'Others see how far you have read in conversations.',
  },
};

/** Privacy toggles; each change is saved at once (optimistically) and announced. */
export function PrivacyForm(props: { user: FragmentType<typeof PrivacyFormFragment> }) {
  const user = getFragmentData(PrivacyFormFragment, props.user);
  const [update] = useMutation(UpdatePrivacyMutation);
  const [status, setStatus] = useState<{ message: string; error?: boolean }>({ message: '' });

  async function toggle(setting: Setting, value: boolean) {
    setStatus({ message: 'Saving…' });
    try {
      const updated = { ...user, __typename: 'User' as const, [setting]: value };
      await update({
        variables: { input: { [setting]: value } },
        optimisticResponse: { updateProfile: updated },
      });
      setStatus({ message: 'Privacy settings saved' });
    } catch (err) {
      setStatus({ message: formErrors(err, []).form ?? 'Could not save', error: true });
    }
  }

  return (
    <section className="card" aria-labelledby="privacy-heading">
      <h2 id="privacy-heading">Privacy</h2>
      <fieldset className="stack">
        <legend className="visually-hidden">Privacy</legend>
        {(Object.keys(LABELS) as Setting[]).map((setting) => (
          <div className="toggle" key={setting}>
            <input
              type="checkbox"
              id={`privacy-${setting}`}
              checked={user[setting] ?? true}
              aria-describedby={`privacy-${setting}-hint`}
              onChange={(e) => void toggle(setting, e.currentTarget.checked)}
            />
            <label htmlFor={`privacy-${setting}`}>{LABELS[setting].label}</label>
            <p id={`privacy-${setting}-hint`} className="field-hint">
              {LABELS[setting].hint}
            </p>
          </div>
        ))}
      </fieldset>
      <p role="status" className={status.error ? 'status status-error' : 'status'}>
        {status.message}
      </p>
    </section>
  );
}
