import { useMutation } from '@apollo/client/react';
import { type FormEvent, useRef } from 'react';
import { Link, useLocation } from 'react-router';
import { AuthSessionFragment } from '../../apollo/auth-store.ts';
import { useAuth } from '../../apollo/ServicesProvider.tsx';
import { getFragmentData, graphql } from '../../gql/index.ts';
import { LIMITS, oneLine } from '../../ui/chars.ts';
import { FormAlert, TextField } from '../../ui/Field.tsx';
import { formErrors, formValues, lengthErrors, useFormErrors } from '../../ui/forms.ts';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { browserTimeZone, TimeZoneField } from '../../ui/TimeZoneField.tsx';
import type { AuthRedirectState } from './guards.tsx';

const RegisterMutation = graphql(`
  mutation Register($input: RegisterInput!) {
    register(input: $input) {
      ...AuthSession
    }
  }
`);

const FIELDS = ['email', 'username', 'displayName', 'password', 'timeZone'] as const;

export function SignUpPage() {
  const auth = useAuth();
  const location = useLocation();
  const [register, { loading }] = useMutation(RegisterMutation);
  const form = useRef<HTMLFormElement>(null);
  const { errors, setErrors, onInput } = useFormErrors<(typeof FIELDS)[number]>(form);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const v = formValues(event.currentTarget);
    const username = (v.username ?? '').trim();
    const displayName = (v.displayName ?? '').trim();
    const tooLong = lengthErrors<(typeof FIELDS)[number]>({
      username: [username, LIMITS.username],
      displayName: [oneLine(displayName), LIMITS.displayName],
    });
    if (tooLong) {
      setErrors(tooLong);
      return;
    }
    try {
      const { data } = await register({
        variables: {
          input: {
            email: (v.email ?? '').trim(),
            username,
            displayName,
            password: v.password ?? '',
            timeZone: (v.timeZone ?? '').trim(),
          },
        },
      });
      if (data) auth.setSession(getFragmentData(AuthSessionFragment, data.register));
    } catch (err) {
      setErrors(formErrors(err, FIELDS));
    }
  }

  return (
    <>
      <PageHeading title="Create your account" />
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
        <TextField
          label="Username"
          name="username"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
          minLength={3}
          maxChars={LIMITS.username}
          pattern="[A-Za-z0-9_.]{3,32}"
          hint="3–32 letters, digits, _ or . — people mention you with @username."
          error={errors.fields.username}
        />
        <TextField
          label="Display name"
          name="displayName"
          autoComplete="name"
          required
          maxChars={LIMITS.displayName}
          oneLine
          error={errors.fields.displayName}
        />
        <TextField
          label="Password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={8}
          hint="At least 8 characters."
          error={errors.fields.password}
        />
        <TimeZoneField defaultValue={browserTimeZone()} error={errors.fields.timeZone} />
        <button type="submit" className="button primary" disabled={loading}>
          {loading ? 'Creating account…' : 'Create account'}
        </button>
      </form>
      <nav className="auth-links" aria-label="Account help">
        <Link to="/signin" state={location.state as AuthRedirectState | null}>
          Already have an account? Sign in
        </Link>
      </nav>
    </>
  );
}
