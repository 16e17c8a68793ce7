/**
 * Meetings: requests, the state machine, double booking, time zones (DST),
 * ICS invitations and live events. Default lead times (24 h / 15 min); the
 * timing of scheduled work is in meetings.jobs.test.ts.
 */
import ICAL from 'ical.js';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatInZone } from '../src/lib/time.ts';
import { createTestApp, expectError, type TestApp } from './helpers/app.ts';
import {
  fastForward,
  getMeeting,
  icsEmails,
  meetingJobs,
  meetingMutation,
  meetingOk,
  notificationsOf,
  requestMeeting,
  waitFor,
} from './helpers/meetings.ts';
import { waitForMail } from './helpers/outbox.ts';
import { registerUser } from './helpers/users.ts';
import { connectWs } from './helpers/ws.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

const HOUR = 3_600_000;
const inHours = (h: number) => new Date(Date.now() + h * HOUR);

function parseIcs(content: string) {
  const cal = new ICAL.Component(ICAL.parse(content));
  const ev = cal.getFirstSubcomponent('vevent');
  if (!ev) throw new Error('no VEVENT');
  return {
    method: cal.getFirstPropertyValue('method'),
    uid: ev.getFirstPropertyValue('uid'),
    sequence: Number(ev.getFirstPropertyValue('sequence')),
    start: (ev.getFirstPropertyValue('dtstart') as ICAL.Time).toJSDate(),
    end: (ev.getFirstPropertyValue('dtend') as ICAL.Time).toJSDate(),
    summary: ev.getFirstPropertyValue('summary'),
    description: ev.getFirstPropertyValue('description'),
    status: ev.getFirstPropertyValue('status'),
  };
}

describe('requesting a meeting', () => {
  it('creates a REQUESTED video meeting with a link and notifies the invitee', async () => {
    const ann = await registerUser(t, { displayName: 'Ann', timeZone: 'Europe/Berlin' });
    const bob = await registerUser(t, { displayName: 'Bob', timeZone: 'Asia/Kolkata' });
    const m = await requestMeeting(t, ann, bob, { startsAt: inHours(48), durationMinutes: 45 });
    expect(m).toMatchObject({
      status: 'REQUESTED',
      version: 1,
      kind: 'VIDEO',
      myRole: 'REQUESTER',
      durationMinutes: 45,
      requester: { id: ann.id },
      invitee: { id: bob.id },
      otherParticipant: { id: bob.id },
      pendingReschedule: null,
    });
    expect(m.meetingUrl).toMatch(/^https:\/\/meet\.jit\.si\/parley-[A-Za-z0-9_-]{16}$/);
    expect(new Date(m.endsAt).getTime() - new Date(m.startsAt).getTime()).toBe(45 * 60_000);

    const [n] = await notificationsOf(t, bob.id, 'MEETING_REQUESTED');
    expect(n?.title).toBe('Meeting request from Ann');
    expect(n?.body).toMatch(/ IST for 45 minutes/); // Bob's zone
    expect(n?.data).toMatchObject({ meetingId: m.id, fromUserId: ann.id });

    const asBob = await getMeeting(t, bob, m.id);
    expect(asBob.myRole).toBe('INVITEE');
    expect(asBob.otherParticipant.id).toBe(ann.id);
  });

  it('validates input: future start, duration 5–480, location for IN_PERSON, no self-invites', async () => {
    const ann = await registerUser(t);
    const bob = await registerUser(t);
    const req = (input: Record<string, unknown>, user = ann) =>
      t.gql(
        `mutation($input: RequestMeetingInput!) { requestMeeting(input: $input) { id } }`,
        {
          input: {
            inviteeId: bob.id,
            startsAt: inHours(2).toISOString(),
            durationMinutes: 30,
            kind: 'VIDEO',
            ...input,
          },
        },
        user.accessToken,
      );
    expectError(await req({ startsAt: new Date(Date.now() - 60_000).toISOString() }), 'BAD_USER_INPUT');
    expectError(await req({ startsAt: '2027-03-15T09:00:00' }), 'BAD_USER_INPUT'); // no offset
    expectError(await req({ durationMinutes: 4 }), 'BAD_USER_INPUT');
    expectError(await req({ durationMinutes: 481 }), 'BAD_USER_INPUT');
    expectError(await req({ kind: 'IN_PERSON' }), 'BAD_USER_INPUT');
    expectError(await req({ kind: 'IN_PERSON', location: '   ' }), 'BAD_USER_INPUT');
    expectError(await req({ inviteeId: ann.id }), 'BAD_USER_INPUT');
    expectError(await req({ inviteeId: '0190aaaa-0000-7000-8000-000000000000' }), 'NOT_FOUND');
    const ok = (await req({ kind: 'IN_PERSON', location: 'Café Central, Vienna' })).data as {
      requestMeeting: { id: string };
    };
    const m = await getMeeting(t, ann, ok.requestMeeting.id);
    expect(m).toMatchObject({ kind: 'IN_PERSON', location: 'Café Central, Vienna', meetingUrl: null });
    expect(await notificationsOf(t, bob.id, 'MEETING_REQUESTED')).toHaveLength(1);
  });

  it('is safe to retry with a clientId, links a shared room, and refuses blocked people', async () => {
    const ann = await registerUser(t);
    const bob = await registerUser(t);
    const eve = await registerUser(t);
    const REQ = `mutation($input: RequestMeetingInput!) { requestMeeting(input: $input) { id roomId } }`;
    const input = {
      inviteeId: bob.id,
      startsAt: inHours(9).toISOString(),
      durationMinutes: 30,
      kind: 'VIDEO',
    };
    const [a, b] = await Promise.all([
      t.ok(REQ, { input: { ...input, clientId: 'c-1' } }, ann.accessToken),
      t.ok(REQ, { input: { ...input, clientId: 'c-1' } }, ann.accessToken),
    ]);
    expect(a.requestMeeting.id).toBe(b.requestMeeting.id);
    const again = await t.ok(REQ, { input: { ...input, clientId: 'c-1' } }, ann.accessToken);
    expect(again.requestMeeting.id).toBe(a.requestMeeting.id);
    expect(await notificationsOf(t, bob.id, 'MEETING_REQUESTED')).toHaveLength(1);

    const room = await t.ok(
      `mutation($input: CreateGroupRoomInput!) { createGroupRoom(input: $input) { id } }`,
      { input: { title: 'Mentoring', memberIds: [bob.id] } },
      ann.accessToken,
    );
    const roomId = room.createGroupRoom.id;
    const linked = await t.ok(REQ, { input: { ...input, roomId } }, ann.accessToken);
    expect(linked.requestMeeting.roomId).toBe(roomId);
    expectError(
      await t.gql(REQ, { input: { ...input, inviteeId: ann.id, roomId } }, eve.accessToken),
      'NOT_FOUND', // Eve is not in the room
    );
    expectError(
      await t.gql(REQ, { input: { ...input, inviteeId: eve.id, roomId } }, ann.accessToken),
      'BAD_USER_INPUT',
    );

    await t.ok(`mutation($u: ID!) { blockUser(userId: $u) { id } }`, { u: ann.id }, eve.accessToken);
    expectError(await t.gql(REQ, { input: { ...input, inviteeId: eve.id } }, ann.accessToken), 'FORBIDDEN');
  });

  it('hides meetings from everyone but the participants (NOT_FOUND), lists and pages them by start', async () => {
    const ann = await registerUser(t);
    const bob = await registerUser(t);
    const eve = await registerUser(t);
    const later = await requestMeeting(t, ann, bob, { startsAt: inHours(30) });
    const sooner = await requestMeeting(t, bob, ann, { startsAt: inHours(10) });
    const middle = await requestMeeting(t, ann, bob, { startsAt: inHours(20) });
    expectError(
      await t.gql(`query($id: ID!) { meeting(id: $id) { id } }`, { id: later.id }, eve.accessToken),
      'NOT_FOUND',
    );
    expectError(await meetingMutation(t, eve, 'acceptMeeting', later.id), 'NOT_FOUND');
    expectError(await meetingMutation(t, eve, 'cancelMeeting', later.id), 'NOT_FOUND');

    const LIST = `query($f: MeetingFilter, $first: Int, $after: String) {
      meetings(filter: $f, first: $first, after: $after) { edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }`;
    const p1 = (await t.ok(LIST, { first: 2 }, ann.accessToken)).meetings;
    expect(p1.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([sooner.id, middle.id]);
    expect(p1.pageInfo.hasNextPage).toBe(true);
    const p2 = (await t.ok(LIST, { first: 2, after: p1.pageInfo.endCursor }, ann.accessToken)).meetings;
    expect(p2.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([later.id]);
    expect(p2.pageInfo.hasNextPage).toBe(false);
    const asInvitee = (await t.ok(LIST, { f: { role: 'INVITEE' } }, ann.accessToken)).meetings;
    expect(asInvitee.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([sooner.id]);
    const window = (
      await t.ok(
        LIST,
        { f: { from: inHours(15).toISOString(), to: inHours(25).toISOString() } },
        ann.accessToken,
      )
    ).meetings;
    expect(window.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([middle.id]);
    expect((await t.ok(LIST, {}, eve.accessToken)).meetings.edges).toEqual([]);
    expectError(await t.gql(LIST, { after: 'bogus' }, ann.accessToken), 'BAD_USER_INPUT');

    await meetingOk(t, bob, 'declineMeeting', middle.id, { reason: 'busy' });
    const accepted = (await t.ok(LIST, { f: { status: ['REQUESTED'] } }, ann.accessToken)).meetings;
    expect(accepted.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([sooner.id, later.id]);
    const upcoming = (await t.ok(`{ upcomingMeetings(first: 5) { id status } }`, {}, ann.accessToken))
      .upcomingMeetings;
    expect(upcoming.map((m: { id: string }) => m.id)).toEqual([sooner.id, later.id]);
  });
});

describe('the state machine', () => {
  it('refuses illegal transitions with the right code and changes nothing', async () => {
    const ann = await registerUser(t);
    const bob = await registerUser(t);
    const m = await requestMeeting(t, ann, bob, { startsAt: inHours(5) });
    const snapshot = async () => ({
      row: await t.app.deps.db
        .selectFrom('meetings')
        .selectAll()
        .where('id', '=', m.id)
        .executeTakeFirstOrThrow(),
      notes: (await notificationsOf(t, ann.id)).length + (await notificationsOf(t, bob.id)).length,
      jobs: (await meetingJobs(t, m.id)).length,
      slots: (
        await t.app.deps.db.selectFrom('meeting_slots').selectAll().where('meeting_id', '=', m.id).execute()
      ).length,
    });
    const before = await snapshot();

    expectError(await meetingMutation(t, ann, 'acceptMeeting', m.id), 'FORBIDDEN'); // requester can't accept
    expectError(await meetingMutation(t, ann, 'declineMeeting', m.id), 'FORBIDDEN');
    expectError(await meetingMutation(t, bob, 'cancelMeeting', m.id), 'FORBIDDEN'); // invitee declines instead
    expectError(await meetingMutation(t, bob, 'submitMeetingReview', m.id, { rating: 5 }), 'BAD_USER_INPUT');
    expectError(
      await meetingMutation(t, bob, 'proposeReschedule', m.id, { startsAt: inHours(6).toISOString() }),
      'BAD_USER_INPUT',
    );
    expectError(await meetingMutation(t, bob, 'acceptReschedule', m.id), 'BAD_USER_INPUT');
    expectError(await meetingMutation(t, ann, 'acceptMeeting', 'not-a-uuid'), 'NOT_FOUND');
    expect(await snapshot()).toEqual(before);

    // Accept; accepting again is a harmless retry.
    const accepted = await meetingOk(t, bob, 'acceptMeeting', m.id);
    expect(accepted.status).toBe('ACCEPTED');
    const again = await meetingOk(t, bob, 'acceptMeeting', m.id);
    expect(again).toEqual(accepted);
    const afterAccept = await snapshot();
    expect(afterAccept.slots).toBe(2);
    // The request's expiry (cancelled by the accept), the 15 min reminder, start, end (the 24 h one is already past).
    expect(afterAccept.jobs).toBe(4);

    expectError(await meetingMutation(t, bob, 'declineMeeting', m.id), 'BAD_USER_INPUT');
    expectError(await meetingMutation(t, ann, 'submitMeetingReview', m.id, { rating: 4 }), 'BAD_USER_INPUT'); // before the end
    expectError(await meetingMutation(t, ann, 'rejectReschedule', m.id), 'BAD_USER_INPUT'); // nothing proposed
    await meetingOk(t, ann, 'proposeReschedule', m.id, {
      startsAt: inHours(7).toISOString(),
      reason: 'clash',
    });
    expectError(await meetingMutation(t, ann, 'acceptReschedule', m.id), 'FORBIDDEN'); // own proposal
    const mid = await snapshot();

    // Cancel; cancelling again is a retry; nothing else works on a cancelled meeting.
    const cancelled = await meetingOk(t, ann, 'cancelMeeting', m.id, { reason: 'Sick' });
    expect(cancelled).toMatchObject({
      status: 'CANCELLED',
      cancelReason: 'Sick',
      cancelledBy: { id: ann.id },
    });
    expect(cancelled.pendingReschedule).toBeNull();
    expect(await meetingOk(t, bob, 'cancelMeeting', m.id)).toMatchObject({
      status: 'CANCELLED',
      version: cancelled.version,
      updatedAt: cancelled.updatedAt,
    });
    const afterCancel = await snapshot();
    expect(afterCancel.slots).toBe(0);
    expect(afterCancel.notes).toBe(mid.notes + 1);
    expect((await meetingJobs(t, m.id)).every((j) => j.state === 'cancelled')).toBe(true);
    for (const [who, name] of [
      [bob, 'acceptMeeting'],
      [bob, 'declineMeeting'],
      [bob, 'acceptReschedule'],
      [ann, 'submitMeetingReview'],
    ] as const) {
      const r = await meetingMutation(
        t,
        who,
        name,
        m.id,
        name === 'submitMeetingReview' ? { rating: 3 } : {},
      );
      expectError(r, 'BAD_USER_INPUT');
    }
    expect(await snapshot()).toEqual(afterCancel);
  });

  it('validates review input and lets each participant review once, the other review hidden until both did', async () => {
    const ann = await registerUser(t);
    const bob = await registerUser(t);
    const m = await requestMeeting(t, ann, bob, { startsAt: inHours(3) });
    await meetingOk(t, bob, 'acceptMeeting', m.id);
    // The end as the scheduler would run it (the worker path is in meetings.jobs.test.ts).
    await t.app.deps.db.updateTable('meetings').set({ status: 'ENDED' }).where('id', '=', m.id).execute();
    expectError(await meetingMutation(t, ann, 'submitMeetingReview', m.id, { rating: 0 }), 'BAD_USER_INPUT');
    expectError(await meetingMutation(t, ann, 'submitMeetingReview', m.id, { rating: 6 }), 'BAD_USER_INPUT');
    const first = await meetingOk(t, ann, 'submitMeetingReview', m.id, { rating: 5, comment: 'Great' });
    expect(first.status).toBe('ENDED');
    expect(first.reviews).toEqual([{ rating: 5, comment: 'Great', reviewer: { id: ann.id } }]);
    expect((await getMeeting(t, bob, m.id)).reviews).toEqual([]); // Ann's review is hidden from Bob for now
    expectError(await meetingMutation(t, ann, 'submitMeetingReview', m.id, { rating: 4 }), 'BAD_USER_INPUT');
    const done = await meetingOk(t, bob, 'submitMeetingReview', m.id, { rating: 3 });
    expect(done.status).toBe('COMPLETED');
    expect(done.reviews).toHaveLength(2);
    expect((await notificationsOf(t, ann.id, 'MEETING_COMPLETED')).length).toBe(1);
    expect((await notificationsOf(t, bob.id, 'MEETING_COMPLETED')).length).toBe(1);
    expectError(await meetingMutation(t, bob, 'submitMeetingReview', m.id, { rating: 3 }), 'BAD_USER_INPUT');
  });
});

describe('double booking', () => {
  it('two concurrent accepts of overlapping meetings: exactly one CONFLICT', async () => {
    for (let round = 0; round < 10; round++) {
      const ann = await registerUser(t);
      const bob = await registerUser(t);
      const cat = await registerUser(t);
      const start = inHours(10 + round);
      const m1 = await requestMeeting(t, ann, bob, { startsAt: start, durationMinutes: 60 });
      const m2 = await requestMeeting(t, ann, cat, {
        startsAt: new Date(start.getTime() + 30 * 60_000),
        durationMinutes: 60,
      });
      const results = await Promise.all([
        meetingMutation(t, bob, 'acceptMeeting', m1.id),
        meetingMutation(t, cat, 'acceptMeeting', m2.id),
      ]);
      const codes = results.map((r) => r.errors?.[0]?.extensions.code ?? 'OK').sort();
      expect(codes, JSON.stringify(results.map((r) => r.errors ?? 'OK'))).toEqual(['CONFLICT', 'OK']);
      const loser = results[0]?.errors ? m1 : m2;
      const row = await t.app.deps.db
        .selectFrom('meetings')
        .selectAll()
        .where('id', '=', loser.id)
        .executeTakeFirst();
      expect(row?.status).toBe('REQUESTED'); // rolled back: no slots, no jobs, no notification
      // Only the request's expiry, still waiting: the accept's jobs (and its cancelling of the expiry) rolled back.
      expect((await meetingJobs(t, loser.id)).map((j) => [j.data.step, j.state])).toEqual([
        ['EXPIRE', 'created'],
      ]);
    }
  });

  it('allows back-to-back meetings and refuses a reschedule into a busy slot', async () => {
    const ann = await registerUser(t);
    const bob = await registerUser(t);
    const start = inHours(40);
    const m1 = await requestMeeting(t, ann, bob, { startsAt: start, durationMinutes: 30 });
    const m2 = await requestMeeting(t, bob, ann, { startsAt: new Date(start.getTime() + 30 * 60_000) });
    await meetingOk(t, bob, 'acceptMeeting', m1.id);
    await meetingOk(t, ann, 'acceptMeeting', m2.id); // [10:00,10:30) and [10:30,11:00) do not overlap
    await meetingOk(t, ann, 'proposeReschedule', m2.id, {
      startsAt: new Date(start.getTime() + 10 * 60_000).toISOString(),
    });
    expectError(await meetingMutation(t, bob, 'acceptReschedule', m2.id), 'CONFLICT');
    const still = await getMeeting(t, bob, m2.id);
    expect(still.version).toBe(1);
    expect(still.pendingReschedule).not.toBeNull();
    expect(new Date(still.startsAt).getTime()).toBe(start.getTime() + 30 * 60_000);
  });
});

describe('time zones and calendars', () => {
  it('DST: 09:00 New York on the Monday after the US spring change, requested from Berlin', async () => {
    const berlin = await registerUser(t, { displayName: 'Bea', timeZone: 'Europe/Berlin' });
    const ny = await registerUser(t, { displayName: 'Nick', timeZone: 'America/New_York' });
    // US clocks moved on Sun 14 Mar 2027; Europe moves on 28 Mar: the offset is 5 h this week, not 6.
    const m = await requestMeeting(t, berlin, ny, {
      startsAt: '2027-03-15T09:00:00-04:00',
      durationMinutes: 60,
    });
    expect(m.startsAt).toBe('2027-03-15T13:00:00.000Z');
    expect(m.startsAtLocal).toBe('Mon 15 Mar 2027, 14:00 CET');
    expect(m.otherPartyStartsAtLocal).toBe('Mon 15 Mar 2027, 09:00 EDT');
    const asNy = await getMeeting(t, ny, m.id);
    expect(asNy.startsAtLocal).toBe('Mon 15 Mar 2027, 09:00 EDT');
    expect(asNy.otherPartyStartsAtLocal).toBe('Mon 15 Mar 2027, 14:00 CET');

    const [requested] = await notificationsOf(t, ny.id, 'MEETING_REQUESTED');
    expect(requested?.body).toContain('Mon 15 Mar 2027, 09:00 EDT');
    await meetingOk(t, ny, 'acceptMeeting', m.id);
    const [accepted] = await notificationsOf(t, berlin.id, 'MEETING_ACCEPTED');
    expect(accepted?.body).toContain('Mon 15 Mar 2027, 14:00 CET');

    // Reminders are instants: exactly 86 400 s and 900 s of real time before the start.
    const jobs = await meetingJobs(t, m.id);
    // Each job is due at `dueAt`, and released for fetching one poll (1 s) before it.
    for (const j of jobs)
      expect(new Date(j.startAfter).getTime()).toBe(new Date(j.data.dueAt as string).getTime() - 1_000);
    const at = (pred: (d: { step: string; leadSeconds?: number }) => boolean) =>
      jobs.find((j) => pred(j.data))?.data.dueAt;
    expect(at((d) => d.step === 'REMINDER' && d.leadSeconds === 86_400)).toBe('2027-03-14T13:00:00.000Z');
    expect(at((d) => d.step === 'REMINDER' && d.leadSeconds === 900)).toBe('2027-03-15T12:45:00.000Z');
    expect(at((d) => d.step === 'START')).toBe('2027-03-15T13:00:00.000Z');
    expect(at((d) => d.step === 'END')).toBe('2027-03-15T14:00:00.000Z');
    expect(
      new Date('2027-03-15T13:00:00Z').getTime() - new Date(at((d) => d.leadSeconds === 86_400)!).getTime(),
    ).toBe(86_400_000);

    // The 24 h reminder, when it runs (brought forward here), speaks each party's local time.
    expect(await fastForward(t, m.id, 'REMINDER')).toBe(2);
    await waitFor(
      async () => (await notificationsOf(t, ny.id, 'MEETING_REMINDER')).length === 2,
      20_000,
      'reminders',
    );
    const [nyReminder] = await notificationsOf(t, ny.id, 'MEETING_REMINDER');
    const [berlinReminder] = await notificationsOf(t, berlin.id, 'MEETING_REMINDER');
    expect(nyReminder?.title).toMatch(/in (24 hours|15 minutes)$/);
    expect(nyReminder?.body).toContain('Mon 15 Mar 2027, 09:00 EDT');
    expect(berlinReminder?.body).toContain('Mon 15 Mar 2027, 14:00 CET');
  });

  it('a notice reads in the zone its reader has now: moving to another zone re-renders its times, live and listed', async () => {
    const berlin = await registerUser(t, { displayName: 'Bea', timeZone: 'Europe/Berlin' });
    const ny = await registerUser(t, { displayName: 'Nick', timeZone: 'America/New_York' });
    const m = await requestMeeting(t, berlin, ny, {
      startsAt: '2027-06-15T09:00:00-04:00',
      durationMinutes: 30,
    });
    const LIST = `{ notifications(first: 5) { edges { node { type body } } } }`;
    const bodies = async (token: string) =>
      (
        await t.ok<{ notifications: { edges: { node: { type: string; body: string } }[] } }>(LIST, {}, token)
      ).notifications.edges.map((e) => e.node.body);
    expect(await bodies(ny.accessToken)).toEqual([
      expect.stringContaining('on Tue 15 Jun 2027, 09:00 EDT for 30'),
    ]);

    // Nick moves to Tokyo: the notice he already has now reads in Tokyo time.
    await t.ok(`mutation { updateProfile(input: { timeZone: "Asia/Tokyo" }) { id } }`, {}, ny.accessToken);
    const [moved] = await bodies(ny.accessToken);
    expect(moved).toMatch(
      /^Bea asks to meet on Tue 15 Jun 2027, 22:00 GMT\+9 for 30 minutes \(video call: .+\)\. Agenda: /,
    );
    // The email went out as written, in the zone he had then.
    const [stored] = await notificationsOf(t, ny.id, 'MEETING_REQUESTED');
    expect(stored?.body).toContain('09:00 EDT');

    // A notice arriving live reads in his new zone too.
    const ws = await connectWs(t.wsUrl, ny.accessToken);
    try {
      const live = ws.subscribe(
        'subscription { notificationEvents { __typename ... on NotificationAdded { notification { type body } } } }',
      );
      await live.next(); // the first count: subscribed
      await meetingOk(t, berlin, 'cancelMeeting', m.id);
      let added = await live.next();
      while (added.notificationEvents.__typename !== 'NotificationAdded') added = await live.next();
      expect(added.notificationEvents.notification).toEqual({
        type: 'MEETING_CANCELLED',
        body: 'The meeting on Tue 15 Jun 2027, 22:00 GMT+9 is cancelled.',
      });
    } finally {
      await ws.close();
    }
  });

  it('DST: "24 h before" is real time, not the same wall-clock time the day before', async () => {
    const berlin = await registerUser(t, { timeZone: 'Europe/Berlin' });
    const ny = await registerUser(t, { timeZone: 'America/New_York' });
    // 01:30 EDT on Monday; 24 h earlier New York was still on EST (the change was Sunday 02:00).
    const m = await requestMeeting(t, berlin, ny, {
      startsAt: '2027-03-15T01:30:00-04:00',
      durationMinutes: 30,
    });
    await meetingOk(t, ny, 'acceptMeeting', m.id);
    const job = (await meetingJobs(t, m.id)).find((j) => j.data.leadSeconds === 86_400);
    const at = new Date(job!.data.dueAt as string);
    expect(at.toISOString()).toBe('2027-03-14T05:30:00.000Z');
    // On New York's wall clock that is 00:30 EST, not 01:30: exactly 86 400 s before the start.
    expect(formatInZone(at, 'America/New_York')).toBe('Sun 14 Mar 2027, 00:30 EST');
  });

  it('emails carry an ICS that parses, with a stable UID, a growing SEQUENCE and METHOD:CANCEL', async () => {
    const ann = await registerUser(t, { displayName: 'Ann; "the, organiser"' });
    const bob = await registerUser(t, { displayName: 'Bob' });
    const agenda = `Plan, review; and decide\nSecond line with a long tail ${'é'.repeat(60)}`;
    const m = await requestMeeting(t, ann, bob, {
      startsAt: '2027-03-15T09:00:00-04:00',
      durationMinutes: 60,
      agenda,
    });
    await meetingOk(t, bob, 'acceptMeeting', m.id);
    await meetingOk(t, bob, 'proposeReschedule', m.id, { startsAt: '2027-03-16T10:00:00-04:00' });
    await meetingOk(t, ann, 'acceptReschedule', m.id);
    await meetingOk(t, bob, 'cancelMeeting', m.id, { reason: 'Trip cancelled' });

    const toBob = (await icsEmails(t, bob.email)).map((e) => ({ e, ics: parseIcs(e.icalEvent!.content) }));
    const toAnn = (await icsEmails(t, ann.email)).map((e) => ({ e, ics: parseIcs(e.icalEvent!.content) }));
    // Bob: the request, the new time, his own cancellation (his calendar holds the event too);
    // Ann: the acceptance, the new time, the cancellation.
    expect(toBob.map((x) => x.ics.method)).toEqual(['REQUEST', 'REQUEST', 'CANCEL']);
    expect(toAnn.map((x) => x.ics.method)).toEqual(['REQUEST', 'REQUEST', 'CANCEL']);
    const all = [...toBob, ...toAnn];
    const host = new URL(t.config.publicUrl).hostname;
    for (const { e, ics } of all) {
      expect(ics.uid).toBe(`${m.id}@${host}`);
      // The link opens the meeting, not Parley's front page.
      expect(e.text).toContain(`Open in Parley: ${t.config.publicUrl}/meetings/${m.id}\n`);
      expect(e.icalEvent!.method).toBe(ics.method);
      expect(e.icalEvent!.content).toMatch(/DTSTART:\d{8}T\d{6}Z\r\n/);
      for (const line of e.icalEvent!.content.split('\r\n'))
        expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    }
    expect(toBob[0]!.ics.description).toBe(agenda); // escaping and folding round-trip
    expect(toBob[0]!.ics.start.toISOString()).toBe('2027-03-15T13:00:00.000Z');
    expect(toBob[1]!.ics.start.toISOString()).toBe('2027-03-16T14:00:00.000Z');
    expect(toBob[1]!.ics.end.toISOString()).toBe('2027-03-16T15:00:00.000Z');
    const seqAnn = toAnn.map((x) => x.ics.sequence);
    expect(seqAnn).toEqual([...seqAnn].sort((a, b) => a - b));
    expect(new Set(seqAnn).size).toBe(3); // strictly increasing
    expect(toBob[0]!.ics.sequence).toBeLessThan(toAnn[0]!.ics.sequence);
    expect(toAnn[2]!.ics.status).toBe('CANCELLED');
    // Unanswered, the invitation is tentative and asks Bob for his answer; once accepted it is settled.
    expect(toBob[0]!.ics.status).toBe('TENTATIVE');
    expect(toBob[0]!.e.icalEvent!.content).toMatch(/PARTSTAT=NEEDS-ACTION;RSVP=TRUE/);
    expect([toBob[1]!.ics.status, toAnn[0]!.ics.status, toAnn[1]!.ics.status]).toEqual([
      'CONFIRMED',
      'CONFIRMED',
      'CONFIRMED',
    ]);
    expect(toAnn[1]!.e.icalEvent!.content).toMatch(/PARTSTAT=ACCEPTED/);
    // Ann accepted the new time herself: a confirmation, not a notice.
    expect(toAnn[1]!.e.subject).toBe('You moved your meeting with Bob');
    expect(toAnn[1]!.ics.sequence).toBe(toBob[1]!.ics.sequence); // the same update
    expect(toAnn[2]!.ics.sequence).toBe(toBob[2]!.ics.sequence);

    // The email worker sends it as a text/calendar part calendars act on.
    const mail = await waitForMail(
      t,
      (x) => x.to.includes(ann.email) && /method=CANCEL/i.test(x.raw),
      15_000,
    );
    expect(mail.raw).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=CANCEL/i);
  });
});

describe('meetingEvents', () => {
  it('delivers every change live to both participants and nobody else', async () => {
    const ann = await registerUser(t);
    const bob = await registerUser(t);
    const eve = await registerUser(t);
    const SUB = `subscription { meetingEvents { action meeting { id status version myRole startsAtLocal pendingReschedule { startsAt } } } }`;
    const conns = await Promise.all([ann, bob, eve].map((u) => connectWs(t.wsUrl, u.accessToken)));
    try {
      const [sa, sb, se] = conns.map((c) => c.subscribe(SUB));
      await new Promise((r) => setTimeout(r, 300)); // subscriptions registered
      const m = await requestMeeting(t, ann, bob, { startsAt: inHours(12) });
      await meetingOk(t, bob, 'acceptMeeting', m.id);
      await meetingOk(t, bob, 'proposeReschedule', m.id, { startsAt: inHours(13).toISOString() });
      await meetingOk(t, ann, 'rejectReschedule', m.id, { reason: 'no' });
      await meetingOk(t, ann, 'cancelMeeting', m.id);
      const actions = ['REQUESTED', 'ACCEPTED', 'RESCHEDULE_PROPOSED', 'RESCHEDULE_REJECTED', 'CANCELLED'];
      for (const [sub, role] of [
        [sa!, 'REQUESTER'],
        [sb!, 'INVITEE'],
      ] as const) {
        for (const action of actions) {
          const ev = (await sub.next(10_000)).meetingEvents;
          expect(ev.action).toBe(action);
          expect(ev.meeting.id).toBe(m.id);
          expect(ev.meeting.myRole).toBe(role);
          expect(ev.meeting.startsAtLocal).toMatch(/ CET$/);
        }
      }
      expect(sa!.received.map((e) => e.meetingEvents.meeting.status)).toEqual([
        'REQUESTED',
        'ACCEPTED',
        'ACCEPTED',
        'ACCEPTED',
        'CANCELLED',
      ]);
      expect(sb!.received[2].meetingEvents.meeting.pendingReschedule).not.toBeNull();
      await new Promise((r) => setTimeout(r, 300));
      expect(se!.received).toEqual([]);
    } finally {
      await Promise.all(conns.map((c) => c.close()));
    }
  });
});

describe('QA fixes', () => {
  it('rejecting a proposed time notifies the proposer with the reason (stored, live, emailed) and the meeting shows it', async () => {
    const ann = await registerUser(t, { displayName: 'Ann', timeZone: 'Europe/Berlin' });
    const bob = await registerUser(t, { displayName: 'Bob', timeZone: 'America/New_York' });
    const m = await requestMeeting(t, ann, bob, { startsAt: '2027-03-15T09:00:00-04:00' });
    await meetingOk(t, bob, 'acceptMeeting', m.id);
    await meetingOk(t, ann, 'proposeReschedule', m.id, { startsAt: '2027-03-16T15:00:00+01:00' });
    const conn = await connectWs(t.wsUrl, ann.accessToken);
    try {
      const sub = conn.subscribe(
        'subscription { notificationEvents { __typename ... on NotificationAdded { notification { type title body meetingId } } } }',
      );
      await sub.next(10_000); // the initial unread count
      const rejected = await meetingOk(t, bob, 'rejectReschedule', m.id, { reason: 'Hard stop at 15:45' });
      expect(rejected.pendingReschedule).toBeNull();
      const live = (await sub.next(10_000)).notificationEvents;
      expect(live.notification).toMatchObject({ type: 'MEETING_RESCHEDULE_REJECTED', meetingId: m.id });
      expect(live.notification.body).toContain('Reason: Hard stop at 15:45');
    } finally {
      await conn.close();
    }
    const [n] = await notificationsOf(t, ann.id, 'MEETING_RESCHEDULE_REJECTED');
    expect(n?.title).toBe('Bob rejected your proposed time');
    // In Ann's zone: the proposed time and the time that stays.
    expect(n?.body).toBe(
      'Bob rejected moving your meeting to Tue 16 Mar 2027, 15:00 CET; it stays on Mon 15 Mar 2027, 14:00 CET. Reason: Hard stop at 15:45',
    );
    expect(n?.data).toMatchObject({ meetingId: m.id, fromUserId: bob.id });
    expect(await notificationsOf(t, bob.id, 'MEETING_RESCHEDULE_REJECTED')).toEqual([]);
    // Emailed like the other meeting notices (default on).
    const mail = await waitForMail(
      t,
      (x) => x.to.includes(ann.email) && /rejected your proposed time/.test(x.raw),
    );
    expect(mail.raw).toContain('Hard stop at 15:45');
    // The meeting keeps it for both sides until the next proposal.
    const Q = `query($id: ID!) { meeting(id: $id) { rejectedReschedule { startsAt reason rejectedBy { id } } } }`;
    for (const u of [ann, bob])
      expect((await t.ok(Q, { id: m.id }, u.accessToken)).meeting.rejectedReschedule).toEqual({
        startsAt: '2027-03-16T14:00:00.000Z',
        reason: 'Hard stop at 15:45',
        rejectedBy: { id: bob.id },
      });
    await meetingOk(t, bob, 'proposeReschedule', m.id, { startsAt: '2027-03-17T09:00:00-04:00' });
    expect((await t.ok(Q, { id: m.id }, ann.accessToken)).meeting.rejectedReschedule).toBeNull();
  });

  it('cancellations (METHOD:CANCEL) reach everyone who got an invitation, the canceller and decliner too', async () => {
    const ann = await registerUser(t, { displayName: 'Ann' });
    const bob = await registerUser(t, { displayName: 'Bob' });
    const methods = async (u: { email: string }) =>
      (await icsEmails(t, u.email)).map((e) => parseIcs(e.icalEvent!.content).method);

    // Accepted, then cancelled by Ann: both calendars held it, both get the CANCEL.
    const m = await requestMeeting(t, ann, bob, { startsAt: inHours(30) });
    await meetingOk(t, bob, 'acceptMeeting', m.id);
    await meetingOk(t, ann, 'cancelMeeting', m.id, { reason: 'Ill' });
    expect(await methods(ann)).toEqual(['REQUEST', 'CANCEL']);
    expect(await methods(bob)).toEqual(['REQUEST', 'CANCEL']);
    // Ann gets no notification about her own cancellation, only the email.
    expect(await notificationsOf(t, ann.id, 'MEETING_CANCELLED')).toEqual([]);
    const own = (await icsEmails(t, ann.email)).at(-1)!;
    expect(own.subject).toBe('You cancelled your meeting with Bob');
    expect(parseIcs(own.icalEvent!.content).uid).toBe(
      parseIcs((await icsEmails(t, bob.email)).at(-1)!.icalEvent!.content).uid,
    );

    // Declined by Bob, whose calendar got the invitation with the request.
    const carol = await registerUser(t, { displayName: 'Carol' });
    const dave = await registerUser(t, { displayName: 'Dave' });
    const d = await requestMeeting(t, carol, dave, { startsAt: inHours(40) });
    await meetingOk(t, dave, 'declineMeeting', d.id, { reason: 'Away' });
    expect(await methods(dave)).toEqual(['REQUEST', 'CANCEL']);
    expect(await methods(carol)).toEqual(['CANCEL']);
    expect(await notificationsOf(t, dave.id, 'MEETING_DECLINED')).toEqual([]);

    // A request the requester withdraws: only the invitee ever got an invitation.
    const eve = await registerUser(t);
    const fay = await registerUser(t);
    const w = await requestMeeting(t, eve, fay, { startsAt: inHours(50) });
    await meetingOk(t, eve, 'cancelMeeting', w.id);
    expect(await methods(fay)).toEqual(['REQUEST', 'CANCEL']);
    expect(await methods(eve)).toEqual([]);
  });

  it('lists meetings latest first with paging (order: START_DESC) through all of them', async () => {
    const ann = await registerUser(t);
    const bob = await registerUser(t);
    const ids: string[] = [];
    for (let i = 0; i < 5; i++)
      ids.push((await requestMeeting(t, ann, bob, { startsAt: inHours(100 + i) })).id);
    const Q = `query($after: String) { meetings(order: START_DESC, first: 2, after: $after) {
      edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }`;
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 5; page++) {
      const r: { edges: { node: { id: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } =
        (await t.ok(Q, { after }, ann.accessToken)).meetings;
      seen.push(...r.edges.map((e: { node: { id: string } }) => e.node.id));
      if (!r.pageInfo.hasNextPage) break;
      after = r.pageInfo.endCursor;
    }
    expect(seen).toEqual([...ids].reverse());
    // The default order is unchanged.
    const asc = (await t.ok(`query { meetings(first: 10) { edges { node { id } } } }`, {}, ann.accessToken))
      .meetings.edges;
    expect(asc.map((e: { node: { id: string } }) => e.node.id)).toEqual(ids);
  });

  it('refuses starts more than 5 years ahead (a request, a proposal), and proposals across a block', async () => {
    const ann = await registerUser(t);
    const bob = await registerUser(t);
    const far = new Date();
    far.setUTCFullYear(far.getUTCFullYear() + 5);
    far.setUTCDate(far.getUTCDate() + 2);
    const r = await t.gql(
      `mutation($input: RequestMeetingInput!) { requestMeeting(input: $input) { id } }`,
      { input: { inviteeId: bob.id, startsAt: '9999-12-31T23:00:00Z', durationMinutes: 480, kind: 'VIDEO' } },
      ann.accessToken,
    );
    expectError(r, 'BAD_USER_INPUT');
    expect(r.errors?.[0]?.message).toBe('The start must be within 5 years from now');
    expect(r.errors?.[0]?.extensions?.field).toBe('startsAt');
    const m = await requestMeeting(t, ann, bob, { startsAt: inHours(40) });
    await meetingOk(t, bob, 'acceptMeeting', m.id);
    const proposal = await meetingMutation(t, bob, 'proposeReschedule', m.id, {
      startsAt: far.toISOString(),
    });
    expectError(proposal, 'BAD_USER_INPUT');
    expect(t.errorLogs).toEqual([]);

    // Bob blocks Ann: she cannot keep proposing times to him; either of them can still cancel.
    await t.ok(`mutation($u: ID!) { blockUser(userId: $u) { id } }`, { u: ann.id }, bob.accessToken);
    const blocked = await meetingMutation(t, ann, 'proposeReschedule', m.id, {
      startsAt: inHours(41).toISOString(),
    });
    expectError(blocked, 'FORBIDDEN');
    expect(await notificationsOf(t, bob.id, 'MEETING_RESCHEDULE_PROPOSED')).toEqual([]);
    expectError(
      await meetingMutation(t, bob, 'proposeReschedule', m.id, { startsAt: inHours(42).toISOString() }),
      'FORBIDDEN',
    );
    expect((await meetingOk(t, ann, 'cancelMeeting', m.id)).status).toBe('CANCELLED');
  });

  it('says what is wrong with a duration in words, on the durationMinutes field', async () => {
    const ann = await registerUser(t);
    const bob = await registerUser(t);
    for (const durationMinutes of [0, 1000]) {
      const r = await t.gql(
        `mutation($input: RequestMeetingInput!) { requestMeeting(input: $input) { id } }`,
        { input: { inviteeId: bob.id, startsAt: inHours(5).toISOString(), durationMinutes, kind: 'VIDEO' } },
        ann.accessToken,
      );
      expectError(r, 'BAD_USER_INPUT');
      expect(r.errors?.[0]?.message).toBe('Duration must be between 5 and 480 minutes');
      expect(r.errors?.[0]?.extensions?.field).toBe('durationMinutes');
    }
  });

  it('refuses texts that would not read as written: invisible characters in a location, text-direction controls anywhere', async () => {
    const ann = await registerUser(t);
    const bob = await registerUser(t);
    const REQUEST = `mutation($input: RequestMeetingInput!) { requestMeeting(input: $input) { id location agenda } }`;
    const base = { inviteeId: bob.id, startsAt: inHours(30).toISOString(), durationMinutes: 30 };
    const refused = [
      [
        { kind: 'IN_PERSON', location: 'Room\u200B 4' },
        'location',
        'Location must not contain invisible or text-direction control characters (found U+200B)',
      ],
      [
        { kind: 'VIDEO', agenda: 'Budget \u202Efdp.exe' },
        'agenda',
        'Agenda must not contain text-direction control characters (found U+202E)',
      ],
    ] as const;
    for (const [input, field, message] of refused) {
      const r = await t.gql(REQUEST, { input: { ...base, ...input } }, ann.accessToken);
      expectError(r, 'BAD_USER_INPUT');
      expect(r.errors?.[0]?.message).toBe(message);
      expect(r.errors?.[0]?.extensions?.field).toBe(field);
    }
    // What people write is kept: emoji sequences, right-to-left text with its marks, line breaks in an agenda.
    const ok = await t.ok(
      REQUEST,
      { input: { ...base, kind: 'IN_PERSON', location: 'קפה\u200F 👩‍💻', agenda: 'One\nTwo ❤️' } },
      ann.accessToken,
    );
    expect(ok.requestMeeting).toMatchObject({ location: 'קפה\u200F 👩‍💻', agenda: 'One\nTwo ❤️' });
    const m = ok.requestMeeting;
    const declined = await meetingMutation(t, bob, 'declineMeeting', m.id, {
      reason: 'busy \u2066then\u2069',
    });
    expectError(declined, 'BAD_USER_INPUT');
    expect(declined.errors?.[0]?.extensions?.field).toBe('reason');
    expect(
      await t.app.deps.db.selectFrom('meetings').select('status').where('id', '=', m.id).executeTakeFirst(),
    ).toEqual({
      status: 'REQUESTED',
    });
  });

  it('a question that is over stops counting as unread: answered, withdrawn or lapsed requests; answered, replaced or ended proposals', async () => {
    const ann = await registerUser(t, { displayName: 'Ann Unread' });
    const bob = await registerUser(t, { displayName: 'Bob Unread' });
    /** The user's unread notification types about meeting `id`, and their badge. */
    const unread = async (u: typeof ann, id: string) => {
      const rows = await t.app.deps.db
        .selectFrom('notifications')
        .select('type')
        .where('recipient_id', '=', u.id)
        .where('read_at', 'is', null)
        .where(sql<boolean>`data->>'meetingId' = ${id}`)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      return rows.map((r) => r.type);
    };
    const badge = async (u: typeof ann) =>
      (await t.ok<{ unreadNotificationCount: number }>('{ unreadNotificationCount }', {}, u.accessToken))
        .unreadNotificationCount;

    // Accepted: Bob's request notice is done with; Ann has the acceptance to read.
    const accepted = await requestMeeting(t, ann, bob, { startsAt: inHours(30) });
    expect(await unread(bob, accepted.id)).toEqual(['MEETING_REQUESTED']);
    const bobEvents = await connectWs(t.wsUrl, bob.accessToken);
    const live = bobEvents.subscribe<{ notificationEvents: { ids: string[]; unreadCount: number } }>(
      'subscription { notificationEvents { ... on NotificationsRead { ids unreadCount } } }',
    );
    expect((await live.next()).notificationEvents.ids).toEqual([]); // the sync on connect
    const before = await badge(bob);
    await meetingOk(t, bob, 'acceptMeeting', accepted.id);
    expect(await unread(bob, accepted.id)).toEqual([]);
    expect(await unread(ann, accepted.id)).toEqual(['MEETING_ACCEPTED']);
    // Bob's devices hear it: the badge drops live.
    const read = (await live.next()).notificationEvents;
    expect(read.ids).toHaveLength(1);
    expect(read.unreadCount).toBe(before - 1);
    expect(await badge(bob)).toBe(before - 1);
    await bobEvents.close();

    // Declined.
    const declined = await requestMeeting(t, ann, bob, { startsAt: inHours(60) });
    await meetingOk(t, bob, 'declineMeeting', declined.id, { reason: 'Busy' });
    expect(await unread(bob, declined.id)).toEqual([]);

    // Withdrawn by Ann: Bob keeps only the cancellation.
    const withdrawn = await requestMeeting(t, ann, bob, { startsAt: inHours(90) });
    await meetingOk(t, ann, 'cancelMeeting', withdrawn.id, { reason: 'Never mind' });
    expect(await unread(bob, withdrawn.id)).toEqual(['MEETING_CANCELLED']);

    // Proposals: a counter-proposal answers Bob's; accepting answers Ann's counter; a rejection too.
    await meetingOk(t, bob, 'proposeReschedule', accepted.id, { startsAt: inHours(31).toISOString() });
    expect(await unread(ann, accepted.id)).toEqual(['MEETING_ACCEPTED', 'MEETING_RESCHEDULE_PROPOSED']);
    await meetingOk(t, ann, 'proposeReschedule', accepted.id, { startsAt: inHours(32).toISOString() });
    expect(await unread(ann, accepted.id)).toEqual(['MEETING_ACCEPTED']);
    expect(await unread(bob, accepted.id)).toEqual(['MEETING_RESCHEDULE_PROPOSED']);
    await meetingOk(t, bob, 'acceptReschedule', accepted.id);
    // No notice about his own action: the move is Ann's news.
    expect(await unread(bob, accepted.id)).toEqual([]);
    await meetingOk(t, ann, 'proposeReschedule', accepted.id, { startsAt: inHours(33).toISOString() });
    await meetingOk(t, bob, 'rejectReschedule', accepted.id, { reason: 'No' });
    expect(await unread(bob, accepted.id)).toEqual([]);
    expect(await unread(ann, accepted.id)).toEqual([
      'MEETING_ACCEPTED',
      'MEETING_RESCHEDULED',
      'MEETING_RESCHEDULE_REJECTED',
    ]);
    // Cancelling an accepted meeting with a proposal pending retires the proposal too.
    await meetingOk(t, ann, 'proposeReschedule', accepted.id, { startsAt: inHours(34).toISOString() });
    await meetingOk(t, ann, 'cancelMeeting', accepted.id);
    expect(await unread(bob, accepted.id)).toEqual(['MEETING_CANCELLED']);

    // Unanswered until its start: the lapse notice replaces the request's.
    const lapsing = await requestMeeting(t, ann, bob, { startsAt: new Date(Date.now() + 2_000) });
    await waitFor(async () => (await getMeeting(t, bob, lapsing.id)).status === 'EXPIRED', 20_000, 'EXPIRED');
    expect(await unread(bob, lapsing.id)).toEqual(['MEETING_EXPIRED']);

    // Over with a proposal still pending: nothing left to answer.
    const ending = await requestMeeting(t, ann, bob, { startsAt: inHours(120) });
    await meetingOk(t, bob, 'acceptMeeting', ending.id);
    await meetingOk(t, bob, 'proposeReschedule', ending.id, { startsAt: inHours(121).toISOString() });
    expect(await unread(ann, ending.id)).toEqual(['MEETING_ACCEPTED', 'MEETING_RESCHEDULE_PROPOSED']);
    expect(await fastForward(t, ending.id, 'END')).toBe(1);
    await waitFor(async () => (await getMeeting(t, ann, ending.id)).status === 'ENDED', 20_000, 'ENDED');
    expect(await unread(ann, ending.id)).toEqual(['MEETING_ACCEPTED', 'MEETING_REVIEW_REQUESTED']);
  });
});
