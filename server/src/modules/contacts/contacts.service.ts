/**
 * Friend requests, contacts and blocks.
 *
 * Every change to one pair of people runs in a transaction holding that pair's
 * advisory lock (`repo.lockPair`), so its checks and writes never interleave
 * with another change to the same pair: A→B racing B→A ends as one friendship,
 * and a request racing a block cannot survive the block. Events are published
 * after commit on each side's `userTopic` (the `myEvents` stream).
 */
import type { Db } from '../../db/index.ts';
import { inTransaction, type Tx } from '../../db/tx.ts';
import type { Deps, Viewer } from '../../deps.ts';
import { badInput, conflict, forbidden, notFound, unauthenticated } from '../../graphql/errors.ts';
import { type Connection, forwardPage } from '../../lib/connections.ts';
import { decodeCursor, pageSize } from '../../lib/cursor.ts';
import { isUuid, parseId, uuidv7 } from '../../lib/ids.ts';
import { notify, retireNotifications } from '../notifications/notifications.service.ts';
import { presenceAudience } from '../presence/presence.repository.ts';
import { presenceChanged } from '../presence/presence.topics.ts';
import { rateLimit } from '../ratelimit/ratelimit.ts';
import { type UserModel, userRowToModel } from '../users/users.model.ts';
import { findUsersByIds } from '../users/users.repository.ts';
import { searchTerm } from '../users/users.service.ts';
import { type MyEventPayload, userTopic } from '../users/users.topics.ts';
import {
  type FriendRequestModel,
  type FriendRequestResultModel,
  friendRequestRowToModel,
  type Relationship,
  SELF_RELATIONSHIP,
} from './contacts.model.ts';
import * as repo from './contacts.repository.ts';

/** Shown to someone blocked by the other person: says no more than that it is not possible. */
const CANNOT_REQUEST = "You can't send a friend request to this person";

const NO_RELATIONSHIP: Relationship = { status: 'NONE', blockedByMe: false, blockedMe: false };

/** For the `relationship` loader: the viewer's relationship with each of `ids`, in one statement. */
export async function relationshipsOf(
  deps: Pick<Deps, 'db'>,
  viewer: Viewer | null,
  ids: readonly string[],
): Promise<Relationship[]> {
  if (!viewer) throw unauthenticated();
  const others = ids.filter((id) => id !== viewer.userId);
  const rows = await repo.findRelationships(deps.db, viewer.userId, others);
  const byId = new Map(
    rows.map((r): [string, Relationship] => [
      r.id,
      {
        status: r.is_contact
          ? 'CONTACT'
          : r.request_sent
            ? 'REQUEST_SENT'
            : r.request_received
              ? 'REQUEST_RECEIVED'
              : 'NONE',
        blockedByMe: r.blocked_by_me,
        blockedMe: r.blocked_me,
      },
    ]),
  );
  return ids.map((id) => (id === viewer.userId ? SELF_RELATIONSHIP : (byId.get(id) ?? NO_RELATIONSHIP)));
}

/** Whether two users are contacts (accepted friends). For other modules' rules. */
export function areContacts(db: Db, a: string, b: string): Promise<boolean> {
  return repo.areFriends(db, a, b);
}

function publish(deps: Deps, tx: Tx, recipientId: string, payload: MyEventPayload): void {
  tx.afterCommit(() => deps.events.publish(userTopic(recipientId), payload));
}

/** Tells both people their relationship changed; each event names the other person. */
function contactsChanged(deps: Deps, tx: Tx, a: UserModel, b: UserModel): void {
  publish(deps, tx, a.id, { __typename: 'ContactsChanged', user: b });
  publish(deps, tx, b.id, { __typename: 'ContactsChanged', user: a });
}

/** In-app notification (and email, per preferences) for a new request, in the same transaction. */
function notifyRequest(deps: Deps, tx: Tx, from: UserModel, to: UserModel, request: FriendRequestModel) {
  return notify(tx, deps, {
    recipientId: to.id,
    type: 'FRIEND_REQUEST',
    title: `${from.displayName} sent you a friend request`,
    body: `@${from.username} would like to add you as a contact on Parley.`,
    data: { fromUserId: from.id, friendRequestId: request.id },
  });
}

/** The recipient's notice of a request that is over (answered, withdrawn) stops counting as unread. */
function retireRequestNotice(deps: Deps, tx: Tx, recipientId: string, requestId: string) {
  return retireNotifications(tx, deps, recipientId, ['FRIEND_REQUEST'], {
    key: 'friendRequestId',
    value: requestId,
  });
}

/** Tells the person who asked first that `accepter` accepted. */
function notifyAccepted(deps: Deps, tx: Tx, accepter: UserModel, requester: UserModel) {
  return notify(tx, deps, {
    recipientId: requester.id,
    type: 'FRIEND_ACCEPTED',
    title: `${accepter.displayName} accepted your friend request`,
    body: `You and @${accepter.username} are now contacts.`,
    data: { fromUserId: accepter.id },
  });
}

/** The viewer and the other user (NOT_FOUND if the other does not exist). */
async function loadPair(db: Db, viewerId: string, otherId: string): Promise<[UserModel, UserModel]> {
  const rows = await findUsersByIds(db, [viewerId, otherId]);
  const me = rows.find((r) => r.id === viewerId);
  const them = rows.find((r) => r.id === otherId);
  if (!me || !them) throw notFound('User');
  return [userRowToModel(me), userRowToModel(them)];
}

function otherUserId(viewer: Viewer, userId: string, selfMessage: string): string {
  const id = parseId(userId, 'User');
  if (id === viewer.userId) throw badInput(selfMessage, { field: 'userId' });
  return id;
}

/**
 * Sends a friend request, or completes the friendship if they already asked
 * the viewer. Idempotent: repeating it returns the pending request, and asking
 * an existing contact returns the contact. FORBIDDEN if either blocked the other.
 */
export async function sendFriendRequest(
  deps: Deps,
  viewer: Viewer,
  userId: string,
): Promise<FriendRequestResultModel> {
  await rateLimit(deps, 'friendRequest', viewer.userId);
  const targetId = otherUserId(viewer, userId, "You can't send a friend request to yourself");
  return inTransaction(deps, async (tx) => {
    const { trx } = tx;
    const [me, them] = await loadPair(trx, viewer.userId, targetId);
    await repo.lockPair(trx, me.id, them.id);
    const [rel] = await repo.findRelationships(trx, me.id, [them.id]);
    if (rel?.blocked_me) throw forbidden(CANNOT_REQUEST);
    if (rel?.blocked_by_me) throw forbidden('You blocked this person; unblock them to send a friend request');
    if (rel?.is_contact) return { request: null, user: them };

    // Under the pair lock the insert cannot conflict; if it ever does (e.g. a
    // writer that skipped the lock), the unique pair index keeps one request
    // and we resolve against it on the next round.
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const existing = await repo.findRequestBetween(trx, me.id, them.id);
      if (existing?.from_user_id === me.id) return { request: friendRequestRowToModel(existing), user: them };
      if (existing) {
        // They asked first: asking back accepts.
        await repo.deleteRequest(trx, existing.id);
        await repo.insertFriendship(trx, me.id, them.id);
        await retireRequestNotice(deps, tx, me.id, existing.id);
        await notifyAccepted(deps, tx, me, them);
        contactsChanged(deps, tx, me, them);
        return { request: null, user: them };
      }
      const inserted = await repo.insertRequest(trx, {
        id: uuidv7(),
        from_user_id: me.id,
        to_user_id: them.id,
      });
      if (inserted) {
        const request = friendRequestRowToModel(inserted);
        await notifyRequest(deps, tx, me, them, request);
        publish(deps, tx, them.id, { __typename: 'FriendRequestReceived', request });
        return { request, user: them };
      }
    }
    throw conflict('The friend request changed while it was being sent; try again');
  });
}

/** Accepts or declines a request sent to the viewer. NOT_FOUND for anyone else's request. */
export async function respondToFriendRequest(
  deps: Deps,
  viewer: Viewer,
  requestId: string,
  accept: boolean,
): Promise<FriendRequestResultModel> {
  const id = parseId(requestId, 'Friend request');
  return inTransaction(deps, async (tx) => {
    const req = await repo.findRequestById(tx.trx, id);
    if (!req || req.to_user_id !== viewer.userId) throw notFound('Friend request');
    await repo.lockPair(tx.trx, req.from_user_id, req.to_user_id);
    // Cancelled (or answered on another device) while we waited for the lock.
    if (!(await repo.deleteRequest(tx.trx, id))) throw notFound('Friend request');
    if (accept) await repo.insertFriendship(tx.trx, req.from_user_id, req.to_user_id);
    await retireRequestNotice(deps, tx, viewer.userId, id);
    const [me, them] = await loadPair(tx.trx, viewer.userId, req.from_user_id);
    if (accept) await notifyAccepted(deps, tx, me, them);
    contactsChanged(deps, tx, me, them);
    return { request: null, user: them };
  });
}

/** Withdraws a request the viewer sent. NOT_FOUND for anyone else's request. */
export async function cancelFriendRequest(deps: Deps, viewer: Viewer, requestId: string): Promise<boolean> {
  const id = parseId(requestId, 'Friend request');
  return inTransaction(deps, async (tx) => {
    const req = await repo.findRequestById(tx.trx, id);
    if (!req || req.from_user_id !== viewer.userId) throw notFound('Friend request');
    await repo.lockPair(tx.trx, req.from_user_id, req.to_user_id);
    if (!(await repo.deleteRequest(tx.trx, id))) throw notFound('Friend request');
    await retireRequestNotice(deps, tx, req.to_user_id, id);
    const [me, them] = await loadPair(tx.trx, viewer.userId, req.to_user_id);
    contactsChanged(deps, tx, me, them);
    return true;
  });
}

/** Ends a friendship for both sides. True also when there was none (safe to retry). */
export async function removeContact(deps: Deps, viewer: Viewer, userId: string): Promise<boolean> {
  const targetId = otherUserId(viewer, userId, 'You are not your own contact');
  return inTransaction(deps, async (tx) => {
    const [me, them] = await loadPair(tx.trx, viewer.userId, targetId);
    await repo.lockPair(tx.trx, me.id, them.id);
    if (await repo.deleteFriendship(tx.trx, me.id, them.id)) contactsChanged(deps, tx, me, them);
    return true;
  });
}

/**
 * Blocks a person and ends any friendship and pending request between the two.
 * The blocked person is told (ContactsChanged) only when something they could
 * see ended, exactly as for removeContact or a declined request: an event for
 * the block itself would tell them they were blocked. Two people who saw each
 * other's presence (contacts, room mates) stop seeing it at once: a
 * PresenceChanged "offline, unknown", which is what hiding one's status looks
 * like, so it says nothing more; a stranger gets nothing.
 */
export async function blockUser(deps: Deps, viewer: Viewer, userId: string): Promise<UserModel> {
  const targetId = otherUserId(viewer, userId, "You can't block yourself");
  const events: [recipientId: string, payload: MyEventPayload][] = [];
  const { me, them, hide } = await inTransaction(deps, async (tx) => {
    const [me, them] = await loadPair(tx.trx, viewer.userId, targetId);
    await repo.lockPair(tx.trx, me.id, them.id);
    // Could they see each other's presence until now? (A stranger learns nothing.)
    const related = (await presenceAudience(tx.trx, me.id)).includes(them.id);
    const blocked = await repo.insertBlock(tx.trx, me.id, them.id);
    const endedFriendship = await repo.deleteFriendship(tx.trx, me.id, them.id);
    const endedRequest = await repo.deleteRequestsBetween(tx.trx, me.id, them.id);
    // What they sent the viewer (a request, an acceptance) no longer asks for attention.
    await retireNotifications(tx, deps, me.id, ['FRIEND_REQUEST', 'FRIEND_ACCEPTED'], {
      key: 'fromUserId',
      value: them.id,
    });
    if (blocked || endedFriendship || endedRequest)
      events.push([me.id, { __typename: 'ContactsChanged', user: them }]);
    if (endedFriendship || endedRequest) events.push([them.id, { __typename: 'ContactsChanged', user: me }]);
    return { me, them, hide: blocked && related };
  });
  // Every instance forgets the old blocks before these events are resolved against them.
  await deps.blocks.changed([viewer.userId, them.id]);
  if (hide)
    events.push(
      [them.id, { ...presenceChanged(me, false, false) }],
      [me.id, { ...presenceChanged(them, false, false) }],
    );
  for (const [to, payload] of events) await deps.events.publish(userTopic(to), payload);
  return them;
}

/**
 * Lifts the viewer's block of a person (harmless if there was none). Only the
 * viewer gets ContactsChanged; each of the two sees the other's presence
 * again (as they may: a hidden status stays hidden) when they share a room,
 * and no block the other way remains.
 */
export async function unblockUser(deps: Deps, viewer: Viewer, userId: string): Promise<UserModel> {
  const targetId = otherUserId(viewer, userId, "You can't unblock yourself");
  const { me, them, lifted } = await inTransaction(deps, async (tx) => {
    const [me, them] = await loadPair(tx.trx, viewer.userId, targetId);
    await repo.lockPair(tx.trx, me.id, them.id);
    const lifted = await repo.deleteBlock(tx.trx, me.id, them.id);
    return { me, them, lifted };
  });
  await deps.blocks.changed([viewer.userId, them.id]);
  if (lifted) {
    await deps.events.publish(userTopic(me.id), { __typename: 'ContactsChanged', user: them });
    // Only to people who may see each other: contacts or room mates, no block left either way.
    if ((await presenceAudience(deps.db, me.id)).includes(them.id)) {
      const online = await deps.presence.onlineAmong([me.id, them.id]);
      await deps.events.publish(userTopic(them.id), presenceChanged(me, online.has(me.id)));
      await deps.events.publish(userTopic(me.id), presenceChanged(them, online.has(them.id)));
    }
  }
  return them;
}

interface PageArgs {
  first?: number | null | undefined;
  after?: string | null | undefined;
}

/**
 * The viewer's contacts by display name (case-insensitive), then id; with a
 * non-blank `query`, only those it finds (see repo.listContacts). The cursor
 * is a position in that order, so it stays valid whatever `query` is.
 */
export async function listContacts(
  deps: Deps,
  viewer: Viewer,
  args: PageArgs & { query?: string | null | undefined },
): Promise<Connection<UserModel>> {
  const term = args.query == null ? '' : searchTerm(args.query);
  const limit = pageSize(args.first, 50, 100);
  const after =
    args.after == null
      ? undefined
      : decodeCursor(args.after, (c) =>
          typeof c.n === 'string' && typeof c.i === 'string' && isUuid(c.i) ? { n: c.n, i: c.i } : undefined,
        );
  const rows = await repo.listContacts(
    deps.db,
    viewer.userId,
    limit + 1,
    after && { name: after.n, id: after.i },
    term,
  );
  return forwardPage(rows, limit, userRowToModel, (r) => ({ n: r.sort_name, i: r.id }));
}

/** Pending requests to or from the viewer, newest first. */
export async function listFriendRequests(
  deps: Deps,
  viewer: Viewer,
  args: PageArgs & { direction: 'INCOMING' | 'OUTGOING' },
): Promise<Connection<FriendRequestModel>> {
  const limit = pageSize(args.first, 50, 100);
  const after =
    args.after == null
      ? undefined
      : decodeCursor(args.after, (c) => (typeof c.i === 'string' && isUuid(c.i) ? { i: c.i } : undefined));
  const rows = await repo.listRequests(deps.db, viewer.userId, args.direction, limit + 1, after?.i);
  return forwardPage(rows, limit, friendRequestRowToModel, (r) => ({ i: r.id }));
}

/** People the viewer has blocked, most recently blocked first. */
export async function listBlockedUsers(deps: Deps, viewer: Viewer): Promise<UserModel[]> {
  return (await repo.listBlocked(deps.db, viewer.userId)).map(userRowToModel);
}
