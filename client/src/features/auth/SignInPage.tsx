import { useMutation } from '@apollo/client/react';
import { type FormEvent, useRef } from 'react';
import { Link, useLocation } from 'react-router';
import { AuthSessionFragment } from '../../apollo/auth-store.ts';
import { useAuth, useAuthState } from '../../apollo/ServicesProvider.tsx';
import { getFragmentData, graphql } from '../../gql/index.ts';
import { FormAlert, TextField } from '../../ui/Field.tsx';
import { formErrors, formValues, useFormErrors } from '../../ui/forms.ts';
import { PageHeading } from '../../ui/PageHeading.tsx';
import type { AuthRedirectState } from './guards.tsx';

const LoginMutation = graphql(`
  mutation Login($input: LoginInput!) {
    login(input: $input) {
      ...AuthSession
    }
  }
`);

const FIELDS = ['login', 'password'] as const;

const SIGNED_OUT_NOTICES = {
  signedOut: 'You have signed out.',
  expired: 'Your session has ended. Please sign in again.',
  revoked: 'This session was signed out from another device. Please sign in again.',
} as const;

export function SignInPage() {
  const auth = useAuth();
  const state = useAuthState();
  const location = useLocation();
  const [login, { loading }] = useMutation(LoginMutation);
  const form = useRef<HTMLFormElement>(null);
  const { errors, setErrors, onInput } = useFormErrors<(typeof FIELDS)[number]>(form);

  const redirect = location.state as AuthRedirectState | null;
  const notice =
    redirect?.notice ??
    (state.status === 'signedOut' && state.reason ? SIGNED_OUT_NOTICES[state.reason] : undefined);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const { login: name = '', password = '' } = formValues(event.currentTarget);
    try {
      const { data } = await login({ variables: { input: { login: name.trim(), password } } });
      // PublicOnly redirects as soon as the store says we are signed in.
      if (data) auth.setSession(getFragmentData(AuthSessionFragment, data.login));
    } catch (err) {
      setErrors(formErrors(err, FIELDS));
    }
  }

  return (
    <>
      <PageHeading title="Sign in" />
      {notice ? (
        <p role="status" className="notice">
          {notice}
        </p>
      ) : null}
      <form ref={form} onSubmit={onSubmit} onInput={onInput} className="stack" aria-busy={loading}>
        <FormAlert message={errors.form} />
        <TextField
          label="Email or username"
          name="login"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
          error={errors.fields.login}
        />
        <TextField
          label="Password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          error={errors.fields.password}
        />
        <button type="submit" className="button primary" disabled={loading}>
          {loading ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      <nav className="auth-links" aria-label="Account help">
        {/* Only where they were headed travels on (a notice is for this page): "Back to sign in" keeps it. */}
        <Link
          to="/forgot-password"
          state={redirect?.from ? ({ from: redirect.from } satisfies AuthRedirectState) : null}
        >
          Forgot your password?
        </Link>
        <Link to="/signup" state={redirect}>
          Create an account
        </Link>
      </nav>
    </>
  );
}
