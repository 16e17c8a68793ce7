/**
 * The authorization matrix.
 *
 * 1. Every root field of schema.graphql (read here, so fields added later are
 *    caught) is listed in AUTH as 'auth' or 'public'. Each 'auth' query and
 *    mutation, called without a token, answers UNAUTHENTICATED; a socket
 *    without a token is closed with 4401 before any subscription can start.
 * 2. Room-scoped operations refuse a stranger and an ex-member, and a stranger
 *    learns nothing: a real room or message id gets the same answer as an id
 *    that does not exist.
 */
import { readFileSync } from 'node:fs';
import {
  buildSchema,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../src/lib/ids.ts';
import { SCHEMA_PATH } from '../src/plugins/graphql.ts';
import { createTestApp, type GqlResult, type TestApp } from './helpers/app.ts';
import { createGroup, registerTrio, send } from './helpers/chat.ts';
import { makePdf, upload } from './helpers/files.ts';
import { registerUser, type TestUser } from './helpers/users.ts';
import { connectWs, rawConnectionInit } from './helpers/ws.ts';

type Access = 'auth' | 'public';

/**
 * Every root field and whether it needs a signed-in viewer. Adding a field to
 * schema.graphql fails this test until it is listed here (on purpose: decide).
 */
const AUTH: Record<string, Access> = {
  'Query.limits': 'public',
  'Query.me': 'auth',
  'Query.mySessions': 'auth',
  'Query.user': 'auth',
  'Query.searchUsers': 'auth',
  'Query.contacts': 'auth',
  'Query.friendRequests': 'auth',
  'Query.blockedUsers': 'auth',
  'Query.room': 'auth',
  'Query.rooms': 'auth',
  'Query.message': 'auth',
  'Query.messages': 'auth',
  'Query.messagesAfter': 'auth',
  'Query.searchMessages': 'auth',
  'Query.notifications': 'auth',
  'Query.unreadNotificationCount': 'auth',
  'Query.notificationPreferences': 'auth',
  'Query.presence': 'auth',
  'Query.meeting': 'auth',
  'Query.meetings': 'auth',
  'Query.upcomingMeetings': 'auth',

  'Mutation.register': 'public',
  'Mutation.login': 'public',
  'Mutation.refreshSession': 'public',
  'Mutation.logout': 'public',
  'Mutation.requestPasswordReset': 'public',
  'Mutation.resetPassword': 'public',
  'Mutation.logoutEverywhere': 'auth',
  'Mutation.revokeSession': 'auth',
  'Mutation.updateProfile': 'auth',
  'Mutation.changePassword': 'auth',
  'Mutation.sendFriendRequest': 'auth',
  'Mutation.respondToFriendRequest': 'auth',
  'Mutation.cancelFriendRequest': 'auth',
  'Mutation.removeContact': 'auth',
  'Mutation.blockUser': 'auth',
  'Mutation.unblockUser': 'auth',
  'Mutation.openDirectRoom': 'auth',
  'Mutation.createGroupRoom': 'auth',
  'Mutation.updateRoom': 'auth',
  'Mutation.renameRoom': 'auth',
  'Mutation.addRoomMembers': 'auth',
  'Mutation.removeRoomMember': 'auth',
  'Mutation.setRoomMemberRole': 'auth',
  'Mutation.leaveRoom': 'auth',
  'Mutation.sendMessage': 'auth',
  'Mutation.editMessage': 'auth',
  'Mutation.deleteMessage': 'auth',
  'Mutation.markRoomRead': 'auth',
  'Mutation.setTyping': 'auth',
  'Mutation.addReaction': 'auth',
  'Mutation.removeReaction': 'auth',
  'Mutation.muteRoom': 'auth',
  'Mutation.unmuteRoom': 'auth',
  'Mutation.markNotificationRead': 'auth',
  'Mutation.markNotificationsRead': 'auth',
  'Mutation.markAllNotificationsRead': 'auth',
  'Mutation.updateNotificationPreferences': 'auth',
  'Mutation.requestMeeting': 'auth',
  'Mutation.acceptMeeting': 'auth',
  'Mutation.declineMeeting': 'auth',
  'Mutation.cancelMeeting': 'auth',
  'Mutation.proposeReschedule': 'auth',
  'Mutation.acceptReschedule': 'auth',
  'Mutation.rejectReschedule': 'auth',
  'Mutation.submitMeetingReview': 'auth',

  'Subscription.roomEvents': 'auth',
  'Subscription.myEvents': 'auth',
  'Subscription.notificationEvents': 'auth',
  'Subscription.meetingEvents': 'auth',
};

const schema = buildSchema(readFileSync(SCHEMA_PATH, 'utf8'));
const roots = {
  Query: schema.getQueryType(),
  Mutation: schema.getMutationType(),
  Subscription: schema.getSubscriptionType(),
};
const rootFields = Object.entries(roots).flatMap(([root, type]) =>
  Object.values((type as GraphQLObjectType | null | undefined)?.getFields() ?? {}).map(
    (field) => [`${root}.${field.name}` as string, root, field] as const,
  ),
);

/** A syntactically valid literal for `type` (ids are well-formed uuids that exist nowhere). */
function literal(type: GraphQLInputType): string {
  if (isNonNullType(type)) return literal(type.ofType);
  if (isListType(type)) return `[${literal(type.ofType)}]`;
  if (isEnumType(type)) return type.getValues()[0]!.name;
  if (isInputObjectType(type)) {
    const required = Object.values(type.getFields()).filter(
      (f) => isNonNullType(f.type) && f.defaultValue === undefined,
    );
    return `{ ${required.map((f) => `${f.name}: ${literal(f.type)}`).join(', ')} }`;
  }
  switch (type.name) {
    case 'ID':
      return JSON.stringify(uuidv7());
    case 'Int':
      return '1';
    case 'Float':
      return '1.5';
    case 'Boolean':
      return 'true';
    case 'DateTime':
      return '"2030-01-01T10:00:00Z"';
    default:
      return '"x"';
  }
}

/** `query { field(requiredArgs) { __typename } }` for a root field. */
function operationFor(root: string, field: GraphQLField<unknown, unknown>): string {
  const args = field.args
    .filter((a) => isNonNullType(a.type) && a.defaultValue === undefined)
    .map((a) => `${a.name}: ${literal(a.type)}`);
  const selection = isLeafType(getNamedType(field.type)) ? '' : ' { __typename }';
  return `${root.toLowerCase()} { ${field.name}${args.length ? `(${args.join(', ')})` : ''}${selection} }`;
}

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

/** What a caller can observe: the error code and message, or the data. */
const observed = (r: GqlResult<unknown>) =>
  r.errors?.length ? { code: r.errors[0]!.extensions.code, message: r.errors[0]!.message } : { data: r.data };

describe('authentication matrix', () => {
  it('lists every root field of schema.graphql', () => {
    const inSchema = rootFields.map(([name]) => name);
    const missing = inSchema.filter((name) => !(name in AUTH));
    const stale = Object.keys(AUTH).filter((name) => !inSchema.includes(name));
    const help = [
      missing.length
        ? `schema.graphql has root fields the authorization matrix does not list. Add to AUTH in server/test/authz.matrix.test.ts (use 'public' only for what must work signed out):\n${missing.map((n) => `  '${n}': 'auth',`).join('\n')}`
        : '',
      stale.length
        ? `AUTH in server/test/authz.matrix.test.ts lists fields that are no longer in schema.graphql; remove:\n${stale.map((n) => `  '${n}'`).join('\n')}`
        : '',
    ]
      .filter(Boolean)
      .join('\n\n');
    expect(missing.length + stale.length, help).toBe(0);
  });

  it('answers UNAUTHENTICATED to every query and mutation that needs a viewer, called without a token', async () => {
    const wrong: string[] = [];
    for (const [name, root, field] of rootFields) {
      if (root === 'Subscription' || AUTH[name] !== 'auth') continue;
      const query = operationFor(root, field);
      const r = await t.gql(query);
      const codes = (r.errors ?? []).map((e) => e.extensions.code);
      if (codes.length === 0 || codes.some((c) => c !== 'UNAUTHENTICATED')) {
        wrong.push(`${name}: ${query}\n    → ${JSON.stringify(r.errors ?? r.data)}`);
      }
    }
    expect(wrong, `these fields did not refuse an anonymous caller:\n${wrong.join('\n')}`).toEqual([]);
  });

  it('refuses a socket without a token before any subscription starts (4401)', async () => {
    const r = await rawConnectionInit(t.wsUrl, {});
    expect(r.message).toBeUndefined();
    expect(r.close?.code).toBe(4401);
    expect(rootFields.filter(([, root]) => root === 'Subscription').length).toBeGreaterThan(0);
  });
});

describe('room-scoped operations: strangers and ex-members are refused and learn nothing', () => {
  let alice: TestUser;
  let bob: TestUser;
  let carol: TestUser; // left the room: an ex-member
  let dave: TestUser; // never a member
  let roomId: string;
  let messageId: string;

  beforeAll(async () => {
    [alice, bob, carol] = await registerTrio(t);
    dave = await registerUser(t);
    const room = await createGroup(t, alice, [bob, carol], 'Secret plans');
    roomId = room.id;
    messageId = (await send(t, alice, roomId, 'hello secret world')).id;
    await t.ok(`mutation($r: ID!) { leaveRoom(roomId: $r) }`, { r: roomId }, carol.accessToken);
  });

  /** Each operation on (roomId, messageId); `ids` swaps in ids that exist nowhere. */
  const ops: [string, (room: string, message: string) => string][] = [
    ['room', (r) => `{ room(id: "${r}") { id title } }`],
    ['message', (_r, m) => `{ message(id: "${m}") { id body } }`],
    ['messages', (r) => `{ messages(roomId: "${r}", last: 10) { edges { node { id body } } } }`],
    ['messagesAfter', (r) => `{ messagesAfter(roomId: "${r}", afterSeq: 0) { messages { id body } } }`],
    [
      'searchMessages',
      (r) => `{ searchMessages(query: "secret", roomId: "${r}") { edges { node { id body } } } }`,
    ],
    ['renameRoom', (r) => `mutation { renameRoom(roomId: "${r}", title: "Mine") { id } }`],
    ['addRoomMembers', (r) => `mutation { addRoomMembers(roomId: "${r}", userIds: ["${uuidv7()}"]) { id } }`],
    [
      'removeRoomMember',
      (r) => `mutation { removeRoomMember(roomId: "${r}", userId: "${uuidv7()}") { id } }`,
    ],
    [
      'setRoomMemberRole',
      (r) => `mutation { setRoomMemberRole(roomId: "${r}", userId: "${uuidv7()}", role: ADMIN) { id } }`,
    ],
    ['leaveRoom', (r) => `mutation { leaveRoom(roomId: "${r}") }`],
    [
      'sendMessage',
      (r) =>
        `mutation { sendMessage(input: { roomId: "${r}", body: "hi", clientId: "${uuidv7()}" }) { id } }`,
    ],
    ['editMessage', (_r, m) => `mutation { editMessage(id: "${m}", body: "mine now") { id } }`],
    ['deleteMessage', (_r, m) => `mutation { deleteMessage(id: "${m}") { id } }`],
    ['markRoomRead', (r) => `mutation { markRoomRead(roomId: "${r}", seq: 1) { id } }`],
    ['updateRoom', (r) => `mutation { updateRoom(roomId: "${r}", input: { title: "Mine" }) { id } }`],
    ['muteRoom', (r) => `mutation { muteRoom(roomId: "${r}") { id } }`],
    ['unmuteRoom', (r) => `mutation { unmuteRoom(roomId: "${r}") { id } }`],
    ['setTyping', (r) => `mutation { setTyping(roomId: "${r}", typing: true) }`],
    ['addReaction', (_r, m) => `mutation { addReaction(messageId: "${m}", emoji: "👍") { id } }`],
    ['removeReaction', (_r, m) => `mutation { removeReaction(messageId: "${m}", emoji: "👍") { id } }`],
  ];

  it.each(ops)('%s', async (_name, op) => {
    const real = op(roomId, messageId);
    const fake = op(uuidv7(), uuidv7());
    for (const [who, user] of [
      ['stranger', dave],
      ['ex-member', carol],
    ] as const) {
      const seen = observed(await t.gql(real, {}, user.accessToken));
      const nothing = observed(await t.gql(fake, {}, user.accessToken));
      // Refused (or, for search, an empty page), exactly as for an id that does not exist.
      expect({ who, seen }).toEqual({ who, seen: nothing });
      if ('code' in seen) expect(['FORBIDDEN', 'NOT_FOUND']).toContain(seen.code);
      else expect(JSON.stringify(seen.data)).not.toContain('secret');
    }
    // Nothing changed for the members.
    const room = await t.ok(`{ room(id: "${roomId}") { title memberCount } }`, {}, alice.accessToken);
    expect(room.room).toEqual({ title: 'Secret plans', memberCount: 2 });
    const msg = await t.ok(`{ message(id: "${messageId}") { body deletedAt } }`, {}, bob.accessToken);
    expect(msg.message).toEqual({ body: 'hello secret world', deletedAt: null });
  });

  it('roomEvents', async () => {
    for (const user of [dave, carol]) {
      const conn = await connectWs(t.wsUrl, user.accessToken);
      try {
        const errorOf = async (r: string) => {
          const sub = conn.subscribe(`subscription { roomEvents(roomId: "${r}") { __typename } }`);
          const ended = (await sub.ended) as {
            errors?: { message: string; extensions?: { code?: string } }[];
          };
          const e = ended?.errors?.[0];
          return { code: e?.extensions?.code, message: e?.message };
        };
        const seen = await errorOf(roomId);
        expect(['FORBIDDEN', 'NOT_FOUND']).toContain(seen.code);
        expect(seen).toEqual(await errorOf(uuidv7()));
      } finally {
        await conn.close();
      }
    }
  });

  it('markNotificationRead: someone else’s notification is NOT_FOUND, like a missing one', async () => {
    // Bob's friend request gives Alice a notification.
    await t.ok(
      `mutation($id: ID!) { sendFriendRequest(userId: $id) { __typename } }`,
      { id: alice.id },
      bob.accessToken,
    );
    const list = await t.ok(`{ notifications(first: 5) { edges { node { id } } } }`, {}, alice.accessToken);
    const id = list.notifications.edges[0]?.node.id as string;
    expect(id).toBeTruthy();
    const op = (n: string) => `mutation { markNotificationRead(id: "${n}") { id readAt } }`;
    const seen = observed(await t.gql(op(id), {}, dave.accessToken));
    expect(seen).toEqual(observed(await t.gql(op(uuidv7()), {}, dave.accessToken)));
    expect(seen).toMatchObject({ code: 'NOT_FOUND' });
    const still = await t.ok(`{ unreadNotificationCount }`, {}, alice.accessToken);
    expect(still.unreadNotificationCount).toBeGreaterThan(0);
  });
});

describe('meeting-scoped operations: someone else’s meeting is NOT_FOUND, like a missing one', () => {
  let alice: TestUser;
  let bob: TestUser;
  let dave: TestUser;
  let meetingId: string;
  beforeAll(async () => {
    [alice, bob, dave] = await Promise.all([registerUser(t), registerUser(t), registerUser(t)]);
    const startsAt = new Date(Date.now() + 3 * 86_400_000).toISOString();
    const r = await t.ok(
      `mutation($i: RequestMeetingInput!) { requestMeeting(input: $i) { id } }`,
      { i: { inviteeId: bob.id, startsAt, durationMinutes: 30, kind: 'VIDEO', agenda: 'secret agenda' } },
      alice.accessToken,
    );
    meetingId = r.requestMeeting.id;
  });

  const later = () => new Date(Date.now() + 5 * 86_400_000).toISOString();
  const ops: [string, (id: string) => string][] = [
    ['meeting', (id) => `{ meeting(id: "${id}") { id agenda } }`],
    ['acceptMeeting', (id) => `mutation { acceptMeeting(id: "${id}") { id } }`],
    ['declineMeeting', (id) => `mutation { declineMeeting(id: "${id}", reason: "no") { id } }`],
    ['cancelMeeting', (id) => `mutation { cancelMeeting(id: "${id}", reason: "no") { id } }`],
    [
      'proposeReschedule',
      (id) => `mutation { proposeReschedule(id: "${id}", startsAt: "${later()}") { id } }`,
    ],
    ['acceptReschedule', (id) => `mutation { acceptReschedule(id: "${id}") { id } }`],
    ['rejectReschedule', (id) => `mutation { rejectReschedule(id: "${id}") { id } }`],
    ['submitMeetingReview', (id) => `mutation { submitMeetingReview(id: "${id}", rating: 1) { id } }`],
  ];

  it.each(ops)('%s', async (_name, op) => {
    const seen = observed(await t.gql(op(meetingId), {}, dave.accessToken));
    expect(seen).toEqual(observed(await t.gql(op(uuidv7()), {}, dave.accessToken)));
    expect(seen).toMatchObject({ code: 'NOT_FOUND' });
    const m = await t.ok(`{ meeting(id: "${meetingId}") { status version } }`, {}, alice.accessToken);
    expect(m.meeting).toEqual({ status: 'REQUESTED', version: 1 });
  });

  it('meetings lists show nothing of it to a stranger', async () => {
    const r = await t.ok(`{ meetings(first: 50) { edges { node { id } } } }`, {}, dave.accessToken);
    expect(r.meetings.edges).toEqual([]);
  });
});

describe('files: a stranger and an ex-member get the same 404 as for a file that does not exist', () => {
  it('GET /files/:id and its thumbnail', async () => {
    const [alice, bob, carol] = await Promise.all([registerUser(t), registerUser(t), registerUser(t)]);
    const dave = await registerUser(t);
    const room = await createGroup(t, alice, [bob, carol], 'Files');
    const up = await upload(t, alice.accessToken, { filename: 'plan.pdf', data: makePdf() });
    expect(up.status).toBe(201);
    await t.ok(
      `mutation($i: SendMessageInput!) { sendMessage(input: $i) { id } }`,
      { i: { roomId: room.id, clientId: uuidv7(), body: 'the plan', attachmentIds: [up.body.id] } },
      alice.accessToken,
    );
    await t.ok(`mutation($r: ID!) { leaveRoom(roomId: $r) }`, { r: room.id }, carol.accessToken);
    const get = async (path: string, token: string) => {
      const res = await fetch(`${t.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
      return { status: res.status, body: await res.text() };
    };
    expect((await get(`/files/${up.body.id}`, bob.accessToken)).status).toBe(200);
    for (const user of [dave, carol]) {
      for (const variant of ['', '/thumbnail']) {
        const seen = await get(`/files/${up.body.id}${variant}`, user.accessToken);
        expect(seen.status).toBe(404);
        expect(seen).toEqual(await get(`/files/${uuidv7()}${variant}`, user.accessToken));
      }
    }
  });
});
