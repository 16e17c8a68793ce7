
      export type PossibleTypesResultData = {
  "possibleTypes": {
    "MyEvent": [
      "ContactsChanged",
      "FriendRequestReceived",
      "PresenceChanged",
      "RoomRemoved",
      "RoomTyping",
      "RoomUpdated",
      "StreamResyncRequired",
      "UserUpdated"
    ],
    "NotificationEvent": [
      "NotificationAdded",
      "NotificationsRead",
      "StreamResyncRequired"
    ],
    "RoomEvent": [
      "MemberJoined",
      "MemberLeft",
      "MemberRoleChanged",
      "MessageCreated",
      "MessageDeleted",
      "MessageEdited",
      "ReactionChanged",
      "ReadReceipt",
      "ReadReceiptWithdrawn",
      "ResyncRequired",
      "RoomRenamed",
      "TypingChanged"
    ]
  }
};
      const result: PossibleTypesResultData = {
  "possibleTypes": {
    "MyEvent": [
      "ContactsChanged",
      "FriendRequestReceived",
      "PresenceChanged",
      "RoomRemoved",
      "RoomTyping",
      "RoomUpdated",
      "StreamResyncRequired",
      "UserUpdated"
    ],
    "NotificationEvent": [
      "NotificationAdded",
      "NotificationsRead",
      "StreamResyncRequired"
    ],
    "RoomEvent": [
      "MemberJoined",
      "MemberLeft",
      "MemberRoleChanged",
      "MessageCreated",
      "MessageDeleted",
      "MessageEdited",
      "ReactionChanged",
      "ReadReceipt",
      "ReadReceiptWithdrawn",
      "ResyncRequired",
      "RoomRenamed",
      "TypingChanged"
    ]
  }
};
      export default result;
    