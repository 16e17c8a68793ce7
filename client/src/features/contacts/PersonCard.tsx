import type { ReactNode } from 'react';
import { type FragmentType, getFragmentData, graphql } from '../../gql/index.ts';
import { Avatar } from '../attachments/Avatar.tsx';

export const PersonCardFragment = graphql(`
  fragment PersonCard_user on User {
    id
    displayName
    username
    avatarUrl
  }
`);

/** A person's picture (or initial), name and @username, with actions on the right (or a step below). */
export function PersonCard(props: {
  user: FragmentType<typeof PersonCardFragment>;
  detail?: ReactNode;
  children?: ReactNode;
  /** Under the name and actions, across the row: a ConfirmStep in place of the actions. */
  below?: ReactNode;
}) {
  const user = getFragmentData(PersonCardFragment, props.user);
  return (
    <li className="person" aria-label={user.displayName}>
      <Avatar name={user.displayName} url={user.avatarUrl} />
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
      {props.below}
    </li>
  );
}
