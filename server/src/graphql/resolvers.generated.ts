import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { UserModel } from '../modules/users/users.model.ts';
import type { SessionModel } from '../modules/auth/auth.model.ts';
import type { RoomView, RoomMemberModel } from '../modules/rooms/rooms.model.ts';
import type { MessageModel } from '../modules/messages/messages.model.ts';
import type { AttachmentModel } from '../modules/files/files.model.ts';
import type { FriendRequestModel } from '../modules/contacts/contacts.model.ts';
import type { NotificationModel } from '../modules/notifications/notifications.model.ts';
import type { ReactionGroupModel } from '../modules/reactions/reactions.model.ts';
import type { MeetingModel, MeetingReviewModel, PendingRescheduleModel, RejectedRescheduleModel } from '../modules/meetings/meetings.model.ts';
import type { MeetingEventPayload } from '../modules/meetings/meetings.topics.ts';
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

/**
 * A file shared in a room (an upload from `POST /uploads` attached to a message).
 * Its URLs are signed and short-lived (about an hour): they work without an
 * Authorization header (e.g. in `<img src>`); fetch the message again for fresh ones.
 * They stop working (404) as soon as the message is deleted.
 */
export type Attachment = {
  __typename?: 'Attachment';
  /** Image height in pixels as displayed (EXIF orientation applied); null for other files. */
  height?: Maybe<Scalars['Int']['output']>;
  /** The upload's id. */
  id: Scalars['ID']['output'];
  /** Whether the file is an image shown inline (PNG, JPEG, GIF or WebP). */
  isImage: Scalars['Boolean']['output'];
  /** Media type detected from the content (not from the name), e.g. `image/png`, `application/pdf`, `text/plain`. */
  mimeType: Scalars['String']['output'];
  /** File name as uploaded, without any folder part and with control characters removed. */
  name: Scalars['String']['output'];
  /** Size in bytes. */
  size: Scalars['Int']['output'];
  /** Signed URL of a preview at most 320 pixels wide and high (WebP), cropped around the centre to at most 3:1 for very tall or wide images; null for non-images and until the preview is ready. */
  thumbnailUrl?: Maybe<Scalars['String']['output']>;
  /** Signed download URL of the file itself. */
  url: Scalars['String']['output'];
  /** Image width in pixels as displayed (EXIF orientation applied); null for other files. */
  width?: Maybe<Scalars['Int']['output']>;
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
  /** When the server sent this event; pass the newest `at` you received as `since` when resubscribing. */
  at: Scalars['DateTime']['output'];
  /** The other person, with the current `contactStatus`. */
  user: User;
};

/** A new group room. */
export type CreateGroupRoomInput = {
  /** Optional first message, posted by the creator. */
  firstMessage?: InputMaybe<Scalars['String']['input']>;
  /** Other people to add (the creator is added as OWNER); at most 255. */
  memberIds: Array<Scalars['ID']['input']>;
  /**
   * Title, 1-100 characters after trimming and collapsing spaces; invisible and bidirectional control
   * characters are refused as in `RegisterInput.displayName`.
   */
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
  /** When the server sent this event; pass the newest `at` you received as `since` when resubscribing. */
  at: Scalars['DateTime']['output'];
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

/** A meeting between two people. Only its participants can see it. */
export type Meeting = {
  __typename?: 'Meeting';
  /** What the meeting is about (may be empty). */
  agenda: Scalars['String']['output'];
  /** Why it was cancelled (if the canceller said). */
  cancelReason?: Maybe<Scalars['String']['output']>;
  /** Who cancelled it; null unless CANCELLED (or that account is gone). */
  cancelledBy?: Maybe<User>;
  /** When it was requested. */
  createdAt: Scalars['DateTime']['output'];
  /** Why the invitee declined (if they said). */
  declineReason?: Maybe<Scalars['String']['output']>;
  /** Length in minutes (5-480). */
  durationMinutes: Scalars['Int']['output'];
  /** End: `startsAt` plus `durationMinutes`. */
  endsAt: Scalars['DateTime']['output'];
  /** Meeting id. */
  id: Scalars['ID']['output'];
  /** Who was asked; null if that account is gone. */
  invitee?: Maybe<User>;
  /** Video or in person. */
  kind: MeetingKind;
  /** Where an in-person meeting takes place; null for video meetings. */
  location?: Maybe<Scalars['String']['output']>;
  /** The video call link (participants only); null for in-person meetings. */
  meetingUrl?: Maybe<Scalars['String']['output']>;
  /** The viewer's side of the meeting. */
  myRole: MeetingRole;
  /** The participant who is not the viewer; null if that account is gone. */
  otherParticipant?: Maybe<User>;
  /** The start in the other participant's time zone, e.g. `Mon 15 Mar 2027, 14:00 CET`. */
  otherPartyStartsAtLocal: Scalars['String']['output'];
  /** A proposed new time waiting for the other participant; null when none. */
  pendingReschedule?: Maybe<MeetingReschedule>;
  /** The last proposed new time the other participant rejected, with their reason; null when none, and cleared by the next proposal. */
  rejectedReschedule?: Maybe<MeetingRescheduleRejection>;
  /** Who asked for the meeting; null if that account is gone. */
  requester?: Maybe<User>;
  /** Whether the viewer has reviewed it. */
  reviewedByMe: Scalars['Boolean']['output'];
  /**
   * Reviews the viewer may see: their own always; the other participant's once both
   * reviewed or the meeting completed.
   */
  reviews: Array<MeetingReview>;
  /** The chat room it was arranged in, if any (id only). */
  roomId?: Maybe<Scalars['ID']['output']>;
  /** Start (an instant). */
  startsAt: Scalars['DateTime']['output'];
  /** The start in the viewer's time zone with its abbreviation, e.g. `Mon 15 Mar 2027, 09:00 EDT`. */
  startsAtLocal: Scalars['String']['output'];
  /** Lifecycle state. */
  status: MeetingStatus;
  /** Its last change. */
  updatedAt: Scalars['DateTime']['output'];
  /** Increases with every change of time (accepted reschedules); starts at 1. */
  version: Scalars['Int']['output'];
};

/** What happened to a meeting (in `meetingEvents`). */
export type MeetingAction =
  /** The invitee accepted it. */
  | 'ACCEPTED'
  /** A participant cancelled it. */
  | 'CANCELLED'
  /** It completed. */
  | 'COMPLETED'
  /** The invitee declined it. */
  | 'DECLINED'
  /** Its end time passed; reviews are open. */
  | 'ENDED'
  /** Its start came while it was still REQUESTED: the request lapsed. */
  | 'EXPIRED'
  /** It was requested. */
  | 'REQUESTED'
  /** The other participant accepted the new time; `version` increased. */
  | 'RESCHEDULED'
  /** A participant proposed a new time (see `pendingReschedule`). */
  | 'RESCHEDULE_PROPOSED'
  /** The other participant rejected the proposed time. */
  | 'RESCHEDULE_REJECTED'
  /** A participant reviewed it. */
  | 'REVIEWED'
  /** Its start time came. */
  | 'STARTED';

/** A page of meetings, ordered by start (see `order`). */
export type MeetingConnection = {
  __typename?: 'MeetingConnection';
  /** The meetings of this page. */
  edges: Array<MeetingEdge>;
  /** Pagination state. */
  pageInfo: PageInfo;
};

/** A meeting in a page. */
export type MeetingEdge = {
  __typename?: 'MeetingEdge';
  /** Cursor of this meeting (pass as `after`). */
  cursor: Scalars['String']['output'];
  /** The meeting. */
  node: Meeting;
};

/** A change to a meeting the viewer takes part in. */
export type MeetingEvent = {
  __typename?: 'MeetingEvent';
  /** What happened. */
  action: MeetingAction;
  /** The meeting after the change. */
  meeting: Meeting;
};

/** Which of the viewer's meetings to list. */
export type MeetingFilter = {
  /** Only meetings starting at or after this instant. */
  from?: InputMaybe<Scalars['DateTime']['input']>;
  /** Only meetings where the viewer has this role (both when omitted). */
  role?: InputMaybe<MeetingRole>;
  /** Only these statuses (all when omitted). */
  status?: InputMaybe<Array<MeetingStatus>>;
  /** Only meetings starting before this instant. */
  to?: InputMaybe<Scalars['DateTime']['input']>;
};

/** Where a meeting happens. */
export type MeetingKind =
  /** In person at `location`. */
  | 'IN_PERSON'
  /** A video call at `meetingUrl`. */
  | 'VIDEO';

/** The order of a list of meetings. */
export type MeetingOrder =
  /** By start, earliest first (then by id). */
  | 'START_ASC'
  /** By start, latest first (then by id, descending): the most recent past meetings first. */
  | 'START_DESC';

/** A proposed new time for a meeting. */
export type MeetingReschedule = {
  __typename?: 'MeetingReschedule';
  /** Who proposed it; null if that account is gone. */
  proposedBy?: Maybe<User>;
  /** Why (may be empty). */
  reason: Scalars['String']['output'];
  /** The proposed start (the duration stays). */
  startsAt: Scalars['DateTime']['output'];
};

/** A proposed new time that was rejected. */
export type MeetingRescheduleRejection = {
  __typename?: 'MeetingRescheduleRejection';
  /** Why (may be empty). */
  reason: Scalars['String']['output'];
  /** Who rejected it; null if that account is gone. */
  rejectedBy?: Maybe<User>;
  /** The start that was proposed (the meeting kept its time). */
  startsAt: Scalars['DateTime']['output'];
};

/** One participant's review of a meeting. */
export type MeetingReview = {
  __typename?: 'MeetingReview';
  /** Free text (may be empty). */
  comment: Scalars['String']['output'];
  /** When it was submitted. */
  createdAt: Scalars['DateTime']['output'];
  /** 1 (poor) to 5 (excellent). */
  rating: Scalars['Int']['output'];
  /** Who wrote it; null if that account is gone. */
  reviewer?: Maybe<User>;
};

/** Which side of a meeting someone is on. */
export type MeetingRole =
  /** The participant who was asked. */
  | 'INVITEE'
  /** The participant who asked for the meeting. */
  | 'REQUESTER';

/** The lifecycle of a meeting. */
export type MeetingStatus =
  /** Accepted by the invitee; it holds both participants' time. */
  | 'ACCEPTED'
  /** Cancelled by a participant. */
  | 'CANCELLED'
  /** Both participants reviewed it, or the review window closed. */
  | 'COMPLETED'
  /** Declined by the invitee. */
  | 'DECLINED'
  /** Its end time has passed; participants may review it. */
  | 'ENDED'
  /** A request the invitee did not answer before its start; it lapsed (final). */
  | 'EXPIRED'
  /** Its start time has come. */
  | 'IN_PROGRESS'
  /** Asked for; waiting for the invitee. */
  | 'REQUESTED';

/** Someone joined or was added to the room. */
export type MemberJoined = {
  __typename?: 'MemberJoined';
  /** Who added them (null when they joined on their own, e.g. at creation). */
  addedBy?: Maybe<User>;
  /** When the server sent this event; with `afterSeq`, pass the newest `at` you received as `since` when resubscribing. */
  at: Scalars['DateTime']['output'];
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
  /** When the server sent this event; with `afterSeq`, pass the newest `at` you received as `since` when resubscribing. */
  at: Scalars['DateTime']['output'];
  /** Who removed them (null when they left themselves). */
  removedBy?: Maybe<User>;
  /** The room. */
  roomId: Scalars['ID']['output'];
  /** `seq` of the system message recording it. */
  seq: Scalars['Int']['output'];
  /** The former member. */
  user: User;
};

/**
 * A member's role changed: the owner made them an admin or a member again, or ownership passed to them
 * because the owner left (then after that owner's MemberLeft). Recorded as a system message like joins
 * and renames, so it is in history and resuming with `afterSeq` replays it (as that MessageCreated).
 */
export type MemberRoleChanged = {
  __typename?: 'MemberRoleChanged';
  /** When the server sent this event; with `afterSeq`, pass the newest `at` you received as `since` when resubscribing. */
  at: Scalars['DateTime']['output'];
  /** Who changed it (the owner); null when ownership passed on because the owner left. */
  changedBy?: Maybe<User>;
  /** Their role from now on. */
  role: RoomRole;
  /** The room. */
  roomId: Scalars['ID']['output'];
  /** `seq` of the system message recording it. */
  seq: Scalars['Int']['output'];
  /** The member whose role changed. */
  user: User;
};

/** A message in a room. */
export type Message = {
  __typename?: 'Message';
  /** Files attached to the message, in the order sent; empty once the message is deleted. */
  attachments: Array<Attachment>;
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
  /** Reactions grouped by emoji, in the order each emoji was first used; empty for a deleted message. */
  reactions: Array<ReactionGroup>;
  /**
   * Members (the sender excluded) whose read pointer is at or past this message, most recent reader first.
   * People who turned `shareReadReceipts` off never appear (except to themselves).
   */
  readBy: Array<MessageRead>;
  /** How many members (the sender excluded, private readers excluded) have read this message. */
  readCount: Scalars['Int']['output'];
  /** The message this one replies to, if any (null if it is not visible). */
  replyTo?: Maybe<Message>;
  /** The room the message belongs to. */
  roomId: Scalars['ID']['output'];
  /** The author; null for system messages. */
  sender?: Maybe<User>;
  /** Position in the room: strictly increasing, gap-free per room, never reused. */
  seq: Scalars['Int']['output'];
};


/** A message in a room. */
export type MessageReadByArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
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
  /**
   * The server's time just before this page was read. A client showing a history page goes live
   * without missing anything by subscribing to `roomEvents(roomId, afterSeq: <the page's highest seq>,
   * since: asOf)`: the messages sent after the page, and the edits, deletions and read receipts made
   * since it was read, come first.
   */
  asOf: Scalars['DateTime']['output'];
  /** The messages of this page with their cursors. */
  edges: Array<MessageEdge>;
  /** Pagination state. */
  pageInfo: PageInfo;
};

/** A message was posted. */
export type MessageCreated = {
  __typename?: 'MessageCreated';
  /** When the server sent this event; with `afterSeq`, pass the newest `at` you received as `since` when resubscribing. */
  at: Scalars['DateTime']['output'];
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
  /** When the server sent this event; with `afterSeq`, pass the newest `at` you received as `since` when resubscribing. */
  at: Scalars['DateTime']['output'];
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
  /** When the server sent this event; with `afterSeq`, pass the newest `at` you received as `since` when resubscribing. */
  at: Scalars['DateTime']['output'];
  /** The message after the edit. */
  message: Message;
  /** The room. */
  roomId: Scalars['ID']['output'];
  /** The edited message's `seq`. */
  seq: Scalars['Int']['output'];
};

/** What a message is. */
export type MessageKind =
  /** Written by Parley about the room: member joined or left, a member's role changed, room renamed. */
  | 'SYSTEM'
  /** Written by a member. */
  | 'USER';

/** A member who has read a message. */
export type MessageRead = {
  __typename?: 'MessageRead';
  /** When the reader's read pointer last moved (to this message or past it). */
  readAt?: Maybe<Scalars['DateTime']['output']>;
  /** The reader. */
  user: User;
};

/** Write operations. */
export type Mutation = {
  __typename?: 'Mutation';
  /** The invitee accepts (idempotent). CONFLICT if either participant has an overlapping accepted meeting. */
  acceptMeeting: Meeting;
  /** Accepts the other participant's proposed time: the meeting moves, `version` increases, reminders move. CONFLICT on overlap. */
  acceptReschedule: Meeting;
  /**
   * Reacts to a message with one emoji; repeating it is harmless. At most 20 different emoji per message (CONFLICT beyond).
   * NOT_FOUND for a message the viewer cannot see; BAD_USER_INPUT for a deleted message or something that is not one emoji.
   */
  addReaction: Message;
  /** Adds people to a group room (owner or admin). Members already present are ignored. */
  addRoomMembers: Room;
  /** Blocks a person: they can no longer DM you, add you to groups or send you requests. Ends any friendship and pending request. They are not told; to them you disappear from search and `user`. */
  blockUser: User;
  /** Withdraws a request the viewer sent. */
  cancelFriendRequest: Scalars['Boolean']['output'];
  /** The requester cancels a requested meeting, or either participant an accepted one (idempotent). */
  cancelMeeting: Meeting;
  /** Changes the password and signs out every other session. BAD_USER_INPUT (field `current`) if `current` is wrong, so a typo does not sign the user out; BAD_USER_INPUT (field `next`) if `next` is too short or the same as `current`. */
  changePassword: Scalars['Boolean']['output'];
  /** Creates a group room with the viewer as OWNER. */
  createGroupRoom: Room;
  /** The invitee declines a requested meeting (idempotent). */
  declineMeeting: Meeting;
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
  /** Mutes a room for the viewer: no MESSAGE notifications (DMs, @mentions) or message emails until `until`. Muting again replaces the end time. */
  muteRoom: Room;
  /** Returns THE direct room with this person, creating it on first use. It appears in their list after the first message. */
  openDirectRoom: Room;
  /** Proposes a new start for an accepted meeting; the other participant accepts or rejects it. Replaces a pending proposal. FORBIDDEN while either participant blocks the other (cancelling still works). */
  proposeReschedule: Meeting;
  /** Exchanges a refresh token for new tokens. The old token stops working; presenting an already-used token revokes the whole session. */
  refreshSession: AuthPayload;
  /**
   * Creates an account and signs in.
   *
   * Every problem with the input is reported at once, in one error:
   * `extensions.fieldErrors` lists each as `{ field, message, code }`, where `field` names a
   * `RegisterInput` field and `code` is BAD_USER_INPUT for an invalid value or CONFLICT for an
   * email or username that another account holds (regardless of case). Invalid values come first,
   * in the order email, username, password, displayName, timeZone; then a taken email, then a taken
   * username. The error's own message, `extensions.code` and `extensions.field` are those of the
   * first entry, as when only one problem was reported, so the error is CONFLICT only when
   * nothing but a taken email or username is wrong.
   */
  register: AuthPayload;
  /** Rejects the other participant's proposed time; the meeting keeps its time. The proposer is notified, with the reason. */
  rejectReschedule: Meeting;
  /** Ends a friendship (for both sides). True also when there was none, so it is safe to retry. */
  removeContact: Scalars['Boolean']['output'];
  /** Takes back the viewer's reaction; harmless when there was none. */
  removeReaction: Message;
  /** Removes a member from a group room (owner or admin; only the owner removes admins). */
  removeRoomMember: Room;
  /** Renames a group room (owner or admin). */
  renameRoom: Room;
  /** Asks someone for a meeting; the invitee is notified. Status REQUESTED. */
  requestMeeting: Meeting;
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
  /**
   * Changes a member's role (owner only). Recorded as a system message; members following `roomEvents`
   * get a MemberRoleChanged. Setting the role the member already has changes nothing.
   */
  setRoomMemberRole: Room;
  /**
   * Says the viewer is (or stopped) typing in a room; NOT_FOUND unless a member. While typing, call it again
   * every 2-4 seconds: without a refresh it lapses after about 6 seconds. Never stored.
   */
  setTyping: Scalars['Boolean']['output'];
  /** Reviews an ended meeting, once per participant. When both reviewed, it is COMPLETED. */
  submitMeetingReview: Meeting;
  /** Lifts a block. */
  unblockUser: User;
  /** Ends the viewer's mute of a room. Harmless when it is not muted. */
  unmuteRoom: Room;
  /** Turns email on or off per notification type; returns every type's setting. */
  updateNotificationPreferences: Array<NotificationPreference>;
  /** Updates the viewer's profile and privacy settings. */
  updateProfile: User;
  /** Changes a group room's title and/or picture (owner or admin). */
  updateRoom: Room;
};


/** Write operations. */
export type MutationAcceptMeetingArgs = {
  id: Scalars['ID']['input'];
};


/** Write operations. */
export type MutationAcceptRescheduleArgs = {
  id: Scalars['ID']['input'];
};


/** Write operations. */
export type MutationAddReactionArgs = {
  emoji: Scalars['String']['input'];
  messageId: Scalars['ID']['input'];
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
export type MutationCancelMeetingArgs = {
  id: Scalars['ID']['input'];
  reason?: InputMaybe<Scalars['String']['input']>;
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
export type MutationDeclineMeetingArgs = {
  id: Scalars['ID']['input'];
  reason?: InputMaybe<Scalars['String']['input']>;
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
export type MutationMuteRoomArgs = {
  roomId: Scalars['ID']['input'];
  until?: InputMaybe<Scalars['DateTime']['input']>;
};


/** Write operations. */
export type MutationOpenDirectRoomArgs = {
  userId: Scalars['ID']['input'];
};


/** Write operations. */
export type MutationProposeRescheduleArgs = {
  id: Scalars['ID']['input'];
  reason?: InputMaybe<Scalars['String']['input']>;
  startsAt: Scalars['DateTime']['input'];
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
export type MutationRejectRescheduleArgs = {
  id: Scalars['ID']['input'];
  reason?: InputMaybe<Scalars['String']['input']>;
};


/** Write operations. */
export type MutationRemoveContactArgs = {
  userId: Scalars['ID']['input'];
};


/** Write operations. */
export type MutationRemoveReactionArgs = {
  emoji: Scalars['String']['input'];
  messageId: Scalars['ID']['input'];
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
export type MutationRequestMeetingArgs = {
  input: RequestMeetingInput;
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
export type MutationSetTypingArgs = {
  roomId: Scalars['ID']['input'];
  typing: Scalars['Boolean']['input'];
};


/** Write operations. */
export type MutationSubmitMeetingReviewArgs = {
  comment?: InputMaybe<Scalars['String']['input']>;
  id: Scalars['ID']['input'];
  rating: Scalars['Int']['input'];
};


/** Write operations. */
export type MutationUnblockUserArgs = {
  userId: Scalars['ID']['input'];
};


/** Write operations. */
export type MutationUnmuteRoomArgs = {
  roomId: Scalars['ID']['input'];
};


/** Write operations. */
export type MutationUpdateNotificationPreferencesArgs = {
  preferences: Array<NotificationPreferenceInput>;
};


/** Write operations. */
export type MutationUpdateProfileArgs = {
  input: UpdateProfileInput;
};


/** Write operations. */
export type MutationUpdateRoomArgs = {
  input: UpdateRoomInput;
  roomId: Scalars['ID']['input'];
};

/** Something the viewer's room list (or contacts) needs to know, across all rooms. */
export type MyEvent = ContactsChanged | FriendRequestReceived | PresenceChanged | RoomRemoved | RoomTyping | RoomUpdated | StreamResyncRequired | UserUpdated;

/** Something that happened for the viewer. Texts that mention a time show it in the viewer's time zone. */
export type Notification = {
  __typename?: 'Notification';
  /** The text to show (for MESSAGE: the count and the latest message as it is now, edited, or "message deleted"). Times in it read in the viewer's current `timeZone`, also when it changed since the notification was created. */
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
  /** When the server sent this event; pass the newest `at` you received as `since` when resubscribing. */
  at: Scalars['DateTime']['output'];
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
export type NotificationEvent = NotificationAdded | NotificationsRead | StreamResyncRequired;

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
  /** A meeting request was not answered before its start and lapsed. */
  | 'MEETING_EXPIRED'
  /** A meeting starts soon. */
  | 'MEETING_REMINDER'
  /** Someone asked the viewer for a meeting. */
  | 'MEETING_REQUESTED'
  /** A meeting moved to a new time. */
  | 'MEETING_RESCHEDULED'
  /** The other party proposed a new time for a meeting. */
  | 'MEETING_RESCHEDULE_PROPOSED'
  /** The other party rejected the new time the viewer proposed for a meeting (the body gives their reason, if any). */
  | 'MEETING_RESCHEDULE_REJECTED'
  /** A meeting ended; the viewer is asked to review it. */
  | 'MEETING_REVIEW_REQUESTED'
  /** A meeting has started. */
  | 'MEETING_STARTED'
  /** Messages (a DM or an @mention) in a room the viewer was not looking at; one unread notification per room, with `count`. */
  | 'MESSAGE';

/** Notifications were marked read (on any device). */
export type NotificationsRead = {
  __typename?: 'NotificationsRead';
  /** When the server sent this event (as a mutation result: when it made the change); pass the newest `at` you received as `since` when resubscribing. */
  at: Scalars['DateTime']['output'];
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

/** Whether a person is online, as the viewer may see it. */
export type Presence = {
  __typename?: 'Presence';
  /** When they were last seen online; null when hidden from the viewer. */
  lastSeenAt?: Maybe<Scalars['DateTime']['output']>;
  /** True while they hold an open connection; false when hidden from the viewer. */
  online: Scalars['Boolean']['output'];
  /** The person. */
  user: User;
};

/**
 * A contact or someone sharing a room with the viewer came online or went offline (after a short
 * grace period, so a page reload does not flap), or hid or showed their online status (hidden:
 * `online` false and no `lastSeenAt`).
 */
export type PresenceChanged = {
  __typename?: 'PresenceChanged';
  /** When the server sent this event (like every `myEvents` event). Presence is not replayed on resume: after reconnecting, ask `presence(userIds)`. */
  at: Scalars['DateTime']['output'];
  /** When they were last seen online; null when hidden. */
  lastSeenAt?: Maybe<Scalars['DateTime']['output']>;
  /** Whether they are online now, as the viewer may see it. */
  online: Scalars['Boolean']['output'];
  /** The person. */
  user: User;
};

/** Read operations. */
export type Query = {
  __typename?: 'Query';
  /** People the viewer has blocked. */
  blockedUsers: Array<User>;
  /** The viewer's contacts (accepted friends), by display name (case-insensitive), then id. */
  contacts: UserConnection;
  /** Pending friend requests, newest first. */
  friendRequests: FriendRequestConnection;
  /** What this deployment allows (text limits, upload size, replay depth), so a client can check input before sending it. Needs no sign-in. */
  limits: ServiceLimits;
  /** The signed-in user. UNAUTHENTICATED without a valid token. */
  me: User;
  /** One of the viewer's meetings. NOT_FOUND for meetings the viewer does not take part in. */
  meeting: Meeting;
  /** The viewer's meetings ordered by start (then id), earliest first unless `order` says otherwise. */
  meetings: MeetingConnection;
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
  /**
   * Online status of people, as the viewer may see it (see `User.online`), in the order asked; ids of no
   * existing user and people who blocked the viewer are left out (a repeated id counts once). At most 100 ids.
   */
  presence: Array<Presence>;
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
  /** The viewer's meetings that have not ended (requested, accepted, in progress), soonest first. */
  upcomingMeetings: Array<Meeting>;
  /** A user by id; NOT_FOUND if it does not exist or has blocked the viewer. */
  user?: Maybe<User>;
};


/** Read operations. */
export type QueryContactsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  query?: InputMaybe<Scalars['String']['input']>;
};


/** Read operations. */
export type QueryFriendRequestsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  direction: FriendRequestDirection;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** Read operations. */
export type QueryMeetingArgs = {
  id: Scalars['ID']['input'];
};


/** Read operations. */
export type QueryMeetingsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<MeetingFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  order?: InputMaybe<MeetingOrder>;
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
export type QueryPresenceArgs = {
  userIds: Array<Scalars['ID']['input']>;
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
export type QueryUpcomingMeetingsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** Read operations. */
export type QueryUserArgs = {
  id: Scalars['ID']['input'];
};

/** Someone added or removed a reaction; carries the message's reactions after the change. */
export type ReactionChanged = {
  __typename?: 'ReactionChanged';
  /** True when added, false when removed. */
  added: Scalars['Boolean']['output'];
  /** When the server sent this event; with `afterSeq`, pass the newest `at` you received as `since` when resubscribing. */
  at: Scalars['DateTime']['output'];
  /** The emoji added or removed. */
  emoji: Scalars['String']['output'];
  /** The message reacted to. */
  messageId: Scalars['ID']['output'];
  /** All reactions of the message after the change (replace the message's list with it). */
  reactions: Array<ReactionGroup>;
  /** The room. */
  roomId: Scalars['ID']['output'];
  /** The message's `seq`. */
  seq: Scalars['Int']['output'];
  /** Who reacted or took their reaction back. */
  user: User;
};

/** All reactions with one emoji on a message. */
export type ReactionGroup = {
  __typename?: 'ReactionGroup';
  /** How many people reacted with it. */
  count: Scalars['Int']['output'];
  /** The emoji (one emoji grapheme). */
  emoji: Scalars['String']['output'];
  /** Whether the viewer is one of them. */
  reactedByMe: Scalars['Boolean']['output'];
  /** Who reacted, earliest first. */
  users: Array<User>;
};


/** All reactions with one emoji on a message. */
export type ReactionGroupUsersArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

/**
 * A member's read pointer moved forward (never sent for members who turned `shareReadReceipts` off).
 * Pointers only move forward: keep the highest `seq` per user. Sending a message also moves the
 * sender's pointer to it, without a separate ReadReceipt. A member who turns `shareReadReceipts` back
 * on gets one in each of their rooms, with the pointer where it is then (also when it has not moved
 * since a ReadReceiptWithdrawn).
 */
export type ReadReceipt = {
  __typename?: 'ReadReceipt';
  /** When the server sent this event; with `afterSeq`, pass the newest `at` you received as `since` when resubscribing. */
  at: Scalars['DateTime']['output'];
  /** When the pointer moved. */
  readAt: Scalars['DateTime']['output'];
  /** The room. */
  roomId: Scalars['ID']['output'];
  /** The reader's new read pointer: they have read every message up to this `seq`. */
  seq: Scalars['Int']['output'];
  /** The reader. */
  user: User;
};

/**
 * A member turned `shareReadReceipts` off: forget their read pointer in this room. From now on they
 * are not in any message's `readBy` or `readCount`, and no ReadReceipt is sent for them until they
 * turn it back on.
 */
export type ReadReceiptWithdrawn = {
  __typename?: 'ReadReceiptWithdrawn';
  /** When the server sent this event; with `afterSeq`, pass the newest `at` you received as `since` when resubscribing. */
  at: Scalars['DateTime']['output'];
  /** The room. */
  roomId: Scalars['ID']['output'];
  /** The member whose receipts are now private. */
  user: User;
};

/** Data for a new account. */
export type RegisterInput = {
  /**
   * Name shown to others, 1-80 characters after trimming and collapsing spaces. BAD_USER_INPUT (naming the
   * character) for bidirectional embedding, override and isolate controls (U+202A-U+202E, U+2066-U+2069) and
   * for invisible characters (Unicode's default-ignorable ones, such as U+200B or U+2060). Kept where they do
   * something visible: zero-width joiners and non-joiners (U+200D, U+200C) after a character they join, as in
   * emoji ZWJ sequences, Persian or Indic scripts (not between Latin, Greek or Cyrillic letters); variation
   * selectors (not after those letters); the tags of a subdivision flag; the marks U+200E, U+200F, U+061C.
   */
  displayName: Scalars['String']['input'];
  /** Email address; unique regardless of case. */
  email: Scalars['String']['input'];
  /** At least 8 characters. */
  password: Scalars['String']['input'];
  /** IANA time zone such as `America/New_York`. */
  timeZone: Scalars['String']['input'];
  /** 3-32 characters of `a-z`, `0-9`, `_` and `.`; unique regardless of case (stored in lower case). */
  username: Scalars['String']['input'];
};

/** Asks someone for a meeting. */
export type RequestMeetingInput = {
  /** What it is about (at most 2000 characters). */
  agenda?: InputMaybe<Scalars['String']['input']>;
  /** A client-generated id (at most 64 characters), unique per requester: retrying a request with it returns the meeting already created. */
  clientId?: InputMaybe<Scalars['String']['input']>;
  /** Length in minutes, 5-480. */
  durationMinutes: Scalars['Int']['input'];
  /** Who is invited. */
  inviteeId: Scalars['ID']['input'];
  /** Video (gets a meeting link) or in person (needs a location). */
  kind: MeetingKind;
  /** Where, for IN_PERSON (required then; at most 200 characters). */
  location?: InputMaybe<Scalars['String']['input']>;
  /** A chat room both participants are in, to link the meeting to. */
  roomId?: InputMaybe<Scalars['ID']['input']>;
  /** The start: an ISO 8601 instant with offset, in the future and at most 5 years ahead. */
  startsAt: Scalars['DateTime']['input'];
};

/** Sent instead of a replay when a resume point is too far behind: fetch the missing messages, then keep listening. */
export type ResyncRequired = {
  __typename?: 'ResyncRequired';
  /** The resume point the client asked for. */
  afterSeq: Scalars['Int']['output'];
  /** When the server sent this event; with `afterSeq`, pass the newest `at` you received as `since` when resubscribing. */
  at: Scalars['DateTime']['output'];
  /** The room's newest `seq` when the stream started: fetch `messagesAfter(afterSeq)` up to here; live events continue after it. */
  lastSeq: Scalars['Int']['output'];
  /** Why, in words. */
  reason: Scalars['String']['output'];
  /** The room. */
  roomId: Scalars['ID']['output'];
};

/** A conversation the viewer belongs to. */
export type Room = {
  __typename?: 'Room';
  /** Signed URL of the room's picture as a small image: the group's avatar, or the other person's for a direct room; null when none. */
  avatarUrl?: Maybe<Scalars['String']['output']>;
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
  /** Whether the viewer muted the room: no message notifications (unread counts still count). */
  muted: Scalars['Boolean']['output'];
  /** When the viewer's mute ends; null when not muted or muted until `unmuteRoom`. */
  mutedUntil?: Maybe<Scalars['DateTime']['output']>;
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
  /**
   * The server's time just before this page was read (pages are served from memory until one of their
   * rooms changes, so this can be earlier than the request). A client showing the list goes live without
   * missing a change by subscribing to `myEvents(since: asOf)`.
   */
  asOf: Scalars['DateTime']['output'];
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
export type RoomEvent = MemberJoined | MemberLeft | MemberRoleChanged | MessageCreated | MessageDeleted | MessageEdited | ReactionChanged | ReadReceipt | ReadReceiptWithdrawn | ResyncRequired | RoomRenamed | TypingChanged;

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
  /** When the server sent this event; pass the newest `at` you received as `since` when resubscribing. */
  at: Scalars['DateTime']['output'];
  /** The room that is no longer visible. */
  roomId: Scalars['ID']['output'];
};

/** The group room was renamed. */
export type RoomRenamed = {
  __typename?: 'RoomRenamed';
  /** When the server sent this event; with `afterSeq`, pass the newest `at` you received as `since` when resubscribing. */
  at: Scalars['DateTime']['output'];
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

/**
 * Who is typing changed in one of the viewer's rooms, for a "typing..." preview in the room list (the
 * open conversation gets the same change as TypingChanged on `roomEvents`; both come from one place).
 * Carries the full current list (not a delta), without the viewer; the viewer's own typing changes are
 * not sent to them, and people outside the room never get it. A typer who stops refreshing `setTyping`
 * lapses after about 6 seconds; sending a message, leaving the room or disconnecting stops it at once.
 * Ephemeral: not persisted and not replayed on resume (`myEvents(since)`); after reconnecting, treat
 * nobody as typing until the next RoomTyping.
 */
export type RoomTyping = {
  __typename?: 'RoomTyping';
  /** When the server sent this event (like every `myEvents` event). Typing is not replayed on resume. */
  at: Scalars['DateTime']['output'];
  /** The room. */
  roomId: Scalars['ID']['output'];
  /** Everyone typing in the room now, except the viewer; empty when nobody (else) is. */
  typingUsers: Array<User>;
};

/** A room appeared in the viewer's list or changed: new message, title, members, or the viewer's unread count (also when read on another device). */
export type RoomUpdated = {
  __typename?: 'RoomUpdated';
  /** When the server sent this event; pass the newest `at` you received as `since` when resubscribing. */
  at: Scalars['DateTime']['output'];
  /** The room as the viewer sees it now, with `lastMessage`, `unreadCount` and `lastReadSeq`. */
  room: Room;
};

/** A new message. */
export type SendMessageInput = {
  /** Up to 10 of the viewer's uploads (ids from `POST /uploads`), in display order. NOT_FOUND for an unknown id, FORBIDDEN for someone else's upload. */
  attachmentIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Text, up to 4000 characters after trimming, without text-direction overrides or embeddings (U+202A-U+202E; isolates and marks are fine); may be omitted or empty when `attachmentIds` has files (a message needs text, files or both). */
  body?: InputMaybe<Scalars['String']['input']>;
  /** Client-generated idempotency key (1-64 characters), unique per sender: a retry with the same key returns the original message. */
  clientId: Scalars['String']['input'];
  /** A message of the same room this one replies to. */
  replyToId?: InputMaybe<Scalars['ID']['input']>;
  /** The room to post in. */
  roomId: Scalars['ID']['input'];
};

/**
 * What this deployment allows. Text limits count characters (Unicode code points, as PostgreSQL does: an emoji is
 * one character), measured after the trimming each field gets; input past a limit is refused with BAD_USER_INPUT.
 */
export type ServiceLimits = {
  __typename?: 'ServiceLimits';
  /** Characters in a profile bio, after trimming. */
  bioMaxLength: Scalars['Int']['output'];
  /** Characters in a display name, after trimming and collapsing runs of spaces. */
  displayNameMaxLength: Scalars['Int']['output'];
  /** Characters in a meeting's agenda. */
  meetingAgendaMaxLength: Scalars['Int']['output'];
  /** Characters in a meeting's location. */
  meetingLocationMaxLength: Scalars['Int']['output'];
  /** Characters in the reason given when declining, cancelling, proposing or rejecting a new time. */
  meetingReasonMaxLength: Scalars['Int']['output'];
  /** Characters in a message body, and in an edit (`MESSAGE_MAX_LENGTH`). */
  messageMaxLength: Scalars['Int']['output'];
  /** Characters in a meeting review's comment. */
  reviewCommentMaxLength: Scalars['Int']['output'];
  /** Messages `roomEvents(afterSeq)` replays at most; a subscriber further behind gets `ResyncRequired` and pages the gap. */
  roomReplayMax: Scalars['Int']['output'];
  /** Characters in a group title, after trimming and collapsing runs of spaces. */
  roomTitleMaxLength: Scalars['Int']['output'];
  /** Characters in a `searchUsers` query, after trimming and collapsing runs of spaces. */
  searchQueryMaxLength: Scalars['Int']['output'];
  /** Bytes in one uploaded file (`UPLOAD_MAX_BYTES`). */
  uploadMaxBytes: Scalars['Int']['output'];
  /** Characters in a username (at least 3, of a-z, 0-9, `_` and `.`). */
  usernameMaxLength: Scalars['Int']['output'];
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

/**
 * A per-user stream (`myEvents`, `notificationEvents`) could not replay everything since the
 * resume point (too old, or changes it cannot replay, such as contacts): refetch the lists
 * (`rooms`, `contacts`, `friendRequests`, `notifications`), then keep listening; live events follow.
 */
export type StreamResyncRequired = {
  __typename?: 'StreamResyncRequired';
  /** When the server sent this event; pass it as `since` next time. */
  at: Scalars['DateTime']['output'];
  /** Why, in words. */
  reason: Scalars['String']['output'];
};

/** Live streams over graphql-transport-ws. */
export type Subscription = {
  __typename?: 'Subscription';
  /** Every change to a meeting the viewer takes part in, live. */
  meetingEvents: MeetingEvent;
  /**
   * Everything the viewer's room list needs, for all rooms at once.
   *
   * Resuming: pass `since` (the newest `at` received before the connection dropped, or the `asOf` of
   * the `rooms` page the client shows, when it first goes live). The
   * server first replays, from PostgreSQL, RoomUpdated for every room that changed since
   * (absolute snapshots: applying one twice is harmless) and RoomRemoved for rooms the
   * viewer left, then goes live. Changes to contacts, or a `since` older than the resume
   * window (24 h by default), give a StreamResyncRequired instead of a replay.
   */
  myEvents: MyEvent;
  /**
   * The viewer's new notifications and read changes, with the unread count, on every open device.
   * The first event is a NotificationsRead with no `ids` carrying the current `unreadCount`
   * (sync the badge after connecting or reconnecting); events follow as they happen.
   *
   * Resuming: with `since` (the newest `at` received), NotificationAdded for every
   * notification created or changed since, and a NotificationsRead for those read since,
   * come before that first count. A `since` older than the resume window, or more than
   * 100 changes, gives a StreamResyncRequired instead of the replay.
   */
  notificationEvents: NotificationEvent;
  /**
   * Events of one room. FORBIDDEN for a room the viewer is not in; the stream ends
   * when the viewer leaves or is removed.
   *
   * Resuming: pass `afterSeq` (the highest `seq` you hold) to first receive, as
   * MessageCreated events, the messages committed after it, then live events, with
   * no gap and no duplicate. When more than the server's replay limit (1000 by
   * default) is missing, the first event is a ResyncRequired instead: fetch
   * `messagesAfter(afterSeq)` up to its `lastSeq`; live events after `lastSeq` follow.
   * Pass `since` as well to also get edits, deletions and read receipts of older messages
   * made while you were away (reactions are not replayed: refetch them for the messages on screen).
   */
  roomEvents: RoomEvent;
};


/** Live streams over graphql-transport-ws. */
export type SubscriptionMyEventsArgs = {
  since?: InputMaybe<Scalars['DateTime']['input']>;
};


/** Live streams over graphql-transport-ws. */
export type SubscriptionNotificationEventsArgs = {
  since?: InputMaybe<Scalars['DateTime']['input']>;
};


/** Live streams over graphql-transport-ws. */
export type SubscriptionRoomEventsArgs = {
  afterSeq?: InputMaybe<Scalars['Int']['input']>;
  reading?: InputMaybe<Scalars['Boolean']['input']>;
  roomId: Scalars['ID']['input'];
  since?: InputMaybe<Scalars['DateTime']['input']>;
};

/**
 * Who is typing changed. Carries the full current list (not a delta), without the viewer.
 * The viewer's own typing changes are not sent to them. A typer who stops refreshing
 * `setTyping` lapses after about 6 seconds; sending a message, leaving the room or disconnecting
 * stops it at once.
 */
export type TypingChanged = {
  __typename?: 'TypingChanged';
  /** When the server sent this event; with `afterSeq`, pass the newest `at` you received as `since` when resubscribing. */
  at: Scalars['DateTime']['output'];
  /** The room. */
  roomId: Scalars['ID']['output'];
  /** Everyone typing now, except the viewer. */
  typingUsers: Array<User>;
};

/** Profile changes; omitted fields are left unchanged. */
export type UpdateProfileInput = {
  /** An image you uploaded (`POST /uploads`) to use as your avatar; null removes it. FORBIDDEN for someone else's upload. */
  avatarId?: InputMaybe<Scalars['ID']['input']>;
  /** New bio, at most 500 characters; BAD_USER_INPUT for bidirectional controls (U+202A-U+202E, U+2066-U+2069). */
  bio?: InputMaybe<Scalars['String']['input']>;
  /** New display name, under the same rules as `RegisterInput.displayName`. */
  displayName?: InputMaybe<Scalars['String']['input']>;
  /** Whether others may see how far you have read (default true). */
  shareReadReceipts?: InputMaybe<Scalars['Boolean']['input']>;
  /** Whether others may see when you are online (default true). */
  showOnline?: InputMaybe<Scalars['Boolean']['input']>;
  /** New IANA time zone. */
  timeZone?: InputMaybe<Scalars['String']['input']>;
};

/** Changes to a group room; omitted fields are left unchanged. */
export type UpdateRoomInput = {
  /** An image you uploaded to use as the room's picture; null removes it. */
  avatarId?: InputMaybe<Scalars['ID']['input']>;
  /** New title, under the same rules as `CreateGroupRoomInput.title`. */
  title?: InputMaybe<Scalars['String']['input']>;
};

/** A person using Parley, as seen by the viewer. */
export type User = {
  __typename?: 'User';
  /** Signed URL (about an hour; no Authorization header needed) of the avatar as a small image, or null when none is set. */
  avatarUrl?: Maybe<Scalars['String']['output']>;
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
  /** When the person was last seen online (connected or disconnected); null under the same rules as `online`. */
  lastSeenAt?: Maybe<Scalars['DateTime']['output']>;
  /**
   * Whether the person holds an open connection (WebSocket) right now. Only contacts and people sharing
   * a room with them see it, and only if they have not hidden it (`showOnline: false`); everyone else
   * sees `false`. Live changes arrive as PresenceChanged on `myEvents`.
   */
  online: Scalars['Boolean']['output'];
  /** Whether others may see how far this user has read; only visible to the user themself. */
  shareReadReceipts?: Maybe<Scalars['Boolean']['output']>;
  /** Whether others may see when this user is online; only visible to the user themself. */
  showOnline?: Maybe<Scalars['Boolean']['output']>;
  /** The person's IANA time zone, e.g. `Europe/Berlin`. */
  timeZone: Scalars['String']['output'];
  /** Unique handle: 3-32 characters of `a-z`, `0-9`, `_` and `.`; used for @mentions. */
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

/**
 * A contact or someone sharing a room with the viewer (no block either way, as for PresenceChanged),
 * or the viewer themselves on another device, changed their display name, picture (`avatarUrl`), bio
 * or time zone: the person as they are now, to show wherever they appear. A direct room with them also gets a RoomUpdated when its title or
 * picture (theirs) changed. Not replayed on resume (`myEvents(since)`): refetch after reconnecting.
 */
export type UserUpdated = {
  __typename?: 'UserUpdated';
  /** When the server sent this event (like every `myEvents` event). Profile changes are not replayed on resume. */
  at: Scalars['DateTime']['output'];
  /** The person, as the viewer sees them now. */
  user: User;
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
    | ( Omit<PresenceChanged, 'user'> & { user: _RefType['User'] } & { __typename: 'PresenceChanged' } )
    | ( RoomRemoved & { __typename: 'RoomRemoved' } )
    | ( Omit<RoomTyping, 'typingUsers'> & { typingUsers: Array<_RefType['User']> } & { __typename: 'RoomTyping' } )
    | ( Omit<RoomUpdated, 'room'> & { room: _RefType['Room'] } & { __typename: 'RoomUpdated' } )
    | ( StreamResyncRequired & { __typename: 'StreamResyncRequired' } )
    | ( Omit<UserUpdated, 'user'> & { user: _RefType['User'] } & { __typename: 'UserUpdated' } )
  ;
  NotificationEvent:
    | ( Omit<NotificationAdded, 'notification'> & { notification: _RefType['Notification'] } & { __typename: 'NotificationAdded' } )
    | ( NotificationsRead & { __typename: 'NotificationsRead' } )
    | ( StreamResyncRequired & { __typename: 'StreamResyncRequired' } )
  ;
  RoomEvent:
    | ( Omit<MemberJoined, 'addedBy' | 'member'> & { addedBy?: Maybe<_RefType['User']>, member: _RefType['RoomMember'] } & { __typename: 'MemberJoined' } )
    | ( Omit<MemberLeft, 'removedBy' | 'user'> & { removedBy?: Maybe<_RefType['User']>, user: _RefType['User'] } & { __typename: 'MemberLeft' } )
    | ( Omit<MemberRoleChanged, 'changedBy' | 'user'> & { changedBy?: Maybe<_RefType['User']>, user: _RefType['User'] } & { __typename: 'MemberRoleChanged' } )
    | ( Omit<MessageCreated, 'message'> & { message: _RefType['Message'] } & { __typename: 'MessageCreated' } )
    | ( Omit<MessageDeleted, 'message'> & { message: _RefType['Message'] } & { __typename: 'MessageDeleted' } )
    | ( Omit<MessageEdited, 'message'> & { message: _RefType['Message'] } & { __typename: 'MessageEdited' } )
    | ( Omit<ReactionChanged, 'reactions' | 'user'> & { reactions: Array<_RefType['ReactionGroup']>, user: _RefType['User'] } & { __typename: 'ReactionChanged' } )
    | ( Omit<ReadReceipt, 'user'> & { user: _RefType['User'] } & { __typename: 'ReadReceipt' } )
    | ( Omit<ReadReceiptWithdrawn, 'user'> & { user: _RefType['User'] } & { __typename: 'ReadReceiptWithdrawn' } )
    | ( ResyncRequired & { __typename: 'ResyncRequired' } )
    | ( Omit<RoomRenamed, 'by'> & { by: _RefType['User'] } & { __typename: 'RoomRenamed' } )
    | ( Omit<TypingChanged, 'typingUsers'> & { typingUsers: Array<_RefType['User']> } & { __typename: 'TypingChanged' } )
  ;
};


/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  Attachment: ResolverTypeWrapper<AttachmentModel>;
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
  Meeting: ResolverTypeWrapper<MeetingModel>;
  MeetingAction: MeetingAction;
  MeetingConnection: ResolverTypeWrapper<Omit<MeetingConnection, 'edges'> & { edges: Array<ResolversTypes['MeetingEdge']> }>;
  MeetingEdge: ResolverTypeWrapper<Omit<MeetingEdge, 'node'> & { node: ResolversTypes['Meeting'] }>;
  MeetingEvent: ResolverTypeWrapper<MeetingEventPayload>;
  MeetingFilter: MeetingFilter;
  MeetingKind: MeetingKind;
  MeetingOrder: MeetingOrder;
  MeetingReschedule: ResolverTypeWrapper<PendingRescheduleModel>;
  MeetingRescheduleRejection: ResolverTypeWrapper<RejectedRescheduleModel>;
  MeetingReview: ResolverTypeWrapper<MeetingReviewModel>;
  MeetingRole: MeetingRole;
  MeetingStatus: MeetingStatus;
  MemberJoined: ResolverTypeWrapper<Omit<MemberJoined, 'addedBy' | 'member'> & { addedBy?: Maybe<ResolversTypes['User']>, member: ResolversTypes['RoomMember'] }>;
  MemberLeft: ResolverTypeWrapper<Omit<MemberLeft, 'removedBy' | 'user'> & { removedBy?: Maybe<ResolversTypes['User']>, user: ResolversTypes['User'] }>;
  MemberRoleChanged: ResolverTypeWrapper<Omit<MemberRoleChanged, 'changedBy' | 'user'> & { changedBy?: Maybe<ResolversTypes['User']>, user: ResolversTypes['User'] }>;
  Message: ResolverTypeWrapper<MessageModel>;
  MessageBatch: ResolverTypeWrapper<Omit<MessageBatch, 'messages'> & { messages: Array<ResolversTypes['Message']> }>;
  MessageConnection: ResolverTypeWrapper<Omit<MessageConnection, 'edges'> & { edges: Array<ResolversTypes['MessageEdge']> }>;
  MessageCreated: ResolverTypeWrapper<Omit<MessageCreated, 'message'> & { message: ResolversTypes['Message'] }>;
  MessageDeleted: ResolverTypeWrapper<Omit<MessageDeleted, 'message'> & { message: ResolversTypes['Message'] }>;
  MessageEdge: ResolverTypeWrapper<Omit<MessageEdge, 'node'> & { node: ResolversTypes['Message'] }>;
  MessageEdited: ResolverTypeWrapper<Omit<MessageEdited, 'message'> & { message: ResolversTypes['Message'] }>;
  MessageKind: MessageKind;
  MessageRead: ResolverTypeWrapper<Omit<MessageRead, 'user'> & { user: ResolversTypes['User'] }>;
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
  Presence: ResolverTypeWrapper<Omit<Presence, 'user'> & { user: ResolversTypes['User'] }>;
  PresenceChanged: ResolverTypeWrapper<Omit<PresenceChanged, 'user'> & { user: ResolversTypes['User'] }>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  ReactionChanged: ResolverTypeWrapper<Omit<ReactionChanged, 'reactions' | 'user'> & { reactions: Array<ResolversTypes['ReactionGroup']>, user: ResolversTypes['User'] }>;
  ReactionGroup: ResolverTypeWrapper<ReactionGroupModel>;
  ReadReceipt: ResolverTypeWrapper<Omit<ReadReceipt, 'user'> & { user: ResolversTypes['User'] }>;
  ReadReceiptWithdrawn: ResolverTypeWrapper<Omit<ReadReceiptWithdrawn, 'user'> & { user: ResolversTypes['User'] }>;
  RegisterInput: RegisterInput;
  RequestMeetingInput: RequestMeetingInput;
  ResyncRequired: ResolverTypeWrapper<ResyncRequired>;
  Room: ResolverTypeWrapper<RoomView>;
  RoomConnection: ResolverTypeWrapper<Omit<RoomConnection, 'edges'> & { edges: Array<ResolversTypes['RoomEdge']> }>;
  RoomEdge: ResolverTypeWrapper<Omit<RoomEdge, 'node'> & { node: ResolversTypes['Room'] }>;
  RoomEvent: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['RoomEvent']>;
  RoomKind: RoomKind;
  RoomMember: ResolverTypeWrapper<RoomMemberModel>;
  RoomRemoved: ResolverTypeWrapper<RoomRemoved>;
  RoomRenamed: ResolverTypeWrapper<Omit<RoomRenamed, 'by'> & { by: ResolversTypes['User'] }>;
  RoomRole: RoomRole;
  RoomTyping: ResolverTypeWrapper<Omit<RoomTyping, 'typingUsers'> & { typingUsers: Array<ResolversTypes['User']> }>;
  RoomUpdated: ResolverTypeWrapper<Omit<RoomUpdated, 'room'> & { room: ResolversTypes['Room'] }>;
  SendMessageInput: SendMessageInput;
  ServiceLimits: ResolverTypeWrapper<ServiceLimits>;
  Session: ResolverTypeWrapper<SessionModel>;
  StreamResyncRequired: ResolverTypeWrapper<StreamResyncRequired>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Subscription: ResolverTypeWrapper<Record<PropertyKey, never>>;
  TypingChanged: ResolverTypeWrapper<Omit<TypingChanged, 'typingUsers'> & { typingUsers: Array<ResolversTypes['User']> }>;
  UpdateProfileInput: UpdateProfileInput;
  UpdateRoomInput: UpdateRoomInput;
  User: ResolverTypeWrapper<UserModel>;
  UserConnection: ResolverTypeWrapper<Omit<UserConnection, 'edges'> & { edges: Array<ResolversTypes['UserEdge']> }>;
  UserEdge: ResolverTypeWrapper<Omit<UserEdge, 'node'> & { node: ResolversTypes['User'] }>;
  UserUpdated: ResolverTypeWrapper<Omit<UserUpdated, 'user'> & { user: ResolversTypes['User'] }>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  Attachment: AttachmentModel;
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
  Meeting: MeetingModel;
  MeetingConnection: Omit<MeetingConnection, 'edges'> & { edges: Array<ResolversParentTypes['MeetingEdge']> };
  MeetingEdge: Omit<MeetingEdge, 'node'> & { node: ResolversParentTypes['Meeting'] };
  MeetingEvent: MeetingEventPayload;
  MeetingFilter: MeetingFilter;
  MeetingReschedule: PendingRescheduleModel;
  MeetingRescheduleRejection: RejectedRescheduleModel;
  MeetingReview: MeetingReviewModel;
  MemberJoined: Omit<MemberJoined, 'addedBy' | 'member'> & { addedBy?: Maybe<ResolversParentTypes['User']>, member: ResolversParentTypes['RoomMember'] };
  MemberLeft: Omit<MemberLeft, 'removedBy' | 'user'> & { removedBy?: Maybe<ResolversParentTypes['User']>, user: ResolversParentTypes['User'] };
  MemberRoleChanged: Omit<MemberRoleChanged, 'changedBy' | 'user'> & { changedBy?: Maybe<ResolversParentTypes['User']>, user: ResolversParentTypes['User'] };
  Message: MessageModel;
  MessageBatch: Omit<MessageBatch, 'messages'> & { messages: Array<ResolversParentTypes['Message']> };
  MessageConnection: Omit<MessageConnection, 'edges'> & { edges: Array<ResolversParentTypes['MessageEdge']> };
  MessageCreated: Omit<MessageCreated, 'message'> & { message: ResolversParentTypes['Message'] };
  MessageDeleted: Omit<MessageDeleted, 'message'> & { message: ResolversParentTypes['Message'] };
  MessageEdge: Omit<MessageEdge, 'node'> & { node: ResolversParentTypes['Message'] };
  MessageEdited: Omit<MessageEdited, 'message'> & { message: ResolversParentTypes['Message'] };
  MessageRead: Omit<MessageRead, 'user'> & { user: ResolversParentTypes['User'] };
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
  Presence: Omit<Presence, 'user'> & { user: ResolversParentTypes['User'] };
  PresenceChanged: Omit<PresenceChanged, 'user'> & { user: ResolversParentTypes['User'] };
  Query: Record<PropertyKey, never>;
  ReactionChanged: Omit<ReactionChanged, 'reactions' | 'user'> & { reactions: Array<ResolversParentTypes['ReactionGroup']>, user: ResolversParentTypes['User'] };
  ReactionGroup: ReactionGroupModel;
  ReadReceipt: Omit<ReadReceipt, 'user'> & { user: ResolversParentTypes['User'] };
  ReadReceiptWithdrawn: Omit<ReadReceiptWithdrawn, 'user'> & { user: ResolversParentTypes['User'] };
  RegisterInput: RegisterInput;
  RequestMeetingInput: RequestMeetingInput;
  ResyncRequired: ResyncRequired;
  Room: RoomView;
  RoomConnection: Omit<RoomConnection, 'edges'> & { edges: Array<ResolversParentTypes['RoomEdge']> };
  RoomEdge: Omit<RoomEdge, 'node'> & { node: ResolversParentTypes['Room'] };
  RoomEvent: ResolversUnionTypes<ResolversParentTypes>['RoomEvent'];
  RoomMember: RoomMemberModel;
  RoomRemoved: RoomRemoved;
  RoomRenamed: Omit<RoomRenamed, 'by'> & { by: ResolversParentTypes['User'] };
  RoomTyping: Omit<RoomTyping, 'typingUsers'> & { typingUsers: Array<ResolversParentTypes['User']> };
  RoomUpdated: Omit<RoomUpdated, 'room'> & { room: ResolversParentTypes['Room'] };
  SendMessageInput: SendMessageInput;
  ServiceLimits: ServiceLimits;
  Session: SessionModel;
  StreamResyncRequired: StreamResyncRequired;
  String: Scalars['String']['output'];
  Subscription: Record<PropertyKey, never>;
  TypingChanged: Omit<TypingChanged, 'typingUsers'> & { typingUsers: Array<ResolversParentTypes['User']> };
  UpdateProfileInput: UpdateProfileInput;
  UpdateRoomInput: UpdateRoomInput;
  User: UserModel;
  UserConnection: Omit<UserConnection, 'edges'> & { edges: Array<ResolversParentTypes['UserEdge']> };
  UserEdge: Omit<UserEdge, 'node'> & { node: ResolversParentTypes['User'] };
  UserUpdated: Omit<UserUpdated, 'user'> & { user: ResolversParentTypes['User'] };
};

export type AttachmentResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Attachment'] = ResolversParentTypes['Attachment']> = {
  height?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  isImage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  mimeType?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  size?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  thumbnailUrl?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  url?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  width?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
};

export type AuthPayloadResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['AuthPayload'] = ResolversParentTypes['AuthPayload']> = {
  accessToken?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  accessTokenExpiresAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  refreshToken?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  user?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
};

export type ContactsChangedResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ContactsChanged'] = ResolversParentTypes['ContactsChanged']> = {
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
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
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  request?: Resolver<ResolversTypes['FriendRequest'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type FriendRequestResultResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['FriendRequestResult'] = ResolversParentTypes['FriendRequestResult']> = {
  request?: Resolver<Maybe<ResolversTypes['FriendRequest']>, ParentType, ContextType>;
  user?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
};

export type MeetingResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Meeting'] = ResolversParentTypes['Meeting']> = {
  agenda?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  cancelReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  cancelledBy?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  declineReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  durationMinutes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  endsAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  invitee?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['MeetingKind'], ParentType, ContextType>;
  location?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  meetingUrl?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  myRole?: Resolver<ResolversTypes['MeetingRole'], ParentType, ContextType>;
  otherParticipant?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  otherPartyStartsAtLocal?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  pendingReschedule?: Resolver<Maybe<ResolversTypes['MeetingReschedule']>, ParentType, ContextType>;
  rejectedReschedule?: Resolver<Maybe<ResolversTypes['MeetingRescheduleRejection']>, ParentType, ContextType>;
  requester?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  reviewedByMe?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  reviews?: Resolver<Array<ResolversTypes['MeetingReview']>, ParentType, ContextType>;
  roomId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  startsAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  startsAtLocal?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['MeetingStatus'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type MeetingConnectionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['MeetingConnection'] = ResolversParentTypes['MeetingConnection']> = {
  edges?: Resolver<Array<ResolversTypes['MeetingEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type MeetingEdgeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['MeetingEdge'] = ResolversParentTypes['MeetingEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Meeting'], ParentType, ContextType>;
};

export type MeetingEventResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['MeetingEvent'] = ResolversParentTypes['MeetingEvent']> = {
  action?: Resolver<ResolversTypes['MeetingAction'], ParentType, ContextType>;
  meeting?: Resolver<ResolversTypes['Meeting'], ParentType, ContextType>;
};

export type MeetingRescheduleResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['MeetingReschedule'] = ResolversParentTypes['MeetingReschedule']> = {
  proposedBy?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  startsAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export type MeetingRescheduleRejectionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['MeetingRescheduleRejection'] = ResolversParentTypes['MeetingRescheduleRejection']> = {
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  rejectedBy?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  startsAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export type MeetingReviewResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['MeetingReview'] = ResolversParentTypes['MeetingReview']> = {
  comment?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  rating?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  reviewer?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
};

export type MemberJoinedResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['MemberJoined'] = ResolversParentTypes['MemberJoined']> = {
  addedBy?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  member?: Resolver<ResolversTypes['RoomMember'], ParentType, ContextType>;
  roomId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  seq?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type MemberLeftResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['MemberLeft'] = ResolversParentTypes['MemberLeft']> = {
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  removedBy?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  roomId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  seq?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  user?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type MemberRoleChangedResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['MemberRoleChanged'] = ResolversParentTypes['MemberRoleChanged']> = {
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  changedBy?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  role?: Resolver<ResolversTypes['RoomRole'], ParentType, ContextType>;
  roomId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  seq?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  user?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type MessageResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Message'] = ResolversParentTypes['Message']> = {
  attachments?: Resolver<Array<ResolversTypes['Attachment']>, ParentType, ContextType>;
  body?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  clientId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  deletedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  editedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['MessageKind'], ParentType, ContextType>;
  mentions?: Resolver<Array<ResolversTypes['User']>, ParentType, ContextType>;
  reactions?: Resolver<Array<ResolversTypes['ReactionGroup']>, ParentType, ContextType>;
  readBy?: Resolver<Array<ResolversTypes['MessageRead']>, ParentType, ContextType, RequireFields<MessageReadByArgs, 'first'>>;
  readCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
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
  asOf?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  edges?: Resolver<Array<ResolversTypes['MessageEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type MessageCreatedResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['MessageCreated'] = ResolversParentTypes['MessageCreated']> = {
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['Message'], ParentType, ContextType>;
  roomId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  seq?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type MessageDeletedResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['MessageDeleted'] = ResolversParentTypes['MessageDeleted']> = {
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
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
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['Message'], ParentType, ContextType>;
  roomId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  seq?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type MessageReadResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['MessageRead'] = ResolversParentTypes['MessageRead']> = {
  readAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  user?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
};

export type MutationResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  acceptMeeting?: Resolver<ResolversTypes['Meeting'], ParentType, ContextType, RequireFields<MutationAcceptMeetingArgs, 'id'>>;
  acceptReschedule?: Resolver<ResolversTypes['Meeting'], ParentType, ContextType, RequireFields<MutationAcceptRescheduleArgs, 'id'>>;
  addReaction?: Resolver<ResolversTypes['Message'], ParentType, ContextType, RequireFields<MutationAddReactionArgs, 'emoji' | 'messageId'>>;
  addRoomMembers?: Resolver<ResolversTypes['Room'], ParentType, ContextType, RequireFields<MutationAddRoomMembersArgs, 'roomId' | 'userIds'>>;
  blockUser?: Resolver<ResolversTypes['User'], ParentType, ContextType, RequireFields<MutationBlockUserArgs, 'userId'>>;
  cancelFriendRequest?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationCancelFriendRequestArgs, 'requestId'>>;
  cancelMeeting?: Resolver<ResolversTypes['Meeting'], ParentType, ContextType, RequireFields<MutationCancelMeetingArgs, 'id'>>;
  changePassword?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationChangePasswordArgs, 'current' | 'next'>>;
  createGroupRoom?: Resolver<ResolversTypes['Room'], ParentType, ContextType, RequireFields<MutationCreateGroupRoomArgs, 'input'>>;
  declineMeeting?: Resolver<ResolversTypes['Meeting'], ParentType, ContextType, RequireFields<MutationDeclineMeetingArgs, 'id'>>;
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
  muteRoom?: Resolver<ResolversTypes['Room'], ParentType, ContextType, RequireFields<MutationMuteRoomArgs, 'roomId'>>;
  openDirectRoom?: Resolver<ResolversTypes['Room'], ParentType, ContextType, RequireFields<MutationOpenDirectRoomArgs, 'userId'>>;
  proposeReschedule?: Resolver<ResolversTypes['Meeting'], ParentType, ContextType, RequireFields<MutationProposeRescheduleArgs, 'id' | 'startsAt'>>;
  refreshSession?: Resolver<ResolversTypes['AuthPayload'], ParentType, ContextType, RequireFields<MutationRefreshSessionArgs, 'refreshToken'>>;
  register?: Resolver<ResolversTypes['AuthPayload'], ParentType, ContextType, RequireFields<MutationRegisterArgs, 'input'>>;
  rejectReschedule?: Resolver<ResolversTypes['Meeting'], ParentType, ContextType, RequireFields<MutationRejectRescheduleArgs, 'id'>>;
  removeContact?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationRemoveContactArgs, 'userId'>>;
  removeReaction?: Resolver<ResolversTypes['Message'], ParentType, ContextType, RequireFields<MutationRemoveReactionArgs, 'emoji' | 'messageId'>>;
  removeRoomMember?: Resolver<ResolversTypes['Room'], ParentType, ContextType, RequireFields<MutationRemoveRoomMemberArgs, 'roomId' | 'userId'>>;
  renameRoom?: Resolver<ResolversTypes['Room'], ParentType, ContextType, RequireFields<MutationRenameRoomArgs, 'roomId' | 'title'>>;
  requestMeeting?: Resolver<ResolversTypes['Meeting'], ParentType, ContextType, RequireFields<MutationRequestMeetingArgs, 'input'>>;
  requestPasswordReset?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationRequestPasswordResetArgs, 'email'>>;
  resetPassword?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationResetPasswordArgs, 'newPassword' | 'token'>>;
  respondToFriendRequest?: Resolver<ResolversTypes['FriendRequestResult'], ParentType, ContextType, RequireFields<MutationRespondToFriendRequestArgs, 'accept' | 'requestId'>>;
  revokeSession?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationRevokeSessionArgs, 'sessionId'>>;
  sendFriendRequest?: Resolver<ResolversTypes['FriendRequestResult'], ParentType, ContextType, RequireFields<MutationSendFriendRequestArgs, 'userId'>>;
  sendMessage?: Resolver<ResolversTypes['Message'], ParentType, ContextType, RequireFields<MutationSendMessageArgs, 'input'>>;
  setRoomMemberRole?: Resolver<ResolversTypes['Room'], ParentType, ContextType, RequireFields<MutationSetRoomMemberRoleArgs, 'role' | 'roomId' | 'userId'>>;
  setTyping?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationSetTypingArgs, 'roomId' | 'typing'>>;
  submitMeetingReview?: Resolver<ResolversTypes['Meeting'], ParentType, ContextType, RequireFields<MutationSubmitMeetingReviewArgs, 'id' | 'rating'>>;
  unblockUser?: Resolver<ResolversTypes['User'], ParentType, ContextType, RequireFields<MutationUnblockUserArgs, 'userId'>>;
  unmuteRoom?: Resolver<ResolversTypes['Room'], ParentType, ContextType, RequireFields<MutationUnmuteRoomArgs, 'roomId'>>;
  updateNotificationPreferences?: Resolver<Array<ResolversTypes['NotificationPreference']>, ParentType, ContextType, RequireFields<MutationUpdateNotificationPreferencesArgs, 'preferences'>>;
  updateProfile?: Resolver<ResolversTypes['User'], ParentType, ContextType, RequireFields<MutationUpdateProfileArgs, 'input'>>;
  updateRoom?: Resolver<ResolversTypes['Room'], ParentType, ContextType, RequireFields<MutationUpdateRoomArgs, 'input' | 'roomId'>>;
};

export type MyEventResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['MyEvent'] = ResolversParentTypes['MyEvent']> = {
  __resolveType: TypeResolveFn<'ContactsChanged' | 'FriendRequestReceived' | 'PresenceChanged' | 'RoomRemoved' | 'RoomTyping' | 'RoomUpdated' | 'StreamResyncRequired' | 'UserUpdated', ParentType, ContextType>;
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
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
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
  __resolveType: TypeResolveFn<'NotificationAdded' | 'NotificationsRead' | 'StreamResyncRequired', ParentType, ContextType>;
};

export type NotificationPreferenceResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['NotificationPreference'] = ResolversParentTypes['NotificationPreference']> = {
  email?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['NotificationType'], ParentType, ContextType>;
};

export type NotificationsReadResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['NotificationsRead'] = ResolversParentTypes['NotificationsRead']> = {
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
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

export type PresenceResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Presence'] = ResolversParentTypes['Presence']> = {
  lastSeenAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  online?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  user?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
};

export type PresenceChangedResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['PresenceChanged'] = ResolversParentTypes['PresenceChanged']> = {
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  lastSeenAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  online?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  user?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type QueryResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  blockedUsers?: Resolver<Array<ResolversTypes['User']>, ParentType, ContextType>;
  contacts?: Resolver<ResolversTypes['UserConnection'], ParentType, ContextType, RequireFields<QueryContactsArgs, 'first'>>;
  friendRequests?: Resolver<ResolversTypes['FriendRequestConnection'], ParentType, ContextType, RequireFields<QueryFriendRequestsArgs, 'direction' | 'first'>>;
  limits?: Resolver<ResolversTypes['ServiceLimits'], ParentType, ContextType>;
  me?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
  meeting?: Resolver<ResolversTypes['Meeting'], ParentType, ContextType, RequireFields<QueryMeetingArgs, 'id'>>;
  meetings?: Resolver<ResolversTypes['MeetingConnection'], ParentType, ContextType, RequireFields<QueryMeetingsArgs, 'order'>>;
  message?: Resolver<Maybe<ResolversTypes['Message']>, ParentType, ContextType, RequireFields<QueryMessageArgs, 'id'>>;
  messages?: Resolver<ResolversTypes['MessageConnection'], ParentType, ContextType, RequireFields<QueryMessagesArgs, 'roomId'>>;
  messagesAfter?: Resolver<ResolversTypes['MessageBatch'], ParentType, ContextType, RequireFields<QueryMessagesAfterArgs, 'afterSeq' | 'limit' | 'roomId'>>;
  mySessions?: Resolver<Array<ResolversTypes['Session']>, ParentType, ContextType>;
  notificationPreferences?: Resolver<Array<ResolversTypes['NotificationPreference']>, ParentType, ContextType>;
  notifications?: Resolver<ResolversTypes['NotificationConnection'], ParentType, ContextType, RequireFields<QueryNotificationsArgs, 'first' | 'unreadOnly'>>;
  presence?: Resolver<Array<ResolversTypes['Presence']>, ParentType, ContextType, RequireFields<QueryPresenceArgs, 'userIds'>>;
  room?: Resolver<Maybe<ResolversTypes['Room']>, ParentType, ContextType, RequireFields<QueryRoomArgs, 'id'>>;
  rooms?: Resolver<ResolversTypes['RoomConnection'], ParentType, ContextType, RequireFields<QueryRoomsArgs, 'first'>>;
  searchMessages?: Resolver<ResolversTypes['MessageConnection'], ParentType, ContextType, RequireFields<QuerySearchMessagesArgs, 'first' | 'query'>>;
  searchUsers?: Resolver<ResolversTypes['UserConnection'], ParentType, ContextType, RequireFields<QuerySearchUsersArgs, 'first' | 'query'>>;
  unreadNotificationCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  upcomingMeetings?: Resolver<Array<ResolversTypes['Meeting']>, ParentType, ContextType, Partial<QueryUpcomingMeetingsArgs>>;
  user?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType, RequireFields<QueryUserArgs, 'id'>>;
};

export type ReactionChangedResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ReactionChanged'] = ResolversParentTypes['ReactionChanged']> = {
  added?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  emoji?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  messageId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  reactions?: Resolver<Array<ResolversTypes['ReactionGroup']>, ParentType, ContextType>;
  roomId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  seq?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  user?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type ReactionGroupResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ReactionGroup'] = ResolversParentTypes['ReactionGroup']> = {
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  emoji?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  reactedByMe?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  users?: Resolver<Array<ResolversTypes['User']>, ParentType, ContextType, RequireFields<ReactionGroupUsersArgs, 'first'>>;
};

export type ReadReceiptResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ReadReceipt'] = ResolversParentTypes['ReadReceipt']> = {
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  readAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  roomId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  seq?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  user?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type ReadReceiptWithdrawnResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ReadReceiptWithdrawn'] = ResolversParentTypes['ReadReceiptWithdrawn']> = {
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  roomId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  user?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type ResyncRequiredResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ResyncRequired'] = ResolversParentTypes['ResyncRequired']> = {
  afterSeq?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  lastSeq?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  roomId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type RoomResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Room'] = ResolversParentTypes['Room']> = {
  avatarUrl?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['RoomKind'], ParentType, ContextType>;
  lastActivityAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  lastMessage?: Resolver<Maybe<ResolversTypes['Message']>, ParentType, ContextType>;
  lastReadSeq?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  lastSeq?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  memberCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  members?: Resolver<Array<ResolversTypes['RoomMember']>, ParentType, ContextType>;
  muted?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  mutedUntil?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  myRole?: Resolver<ResolversTypes['RoomRole'], ParentType, ContextType>;
  peer?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  unreadCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  visibleFromSeq?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type RoomConnectionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RoomConnection'] = ResolversParentTypes['RoomConnection']> = {
  asOf?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  edges?: Resolver<Array<ResolversTypes['RoomEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type RoomEdgeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RoomEdge'] = ResolversParentTypes['RoomEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Room'], ParentType, ContextType>;
};

export type RoomEventResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RoomEvent'] = ResolversParentTypes['RoomEvent']> = {
  __resolveType: TypeResolveFn<'MemberJoined' | 'MemberLeft' | 'MemberRoleChanged' | 'MessageCreated' | 'MessageDeleted' | 'MessageEdited' | 'ReactionChanged' | 'ReadReceipt' | 'ReadReceiptWithdrawn' | 'ResyncRequired' | 'RoomRenamed' | 'TypingChanged', ParentType, ContextType>;
};

export type RoomMemberResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RoomMember'] = ResolversParentTypes['RoomMember']> = {
  joinedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  role?: Resolver<ResolversTypes['RoomRole'], ParentType, ContextType>;
  user?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
};

export type RoomRemovedResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RoomRemoved'] = ResolversParentTypes['RoomRemoved']> = {
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  roomId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type RoomRenamedResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RoomRenamed'] = ResolversParentTypes['RoomRenamed']> = {
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  by?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
  roomId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  seq?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type RoomTypingResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RoomTyping'] = ResolversParentTypes['RoomTyping']> = {
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  roomId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  typingUsers?: Resolver<Array<ResolversTypes['User']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type RoomUpdatedResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RoomUpdated'] = ResolversParentTypes['RoomUpdated']> = {
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  room?: Resolver<ResolversTypes['Room'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type ServiceLimitsResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ServiceLimits'] = ResolversParentTypes['ServiceLimits']> = {
  bioMaxLength?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  displayNameMaxLength?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  meetingAgendaMaxLength?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  meetingLocationMaxLength?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  meetingReasonMaxLength?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  messageMaxLength?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  reviewCommentMaxLength?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  roomReplayMax?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  roomTitleMaxLength?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  searchQueryMaxLength?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  uploadMaxBytes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  usernameMaxLength?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type SessionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Session'] = ResolversParentTypes['Session']> = {
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  current?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lastUsedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  userAgent?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type StreamResyncRequiredResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['StreamResyncRequired'] = ResolversParentTypes['StreamResyncRequired']> = {
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type SubscriptionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Subscription'] = ResolversParentTypes['Subscription']> = {
  meetingEvents?: SubscriptionResolver<ResolversTypes['MeetingEvent'], "meetingEvents", ParentType, ContextType>;
  myEvents?: SubscriptionResolver<ResolversTypes['MyEvent'], "myEvents", ParentType, ContextType, Partial<SubscriptionMyEventsArgs>>;
  notificationEvents?: SubscriptionResolver<ResolversTypes['NotificationEvent'], "notificationEvents", ParentType, ContextType, Partial<SubscriptionNotificationEventsArgs>>;
  roomEvents?: SubscriptionResolver<ResolversTypes['RoomEvent'], "roomEvents", ParentType, ContextType, RequireFields<SubscriptionRoomEventsArgs, 'reading' | 'roomId'>>;
};

export type TypingChangedResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['TypingChanged'] = ResolversParentTypes['TypingChanged']> = {
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  roomId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  typingUsers?: Resolver<Array<ResolversTypes['User']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type UserResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['User'] = ResolversParentTypes['User']> = {
  avatarUrl?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  bio?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  blockedByMe?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  contactStatus?: Resolver<ResolversTypes['ContactStatus'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  displayName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  email?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  isMe?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  lastSeenAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  online?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
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

export type UserUpdatedResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['UserUpdated'] = ResolversParentTypes['UserUpdated']> = {
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  user?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type Resolvers<ContextType = GraphQLContext> = {
  Attachment?: AttachmentResolvers<ContextType>;
  AuthPayload?: AuthPayloadResolvers<ContextType>;
  ContactsChanged?: ContactsChangedResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  FriendRequest?: FriendRequestResolvers<ContextType>;
  FriendRequestConnection?: FriendRequestConnectionResolvers<ContextType>;
  FriendRequestEdge?: FriendRequestEdgeResolvers<ContextType>;
  FriendRequestReceived?: FriendRequestReceivedResolvers<ContextType>;
  FriendRequestResult?: FriendRequestResultResolvers<ContextType>;
  Meeting?: MeetingResolvers<ContextType>;
  MeetingConnection?: MeetingConnectionResolvers<ContextType>;
  MeetingEdge?: MeetingEdgeResolvers<ContextType>;
  MeetingEvent?: MeetingEventResolvers<ContextType>;
  MeetingReschedule?: MeetingRescheduleResolvers<ContextType>;
  MeetingRescheduleRejection?: MeetingRescheduleRejectionResolvers<ContextType>;
  MeetingReview?: MeetingReviewResolvers<ContextType>;
  MemberJoined?: MemberJoinedResolvers<ContextType>;
  MemberLeft?: MemberLeftResolvers<ContextType>;
  MemberRoleChanged?: MemberRoleChangedResolvers<ContextType>;
  Message?: MessageResolvers<ContextType>;
  MessageBatch?: MessageBatchResolvers<ContextType>;
  MessageConnection?: MessageConnectionResolvers<ContextType>;
  MessageCreated?: MessageCreatedResolvers<ContextType>;
  MessageDeleted?: MessageDeletedResolvers<ContextType>;
  MessageEdge?: MessageEdgeResolvers<ContextType>;
  MessageEdited?: MessageEditedResolvers<ContextType>;
  MessageRead?: MessageReadResolvers<ContextType>;
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
  Presence?: PresenceResolvers<ContextType>;
  PresenceChanged?: PresenceChangedResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  ReactionChanged?: ReactionChangedResolvers<ContextType>;
  ReactionGroup?: ReactionGroupResolvers<ContextType>;
  ReadReceipt?: ReadReceiptResolvers<ContextType>;
  ReadReceiptWithdrawn?: ReadReceiptWithdrawnResolvers<ContextType>;
  ResyncRequired?: ResyncRequiredResolvers<ContextType>;
  Room?: RoomResolvers<ContextType>;
  RoomConnection?: RoomConnectionResolvers<ContextType>;
  RoomEdge?: RoomEdgeResolvers<ContextType>;
  RoomEvent?: RoomEventResolvers<ContextType>;
  RoomMember?: RoomMemberResolvers<ContextType>;
  RoomRemoved?: RoomRemovedResolvers<ContextType>;
  RoomRenamed?: RoomRenamedResolvers<ContextType>;
  RoomTyping?: RoomTypingResolvers<ContextType>;
  RoomUpdated?: RoomUpdatedResolvers<ContextType>;
  ServiceLimits?: ServiceLimitsResolvers<ContextType>;
  Session?: SessionResolvers<ContextType>;
  StreamResyncRequired?: StreamResyncRequiredResolvers<ContextType>;
  Subscription?: SubscriptionResolvers<ContextType>;
  TypingChanged?: TypingChangedResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
  UserConnection?: UserConnectionResolvers<ContextType>;
  UserEdge?: UserEdgeResolvers<ContextType>;
  UserUpdated?: UserUpdatedResolvers<ContextType>;
};

