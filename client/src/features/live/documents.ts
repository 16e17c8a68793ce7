/**
 * GraphQL documents of the live-presence features: typing, read receipts,
 * reactions and online status. The conversation and the room list spread the
 * fragments below into their own documents, so one request (and one
 * `roomEvents` / `myEvents` stream) serves everything.
 */
import { graphql } from '../../gql/index.ts';

/**
 * A message's reactions as the reaction bar reads them from the cache
 * (Message:<id>). Without the reactors' names: every message of every page
 * carries this, and names would multiply the query's cost (see
 * server/src/graphql/limits.ts) by the reactions' list size again.
 */
export const ReactionBarFragment = graphql(`
  fragment ReactionBar_message on Message {
    id
    reactions {
      emoji
      count
      reactedByMe
    }
  }
`);

/**
 * What receipts and reactions need from every message the conversation holds.
 * `readBy(first: 3)`: enough names for "Read by Bob and Carol" and the
 * pointers of a direct room; `readCount` gives the total in bigger groups.
 */
export const LiveMessageFragment = graphql(`
  fragment LiveMessage_message on Message {
    id
    seq
    kind
    deletedAt
    sender {
      id
      isMe
    }
    readCount
    readBy(first: 3) {
      user {
        id
        displayName
      }
      readAt
    }
    ...ReactionBar_message
  }
`);

/**
 * After a reconnect: receipts and reactions of the newest messages, which
 * changed while the stream was down (those events are not replayed).
 */
export const LiveRefreshQuery = graphql(`
  query LiveRefresh($roomId: ID!) {
    messages(roomId: $roomId, last: 50) {
      edges {
        node {
          ...LiveMessage_message
        }
      }
    }
  }
`);

/** The room events the live features handle (spread into the conversation's `roomEvents`). */
export const LiveRoomEventFragment = graphql(`
  fragment LiveRoomEvent on RoomEvent {
    __typename
    ... on MessageCreated {
      message {
        sender {
          id
        }
      }
    }
    ... on ReadReceipt {
      user {
        id
        displayName
      }
      seq
      readAt
    }
    ... on ReadReceiptWithdrawn {
      user {
        id
      }
    }
    ... on TypingChanged {
      typingUsers {
        id
        displayName
      }
    }
    ... on ReactionChanged {
      messageId
      reactions {
        emoji
        count
        reactedByMe
      }
    }
  }
`);

/** A direct room's other person, online or not (room list dot, conversation header). */
export const PeerPresenceFragment = graphql(`
  fragment PeerPresence_room on Room {
    id
    kind
    peer {
      id
      online
      lastSeenAt
    }
  }
`);

/** Written into User:<id> when PresenceChanged arrives. */
export const UserPresenceFragment = graphql(`
  fragment UserPresence_user on User {
    id
    online
    lastSeenAt
  }
`);

/**
 * Presence changes on `myEvents` (spread into the room list's subscription).
 * ContactsChanged carries the person as the viewer may see them now: when they
 * block the viewer (ending a friendship or request) their presence is hidden
 * from then on, and no PresenceChanged says so. Written to User:<id> with the
 * event, it hides them in the room list and an open conversation at once.
 */
export const PresenceEventFragment = graphql(`
  fragment PresenceEvent on MyEvent {
    __typename
    ... on PresenceChanged {
      user {
        id
      }
      online
      lastSeenAt
    }
    ... on ContactsChanged {
      user {
        id
        ...UserPresence_user
      }
    }
  }
`);

/**
 * Someone the viewer sees changed their profile (`myEvents`, spread into the
 * room list's subscription). Written to User:<id> with the event, the new name
 * and picture show at once wherever that person appears: message authors,
 * contacts, member lists. (A direct room's title and picture, which are theirs,
 * come as the room's own RoomUpdated.)
 */
export const UserUpdatedEventFragment = graphql(`
  fragment UserUpdatedEvent on MyEvent {
    __typename
    ... on UserUpdated {
      user {
        id
        displayName
        avatarUrl
        bio
        timeZone
      }
    }
  }
`);

/** Who is typing in one of the viewer's rooms, for the room list's "typing…" (see typing.ts). */
export const RoomTypingEventFragment = graphql(`
  fragment RoomTypingEvent on MyEvent {
    __typename
    ... on RoomTyping {
      roomId
      typingUsers {
        id
        displayName
      }
    }
  }
`);

export const SetTypingMutation = graphql(`
  mutation SetTyping($roomId: ID!, $typing: Boolean!) {
    setTyping(roomId: $roomId, typing: $typing)
  }
`);

export const AddReactionMutation = graphql(`
  mutation AddReaction($messageId: ID!, $emoji: String!) {
    addReaction(messageId: $messageId, emoji: $emoji) {
      ...ReactionBar_message
    }
  }
`);

export const RemoveReactionMutation = graphql(`
  mutation RemoveReaction($messageId: ID!, $emoji: String!) {
    removeReaction(messageId: $messageId, emoji: $emoji) {
      ...ReactionBar_message
    }
  }
`);
