import { useQuery } from '@apollo/client/react';
import { graphql } from '../../gql/index.ts';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { PasswordForm } from './PasswordForm.tsx';
import { PrivacyForm } from './PrivacyForm.tsx';
import { ProfileForm } from './ProfileForm.tsx';

const SettingsPageQuery = graphql(`
  query SettingsPage {
    me {
      id
      username
      email
      ...ProfileForm_user
      ...PrivacyForm_user
    }
  }
`);

export function SettingsPage() {
  const { data, error, loading, refetch } = useQuery(SettingsPageQuery);
  return (
    <div className="page">
      <PageHeading title="Settings" />
      {data ? (
        <>
          <p className="muted">
            Signed in as <strong>@{data.me.username}</strong> ({data.me.email})
          </p>
          <ProfileForm user={data.me} />
          <PrivacyForm user={data.me} />
          <PasswordForm />
        </>
      ) : error ? (
        <div role="alert" className="alert">
          <p>Your settings could not be loaded.</p>
          <button type="button" className="button" onClick={() => void refetch()}>
            Try again
          </button>
        </div>
      ) : loading ? (
        <p role="status">Loading…</p>
      ) : null}
    </div>
  );
}
