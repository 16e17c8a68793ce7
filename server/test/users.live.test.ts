/**
 * Profile changes reach the people who see the user, live (users.publish.ts):
 * a new name or picture as UserUpdated on `myEvents` (and the direct room's
 * RoomUpdated, whose title and picture are theirs), and turning read receipts
 * off as a ReadReceiptWithdrawn, back on as a ReadReceipt with the current
 * pointer, in each of their rooms.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { userTopic } from '../src/modules/users/users.topics.ts';
import { createTestApp, type TestApp } from './helpers/app.ts';
import { createGroup, liveMyEvents, MARK_READ, nextMatching, openDm, send } from './helpers/chat.ts';
import { makePng, upload } from './helpers/files.ts';
import { liveRoomEvents, type MyEv, Sockets } from './helpers/live.ts';
import { registerUser, type TestUser } from './helpers/users.ts';

let t: TestApp;
const sockets = new Sockets();
beforeAll(async () => {
  t = await createTestApp();
});
afterEach(() => sockets.closeAll());
afterAll(() => t?.close());

const UPDATE = `mutation($input: UpdateProfileInput!) { updateProfile(input: $input) { id avatarUrl } }`;
const MY_EVENTS = `subscription { myEvents { __typename
  ... on RoomRemoved { roomId }
  ... on UserUpdated { user { id displayName avatarUrl bio timeZone } }
  ... on RoomUpdated { room { id title avatarUrl } } } }`;

const listen = async (user: TestUser) =>
  liveMyEvents<MyEv>(t, await sockets.connect(t, user), user, MY_EVENTS);

/** Resolves with what `sub` receives next unless it is a marker published now: nothing came. */
async function nothingFor(user: TestUser, sub: Awaited<ReturnType<typeof listen>>) {
  await t.app.events.publish(userTopic(user.id), { __typename: 'RoomRemoved', roomId: 'marker' });
  expect((await sub.next()).myEvents).toEqual({ __typename: 'RoomRemoved', roomId: 'marker' });
}

const fileIdOf = (url: string | null) => (url ? /\/files\/([0-9a-f-]{36})\//.exec(url)?.[1] : null);

describe('profile changes, live', () => {
  it('a new picture, its removal and a new name reach room mates and their direct room', async () => {
    const [ada, bob, cy, eve] = await Promise.all([
      registerUser(t, { displayName: 'Ada' }),
      registerUser(t, { displayName: 'Bob' }),
      registerUser(t, { displayName: 'Cy' }),
      registerUser(t, { displayName: 'Eve' }),
    ]);
    const dm = await openDm(t, ada, bob);
    await send(t, ada, dm.id, 'Hi Bob'); // the room is in Bob's list
    await createGroup(t, ada, [cy], 'Pair');
    const [forBob, forCy, forEve] = await Promise.all([listen(bob), listen(cy), listen(eve)]);

    const res = await upload(t, ada.accessToken, { filename: 'me.png', data: await makePng(64, 64) });
    expect(res.status).toBe(201);
    const picId = res.body.id as string;
    await t.ok(UPDATE, { input: { avatarId: picId } }, ada.accessToken);

    // Bob (direct room) gets Ada with her picture, and the room whose picture it is.
    const seen = [await forBob.next(), await forBob.next()].map((e) => e.myEvents);
    const user = seen.find((e) => e.__typename === 'UserUpdated');
    expect(user?.user).toMatchObject({ id: ada.id, displayName: 'Ada' });
    expect(fileIdOf(user?.user.avatarUrl)).toBe(picId);
    const room = seen.find((e) => e.__typename === 'RoomUpdated');
    expect(room?.room).toMatchObject({ id: dm.id, title: 'Ada' });
    expect(fileIdOf(room?.room.avatarUrl)).toBe(picId);
    // Cy (a group) gets Ada; the group's own picture is not hers, so no RoomUpdated.
    const forCyUser = (await forCy.next()).myEvents;
    expect(forCyUser).toMatchObject({ __typename: 'UserUpdated', user: { id: ada.id } });
    expect(fileIdOf(forCyUser.user.avatarUrl)).toBe(picId);
    await nothingFor(cy, forCy);
    // Eve shares nothing with Ada.
    await nothingFor(eve, forEve);

    // Removing it.
    await t.ok(UPDATE, { input: { avatarId: null } }, ada.accessToken);
    const removed = [await forBob.next(), await forBob.next()].map((e) => e.myEvents);
    expect(removed.find((e) => e.__typename === 'UserUpdated')?.user.avatarUrl).toBeNull();
    expect(removed.find((e) => e.__typename === 'RoomUpdated')?.room).toMatchObject({
      id: dm.id,
      avatarUrl: null,
    });

    // A new name: the direct room's title follows.
    await t.ok(UPDATE, { input: { displayName: 'Ada L.' } }, ada.accessToken);
    const renamed = [await forBob.next(), await forBob.next()].map((e) => e.myEvents);
    expect(renamed.find((e) => e.__typename === 'UserUpdated')?.user.displayName).toBe('Ada L.');
    expect(renamed.find((e) => e.__typename === 'RoomUpdated')?.room).toMatchObject({
      id: dm.id,
      title: 'Ada L.',
    });

    // A bio is news for the person, not for the room; saving what is already there is no news.
    await t.ok(UPDATE, { input: { bio: 'Hello', displayName: 'Ada L.' } }, ada.accessToken);
    expect((await forBob.next()).myEvents).toMatchObject({
      __typename: 'UserUpdated',
      user: { id: ada.id, bio: 'Hello' },
    });
    await nothingFor(bob, forBob);
    await t.ok(UPDATE, { input: { bio: 'Hello', displayName: 'Ada L.' } }, ada.accessToken);
    await nothingFor(bob, forBob);
    expect(t.errorLogs).toEqual([]);
  });

  it("the user's own other devices get their change too: a new time zone shows everywhere at once", async () => {
    const ann = await registerUser(t, { displayName: 'Ann', timeZone: 'Asia/Kolkata' });
    const otherTab = await listen(ann);
    await t.ok(UPDATE, { input: { timeZone: 'Europe/Berlin' } }, ann.accessToken);
    const e = (await otherTab.next()).myEvents;
    expect(e).toMatchObject({ __typename: 'UserUpdated', user: { id: ann.id, timeZone: 'Europe/Berlin' } });
    expect(t.errorLogs).toEqual([]);
  });

  it('turning read receipts back on shows where the reader is, in every room', async () => {
    const [ann, ben] = await Promise.all([
      registerUser(t, { displayName: 'Ann' }),
      registerUser(t, { displayName: 'Ben' }),
    ]);
    const room = await openDm(t, ann, ben);
    await t.ok(UPDATE, { input: { shareReadReceipts: false } }, ben.accessToken);
    const m = await send(t, ann, room.id, 'Did you read this?');
    await t.ok(MARK_READ, { r: room.id, seq: m.seq }, ben.accessToken); // privately
    const [forAnn] = await liveRoomEvents(sockets, [t], [ann], room.id, ann);

    await t.ok(UPDATE, { input: { shareReadReceipts: true } }, ben.accessToken);
    const e = await nextMatching(forAnn, (ev) => ev.roomEvents.__typename === 'ReadReceipt');
    expect(e.roomEvents).toMatchObject({ roomId: room.id, seq: m.seq, user: { id: ben.id } });
    expect(e.roomEvents.readAt).toEqual(expect.any(String));
    expect(t.errorLogs).toEqual([]);
  });

  it('turning read receipts off withdraws them live in every room; back on, the same pointer is sent again', async () => {
    const [ann, ben] = await Promise.all([
      registerUser(t, { displayName: 'Ann' }),
      registerUser(t, { displayName: 'Ben' }),
    ]);
    const room = await openDm(t, ann, ben);
    const m = await send(t, ann, room.id, 'Seen?');
    const [forAnn] = await liveRoomEvents(sockets, [t], [ann], room.id, ann);
    await t.ok(MARK_READ, { r: room.id, seq: m.seq }, ben.accessToken);
    const seen = await nextMatching(forAnn, (ev) => ev.roomEvents.__typename === 'ReadReceipt');
    expect(seen.roomEvents).toMatchObject({ seq: m.seq, user: { id: ben.id } });

    await t.ok(UPDATE, { input: { shareReadReceipts: false } }, ben.accessToken);
    const gone = await nextMatching(forAnn, (ev) => ev.roomEvents.__typename === 'ReadReceiptWithdrawn');
    expect(gone.roomEvents).toMatchObject({ roomId: room.id, user: { id: ben.id }, at: expect.any(String) });

    // On the same stream: the pointer has not moved, and still comes back (it was forgotten).
    await t.ok(UPDATE, { input: { shareReadReceipts: true } }, ben.accessToken);
    const back = await nextMatching(forAnn, (ev) => ev.roomEvents.__typename === 'ReadReceipt');
    expect(back.roomEvents).toMatchObject({ seq: m.seq, user: { id: ben.id } });
    expect(t.errorLogs).toEqual([]);
  });
});
