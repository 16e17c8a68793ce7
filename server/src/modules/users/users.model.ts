import type { Selectable } from 'kysely';
import type { Users } from '../../db/schema.generated.ts';

/** A user as the domain sees it: camelCase, no password hash. */
export interface UserModel {
  id: string;
  email: string;
  username: string;
  displayName: string;
  bio: string;
  timeZone: string;
  showOnline: boolean;
  shareReadReceipts: boolean;
  lastSeenAt: Date | null;
  createdAt: Date;
  /** The uploaded image used as avatar, if any (served through signed URLs). */
  avatarFileId: string | null;
}

/** Columns every user read selects (never `password_hash`). */
export const USER_COLUMNS = [
  'users.id',
  'users.email',
  'users.username',
  'users.display_name',
  'users.bio',
  'users.time_zone',
  'users.show_online',
  'users.share_read_receipts',
  'users.last_seen_at',
  'users.created_at',
  'users.avatar_file_id',
] as const;

export type UserRow = Pick<
  Selectable<Users>,
  | 'id'
  | 'email'
  | 'username'
  | 'display_name'
  | 'bio'
  | 'time_zone'
  | 'show_online'
  | 'share_read_receipts'
  | 'last_seen_at'
  | 'created_at'
  | 'avatar_file_id'
>;

export function userRowToModel(row: UserRow): UserModel {
  return {
    id: row.id,
    email: row.email,
    username: row.username,
    displayName: row.display_name,
    bio: row.bio,
    timeZone: row.time_zone,
    showOnline: row.show_online,
    shareReadReceipts: row.share_read_receipts,
    lastSeenAt: row.last_seen_at,
    createdAt: row.created_at,
    avatarFileId: row.avatar_file_id,
  };
}
