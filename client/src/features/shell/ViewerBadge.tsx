import { type FragmentType, getFragmentData, graphql } from '../../gql/index.ts';
import { Avatar } from '../attachments/Avatar.tsx';

export const ViewerBadgeFragment = graphql(`
  fragment ViewerBadge_user on User {
    id
    displayName
    username
    avatarUrl
  }
`);

/** Who is signed in, at the foot of the sidebar. */
export function ViewerBadge(props: { user: FragmentType<typeof ViewerBadgeFragment> }) {
  const user = getFragmentData(ViewerBadgeFragment, props.user);
  return (
    <div className="viewer-badge">
      <Avatar name={user.displayName} url={user.avatarUrl} />
      <span className="viewer-names">
        <span className="viewer-name" data-testid="viewer-name">
          {user.displayName}
        </span>
        <span className="muted">@{user.username}</span>
      </span>
    </div>
  );
}
