import { uuidv7 } from '../../src/lib/ids.ts';
import { userTopic } from '../../src/modules/users/users.topics.ts';
import type { TestApp } from './app.ts';
import type { WsConnection } from './ws.ts';

export const SEND = `mutation($id: ID!) { sendFriendRequest(userId: $id) {
  request { id from { id } to { id } createdAt } user { id contactStatus } } }`;
export const RESPOND = `mutation($id: ID!, $accept: Boolean!) { respondToFriendRequest(requestId: $id, accept: $accept) {
  request { id } user { id contactStatus } } }`;
export const CANCEL = `mutation($id: ID!) { cancelFriendRequest(requestId: $id) }`;
export const REMOVE = `mutation($id: ID!) { removeContact(userId: $id) }`;
export const BLOCK = `mutation($id: ID!) { blockUser(userId: $id) { id contactStatus blockedByMe } }`;
export const UNBLOCK = `mutation($id: ID!) { unblockUser(userId: $id) { id contactStatus blockedByMe } }`;
export const USER = `query($id: ID!) { user(id: $id) {
  id username email showOnline shareReadReceipts contactStatus blockedByMe isMe } }`;
export const CONTACTS = `query($first: Int, $after: String, $query: String) {
  contacts(first: $first, after: $after, query: $query) {
  edges { cursor node { id displayName contactStatus } } pageInfo { hasNextPage endCursor } } }`;
export const REQUESTS = `query($d: FriendRequestDirection!, $first: Int, $after: String) {
  friendRequests(direction: $d, first: $first, after: $after) {
    edges { cursor node { id from { id contactStatus } to { id contactStatus } } } pageInfo { hasNextPage endCursor } } }`;
export const BLOCKED = `{ blockedUsers { id blockedByMe } }`;
export const SEARCH = `query($q: String!, $first: Int, $after: String) { searchUsers(query: $q, first: $first, after: $after) {
  edges { cursor node { id username displayName email contactStatus blockedByMe } }
  pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`;

/**
 * Inserts users straight into the database (no password hashing: these users
 * never sign in), for tests that need many people to find.
 */
export async function insertUsers(
  t: TestApp,
  users: { username: string; displayName?: string; email?: string }[],
): Promise<string[]> {
  if (users.length === 0) return [];
  const rows = await t.app.db
    .insertInto('users')
    .values(
      users.map((u) => ({
        id: uuidv7(),
        username: u.username,
        email: u.email ?? `${u.username}@example.com`,
        display_name: u.displayName ?? u.username,
        password_hash: 'not-a-hash',
        time_zone: 'UTC',
      })),
    )
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

/**
 * Inserts users (as insertUsers does) who are all contacts of `userId`, straight
 * into the database: for tests that need more contacts than a page holds.
 */
export async function insertContacts(
  t: TestApp,
  userId: string,
  users: { username: string; displayName?: string; email?: string }[],
): Promise<string[]> {
  const ids = await insertUsers(t, users);
  if (ids.length === 0) return ids;
  await t.app.db
    .insertInto('friendships')
    .values(
      ids.flatMap((id) => [
        { user_id: userId, friend_id: id },
        { user_id: id, friend_id: userId },
      ]),
    )
    .execute();
  return ids;
}

export interface EventProbe {
  /** Every payload published on the topic so far. */
  readonly events: { __typename: string; [k: string]: unknown }[];
  /** Resolves with the next payload (in order of arrival); rejects after `timeoutMs`. */
  next(timeoutMs?: number): Promise<{ __typename: string; [k: string]: unknown }>;
  close(): Promise<void>;
}

/**
 * Listens on a user's `myEvents` topic of the app's emitter (in-memory or
 * Redis) and resolves once the subscription is live, so nothing is missed.
 */
export async function probeUserTopic(t: TestApp, userId: string): Promise<EventProbe> {
  const events: { __typename: string; [k: string]: unknown }[] = [];
  let read = 0;
  let wake: (() => void) | undefined;
  const listener = (msg: { payload: { __typename: string } }, done: () => void) => {
    events.push(msg.payload);
    wake?.();
    done();
  };
  const topic = userTopic(userId);
  await new Promise<void>((resolve) => t.app.emitter.on(topic, listener as never, () => resolve()));
  return {
    events,
    async next(timeoutMs = 5_000) {
      const deadline = Date.now() + timeoutMs;
      while (read >= events.length) {
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`no event on ${topic} within ${timeoutMs} ms`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, left);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        wake = undefined;
      }
      return events[read++]!;
    },
    close: () =>
      new Promise<void>((resolve) => t.app.emitter.removeListener(topic, listener as never, () => resolve())),
  };
}

export const MY_EVENTS = `subscription { myEvents {
  __typename
  ... on FriendRequestReceived { request { id createdAt from { id username contactStatus } to { id } } }
  ... on ContactsChanged { user { id email contactStatus blockedByMe } }
  ... on RoomRemoved { roomId }
} }`;

type MyEvent = { __typename: string; roomId?: string; [k: string]: unknown };

/**
 * Subscribes to `myEvents` on `ws` and resolves once the subscription is live
 * on the server. graphql-transport-ws has no "subscribed" acknowledgement, so
 * this publishes a marker event (RoomRemoved of a fake room id) until one comes
 * back; `next` then skips any marker still in flight.
 */
export async function liveMyEvents(
  t: TestApp,
  ws: WsConnection,
  userId: string,
): Promise<{ next(timeoutMs?: number): Promise<MyEvent>; unsubscribe(): void }> {
  const sub = ws.subscribe<{ myEvents: MyEvent }>(MY_EVENTS);
  const isMarker = (e: MyEvent) => e.__typename === 'RoomRemoved' && String(e.roomId).startsWith('live-');
  // Presence of people coming and going (issue #4) is not what these tests look at.
  const isPresence = (e: MyEvent) => e.__typename === 'PresenceChanged';
  const next = async (timeoutMs = 5_000): Promise<MyEvent> => {
    for (;;) {
      const e = (await sub.next(timeoutMs)).myEvents;
      if (!isMarker(e) && !isPresence(e)) return e;
    }
  };
  const deadline = Date.now() + 5_000;
  for (;;) {
    await t.app.deps.events.publish(userTopic(userId), {
      __typename: 'RoomRemoved',
      roomId: `live-${uuidv7()}`,
    });
    const got = await sub.next(200).catch(() => undefined);
    if (got && isMarker(got.myEvents)) break;
    if (got && isPresence(got.myEvents)) continue;
    if (got) throw new Error(`unexpected event before the subscription went live: ${JSON.stringify(got)}`);
    if (Date.now() > deadline) throw new Error('myEvents subscription did not go live');
  }
  return { next, unsubscribe: sub.unsubscribe };
}
