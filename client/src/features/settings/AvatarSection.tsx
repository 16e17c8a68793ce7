import { useMutation } from '@apollo/client/react';
import { type FragmentType, getFragmentData, graphql } from '../../gql/index.ts';
import { PictureControl } from '../attachments/PictureControl.tsx';

export const AvatarSectionFragment = graphql(`
  fragment AvatarSection_user on User {
    id
    displayName
    avatarUrl
  }
`);

const UpdateAvatarMutation = graphql(`
  mutation UpdateAvatar($avatarId: ID) {
    updateProfile(input: { avatarId: $avatarId }) {
      id
      ...AvatarSection_user
      ...ViewerBadge_user
    }
  }
`);

/** Settings: the viewer's profile picture (upload, change, remove). */
export function AvatarSection(props: { user: FragmentType<typeof AvatarSectionFragment> }) {
  const user = getFragmentData(AvatarSectionFragment, props.user);
  const [update] = useMutation(UpdateAvatarMutation);
  return (
    <section className="card" aria-labelledby="avatar-heading">
      <h2 id="avatar-heading">Picture</h2>
      <PictureControl
        name={user.displayName}
        url={user.avatarUrl}
        label="Profile picture"
        onSet={(avatarId) => update({ variables: { avatarId } })}
        onRemove={() => update({ variables: { avatarId: null } })}
      />
    </section>
  );
}
