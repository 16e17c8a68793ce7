import { useQuery } from '@apollo/client/react';
import { graphql } from '../../gql/index.ts';
import { LoadError } from '../../ui/LoadError.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { AvatarSection } from './AvatarSection.tsx';
import { NotificationPreferencesForm } from './NotificationPreferencesForm.tsx';
import { PasswordForm } from './PasswordForm.tsx';
import { PrivacyForm } from './PrivacyForm.tsx';
import { ProfileForm } from './ProfileForm.tsx';
import { SessionsSection } from './SessionsSection.tsx';

const SettingsPageQuery = graphql(`
  query SettingsPage {
    me {
      id
      username
      email
      ...ProfileForm_user
      ...AvatarSection_user
      ...PrivacyForm_user
    }
    notificationPreferences {
      ...NotificationPreferences_preference
    }
    mySessions {
      id
      ...SessionRow_session
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
          <AvatarSection user={data.me} />
          <PrivacyForm user={data.me} />
          <NotificationPreferencesForm preferences={data.notificationPreferences} />
          <PasswordForm />
          <SessionsSection sessions={data.mySessions} />
        </>
      ) : error ? (
        <LoadError what="Your settings" retry={refetch} />
      ) : loading ? (
        <p role="status">Loading…</p>
      ) : null}
    </div>
  );
}
