/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment AuthSession on AuthPayload {\n    accessToken\n    accessTokenExpiresAt\n    refreshToken\n    user {\n      id\n    }\n  }\n": typeof types.AuthSessionFragmentDoc,
    "\n  mutation RefreshSession($refreshToken: String!) {\n    refreshSession(refreshToken: $refreshToken) {\n      ...AuthSession\n    }\n  }\n": typeof types.RefreshSessionDocument,
    "\n  mutation Logout($refreshToken: String!) {\n    logout(refreshToken: $refreshToken)\n  }\n": typeof types.LogoutDocument,
    "\n  fragment MessageAttachments_message on Message {\n    id\n    attachments {\n      id\n      name\n      size\n      mimeType\n      isImage\n      width\n      height\n      url\n      thumbnailUrl\n    }\n  }\n": typeof types.MessageAttachments_MessageFragmentDoc,
    "\n  query MessageAttachmentUrls($id: ID!) {\n    message(id: $id) {\n      id\n      attachments {\n        id\n        url\n        thumbnailUrl\n      }\n    }\n  }\n": typeof types.MessageAttachmentUrlsDocument,
    "\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n": typeof types.RequestPasswordResetDocument,
    "\n  mutation ResetPassword($token: String!, $newPassword: String!) {\n    resetPassword(token: $token, newPassword: $newPassword)\n  }\n": typeof types.ResetPasswordDocument,
    "\n  query ResetPasswordViewer {\n    me {\n      id\n      displayName\n      username\n    }\n  }\n": typeof types.ResetPasswordViewerDocument,
    "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      ...AuthSession\n    }\n  }\n": typeof types.LoginDocument,
    "\n  mutation Register($input: RegisterInput!) {\n    register(input: $input) {\n      ...AuthSession\n    }\n  }\n": typeof types.RegisterDocument,
    "\n  fragment FriendRequestRow_request on FriendRequest {\n    id\n    createdAt\n    from {\n      id\n      displayName\n      ...PersonCard_user\n    }\n    to {\n      id\n      displayName\n      ...PersonCard_user\n    }\n  }\n": typeof types.FriendRequestRow_RequestFragmentDoc,
    "\n  fragment ContactRow_user on User {\n    id\n    displayName\n    ...PersonCard_user\n  }\n": typeof types.ContactRow_UserFragmentDoc,
    "\n  query ContactsPage {\n    blockedUsers {\n      id\n      ...ContactRow_user\n    }\n  }\n": typeof types.ContactsPageDocument,
    "\n  query ContactsPageRequests($direction: FriendRequestDirection!, $first: Int!, $after: String) {\n    friendRequests(direction: $direction, first: $first, after: $after) {\n      edges {\n        node {\n          id\n          ...FriendRequestRow_request\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.ContactsPageRequestsDocument,
    "\n  query ContactsPageContacts($first: Int!, $after: String) {\n    contacts(first: $first, after: $after) {\n      edges {\n        node {\n          id\n          ...ContactRow_user\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.ContactsPageContactsDocument,
    "\n  fragment PersonCard_user on User {\n    id\n    displayName\n    username\n    avatarUrl\n  }\n": typeof types.PersonCard_UserFragmentDoc,
    "\n  fragment SearchResult_user on User {\n    id\n    displayName\n    contactStatus\n    blockedByMe\n    ...PersonCard_user\n  }\n": typeof types.SearchResult_UserFragmentDoc,
    "\n  query SearchPeople($query: String!) {\n    searchUsers(query: $query, first: 20) {\n      edges {\n        node {\n          id\n          ...SearchResult_user\n        }\n      }\n    }\n  }\n": typeof types.SearchPeopleDocument,
    "\n  query SidebarContacts($query: String, $first: Int!, $after: String) {\n    contacts(query: $query, first: $first, after: $after) {\n      edges {\n        node {\n          id\n          displayName\n          username\n          avatarUrl\n          online\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.SidebarContactsDocument,
    "\n  fragment ContactListPerson_user on User {\n    id\n    displayName\n    username\n    avatarUrl\n    online\n    timeZone\n    contactStatus\n    blockedByMe\n    ...ContactRow_user\n  }\n": typeof types.ContactListPerson_UserFragmentDoc,
    "\n  mutation SendFriendRequest($userId: ID!) {\n    sendFriendRequest(userId: $userId) {\n      request {\n        id\n        ...FriendRequestRow_request\n      }\n      user {\n        id\n        ...ContactListPerson_user\n      }\n    }\n  }\n": typeof types.SendFriendRequestDocument,
    "\n  mutation RespondToFriendRequest($requestId: ID!, $accept: Boolean!) {\n    respondToFriendRequest(requestId: $requestId, accept: $accept) {\n      user {\n        id\n        ...ContactListPerson_user\n      }\n    }\n  }\n": typeof types.RespondToFriendRequestDocument,
    "\n  mutation CancelFriendRequest($requestId: ID!) {\n    cancelFriendRequest(requestId: $requestId)\n  }\n": typeof types.CancelFriendRequestDocument,
    "\n  mutation RemoveContact($userId: ID!) {\n    removeContact(userId: $userId)\n  }\n": typeof types.RemoveContactDocument,
    "\n  mutation BlockUser($userId: ID!) {\n    blockUser(userId: $userId) {\n      id\n      contactStatus\n      blockedByMe\n    }\n  }\n": typeof types.BlockUserDocument,
    "\n  mutation UnblockUser($userId: ID!) {\n    unblockUser(userId: $userId) {\n      id\n      contactStatus\n      blockedByMe\n    }\n  }\n": typeof types.UnblockUserDocument,
    "\n  mutation OpenDirectRoom($userId: ID!) {\n    openDirectRoom(userId: $userId) {\n      id\n    }\n  }\n": typeof types.OpenDirectRoomDocument,
    "\n  subscription ContactEvents {\n    myEvents {\n      __typename\n      ... on FriendRequestReceived {\n        request {\n          id\n          from {\n            id\n            contactStatus\n          }\n          ...FriendRequestRow_request\n        }\n      }\n      ... on ContactsChanged {\n        user {\n          id\n          ...ContactListPerson_user\n        }\n      }\n    }\n  }\n": typeof types.ContactEventsDocument,
    "\n  fragment ConversationHeader_room on Room {\n    id\n    kind\n    title\n    avatarUrl\n    memberCount\n    myRole\n    peer {\n      id\n      username\n    }\n  }\n": typeof types.ConversationHeader_RoomFragmentDoc,
    "\n  fragment MessageItem_message on Message {\n    id\n    seq\n    kind\n    body\n    createdAt\n    editedAt\n    deletedAt\n    sender {\n      id\n      displayName\n      username\n      isMe\n      avatarUrl\n    }\n    mentions {\n      id\n      username\n      isMe\n    }\n    replyTo {\n      id\n      ...ReplyQuote_message\n    }\n    attachments {\n      id\n      name\n      isImage\n    }\n  }\n": typeof types.MessageItem_MessageFragmentDoc,
    "\n  fragment MessageSender_user on User {\n    id\n    displayName\n    avatarUrl\n  }\n": typeof types.MessageSender_UserFragmentDoc,
    "\n  fragment ReplyQuote_message on Message {\n    id\n    body\n    deletedAt\n    sender {\n      id\n      displayName\n    }\n    attachments {\n      id\n      name\n      isImage\n    }\n  }\n": typeof types.ReplyQuote_MessageFragmentDoc,
    "\n  fragment ConversationMessage on Message {\n    id\n    seq\n    clientId\n    kind\n    createdAt\n    sender {\n      id\n    }\n    ...MessageItem_message\n    ...LiveMessage_message\n    ...MessageAttachments_message\n  }\n": typeof types.ConversationMessageFragmentDoc,
    "\n  query Conversation($roomId: ID!) {\n    me {\n      id\n      displayName\n      timeZone\n    }\n    room(id: $roomId) {\n      id\n      kind\n      title\n      myRole\n      peer {\n        id\n        blockedByMe\n      }\n      ...ConversationHeader_room\n      ...PeerPresence_room\n    }\n  }\n": typeof types.ConversationDocument,
    "\n  query ConversationHistory($roomId: ID!, $last: Int!, $before: String) {\n    messages(roomId: $roomId, last: $last, before: $before) {\n      asOf\n      edges {\n        node {\n          ...ConversationMessage\n        }\n      }\n      pageInfo {\n        hasPreviousPage\n        startCursor\n      }\n    }\n  }\n": typeof types.ConversationHistoryDocument,
    "\n  query ConversationCatchUp($roomId: ID!, $afterSeq: Int!) {\n    messagesAfter(roomId: $roomId, afterSeq: $afterSeq, limit: 100) {\n      messages {\n        ...ConversationMessage\n      }\n      hasMore\n    }\n  }\n": typeof types.ConversationCatchUpDocument,
    "\n  subscription ConversationEvents($roomId: ID!, $afterSeq: Int, $since: DateTime) {\n    roomEvents(roomId: $roomId, afterSeq: $afterSeq, since: $since) {\n      __typename\n      ... on MessageCreated {\n        at\n        seq\n        message {\n          ...ConversationMessage\n        }\n      }\n      ... on MessageEdited {\n        at\n        message {\n          ...ConversationMessage\n        }\n      }\n      ... on MessageDeleted {\n        at\n        message {\n          ...ConversationMessage\n        }\n      }\n      ... on MemberJoined {\n        seq\n      }\n      ... on MemberLeft {\n        seq\n        user {\n          id\n        }\n      }\n      ... on MemberRoleChanged {\n        seq\n      }\n      ... on RoomRenamed {\n        seq\n      }\n      ...LiveRoomEvent\n    }\n  }\n": typeof types.ConversationEventsDocument,
    "\n  mutation SendMessage($input: SendMessageInput!) {\n    sendMessage(input: $input) {\n      ...ConversationMessage\n    }\n  }\n": typeof types.SendMessageDocument,
    "\n  mutation EditMessage($id: ID!, $body: String!) {\n    editMessage(id: $id, body: $body) {\n      ...ConversationMessage\n    }\n  }\n": typeof types.EditMessageDocument,
    "\n  mutation DeleteMessage($id: ID!) {\n    deleteMessage(id: $id) {\n      ...ConversationMessage\n    }\n  }\n": typeof types.DeleteMessageDocument,
    "\n  mutation MarkRoomRead($roomId: ID!, $seq: Int!) {\n    markRoomRead(roomId: $roomId, seq: $seq) {\n      id\n      unreadCount\n      lastReadSeq\n    }\n  }\n": typeof types.MarkRoomReadDocument,
    "\n  query ViewerTimeZone {\n    me {\n      id\n      timeZone\n    }\n  }\n": typeof types.ViewerTimeZoneDocument,
    "\n  fragment ReactionBar_message on Message {\n    id\n    reactions {\n      emoji\n      count\n      reactedByMe\n    }\n  }\n": typeof types.ReactionBar_MessageFragmentDoc,
    "\n  fragment LiveMessage_message on Message {\n    id\n    seq\n    kind\n    deletedAt\n    sender {\n      id\n      isMe\n    }\n    readCount\n    readBy(first: 3) {\n      user {\n        id\n        displayName\n      }\n      readAt\n    }\n    ...ReactionBar_message\n  }\n": typeof types.LiveMessage_MessageFragmentDoc,
    "\n  query LiveRefresh($roomId: ID!) {\n    messages(roomId: $roomId, last: 50) {\n      edges {\n        node {\n          ...LiveMessage_message\n        }\n      }\n    }\n  }\n": typeof types.LiveRefreshDocument,
    "\n  fragment LiveRoomEvent on RoomEvent {\n    __typename\n    ... on MessageCreated {\n      message {\n        sender {\n          id\n        }\n      }\n    }\n    ... on ReadReceipt {\n      user {\n        id\n        displayName\n      }\n      seq\n      readAt\n    }\n    ... on ReadReceiptWithdrawn {\n      user {\n        id\n      }\n    }\n    ... on TypingChanged {\n      typingUsers {\n        id\n        displayName\n      }\n    }\n    ... on ReactionChanged {\n      messageId\n      reactions {\n        emoji\n        count\n        reactedByMe\n      }\n    }\n  }\n": typeof types.LiveRoomEventFragmentDoc,
    "\n  fragment PeerPresence_room on Room {\n    id\n    kind\n    peer {\n      id\n      online\n      lastSeenAt\n    }\n  }\n": typeof types.PeerPresence_RoomFragmentDoc,
    "\n  fragment UserPresence_user on User {\n    id\n    online\n    lastSeenAt\n  }\n": typeof types.UserPresence_UserFragmentDoc,
    "\n  fragment PresenceEvent on MyEvent {\n    __typename\n    ... on PresenceChanged {\n      user {\n        id\n      }\n      online\n      lastSeenAt\n    }\n    ... on ContactsChanged {\n      user {\n        id\n        ...UserPresence_user\n      }\n    }\n  }\n": typeof types.PresenceEventFragmentDoc,
    "\n  fragment UserUpdatedEvent on MyEvent {\n    __typename\n    ... on UserUpdated {\n      user {\n        id\n        displayName\n        avatarUrl\n        bio\n        timeZone\n      }\n    }\n  }\n": typeof types.UserUpdatedEventFragmentDoc,
    "\n  fragment RoomTypingEvent on MyEvent {\n    __typename\n    ... on RoomTyping {\n      roomId\n      typingUsers {\n        id\n        displayName\n      }\n    }\n  }\n": typeof types.RoomTypingEventFragmentDoc,
    "\n  mutation SetTyping($roomId: ID!, $typing: Boolean!) {\n    setTyping(roomId: $roomId, typing: $typing)\n  }\n": typeof types.SetTypingDocument,
    "\n  mutation AddReaction($messageId: ID!, $emoji: String!) {\n    addReaction(messageId: $messageId, emoji: $emoji) {\n      ...ReactionBar_message\n    }\n  }\n": typeof types.AddReactionDocument,
    "\n  mutation RemoveReaction($messageId: ID!, $emoji: String!) {\n    removeReaction(messageId: $messageId, emoji: $emoji) {\n      ...ReactionBar_message\n    }\n  }\n": typeof types.RemoveReactionDocument,
    "\n  query MeetingInviteeSearch($query: String, $first: Int!, $after: String) {\n    contacts(query: $query, first: $first, after: $after) {\n      edges {\n        node {\n          id\n          displayName\n          username\n          timeZone\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.MeetingInviteeSearchDocument,
    "\n  fragment MeetingCard_meeting on Meeting {\n    id\n    status\n    kind\n    myRole\n    agenda\n    location\n    reviewedByMe\n    otherParticipant {\n      id\n      displayName\n    }\n    pendingReschedule {\n      startsAt\n      proposedBy {\n        id\n      }\n    }\n    ...MeetingTimes_meeting\n  }\n": typeof types.MeetingCard_MeetingFragmentDoc,
    "\n  fragment MeetingDetails_meeting on Meeting {\n    id\n    status\n    version\n    startsAt\n    kind\n    location\n    agenda\n    meetingUrl\n    myRole\n    declineReason\n    cancelReason\n    cancelledBy {\n      id\n      displayName\n    }\n    requester {\n      id\n      displayName\n    }\n    otherParticipant {\n      id\n      displayName\n      username\n      timeZone\n    }\n    pendingReschedule {\n      startsAt\n      reason\n      proposedBy {\n        id\n        displayName\n      }\n    }\n    rejectedReschedule {\n      startsAt\n      reason\n      rejectedBy {\n        id\n        displayName\n      }\n    }\n    reviewedByMe\n    ...MeetingTimes_meeting\n    ...MeetingReviews_meeting\n  }\n": typeof types.MeetingDetails_MeetingFragmentDoc,
    "\n  query MeetingPage($id: ID!) {\n    me {\n      id\n      timeZone\n    }\n    meeting(id: $id) {\n      id\n      ...MeetingDetails_meeting\n    }\n  }\n": typeof types.MeetingPageDocument,
    "\n  query MeetingRequest {\n    me {\n      id\n      timeZone\n    }\n  }\n": typeof types.MeetingRequestDocument,
    "\n  query MeetingInvitee($id: ID!) {\n    user(id: $id) {\n      id\n      displayName\n      username\n      timeZone\n      isMe\n    }\n  }\n": typeof types.MeetingInviteeDocument,
    "\n  fragment MeetingReviews_meeting on Meeting {\n    id\n    status\n    reviewedByMe\n    otherParticipant {\n      id\n      displayName\n    }\n    reviews {\n      rating\n      comment\n      createdAt\n      reviewer {\n        id\n        displayName\n      }\n    }\n  }\n": typeof types.MeetingReviews_MeetingFragmentDoc,
    "\n  fragment MeetingTimes_meeting on Meeting {\n    id\n    startsAt\n    endsAt\n    durationMinutes\n    otherParticipant {\n      id\n      displayName\n      timeZone\n    }\n  }\n": typeof types.MeetingTimes_MeetingFragmentDoc,
    "\n  query MeetingsPage($first: Int!) {\n    me {\n      id\n      timeZone\n    }\n    upcoming: meetings(filter: { status: [ACCEPTED, IN_PROGRESS] }, first: $first) {\n      edges {\n        node {\n          id\n          pendingReschedule {\n            startsAt\n          }\n          ...MeetingCard_meeting\n        }\n      }\n    }\n    requested: meetings(filter: { status: [REQUESTED] }, first: $first) {\n      edges {\n        node {\n          id\n          ...MeetingCard_meeting\n        }\n      }\n    }\n  }\n": typeof types.MeetingsPageDocument,
    "\n  query PastMeetings($first: Int!, $after: String) {\n    meetings(\n      filter: { status: [ENDED, COMPLETED, CANCELLED, DECLINED, EXPIRED] }\n      order: START_DESC\n      first: $first\n      after: $after\n    ) {\n      edges {\n        node {\n          id\n          ...MeetingCard_meeting\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.PastMeetingsDocument,
    "\n  mutation AcceptMeeting($id: ID!) {\n    acceptMeeting(id: $id) {\n      id\n      ...MeetingDetails_meeting\n      ...MeetingCard_meeting\n    }\n  }\n": typeof types.AcceptMeetingDocument,
    "\n  mutation DeclineMeeting($id: ID!, $reason: String) {\n    declineMeeting(id: $id, reason: $reason) {\n      id\n      ...MeetingDetails_meeting\n      ...MeetingCard_meeting\n    }\n  }\n": typeof types.DeclineMeetingDocument,
    "\n  mutation CancelMeeting($id: ID!, $reason: String) {\n    cancelMeeting(id: $id, reason: $reason) {\n      id\n      ...MeetingDetails_meeting\n      ...MeetingCard_meeting\n    }\n  }\n": typeof types.CancelMeetingDocument,
    "\n  mutation ProposeReschedule($id: ID!, $startsAt: DateTime!, $reason: String) {\n    proposeReschedule(id: $id, startsAt: $startsAt, reason: $reason) {\n      id\n      ...MeetingDetails_meeting\n      ...MeetingCard_meeting\n    }\n  }\n": typeof types.ProposeRescheduleDocument,
    "\n  mutation AcceptReschedule($id: ID!) {\n    acceptReschedule(id: $id) {\n      id\n      ...MeetingDetails_meeting\n      ...MeetingCard_meeting\n    }\n  }\n": typeof types.AcceptRescheduleDocument,
    "\n  mutation RejectReschedule($id: ID!, $reason: String) {\n    rejectReschedule(id: $id, reason: $reason) {\n      id\n      ...MeetingDetails_meeting\n      ...MeetingCard_meeting\n    }\n  }\n": typeof types.RejectRescheduleDocument,
    "\n  mutation SubmitMeetingReview($id: ID!, $rating: Int!, $comment: String) {\n    submitMeetingReview(id: $id, rating: $rating, comment: $comment) {\n      id\n      ...MeetingDetails_meeting\n      ...MeetingCard_meeting\n    }\n  }\n": typeof types.SubmitMeetingReviewDocument,
    "\n  mutation RequestMeeting($input: RequestMeetingInput!) {\n    requestMeeting(input: $input) {\n      id\n      ...MeetingDetails_meeting\n      ...MeetingCard_meeting\n    }\n  }\n": typeof types.RequestMeetingDocument,
    "\n  subscription MeetingEvents {\n    meetingEvents {\n      action\n      meeting {\n        id\n        ...MeetingCard_meeting\n        ...MeetingDetails_meeting\n      }\n    }\n  }\n": typeof types.MeetingEventsDocument,
    "\n  fragment NotificationItem_notification on Notification {\n    id\n    type\n    title\n    body\n    count\n    roomId\n    meetingId\n    friendRequestId\n    updatedAt\n    readAt\n    fromUser {\n      id\n      displayName\n    }\n  }\n": typeof types.NotificationItem_NotificationFragmentDoc,
    "\n  query NotificationsPage($first: Int!, $after: String) {\n    notifications(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          ...NotificationItem_notification\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.NotificationsPageDocument,
    "\n  mutation MarkNotificationsRead($ids: [ID!]!) {\n    markNotificationsRead(ids: $ids) {\n      ids\n      unreadCount\n    }\n  }\n": typeof types.MarkNotificationsReadDocument,
    "\n  mutation MarkAllNotificationsRead {\n    markAllNotificationsRead {\n      ids\n      unreadCount\n    }\n  }\n": typeof types.MarkAllNotificationsReadDocument,
    "\n  query UnreadNotificationCount {\n    unreadNotificationCount\n  }\n": typeof types.UnreadNotificationCountDocument,
    "\n  subscription NotificationEvents {\n    notificationEvents {\n      __typename\n      ... on NotificationAdded {\n        unreadCount\n        notification {\n          id\n          ...NotificationItem_notification\n        }\n      }\n      ... on NotificationsRead {\n        ids\n        unreadCount\n      }\n    }\n  }\n": typeof types.NotificationEventsDocument,
    "\n  query ContactPicker($query: String, $first: Int!, $after: String) {\n    contacts(query: $query, first: $first, after: $after) {\n      edges {\n        node {\n          id\n          displayName\n          username\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.ContactPickerDocument,
    "\n  fragment GroupPicture_room on Room {\n    id\n    title\n    avatarUrl\n  }\n": typeof types.GroupPicture_RoomFragmentDoc,
    "\n  mutation UpdateGroupPicture($roomId: ID!, $avatarId: ID) {\n    updateRoom(roomId: $roomId, input: { avatarId: $avatarId }) {\n      id\n      avatarUrl\n      ...GroupPicture_room\n    }\n  }\n": typeof types.UpdateGroupPictureDocument,
    "\n  query GroupSettings($roomId: ID!) {\n    room(id: $roomId) {\n      id\n      lastSeq\n      ...GroupSettings_room\n      ...GroupPicture_room\n    }\n  }\n": typeof types.GroupSettingsDocument,
    "\n  fragment GroupSettings_room on Room {\n    id\n    kind\n    title\n    myRole\n    memberCount\n    members {\n      role\n      user {\n        id\n        displayName\n        username\n        isMe\n        avatarUrl\n      }\n    }\n  }\n": typeof types.GroupSettings_RoomFragmentDoc,
    "\n  mutation RenameRoom($roomId: ID!, $title: String!) {\n    renameRoom(roomId: $roomId, title: $title) {\n      id\n      ...GroupSettings_room\n    }\n  }\n": typeof types.RenameRoomDocument,
    "\n  mutation AddRoomMembers($roomId: ID!, $userIds: [ID!]!) {\n    addRoomMembers(roomId: $roomId, userIds: $userIds) {\n      id\n      ...GroupSettings_room\n    }\n  }\n": typeof types.AddRoomMembersDocument,
    "\n  mutation RemoveRoomMember($roomId: ID!, $userId: ID!) {\n    removeRoomMember(roomId: $roomId, userId: $userId) {\n      id\n      ...GroupSettings_room\n    }\n  }\n": typeof types.RemoveRoomMemberDocument,
    "\n  mutation SetRoomMemberRole($roomId: ID!, $userId: ID!, $role: RoomRole!) {\n    setRoomMemberRole(roomId: $roomId, userId: $userId, role: $role) {\n      id\n      ...GroupSettings_room\n    }\n  }\n": typeof types.SetRoomMemberRoleDocument,
    "\n  mutation LeaveRoom($roomId: ID!) {\n    leaveRoom(roomId: $roomId)\n  }\n": typeof types.LeaveRoomDocument,
    "\n  mutation CreateGroupRoom($input: CreateGroupRoomInput!) {\n    createGroupRoom(input: $input) {\n      id\n    }\n  }\n": typeof types.CreateGroupRoomDocument,
    "\n  fragment RoomListItem_room on Room {\n    id\n    kind\n    title\n    avatarUrl\n    unreadCount\n    lastActivityAt\n    lastMessage {\n      id\n      kind\n      body\n      deletedAt\n      attachments {\n        id\n        name\n        isImage\n      }\n      sender {\n        id\n        displayName\n        isMe\n      }\n    }\n  }\n": typeof types.RoomListItem_RoomFragmentDoc,
    "\n  query RoomList($after: String) {\n    me {\n      id\n      timeZone\n    }\n    rooms(first: 100, after: $after) {\n      asOf\n      edges {\n        node {\n          id\n          lastActivityAt\n          ...RoomListItem_room\n          ...PeerPresence_room\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.RoomListDocument,
    "\n  subscription MemberListEvents($roomId: ID!, $afterSeq: Int) {\n    roomEvents(roomId: $roomId, afterSeq: $afterSeq, reading: false) {\n      __typename\n      ... on MessageCreated {\n        message {\n          kind\n        }\n      }\n      ... on MemberLeft {\n        user {\n          id\n          isMe\n        }\n      }\n    }\n  }\n": typeof types.MemberListEventsDocument,
    "\n  subscription RoomListEvents($since: DateTime) {\n    myEvents(since: $since) {\n      __typename\n      ... on RoomUpdated {\n        room {\n          id\n          lastActivityAt\n          lastSeq\n          lastReadSeq\n          memberCount\n          ...RoomListItem_room\n          ...ConversationHeader_room\n        }\n      }\n      ... on RoomRemoved {\n        roomId\n      }\n      ...PresenceEvent\n      ...RoomTypingEvent\n      ...UserUpdatedEvent\n    }\n  }\n": typeof types.RoomListEventsDocument,
    "\n  fragment AvatarSection_user on User {\n    id\n    displayName\n    avatarUrl\n  }\n": typeof types.AvatarSection_UserFragmentDoc,
    "\n  mutation UpdateAvatar($avatarId: ID) {\n    updateProfile(input: { avatarId: $avatarId }) {\n      id\n      ...AvatarSection_user\n      ...ViewerBadge_user\n    }\n  }\n": typeof types.UpdateAvatarDocument,
    "\n  fragment NotificationPreferences_preference on NotificationPreference {\n    type\n    email\n  }\n": typeof types.NotificationPreferences_PreferenceFragmentDoc,
    "\n  query NotificationPreferences {\n    notificationPreferences {\n      ...NotificationPreferences_preference\n    }\n  }\n": typeof types.NotificationPreferencesDocument,
    "\n  mutation UpdateNotificationPreferences($preferences: [NotificationPreferenceInput!]!) {\n    updateNotificationPreferences(preferences: $preferences) {\n      ...NotificationPreferences_preference\n    }\n  }\n": typeof types.UpdateNotificationPreferencesDocument,
    "\n  mutation ChangePassword($current: String!, $next: String!) {\n    changePassword(current: $current, next: $next)\n  }\n": typeof types.ChangePasswordDocument,
    "\n  fragment PrivacyForm_user on User {\n    id\n    showOnline\n    shareReadReceipts\n  }\n": typeof types.PrivacyForm_UserFragmentDoc,
    "\n  mutation UpdatePrivacy($input: UpdateProfileInput!) {\n    updateProfile(input: $input) {\n      id\n      ...PrivacyForm_user\n    }\n  }\n": typeof types.UpdatePrivacyDocument,
    "\n  fragment ProfileForm_user on User {\n    id\n    displayName\n    timeZone\n    bio\n  }\n": typeof types.ProfileForm_UserFragmentDoc,
    "\n  mutation UpdateProfile($input: UpdateProfileInput!) {\n    updateProfile(input: $input) {\n      id\n      ...ProfileForm_user\n      ...ViewerBadge_user\n    }\n  }\n": typeof types.UpdateProfileDocument,
    "\n  fragment SessionRow_session on Session {\n    id\n    createdAt\n    lastUsedAt\n    userAgent\n    current\n  }\n": typeof types.SessionRow_SessionFragmentDoc,
    "\n  mutation RevokeSession($sessionId: ID!) {\n    revokeSession(sessionId: $sessionId)\n  }\n": typeof types.RevokeSessionDocument,
    "\n  mutation LogoutEverywhere {\n    logoutEverywhere\n  }\n": typeof types.LogoutEverywhereDocument,
    "\n  query SettingsPage {\n    me {\n      id\n      username\n      email\n      ...ProfileForm_user\n      ...AvatarSection_user\n      ...PrivacyForm_user\n    }\n    notificationPreferences {\n      ...NotificationPreferences_preference\n    }\n    mySessions {\n      id\n      ...SessionRow_session\n    }\n  }\n": typeof types.SettingsPageDocument,
    "\n  query Shell {\n    me {\n      id\n      # For useViewerTimeZone: every page shows times in the profile's zone.\n      timeZone\n      ...ViewerBadge_user\n    }\n  }\n": typeof types.ShellDocument,
    "\n  fragment ViewerBadge_user on User {\n    id\n    displayName\n    username\n    avatarUrl\n  }\n": typeof types.ViewerBadge_UserFragmentDoc,
    "\n  query ServiceLimits {\n    limits {\n      messageMaxLength\n      uploadMaxBytes\n    }\n  }\n": typeof types.ServiceLimitsDocument,
};
const documents: Documents = {
    "\n  fragment AuthSession on AuthPayload {\n    accessToken\n    accessTokenExpiresAt\n    refreshToken\n    user {\n      id\n    }\n  }\n": types.AuthSessionFragmentDoc,
    "\n  mutation RefreshSession($refreshToken: String!) {\n    refreshSession(refreshToken: $refreshToken) {\n      ...AuthSession\n    }\n  }\n": types.RefreshSessionDocument,
    "\n  mutation Logout($refreshToken: String!) {\n    logout(refreshToken: $refreshToken)\n  }\n": types.LogoutDocument,
    "\n  fragment MessageAttachments_message on Message {\n    id\n    attachments {\n      id\n      name\n      size\n      mimeType\n      isImage\n      width\n      height\n      url\n      thumbnailUrl\n    }\n  }\n": types.MessageAttachments_MessageFragmentDoc,
    "\n  query MessageAttachmentUrls($id: ID!) {\n    message(id: $id) {\n      id\n      attachments {\n        id\n        url\n        thumbnailUrl\n      }\n    }\n  }\n": types.MessageAttachmentUrlsDocument,
    "\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n": types.RequestPasswordResetDocument,
    "\n  mutation ResetPassword($token: String!, $newPassword: String!) {\n    resetPassword(token: $token, newPassword: $newPassword)\n  }\n": types.ResetPasswordDocument,
    "\n  query ResetPasswordViewer {\n    me {\n      id\n      displayName\n      username\n    }\n  }\n": types.ResetPasswordViewerDocument,
    "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      ...AuthSession\n    }\n  }\n": types.LoginDocument,
    "\n  mutation Register($input: RegisterInput!) {\n    register(input: $input) {\n      ...AuthSession\n    }\n  }\n": types.RegisterDocument,
    "\n  fragment FriendRequestRow_request on FriendRequest {\n    id\n    createdAt\n    from {\n      id\n      displayName\n      ...PersonCard_user\n    }\n    to {\n      id\n      displayName\n      ...PersonCard_user\n    }\n  }\n": types.FriendRequestRow_RequestFragmentDoc,
    "\n  fragment ContactRow_user on User {\n    id\n    displayName\n    ...PersonCard_user\n  }\n": types.ContactRow_UserFragmentDoc,
    "\n  query ContactsPage {\n    blockedUsers {\n      id\n      ...ContactRow_user\n    }\n  }\n": types.ContactsPageDocument,
    "\n  query ContactsPageRequests($direction: FriendRequestDirection!, $first: Int!, $after: String) {\n    friendRequests(direction: $direction, first: $first, after: $after) {\n      edges {\n        node {\n          id\n          ...FriendRequestRow_request\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.ContactsPageRequestsDocument,
    "\n  query ContactsPageContacts($first: Int!, $after: String) {\n    contacts(first: $first, after: $after) {\n      edges {\n        node {\n          id\n          ...ContactRow_user\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.ContactsPageContactsDocument,
    "\n  fragment PersonCard_user on User {\n    id\n    displayName\n    username\n    avatarUrl\n  }\n": types.PersonCard_UserFragmentDoc,
    "\n  fragment SearchResult_user on User {\n    id\n    displayName\n    contactStatus\n    blockedByMe\n    ...PersonCard_user\n  }\n": types.SearchResult_UserFragmentDoc,
    "\n  query SearchPeople($query: String!) {\n    searchUsers(query: $query, first: 20) {\n      edges {\n        node {\n          id\n          ...SearchResult_user\n        }\n      }\n    }\n  }\n": types.SearchPeopleDocument,
    "\n  query SidebarContacts($query: String, $first: Int!, $after: String) {\n    contacts(query: $query, first: $first, after: $after) {\n      edges {\n        node {\n          id\n          displayName\n          username\n          avatarUrl\n          online\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.SidebarContactsDocument,
    "\n  fragment ContactListPerson_user on User {\n    id\n    displayName\n    username\n    avatarUrl\n    online\n    timeZone\n    contactStatus\n    blockedByMe\n    ...ContactRow_user\n  }\n": types.ContactListPerson_UserFragmentDoc,
    "\n  mutation SendFriendRequest($userId: ID!) {\n    sendFriendRequest(userId: $userId) {\n      request {\n        id\n        ...FriendRequestRow_request\n      }\n      user {\n        id\n        ...ContactListPerson_user\n      }\n    }\n  }\n": types.SendFriendRequestDocument,
    "\n  mutation RespondToFriendRequest($requestId: ID!, $accept: Boolean!) {\n    respondToFriendRequest(requestId: $requestId, accept: $accept) {\n      user {\n        id\n        ...ContactListPerson_user\n      }\n    }\n  }\n": types.RespondToFriendRequestDocument,
    "\n  mutation CancelFriendRequest($requestId: ID!) {\n    cancelFriendRequest(requestId: $requestId)\n  }\n": types.CancelFriendRequestDocument,
    "\n  mutation RemoveContact($userId: ID!) {\n    removeContact(userId: $userId)\n  }\n": types.RemoveContactDocument,
    "\n  mutation BlockUser($userId: ID!) {\n    blockUser(userId: $userId) {\n      id\n      contactStatus\n      blockedByMe\n    }\n  }\n": types.BlockUserDocument,
    "\n  mutation UnblockUser($userId: ID!) {\n    unblockUser(userId: $userId) {\n      id\n      contactStatus\n      blockedByMe\n    }\n  }\n": types.UnblockUserDocument,
    "\n  mutation OpenDirectRoom($userId: ID!) {\n    openDirectRoom(userId: $userId) {\n      id\n    }\n  }\n": types.OpenDirectRoomDocument,
    "\n  subscription ContactEvents {\n    myEvents {\n      __typename\n      ... on FriendRequestReceived {\n        request {\n          id\n          from {\n            id\n            contactStatus\n          }\n          ...FriendRequestRow_request\n        }\n      }\n      ... on ContactsChanged {\n        user {\n          id\n          ...ContactListPerson_user\n        }\n      }\n    }\n  }\n": types.ContactEventsDocument,
    "\n  fragment ConversationHeader_room on Room {\n    id\n    kind\n    title\n    avatarUrl\n    memberCount\n    myRole\n    peer {\n      id\n      username\n    }\n  }\n": types.ConversationHeader_RoomFragmentDoc,
    "\n  fragment MessageItem_message on Message {\n    id\n    seq\n    kind\n    body\n    createdAt\n    editedAt\n    deletedAt\n    sender {\n      id\n      displayName\n      username\n      isMe\n      avatarUrl\n    }\n    mentions {\n      id\n      username\n      isMe\n    }\n    replyTo {\n      id\n      ...ReplyQuote_message\n    }\n    attachments {\n      id\n      name\n      isImage\n    }\n  }\n": types.MessageItem_MessageFragmentDoc,
    "\n  fragment MessageSender_user on User {\n    id\n    displayName\n    avatarUrl\n  }\n": types.MessageSender_UserFragmentDoc,
    "\n  fragment ReplyQuote_message on Message {\n    id\n    body\n    deletedAt\n    sender {\n      id\n      displayName\n    }\n    attachments {\n      id\n      name\n      isImage\n    }\n  }\n": types.ReplyQuote_MessageFragmentDoc,
    "\n  fragment ConversationMessage on Message {\n    id\n    seq\n    clientId\n    kind\n    createdAt\n    sender {\n      id\n    }\n    ...MessageItem_message\n    ...LiveMessage_message\n    ...MessageAttachments_message\n  }\n": types.ConversationMessageFragmentDoc,
    "\n  query Conversation($roomId: ID!) {\n    me {\n      id\n      displayName\n      timeZone\n    }\n    room(id: $roomId) {\n      id\n      kind\n      title\n      myRole\n      peer {\n        id\n        blockedByMe\n      }\n      ...ConversationHeader_room\n      ...PeerPresence_room\n    }\n  }\n": types.ConversationDocument,
    "\n  query ConversationHistory($roomId: ID!, $last: Int!, $before: String) {\n    messages(roomId: $roomId, last: $last, before: $before) {\n      asOf\n      edges {\n        node {\n          ...ConversationMessage\n        }\n      }\n      pageInfo {\n        hasPreviousPage\n        startCursor\n      }\n    }\n  }\n": types.ConversationHistoryDocument,
    "\n  query ConversationCatchUp($roomId: ID!, $afterSeq: Int!) {\n    messagesAfter(roomId: $roomId, afterSeq: $afterSeq, limit: 100) {\n      messages {\n        ...ConversationMessage\n      }\n      hasMore\n    }\n  }\n": types.ConversationCatchUpDocument,
    "\n  subscription ConversationEvents($roomId: ID!, $afterSeq: Int, $since: DateTime) {\n    roomEvents(roomId: $roomId, afterSeq: $afterSeq, since: $since) {\n      __typename\n      ... on MessageCreated {\n        at\n        seq\n        message {\n          ...ConversationMessage\n        }\n      }\n      ... on MessageEdited {\n        at\n        message {\n          ...ConversationMessage\n        }\n      }\n      ... on MessageDeleted {\n        at\n        message {\n          ...ConversationMessage\n        }\n      }\n      ... on MemberJoined {\n        seq\n      }\n      ... on MemberLeft {\n        seq\n        user {\n          id\n        }\n      }\n      ... on MemberRoleChanged {\n        seq\n      }\n      ... on RoomRenamed {\n        seq\n      }\n      ...LiveRoomEvent\n    }\n  }\n": types.ConversationEventsDocument,
    "\n  mutation SendMessage($input: SendMessageInput!) {\n    sendMessage(input: $input) {\n      ...ConversationMessage\n    }\n  }\n": types.SendMessageDocument,
    "\n  mutation EditMessage($id: ID!, $body: String!) {\n    editMessage(id: $id, body: $body) {\n      ...ConversationMessage\n    }\n  }\n": types.EditMessageDocument,
    "\n  mutation DeleteMessage($id: ID!) {\n    deleteMessage(id: $id) {\n      ...ConversationMessage\n    }\n  }\n": types.DeleteMessageDocument,
    "\n  mutation MarkRoomRead($roomId: ID!, $seq: Int!) {\n    markRoomRead(roomId: $roomId, seq: $seq) {\n      id\n      unreadCount\n      lastReadSeq\n    }\n  }\n": types.MarkRoomReadDocument,
    "\n  query ViewerTimeZone {\n    me {\n      id\n      timeZone\n    }\n  }\n": types.ViewerTimeZoneDocument,
    "\n  fragment ReactionBar_message on Message {\n    id\n    reactions {\n      emoji\n      count\n      reactedByMe\n    }\n  }\n": types.ReactionBar_MessageFragmentDoc,
    "\n  fragment LiveMessage_message on Message {\n    id\n    seq\n    kind\n    deletedAt\n    sender {\n      id\n      isMe\n    }\n    readCount\n    readBy(first: 3) {\n      user {\n        id\n        displayName\n      }\n      readAt\n    }\n    ...ReactionBar_message\n  }\n": types.LiveMessage_MessageFragmentDoc,
    "\n  query LiveRefresh($roomId: ID!) {\n    messages(roomId: $roomId, last: 50) {\n      edges {\n        node {\n          ...LiveMessage_message\n        }\n      }\n    }\n  }\n": types.LiveRefreshDocument,
    "\n  fragment LiveRoomEvent on RoomEvent {\n    __typename\n    ... on MessageCreated {\n      message {\n        sender {\n          id\n        }\n      }\n    }\n    ... on ReadReceipt {\n      user {\n        id\n        displayName\n      }\n      seq\n      readAt\n    }\n    ... on ReadReceiptWithdrawn {\n      user {\n        id\n      }\n    }\n    ... on TypingChanged {\n      typingUsers {\n        id\n        displayName\n      }\n    }\n    ... on ReactionChanged {\n      messageId\n      reactions {\n        emoji\n        count\n        reactedByMe\n      }\n    }\n  }\n": types.LiveRoomEventFragmentDoc,
    "\n  fragment PeerPresence_room on Room {\n    id\n    kind\n    peer {\n      id\n      online\n      lastSeenAt\n    }\n  }\n": types.PeerPresence_RoomFragmentDoc,
    "\n  fragment UserPresence_user on User {\n    id\n    online\n    lastSeenAt\n  }\n": types.UserPresence_UserFragmentDoc,
    "\n  fragment PresenceEvent on MyEvent {\n    __typename\n    ... on PresenceChanged {\n      user {\n        id\n      }\n      online\n      lastSeenAt\n    }\n    ... on ContactsChanged {\n      user {\n        id\n        ...UserPresence_user\n      }\n    }\n  }\n": types.PresenceEventFragmentDoc,
    "\n  fragment UserUpdatedEvent on MyEvent {\n    __typename\n    ... on UserUpdated {\n      user {\n        id\n        displayName\n        avatarUrl\n        bio\n        timeZone\n      }\n    }\n  }\n": types.UserUpdatedEventFragmentDoc,
    "\n  fragment RoomTypingEvent on MyEvent {\n    __typename\n    ... on RoomTyping {\n      roomId\n      typingUsers {\n        id\n        displayName\n      }\n    }\n  }\n": types.RoomTypingEventFragmentDoc,
    "\n  mutation SetTyping($roomId: ID!, $typing: Boolean!) {\n    setTyping(roomId: $roomId, typing: $typing)\n  }\n": types.SetTypingDocument,
    "\n  mutation AddReaction($messageId: ID!, $emoji: String!) {\n    addReaction(messageId: $messageId, emoji: $emoji) {\n      ...ReactionBar_message\n    }\n  }\n": types.AddReactionDocument,
    "\n  mutation RemoveReaction($messageId: ID!, $emoji: String!) {\n    removeReaction(messageId: $messageId, emoji: $emoji) {\n      ...ReactionBar_message\n    }\n  }\n": types.RemoveReactionDocument,
    "\n  query MeetingInviteeSearch($query: String, $first: Int!, $after: String) {\n    contacts(query: $query, first: $first, after: $after) {\n      edges {\n        node {\n          id\n          displayName\n          username\n          timeZone\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.MeetingInviteeSearchDocument,
    "\n  fragment MeetingCard_meeting on Meeting {\n    id\n    status\n    kind\n    myRole\n    agenda\n    location\n    reviewedByMe\n    otherParticipant {\n      id\n      displayName\n    }\n    pendingReschedule {\n      startsAt\n      proposedBy {\n        id\n      }\n    }\n    ...MeetingTimes_meeting\n  }\n": types.MeetingCard_MeetingFragmentDoc,
    "\n  fragment MeetingDetails_meeting on Meeting {\n    id\n    status\n    version\n    startsAt\n    kind\n    location\n    agenda\n    meetingUrl\n    myRole\n    declineReason\n    cancelReason\n    cancelledBy {\n      id\n      displayName\n    }\n    requester {\n      id\n      displayName\n    }\n    otherParticipant {\n      id\n      displayName\n      username\n      timeZone\n    }\n    pendingReschedule {\n      startsAt\n      reason\n      proposedBy {\n        id\n        displayName\n      }\n    }\n    rejectedReschedule {\n      startsAt\n      reason\n      rejectedBy {\n        id\n        displayName\n      }\n    }\n    reviewedByMe\n    ...MeetingTimes_meeting\n    ...MeetingReviews_meeting\n  }\n": types.MeetingDetails_MeetingFragmentDoc,
    "\n  query MeetingPage($id: ID!) {\n    me {\n      id\n      timeZone\n    }\n    meeting(id: $id) {\n      id\n      ...MeetingDetails_meeting\n    }\n  }\n": types.MeetingPageDocument,
    "\n  query MeetingRequest {\n    me {\n      id\n      timeZone\n    }\n  }\n": types.MeetingRequestDocument,
    "\n  query MeetingInvitee($id: ID!) {\n    user(id: $id) {\n      id\n      displayName\n      username\n      timeZone\n      isMe\n    }\n  }\n": types.MeetingInviteeDocument,
    "\n  fragment MeetingReviews_meeting on Meeting {\n    id\n    status\n    reviewedByMe\n    otherParticipant {\n      id\n      displayName\n    }\n    reviews {\n      rating\n      comment\n      createdAt\n      reviewer {\n        id\n        displayName\n      }\n    }\n  }\n": types.MeetingReviews_MeetingFragmentDoc,
    "\n  fragment MeetingTimes_meeting on Meeting {\n    id\n    startsAt\n    endsAt\n    durationMinutes\n    otherParticipant {\n      id\n      displayName\n      timeZone\n    }\n  }\n": types.MeetingTimes_MeetingFragmentDoc,
    "\n  query MeetingsPage($first: Int!) {\n    me {\n      id\n      timeZone\n    }\n    upcoming: meetings(filter: { status: [ACCEPTED, IN_PROGRESS] }, first: $first) {\n      edges {\n        node {\n          id\n          pendingReschedule {\n            startsAt\n          }\n          ...MeetingCard_meeting\n        }\n      }\n    }\n    requested: meetings(filter: { status: [REQUESTED] }, first: $first) {\n      edges {\n        node {\n          id\n          ...MeetingCard_meeting\n        }\n      }\n    }\n  }\n": types.MeetingsPageDocument,
    "\n  query PastMeetings($first: Int!, $after: String) {\n    meetings(\n      filter: { status: [ENDED, COMPLETED, CANCELLED, DECLINED, EXPIRED] }\n      order: START_DESC\n      first: $first\n      after: $after\n    ) {\n      edges {\n        node {\n          id\n          ...MeetingCard_meeting\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.PastMeetingsDocument,
    "\n  mutation AcceptMeeting($id: ID!) {\n    acceptMeeting(id: $id) {\n      id\n      ...MeetingDetails_meeting\n      ...MeetingCard_meeting\n    }\n  }\n": types.AcceptMeetingDocument,
    "\n  mutation DeclineMeeting($id: ID!, $reason: String) {\n    declineMeeting(id: $id, reason: $reason) {\n      id\n      ...MeetingDetails_meeting\n      ...MeetingCard_meeting\n    }\n  }\n": types.DeclineMeetingDocument,
    "\n  mutation CancelMeeting($id: ID!, $reason: String) {\n    cancelMeeting(id: $id, reason: $reason) {\n      id\n      ...MeetingDetails_meeting\n      ...MeetingCard_meeting\n    }\n  }\n": types.CancelMeetingDocument,
    "\n  mutation ProposeReschedule($id: ID!, $startsAt: DateTime!, $reason: String) {\n    proposeReschedule(id: $id, startsAt: $startsAt, reason: $reason) {\n      id\n      ...MeetingDetails_meeting\n      ...MeetingCard_meeting\n    }\n  }\n": types.ProposeRescheduleDocument,
    "\n  mutation AcceptReschedule($id: ID!) {\n    acceptReschedule(id: $id) {\n      id\n      ...MeetingDetails_meeting\n      ...MeetingCard_meeting\n    }\n  }\n": types.AcceptRescheduleDocument,
    "\n  mutation RejectReschedule($id: ID!, $reason: String) {\n    rejectReschedule(id: $id, reason: $reason) {\n      id\n      ...MeetingDetails_meeting\n      ...MeetingCard_meeting\n    }\n  }\n": types.RejectRescheduleDocument,
    "\n  mutation SubmitMeetingReview($id: ID!, $rating: Int!, $comment: String) {\n    submitMeetingReview(id: $id, rating: $rating, comment: $comment) {\n      id\n      ...MeetingDetails_meeting\n      ...MeetingCard_meeting\n    }\n  }\n": types.SubmitMeetingReviewDocument,
    "\n  mutation RequestMeeting($input: RequestMeetingInput!) {\n    requestMeeting(input: $input) {\n      id\n      ...MeetingDetails_meeting\n      ...MeetingCard_meeting\n    }\n  }\n": types.RequestMeetingDocument,
    "\n  subscription MeetingEvents {\n    meetingEvents {\n      action\n      meeting {\n        id\n        ...MeetingCard_meeting\n        ...MeetingDetails_meeting\n      }\n    }\n  }\n": types.MeetingEventsDocument,
    "\n  fragment NotificationItem_notification on Notification {\n    id\n    type\n    title\n    body\n    count\n    roomId\n    meetingId\n    friendRequestId\n    updatedAt\n    readAt\n    fromUser {\n      id\n      displayName\n    }\n  }\n": types.NotificationItem_NotificationFragmentDoc,
    "\n  query NotificationsPage($first: Int!, $after: String) {\n    notifications(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          ...NotificationItem_notification\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.NotificationsPageDocument,
    "\n  mutation MarkNotificationsRead($ids: [ID!]!) {\n    markNotificationsRead(ids: $ids) {\n      ids\n      unreadCount\n    }\n  }\n": types.MarkNotificationsReadDocument,
    "\n  mutation MarkAllNotificationsRead {\n    markAllNotificationsRead {\n      ids\n      unreadCount\n    }\n  }\n": types.MarkAllNotificationsReadDocument,
    "\n  query UnreadNotificationCount {\n    unreadNotificationCount\n  }\n": types.UnreadNotificationCountDocument,
    "\n  subscription NotificationEvents {\n    notificationEvents {\n      __typename\n      ... on NotificationAdded {\n        unreadCount\n        notification {\n          id\n          ...NotificationItem_notification\n        }\n      }\n      ... on NotificationsRead {\n        ids\n        unreadCount\n      }\n    }\n  }\n": types.NotificationEventsDocument,
    "\n  query ContactPicker($query: String, $first: Int!, $after: String) {\n    contacts(query: $query, first: $first, after: $after) {\n      edges {\n        node {\n          id\n          displayName\n          username\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.ContactPickerDocument,
    "\n  fragment GroupPicture_room on Room {\n    id\n    title\n    avatarUrl\n  }\n": types.GroupPicture_RoomFragmentDoc,
    "\n  mutation UpdateGroupPicture($roomId: ID!, $avatarId: ID) {\n    updateRoom(roomId: $roomId, input: { avatarId: $avatarId }) {\n      id\n      avatarUrl\n      ...GroupPicture_room\n    }\n  }\n": types.UpdateGroupPictureDocument,
    "\n  query GroupSettings($roomId: ID!) {\n    room(id: $roomId) {\n      id\n      lastSeq\n      ...GroupSettings_room\n      ...GroupPicture_room\n    }\n  }\n": types.GroupSettingsDocument,
    "\n  fragment GroupSettings_room on Room {\n    id\n    kind\n    title\n    myRole\n    memberCount\n    members {\n      role\n      user {\n        id\n        displayName\n        username\n        isMe\n        avatarUrl\n      }\n    }\n  }\n": types.GroupSettings_RoomFragmentDoc,
    "\n  mutation RenameRoom($roomId: ID!, $title: String!) {\n    renameRoom(roomId: $roomId, title: $title) {\n      id\n      ...GroupSettings_room\n    }\n  }\n": types.RenameRoomDocument,
    "\n  mutation AddRoomMembers($roomId: ID!, $userIds: [ID!]!) {\n    addRoomMembers(roomId: $roomId, userIds: $userIds) {\n      id\n      ...GroupSettings_room\n    }\n  }\n": types.AddRoomMembersDocument,
    "\n  mutation RemoveRoomMember($roomId: ID!, $userId: ID!) {\n    removeRoomMember(roomId: $roomId, userId: $userId) {\n      id\n      ...GroupSettings_room\n    }\n  }\n": types.RemoveRoomMemberDocument,
    "\n  mutation SetRoomMemberRole($roomId: ID!, $userId: ID!, $role: RoomRole!) {\n    setRoomMemberRole(roomId: $roomId, userId: $userId, role: $role) {\n      id\n      ...GroupSettings_room\n    }\n  }\n": types.SetRoomMemberRoleDocument,
    "\n  mutation LeaveRoom($roomId: ID!) {\n    leaveRoom(roomId: $roomId)\n  }\n": types.LeaveRoomDocument,
    "\n  mutation CreateGroupRoom($input: CreateGroupRoomInput!) {\n    createGroupRoom(input: $input) {\n      id\n    }\n  }\n": types.CreateGroupRoomDocument,
    "\n  fragment RoomListItem_room on Room {\n    id\n    kind\n    title\n    avatarUrl\n    unreadCount\n    lastActivityAt\n    lastMessage {\n      id\n      kind\n      body\n      deletedAt\n      attachments {\n        id\n        name\n        isImage\n      }\n      sender {\n        id\n        displayName\n        isMe\n      }\n    }\n  }\n": types.RoomListItem_RoomFragmentDoc,
    "\n  query RoomList($after: String) {\n    me {\n      id\n      timeZone\n    }\n    rooms(first: 100, after: $after) {\n      asOf\n      edges {\n        node {\n          id\n          lastActivityAt\n          ...RoomListItem_room\n          ...PeerPresence_room\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.RoomListDocument,
    "\n  subscription MemberListEvents($roomId: ID!, $afterSeq: Int) {\n    roomEvents(roomId: $roomId, afterSeq: $afterSeq, reading: false) {\n      __typename\n      ... on MessageCreated {\n        message {\n          kind\n        }\n      }\n      ... on MemberLeft {\n        user {\n          id\n          isMe\n        }\n      }\n    }\n  }\n": types.MemberListEventsDocument,
    "\n  subscription RoomListEvents($since: DateTime) {\n    myEvents(since: $since) {\n      __typename\n      ... on RoomUpdated {\n        room {\n          id\n          lastActivityAt\n          lastSeq\n          lastReadSeq\n          memberCount\n          ...RoomListItem_room\n          ...ConversationHeader_room\n        }\n      }\n      ... on RoomRemoved {\n        roomId\n      }\n      ...PresenceEvent\n      ...RoomTypingEvent\n      ...UserUpdatedEvent\n    }\n  }\n": types.RoomListEventsDocument,
    "\n  fragment AvatarSection_user on User {\n    id\n    displayName\n    avatarUrl\n  }\n": types.AvatarSection_UserFragmentDoc,
    "\n  mutation UpdateAvatar($avatarId: ID) {\n    updateProfile(input: { avatarId: $avatarId }) {\n      id\n      ...AvatarSection_user\n      ...ViewerBadge_user\n    }\n  }\n": types.UpdateAvatarDocument,
    "\n  fragment NotificationPreferences_preference on NotificationPreference {\n    type\n    email\n  }\n": types.NotificationPreferences_PreferenceFragmentDoc,
    "\n  query NotificationPreferences {\n    notificationPreferences {\n      ...NotificationPreferences_preference\n    }\n  }\n": types.NotificationPreferencesDocument,
    "\n  mutation UpdateNotificationPreferences($preferences: [NotificationPreferenceInput!]!) {\n    updateNotificationPreferences(preferences: $preferences) {\n      ...NotificationPreferences_preference\n    }\n  }\n": types.UpdateNotificationPreferencesDocument,
    "\n  mutation ChangePassword($current: String!, $next: String!) {\n    changePassword(current: $current, next: $next)\n  }\n": types.ChangePasswordDocument,
    "\n  fragment PrivacyForm_user on User {\n    id\n    showOnline\n    shareReadReceipts\n  }\n": types.PrivacyForm_UserFragmentDoc,
    "\n  mutation UpdatePrivacy($input: UpdateProfileInput!) {\n    updateProfile(input: $input) {\n      id\n      ...PrivacyForm_user\n    }\n  }\n": types.UpdatePrivacyDocument,
    "\n  fragment ProfileForm_user on User {\n    id\n    displayName\n    timeZone\n    bio\n  }\n": types.ProfileForm_UserFragmentDoc,
    "\n  mutation UpdateProfile($input: UpdateProfileInput!) {\n    updateProfile(input: $input) {\n      id\n      ...ProfileForm_user\n      ...ViewerBadge_user\n    }\n  }\n": types.UpdateProfileDocument,
    "\n  fragment SessionRow_session on Session {\n    id\n    createdAt\n    lastUsedAt\n    userAgent\n    current\n  }\n": types.SessionRow_SessionFragmentDoc,
    "\n  mutation RevokeSession($sessionId: ID!) {\n    revokeSession(sessionId: $sessionId)\n  }\n": types.RevokeSessionDocument,
    "\n  mutation LogoutEverywhere {\n    logoutEverywhere\n  }\n": types.LogoutEverywhereDocument,
    "\n  query SettingsPage {\n    me {\n      id\n      username\n      email\n      ...ProfileForm_user\n      ...AvatarSection_user\n      ...PrivacyForm_user\n    }\n    notificationPreferences {\n      ...NotificationPreferences_preference\n    }\n    mySessions {\n      id\n      ...SessionRow_session\n    }\n  }\n": types.SettingsPageDocument,
    "\n  query Shell {\n    me {\n      id\n      # For useViewerTimeZone: every page shows times in the profile's zone.\n      timeZone\n      ...ViewerBadge_user\n    }\n  }\n": types.ShellDocument,
    "\n  fragment ViewerBadge_user on User {\n    id\n    displayName\n    username\n    avatarUrl\n  }\n": types.ViewerBadge_UserFragmentDoc,
    "\n  query ServiceLimits {\n    limits {\n      messageMaxLength\n      uploadMaxBytes\n    }\n  }\n": types.ServiceLimitsDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AuthSession on AuthPayload {\n    accessToken\n    accessTokenExpiresAt\n    refreshToken\n    user {\n      id\n    }\n  }\n"): (typeof documents)["\n  fragment AuthSession on AuthPayload {\n    accessToken\n    accessTokenExpiresAt\n    refreshToken\n    user {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RefreshSession($refreshToken: String!) {\n    refreshSession(refreshToken: $refreshToken) {\n      ...AuthSession\n    }\n  }\n"): (typeof documents)["\n  mutation RefreshSession($refreshToken: String!) {\n    refreshSession(refreshToken: $refreshToken) {\n      ...AuthSession\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Logout($refreshToken: String!) {\n    logout(refreshToken: $refreshToken)\n  }\n"): (typeof documents)["\n  mutation Logout($refreshToken: String!) {\n    logout(refreshToken: $refreshToken)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MessageAttachments_message on Message {\n    id\n    attachments {\n      id\n      name\n      size\n      mimeType\n      isImage\n      width\n      height\n      url\n      thumbnailUrl\n    }\n  }\n"): (typeof documents)["\n  fragment MessageAttachments_message on Message {\n    id\n    attachments {\n      id\n      name\n      size\n      mimeType\n      isImage\n      width\n      height\n      url\n      thumbnailUrl\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MessageAttachmentUrls($id: ID!) {\n    message(id: $id) {\n      id\n      attachments {\n        id\n        url\n        thumbnailUrl\n      }\n    }\n  }\n"): (typeof documents)["\n  query MessageAttachmentUrls($id: ID!) {\n    message(id: $id) {\n      id\n      attachments {\n        id\n        url\n        thumbnailUrl\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n"): (typeof documents)["\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResetPassword($token: String!, $newPassword: String!) {\n    resetPassword(token: $token, newPassword: $newPassword)\n  }\n"): (typeof documents)["\n  mutation ResetPassword($token: String!, $newPassword: String!) {\n    resetPassword(token: $token, newPassword: $newPassword)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ResetPasswordViewer {\n    me {\n      id\n      displayName\n      username\n    }\n  }\n"): (typeof documents)["\n  query ResetPasswordViewer {\n    me {\n      id\n      displayName\n      username\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      ...AuthSession\n    }\n  }\n"): (typeof documents)["\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      ...AuthSession\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Register($input: RegisterInput!) {\n    register(input: $input) {\n      ...AuthSession\n    }\n  }\n"): (typeof documents)["\n  mutation Register($input: RegisterInput!) {\n    register(input: $input) {\n      ...AuthSession\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment FriendRequestRow_request on FriendRequest {\n    id\n    createdAt\n    from {\n      id\n      displayName\n      ...PersonCard_user\n    }\n    to {\n      id\n      displayName\n      ...PersonCard_user\n    }\n  }\n"): (typeof documents)["\n  fragment FriendRequestRow_request on FriendRequest {\n    id\n    createdAt\n    from {\n      id\n      displayName\n      ...PersonCard_user\n    }\n    to {\n      id\n      displayName\n      ...PersonCard_user\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ContactRow_user on User {\n    id\n    displayName\n    ...PersonCard_user\n  }\n"): (typeof documents)["\n  fragment ContactRow_user on User {\n    id\n    displayName\n    ...PersonCard_user\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ContactsPage {\n    blockedUsers {\n      id\n      ...ContactRow_user\n    }\n  }\n"): (typeof documents)["\n  query ContactsPage {\n    blockedUsers {\n      id\n      ...ContactRow_user\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ContactsPageRequests($direction: FriendRequestDirection!, $first: Int!, $after: String) {\n    friendRequests(direction: $direction, first: $first, after: $after) {\n      edges {\n        node {\n          id\n          ...FriendRequestRow_request\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query ContactsPageRequests($direction: FriendRequestDirection!, $first: Int!, $after: String) {\n    friendRequests(direction: $direction, first: $first, after: $after) {\n      edges {\n        node {\n          id\n          ...FriendRequestRow_request\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ContactsPageContacts($first: Int!, $after: String) {\n    contacts(first: $first, after: $after) {\n      edges {\n        node {\n          id\n          ...ContactRow_user\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query ContactsPageContacts($first: Int!, $after: String) {\n    contacts(first: $first, after: $after) {\n      edges {\n        node {\n          id\n          ...ContactRow_user\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PersonCard_user on User {\n    id\n    displayName\n    username\n    avatarUrl\n  }\n"): (typeof documents)["\n  fragment PersonCard_user on User {\n    id\n    displayName\n    username\n    avatarUrl\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SearchResult_user on User {\n    id\n    displayName\n    contactStatus\n    blockedByMe\n    ...PersonCard_user\n  }\n"): (typeof documents)["\n  fragment SearchResult_user on User {\n    id\n    displayName\n    contactStatus\n    blockedByMe\n    ...PersonCard_user\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SearchPeople($query: String!) {\n    searchUsers(query: $query, first: 20) {\n      edges {\n        node {\n          id\n          ...SearchResult_user\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query SearchPeople($query: String!) {\n    searchUsers(query: $query, first: 20) {\n      edges {\n        node {\n          id\n          ...SearchResult_user\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SidebarContacts($query: String, $first: Int!, $after: String) {\n    contacts(query: $query, first: $first, after: $after) {\n      edges {\n        node {\n          id\n          displayName\n          username\n          avatarUrl\n          online\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query SidebarContacts($query: String, $first: Int!, $after: String) {\n    contacts(query: $query, first: $first, after: $after) {\n      edges {\n        node {\n          id\n          displayName\n          username\n          avatarUrl\n          online\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ContactListPerson_user on User {\n    id\n    displayName\n    username\n    avatarUrl\n    online\n    timeZone\n    contactStatus\n    blockedByMe\n    ...ContactRow_user\n  }\n"): (typeof documents)["\n  fragment ContactListPerson_user on User {\n    id\n    displayName\n    username\n    avatarUrl\n    online\n    timeZone\n    contactStatus\n    blockedByMe\n    ...ContactRow_user\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SendFriendRequest($userId: ID!) {\n    sendFriendRequest(userId: $userId) {\n      request {\n        id\n        ...FriendRequestRow_request\n      }\n      user {\n        id\n        ...ContactListPerson_user\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SendFriendRequest($userId: ID!) {\n    sendFriendRequest(userId: $userId) {\n      request {\n        id\n        ...FriendRequestRow_request\n      }\n      user {\n        id\n        ...ContactListPerson_user\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RespondToFriendRequest($requestId: ID!, $accept: Boolean!) {\n    respondToFriendRequest(requestId: $requestId, accept: $accept) {\n      user {\n        id\n        ...ContactListPerson_user\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RespondToFriendRequest($requestId: ID!, $accept: Boolean!) {\n    respondToFriendRequest(requestId: $requestId, accept: $accept) {\n      user {\n        id\n        ...ContactListPerson_user\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelFriendRequest($requestId: ID!) {\n    cancelFriendRequest(requestId: $requestId)\n  }\n"): (typeof documents)["\n  mutation CancelFriendRequest($requestId: ID!) {\n    cancelFriendRequest(requestId: $requestId)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveContact($userId: ID!) {\n    removeContact(userId: $userId)\n  }\n"): (typeof documents)["\n  mutation RemoveContact($userId: ID!) {\n    removeContact(userId: $userId)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BlockUser($userId: ID!) {\n    blockUser(userId: $userId) {\n      id\n      contactStatus\n      blockedByMe\n    }\n  }\n"): (typeof documents)["\n  mutation BlockUser($userId: ID!) {\n    blockUser(userId: $userId) {\n      id\n      contactStatus\n      blockedByMe\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UnblockUser($userId: ID!) {\n    unblockUser(userId: $userId) {\n      id\n      contactStatus\n      blockedByMe\n    }\n  }\n"): (typeof documents)["\n  mutation UnblockUser($userId: ID!) {\n    unblockUser(userId: $userId) {\n      id\n      contactStatus\n      blockedByMe\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OpenDirectRoom($userId: ID!) {\n    openDirectRoom(userId: $userId) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation OpenDirectRoom($userId: ID!) {\n    openDirectRoom(userId: $userId) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ContactEvents {\n    myEvents {\n      __typename\n      ... on FriendRequestReceived {\n        request {\n          id\n          from {\n            id\n            contactStatus\n          }\n          ...FriendRequestRow_request\n        }\n      }\n      ... on ContactsChanged {\n        user {\n          id\n          ...ContactListPerson_user\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription ContactEvents {\n    myEvents {\n      __typename\n      ... on FriendRequestReceived {\n        request {\n          id\n          from {\n            id\n            contactStatus\n          }\n          ...FriendRequestRow_request\n        }\n      }\n      ... on ContactsChanged {\n        user {\n          id\n          ...ContactListPerson_user\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ConversationHeader_room on Room {\n    id\n    kind\n    title\n    avatarUrl\n    memberCount\n    myRole\n    peer {\n      id\n      username\n    }\n  }\n"): (typeof documents)["\n  fragment ConversationHeader_room on Room {\n    id\n    kind\n    title\n    avatarUrl\n    memberCount\n    myRole\n    peer {\n      id\n      username\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MessageItem_message on Message {\n    id\n    seq\n    kind\n    body\n    createdAt\n    editedAt\n    deletedAt\n    sender {\n      id\n      displayName\n      username\n      isMe\n      avatarUrl\n    }\n    mentions {\n      id\n      username\n      isMe\n    }\n    replyTo {\n      id\n      ...ReplyQuote_message\n    }\n    attachments {\n      id\n      name\n      isImage\n    }\n  }\n"): (typeof documents)["\n  fragment MessageItem_message on Message {\n    id\n    seq\n    kind\n    body\n    createdAt\n    editedAt\n    deletedAt\n    sender {\n      id\n      displayName\n      username\n      isMe\n      avatarUrl\n    }\n    mentions {\n      id\n      username\n      isMe\n    }\n    replyTo {\n      id\n      ...ReplyQuote_message\n    }\n    attachments {\n      id\n      name\n      isImage\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MessageSender_user on User {\n    id\n    displayName\n    avatarUrl\n  }\n"): (typeof documents)["\n  fragment MessageSender_user on User {\n    id\n    displayName\n    avatarUrl\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ReplyQuote_message on Message {\n    id\n    body\n    deletedAt\n    sender {\n      id\n      displayName\n    }\n    attachments {\n      id\n      name\n      isImage\n    }\n  }\n"): (typeof documents)["\n  fragment ReplyQuote_message on Message {\n    id\n    body\n    deletedAt\n    sender {\n      id\n      displayName\n    }\n    attachments {\n      id\n      name\n      isImage\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ConversationMessage on Message {\n    id\n    seq\n    clientId\n    kind\n    createdAt\n    sender {\n      id\n    }\n    ...MessageItem_message\n    ...LiveMessage_message\n    ...MessageAttachments_message\n  }\n"): (typeof documents)["\n  fragment ConversationMessage on Message {\n    id\n    seq\n    clientId\n    kind\n    createdAt\n    sender {\n      id\n    }\n    ...MessageItem_message\n    ...LiveMessage_message\n    ...MessageAttachments_message\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Conversation($roomId: ID!) {\n    me {\n      id\n      displayName\n      timeZone\n    }\n    room(id: $roomId) {\n      id\n      kind\n      title\n      myRole\n      peer {\n        id\n        blockedByMe\n      }\n      ...ConversationHeader_room\n      ...PeerPresence_room\n    }\n  }\n"): (typeof documents)["\n  query Conversation($roomId: ID!) {\n    me {\n      id\n      displayName\n      timeZone\n    }\n    room(id: $roomId) {\n      id\n      kind\n      title\n      myRole\n      peer {\n        id\n        blockedByMe\n      }\n      ...ConversationHeader_room\n      ...PeerPresence_room\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConversationHistory($roomId: ID!, $last: Int!, $before: String) {\n    messages(roomId: $roomId, last: $last, before: $before) {\n      asOf\n      edges {\n        node {\n          ...ConversationMessage\n        }\n      }\n      pageInfo {\n        hasPreviousPage\n        startCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query ConversationHistory($roomId: ID!, $last: Int!, $before: String) {\n    messages(roomId: $roomId, last: $last, before: $before) {\n      asOf\n      edges {\n        node {\n          ...ConversationMessage\n        }\n      }\n      pageInfo {\n        hasPreviousPage\n        startCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConversationCatchUp($roomId: ID!, $afterSeq: Int!) {\n    messagesAfter(roomId: $roomId, afterSeq: $afterSeq, limit: 100) {\n      messages {\n        ...ConversationMessage\n      }\n      hasMore\n    }\n  }\n"): (typeof documents)["\n  query ConversationCatchUp($roomId: ID!, $afterSeq: Int!) {\n    messagesAfter(roomId: $roomId, afterSeq: $afterSeq, limit: 100) {\n      messages {\n        ...ConversationMessage\n      }\n      hasMore\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ConversationEvents($roomId: ID!, $afterSeq: Int, $since: DateTime) {\n    roomEvents(roomId: $roomId, afterSeq: $afterSeq, since: $since) {\n      __typename\n      ... on MessageCreated {\n        at\n        seq\n        message {\n          ...ConversationMessage\n        }\n      }\n      ... on MessageEdited {\n        at\n        message {\n          ...ConversationMessage\n        }\n      }\n      ... on MessageDeleted {\n        at\n        message {\n          ...ConversationMessage\n        }\n      }\n      ... on MemberJoined {\n        seq\n      }\n      ... on MemberLeft {\n        seq\n        user {\n          id\n        }\n      }\n      ... on MemberRoleChanged {\n        seq\n      }\n      ... on RoomRenamed {\n        seq\n      }\n      ...LiveRoomEvent\n    }\n  }\n"): (typeof documents)["\n  subscription ConversationEvents($roomId: ID!, $afterSeq: Int, $since: DateTime) {\n    roomEvents(roomId: $roomId, afterSeq: $afterSeq, since: $since) {\n      __typename\n      ... on MessageCreated {\n        at\n        seq\n        message {\n          ...ConversationMessage\n        }\n      }\n      ... on MessageEdited {\n        at\n        message {\n          ...ConversationMessage\n        }\n      }\n      ... on MessageDeleted {\n        at\n        message {\n          ...ConversationMessage\n        }\n      }\n      ... on MemberJoined {\n        seq\n      }\n      ... on MemberLeft {\n        seq\n        user {\n          id\n        }\n      }\n      ... on MemberRoleChanged {\n        seq\n      }\n      ... on RoomRenamed {\n        seq\n      }\n      ...LiveRoomEvent\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SendMessage($input: SendMessageInput!) {\n    sendMessage(input: $input) {\n      ...ConversationMessage\n    }\n  }\n"): (typeof documents)["\n  mutation SendMessage($input: SendMessageInput!) {\n    sendMessage(input: $input) {\n      ...ConversationMessage\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EditMessage($id: ID!, $body: String!) {\n    editMessage(id: $id, body: $body) {\n      ...ConversationMessage\n    }\n  }\n"): (typeof documents)["\n  mutation EditMessage($id: ID!, $body: String!) {\n    editMessage(id: $id, body: $body) {\n      ...ConversationMessage\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteMessage($id: ID!) {\n    deleteMessage(id: $id) {\n      ...ConversationMessage\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteMessage($id: ID!) {\n    deleteMessage(id: $id) {\n      ...ConversationMessage\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkRoomRead($roomId: ID!, $seq: Int!) {\n    markRoomRead(roomId: $roomId, seq: $seq) {\n      id\n      unreadCount\n      lastReadSeq\n    }\n  }\n"): (typeof documents)["\n  mutation MarkRoomRead($roomId: ID!, $seq: Int!) {\n    markRoomRead(roomId: $roomId, seq: $seq) {\n      id\n      unreadCount\n      lastReadSeq\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ViewerTimeZone {\n    me {\n      id\n      timeZone\n    }\n  }\n"): (typeof documents)["\n  query ViewerTimeZone {\n    me {\n      id\n      timeZone\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ReactionBar_message on Message {\n    id\n    reactions {\n      emoji\n      count\n      reactedByMe\n    }\n  }\n"): (typeof documents)["\n  fragment ReactionBar_message on Message {\n    id\n    reactions {\n      emoji\n      count\n      reactedByMe\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment LiveMessage_message on Message {\n    id\n    seq\n    kind\n    deletedAt\n    sender {\n      id\n      isMe\n    }\n    readCount\n    readBy(first: 3) {\n      user {\n        id\n        displayName\n      }\n      readAt\n    }\n    ...ReactionBar_message\n  }\n"): (typeof documents)["\n  fragment LiveMessage_message on Message {\n    id\n    seq\n    kind\n    deletedAt\n    sender {\n      id\n      isMe\n    }\n    readCount\n    readBy(first: 3) {\n      user {\n        id\n        displayName\n      }\n      readAt\n    }\n    ...ReactionBar_message\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LiveRefresh($roomId: ID!) {\n    messages(roomId: $roomId, last: 50) {\n      edges {\n        node {\n          ...LiveMessage_message\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query LiveRefresh($roomId: ID!) {\n    messages(roomId: $roomId, last: 50) {\n      edges {\n        node {\n          ...LiveMessage_message\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment LiveRoomEvent on RoomEvent {\n    __typename\n    ... on MessageCreated {\n      message {\n        sender {\n          id\n        }\n      }\n    }\n    ... on ReadReceipt {\n      user {\n        id\n        displayName\n      }\n      seq\n      readAt\n    }\n    ... on ReadReceiptWithdrawn {\n      user {\n        id\n      }\n    }\n    ... on TypingChanged {\n      typingUsers {\n        id\n        displayName\n      }\n    }\n    ... on ReactionChanged {\n      messageId\n      reactions {\n        emoji\n        count\n        reactedByMe\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment LiveRoomEvent on RoomEvent {\n    __typename\n    ... on MessageCreated {\n      message {\n        sender {\n          id\n        }\n      }\n    }\n    ... on ReadReceipt {\n      user {\n        id\n        displayName\n      }\n      seq\n      readAt\n    }\n    ... on ReadReceiptWithdrawn {\n      user {\n        id\n      }\n    }\n    ... on TypingChanged {\n      typingUsers {\n        id\n        displayName\n      }\n    }\n    ... on ReactionChanged {\n      messageId\n      reactions {\n        emoji\n        count\n        reactedByMe\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PeerPresence_room on Room {\n    id\n    kind\n    peer {\n      id\n      online\n      lastSeenAt\n    }\n  }\n"): (typeof documents)["\n  fragment PeerPresence_room on Room {\n    id\n    kind\n    peer {\n      id\n      online\n      lastSeenAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment UserPresence_user on User {\n    id\n    online\n    lastSeenAt\n  }\n"): (typeof documents)["\n  fragment UserPresence_user on User {\n    id\n    online\n    lastSeenAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PresenceEvent on MyEvent {\n    __typename\n    ... on PresenceChanged {\n      user {\n        id\n      }\n      online\n      lastSeenAt\n    }\n    ... on ContactsChanged {\n      user {\n        id\n        ...UserPresence_user\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment PresenceEvent on MyEvent {\n    __typename\n    ... on PresenceChanged {\n      user {\n        id\n      }\n      online\n      lastSeenAt\n    }\n    ... on ContactsChanged {\n      user {\n        id\n        ...UserPresence_user\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment UserUpdatedEvent on MyEvent {\n    __typename\n    ... on UserUpdated {\n      user {\n        id\n        displayName\n        avatarUrl\n        bio\n        timeZone\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment UserUpdatedEvent on MyEvent {\n    __typename\n    ... on UserUpdated {\n      user {\n        id\n        displayName\n        avatarUrl\n        bio\n        timeZone\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RoomTypingEvent on MyEvent {\n    __typename\n    ... on RoomTyping {\n      roomId\n      typingUsers {\n        id\n        displayName\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment RoomTypingEvent on MyEvent {\n    __typename\n    ... on RoomTyping {\n      roomId\n      typingUsers {\n        id\n        displayName\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetTyping($roomId: ID!, $typing: Boolean!) {\n    setTyping(roomId: $roomId, typing: $typing)\n  }\n"): (typeof documents)["\n  mutation SetTyping($roomId: ID!, $typing: Boolean!) {\n    setTyping(roomId: $roomId, typing: $typing)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddReaction($messageId: ID!, $emoji: String!) {\n    addReaction(messageId: $messageId, emoji: $emoji) {\n      ...ReactionBar_message\n    }\n  }\n"): (typeof documents)["\n  mutation AddReaction($messageId: ID!, $emoji: String!) {\n    addReaction(messageId: $messageId, emoji: $emoji) {\n      ...ReactionBar_message\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveReaction($messageId: ID!, $emoji: String!) {\n    removeReaction(messageId: $messageId, emoji: $emoji) {\n      ...ReactionBar_message\n    }\n  }\n"): (typeof documents)["\n  mutation RemoveReaction($messageId: ID!, $emoji: String!) {\n    removeReaction(messageId: $messageId, emoji: $emoji) {\n      ...ReactionBar_message\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MeetingInviteeSearch($query: String, $first: Int!, $after: String) {\n    contacts(query: $query, first: $first, after: $after) {\n      edges {\n        node {\n          id\n          displayName\n          username\n          timeZone\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query MeetingInviteeSearch($query: String, $first: Int!, $after: String) {\n    contacts(query: $query, first: $first, after: $after) {\n      edges {\n        node {\n          id\n          displayName\n          username\n          timeZone\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MeetingCard_meeting on Meeting {\n    id\n    status\n    kind\n    myRole\n    agenda\n    location\n    reviewedByMe\n    otherParticipant {\n      id\n      displayName\n    }\n    pendingReschedule {\n      startsAt\n      proposedBy {\n        id\n      }\n    }\n    ...MeetingTimes_meeting\n  }\n"): (typeof documents)["\n  fragment MeetingCard_meeting on Meeting {\n    id\n    status\n    kind\n    myRole\n    agenda\n    location\n    reviewedByMe\n    otherParticipant {\n      id\n      displayName\n    }\n    pendingReschedule {\n      startsAt\n      proposedBy {\n        id\n      }\n    }\n    ...MeetingTimes_meeting\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MeetingDetails_meeting on Meeting {\n    id\n    status\n    version\n    startsAt\n    kind\n    location\n    agenda\n    meetingUrl\n    myRole\n    declineReason\n    cancelReason\n    cancelledBy {\n      id\n      displayName\n    }\n    requester {\n      id\n      displayName\n    }\n    otherParticipant {\n      id\n      displayName\n      username\n      timeZone\n    }\n    pendingReschedule {\n      startsAt\n      reason\n      proposedBy {\n        id\n        displayName\n      }\n    }\n    rejectedReschedule {\n      startsAt\n      reason\n      rejectedBy {\n        id\n        displayName\n      }\n    }\n    reviewedByMe\n    ...MeetingTimes_meeting\n    ...MeetingReviews_meeting\n  }\n"): (typeof documents)["\n  fragment MeetingDetails_meeting on Meeting {\n    id\n    status\n    version\n    startsAt\n    kind\n    location\n    agenda\n    meetingUrl\n    myRole\n    declineReason\n    cancelReason\n    cancelledBy {\n      id\n      displayName\n    }\n    requester {\n      id\n      displayName\n    }\n    otherParticipant {\n      id\n      displayName\n      username\n      timeZone\n    }\n    pendingReschedule {\n      startsAt\n      reason\n      proposedBy {\n        id\n        displayName\n      }\n    }\n    rejectedReschedule {\n      startsAt\n      reason\n      rejectedBy {\n        id\n        displayName\n      }\n    }\n    reviewedByMe\n    ...MeetingTimes_meeting\n    ...MeetingReviews_meeting\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MeetingPage($id: ID!) {\n    me {\n      id\n      timeZone\n    }\n    meeting(id: $id) {\n      id\n      ...MeetingDetails_meeting\n    }\n  }\n"): (typeof documents)["\n  query MeetingPage($id: ID!) {\n    me {\n      id\n      timeZone\n    }\n    meeting(id: $id) {\n      id\n      ...MeetingDetails_meeting\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MeetingRequest {\n    me {\n      id\n      timeZone\n    }\n  }\n"): (typeof documents)["\n  query MeetingRequest {\n    me {\n      id\n      timeZone\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MeetingInvitee($id: ID!) {\n    user(id: $id) {\n      id\n      displayName\n      username\n      timeZone\n      isMe\n    }\n  }\n"): (typeof documents)["\n  query MeetingInvitee($id: ID!) {\n    user(id: $id) {\n      id\n      displayName\n      username\n      timeZone\n      isMe\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MeetingReviews_meeting on Meeting {\n    id\n    status\n    reviewedByMe\n    otherParticipant {\n      id\n      displayName\n    }\n    reviews {\n      rating\n      comment\n      createdAt\n      reviewer {\n        id\n        displayName\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment MeetingReviews_meeting on Meeting {\n    id\n    status\n    reviewedByMe\n    otherParticipant {\n      id\n      displayName\n    }\n    reviews {\n      rating\n      comment\n      createdAt\n      reviewer {\n        id\n        displayName\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MeetingTimes_meeting on Meeting {\n    id\n    startsAt\n    endsAt\n    durationMinutes\n    otherParticipant {\n      id\n      displayName\n      timeZone\n    }\n  }\n"): (typeof documents)["\n  fragment MeetingTimes_meeting on Meeting {\n    id\n    startsAt\n    endsAt\n    durationMinutes\n    otherParticipant {\n      id\n      displayName\n      timeZone\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MeetingsPage($first: Int!) {\n    me {\n      id\n      timeZone\n    }\n    upcoming: meetings(filter: { status: [ACCEPTED, IN_PROGRESS] }, first: $first) {\n      edges {\n        node {\n          id\n          pendingReschedule {\n            startsAt\n          }\n          ...MeetingCard_meeting\n        }\n      }\n    }\n    requested: meetings(filter: { status: [REQUESTED] }, first: $first) {\n      edges {\n        node {\n          id\n          ...MeetingCard_meeting\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query MeetingsPage($first: Int!) {\n    me {\n      id\n      timeZone\n    }\n    upcoming: meetings(filter: { status: [ACCEPTED, IN_PROGRESS] }, first: $first) {\n      edges {\n        node {\n          id\n          pendingReschedule {\n            startsAt\n          }\n          ...MeetingCard_meeting\n        }\n      }\n    }\n    requested: meetings(filter: { status: [REQUESTED] }, first: $first) {\n      edges {\n        node {\n          id\n          ...MeetingCard_meeting\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PastMeetings($first: Int!, $after: String) {\n    meetings(\n      filter: { status: [ENDED, COMPLETED, CANCELLED, DECLINED, EXPIRED] }\n      order: START_DESC\n      first: $first\n      after: $after\n    ) {\n      edges {\n        node {\n          id\n          ...MeetingCard_meeting\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query PastMeetings($first: Int!, $after: String) {\n    meetings(\n      filter: { status: [ENDED, COMPLETED, CANCELLED, DECLINED, EXPIRED] }\n      order: START_DESC\n      first: $first\n      after: $after\n    ) {\n      edges {\n        node {\n          id\n          ...MeetingCard_meeting\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptMeeting($id: ID!) {\n    acceptMeeting(id: $id) {\n      id\n      ...MeetingDetails_meeting\n      ...MeetingCard_meeting\n    }\n  }\n"): (typeof documents)["\n  mutation AcceptMeeting($id: ID!) {\n    acceptMeeting(id: $id) {\n      id\n      ...MeetingDetails_meeting\n      ...MeetingCard_meeting\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeclineMeeting($id: ID!, $reason: String) {\n    declineMeeting(id: $id, reason: $reason) {\n      id\n      ...MeetingDetails_meeting\n      ...MeetingCard_meeting\n    }\n  }\n"): (typeof documents)["\n  mutation DeclineMeeting($id: ID!, $reason: String) {\n    declineMeeting(id: $id, reason: $reason) {\n      id\n      ...MeetingDetails_meeting\n      ...MeetingCard_meeting\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelMeeting($id: ID!, $reason: String) {\n    cancelMeeting(id: $id, reason: $reason) {\n      id\n      ...MeetingDetails_meeting\n      ...MeetingCard_meeting\n    }\n  }\n"): (typeof documents)["\n  mutation CancelMeeting($id: ID!, $reason: String) {\n    cancelMeeting(id: $id, reason: $reason) {\n      id\n      ...MeetingDetails_meeting\n      ...MeetingCard_meeting\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ProposeReschedule($id: ID!, $startsAt: DateTime!, $reason: String) {\n    proposeReschedule(id: $id, startsAt: $startsAt, reason: $reason) {\n      id\n      ...MeetingDetails_meeting\n      ...MeetingCard_meeting\n    }\n  }\n"): (typeof documents)["\n  mutation ProposeReschedule($id: ID!, $startsAt: DateTime!, $reason: String) {\n    proposeReschedule(id: $id, startsAt: $startsAt, reason: $reason) {\n      id\n      ...MeetingDetails_meeting\n      ...MeetingCard_meeting\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptReschedule($id: ID!) {\n    acceptReschedule(id: $id) {\n      id\n      ...MeetingDetails_meeting\n      ...MeetingCard_meeting\n    }\n  }\n"): (typeof documents)["\n  mutation AcceptReschedule($id: ID!) {\n    acceptReschedule(id: $id) {\n      id\n      ...MeetingDetails_meeting\n      ...MeetingCard_meeting\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RejectReschedule($id: ID!, $reason: String) {\n    rejectReschedule(id: $id, reason: $reason) {\n      id\n      ...MeetingDetails_meeting\n      ...MeetingCard_meeting\n    }\n  }\n"): (typeof documents)["\n  mutation RejectReschedule($id: ID!, $reason: String) {\n    rejectReschedule(id: $id, reason: $reason) {\n      id\n      ...MeetingDetails_meeting\n      ...MeetingCard_meeting\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubmitMeetingReview($id: ID!, $rating: Int!, $comment: String) {\n    submitMeetingReview(id: $id, rating: $rating, comment: $comment) {\n      id\n      ...MeetingDetails_meeting\n      ...MeetingCard_meeting\n    }\n  }\n"): (typeof documents)["\n  mutation SubmitMeetingReview($id: ID!, $rating: Int!, $comment: String) {\n    submitMeetingReview(id: $id, rating: $rating, comment: $comment) {\n      id\n      ...MeetingDetails_meeting\n      ...MeetingCard_meeting\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestMeeting($input: RequestMeetingInput!) {\n    requestMeeting(input: $input) {\n      id\n      ...MeetingDetails_meeting\n      ...MeetingCard_meeting\n    }\n  }\n"): (typeof documents)["\n  mutation RequestMeeting($input: RequestMeetingInput!) {\n    requestMeeting(input: $input) {\n      id\n      ...MeetingDetails_meeting\n      ...MeetingCard_meeting\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription MeetingEvents {\n    meetingEvents {\n      action\n      meeting {\n        id\n        ...MeetingCard_meeting\n        ...MeetingDetails_meeting\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription MeetingEvents {\n    meetingEvents {\n      action\n      meeting {\n        id\n        ...MeetingCard_meeting\n        ...MeetingDetails_meeting\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment NotificationItem_notification on Notification {\n    id\n    type\n    title\n    body\n    count\n    roomId\n    meetingId\n    friendRequestId\n    updatedAt\n    readAt\n    fromUser {\n      id\n      displayName\n    }\n  }\n"): (typeof documents)["\n  fragment NotificationItem_notification on Notification {\n    id\n    type\n    title\n    body\n    count\n    roomId\n    meetingId\n    friendRequestId\n    updatedAt\n    readAt\n    fromUser {\n      id\n      displayName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NotificationsPage($first: Int!, $after: String) {\n    notifications(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          ...NotificationItem_notification\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query NotificationsPage($first: Int!, $after: String) {\n    notifications(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          ...NotificationItem_notification\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkNotificationsRead($ids: [ID!]!) {\n    markNotificationsRead(ids: $ids) {\n      ids\n      unreadCount\n    }\n  }\n"): (typeof documents)["\n  mutation MarkNotificationsRead($ids: [ID!]!) {\n    markNotificationsRead(ids: $ids) {\n      ids\n      unreadCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkAllNotificationsRead {\n    markAllNotificationsRead {\n      ids\n      unreadCount\n    }\n  }\n"): (typeof documents)["\n  mutation MarkAllNotificationsRead {\n    markAllNotificationsRead {\n      ids\n      unreadCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UnreadNotificationCount {\n    unreadNotificationCount\n  }\n"): (typeof documents)["\n  query UnreadNotificationCount {\n    unreadNotificationCount\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription NotificationEvents {\n    notificationEvents {\n      __typename\n      ... on NotificationAdded {\n        unreadCount\n        notification {\n          id\n          ...NotificationItem_notification\n        }\n      }\n      ... on NotificationsRead {\n        ids\n        unreadCount\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription NotificationEvents {\n    notificationEvents {\n      __typename\n      ... on NotificationAdded {\n        unreadCount\n        notification {\n          id\n          ...NotificationItem_notification\n        }\n      }\n      ... on NotificationsRead {\n        ids\n        unreadCount\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ContactPicker($query: String, $first: Int!, $after: String) {\n    contacts(query: $query, first: $first, after: $after) {\n      edges {\n        node {\n          id\n          displayName\n          username\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query ContactPicker($query: String, $first: Int!, $after: String) {\n    contacts(query: $query, first: $first, after: $after) {\n      edges {\n        node {\n          id\n          displayName\n          username\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment GroupPicture_room on Room {\n    id\n    title\n    avatarUrl\n  }\n"): (typeof documents)["\n  fragment GroupPicture_room on Room {\n    id\n    title\n    avatarUrl\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateGroupPicture($roomId: ID!, $avatarId: ID) {\n    updateRoom(roomId: $roomId, input: { avatarId: $avatarId }) {\n      id\n      avatarUrl\n      ...GroupPicture_room\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateGroupPicture($roomId: ID!, $avatarId: ID) {\n    updateRoom(roomId: $roomId, input: { avatarId: $avatarId }) {\n      id\n      avatarUrl\n      ...GroupPicture_room\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GroupSettings($roomId: ID!) {\n    room(id: $roomId) {\n      id\n      lastSeq\n      ...GroupSettings_room\n      ...GroupPicture_room\n    }\n  }\n"): (typeof documents)["\n  query GroupSettings($roomId: ID!) {\n    room(id: $roomId) {\n      id\n      lastSeq\n      ...GroupSettings_room\n      ...GroupPicture_room\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment GroupSettings_room on Room {\n    id\n    kind\n    title\n    myRole\n    memberCount\n    members {\n      role\n      user {\n        id\n        displayName\n        username\n        isMe\n        avatarUrl\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment GroupSettings_room on Room {\n    id\n    kind\n    title\n    myRole\n    memberCount\n    members {\n      role\n      user {\n        id\n        displayName\n        username\n        isMe\n        avatarUrl\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RenameRoom($roomId: ID!, $title: String!) {\n    renameRoom(roomId: $roomId, title: $title) {\n      id\n      ...GroupSettings_room\n    }\n  }\n"): (typeof documents)["\n  mutation RenameRoom($roomId: ID!, $title: String!) {\n    renameRoom(roomId: $roomId, title: $title) {\n      id\n      ...GroupSettings_room\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddRoomMembers($roomId: ID!, $userIds: [ID!]!) {\n    addRoomMembers(roomId: $roomId, userIds: $userIds) {\n      id\n      ...GroupSettings_room\n    }\n  }\n"): (typeof documents)["\n  mutation AddRoomMembers($roomId: ID!, $userIds: [ID!]!) {\n    addRoomMembers(roomId: $roomId, userIds: $userIds) {\n      id\n      ...GroupSettings_room\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveRoomMember($roomId: ID!, $userId: ID!) {\n    removeRoomMember(roomId: $roomId, userId: $userId) {\n      id\n      ...GroupSettings_room\n    }\n  }\n"): (typeof documents)["\n  mutation RemoveRoomMember($roomId: ID!, $userId: ID!) {\n    removeRoomMember(roomId: $roomId, userId: $userId) {\n      id\n      ...GroupSettings_room\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetRoomMemberRole($roomId: ID!, $userId: ID!, $role: RoomRole!) {\n    setRoomMemberRole(roomId: $roomId, userId: $userId, role: $role) {\n      id\n      ...GroupSettings_room\n    }\n  }\n"): (typeof documents)["\n  mutation SetRoomMemberRole($roomId: ID!, $userId: ID!, $role: RoomRole!) {\n    setRoomMemberRole(roomId: $roomId, userId: $userId, role: $role) {\n      id\n      ...GroupSettings_room\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LeaveRoom($roomId: ID!) {\n    leaveRoom(roomId: $roomId)\n  }\n"): (typeof documents)["\n  mutation LeaveRoom($roomId: ID!) {\n    leaveRoom(roomId: $roomId)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateGroupRoom($input: CreateGroupRoomInput!) {\n    createGroupRoom(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation CreateGroupRoom($input: CreateGroupRoomInput!) {\n    createGroupRoom(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RoomListItem_room on Room {\n    id\n    kind\n    title\n    avatarUrl\n    unreadCount\n    lastActivityAt\n    lastMessage {\n      id\n      kind\n      body\n      deletedAt\n      attachments {\n        id\n        name\n        isImage\n      }\n      sender {\n        id\n        displayName\n        isMe\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment RoomListItem_room on Room {\n    id\n    kind\n    title\n    avatarUrl\n    unreadCount\n    lastActivityAt\n    lastMessage {\n      id\n      kind\n      body\n      deletedAt\n      attachments {\n        id\n        name\n        isImage\n      }\n      sender {\n        id\n        displayName\n        isMe\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RoomList($after: String) {\n    me {\n      id\n      timeZone\n    }\n    rooms(first: 100, after: $after) {\n      asOf\n      edges {\n        node {\n          id\n          lastActivityAt\n          ...RoomListItem_room\n          ...PeerPresence_room\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query RoomList($after: String) {\n    me {\n      id\n      timeZone\n    }\n    rooms(first: 100, after: $after) {\n      asOf\n      edges {\n        node {\n          id\n          lastActivityAt\n          ...RoomListItem_room\n          ...PeerPresence_room\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription MemberListEvents($roomId: ID!, $afterSeq: Int) {\n    roomEvents(roomId: $roomId, afterSeq: $afterSeq, reading: false) {\n      __typename\n      ... on MessageCreated {\n        message {\n          kind\n        }\n      }\n      ... on MemberLeft {\n        user {\n          id\n          isMe\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription MemberListEvents($roomId: ID!, $afterSeq: Int) {\n    roomEvents(roomId: $roomId, afterSeq: $afterSeq, reading: false) {\n      __typename\n      ... on MessageCreated {\n        message {\n          kind\n        }\n      }\n      ... on MemberLeft {\n        user {\n          id\n          isMe\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription RoomListEvents($since: DateTime) {\n    myEvents(since: $since) {\n      __typename\n      ... on RoomUpdated {\n        room {\n          id\n          lastActivityAt\n          lastSeq\n          lastReadSeq\n          memberCount\n          ...RoomListItem_room\n          ...ConversationHeader_room\n        }\n      }\n      ... on RoomRemoved {\n        roomId\n      }\n      ...PresenceEvent\n      ...RoomTypingEvent\n      ...UserUpdatedEvent\n    }\n  }\n"): (typeof documents)["\n  subscription RoomListEvents($since: DateTime) {\n    myEvents(since: $since) {\n      __typename\n      ... on RoomUpdated {\n        room {\n          id\n          lastActivityAt\n          lastSeq\n          lastReadSeq\n          memberCount\n          ...RoomListItem_room\n          ...ConversationHeader_room\n        }\n      }\n      ... on RoomRemoved {\n        roomId\n      }\n      ...PresenceEvent\n      ...RoomTypingEvent\n      ...UserUpdatedEvent\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AvatarSection_user on User {\n    id\n    displayName\n    avatarUrl\n  }\n"): (typeof documents)["\n  fragment AvatarSection_user on User {\n    id\n    displayName\n    avatarUrl\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateAvatar($avatarId: ID) {\n    updateProfile(input: { avatarId: $avatarId }) {\n      id\n      ...AvatarSection_user\n      ...ViewerBadge_user\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateAvatar($avatarId: ID) {\n    updateProfile(input: { avatarId: $avatarId }) {\n      id\n      ...AvatarSection_user\n      ...ViewerBadge_user\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment NotificationPreferences_preference on NotificationPreference {\n    type\n    email\n  }\n"): (typeof documents)["\n  fragment NotificationPreferences_preference on NotificationPreference {\n    type\n    email\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NotificationPreferences {\n    notificationPreferences {\n      ...NotificationPreferences_preference\n    }\n  }\n"): (typeof documents)["\n  query NotificationPreferences {\n    notificationPreferences {\n      ...NotificationPreferences_preference\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateNotificationPreferences($preferences: [NotificationPreferenceInput!]!) {\n    updateNotificationPreferences(preferences: $preferences) {\n      ...NotificationPreferences_preference\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateNotificationPreferences($preferences: [NotificationPreferenceInput!]!) {\n    updateNotificationPreferences(preferences: $preferences) {\n      ...NotificationPreferences_preference\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangePassword($current: String!, $next: String!) {\n    changePassword(current: $current, next: $next)\n  }\n"): (typeof documents)["\n  mutation ChangePassword($current: String!, $next: String!) {\n    changePassword(current: $current, next: $next)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PrivacyForm_user on User {\n    id\n    showOnline\n    shareReadReceipts\n  }\n"): (typeof documents)["\n  fragment PrivacyForm_user on User {\n    id\n    showOnline\n    shareReadReceipts\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdatePrivacy($input: UpdateProfileInput!) {\n    updateProfile(input: $input) {\n      id\n      ...PrivacyForm_user\n    }\n  }\n"): (typeof documents)["\n  mutation UpdatePrivacy($input: UpdateProfileInput!) {\n    updateProfile(input: $input) {\n      id\n      ...PrivacyForm_user\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ProfileForm_user on User {\n    id\n    displayName\n    timeZone\n    bio\n  }\n"): (typeof documents)["\n  fragment ProfileForm_user on User {\n    id\n    displayName\n    timeZone\n    bio\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateProfile($input: UpdateProfileInput!) {\n    updateProfile(input: $input) {\n      id\n      ...ProfileForm_user\n      ...ViewerBadge_user\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateProfile($input: UpdateProfileInput!) {\n    updateProfile(input: $input) {\n      id\n      ...ProfileForm_user\n      ...ViewerBadge_user\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SessionRow_session on Session {\n    id\n    createdAt\n    lastUsedAt\n    userAgent\n    current\n  }\n"): (typeof documents)["\n  fragment SessionRow_session on Session {\n    id\n    createdAt\n    lastUsedAt\n    userAgent\n    current\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeSession($sessionId: ID!) {\n    revokeSession(sessionId: $sessionId)\n  }\n"): (typeof documents)["\n  mutation RevokeSession($sessionId: ID!) {\n    revokeSession(sessionId: $sessionId)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LogoutEverywhere {\n    logoutEverywhere\n  }\n"): (typeof documents)["\n  mutation LogoutEverywhere {\n    logoutEverywhere\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SettingsPage {\n    me {\n      id\n      username\n      email\n      ...ProfileForm_user\n      ...AvatarSection_user\n      ...PrivacyForm_user\n    }\n    notificationPreferences {\n      ...NotificationPreferences_preference\n    }\n    mySessions {\n      id\n      ...SessionRow_session\n    }\n  }\n"): (typeof documents)["\n  query SettingsPage {\n    me {\n      id\n      username\n      email\n      ...ProfileForm_user\n      ...AvatarSection_user\n      ...PrivacyForm_user\n    }\n    notificationPreferences {\n      ...NotificationPreferences_preference\n    }\n    mySessions {\n      id\n      ...SessionRow_session\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Shell {\n    me {\n      id\n      # For useViewerTimeZone: every page shows times in the profile's zone.\n      timeZone\n      ...ViewerBadge_user\n    }\n  }\n"): (typeof documents)["\n  query Shell {\n    me {\n      id\n      # For useViewerTimeZone: every page shows times in the profile's zone.\n      timeZone\n      ...ViewerBadge_user\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ViewerBadge_user on User {\n    id\n    displayName\n    username\n    avatarUrl\n  }\n"): (typeof documents)["\n  fragment ViewerBadge_user on User {\n    id\n    displayName\n    username\n    avatarUrl\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ServiceLimits {\n    limits {\n      messageMaxLength\n      uploadMaxBytes\n    }\n  }\n"): (typeof documents)["\n  query ServiceLimits {\n    limits {\n      messageMaxLength\n      uploadMaxBytes\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;