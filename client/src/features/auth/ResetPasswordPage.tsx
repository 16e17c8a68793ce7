import { useMutation, useQuery } from '@apollo/client/react';
import { type FormEvent, useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { AuthUnavailableError } from '../../apollo/auth-store.ts';
import { useAuth, useAuthState } from '../../apollo/ServicesProvider.tsx';
import { graphql } from '../../gql/index.ts';
import { TextField } from '../../ui/Field.tsx';
import { formErrors, formValues, NO_ERRORS, useFormErrors } from '../../ui/forms.ts';
import { PageHeading } from '../../ui/PageHeading.tsx';
import type { AuthRedirectState } from './guards.tsx';

const ResetPasswordMutation = graphql(`
  mutation ResetPassword($token: String!, $newPassword: String!) {
    resetPassword(token: $token, newPassword: $newPassword)
  }
`);

/** Who is signed in in this browser, if anyone: the link may be for another account. */
const ResetPasswordViewerQuery = graphql(`
  query ResetPasswordViewer {
    me {
      id
      displayName
      username
    }
  }
`);

const FIELDS = ['newPassword', 'confirm'] as const;

/**
 * /reset-password?token=…: sets a new password with the emailed link. The link
 * does not say whose account it is for, and opening it leaves this browser's
 * session alone: the server ends the sessions of the account whose password
 * was reset, so this browser is signed out only if that was its own account.
 */
export function ResetPasswordPage() {
  const auth = useAuth();
  const authState = useAuthState();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [resetPassword, { loading }] = useMutation(ResetPasswordMutation);
  const viewer = useQuery(ResetPasswordViewerQuery, { skip: authState.status !== 'signedIn' });
  const me = authState.status === 'signedIn' ? viewer.data?.me : undefined;
  const [checking, setChecking] = useState(false);
  /** The password was changed and this browser's session lives on: it was another account's. */
  const [doneForOther, setDoneForOther] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const { errors, setErrors, onInput } = useFormErrors<(typeof FIELDS)[number]>(form);

  /**
   * Whether this browser's session outlived the reset. Asks the server (a
   * refresh): it answers "revoked" when the password reset was this account's
   * own, and the store then signs out. Unreachable: we cannot tell, so the
   * session is kept (a later request finds out).
   */
  async function sessionLivesOn(): Promise<boolean> {
    if (auth.getState().status === 'signedOut') return false;
    try {
      return (await auth.refresh()) !== null;
    } catch (err) {
      if (err instanceof AuthUnavailableError) return true;
      throw err;
    }
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const { newPassword = '', confirm = '' } = formValues(event.currentTarget);
    if (newPassword !== confirm) {
      setErrors({ fields: { confirm: 'The passwords do not match.' } });
      return;
    }
    const wasSignedIn = auth.getState().status !== 'signedOut';
    try {
      await resetPassword({ variables: { token, newPassword } });
    } catch (err) {
      setErrors(formErrors(err, FIELDS));
      return;
    }
    setErrors(NO_ERRORS);
    if (wasSignedIn) {
      setChecking(true);
      const livesOn = await sessionLivesOn().finally(() => setChecking(false));
      if (livesOn) {
        setDoneForOther(true);
        return;
      }
    }
    navigate('/signin', {
      replace: true,
      state: {
        notice: 'Your password was changed. Sign in with your new password.',
      } satisfies AuthRedirectState,
    });
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

  if (doneForOther) {
    return (
      <>
        <PageHeading title="Password changed" />
        <p role="status" className="notice">
          The password was changed, and the account this link was sent for was signed out everywhere.
        </p>
        <p>
          {me
            ? `You are still signed in here as ${me.displayName} (@${me.username}).`
            : 'You are still signed in here with your own account.'}{' '}
          To use the other account in this browser, sign out, then sign in with the new password.
        </p>
        <nav className="auth-links" aria-label="Next steps">
          <Link to="/rooms">Back to Parley</Link>
        </nav>
      </>
    );
  }

  const busy = loading || checking;
  return (
    <>
      <PageHeading title="Choose a new password" />
      {me ? (
        <p className="notice">
          {`You are signed in as ${me.displayName} (@${me.username}).`} This link sets a new password for the
          account it was sent for. If that is another account, you stay signed in; if it is yours, you sign in
          again with the new password.
        </p>
      ) : null}
      <form ref={form} onSubmit={onSubmit} onInput={onInput} className="stack" aria-busy={busy}>
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
        <button type="submit" className="button primary" disabled={busy}>
          Change password
        </button>
      </form>
    </>
  );
}
