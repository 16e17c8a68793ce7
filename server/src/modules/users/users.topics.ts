/**
 * The per-user topic behind the `myEvents` subscription. Any module may publish
 * on it; every payload names its MyEvent union member in `__typename`
 * (e.g. 'RoomUpdated', 'FriendRequestReceived') and carries that type's fields.
 */
export const userTopic = (userId: string) => `user:${userId}`;

export interface MyEventPayload {
  __typename: string;
  [field: string]: unknown;
}
