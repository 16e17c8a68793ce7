import { useMutation } from '@apollo/client/react';
import { type FormEvent, useRef, useState } from 'react';
import { type FragmentType, getFragmentData, graphql } from '../../gql/index.ts';
import { LIMITS, oneLine } from '../../ui/chars.ts';
import { FormAlert, TextAreaField, TextField } from '../../ui/Field.tsx';
import { formErrors, formValues, lengthErrors, NO_ERRORS, useFormErrors } from '../../ui/forms.ts';
import { TimeZoneField } from '../../ui/TimeZoneField.tsx';

export const ProfileFormFragment = graphql(`
  fragment ProfileForm_user on User {
    id
    displayName
    timeZone
    bio
  }
`);

const UpdateProfileMutation = graphql(`
  mutation UpdateProfile($input: UpdateProfileInput!) {
    updateProfile(input: $input) {
      id
      ...ProfileForm_user
      ...ViewerBadge_user
    }
  }
`);

const FIELDS = ['displayName', 'timeZone', 'bio'] as const;

export function ProfileForm(props: { user: FragmentType<typeof ProfileFormFragment> }) {
  const user = getFragmentData(ProfileFormFragment, props.user);
  const [updateProfile, { loading }] = useMutation(UpdateProfileMutation);
  const [saved, setSaved] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const { errors, setErrors, onInput } = useFormErrors<(typeof FIELDS)[number]>(form);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const v = formValues(event.currentTarget);
    setSaved(false);
    const displayName = (v.displayName ?? '').trim();
    const bio = v.bio ?? '';
    const tooLong = lengthErrors<(typeof FIELDS)[number]>({
      displayName: [oneLine(displayName), LIMITS.displayName],
      bio: [bio.trim(), LIMITS.bio],
    });
    if (tooLong) {
      setErrors(tooLong);
      return;
    }
    try {
      await updateProfile({
        variables: {
          input: {
            displayName,
            timeZone: (v.timeZone ?? '').trim(),
            bio,
          },
        },
      });
      setErrors(NO_ERRORS);
      setSaved(true);
    } catch (err) {
      setErrors(formErrors(err, FIELDS));
    }
  }

  return (
    <section className="card" aria-labelledby="profile-heading">
      <h2 id="profile-heading">Profile</h2>
      <form
        ref={form}
        onSubmit={onSubmit}
        className="stack"
        aria-busy={loading}
        onInput={onInput}
        onChange={() => setSaved(false)}
      >
        <FormAlert message={errors.form} />
        <TextField
          label="Display name"
          name="displayName"
          defaultValue={user.displayName}
          required
          maxChars={LIMITS.displayName}
          oneLine
          error={errors.fields.displayName}
        />
        <TimeZoneField defaultValue={user.timeZone} error={errors.fields.timeZone} />
        <TextAreaField
          label="Bio"
          name="bio"
          defaultValue={user.bio}
          rows={3}
          maxChars={LIMITS.bio}
          hint={`At most ${LIMITS.bio} characters.`}
          error={errors.fields.bio}
        />
        <div className="form-actions">
          <button type="submit" className="button primary" disabled={loading}>
            Save profile
          </button>
          <span role="status" className="status">
            {saved ? 'Profile saved' : ''}
          </span>
        </div>
      </form>
    </section>
  );
}
