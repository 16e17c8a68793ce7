import { graphql } from '../../gql/index.ts';

/**
 * The contact mutations. Each returns what the cache needs: the other person
 * with their new `contactStatus`/`blockedByMe` (normalized, so search results
 * update in place); lists are refetched (see useContactActions).
 */
export const SendFriendRequestMutation = graphql(`
  mutation SendFriendRequest($userId: ID!) {
    sendFriendRequest(userId: $userId) {
      request {
        id
      }
      user {
        id
        contactStatus
        blockedByMe
      }
    }
  }
`);

export const RespondToFriendRequestMutation = graphql(`
  mutation RespondToFriendRequest($requestId: ID!, $accept: Boolean!) {
    respondToFriendRequest(requestId: $requestId, accept: $accept) {
      user {
        id
        contactStatus
        blockedByMe
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
