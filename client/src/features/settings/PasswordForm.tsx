import type { Reference } from '@apollo/client';
import { useMutation } from '@apollo/client/react';
import { type FormEvent, useRef, useState } from 'react';
import { graphql } from '../../gql/index.ts';
import { FormAlert, TextField } from '../../ui/Field.tsx';
import { formErrors, formValues, NO_ERRORS, useFormErrors } from '../../ui/forms.ts';

const ChangePasswordMutation = graphql(`
  mutation ChangePassword($current: String!, $next: String!) {
    changePassword(current: $current, next: $next)
  }
`);

const FIELDS = ['current', 'next'] as const;

export function PasswordForm() {
  const [changePassword, { loading }] = useMutation(ChangePasswordMutation);
  const [done, setDone] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const { errors, setErrors, onInput } = useFormErrors<(typeof FIELDS)[number]>(form);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const target = event.currentTarget;
    const { current = '', next = '' } = formValues(target);
    setDone(false);
    try {
      await changePassword({
        variables: { current, next },
        // The server ended every other session: drop them from "Signed-in devices" (see mySessions).
        update: (cache, { data }) => {
          if (!data?.changePassword) return;
          cache.modify<{ mySessions: readonly Reference[] }>({
            fields: {
              mySessions: (sessions, { readField }) =>
                sessions.filter((s) => readField<boolean>('current', s)),
            },
          });
          cache.gc(); // the dropped Session entries
        },
      });
      setErrors(NO_ERRORS);
      setDone(true);
      target.reset();
    } catch (err) {
      setErrors(formErrors(err, FIELDS));
    }
  }

  return (
    <section className="card" aria-labelledby="password-heading">
      <h2 id="password-heading">Password</h2>
      <form ref={form} onSubmit={onSubmit} onInput={onInput} className="stack" aria-busy={loading}>
        <FormAlert message={errors.form} />
        <TextField
          label="Current password"
          name="current"
          type="password"
          autoComplete="current-password"
          required
          error={errors.fields.current}
        />
        <TextField
          label="New password"
          name="next"
          type="password"
          autoComplete="new-password"
          required
          minLength={8}
          hint="At least 8 characters. Your other devices will be signed out."
          error={errors.fields.next}
        />
        <div className="form-actions">
          <button type="submit" className="button primary" disabled={loading}>
            Change password
          </button>
          <span role="status" className="status">
            {done ? 'Password changed; other devices were signed out' : ''}
          </span>
        </div>
      </form>
    </section>
  );
}
