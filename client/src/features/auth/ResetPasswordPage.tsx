import { useMutation } from '@apollo/client/react';
import { type FormEvent, useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useAuth } from '../../apollo/ServicesProvider.tsx';
import { graphql } from '../../gql/index.ts';
import { TextField } from '../../ui/Field.tsx';
import { type FormErrors, formErrors, formValues, NO_ERRORS, useFocusFirstError } from '../../ui/forms.ts';
import { PageHeading } from '../../ui/PageHeading.tsx';
import type { AuthRedirectState } from './guards.tsx';

const ResetPasswordMutation = graphql(`
  mutation ResetPassword($token: String!, $newPassword: String!) {
    resetPassword(token: $token, newPassword: $newPassword)
  }
`);

const FIELDS = ['newPassword', 'confirm'] as const;

export function ResetPasswordPage() {
  const auth = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [resetPassword, { loading }] = useMutation(ResetPasswordMutation);
  const [errors, setErrors] = useState<FormErrors<(typeof FIELDS)[number]>>(NO_ERRORS);
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstError(errors, form);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const { newPassword = '', confirm = '' } = formValues(event.currentTarget);
    if (newPassword !== confirm) {
      setErrors({ fields: { confirm: 'The passwords do not match.' } });
      return;
    }
    try {
      await resetPassword({ variables: { token, newPassword } });
      // Every session of the account was ended, this browser's included.
      if (auth.getState().status === 'signedIn') auth.signOut('signedOut');
      navigate('/signin', {
        replace: true,
        state: {
          notice: 'Your password was changed. Sign in with your new password.',
        } satisfies AuthRedirectState,
      });
    } catch (err) {
      setErrors(formErrors(err, FIELDS));
    }
  }

  if (!token) {
    return (
      <>
        <PageHeading title="Choose a new password" />
        <p role="alert" className="alert">
          This page needs the link from the reset email.
        </p>
        <nav className="auth-links" aria-label="Account help">
          <Link to="/forgot-password">Request a new link</Link>
        </nav>
      </>
    );
  }

  return (
    <>
      <PageHeading title="Choose a new password" />
      <form ref={form} onSubmit={onSubmit} className="stack" aria-busy={loading}>
        {errors.form ? (
          <div role="alert" tabIndex={-1} className="alert">
            <p>{errors.form}</p>
            <Link to="/forgot-password">Request a new link</Link>
          </div>
        ) : null}
        <TextField
          label="New password"
          name="newPassword"
          type="password"
          autoComplete="new-password"
          required
          minLength={8}
          hint="At least 8 characters."
          error={errors.fields.newPassword}
        />
        <TextField
          label="Repeat the new password"
          name="confirm"
          type="password"
          autoComplete="new-password"
          required
          minLength={8}
          error={errors.fields.confirm}
        />
        <button type="submit" className="button primary" disabled={loading}>
          Change password
        </button>
      </form>
    </>
  );
}
