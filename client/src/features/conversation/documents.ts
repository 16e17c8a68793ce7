import { graphql } from '../../gql/index.ts';

/** What the conversation keeps per message: ordering and identity, plus what MessageItem shows. */
export const ConversationMessageFragment = graphql(`
  fragment ConversationMessage on Message {
    id
    seq
    clientId
    kind
    createdAt
    sender {
      id
    }
    ...MessageItem_message
    ...LiveMessage_message
    ...MessageAttachments_message
  }
`);

export const ConversationQuery = graphql(`
  query Conversation($roomId: ID!) {
    me {
      id
      displayName
      timeZone
    }
    room(id: $roomId) {
      id
      kind
      title
      myRole
      peer {
        id
        blockedByMe
      }
      ...ConversationHeader_room
      ...PeerPresence_room
    }
  }
`);

export const ConversationHistoryQuery = graphql(`
  query ConversationHistory($roomId: ID!, $last: Int!, $before: String) {
    messages(roomId: $roomId, last: $last, before: $before) {
      asOf
      edges {
        node {
          ...ConversationMessage
        }
      }
      pageInfo {
        hasPreviousPage
        startCursor
      }
    }
  }
`);

/**
 * Pages of 100: the server's static cost limit (GRAPHQL_MAX_COST, 50000)
 * multiplies everything a message carries by the page size, so 200 went over it
 * once reactions, receipts and attachments joined the message fields.
 */
export const ConversationCatchUpQuery = graphql(`
  query ConversationCatchUp($roomId: ID!, $afterSeq: Int!) {
    messagesAfter(roomId: $roomId, afterSeq: $afterSeq, limit: 100) {
      messages {
        ...ConversationMessage
      }
      hasMore
    }
  }
`);

export const ConversationEventsSubscription = graphql(`
  subscription ConversationEvents($roomId: ID!, $afterSeq: Int, $since: DateTime) {
    roomEvents(roomId: $roomId, afterSeq: $afterSeq, since: $since) {
      __typename
      ... on MessageCreated {
        at
        seq
        message {
          ...ConversationMessage
        }
      }
      ... on MessageEdited {
        at
        message {
          ...ConversationMessage
        }
      }
      ... on MessageDeleted {
        at
        message {
          ...ConversationMessage
        }
      }
      ... on MemberJoined {
        seq
      }
      ... on MemberLeft {
        seq
        user {
          id
        }
      }
      ... on MemberRoleChanged {
        seq
      }
      ... on RoomRenamed {
        seq
      }
      ...LiveRoomEvent
    }
  }
`);

export const SendMessageMutation = graphql(`
  mutation SendMessage($input: SendMessageInput!) {
    sendMessage(input: $input) {
      ...ConversationMessage
    }
  }
`);

export const EditMessageMutation = graphql(`
  mutation EditMessage($id: ID!, $body: String!) {
    editMessage(id: $id, body: $body) {
      ...ConversationMessage
    }
  }
`);

export const DeleteMessageMutation = graphql(`
  mutation DeleteMessage($id: ID!) {
    deleteMessage(id: $id) {
      ...ConversationMessage
    }
  }
`);

export const MarkRoomReadMutation = graphql(`
  mutation MarkRoomRead($roomId: ID!, $seq: Int!) {
    markRoomRead(roomId: $roomId, seq: $seq) {
      id
      unreadCount
      lastReadSeq
    }
  }
`);
