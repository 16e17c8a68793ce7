import type { Deps, Viewer } from '../../deps.ts';
import { notFound } from '../../graphql/errors.ts';
import type { Loaders } from '../../graphql/loaders.ts';
import { parseId } from '../../lib/ids.ts';
import { type UserModel, userRowToModel } from './users.model.ts';
import * as repo from './users.repository.ts';
import { normalizeBio, normalizeDisplayName, validateTimeZone } from './users.validation.ts';

export async function getMe(loaders: Loaders, viewer: Viewer): Promise<UserModel> {
  const me = await loaders.user.load(viewer.userId);
  if (!me) throw notFound('User');
  return me;
}

/** A user the viewer may see. Blocking is enforced by the contacts module's visibility check. */
export async function getUser(loaders: Loaders, id: string): Promise<UserModel> {
  const user = await loaders.user.load(parseId(id, 'User'));
  if (!user) throw notFound('User');
  return user;
}

export interface ProfileInput {
  displayName?: string | null | undefined;
  timeZone?: string | null | undefined;
  bio?: string | null | undefined;
  showOnline?: boolean | null | undefined;
  shareReadReceipts?: boolean | null | undefined;
}

export async function updateProfile(deps: Deps, viewer: Viewer, input: ProfileInput): Promise<UserModel> {
  const patch: repo.UserPatch = {};
  if (input.displayName != null) patch.display_name = normalizeDisplayName(input.displayName);
  if (input.timeZone != null) patch.time_zone = validateTimeZone(input.timeZone);
  if (input.bio != null) patch.bio = normalizeBio(input.bio);
  if (input.showOnline != null) patch.show_online = input.showOnline;
  if (input.shareReadReceipts != null) patch.share_read_receipts = input.shareReadReceipts;
  const row = await repo.updateUser(deps.db, viewer.userId, patch);
  if (!row) throw notFound('User');
  return userRowToModel(row);
}
