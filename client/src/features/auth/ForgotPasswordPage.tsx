import { useMutation } from '@apollo/client/react';
import { type FormEvent, useRef, useState } from 'react';
import { Link, useLocation } from 'react-router';
import { graphql } from '../../gql/index.ts';
import { FormAlert, TextField } from '../../ui/Field.tsx';
import { formErrors, formValues, NO_ERRORS, useFormErrors } from '../../ui/forms.ts';
import { PageHeading } from '../../ui/PageHeading.tsx';
import type { AuthRedirectState } from './guards.tsx';

const RequestPasswordResetMutation = graphql(`
  mutation RequestPasswordReset($email: String!) {
    requestPasswordReset(email: $email)
  }
`);

const FIELDS = ['email'] as const;

export function ForgotPasswordPage() {
  // Where the person was headed before signing in (SignInPage passes it on): back there afterwards.
  const location = useLocation();
  const [requestReset, { loading }] = useMutation(RequestPasswordResetMutation);
  const [sentTo, setSentTo] = useState<string>();
  const form = useRef<HTMLFormElement>(null);
  const { errors, setErrors, onInput } = useFormErrors<(typeof FIELDS)[number]>(form);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const email = (formValues(event.currentTarget).email ?? '').trim();
    try {
      await requestReset({ variables: { email } });
      setErrors(NO_ERRORS);
      setSentTo(email);
    } catch (err) {
      setErrors(formErrors(err, FIELDS));
    }
  }

  return (
    <>
      <PageHeading title="Reset your password" />
      {sentTo ? (
        // The same answer whether or not the address has an account (no account enumeration).
        <p role="status" className="notice">
          If an account exists for {sentTo}, we sent an email with a link to reset the password. The link is
          valid for one hour.
        </p>
      ) : (
        <p>Enter the email address of your account and we will email you a link to choose a new password.</p>
      )}
      <form ref={form} onSubmit={onSubmit} onInput={onInput} className="stack" aria-busy={loading}>
        <FormAlert message={errors.form} />
        <TextField
          label="Email"
          name="email"
          type="email"
          autoComplete="email"
          required
          error={errors.fields.email}
        />
        <button type="submit" className="button primary" disabled={loading}>
          {sentTo ? 'Send again' : 'Send reset link'}
        </button>
      </form>
      <nav className="auth-links" aria-label="Account help">
        <Link to="/signin" state={location.state as AuthRedirectState | null}>
          Back to sign in
        </Link>
      </nav>
    </>
  );
}
