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

/**
 * Who is signed in, at the foot of the sidebar. Each name stays on one line,
 * cut with an ellipsis when long; the text stays whole for screen readers,
 * and `title` shows it in full on hover.
 */
export function ViewerBadge(props: { user: FragmentType<typeof ViewerBadgeFragment> }) {
  const user = getFragmentData(ViewerBadgeFragment, props.user);
  const handle = `@${user.username}`;
  return (
    <div className="viewer-badge">
      <Avatar name={user.displayName} url={user.avatarUrl} />
      <span className="viewer-names">
        <span className="viewer-name" data-testid="viewer-name" title={user.displayName}>
          {user.displayName}
        </span>
        <span className="viewer-username muted" title={handle}>
          {handle}
        </span>
      </span>
    </div>
  );
}
