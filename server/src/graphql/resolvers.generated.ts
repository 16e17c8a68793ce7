import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { UserModel } from '../modules/users/users.model.ts';
import type { SessionModel } from '../modules/auth/auth.model.ts';
import type { RoomModel, RoomMemberModel } from '../modules/rooms/rooms.model.ts';
import type { MessageModel } from '../modules/messages/messages.model.ts';
import type { FriendRequestModel } from '../modules/contacts/contacts.model.ts';
import type { NotificationModel } from '../modules/notifications/notifications.model.ts';
import type { GraphQLContext } from '../graphql/context.ts';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** An instant in time, exchanged as an ISO 8601 string with offset, e.g. `2026-03-09T13:00:00.000Z`. */
  DateTime: { input: Date; output: Date | string; }
};

/** Tokens for a new or refreshed session, and its user. */
export type AuthPayload = {
  __typename?: 'AuthPayload';
  /** Short-lived JWT (HS256) for `Authorization: Bearer` and the WebSocket `connection_init`. */
  accessToken: Scalars['String']['output'];
  /** When `accessToken` expires. */
  accessTokenExpiresAt: Scalars['DateTime']['output'];
  /** Single-use token for `refreshSession`; each use returns a new one. Store it securely. */
  refreshToken: Scalars['String']['output'];
  /** The signed-in user. */
  user: User;
};

/** The viewer's relationship with another person. */
export type ContactStatus =
  /** Accepted friends (contacts). */
  | 'CONTACT'
  /** No friendship and no pending request. */
  | 'NONE'
  /** The other person sent the viewer a friend request that is still pending. */
  | 'REQUEST_RECEIVED'
  /** The viewer sent a friend request that is still pending. */
  | 'REQUEST_SENT'
  /** The user is the viewer. */
  | 'SELF';

/** The viewer's relationship with someone changed (request accepted, cancelled, contact removed, blocked). */
export type ContactsChanged = {
  __typename?: 'ContactsChanged';
  /** The other person, with the current `contactStatus`. */
  user: User;
};

/** A new group room. */
export type CreateGroupRoomInput = {
  /** Optional first message, posted by the creator. */
  firstMessage?: InputMaybe<Scalars['String']['input']>;
  /** Other people to add (the creator is added as OWNER); at most 255. */
  memberIds: Array<Scalars['ID']['input']>;
  /** Title, 1–100 characters. */
  title: Scalars['String']['input'];
};

/** A pending friend request. */
export type FriendRequest = {
  __typename?: 'FriendRequest';
  /** When it was sent. */
  createdAt: Scalars['DateTime']['output'];
  /** Who sent it. */
  from: User;
  /** Request identifier. */
  id: Scalars['ID']['output'];
  /** Who it is for. */
  to: User;
};

/** A page of friend requests, newest first. */
export type FriendRequestConnection = {
  __typename?: 'FriendRequestConnection';
  /** Requests with cursors. */
  edges: Array<FriendRequestEdge>;
  /** Pagination state. */
  pageInfo: PageInfo;
};

/** Direction of friend requests to list. */
export type FriendRequestDirection =
  /** Requests others sent to the viewer. */
  | 'INCOMING'
  /** Requests the viewer sent. */
  | 'OUTGOING';

/** A friend request in a connection. */
export type FriendRequestEdge = {
  __typename?: 'FriendRequestEdge';
  /** Opaque cursor for `after`. */
  cursor: Scalars['String']['output'];
  /** The request. */
  node: FriendRequest;
};

/** Someone sent the viewer a friend request. */
export type FriendRequestReceived = {
  __typename?: 'FriendRequestReceived';
  /** The request. */
  request: FriendRequest;
};

/** Result of sending a friend request. */
export type FriendRequestResult = {
  __typename?: 'FriendRequestResult';
  /** The pending request, or null when none is pending: the request completed a friendship, or was declined. */
  request?: Maybe<FriendRequest>;
  /** The other person, with the resulting `contactStatus`. */
  user: User;
};

/** Credentials for signing in. */
export type LoginInput = {
  /** Email address or username. */
  login: Scalars['String']['input'];
  /** The account's password. */
  password: Scalars['String']['input'];
};

/** Someone joined or was added to the room. */
export type MemberJoined = {
  __typename?: 'MemberJoined';
  /** Who added them (null when they joined on their own, e.g. at creation). */
  addedBy?: Maybe<User>;
  /** The new member. */
  member: RoomMember;
  /** The room. */
  roomId: Scalars['ID']['output'];
  /** `seq` of the system message recording it. */
  seq: Scalars['Int']['output'];
};

/** Someone left or was removed from the room. */
export type MemberLeft = {
  __typename?: 'MemberLeft';
  /** Who removed them (null when they left themselves). */
  removedBy?: Maybe<User>;
  /** The room. */
  roomId: Scalars['ID']['output'];
  /** `seq` of the system message recording it. */
  seq: Scalars['Int']['output'];
  /** The former member. */
  user: User;
};

/** A message in a room. */
export type Message = {
  __typename?: 'Message';
  /** Text of the message; null once deleted. SYSTEM messages carry a readable sentence, e.g. `Alice added Bob`. */
  body?: Maybe<Scalars['String']['output']>;
  /** The sender's idempotency key (visible to the sender only). */
  clientId?: Maybe<Scalars['String']['output']>;
  /** When the message was sent. */
  createdAt: Scalars['DateTime']['output'];
  /** When the message was deleted, if it was; its body is then gone. */
  deletedAt?: Maybe<Scalars['DateTime']['output']>;
  /** When the body was last edited, if ever. */
  editedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Stable identifier. */
  id: Scalars['ID']['output'];
  /** USER or SYSTEM. */
  kind: MessageKind;
  /** Users mentioned with @username in the body (members of the room only, the sender excluded). */
  mentions: Array<User>;
  /** The message this one replies to, if any (null if it is not visible). */
  replyTo?: Maybe<Message>;
  /** The room the message belongs to. */
  roomId: Scalars['ID']['output'];
  /** The author; null for system messages. */
  sender?: Maybe<User>;
  /** Position in the room: strictly increasing, gap-free per room, never reused. */
  seq: Scalars['Int']['output'];
};

/** Messages after a known `seq`, for gap recovery. */
export type MessageBatch = {
  __typename?: 'MessageBatch';
  /** True when more messages follow the last one returned; ask again from its `seq`. */
  hasMore: Scalars['Boolean']['output'];
  /** The room's newest `seq` when the batch was read. */
  lastSeq: Scalars['Int']['output'];
  /** Messages with `seq` greater than the requested one, ascending. */
  messages: Array<Message>;
};

/** A page of messages ordered by `seq` ascending (oldest first within the page). */
export type MessageConnection = {
  __typename?: 'MessageConnection';
  /** The messages of this page with their cursors. */
  edges: Array<MessageEdge>;
  /** Pagination state. */
  pageInfo: PageInfo;
};

/** A message was posted. */
export type MessageCreated = {
  __typename?: 'MessageCreated';
  /** The full message. */
  message: Message;
  /** The room. */
  roomId: Scalars['ID']['output'];
  /** The message's `seq`; a client that sees a gap asks `messagesAfter`. */
  seq: Scalars['Int']['output'];
};

/** A message was deleted (it stays as a tombstone with its `seq`). */
export type MessageDeleted = {
  __typename?: 'MessageDeleted';
  /** The tombstone. */
  message: Message;
  /** The room. */
  roomId: Scalars['ID']['output'];
  /** The deleted message's `seq`. */
  seq: Scalars['Int']['output'];
};

/** A message in a connection. */
export type MessageEdge = {
  __typename?: 'MessageEdge';
  /** Opaque cursor for `after`/`before`. */
  cursor: Scalars['String']['output'];
  /** The message. */
  node: Message;
};

/** A message's body was edited. */
export type MessageEdited = {
  __typename?: 'MessageEdited';
  /** The message after the edit. */
  message: Message;
  /** The room. */
  roomId: Scalars['ID']['output'];
  /** The edited message's `seq`. */
  seq: Scalars['Int']['output'];
};

/** What a message is. */
export type MessageKind =
  /** Written by Parley about the room: member joined or left, room renamed. */
  | 'SYSTEM'
  /** Written by a member. */
  | 'USER';

/** Write operations. */
export type Mutation = {
  __typename?: 'Mutation';
  /** Adds people to a group room (owner or admin). Members already present are ignored. */
  addRoomMembers: Room;
  /** Blocks a person: they can no longer DM you, add you to groups or send you requests. Ends any friendship and pending request. They are not told; to them you disappear from search and `user`. */
  blockUser: User;
  /** Withdraws a request the viewer sent. */
  cancelFriendRequest: Scalars['Boolean']['output'];
  /** Changes the password and signs out every other session. UNAUTHENTICATED if `current` is wrong. */
  changePassword: Scalars['Boolean']['output'];
  /** Creates a group room with the viewer as OWNER. */
  createGroupRoom: Room;
  /** Deletes a message (own, or any as a room owner/admin). It stays as a tombstone without body. */
  deleteMessage: Message;
  /** Edits the text of one of the viewer's messages. */
  editMessage: Message;
  /** Leaves a group room. An owner who leaves hands ownership to the longest-standing admin or member. */
  leaveRoom: Scalars['Boolean']['output'];
  /** Signs in with email or username. UNAUTHENTICATED with the same message for an unknown user or a wrong password. */
  login: AuthPayload;
  /** Ends the session the refresh token belongs to. Always true for a token already revoked. */
  logout: Scalars['Boolean']['output'];
  /** Ends every session of the viewer, including this one. */
  logoutEverywhere: Scalars['Boolean']['output'];
  /** Marks every notification of the viewer read. */
  markAllNotificationsRead: NotificationsRead;
  /** Marks one of the viewer's notifications read; harmless to repeat. NOT_FOUND for anyone else's. */
  markNotificationRead: Notification;
  /** Marks several of the viewer's notifications read; harmless to repeat. NOT_FOUND (and nothing changes) if any id is not the viewer's. */
  markNotificationsRead: NotificationsRead;
  /** Moves the viewer's read pointer forward to `seq` (never backwards). Returns the room with its new `unreadCount`. */
  markRoomRead: Room;
  /** Returns THE direct room with this person, creating it on first use. It appears in their list after the first message. */
  openDirectRoom: Room;
  /** Exchanges a refresh token for new tokens. The old token stops working; presenting an already-used token revokes the whole session. */
  refreshSession: AuthPayload;
  /** Creates an account and signs in. CONFLICT if the email or username is taken. */
  register: AuthPayload;
  /** Ends a friendship (for both sides). True also when there was none, so it is safe to retry. */
  removeContact: Scalars['Boolean']['output'];
  /** Removes a member from a group room (owner or admin; only the owner removes admins). */
  removeRoomMember: Room;
  /** Renames a group room (owner or admin). */
  renameRoom: Room;
  /** Emails a single-use reset link valid for one hour if the address has an account. Always true (no account enumeration). */
  requestPasswordReset: Scalars['Boolean']['output'];
  /** Sets a new password with a reset token and signs out every session. BAD_USER_INPUT for an invalid, used or expired token. */
  resetPassword: Scalars['Boolean']['output'];
  /** Accepts or declines an incoming request. */
  respondToFriendRequest: FriendRequestResult;
  /** Ends one of the viewer's sessions (e.g. a lost device). */
  revokeSession: Scalars['Boolean']['output'];
  /** Sends a friend request. If they already asked you, you become contacts at once. Repeating it is harmless. FORBIDDEN if either blocked the other. */
  sendFriendRequest: FriendRequestResult;
  /** Posts a message. Idempotent per `clientId`: a retry returns the original message. */
  sendMessage: Message;
  /** Changes a member's role (owner only). */
  setRoomMemberRole: Room;
  /** Lifts a block. */
  unblockUser: User;
  /** Turns email on or off per notification type; returns every type's setting. */
  updateNotificationPreferences: Array<NotificationPreference>;
  /** Updates the viewer's profile and privacy settings. */
  updateProfile: User;
};


/** Write operations. */
export type MutationAddRoomMembersArgs = {
  roomId: Scalars['ID']['input'];
  userIds: Array<Scalars['ID']['input']>;
};


/** Write operations. */
export type MutationBlockUserArgs = {
  userId: Scalars['ID']['input'];
};


/** Write operations. */
export type MutationCancelFriendRequestArgs = {
  requestId: Scalars['ID']['input'];
};


/** Write operations. */
export type MutationChangePasswordArgs = {
  current: Scalars['String']['input'];
  next: Scalars['String']['input'];
};


/** Write operations. */
export type MutationCreateGroupRoomArgs = {
  input: CreateGroupRoomInput;
};


/** Write operations. */
export type MutationDeleteMessageArgs = {
  id: Scalars['ID']['input'];
};


/** Write operations. */
export type MutationEditMessageArgs = {
  body: Scalars['String']['input'];
  id: Scalars['ID']['input'];
};


/** Write operations. */
export type MutationLeaveRoomArgs = {
  roomId: Scalars['ID']['input'];
};


/** Write operations. */
export type MutationLoginArgs = {
  input: LoginInput;
};


/** Write operations. */
export type MutationLogoutArgs = {
  refreshToken: Scalars['String']['input'];
};


/** Write operations. */
export type MutationMarkNotificationReadArgs = {
  id: Scalars['ID']['input'];
};


/** Write operations. */
export type MutationMarkNotificationsReadArgs = {
  ids: Array<Scalars['ID']['input']>;
};


/** Write operations. */
export type MutationMarkRoomReadArgs = {
  roomId: Scalars['ID']['input'];
  seq: Scalars['Int']['input'];
};


/** Write operations. */
export type MutationOpenDirectRoomArgs = {
  userId: Scalars['ID']['input'];
};


/** Write operations. */
export type MutationRefreshSessionArgs = {
  refreshToken: Scalars['String']['input'];
};


/** Write operations. */
export type MutationRegisterArgs = {
  input: RegisterInput;
};


/** Write operations. */
export type MutationRemoveContactArgs = {
  userId: Scalars['ID']['input'];
};


/** Write operations. */
export type MutationRemoveRoomMemberArgs = {
  roomId: Scalars['ID']['input'];
  userId: Scalars['ID']['input'];
};


/** Write operations. */
export type MutationRenameRoomArgs = {
  roomId: Scalars['ID']['input'];
  title: Scalars['String']['input'];
};


/** Write operations. */
export type MutationRequestPasswordResetArgs = {
  email: Scalars['String']['input'];
};


/** Write operations. */
export type MutationResetPasswordArgs = {
  newPassword: Scalars['String']['input'];
  token: Scalars['String']['input'];
};


/** Write operations. */
export type MutationRespondToFriendRequestArgs = {
  accept: Scalars['Boolean']['input'];
  requestId: Scalars['ID']['input'];
};


/** Write operations. */
export type MutationRevokeSessionArgs = {
  sessionId: Scalars['ID']['input'];
};


/** Write operations. */
export type MutationSendFriendRequestArgs = {
  userId: Scalars['ID']['input'];
};


/** Write operations. */
export type MutationSendMessageArgs = {
  input: SendMessageInput;
};


/** Write operations. */
export type MutationSetRoomMemberRoleArgs = {
  role: RoomRole;
  roomId: Scalars['ID']['input'];
  userId: Scalars['ID']['input'];
};


/** Write operations. */
export type MutationUnblockUserArgs = {
  userId: Scalars['ID']['input'];
};


/** Write operations. */
export type MutationUpdateNotificationPreferencesArgs = {
  preferences: Array<NotificationPreferenceInput>;
};


/** Write operations. */
export type MutationUpdateProfileArgs = {
  input: UpdateProfileInput;
};

/** Something the viewer's room list (or contacts) needs to know, across all rooms. */
export type MyEvent = ContactsChanged | FriendRequestReceived | RoomRemoved | RoomUpdated;

/** Something that happened for the viewer. Texts that mention a time show it in the viewer's time zone. */
export type Notification = {
  __typename?: 'Notification';
  /** The text to show (for MESSAGE: the count and the latest message). */
  body: Scalars['String']['output'];
  /** How many events it stands for: messages collapsed into a MESSAGE notification; otherwise 1. */
  count: Scalars['Int']['output'];
  /** When it was created. */
  createdAt: Scalars['DateTime']['output'];
  /** The friend request it is about (FRIEND_REQUEST). */
  friendRequestId?: Maybe<Scalars['ID']['output']>;
  /** Who caused it (sender, requester, the other meeting party), if anyone; null if that account is gone. */
  fromUser?: Maybe<User>;
  /** Stable identifier. */
  id: Scalars['ID']['output'];
  /** The meeting it is about (MEETING_*). */
  meetingId?: Maybe<Scalars['ID']['output']>;
  /** The message it points at (MESSAGE: the latest one). */
  messageId?: Maybe<Scalars['ID']['output']>;
  /** When the viewer marked it read; null while unread. */
  readAt?: Maybe<Scalars['DateTime']['output']>;
  /** The room it is about, if any (MESSAGE). */
  roomId?: Maybe<Scalars['ID']['output']>;
  /** Short headline (for MESSAGE: the room's title). */
  title: Scalars['String']['output'];
  /** What it is about. */
  type: NotificationType;
  /** When it last changed (a MESSAGE notification changes with each new message); the list is sorted by it. */
  updatedAt: Scalars['DateTime']['output'];
};

/** A notification was created, or a collapsed MESSAGE notification changed (same id: replace it and move it to the top). */
export type NotificationAdded = {
  __typename?: 'NotificationAdded';
  /** The notification as it is now. */
  notification: Notification;
  /** The viewer's unread notifications after this change. */
  unreadCount: Scalars['Int']['output'];
};

/** A page of notifications, most recently changed first. */
export type NotificationConnection = {
  __typename?: 'NotificationConnection';
  /** The notifications of this page with their cursors. */
  edges: Array<NotificationEdge>;
  /** Pagination state. */
  pageInfo: PageInfo;
};

/** A notification in a connection. */
export type NotificationEdge = {
  __typename?: 'NotificationEdge';
  /** Opaque cursor for `after`. */
  cursor: Scalars['String']['output'];
  /** The notification. */
  node: Notification;
};

/** A live change to the viewer's notifications, sent to every open device of the viewer. */
export type NotificationEvent = NotificationAdded | NotificationsRead;

/** Whether notifications of one type are also emailed. */
export type NotificationPreference = {
  __typename?: 'NotificationPreference';
  /** True to email them. Defaults: on for everything except FRIEND_ACCEPTED; MESSAGE is emailed only as a digest after a while unread. */
  email: Scalars['Boolean']['output'];
  /** The notification type. */
  type: NotificationType;
};

/** A change of one email preference. */
export type NotificationPreferenceInput = {
  /** True to email notifications of this type, false to stop. */
  email: Scalars['Boolean']['input'];
  /** The notification type. */
  type: NotificationType;
};

/** What a notification is about. */
export type NotificationType =
  /** Someone accepted the viewer's friend request. */
  | 'FRIEND_ACCEPTED'
  /** Someone sent the viewer a friend request. */
  | 'FRIEND_REQUEST'
  /** A meeting the viewer requested was accepted. */
  | 'MEETING_ACCEPTED'
  /** A meeting was cancelled. */
  | 'MEETING_CANCELLED'
  /** Both parties reviewed a meeting; it is complete. */
  | 'MEETING_COMPLETED'
  /** A meeting the viewer requested was declined. */
  | 'MEETING_DECLINED'
  /** A meeting starts soon. */
  | 'MEETING_REMINDER'
  /** Someone asked the viewer for a meeting. */
  | 'MEETING_REQUESTED'
  /** A meeting moved to a new time. */
  | 'MEETING_RESCHEDULED'
  /** The other party proposed a new time for a meeting. */
  | 'MEETING_RESCHEDULE_PROPOSED'
  /** A meeting ended; the viewer is asked to review it. */
  | 'MEETING_REVIEW_REQUESTED'
  /** A meeting has started. */
  | 'MEETING_STARTED'
  /** Messages (a DM or an @mention) in a room the viewer was not looking at; one unread notification per room, with `count`. */
  | 'MESSAGE';

/** Notifications were marked read (on any device). */
export type NotificationsRead = {
  __typename?: 'NotificationsRead';
  /** The notifications this change marked read (already-read ones are not repeated); empty in the first event of a subscription. */
  ids: Array<Scalars['ID']['output']>;
  /** The viewer's unread notifications after this change. */
  unreadCount: Scalars['Int']['output'];
};

/** Relay pagination state of a connection. */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** Cursor of the last edge in this page, if any. */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** True when more items follow `endCursor` in the paging direction. */
  hasNextPage: Scalars['Boolean']['output'];
  /** True when more items precede `startCursor`. */
  hasPreviousPage: Scalars['Boolean']['output'];
  /** Cursor of the first edge in this page, if any. */
  startCursor?: Maybe<Scalars['String']['output']>;
};

/** Read operations. */
export type Query = {
  __typename?: 'Query';
  /** People the viewer has blocked. */
  blockedUsers: Array<User>;
  /** The viewer's contacts (accepted friends), by display name. */
  contacts: UserConnection;
  /** Pending friend requests, newest first. */
  friendRequests: FriendRequestConnection;
  /** The signed-in user. UNAUTHENTICATED without a valid token. */
  me: User;
  /** A message the viewer can see; NOT_FOUND otherwise. */
  message?: Maybe<Message>;
  /**
   * A room's history as a Relay connection keyed on `seq`, limited to what the viewer may see.
   * `last`/`before` page backwards from the newest (typical for a chat view); `first`/`after` page forwards.
   */
  messages: MessageConnection;
  /** Messages with `seq` greater than `afterSeq`, ascending: fills a gap after a reconnect. */
  messagesAfter: MessageBatch;
  /** The viewer's signed-in devices, most recently used first. */
  mySessions: Array<Session>;
  /** Whether each notification type is emailed, with defaults applied; one entry per type. */
  notificationPreferences: Array<NotificationPreference>;
  /** The viewer's notifications, most recently changed first. */
  notifications: NotificationConnection;
  /** A room the viewer belongs to; NOT_FOUND otherwise. */
  room?: Maybe<Room>;
  /** The viewer's rooms, most recent activity first. */
  rooms: RoomConnection;
  /** Full-text search over messages in rooms the viewer belongs to, best match first. */
  searchMessages: MessageConnection;
  /**
   * People whose username, display name (or any word of it) or email starts with `query` (case-insensitive),
   * excluding the viewer and people who blocked the viewer. Exact username match first, then by username.
   */
  searchUsers: UserConnection;
  /** How many of the viewer's notifications are unread. */
  unreadNotificationCount: Scalars['Int']['output'];
  /** A user by id; NOT_FOUND if it does not exist or has blocked the viewer. */
  user?: Maybe<User>;
};


/** Read operations. */
export type QueryContactsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** Read operations. */
export type QueryFriendRequestsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  direction: FriendRequestDirection;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** Read operations. */
export type QueryMessageArgs = {
  id: Scalars['ID']['input'];
};


/** Read operations. */
export type QueryMessagesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  roomId: Scalars['ID']['input'];
  senderId?: InputMaybe<Scalars['ID']['input']>;
};


/** Read operations. */
export type QueryMessagesAfterArgs = {
  afterSeq: Scalars['Int']['input'];
  limit?: InputMaybe<Scalars['Int']['input']>;
  roomId: Scalars['ID']['input'];
};


/** Read operations. */
export type QueryNotificationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  unreadOnly?: InputMaybe<Scalars['Boolean']['input']>;
};


/** Read operations. */
export type QueryRoomArgs = {
  id: Scalars['ID']['input'];
};


/** Read operations. */
export type QueryRoomsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** Read operations. */
export type QuerySearchMessagesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  query: Scalars['String']['input'];
  roomId?: InputMaybe<Scalars['ID']['input']>;
};


/** Read operations. */
export type QuerySearchUsersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  query: Scalars['String']['input'];
};


/** Read operations. */
export type QueryUserArgs = {
  id: Scalars['ID']['input'];
};

/** Data for a new account. */
export type RegisterInput = {
  /** Name shown to others, 1–80 characters. */
  displayName: Scalars['String']['input'];
  /** Email address; unique regardless of case. */
  email: Scalars['String']['input'];
  /** At least 8 characters. */
  password: Scalars['String']['input'];
  /** IANA time zone such as `America/New_York`. */
  timeZone: Scalars['String']['input'];
  /** 3–32 characters of `a-z`, `0-9`, `_` and `.`; unique regardless of case (stored in lower case). */
  username: Scalars['String']['input'];
};

/** A conversation the viewer belongs to. */
export type Room = {
  __typename?: 'Room';
  /** When the room was created. */
  createdAt: Scalars['DateTime']['output'];
  /** Stable identifier. */
  id: Scalars['ID']['output'];
  /** DIRECT or GROUP. */
  kind: RoomKind;
  /** Time of the last activity (newest message, or creation); the room list is sorted by it. */
  lastActivityAt: Scalars['DateTime']['output'];
  /** The newest message (including deleted tombstones), or null when there is none. */
  lastMessage?: Maybe<Message>;
  /** The viewer's read pointer: the highest `seq` the viewer has read. */
  lastReadSeq: Scalars['Int']['output'];
  /** Sequence number of the newest message; 0 when the room has none. */
  lastSeq: Scalars['Int']['output'];
  /** Number of current members. */
  memberCount: Scalars['Int']['output'];
  /** Current members, owner first. */
  members: Array<RoomMember>;
  /** The viewer's role in the room. */
  myRole: RoomRole;
  /** For a direct room, the other person; null for groups. */
  peer?: Maybe<User>;
  /** The group's title; for a direct room, the other person's display name. */
  title: Scalars['String']['output'];
  /** Messages after the viewer's read pointer that others sent and that are not deleted. */
  unreadCount: Scalars['Int']['output'];
  /** The lowest `seq` the viewer can see (members added later see history from their join point). */
  visibleFromSeq: Scalars['Int']['output'];
};

/** A page of rooms, newest activity first. */
export type RoomConnection = {
  __typename?: 'RoomConnection';
  /** The rooms of this page with their cursors. */
  edges: Array<RoomEdge>;
  /** Pagination state. */
  pageInfo: PageInfo;
};

/** A room in a connection. */
export type RoomEdge = {
  __typename?: 'RoomEdge';
  /** Opaque cursor for `after`. */
  cursor: Scalars['String']['output'];
  /** The room. */
  node: Room;
};

/** Something that happened in a room. Events with a `seq` are also in history. */
export type RoomEvent = MemberJoined | MemberLeft | MessageCreated | MessageDeleted | MessageEdited | RoomRenamed;

/** Kind of conversation. */
export type RoomKind =
  /** A one-to-one conversation; exactly one per pair of users. */
  | 'DIRECT'
  /** A titled conversation of up to 256 members. */
  | 'GROUP';

/** A user's membership of a room. */
export type RoomMember = {
  __typename?: 'RoomMember';
  /** When the user joined (or was added). */
  joinedAt: Scalars['DateTime']['output'];
  /** The member's role. */
  role: RoomRole;
  /** The member. */
  user: User;
};

/** The viewer left or was removed from a room; drop it from the list. */
export type RoomRemoved = {
  __typename?: 'RoomRemoved';
  /** The room that is no longer visible. */
  roomId: Scalars['ID']['output'];
};

/** The group room was renamed. */
export type RoomRenamed = {
  __typename?: 'RoomRenamed';
  /** Who renamed it. */
  by: User;
  /** The room. */
  roomId: Scalars['ID']['output'];
  /** `seq` of the system message recording it. */
  seq: Scalars['Int']['output'];
  /** The new title. */
  title: Scalars['String']['output'];
};

/** A member's role in a group room. */
export type RoomRole =
  /** Can rename the room and add or remove members. */
  | 'ADMIN'
  /** Can read and send messages. */
  | 'MEMBER'
  /** Created the room; can do everything, including removing admins. */
  | 'OWNER';

/** A room appeared in the viewer's list or changed: new message, title, members, or the viewer's unread count (also when read on another device). */
export type RoomUpdated = {
  __typename?: 'RoomUpdated';
  /** The room as the viewer sees it now, with `lastMessage`, `unreadCount` and `lastReadSeq`. */
  room: Room;
};

/** A new message. */
export type SendMessageInput = {
  /** Text, 1–4000 characters after trimming. */
  body: Scalars['String']['input'];
  /** Client-generated idempotency key (1–64 characters), unique per sender: a retry with the same key returns the original message. */
  clientId: Scalars['String']['input'];
  /** A message of the same room this one replies to. */
  replyToId?: InputMaybe<Scalars['ID']['input']>;
  /** The room to post in. */
  roomId: Scalars['ID']['input'];
};

/** One signed-in device (a refresh-token family). */
export type Session = {
  __typename?: 'Session';
  /** When the user signed in. */
  createdAt: Scalars['DateTime']['output'];
  /** Whether this is the session making the request. */
  current: Scalars['Boolean']['output'];
  /** Session identifier. */
  id: Scalars['ID']['output'];
  /** When the session last refreshed its tokens. */
  lastUsedAt: Scalars['DateTime']['output'];
  /** The User-Agent that signed in, if known. */
  userAgent?: Maybe<Scalars['String']['output']>;
};

/** Live streams over graphql-transport-ws. */
export type Subscription = {
  __typename?: 'Subscription';
  /** Everything the viewer's room list needs, for all rooms at once. */
  myEvents: MyEvent;
  /**
   * The viewer's new notifications and read changes, with the unread count, on every open device.
   * The first event is a NotificationsRead with no `ids` carrying the current `unreadCount`
   * (sync the badge after connecting or reconnecting); events follow as they happen.
   */
  notificationEvents: NotificationEvent;
  /**
   * Events of one room. FORBIDDEN for a room the viewer is not in; the stream ends
   * when the viewer leaves or is removed. Pass `afterSeq` to first receive, as
   * MessageCreated events, the messages committed after that `seq`.
   * The replay is capped at 1000 messages (BAD_USER_INPUT beyond: page with
   * `messagesAfter` first, then subscribe from the newest `seq` you have).
   */
  roomEvents: RoomEvent;
};


/** Live streams over graphql-transport-ws. */
export type SubscriptionRoomEventsArgs = {
  afterSeq?: InputMaybe<Scalars['Int']['input']>;
  roomId: Scalars['ID']['input'];
};

/** Profile changes; omitted fields are left unchanged. */
export type UpdateProfileInput = {
  /** New bio, at most 500 characters. */
  bio?: InputMaybe<Scalars['String']['input']>;
  /** New display name, 1–80 characters. */
  displayName?: InputMaybe<Scalars['String']['input']>;
  /** Whether others may see how far you have read (default true). */
  shareReadReceipts?: InputMaybe<Scalars['Boolean']['input']>;
  /** Whether others may see when you are online (default true). */
  showOnline?: InputMaybe<Scalars['Boolean']['input']>;
  /** New IANA time zone. */
  timeZone?: InputMaybe<Scalars['String']['input']>;
};

/** A person using Parley, as seen by the viewer. */
export type User = {
  __typename?: 'User';
  /** Free text about the person (at most 500 characters). */
  bio: Scalars['String']['output'];
  /** Whether the viewer has blocked this person. */
  blockedByMe: Scalars['Boolean']['output'];
  /** Friendship between the viewer and this person. */
  contactStatus: ContactStatus;
  /** When the account was created. */
  createdAt: Scalars['DateTime']['output'];
  /** Name shown in the interface. */
  displayName: Scalars['String']['output'];
  /** Email address; only visible to the user themself (null for anyone else). */
  email?: Maybe<Scalars['String']['output']>;
  /** Stable identifier. */
  id: Scalars['ID']['output'];
  /** Whether this is the viewer. */
  isMe: Scalars['Boolean']['output'];
  /** Whether others may see how far this user has read; only visible to the user themself. */
  shareReadReceipts?: Maybe<Scalars['Boolean']['output']>;
  /** Whether others may see when this user is online; only visible to the user themself. */
  showOnline?: Maybe<Scalars['Boolean']['output']>;
  /** The person's IANA time zone, e.g. `Europe/Berlin`. */
  timeZone: Scalars['String']['output'];
  /** Unique handle: 3–32 characters of `a-z`, `0-9`, `_` and `.`; used for @mentions. */
  username: Scalars['String']['output'];
};

/** A page of users. */
export type UserConnection = {
  __typename?: 'UserConnection';
  /** The users of this page with their cursors. */
  edges: Array<UserEdge>;
  /** Pagination state. */
  pageInfo: PageInfo;
};

/** A user in a connection. */
export type UserEdge = {
  __typename?: 'UserEdge';
  /** Opaque cursor for `after`. */
  cursor: Scalars['String']['output'];
  /** The user. */
  node: User;
};



export type ResolverTypeWrapper<T> = Promise<T> | T;


export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;



/** Mapping of union types */
export type ResolversUnionTypes<_RefType extends Record<string, unknown>> = {
  MyEvent:
    | ( Omit<ContactsChanged, 'user'> & { user: _RefType['User'] } & { __typename: 'ContactsChanged' } )
    | ( Omit<FriendRequestReceived, 'request'> & { request: _RefType['FriendRequest'] } & { __typename: 'FriendRequestReceived' } )
    | ( RoomRemoved & { __typename: 'RoomRemoved' } )
    | ( Omit<RoomUpdated, 'room'> & { room: _RefType['Room'] } & { __typename: 'RoomUpdated' } )
  ;
  NotificationEvent:
    | ( Omit<NotificationAdded, 'notification'> & { notification: _RefType['Notification'] } & { __typename: 'NotificationAdded' } )
    | ( NotificationsRead & { __typename: 'NotificationsRead' } )
  ;
  RoomEvent:
    | ( Omit<MemberJoined, 'addedBy' | 'member'> & { addedBy?: Maybe<_RefType['User']>, member: _RefType['RoomMember'] } & { __typename: 'MemberJoined' } )
    | ( Omit<MemberLeft, 'removedBy' | 'user'> & { removedBy?: Maybe<_RefType['User']>, user: _RefType['User'] } & { __typename: 'MemberLeft' } )
    | ( Omit<MessageCreated, 'message'> & { message: _RefType['Message'] } & { __typename: 'MessageCreated' } )
    | ( Omit<MessageDeleted, 'message'> & { message: _RefType['Message'] } & { __typename: 'MessageDeleted' } )
    | ( Omit<MessageEdited, 'message'> & { message: _RefType['Message'] } & { __typename: 'MessageEdited' } )
    | ( Omit<RoomRenamed, 'by'> & { by: _RefType['User'] } & { __typename: 'RoomRenamed' } )
  ;
};


/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  AuthPayload: ResolverTypeWrapper<Omit<AuthPayload, 'user'> & { user: ResolversTypes['User'] }>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  ContactStatus: ContactStatus;
  ContactsChanged: ResolverTypeWrapper<Omit<ContactsChanged, 'user'> & { user: ResolversTypes['User'] }>;
  CreateGroupRoomInput: CreateGroupRoomInput;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  FriendRequest: ResolverTypeWrapper<FriendRequestModel>;
  FriendRequestConnection: ResolverTypeWrapper<Omit<FriendRequestConnection, 'edges'> & { edges: Array<ResolversTypes['FriendRequestEdge']> }>;
  FriendRequestDirection: FriendRequestDirection;
  FriendRequestEdge: ResolverTypeWrapper<Omit<FriendRequestEdge, 'node'> & { node: ResolversTypes['FriendRequest'] }>;
  FriendRequestReceived: ResolverTypeWrapper<Omit<FriendRequestReceived, 'request'> & { request: ResolversTypes['FriendRequest'] }>;
  FriendRequestResult: ResolverTypeWrapper<Omit<FriendRequestResult, 'request' | 'user'> & { request?: Maybe<ResolversTypes['FriendRequest']>, user: ResolversTypes['User'] }>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  LoginInput: LoginInput;
  MemberJoined: ResolverTypeWrapper<Omit<MemberJoined, 'addedBy' | 'member'> & { addedBy?: Maybe<ResolversTypes['User']>, member: ResolversTypes['RoomMember'] }>;
  MemberLeft: ResolverTypeWrapper<Omit<MemberLeft, 'removedBy' | 'user'> & { removedBy?: Maybe<ResolversTypes['User']>, user: ResolversTypes['User'] }>;
  Message: ResolverTypeWrapper<MessageModel>;
  MessageBatch: ResolverTypeWrapper<Omit<MessageBatch, 'messages'> & { messages: Array<ResolversTypes['Message']> }>;
  MessageConnection: ResolverTypeWrapper<Omit<MessageConnection, 'edges'> & { edges: Array<ResolversTypes['MessageEdge']> }>;
  MessageCreated: ResolverTypeWrapper<Omit<MessageCreated, 'message'> & { message: ResolversTypes['Message'] }>;
  MessageDeleted: ResolverTypeWrapper<Omit<MessageDeleted, 'message'> & { message: ResolversTypes['Message'] }>;
  MessageEdge: ResolverTypeWrapper<Omit<MessageEdge, 'node'> & { node: ResolversTypes['Message'] }>;
  MessageEdited: ResolverTypeWrapper<Omit<MessageEdited, 'message'> & { message: ResolversTypes['Message'] }>;
  MessageKind: MessageKind;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  MyEvent: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['MyEvent']>;
  Notification: ResolverTypeWrapper<NotificationModel>;
  NotificationAdded: ResolverTypeWrapper<Omit<NotificationAdded, 'notification'> & { notification: ResolversTypes['Notification'] }>;
  NotificationConnection: ResolverTypeWrapper<Omit<NotificationConnection, 'edges'> & { edges: Array<ResolversTypes['NotificationEdge']> }>;
  NotificationEdge: ResolverTypeWrapper<Omit<NotificationEdge, 'node'> & { node: ResolversTypes['Notification'] }>;
  NotificationEvent: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['NotificationEvent']>;
  NotificationPreference: ResolverTypeWrapper<NotificationPreference>;
  NotificationPreferenceInput: NotificationPreferenceInput;
  NotificationType: NotificationType;
  NotificationsRead: ResolverTypeWrapper<NotificationsRead>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  RegisterInput: RegisterInput;
  Room: ResolverTypeWrapper<RoomModel>;
  RoomConnection: ResolverTypeWrapper<Omit<RoomConnection, 'edges'> & { edges: Array<ResolversTypes['RoomEdge']> }>;
  RoomEdge: ResolverTypeWrapper<Omit<RoomEdge, 'node'> & { node: ResolversTypes['Room'] }>;
  RoomEvent: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['RoomEvent']>;
  RoomKind: RoomKind;
  RoomMember: ResolverTypeWrapper<RoomMemberModel>;
  RoomRemoved: ResolverTypeWrapper<RoomRemoved>;
  RoomRenamed: ResolverTypeWrapper<Omit<RoomRenamed, 'by'> & { by: ResolversTypes['User'] }>;
  RoomRole: RoomRole;
  RoomUpdated: ResolverTypeWrapper<Omit<RoomUpdated, 'room'> & { room: ResolversTypes['Room'] }>;
  SendMessageInput: SendMessageInput;
  Session: ResolverTypeWrapper<SessionModel>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Subscription: ResolverTypeWrapper<Record<PropertyKey, never>>;
  UpdateProfileInput: UpdateProfileInput;
  User: ResolverTypeWrapper<UserModel>;
  UserConnection: ResolverTypeWrapper<Omit<UserConnection, 'edges'> & { edges: Array<ResolversTypes['UserEdge']> }>;
  UserEdge: ResolverTypeWrapper<Omit<UserEdge, 'node'> & { node: ResolversTypes['User'] }>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  AuthPayload: Omit<AuthPayload, 'user'> & { user: ResolversParentTypes['User'] };
  Boolean: Scalars['Boolean']['output'];
  ContactsChanged: Omit<ContactsChanged, 'user'> & { user: ResolversParentTypes['User'] };
  CreateGroupRoomInput: CreateGroupRoomInput;
  DateTime: Scalars['DateTime']['output'];
  FriendRequest: FriendRequestModel;
  FriendRequestConnection: Omit<FriendRequestConnection, 'edges'> & { edges: Array<ResolversParentTypes['FriendRequestEdge']> };
  FriendRequestEdge: Omit<FriendRequestEdge, 'node'> & { node: ResolversParentTypes['FriendRequest'] };
  FriendRequestReceived: Omit<FriendRequestReceived, 'request'> & { request: ResolversParentTypes['FriendRequest'] };
  FriendRequestResult: Omit<FriendRequestResult, 'request' | 'user'> & { request?: Maybe<ResolversParentTypes['FriendRequest']>, user: ResolversParentTypes['User'] };
  ID: Scalars['ID']['output'];
  Int: Scalars['Int']['output'];
  LoginInput: LoginInput;
  MemberJoined: Omit<MemberJoined, 'addedBy' | 'member'> & { addedBy?: Maybe<ResolversParentTypes['User']>, member: ResolversParentTypes['RoomMember'] };
  MemberLeft: Omit<MemberLeft, 'removedBy' | 'user'> & { removedBy?: Maybe<ResolversParentTypes['User']>, user: ResolversParentTypes['User'] };
  Message: MessageModel;
  MessageBatch: Omit<MessageBatch, 'messages'> & { messages: Array<ResolversParentTypes['Message']> };
  MessageConnection: Omit<MessageConnection, 'edges'> & { edges: Array<ResolversParentTypes['MessageEdge']> };
  MessageCreated: Omit<MessageCreated, 'message'> & { message: ResolversParentTypes['Message'] };
  MessageDeleted: Omit<MessageDeleted, 'message'> & { message: ResolversParentTypes['Message'] };
  MessageEdge: Omit<MessageEdge, 'node'> & { node: ResolversParentTypes['Message'] };
  MessageEdited: Omit<MessageEdited, 'message'> & { message: ResolversParentTypes['Message'] };
  Mutation: Record<PropertyKey, never>;
  MyEvent: ResolversUnionTypes<ResolversParentTypes>['MyEvent'];
  Notification: NotificationModel;
  NotificationAdded: Omit<NotificationAdded, 'notification'> & { notification: ResolversParentTypes['Notification'] };
  NotificationConnection: Omit<NotificationConnection, 'edges'> & { edges: Array<ResolversParentTypes['NotificationEdge']> };
  NotificationEdge: Omit<NotificationEdge, 'node'> & { node: ResolversParentTypes['Notification'] };
  NotificationEvent: ResolversUnionTypes<ResolversParentTypes>['NotificationEvent'];
  NotificationPreference: NotificationPreference;
  NotificationPreferenceInput: NotificationPreferenceInput;
  NotificationsRead: NotificationsRead;
  PageInfo: PageInfo;
  Query: Record<PropertyKey, never>;
  RegisterInput: RegisterInput;
  Room: RoomModel;
  RoomConnection: Omit<RoomConnection, 'edges'> & { edges: Array<ResolversParentTypes['RoomEdge']> };
  RoomEdge: Omit<RoomEdge, 'node'> & { node: ResolversParentTypes['Room'] };
  RoomEvent: ResolversUnionTypes<ResolversParentTypes>['RoomEvent'];
  RoomMember: RoomMemberModel;
  RoomRemoved: RoomRemoved;
  RoomRenamed: Omit<RoomRenamed, 'by'> & { by: ResolversParentTypes['User'] };
  RoomUpdated: Omit<RoomUpdated, 'room'> & { room: ResolversParentTypes['Room'] };
  SendMessageInput: SendMessageInput;
  Session: SessionModel;
  String: Scalars['String']['output'];
  Subscription: Record<PropertyKey, never>;
  UpdateProfileInput: UpdateProfileInput;
  User: UserModel;
  UserConnection: Omit<UserConnection, 'edges'> & { edges: Array<ResolversParentTypes['UserEdge']> };
  UserEdge: Omit<UserEdge, 'node'> & { node: ResolversParentTypes['User'] };
};

export type AuthPayloadResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['AuthPayload'] = ResolversParentTypes['AuthPayload']> = {
  accessToken?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  accessTokenExpiresAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  refreshToken?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  user?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
};

export type ContactsChangedResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ContactsChanged'] = ResolversParentTypes['ContactsChanged']> = {
  user?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type FriendRequestResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['FriendRequest'] = ResolversParentTypes['FriendRequest']> = {
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  from?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  to?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
};

export type FriendRequestConnectionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['FriendRequestConnection'] = ResolversParentTypes['FriendRequestConnection']> = {
  edges?: Resolver<Array<ResolversTypes['FriendRequestEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type FriendRequestEdgeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['FriendRequestEdge'] = ResolversParentTypes['FriendRequestEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['FriendRequest'], ParentType, ContextType>;
};

export type FriendRequestReceivedResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['FriendRequestReceived'] = ResolversParentTypes['FriendRequestReceived']> = {
  request?: Resolver<ResolversTypes['FriendRequest'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type FriendRequestResultResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['FriendRequestResult'] = ResolversParentTypes['FriendRequestResult']> = {
  request?: Resolver<Maybe<ResolversTypes['FriendRequest']>, ParentType, ContextType>;
  user?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
};

export type MemberJoinedResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['MemberJoined'] = ResolversParentTypes['MemberJoined']> = {
  addedBy?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  member?: Resolver<ResolversTypes['RoomMember'], ParentType, ContextType>;
  roomId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  seq?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type MemberLeftResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['MemberLeft'] = ResolversParentTypes['MemberLeft']> = {
  removedBy?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  roomId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  seq?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  user?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type MessageResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Message'] = ResolversParentTypes['Message']> = {
  body?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  clientId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  deletedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  editedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['MessageKind'], ParentType, ContextType>;
  mentions?: Resolver<Array<ResolversTypes['User']>, ParentType, ContextType>;
  replyTo?: Resolver<Maybe<ResolversTypes['Message']>, ParentType, ContextType>;
  roomId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  sender?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  seq?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type MessageBatchResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['MessageBatch'] = ResolversParentTypes['MessageBatch']> = {
  hasMore?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  lastSeq?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  messages?: Resolver<Array<ResolversTypes['Message']>, ParentType, ContextType>;
};

export type MessageConnectionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['MessageConnection'] = ResolversParentTypes['MessageConnection']> = {
  edges?: Resolver<Array<ResolversTypes['MessageEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type MessageCreatedResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['MessageCreated'] = ResolversParentTypes['MessageCreated']> = {
  message?: Resolver<ResolversTypes['Message'], ParentType, ContextType>;
  roomId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  seq?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type MessageDeletedResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['MessageDeleted'] = ResolversParentTypes['MessageDeleted']> = {
  message?: Resolver<ResolversTypes['Message'], ParentType, ContextType>;
  roomId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  seq?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type MessageEdgeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['MessageEdge'] = ResolversParentTypes['MessageEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Message'], ParentType, ContextType>;
};

export type MessageEditedResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['MessageEdited'] = ResolversParentTypes['MessageEdited']> = {
  message?: Resolver<ResolversTypes['Message'], ParentType, ContextType>;
  roomId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  seq?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type MutationResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  addRoomMembers?: Resolver<ResolversTypes['Room'], ParentType, ContextType, RequireFields<MutationAddRoomMembersArgs, 'roomId' | 'userIds'>>;
  blockUser?: Resolver<ResolversTypes['User'], ParentType, ContextType, RequireFields<MutationBlockUserArgs, 'userId'>>;
  cancelFriendRequest?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationCancelFriendRequestArgs, 'requestId'>>;
  changePassword?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationChangePasswordArgs, 'current' | 'next'>>;
  createGroupRoom?: Resolver<ResolversTypes['Room'], ParentType, ContextType, RequireFields<MutationCreateGroupRoomArgs, 'input'>>;
  deleteMessage?: Resolver<ResolversTypes['Message'], ParentType, ContextType, RequireFields<MutationDeleteMessageArgs, 'id'>>;
  editMessage?: Resolver<ResolversTypes['Message'], ParentType, ContextType, RequireFields<MutationEditMessageArgs, 'body' | 'id'>>;
  leaveRoom?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationLeaveRoomArgs, 'roomId'>>;
  login?: Resolver<ResolversTypes['AuthPayload'], ParentType, ContextType, RequireFields<MutationLoginArgs, 'input'>>;
  logout?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationLogoutArgs, 'refreshToken'>>;
  logoutEverywhere?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  markAllNotificationsRead?: Resolver<ResolversTypes['NotificationsRead'], ParentType, ContextType>;
  markNotificationRead?: Resolver<ResolversTypes['Notification'], ParentType, ContextType, RequireFields<MutationMarkNotificationReadArgs, 'id'>>;
  markNotificationsRead?: Resolver<ResolversTypes['NotificationsRead'], ParentType, ContextType, RequireFields<MutationMarkNotificationsReadArgs, 'ids'>>;
  markRoomRead?: Resolver<ResolversTypes['Room'], ParentType, ContextType, RequireFields<MutationMarkRoomReadArgs, 'roomId' | 'seq'>>;
  openDirectRoom?: Resolver<ResolversTypes['Room'], ParentType, ContextType, RequireFields<MutationOpenDirectRoomArgs, 'userId'>>;
  refreshSession?: Resolver<ResolversTypes['AuthPayload'], ParentType, ContextType, RequireFields<MutationRefreshSessionArgs, 'refreshToken'>>;
  register?: Resolver<ResolversTypes['AuthPayload'], ParentType, ContextType, RequireFields<MutationRegisterArgs, 'input'>>;
  removeContact?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationRemoveContactArgs, 'userId'>>;
  removeRoomMember?: Resolver<ResolversTypes['Room'], ParentType, ContextType, RequireFields<MutationRemoveRoomMemberArgs, 'roomId' | 'userId'>>;
  renameRoom?: Resolver<ResolversTypes['Room'], ParentType, ContextType, RequireFields<MutationRenameRoomArgs, 'roomId' | 'title'>>;
  requestPasswordReset?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationRequestPasswordResetArgs, 'email'>>;
  resetPassword?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationResetPasswordArgs, 'newPassword' | 'token'>>;
  respondToFriendRequest?: Resolver<ResolversTypes['FriendRequestResult'], ParentType, ContextType, RequireFields<MutationRespondToFriendRequestArgs, 'accept' | 'requestId'>>;
  revokeSession?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationRevokeSessionArgs, 'sessionId'>>;
  sendFriendRequest?: Resolver<ResolversTypes['FriendRequestResult'], ParentType, ContextType, RequireFields<MutationSendFriendRequestArgs, 'userId'>>;
  sendMessage?: Resolver<ResolversTypes['Message'], ParentType, ContextType, RequireFields<MutationSendMessageArgs, 'input'>>;
  setRoomMemberRole?: Resolver<ResolversTypes['Room'], ParentType, ContextType, RequireFields<MutationSetRoomMemberRoleArgs, 'role' | 'roomId' | 'userId'>>;
  unblockUser?: Resolver<ResolversTypes['User'], ParentType, ContextType, RequireFields<MutationUnblockUserArgs, 'userId'>>;
  updateNotificationPreferences?: Resolver<Array<ResolversTypes['NotificationPreference']>, ParentType, ContextType, RequireFields<MutationUpdateNotificationPreferencesArgs, 'preferences'>>;
  updateProfile?: Resolver<ResolversTypes['User'], ParentType, ContextType, RequireFields<MutationUpdateProfileArgs, 'input'>>;
};

export type MyEventResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['MyEvent'] = ResolversParentTypes['MyEvent']> = {
  __resolveType: TypeResolveFn<'ContactsChanged' | 'FriendRequestReceived' | 'RoomRemoved' | 'RoomUpdated', ParentType, ContextType>;
};

export type NotificationResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Notification'] = ResolversParentTypes['Notification']> = {
  body?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  friendRequestId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  fromUser?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  meetingId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  messageId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  readAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  roomId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['NotificationType'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export type NotificationAddedResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['NotificationAdded'] = ResolversParentTypes['NotificationAdded']> = {
  notification?: Resolver<ResolversTypes['Notification'], ParentType, ContextType>;
  unreadCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type NotificationConnectionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['NotificationConnection'] = ResolversParentTypes['NotificationConnection']> = {
  edges?: Resolver<Array<ResolversTypes['NotificationEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type NotificationEdgeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['NotificationEdge'] = ResolversParentTypes['NotificationEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Notification'], ParentType, ContextType>;
};

export type NotificationEventResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['NotificationEvent'] = ResolversParentTypes['NotificationEvent']> = {
  __resolveType: TypeResolveFn<'NotificationAdded' | 'NotificationsRead', ParentType, ContextType>;
};

export type NotificationPreferenceResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['NotificationPreference'] = ResolversParentTypes['NotificationPreference']> = {
  email?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['NotificationType'], ParentType, ContextType>;
};

export type NotificationsReadResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['NotificationsRead'] = ResolversParentTypes['NotificationsRead']> = {
  ids?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType>;
  unreadCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type PageInfoResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type QueryResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  blockedUsers?: Resolver<Array<ResolversTypes['User']>, ParentType, ContextType>;
  contacts?: Resolver<ResolversTypes['UserConnection'], ParentType, ContextType, RequireFields<QueryContactsArgs, 'first'>>;
  friendRequests?: Resolver<ResolversTypes['FriendRequestConnection'], ParentType, ContextType, RequireFields<QueryFriendRequestsArgs, 'direction' | 'first'>>;
  me?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
  message?: Resolver<Maybe<ResolversTypes['Message']>, ParentType, ContextType, RequireFields<QueryMessageArgs, 'id'>>;
  messages?: Resolver<ResolversTypes['MessageConnection'], ParentType, ContextType, RequireFields<QueryMessagesArgs, 'roomId'>>;
  messagesAfter?: Resolver<ResolversTypes['MessageBatch'], ParentType, ContextType, RequireFields<QueryMessagesAfterArgs, 'afterSeq' | 'limit' | 'roomId'>>;
  mySessions?: Resolver<Array<ResolversTypes['Session']>, ParentType, ContextType>;
  notificationPreferences?: Resolver<Array<ResolversTypes['NotificationPreference']>, ParentType, ContextType>;
  notifications?: Resolver<ResolversTypes['NotificationConnection'], ParentType, ContextType, RequireFields<QueryNotificationsArgs, 'first' | 'unreadOnly'>>;
  room?: Resolver<Maybe<ResolversTypes['Room']>, ParentType, ContextType, RequireFields<QueryRoomArgs, 'id'>>;
  rooms?: Resolver<ResolversTypes['RoomConnection'], ParentType, ContextType, RequireFields<QueryRoomsArgs, 'first'>>;
  searchMessages?: Resolver<ResolversTypes['MessageConnection'], ParentType, ContextType, RequireFields<QuerySearchMessagesArgs, 'first' | 'query'>>;
  searchUsers?: Resolver<ResolversTypes['UserConnection'], ParentType, ContextType, RequireFields<QuerySearchUsersArgs, 'first' | 'query'>>;
  unreadNotificationCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  user?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType, RequireFields<QueryUserArgs, 'id'>>;
};

export type RoomResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Room'] = ResolversParentTypes['Room']> = {
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['RoomKind'], ParentType, ContextType>;
  lastActivityAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  lastMessage?: Resolver<Maybe<ResolversTypes['Message']>, ParentType, ContextType>;
  lastReadSeq?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  lastSeq?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  memberCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  members?: Resolver<Array<ResolversTypes['RoomMember']>, ParentType, ContextType>;
  myRole?: Resolver<ResolversTypes['RoomRole'], ParentType, ContextType>;
  peer?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  unreadCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  visibleFromSeq?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type RoomConnectionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RoomConnection'] = ResolversParentTypes['RoomConnection']> = {
  edges?: Resolver<Array<ResolversTypes['RoomEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type RoomEdgeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RoomEdge'] = ResolversParentTypes['RoomEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Room'], ParentType, ContextType>;
};

export type RoomEventResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RoomEvent'] = ResolversParentTypes['RoomEvent']> = {
  __resolveType: TypeResolveFn<'MemberJoined' | 'MemberLeft' | 'MessageCreated' | 'MessageDeleted' | 'MessageEdited' | 'RoomRenamed', ParentType, ContextType>;
};

export type RoomMemberResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RoomMember'] = ResolversParentTypes['RoomMember']> = {
  joinedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  role?: Resolver<ResolversTypes['RoomRole'], ParentType, ContextType>;
  user?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
};

export type RoomRemovedResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RoomRemoved'] = ResolversParentTypes['RoomRemoved']> = {
  roomId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type RoomRenamedResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RoomRenamed'] = ResolversParentTypes['RoomRenamed']> = {
  by?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
  roomId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  seq?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type RoomUpdatedResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RoomUpdated'] = ResolversParentTypes['RoomUpdated']> = {
  room?: Resolver<ResolversTypes['Room'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type SessionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Session'] = ResolversParentTypes['Session']> = {
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  current?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lastUsedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  userAgent?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type SubscriptionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Subscription'] = ResolversParentTypes['Subscription']> = {
  myEvents?: SubscriptionResolver<ResolversTypes['MyEvent'], "myEvents", ParentType, ContextType>;
  notificationEvents?: SubscriptionResolver<ResolversTypes['NotificationEvent'], "notificationEvents", ParentType, ContextType>;
  roomEvents?: SubscriptionResolver<ResolversTypes['RoomEvent'], "roomEvents", ParentType, ContextType, RequireFields<SubscriptionRoomEventsArgs, 'roomId'>>;
};

export type UserResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['User'] = ResolversParentTypes['User']> = {
  bio?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  blockedByMe?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  contactStatus?: Resolver<ResolversTypes['ContactStatus'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  displayName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  email?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  isMe?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  shareReadReceipts?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  showOnline?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  timeZone?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  username?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type UserConnectionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['UserConnection'] = ResolversParentTypes['UserConnection']> = {
  edges?: Resolver<Array<ResolversTypes['UserEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type UserEdgeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['UserEdge'] = ResolversParentTypes['UserEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
};

export type Resolvers<ContextType = GraphQLContext> = {
  AuthPayload?: AuthPayloadResolvers<ContextType>;
  ContactsChanged?: ContactsChangedResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  FriendRequest?: FriendRequestResolvers<ContextType>;
  FriendRequestConnection?: FriendRequestConnectionResolvers<ContextType>;
  FriendRequestEdge?: FriendRequestEdgeResolvers<ContextType>;
  FriendRequestReceived?: FriendRequestReceivedResolvers<ContextType>;
  FriendRequestResult?: FriendRequestResultResolvers<ContextType>;
  MemberJoined?: MemberJoinedResolvers<ContextType>;
  MemberLeft?: MemberLeftResolvers<ContextType>;
  Message?: MessageResolvers<ContextType>;
  MessageBatch?: MessageBatchResolvers<ContextType>;
  MessageConnection?: MessageConnectionResolvers<ContextType>;
  MessageCreated?: MessageCreatedResolvers<ContextType>;
  MessageDeleted?: MessageDeletedResolvers<ContextType>;
  MessageEdge?: MessageEdgeResolvers<ContextType>;
  MessageEdited?: MessageEditedResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  MyEvent?: MyEventResolvers<ContextType>;
  Notification?: NotificationResolvers<ContextType>;
  NotificationAdded?: NotificationAddedResolvers<ContextType>;
  NotificationConnection?: NotificationConnectionResolvers<ContextType>;
  NotificationEdge?: NotificationEdgeResolvers<ContextType>;
  NotificationEvent?: NotificationEventResolvers<ContextType>;
  NotificationPreference?: NotificationPreferenceResolvers<ContextType>;
  NotificationsRead?: NotificationsReadResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Room?: RoomResolvers<ContextType>;
  RoomConnection?: RoomConnectionResolvers<ContextType>;
  RoomEdge?: RoomEdgeResolvers<ContextType>;
  RoomEvent?: RoomEventResolvers<ContextType>;
  RoomMember?: RoomMemberResolvers<ContextType>;
  RoomRemoved?: RoomRemovedResolvers<ContextType>;
  RoomRenamed?: RoomRenamedResolvers<ContextType>;
  RoomUpdated?: RoomUpdatedResolvers<ContextType>;
  Session?: SessionResolvers<ContextType>;
  Subscription?: SubscriptionResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
  UserConnection?: UserConnectionResolvers<ContextType>;
  UserEdge?: UserEdgeResolvers<ContextType>;
};

