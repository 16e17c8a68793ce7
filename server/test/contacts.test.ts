import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, expectError, type TestApp } from './helpers/app.ts';
import {
  BLOCK,
  BLOCKED,
  CANCEL,
  CONTACTS,
  insertContacts,
  insertUsers,
  liveMyEvents,
  probeUserTopic,
  REMOVE,
  REQUESTS,
  RESPOND,
  SEARCH,
  SEND,
  UNBLOCK,
  USER,
} from './helpers/contacts.ts';
import { registerUser, type TestUser } from './helpers/users.ts';
import { connectWs } from './helpers/ws.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

const send = (from: TestUser, to: { id: string }) => t.ok(SEND, { id: to.id }, from.accessToken);
const status = async (viewer: TestUser, other: { id: string }) =>
  (await t.ok(USER, { id: other.id }, viewer.accessToken)).user.contactStatus as string;
const contactIds = async (u: TestUser) =>
  (await t.ok(CONTACTS, { first: 100 }, u.accessToken)).contacts.edges.map(
    (e: { node: { id: string } }) => e.node.id,
  ) as string[];
const requests = async (u: TestUser, d: 'INCOMING' | 'OUTGOING') =>
  (await t.ok(REQUESTS, { d }, u.accessToken)).friendRequests.edges.map((e: { node: unknown }) => e.node) as {
    id: string;
    from: { id: string; contactStatus: string };
    to: { id: string };
  }[];
/** Rows of `table` between two users, either direction. */
const pairCount = async (table: 'friendships' | 'friend_requests', a: string, b: string) => {
  const q =
    table === 'friendships'
      ? t.app.db
          .selectFrom('friendships')
          .select('user_id')
          .where('user_id', 'in', [a, b])
          .where('friend_id', 'in', [a, b])
      : t.app.db
          .selectFrom('friend_requests')
          .select('id')
          .where('from_user_id', 'in', [a, b])
          .where('to_user_id', 'in', [a, b]);
  return (await q.execute()).length;
};

describe('friend requests', () => {
  it('goes from request to contact, both sides seeing the right status and lists', async () => {
    const [a, b] = [await registerUser(t), await registerUser(t)];
    const sent = await send(a, b);
    expect(sent.sendFriendRequest.request).toMatchObject({ from: { id: a.id }, to: { id: b.id } });
    expect(sent.sendFriendRequest.user).toEqual({ id: b.id, contactStatus: 'REQUEST_SENT' });
    expect(await status(b, a)).toBe('REQUEST_RECEIVED');

    const incoming = await requests(b, 'INCOMING');
    expect(incoming).toEqual([
      expect.objectContaining({
        id: sent.sendFriendRequest.request.id,
        from: { id: a.id, contactStatus: 'REQUEST_RECEIVED' },
      }),
    ]);
    expect((await requests(a, 'OUTGOING')).map((r) => r.id)).toEqual([sent.sendFriendRequest.request.id]);
    expect(await requests(a, 'INCOMING')).toEqual([]);

    const accepted = await t.ok(
      RESPOND,
      { id: sent.sendFriendRequest.request.id, accept: true },
      b.accessToken,
    );
    expect(accepted.respondToFriendRequest).toEqual({
      request: null,
      user: { id: a.id, contactStatus: 'CONTACT' },
    });
    expect(await contactIds(a)).toEqual([b.id]);
    expect(await contactIds(b)).toEqual([a.id]);
    expect(await status(a, b)).toBe('CONTACT');
    expect(await requests(b, 'INCOMING')).toEqual([]);
  });

  it('declines: no contact, no pending request, and the sender may ask again', async () => {
    const [a, b] = [await registerUser(t), await registerUser(t)];
    const { sendFriendRequest } = await send(a, b);
    const declined = await t.ok(RESPOND, { id: sendFriendRequest.request.id, accept: false }, b.accessToken);
    expect(declined.respondToFriendRequest.user.contactStatus).toBe('NONE');
    expect(await status(a, b)).toBe('NONE');
    expect(await contactIds(a)).toEqual([]);
    expect((await send(a, b)).sendFriendRequest.user.contactStatus).toBe('REQUEST_SENT');
  });

  it('cancels an outgoing request; nobody else can cancel or answer it (NOT_FOUND)', async () => {
    const [a, b, c] = [await registerUser(t), await registerUser(t), await registerUser(t)];
    const id = (await send(a, b)).sendFriendRequest.request.id;
    expectError(await t.gql(CANCEL, { id }, b.accessToken), 'NOT_FOUND');
    expectError(await t.gql(CANCEL, { id }, c.accessToken), 'NOT_FOUND');
    expectError(await t.gql(RESPOND, { id, accept: true }, a.accessToken), 'NOT_FOUND');
    expectError(await t.gql(RESPOND, { id, accept: true }, c.accessToken), 'NOT_FOUND');
    expect((await t.ok(CANCEL, { id }, a.accessToken)).cancelFriendRequest).toBe(true);
    expect(await requests(b, 'INCOMING')).toEqual([]);
    expect(await status(b, a)).toBe('NONE');
    // Gone now: answering or cancelling again finds nothing.
    expectError(await t.gql(RESPOND, { id, accept: true }, b.accessToken), 'NOT_FOUND');
    expectError(await t.gql(CANCEL, { id }, a.accessToken), 'NOT_FOUND');
  });

  it('treats a repeated request as the same request', async () => {
    const [a, b] = [await registerUser(t), await registerUser(t)];
    const first = await send(a, b);
    const again = await send(a, b);
    const [x, y] = await Promise.all([send(a, b), send(a, b)]);
    const ids = [first, again, x, y].map((r) => r.sendFriendRequest.request.id);
    expect(new Set(ids).size).toBe(1);
    expect(await requests(b, 'INCOMING')).toHaveLength(1);
  });

  it('accepts at once when the other person already asked', async () => {
    const [a, b] = [await registerUser(t), await registerUser(t)];
    await send(a, b);
    const back = await send(b, a);
    expect(back.sendFriendRequest).toEqual({ request: null, user: { id: a.id, contactStatus: 'CONTACT' } });
    expect(await contactIds(a)).toEqual([b.id]);
    expect(await pairCount('friend_requests', a.id, b.id)).toBe(0);
  });

  it('ends concurrent mutual requests as one friendship', async () => {
    for (let i = 0; i < 5; i += 1) {
      const [a, b] = [await registerUser(t), await registerUser(t)];
      const results = await Promise.all([send(a, b), send(b, a)]);
      // One of them created the request, the other completed the friendship.
      expect(results.filter((r) => r.sendFriendRequest.request === null)).toHaveLength(1);
      expect(await pairCount('friendships', a.id, b.id)).toBe(2);
      expect(await pairCount('friend_requests', a.id, b.id)).toBe(0);
      expect(await status(a, b)).toBe('CONTACT');
    }
  });

  it('returns the contact when asked to befriend an existing contact', async () => {
    const [a, b] = [await registerUser(t), await registerUser(t)];
    await send(a, b);
    await send(b, a);
    const again = await send(a, b);
    expect(again.sendFriendRequest).toEqual({ request: null, user: { id: b.id, contactStatus: 'CONTACT' } });
    expect(await pairCount('friend_requests', a.id, b.id)).toBe(0);
  });

  it('refuses yourself (BAD_USER_INPUT) and unknown or garbage ids (NOT_FOUND)', async () => {
    const a = await registerUser(t);
    expectError(await t.gql(SEND, { id: a.id }, a.accessToken), 'BAD_USER_INPUT');
    expectError(await t.gql(SEND, { id: 'not-an-id' }, a.accessToken), 'NOT_FOUND');
    expectError(
      await t.gql(SEND, { id: '0190c0de-0000-7000-8000-000000000000' }, a.accessToken),
      'NOT_FOUND',
    );
    expectError(await t.gql(RESPOND, { id: 'garbage', accept: true }, a.accessToken), 'NOT_FOUND');
    expectError(
      await t.gql(CANCEL, { id: '0190c0de-0000-7000-8000-000000000000' }, a.accessToken),
      'NOT_FOUND',
    );
    expectError(await t.gql(USER, { id: 'nope' }, a.accessToken), 'NOT_FOUND');
    expectError(await t.gql(SEND, { id: a.id }), 'UNAUTHENTICATED');
  });

  it('pages incoming requests newest first without gaps or duplicates', async () => {
    const target = await registerUser(t);
    const senders: TestUser[] = [];
    for (let i = 0; i < 5; i += 1) senders.push(await registerUser(t));
    for (const s of senders) await send(s, target);
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: {
        friendRequests: {
          edges: { node: { from: { id: string } } }[];
          pageInfo: { hasNextPage: boolean; endCursor: string };
        };
      } = await t.ok(REQUESTS, { d: 'INCOMING', first: 2, after }, target.accessToken);
      seen.push(...page.friendRequests.edges.map((e) => e.node.from.id));
      if (!page.friendRequests.pageInfo.hasNextPage) break;
      after = page.friendRequests.pageInfo.endCursor;
    }
    expect(seen).toEqual(senders.map((s) => s.id).reverse());
  });
});

describe('contacts', () => {
  it('removes a contact for both sides', async () => {
    const [a, b] = [await registerUser(t), await registerUser(t)];
    await send(a, b);
    await send(b, a);
    expect((await t.ok(REMOVE, { id: a.id }, b.accessToken)).removeContact).toBe(true);
    expect(await contactIds(a)).toEqual([]);
    expect(await contactIds(b)).toEqual([]);
    expect(await status(a, b)).toBe('NONE');
    // Safe to retry.
    expect((await t.ok(REMOVE, { id: a.id }, b.accessToken)).removeContact).toBe(true);
  });

  it('lists contacts by display name, case-insensitively, across pages', async () => {
    const me = await registerUser(t);
    const names = ['delta', 'Alpha', 'charlie', 'Bravo', 'echo'];
    for (const displayName of names) {
      const u = await registerUser(t, { displayName });
      await send(u, me);
      await send(me, u);
    }
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const r: {
        contacts: {
          edges: { node: { displayName: string } }[];
          pageInfo: { hasNextPage: boolean; endCursor: string | null };
        };
      } = await t.ok(CONTACTS, { first: 2, after }, me.accessToken);
      seen.push(...r.contacts.edges.map((e) => e.node.displayName));
      after = r.contacts.pageInfo.hasNextPage ? r.contacts.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual(['Alpha', 'Bravo', 'charlie', 'delta', 'echo']);
    expectError(await t.gql(CONTACTS, { first: 0 }, me.accessToken), 'BAD_USER_INPUT');
    expectError(await t.gql(CONTACTS, { first: 101 }, me.accessToken), 'BAD_USER_INPUT');
    expectError(await t.gql(CONTACTS, { after: 'garbage' }, me.accessToken), 'BAD_USER_INPUT');
  });

  it('finds contacts by username or any word of the display name, in name order across pages', async () => {
    const me = await registerUser(t);
    // Matches "ada" the way searchUsers would, but is not a contact.
    await insertUsers(t, [{ username: 'cq_ada_stranger', displayName: 'Ada Stranger' }]);
    const [lovelace, byron, zed, adams] = await insertContacts(t, me.id, [
      { username: 'cq_lovelace', displayName: 'Lovelace Ada' },
      { username: 'cq_byron', displayName: 'ada Byron' },
      { username: 'ada_cq', displayName: 'Zed' },
      { username: 'cq_bob', displayName: 'Bob Adams' },
      { username: 'cq_nada', displayName: 'Nada' },
      { username: 'cqnxda', displayName: 'Nxda' },
    ]);
    const find = async (query: string | null) => {
      const ids: string[] = [];
      let after: string | null = null;
      do {
        const r: {
          contacts: {
            edges: { node: { id: string } }[];
            pageInfo: { hasNextPage: boolean; endCursor: string };
          };
        } = await t.ok(CONTACTS, { query, first: 2, after }, me.accessToken);
        ids.push(...r.contacts.edges.map((e) => e.node.id));
        after = r.contacts.pageInfo.hasNextPage ? r.contacts.pageInfo.endCursor : null;
      } while (after);
      return ids;
    };
    // By display name (case-insensitive): ada Byron, Bob Adams, Lovelace Ada, Zed (@ada_cq).
    expect(await find('ada')).toEqual([byron, adams, lovelace, zed]);
    expect(await find('  @ADA ')).toEqual([byron, adams, lovelace, zed]);
    expect(await find('lovelace a')).toEqual([lovelace]);
    // LIKE's wildcards are plain characters: "n_da" finds neither Nada nor Nxda.
    expect(await find('n_da')).toEqual([]);
    // Blank or omitted: everyone.
    expect(await find('   ')).toHaveLength(6);
    expect(await find(null)).toHaveLength(6);
    expectError(await t.gql(CONTACTS, { query: 'a'.repeat(101) }, me.accessToken), 'BAD_USER_INPUT');
  });

  it("hides another user's private fields in user(id)", async () => {
    const [a, b] = [await registerUser(t), await registerUser(t)];
    const other = (await t.ok(USER, { id: b.id }, a.accessToken)).user;
    expect(other).toMatchObject({
      id: b.id,
      email: null,
      showOnline: null,
      shareReadReceipts: null,
      isMe: false,
    });
    expect(other.contactStatus).toBe('NONE');
    const self = (await t.ok(USER, { id: a.id }, a.accessToken)).user;
    expect(self).toMatchObject({
      email: a.email,
      showOnline: true,
      shareReadReceipts: true,
      contactStatus: 'SELF',
    });
  });
});

describe('blocking', () => {
  it('ends the friendship and forbids requests with a neutral message', async () => {
    const [a, b] = [await registerUser(t), await registerUser(t)];
    await send(a, b);
    await send(b, a);
    const blocked = await t.ok(BLOCK, { id: a.id }, b.accessToken);
    expect(blocked.blockUser).toEqual({ id: a.id, contactStatus: 'NONE', blockedByMe: true });
    expect(await contactIds(a)).toEqual([]);
    expect(await contactIds(b)).toEqual([]);

    const err = expectError(await t.gql(SEND, { id: b.id }, a.accessToken), 'FORBIDDEN');
    expect(err.message).toBe("You can't send a friend request to this person");
    expect(err.message).not.toMatch(/block/i);
    // The blocker cannot request either, and is told why.
    expect(expectError(await t.gql(SEND, { id: a.id }, b.accessToken), 'FORBIDDEN').message).toMatch(
      /unblock/i,
    );
  });

  it('removes pending requests in both directions', async () => {
    const [a, b] = [await registerUser(t), await registerUser(t)];
    await send(a, b);
    await t.ok(BLOCK, { id: a.id }, b.accessToken);
    expect(await pairCount('friend_requests', a.id, b.id)).toBe(0);
    expect(await requests(b, 'INCOMING')).toEqual([]);
    expect(await requests(a, 'OUTGOING')).toEqual([]);
  });

  it('hides the blocker from user(id) and search, and unblocking restores everything', async () => {
    const a = await registerUser(t, { username: 'blocked_alice' });
    const b = await registerUser(t, { username: 'blocker_bob' });
    await t.ok(BLOCK, { id: a.id }, b.accessToken);
    expectError(await t.gql(USER, { id: b.id }, a.accessToken), 'NOT_FOUND');
    const searchIds = async (viewer: TestUser, q: string) =>
      (await t.ok(SEARCH, { q }, viewer.accessToken)).searchUsers.edges.map(
        (e: { node: { id: string } }) => e.node.id,
      );
    expect(await searchIds(a, 'blocker_b')).toEqual([]);
    // The blocker still sees whom they blocked, marked as such.
    expect((await t.ok(USER, { id: a.id }, b.accessToken)).user.blockedByMe).toBe(true);
    expect(await searchIds(b, 'blocked_al')).toEqual([a.id]);
    expect((await t.ok(BLOCKED, {}, b.accessToken)).blockedUsers).toEqual([{ id: a.id, blockedByMe: true }]);
    // Blocking again is harmless.
    await t.ok(BLOCK, { id: a.id }, b.accessToken);

    const lifted = await t.ok(UNBLOCK, { id: a.id }, b.accessToken);
    expect(lifted.unblockUser).toEqual({ id: a.id, contactStatus: 'NONE', blockedByMe: false });
    expect((await t.ok(BLOCKED, {}, b.accessToken)).blockedUsers).toEqual([]);
    expect((await t.ok(USER, { id: b.id }, a.accessToken)).user.id).toBe(b.id);
    expect(await searchIds(a, 'blocker_b')).toEqual([b.id]);
    expect((await send(a, b)).sendFriendRequest.user.contactStatus).toBe('REQUEST_SENT');
  });

  it('refuses blocking yourself (BAD_USER_INPUT) and unknown people (NOT_FOUND)', async () => {
    const a = await registerUser(t);
    expectError(await t.gql(BLOCK, { id: a.id }, a.accessToken), 'BAD_USER_INPUT');
    expectError(await t.gql(BLOCK, { id: 'x' }, a.accessToken), 'NOT_FOUND');
    expectError(
      await t.gql(UNBLOCK, { id: '0190c0de-0000-7000-8000-000000000000' }, a.accessToken),
      'NOT_FOUND',
    );
  });
});

describe('events (on the myEvents topic)', () => {
  it('tells the recipient about a request, and both sides when it is accepted', async () => {
    const [a, b] = [await registerUser(t), await registerUser(t)];
    const [pa, pb] = await Promise.all([probeUserTopic(t, a.id), probeUserTopic(t, b.id)]);
    try {
      const { sendFriendRequest } = await send(a, b);
      expect(await pb.next()).toMatchObject({
        __typename: 'FriendRequestReceived',
        request: { id: sendFriendRequest.request.id, fromUserId: a.id, toUserId: b.id },
      });
      await t.ok(RESPOND, { id: sendFriendRequest.request.id, accept: true }, b.accessToken);
      expect(await pa.next()).toMatchObject({ __typename: 'ContactsChanged', user: { id: b.id } });
      expect(await pb.next()).toMatchObject({ __typename: 'ContactsChanged', user: { id: a.id } });
      await t.ok(REMOVE, { id: b.id }, a.accessToken);
      expect(await pa.next()).toMatchObject({ __typename: 'ContactsChanged', user: { id: b.id } });
      expect(await pb.next()).toMatchObject({ __typename: 'ContactsChanged', user: { id: a.id } });
      // The sender got nothing else (e.g. no FriendRequestReceived of their own).
      expect(pa.events.map((e) => e.__typename)).toEqual(['ContactsChanged', 'ContactsChanged']);
    } finally {
      await Promise.all([pa.close(), pb.close()]);
    }
  });

  it('tells both sides of a cancel and a decline', async () => {
    const [a, b] = [await registerUser(t), await registerUser(t)];
    const [pa, pb] = await Promise.all([probeUserTopic(t, a.id), probeUserTopic(t, b.id)]);
    try {
      const first = (await send(a, b)).sendFriendRequest.request.id;
      await pb.next(); // FriendRequestReceived
      await t.ok(CANCEL, { id: first }, a.accessToken);
      expect(await pa.next()).toMatchObject({ __typename: 'ContactsChanged', user: { id: b.id } });
      expect(await pb.next()).toMatchObject({ __typename: 'ContactsChanged', user: { id: a.id } });
      const second = (await send(a, b)).sendFriendRequest.request.id;
      await pb.next();
      await t.ok(RESPOND, { id: second, accept: false }, b.accessToken);
      expect(await pa.next()).toMatchObject({ __typename: 'ContactsChanged', user: { id: b.id } });
      expect(await pb.next()).toMatchObject({ __typename: 'ContactsChanged', user: { id: a.id } });
    } finally {
      await Promise.all([pa.close(), pb.close()]);
    }
  });

  it('tells the blocker, but not a stranger they blocked', async () => {
    const [a, b, c] = [await registerUser(t), await registerUser(t), await registerUser(t)];
    const [pa, pb] = await Promise.all([probeUserTopic(t, a.id), probeUserTopic(t, b.id)]);
    try {
      await t.ok(BLOCK, { id: a.id }, b.accessToken);
      expect(await pb.next()).toMatchObject({ __typename: 'ContactsChanged', user: { id: a.id } });
      // A sentinel published after the block: if the block had told `a`, it would come first.
      await send(c, a);
      expect(await pa.next()).toMatchObject({
        __typename: 'FriendRequestReceived',
        request: { fromUserId: c.id },
      });
      await t.ok(UNBLOCK, { id: a.id }, b.accessToken);
      expect(await pb.next()).toMatchObject({ __typename: 'ContactsChanged', user: { id: a.id } });
      await send(c, b);
      expect(await pb.next()).toMatchObject({
        __typename: 'FriendRequestReceived',
        request: { fromUserId: c.id },
      });
      expect(pa.events).toHaveLength(1);
    } finally {
      await Promise.all([pa.close(), pb.close()]);
    }
  });
});

describe('events through the myEvents subscription', () => {
  it('delivers a request and its acceptance, resolved for each subscriber', async () => {
    const [a, b] = [await registerUser(t), await registerUser(t)];
    const [wa, wb] = await Promise.all([
      connectWs(t.wsUrl, a.accessToken),
      connectWs(t.wsUrl, b.accessToken),
    ]);
    try {
      const [ea, eb] = await Promise.all([liveMyEvents(t, wa, a.id), liveMyEvents(t, wb, b.id)]);
      const { sendFriendRequest } = await send(a, b);
      const received = await eb.next();
      expect(received).toEqual({
        __typename: 'FriendRequestReceived',
        request: {
          id: sendFriendRequest.request.id,
          createdAt: sendFriendRequest.request.createdAt,
          from: { id: a.id, username: a.username, contactStatus: 'REQUEST_RECEIVED' },
          to: { id: b.id },
        },
      });
      await t.ok(RESPOND, { id: sendFriendRequest.request.id, accept: true }, b.accessToken);
      // Each side gets the other person, with contactStatus and private fields resolved for itself.
      expect(await ea.next()).toEqual({
        __typename: 'ContactsChanged',
        user: { id: b.id, email: null, contactStatus: 'CONTACT', blockedByMe: false },
      });
      expect(await eb.next()).toEqual({
        __typename: 'ContactsChanged',
        user: { id: a.id, email: null, contactStatus: 'CONTACT', blockedByMe: false },
      });
      await t.ok(BLOCK, { id: a.id }, b.accessToken);
      expect(await eb.next()).toMatchObject({ user: { id: a.id, contactStatus: 'NONE', blockedByMe: true } });
      expect(await ea.next()).toMatchObject({
        user: { id: b.id, contactStatus: 'NONE', blockedByMe: false },
      });
    } finally {
      await Promise.all([wa.close(), wb.close()]);
    }
  });
});
