import type { UserModel } from './users.model.ts';

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

/**
 * Published on `userTopic(id)` of the user's presence audience (contacts and
 * room mates, no block either way) when they change what others see of their
 * profile (users.publish.ts).
 */
export interface UserUpdatedEvent {
  __typename: 'UserUpdated';
  user: UserModel;
}
