import type { Deps, Viewer } from '../../deps.ts';
import { badInput, notFound } from '../../graphql/errors.ts';
import type { Loaders } from '../../graphql/loaders.ts';
import { longerThan } from '../../lib/chars.ts';
import { type Connection, forwardPage } from '../../lib/connections.ts';
import { decodeCursor, pageSize } from '../../lib/cursor.ts';
import { parseId } from '../../lib/ids.ts';
import { claimAvatar, releaseFile } from '../files/files.service.ts';
import { type UserModel, userRowToModel } from './users.model.ts';
import { publishProfileChange } from './users.publish.ts';
import * as repo from './users.repository.ts';
import { normalizeBio, normalizeDisplayName, validateTimeZone } from './users.validation.ts';

export async function getMe(loaders: Loaders, viewer: Viewer): Promise<UserModel> {
  const me = await loaders.user.load(viewer.userId);
  if (!me) throw notFound('User');
  return me;
}

/** A user the viewer may see: NOT_FOUND for unknown ids and for people who blocked the viewer. */
export async function getUser(loaders: Loaders, viewer: Viewer, id: string): Promise<UserModel> {
  const userId = parseId(id, 'User');
  const [user, rel] = await Promise.all([
    loaders.user.load(userId),
    userId === viewer.userId ? null : loaders.relationship.load(userId),
  ]);
  if (!user || rel?.blockedMe) throw notFound('User');
  return user;
}

/** In characters (code points), as every text limit. */
export const MAX_QUERY_LENGTH = 100;

/**
 * A search text as people searches match it (`searchUsers`, `contacts(query)`):
 * trimmed, runs of spaces collapsed, lower-cased, without a leading "@" (people
 * are shown and mentioned as @username: "@ada" looks for the username ada).
 * Empty when blank; BAD_USER_INPUT (field `query`) when over MAX_QUERY_LENGTH.
 */
export function searchTerm(query: string): string {
  const term = query
    .trim()
    .replace(/^@+\s*/, '')
    .replace(/\s+/g, ' ')
    .toLowerCase();
  if (longerThan(term, MAX_QUERY_LENGTH))
    throw badInput(`Search text must be at most ${MAX_QUERY_LENGTH} characters`, { field: 'query' });
  return term;
}

/**
 * People search (see `repo.searchUsers` for what matches and the order). The
 * cursor is the last hit's sort key plus the term it was made for, so a cursor
 * from another search is refused instead of silently skipping people.
 */
export async function searchUsers(
  deps: Deps,
  viewer: Viewer,
  args: { query: string; first?: number | null | undefined; after?: string | null | undefined },
): Promise<Connection<UserModel>> {
  const term = searchTerm(args.query);
  if (!term) throw badInput('Enter something to search for', { field: 'query' });
  const limit = pageSize(args.first, 20, 100);
  const after =
    args.after == null
      ? undefined
      : decodeCursor(args.after, (c) =>
          typeof c.q === 'string' && Number.isInteger(c.r) && typeof c.u === 'string'
            ? { q: c.q, r: c.r as number, u: c.u }
            : undefined,
        );
  if (after && after.q !== term) throw badInput('This cursor belongs to another search', { field: 'after' });
  const rows = await repo.searchUsers(
    deps.db,
    viewer.userId,
    term,
    limit + 1,
    after && { rank: after.r, username: after.u },
  );
  return forwardPage(rows, limit, userRowToModel, (r) => ({ q: term, r: r.rank, u: r.username }));
}

export interface ProfileInput {
  displayName?: string | null | undefined;
  timeZone?: string | null | undefined;
  bio?: string | null | undefined;
  showOnline?: boolean | null | undefined;
  shareReadReceipts?: boolean | null | undefined;
  /** An image upload of the viewer; null removes the avatar, undefined leaves it. */
  avatarId?: string | null | undefined;
}

export async function updateProfile(deps: Deps, viewer: Viewer, input: ProfileInput): Promise<UserModel> {
  const patch: repo.UserPatch = {};
  if (input.displayName != null) patch.display_name = normalizeDisplayName(input.displayName);
  if (input.timeZone != null) patch.time_zone = validateTimeZone(input.timeZone);
  if (input.bio != null) patch.bio = normalizeBio(input.bio);
  if (input.showOnline != null) patch.show_online = input.showOnline;
  if (input.shareReadReceipts != null) patch.share_read_receipts = input.shareReadReceipts;
  if (input.avatarId !== undefined) patch.avatar_file_id = await claimAvatar(deps, viewer, input.avatarId);
  // What others saw before, to tell them what changed.
  const before = await repo.findUserById(deps.db, viewer.userId);
  const row = await repo.updateUser(deps.db, viewer.userId, patch);
  if (!before || !row) throw notFound('User');
  await deps.users.changed([viewer.userId]);
  const user = userRowToModel(row);
  // Hiding or showing one's online status: contacts and room mates see the change now.
  if (before.show_online !== row.show_online) await deps.presence.publishPresence(viewer.userId);
  // The change is saved whatever happens here: a failure to tell others is logged, not reported
  // (they see it on their next read, as after a reconnect).
  await publishProfileChange(deps, user, {
    nameOrPicture: before.display_name !== row.display_name || before.avatar_file_id !== row.avatar_file_id,
    details: before.bio !== row.bio || before.time_zone !== row.time_zone,
    receiptsShared: !before.share_read_receipts && row.share_read_receipts,
    receiptsWithdrawn: before.share_read_receipts && !row.share_read_receipts,
  }).catch((err: unknown) => deps.log.error({ err, userId: user.id }, 'publishing a profile change failed'));
  if (before.avatar_file_id !== row.avatar_file_id) await releaseFile(deps, before.avatar_file_id);
  return user;
}
