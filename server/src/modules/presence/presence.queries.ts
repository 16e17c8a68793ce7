/**
 * The GraphQL side of presence and typing: `presence(userIds)`, `User.online`
 * / `User.lastSeenAt` (through one batch loader) and `setTyping`.
 *
 * Who sees what: a user sees their own presence; others see it only if they
 * are a contact or share a room, no block stands between them, and the user
 * has not hidden it (`showOnline: false`). Everyone else sees "offline, never
 * seen" — indistinguishable from a hidden user, so nothing leaks.
 */
import DataLoader from 'dataloader';
import type { Deps, Viewer } from '../../deps.ts';
import { badInput } from '../../graphql/errors.ts';
import type { LoaderOptions, Loaders } from '../../graphql/loaders.ts';
import { isUuid, parseId } from '../../lib/ids.ts';
import { blocksOf } from '../contacts/contacts.repository.ts';
import { requireMember } from '../rooms/rooms.access.ts';
import { findMembership } from '../rooms/rooms.repository.ts';
import type { UserModel } from '../users/users.model.ts';
import { type PresenceVisibilityRow, presenceVisibility } from './presence.repository.ts';

export interface PresenceModel {
  online: boolean;
  lastSeenAt: Date | null;
}

export const HIDDEN_PRESENCE: PresenceModel = Object.freeze({ online: false, lastSeenAt: null });

/**
 * Presence of users as `viewer` may see it: one SQL statement and one store
 * read per batch. Users `isRoomMate` vouches for (the viewer's direct peers)
 * and whom this instance holds (users.cache.ts) need no statement: sharing a
 * room, they are in each other's audience unless a block stands between
 * them (the viewer's blocks, contacts.blocks-cache.ts), and the held user row
 * has `show_online` and `last_seen_at`.
 */
export function presenceLoader(
  deps: Deps,
  viewer: Viewer | null,
  opts: LoaderOptions,
  isRoomMate: (userId: string) => boolean = () => false,
): DataLoader<string, PresenceModel> {
  return new DataLoader<string, PresenceModel>(presenceBatch(deps, viewer, isRoomMate), {
    cache: opts.cache,
  });
}

/**
 * The loader's batch function on its own: the presence of `ids`, in order.
 * A room list loads its peers' presence through it directly (loaders.ts,
 * `preloadPresence`), without a promise and a cache entry per peer.
 */
export function presenceBatch(
  deps: Deps,
  viewer: Viewer | null,
  isRoomMate: (userId: string) => boolean,
): (ids: readonly string[]) => Promise<PresenceModel[]> {
  return async (ids) => {
    if (!viewer) return ids.map(() => HIDDEN_PRESENCE);
    const rows: PresenceVisibilityRow[] = [];
    const held: UserModel[] = [];
    const unique = [...new Set(ids)];
    for (const id of unique) {
      const user = id !== viewer.userId && isRoomMate(id) ? deps.users.peek(id) : undefined;
      if (user) held.push(user);
    }
    if (held.length > 0) {
      const blocks = await deps.blocks.of(viewer.userId, () => blocksOf(deps.db, viewer.userId));
      for (const u of held)
        rows.push({
          id: u.id,
          show_online: u.showOnline,
          last_seen_at: u.lastSeenAt,
          related: !blocks.has(u.id),
        });
    }
    const known = new Set(rows.map((r) => r.id));
    const rest = unique.filter((id) => !known.has(id));
    if (rest.length > 0) rows.push(...(await presenceVisibility(deps.db, viewer.userId, rest)));
    const visible = rows.filter((r) => r.id === viewer.userId || (r.related && r.show_online));
    const online = await deps.presence.onlineAmong(visible.map((r) => r.id));
    const byId = new Map(
      visible.map((r) => [r.id, { online: online.has(r.id), lastSeenAt: r.last_seen_at } as PresenceModel]),
    );
    return ids.map((id) => byId.get(id) ?? HIDDEN_PRESENCE);
  };
}

export const MAX_PRESENCE_IDS = 100;

export interface PresenceEntry extends PresenceModel {
  user: UserModel;
}

/**
 * `presence(userIds)`: existing users the viewer can see, in order. Well-formed
 * ids of no such user, and people who blocked the viewer, are left out (alike,
 * so nothing leaks); an id that is not an id at all is the caller's mistake,
 * BAD_USER_INPUT as in the other lists of user ids (`checkNewMembers`).
 */
export async function listPresence(
  loaders: Loaders,
  viewer: Viewer,
  userIds: readonly string[],
): Promise<PresenceEntry[]> {
  if (userIds.length > MAX_PRESENCE_IDS)
    throw badInput(`At most ${MAX_PRESENCE_IDS} user ids`, { field: 'userIds' });
  if (userIds.some((id) => !isUuid(id))) throw badInput('Malformed user id in userIds', { field: 'userIds' });
  const ids = [...new Set(userIds.map((id) => id.toLowerCase()))];
  const entries = await Promise.all(
    ids.map(async (id) => {
      const [user, rel, presence] = await Promise.all([
        loaders.user.load(id),
        id === viewer.userId ? null : loaders.relationship.load(id),
        loaders.presence.load(id),
      ]);
      if (!user || rel?.blockedMe) return null;
      return { user, ...presence };
    }),
  );
  return entries.filter((e): e is PresenceEntry => e !== null);
}

/**
 * `setTyping`: starts (or refreshes) or stops the viewer's typing in a room.
 * NOT_FOUND unless a member. Clients refresh every few seconds while typing;
 * without a refresh it lapses after `typingLapseMs`.
 */
export async function setTyping(
  deps: Deps,
  viewer: Viewer,
  roomId: string,
  typing: boolean,
): Promise<boolean> {
  const id = parseId(roomId, 'Room');
  requireMember(await findMembership(deps.db, id, viewer.userId));
  if (typing) await deps.presence.startTyping(id, viewer.userId);
  else await deps.presence.stopTyping(id, viewer.userId);
  return true;
}
