import { graphql } from '../../gql/index.ts';

/**
 * The contact mutations. Each returns what the cache needs: the other person
 * with their new `contactStatus`/`blockedByMe` (normalized, so search results
 * update in place) and, where they may become a contact, ContactListPerson_user;
 * a new request with what its row shows. The contact and request lists are
 * updated in place (contacts.cache.ts); the block list is refetched (see
 * useContactActions).
 */

/**
 * Someone whose relationship changed, with everything the contact lists show
 * of them (the contacts page's row, the sidebar's presence dot, the meeting
 * form's time zone): enough for updateContactLists to add them without any
 * of those lists being fetched again.
 */
export const ContactListPersonFragment = graphql(`
  fragment ContactListPerson_user on User {
    id
    displayName
    username
    avatarUrl
    online
    timeZone
    contactStatus
    blockedByMe
    ...ContactRow_user
  }
`);

export const SendFriendRequestMutation = graphql(`
  mutation SendFriendRequest($userId: ID!) {
    sendFriendRequest(userId: $userId) {
      request {
        id
        ...FriendRequestRow_request
      }
      user {
        id
        ...ContactListPerson_user
      }
    }
  }
`);

export const RespondToFriendRequestMutation = graphql(`
  mutation RespondToFriendRequest($requestId: ID!, $accept: Boolean!) {
    respondToFriendRequest(requestId: $requestId, accept: $accept) {
      user {
        id
        ...ContactListPerson_user
      }
    }
  }
`);

export const CancelFriendRequestMutation = graphql(`
  mutation CancelFriendRequest($requestId: ID!) {
    cancelFriendRequest(requestId: $requestId)
  }
`);

export const RemoveContactMutation = graphql(`
  mutation RemoveContact($userId: ID!) {
    removeContact(userId: $userId)
  }
`);

export const BlockUserMutation = graphql(`
  mutation BlockUser($userId: ID!) {
    blockUser(userId: $userId) {
      id
      contactStatus
      blockedByMe
    }
  }
`);

export const UnblockUserMutation = graphql(`
  mutation UnblockUser($userId: ID!) {
    unblockUser(userId: $userId) {
      id
      contactStatus
      blockedByMe
    }
  }
`);

export const OpenDirectRoomMutation = graphql(`
  mutation OpenDirectRoom($userId: ID!) {
    openDirectRoom(userId: $userId) {
      id
    }
  }
`);
