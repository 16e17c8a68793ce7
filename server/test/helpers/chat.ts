import { uuidv7 } from '../../src/lib/ids.ts';
import { userTopic } from '../../src/modules/users/users.topics.ts';
import type { TestApp } from './app.ts';
import { registerUser, type TestUser } from './users.ts';
import type { LiveSubscription, WsConnection } from './ws.ts';

export const ROOM_FIELDS = `id kind title myRole memberCount lastSeq unreadCount lastReadSeq visibleFromSeq lastActivityAt
  peer { id username } lastMessage { id seq kind body sender { id } }`;
export const MESSAGE_FIELDS = `id roomId seq kind body clientId createdAt editedAt deletedAt
  sender { id username } mentions { id username } replyTo { id seq }`;

export const OPEN_DM = `mutation($id: ID!) { openDirectRoom(userId: $id) { ${ROOM_FIELDS} } }`;
export const CREATE_GROUP = `mutation($input: CreateGroupRoomInput!) { createGroupRoom(input: $input) {
  ${ROOM_FIELDS} members { role user { id username } } } }`;
export const RENAME = `mutation($r: ID!, $t: String!) { renameRoom(roomId: $r, title: $t) { id title lastSeq } }`;
export const ADD_MEMBERS = `mutation($r: ID!, $u: [ID!]!) { addRoomMembers(roomId: $r, userIds: $u) {
  id memberCount members { role user { id } } } }`;
export const REMOVE_MEMBER = `mutation($r: ID!, $u: ID!) { removeRoomMember(roomId: $r, userId: $u) { id memberCount } }`;
export const SET_ROLE = `mutation($r: ID!, $u: ID!, $role: RoomRole!) { setRoomMemberRole(roomId: $r, userId: $u, role: $role) {
  id members { role user { id } } } }`;
export const LEAVE = `mutation($r: ID!) { leaveRoom(roomId: $r) }`;
export const ROOM = `query($id: ID!) { room(id: $id) { ${ROOM_FIELDS} members { role user { id } } } }`;
export const ROOMS = `query($first: Int, $after: String) { rooms(first: $first, after: $after) {
  edges { cursor node { ${ROOM_FIELDS} } } pageInfo { hasNextPage hasPreviousPage endCursor } } }`;
export const SEND = `mutation($input: SendMessageInput!) { sendMessage(input: $input) { ${MESSAGE_FIELDS} } }`;
export const EDIT = `mutation($id: ID!, $body: String!) { editMessage(id: $id, body: $body) { ${MESSAGE_FIELDS} } }`;
export const DELETE = `mutation($id: ID!) { deleteMessage(id: $id) { ${MESSAGE_FIELDS} } }`;
export const MARK_READ = `mutation($r: ID!, $seq: Int!) { markRoomRead(roomId: $r, seq: $seq) { id unreadCount lastReadSeq } }`;
export const MESSAGE = `query($id: ID!) { message(id: $id) { ${MESSAGE_FIELDS} } }`;
export const HISTORY = `query($r: ID!, $first: Int, $after: String, $last: Int, $before: String, $sender: ID) {
  messages(roomId: $r, first: $first, after: $after, last: $last, before: $before, senderId: $sender) {
    edges { cursor node { id seq kind body sender { id } } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`;
export const AFTER = `query($r: ID!, $s: Int!, $limit: Int) { messagesAfter(roomId: $r, afterSeq: $s, limit: $limit) {
  messages { id seq body } hasMore lastSeq } }`;
export const SEARCH = `query($q: String!, $r: ID, $first: Int, $after: String) {
  searchMessages(query: $q, roomId: $r, first: $first, after: $after) {
    edges { cursor node { id roomId seq body } } pageInfo { hasNextPage endCursor } } }`;

export const ROOM_EVENTS = `subscription($r: ID!, $after: Int) { roomEvents(roomId: $r, afterSeq: $after) {
  __typename
  ... on MessageCreated { roomId seq message { id seq kind body sender { id username } mentions { id } } }
  ... on MessageEdited { roomId seq message { id body editedAt } }
  ... on MessageDeleted { roomId seq message { id body deletedAt } }
  ... on MemberJoined { roomId seq member { role user { id } } addedBy { id } }
  ... on MemberLeft { roomId seq user { id } removedBy { id } }
  ... on RoomRenamed { roomId seq title by { id } }
} }`;
export const MY_EVENTS = `subscription { myEvents {
  __typename
  ... on RoomUpdated { room { id title kind lastSeq unreadCount lastReadSeq peer { id }
      lastMessage { id seq body sender { id } } } }
  ... on RoomRemoved { roomId }
} }`;

export interface Room {
  id: string;
  kind: string;
  title: string;
  myRole: string;
  memberCount: number;
  lastSeq: number;
  unreadCount: number;
  lastReadSeq: number;
  visibleFromSeq: number;
  lastActivityAt: string;
  peer: { id: string; username: string } | null;
  lastMessage: {
    id: string;
    seq: number;
    kind: string;
    body: string | null;
    sender: { id: string } | null;
  } | null;
}

export interface Message {
  id: string;
  roomId: string;
  seq: number;
  kind: string;
  body: string | null;
  clientId: string | null;
  editedAt: string | null;
  deletedAt: string | null;
  sender: { id: string; username: string } | null;
  mentions: { id: string; username: string }[];
  replyTo: { id: string; seq: number } | null;
}

/** Alice, Bob and Carol: display names for room titles, distinct usernames for @mentions. */
export function registerTrio(t: TestApp): Promise<[TestUser, TestUser, TestUser]> {
  const as = (name: string) =>
    registerUser(t, { displayName: name, username: `${name.toLowerCase()}_${process.pid}` });
  return Promise.all([as('Alice'), as('Bob'), as('Carol')]);
}

export async function openDm(t: TestApp, me: TestUser, other: TestUser): Promise<Room> {
  return (await t.ok(OPEN_DM, { id: other.id }, me.accessToken)).openDirectRoom;
}

export async function createGroup(
  t: TestApp,
  owner: TestUser,
  members: TestUser[],
  title = 'Team',
  firstMessage?: string,
): Promise<Room> {
  const input = { title, memberIds: members.map((m) => m.id), ...(firstMessage ? { firstMessage } : {}) };
  return (await t.ok(CREATE_GROUP, { input }, owner.accessToken)).createGroupRoom;
}

export async function send(
  t: TestApp,
  user: TestUser,
  roomId: string,
  body: string,
  extra: { clientId?: string; replyToId?: string } = {},
): Promise<Message> {
  const input = { roomId, body, clientId: extra.clientId ?? uuidv7(), replyToId: extra.replyToId };
  return (await t.ok(SEND, { input }, user.accessToken)).sendMessage;
}

export async function roomOf(t: TestApp, user: TestUser, id: string): Promise<Room> {
  return (await t.ok(ROOM, { id }, user.accessToken)).room;
}

export async function roomList(t: TestApp, user: TestUser, first = 100): Promise<Room[]> {
  const r = await t.ok(ROOMS, { first }, user.accessToken);
  return r.rooms.edges.map((e: { node: Room }) => e.node);
}

/** Consumes events until one matches (earlier ones are skipped); fails like next() on timeout. */
export async function nextMatching<T>(
  sub: LiveSubscription<T>,
  match: (e: T) => boolean,
  timeoutMs = 5_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const e = await sub.next(Math.max(1, deadline - Date.now()));
    if (match(e)) return e;
  }
}

/** Blocks `blocked` on behalf of `blocker` directly in the database (the contacts module owns the API). */
export async function insertBlock(t: TestApp, blocker: TestUser, blocked: TestUser): Promise<void> {
  await t.app.db.insertInto('blocks').values({ blocker_id: blocker.id, blocked_id: blocked.id }).execute();
}

/**
 * Subscribes to `myEvents` and resolves once the subscription is live on the
 * server (graphql-transport-ws has no "subscribed" acknowledgement): publishes
 * a marker RoomRemoved until one comes back. The returned subscription skips
 * markers still in flight.
 */
export async function liveMyEvents<T extends { myEvents: { __typename: string; roomId?: string } }>(
  t: TestApp,
  conn: WsConnection,
  user: TestUser,
  query: string,
): Promise<LiveSubscription<T>> {
  const sub = conn.subscribe<T>(query);
  const marker = `live-${uuidv7()}`;
  const isMarker = (e: T) => e.myEvents.__typename === 'RoomRemoved' && e.myEvents.roomId === marker;
  // Other users' sockets coming and going: skipped unless the query asks for presence.
  const isPresence = (e: T) =>
    e.myEvents.__typename === 'PresenceChanged' && !query.includes('PresenceChanged');
  for (let attempt = 0; ; attempt++) {
    await t.app.events.publish(userTopic(user.id), { __typename: 'RoomRemoved', roomId: marker });
    const e = await sub.next(250).catch((err: unknown) => {
      if (attempt >= 20) throw err;
      return undefined;
    });
    if (e && isMarker(e)) break;
    // Presence from sockets of earlier tests (a grace period running out) may still be on its
    // way; nothing a test does happens before this returns, so none of it is what it waits for.
    if (e && e.myEvents.__typename === 'PresenceChanged') continue;
    if (e) throw new Error(`unexpected event before the subscription was live: ${JSON.stringify(e)}`);
  }
  const received: T[] = [];
  const filtered: LiveSubscription<T> = {
    received,
    ended: sub.ended,
    unsubscribe: () => sub.unsubscribe(),
    async next(timeoutMs = 5_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const e = await sub.next(Math.max(1, deadline - Date.now()));
        if (isMarker(e) || isPresence(e)) continue;
        received.push(e);
        return e;
      }
    },
  };
  return filtered;
}

/** Resolves when the server completed `sub` (with its error, if any); fails after `timeoutMs`. */
export function ended(sub: LiveSubscription<unknown>, timeoutMs = 5_000): Promise<unknown> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`subscription did not end within ${timeoutMs} ms`)), timeoutMs);
  });
  return Promise.race([sub.ended, timeout]).finally(() => clearTimeout(timer));
}
