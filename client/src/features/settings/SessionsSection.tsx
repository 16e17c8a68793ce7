import { useMutation } from '@apollo/client/react';
import { useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { useAuth } from '../../apollo/ServicesProvider.tsx';
import { type FragmentType, getFragmentData, graphql } from '../../gql/index.ts';
import { ConfirmStep, useConfirmStep } from '../../ui/ConfirmStep.tsx';
import { formErrors } from '../../ui/forms.ts';
import { relativeTime } from '../../ui/relative-time.ts';
import { useRecoverFocus } from '../../ui/useRecoverFocus.ts';
import { dateTimeLabel } from '../conversation/time.ts';
import { useViewerTimeZone } from '../conversation/useViewerTimeZone.ts';

export const SessionRowFragment = graphql(`
  fragment SessionRow_session on Session {
    id
    createdAt
    lastUsedAt
    userAgent
    current
  }
`);

const RevokeSessionMutation = graphql(`
  mutation RevokeSession($sessionId: ID!) {
    revokeSession(sessionId: $sessionId)
  }
`);

const LogoutEverywhereMutation = graphql(`
  mutation LogoutEverywhere {
    logoutEverywhere
  }
`);

/** "Chrome on Linux" from a User-Agent; good enough to recognize one's own devices. */
export function describeDevice(userAgent: string | null | undefined): string {
  if (!userAgent) return 'Unknown device';
  const browser = /Edg\//.test(userAgent)
    ? 'Edge'
    : /OPR\//.test(userAgent)
      ? 'Opera'
      : /Firefox\//.test(userAgent)
        ? 'Firefox'
        : /(Chrome|Chromium|HeadlessChrome)\//.test(userAgent)
          ? 'Chrome'
          : /Safari\//.test(userAgent)
            ? 'Safari'
            : /^node|undici|graphql/i.test(userAgent)
              ? 'API client'
              : 'Browser';
  const os = /Android/.test(userAgent)
    ? 'Android'
    : /iPhone|iPad|iPod/.test(userAgent)
      ? 'iOS'
      : /Windows/.test(userAgent)
        ? 'Windows'
        : /Mac OS X|Macintosh/.test(userAgent)
          ? 'macOS'
          : /CrOS/.test(userAgent)
            ? 'ChromeOS'
            : /Linux/.test(userAgent)
              ? 'Linux'
              : undefined;
  return os ? `${browser} on ${os}` : browser;
}

function SessionRow(props: {
  session: FragmentType<typeof SessionRowFragment>;
  busy: boolean;
  /** The viewer's profile zone, in which the times are shown. */
  timeZone: string | undefined;
  /** Signs the session out; resolves once done or failed (the section's status says which). */
  onRevoke: (id: string, device: string) => Promise<void>;
}) {
  const s = getFragmentData(SessionRowFragment, props.session);
  const device = describeDevice(s.userAgent);
  const step = useConfirmStep<'revoke'>();

  async function confirmed() {
    await props.onRevoke(s.id, device);
    // Done: the row is gone. Failed: back to the button.
    step.close();
  }

  return (
    <li className="session" aria-label={s.current ? `${device} (this device)` : device}>
      <span className="session-info">
        <span>
          <strong>{device}</strong>
          {s.current ? <span className="tag">This device</span> : null}
        </span>
        <span className="muted session-times">
          Last used{' '}
          <time dateTime={s.lastUsedAt} title={dateTimeLabel(s.lastUsedAt, props.timeZone)}>
            {relativeTime(s.lastUsedAt)}
          </time>{' '}
          · signed in <time dateTime={s.createdAt}>{dateTimeLabel(s.createdAt, props.timeZone)}</time>
        </span>
      </span>
      {s.current ? null : step.asking === 'revoke' ? (
        <ConfirmStep
          question={`Sign out ${device}, last used ${relativeTime(s.lastUsedAt)}?`}
          detail="It is signed out at once and will have to sign in again."
          confirm="Yes, sign out"
          confirmLabel={`Yes, sign out ${device}`}
          busy={props.busy}
          onConfirm={() => void confirmed()}
          onCancel={step.close}
        />
      ) : (
        <button
          ref={step.trigger('revoke')}
          type="button"
          className="button"
          disabled={props.busy}
          aria-label={`Sign out ${device}, last used ${relativeTime(s.lastUsedAt)}`}
          onClick={() => step.ask('revoke')}
        >
          Sign out
        </button>
      )}
    </li>
  );
}

/** Signed-in devices: sign one out, or all of them (this one included), each after a confirm step. */
export function SessionsSection(props: { sessions: readonly FragmentType<typeof SessionRowFragment>[] }) {
  const auth = useAuth();
  const navigate = useNavigate();
  const timeZone = useViewerTimeZone();
  const [status, setStatus] = useState<{ message: string; error?: boolean }>({ message: '' });
  const [revoke, { loading: revoking }] = useMutation(RevokeSessionMutation);
  const [logoutEverywhere, { loading: leaving }] = useMutation(LogoutEverywhereMutation);
  const statusRef = useRef<HTMLSpanElement>(null);
  useRecoverFocus(statusRef, status.message);
  const step = useConfirmStep<'everywhere'>();

  async function onRevoke(sessionId: string, device: string) {
    setStatus({ message: '' });
    try {
      await revoke({
        variables: { sessionId },
        update: (cache) => {
          cache.evict({ id: cache.identify({ __typename: 'Session', id: sessionId }) });
          cache.gc();
        },
      });
      setStatus({ message: `Signed out ${device}` });
    } catch (err) {
      setStatus({ message: formErrors(err, []).form ?? 'Could not sign out that device', error: true });
    }
  }

  async function onLogoutEverywhere() {
    setStatus({ message: '' });
    try {
      await logoutEverywhere();
      auth.signOut('signedOut');
      navigate('/signin', { replace: true });
    } catch (err) {
      setStatus({ message: formErrors(err, []).form ?? 'Could not sign out everywhere', error: true });
      step.close();
    }
  }

  return (
    <section className="card" aria-labelledby="sessions-heading">
      <h2 id="sessions-heading">Signed-in devices</h2>
      <ul className="session-list" aria-labelledby="sessions-heading">
        {props.sessions.map((session) => (
          <SessionRow
            key={getFragmentData(SessionRowFragment, session).id}
            session={session}
            busy={revoking}
            timeZone={timeZone}
            onRevoke={onRevoke}
          />
        ))}
      </ul>
      <div className="form-actions">
        {step.asking === 'everywhere' ? (
          <ConfirmStep
            question="Sign out everywhere?"
            detail="Every device signed in to your account, this one included, is signed out at once and will have to sign in again."
            confirm="Yes, sign out everywhere"
            busy={leaving}
            onConfirm={() => void onLogoutEverywhere()}
            onCancel={step.close}
          />
        ) : (
          <button
            ref={step.trigger('everywhere')}
            type="button"
            className="button danger"
            disabled={leaving}
            onClick={() => step.ask('everywhere')}
          >
            Sign out everywhere
          </button>
        )}
        <span
          ref={statusRef}
          tabIndex={-1}
          role="status"
          className={status.error ? 'status status-error' : 'status'}
        >
          {status.message}
        </span>
      </div>
      <p className="field-hint">Signing out everywhere includes this device.</p>
    </section>
  );
}
