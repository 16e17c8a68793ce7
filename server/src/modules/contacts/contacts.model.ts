import type { Selectable } from 'kysely';
import type { FriendRequests } from '../../db/schema.generated.ts';
import type { UserModel } from '../users/users.model.ts';

/** A pending friend request (accepting, declining or cancelling deletes it). */
export interface FriendRequestModel {
  id: string;
  fromUserId: string;
  toUserId: string;
  createdAt: Date;
}

export type FriendRequestRow = Selectable<FriendRequests>;

export function friendRequestRowToModel(row: FriendRequestRow): FriendRequestModel {
  return { id: row.id, fromUserId: row.from_user_id, toUserId: row.to_user_id, createdAt: row.created_at };
}

/** The viewer's relationship with another person (GraphQL `ContactStatus`). */
export type ContactStatus = 'SELF' | 'NONE' | 'REQUEST_SENT' | 'REQUEST_RECEIVED' | 'CONTACT';

/** Everything the viewer's side knows about one other person, read in one statement per batch. */
export interface Relationship {
  status: ContactStatus;
  /** The viewer blocked them. */
  blockedByMe: boolean;
  /** They blocked the viewer: they are invisible to the viewer (NOT_FOUND, absent from search). */
  blockedMe: boolean;
}

export const SELF_RELATIONSHIP: Relationship = { status: 'SELF', blockedByMe: false, blockedMe: false };

/** Result of sendFriendRequest / respondToFriendRequest. */
export interface FriendRequestResultModel {
  /** The pending request, or null when none is pending any more (friendship made, or declined). */
  request: FriendRequestModel | null;
  user: UserModel;
}
