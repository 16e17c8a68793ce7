import type { ReactNode } from 'react';
import { type FragmentType, getFragmentData, graphql } from '../../gql/index.ts';

export const PersonCardFragment = graphql(`
  fragment PersonCard_user on User {
    id
    displayName
    username
  }
`);

/** A person's avatar initial, name and @username, with actions on the right. */
export function PersonCard(props: {
  user: FragmentType<typeof PersonCardFragment>;
  detail?: ReactNode;
  children?: ReactNode;
}) {
  const user = getFragmentData(PersonCardFragment, props.user);
  return (
    <li className="person" aria-label={user.displayName}>
      <span className="avatar" aria-hidden="true">
        {user.displayName.slice(0, 1).toUpperCase()}
      </span>
      <span className="person-names">
        <span className="person-name">{user.displayName}</span>
        <span className="muted">
          @{user.username}
          {props.detail ? (
            <>
              {' · '}
              <span className="person-detail">{props.detail}</span>
            </>
          ) : null}
        </span>
      </span>
      <span className="person-actions">{props.children}</span>
    </li>
  );
}
