import { type FragmentType, getFragmentData, graphql } from '../../gql/index.ts';

export const ViewerBadgeFragment = graphql(`
  fragment ViewerBadge_user on User {
    id
    displayName
    username
  }
`);

/** Who is signed in, at the foot of the sidebar. */
export function ViewerBadge(props: { user: FragmentType<typeof ViewerBadgeFragment> }) {
  const user = getFragmentData(ViewerBadgeFragment, props.user);
  return (
    <div className="viewer-badge">
      <span className="avatar" aria-hidden="true">
        {user.displayName.slice(0, 1).toUpperCase()}
      </span>
      <span className="viewer-names">
        <span className="viewer-name" data-testid="viewer-name">
          {user.displayName}
        </span>
        <span className="muted">@{user.username}</span>
      </span>
    </div>
  );
}
