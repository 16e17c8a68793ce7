import type { TestApp } from './app.ts';
import { nextMatching, send } from './chat.ts';
import type { TestUser } from './users.ts';
import { connectWs, type LiveSubscription, type WsConnection } from './ws.ts';

/** Operations and event selections of the live features (issue #4). */
export const LIVE_ROOM_EVENTS = `subscription($r: ID!, $after: Int) { roomEvents(roomId: $r, afterSeq: $after) {
  __typename
  ... on MessageCreated { roomId seq message { id seq body sender { id } } }
  ... on MemberLeft { roomId seq user { id } }
  ... on ReadReceipt { roomId seq readAt user { id } }
  ... on ReadReceiptWithdrawn { roomId at user { id } }
  ... on TypingChanged { roomId typingUsers { id } }
  ... on ReactionChanged { roomId messageId seq emoji added user { id }
      reactions { emoji count reactedByMe users(first: 100) { id } } }
} }`;
export const LIVE_MY_EVENTS = `subscription { myEvents {
  __typename
  ... on RoomRemoved { roomId }
  ... on PresenceChanged { online lastSeenAt user { id } }
} }`;
export const SET_TYPING = `mutation($r: ID!, $typing: Boolean!) { setTyping(roomId: $r, typing: $typing) }`;
export const ADD_REACTION = `mutation($m: ID!, $e: String!) { addReaction(messageId: $m, emoji: $e) {
  id reactions { emoji count reactedByMe users(first: 100) { id } } } }`;
export const REMOVE_REACTION = `mutation($m: ID!, $e: String!) { removeReaction(messageId: $m, emoji: $e) {
  id reactions { emoji count reactedByMe users(first: 100) { id } } } }`;
export const PRESENCE = `query($ids: [ID!]!) { presence(userIds: $ids) { online lastSeenAt user { id online lastSeenAt } } }`;
export const UPDATE_PROFILE = `mutation($input: UpdateProfileInput!) { updateProfile(input: $input) { id showOnline shareReadReceipts } }`;

// biome-ignore lint/suspicious/noExplicitAny: event shapes are checked by the assertions
export type RoomEv = { roomEvents: any };
// biome-ignore lint/suspicious/noExplicitAny: idem
export type MyEv = { myEvents: any };

/** Sockets opened by a test file, closed after each test. */
export class Sockets {
  readonly open: WsConnection[] = [];
  async connect(t: TestApp, user: TestUser): Promise<WsConnection> {
    const s = await connectWs(t.wsUrl, user.accessToken);
    this.open.push(s);
    return s;
  }
  async closeAll(): Promise<void> {
    await Promise.all(this.open.splice(0).map((s) => s.close()));
  }
}

/**
 * roomEvents subscriptions known to be live (see room-events.test.ts): each
 * subscribes from the room's current seq, `warmer` sends a message, and each
 * waits for it (replay delivers it whether it committed before or after the
 * listener was attached). `apps[i]` is the instance user i connects to.
 */
export async function liveRoomEvents<const U extends readonly TestUser[]>(
  sockets: Sockets,
  apps: readonly TestApp[],
  users: U,
  roomId: string,
  warmer: TestUser,
): Promise<{ [K in keyof U]: LiveSubscription<RoomEv> }> {
  const last = await apps[0]!.app.db
    .selectFrom('rooms')
    .select('last_seq')
    .where('id', '=', roomId)
    .executeTakeFirstOrThrow();
  const subs = await Promise.all(
    users.map(async (u, i) =>
      (await sockets.connect(apps[i] ?? apps[0]!, u)).subscribe<RoomEv>(LIVE_ROOM_EVENTS, {
        r: roomId,
        after: Number(last.last_seq),
      }),
    ),
  );
  const warm = await send(apps[0]!, warmer, roomId, 'warm-up');
  await Promise.all(
    subs.map((s) =>
      nextMatching(s, (e) => e.roomEvents.__typename === 'MessageCreated' && e.roomEvents.seq === warm.seq),
    ),
  );
  return subs as unknown as { [K in keyof U]: LiveSubscription<RoomEv> };
}

/** Resolves when `check` returns true (polled), or rejects after `timeoutMs`. */
export async function eventually(
  check: () => Promise<boolean>,
  timeoutMs = 10_000,
  stepMs = 50,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, stepMs));
  }
}
