/**
 * Scheduled meeting work with pg-boss running and lead times in seconds:
 * reminders, start, end, review window; reschedule, cancel, restart and two
 * instances. The end of a meeting (at least 5 minutes after its start) is
 * brought forward with `fastForward`, which makes the waiting pg-boss job due
 * now; the worker runs it exactly as it would at the real time.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createScratchDatabase, type ScratchDatabase } from '../src/db/admin.ts';
import { MEETING_JOB, type MeetingJobData } from '../src/modules/meetings/meetings.jobs.ts';
import { decide } from '../src/modules/meetings/meetings.machine.ts';
import type { MeetingModel, MeetingStatus } from '../src/modules/meetings/meetings.model.ts';
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
  sleepUntil,
  waitFor,
} from './helpers/meetings.ts';
import { registerUser, type TestUser } from './helpers/users.ts';

const LEADS = [6, 3];
const ENV = { MEETING_REMINDER_LEADS_SECONDS: LEADS.join(','), MEETING_REVIEW_WINDOW_SECONDS: '3' };

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ env: ENV });
});
afterAll(() => t?.close());

const types = async (app: TestApp, userId: string) => (await notificationsOf(app, userId)).map((n) => n.type);
/** The types of the user's notifications still unread, oldest first. */
const unreadTypes = async (app: TestApp, userId: string) =>
  (
    await app.app.deps.db
      .selectFrom('notifications')
      .select('type')
      .where('recipient_id', '=', userId)
      .where('read_at', 'is', null)
      .orderBy('created_at')
      .orderBy('id')
      .execute()
  ).map((n) => n.type);

async function statusOf(app: TestApp, id: string) {
  const row = await app.app.deps.db
    .selectFrom('meetings')
    .select('status')
    .where('id', '=', id)
    .executeTakeFirst();
  return row?.status;
}

describe('scheduled meeting work', () => {
  it('runs the whole lifecycle with notifications at every step', async () => {
    const ann = await registerUser(t, { displayName: 'Ann', timeZone: 'Europe/Berlin' });
    const bob = await registerUser(t, { displayName: 'Bob', timeZone: 'America/New_York' });
    const startsAt = new Date(Date.now() + 12_000);
    const m = await requestMeeting(t, ann, bob, { startsAt, durationMinutes: 5 });
    await meetingOk(t, bob, 'acceptMeeting', m.id);

    // Reminders at start − 6 s and − 3 s, then the start.
    await waitFor(async () => (await statusOf(t, m.id)) === 'IN_PROGRESS', 30_000, 'IN_PROGRESS');
    await waitFor(
      async () => (await notificationsOf(t, bob.id, 'MEETING_STARTED')).length > 0,
      10_000,
      'STARTED',
    );
    for (const u of [ann, bob]) {
      const reminders = await notificationsOf(t, u.id, 'MEETING_REMINDER');
      expect(reminders.map((r) => r.title)).toEqual([
        `Meeting with ${u === ann ? 'Bob' : 'Ann'} in 6 seconds`,
        `Meeting with ${u === ann ? 'Bob' : 'Ann'} in 3 seconds`,
      ]);
      // Never early (pg-boss may be late on a loaded machine, never early).
      expect(reminders[0]!.created_at.getTime()).toBeGreaterThanOrEqual(startsAt.getTime() - 6_000);
      expect(reminders[1]!.created_at.getTime()).toBeGreaterThanOrEqual(startsAt.getTime() - 3_000);
      // Each recipient reads the time in their own zone.
      expect(reminders[0]!.body).toMatch(u === ann ? / CET \(video call/ : / EST \(video call/);
    }
    const [started] = await notificationsOf(t, ann.id, 'MEETING_STARTED');
    expect(started!.created_at.getTime()).toBeGreaterThanOrEqual(startsAt.getTime());

    // The end (5 min later) is brought forward; the review prompt follows.
    expect(await fastForward(t, m.id, 'END')).toBe(1);
    await waitFor(async () => (await statusOf(t, m.id)) === 'ENDED', 15_000, 'ENDED');
    // Over with the meeting: the reminders and "it has started" no longer count as unread.
    expect(await unreadTypes(t, ann.id)).toEqual(['MEETING_ACCEPTED', 'MEETING_REVIEW_REQUESTED']);
    await meetingOk(t, ann, 'submitMeetingReview', m.id, { rating: 5, comment: 'Useful' });
    // Reviewed: the request to review is answered.
    expect(await unreadTypes(t, ann.id)).toEqual(['MEETING_ACCEPTED']);
    expect(await unreadTypes(t, bob.id)).toEqual(['MEETING_REVIEW_REQUESTED']);
    const done = await meetingOk(t, bob, 'submitMeetingReview', m.id, { rating: 4 });
    expect(done.status).toBe('COMPLETED');
    expect(await unreadTypes(t, bob.id)).toEqual(['MEETING_COMPLETED']);

    expect(await types(t, ann.id)).toEqual([
      'MEETING_ACCEPTED',
      'MEETING_REMINDER',
      'MEETING_REMINDER',
      'MEETING_STARTED',
      'MEETING_REVIEW_REQUESTED',
      'MEETING_COMPLETED',
    ]);
    expect(await types(t, bob.id)).toEqual([
      'MEETING_REQUESTED',
      'MEETING_REMINDER',
      'MEETING_REMINDER',
      'MEETING_STARTED',
      'MEETING_REVIEW_REQUESTED',
      'MEETING_COMPLETED',
    ]);
    // The auto-complete job (review window 3 s) finds the meeting completed: nothing more happens.
    await waitFor(
      async () => (await meetingJobs(t, m.id)).find((j) => j.data.step === 'COMPLETE')?.state === 'completed',
      15_000,
      'auto-complete job ran',
    );
    expect((await notificationsOf(t, ann.id, 'MEETING_COMPLETED')).length).toBe(1);
  });

  it('completes the meeting when the review window closes with one review missing', async () => {
    const ann = await registerUser(t);
    const bob = await registerUser(t);
    const m = await requestMeeting(t, ann, bob, { startsAt: new Date(Date.now() + 3_600_000) });
    await meetingOk(t, bob, 'acceptMeeting', m.id);
    await fastForward(t, m.id, 'START');
    await waitFor(async () => (await statusOf(t, m.id)) === 'IN_PROGRESS', 15_000, 'IN_PROGRESS');
    await fastForward(t, m.id, 'END');
    await waitFor(async () => (await statusOf(t, m.id)) === 'ENDED', 15_000, 'ENDED');
    await meetingOk(t, bob, 'submitMeetingReview', m.id, { rating: 2 });
    expect(await unreadTypes(t, ann.id)).toContain('MEETING_REVIEW_REQUESTED');
    await waitFor(async () => (await statusOf(t, m.id)) === 'COMPLETED', 20_000, 'COMPLETED');
    // Reviews closed without Ann's: her request to review is over too.
    expect(await unreadTypes(t, ann.id)).not.toContain('MEETING_REVIEW_REQUESTED');
    expect((await notificationsOf(t, ann.id, 'MEETING_COMPLETED')).length).toBe(1);
    expect((await notificationsOf(t, bob.id, 'MEETING_COMPLETED')).length).toBe(1);
    // Reviews are closed now; Bob's review is visible to Ann.
    expectError(await meetingMutation(t, ann, 'submitMeetingReview', m.id, { rating: 5 }), 'BAD_USER_INPUT');
    expect((await getMeeting(t, ann, m.id)).reviews).toEqual([
      { rating: 2, comment: '', reviewer: { id: bob.id } },
    ]);
  });

  it('reschedule moves the reminders; the old ones and stale jobs do nothing', async () => {
    const ann = await registerUser(t);
    const bob = await registerUser(t);
    const t0 = Date.now();
    const m = await requestMeeting(t, ann, bob, { startsAt: new Date(t0 + 12_000), durationMinutes: 5 });
    await meetingOk(t, bob, 'acceptMeeting', m.id);
    const oldJobs = await meetingJobs(t, m.id);
    expect(oldJobs).toHaveLength(5); // the request's expiry (cancelled by the accept), 2 reminders, start, end
    expect(oldJobs.find((j) => j.data.step === 'EXPIRE')?.state).toBe('cancelled');

    const newStart = new Date(t0 + 26_000);
    await meetingOk(t, bob, 'proposeReschedule', m.id, { startsAt: newStart.toISOString(), reason: 'Later' });
    expect((await notificationsOf(t, ann.id, 'MEETING_RESCHEDULE_PROPOSED'))[0]?.title).toMatch(
      /proposes a new time/,
    );
    const moved = await meetingOk(t, ann, 'acceptReschedule', m.id);
    expect(moved).toMatchObject({ version: 2, status: 'ACCEPTED', pendingReschedule: null });
    expect(moved.startsAt).toBe(newStart.toISOString());
    // Bob hears of it; Ann, who accepted, gets no notice about her own action (an ICS email only).
    expect((await notificationsOf(t, ann.id, 'MEETING_RESCHEDULED')).length).toBe(0);
    expect((await notificationsOf(t, bob.id, 'MEETING_RESCHEDULED')).length).toBe(1);

    const jobs = await meetingJobs(t, m.id);
    for (const j of jobs.filter((j) => j.data.version === 1)) expect(j.state).toBe('cancelled');
    const fresh = jobs.filter((j) => j.data.version === 2);
    expect(fresh.map((j) => `${j.data.step}:${j.data.leadSeconds ?? ''}`).sort()).toEqual(
      ['END:', 'REMINDER:3', 'REMINDER:6', 'START:'].sort(),
    );
    expect(new Date(fresh.find((j) => j.data.leadSeconds === 6)!.data.dueAt as string).getTime()).toBe(
      newStart.getTime() - 6_000,
    );

    // A stale job that escaped cancellation (version 1) runs and changes nothing.
    const stale: MeetingJobData = { meetingId: m.id, version: 1, step: 'START' };
    const staleId = await t.app.jobs.send(MEETING_JOB, stale);
    const staleReminder: MeetingJobData = { meetingId: m.id, version: 1, step: 'REMINDER', leadSeconds: 6 };
    await t.app.jobs.send(MEETING_JOB, staleReminder);
    await waitFor(
      async () => (await t.app.jobs.boss.findJobs(MEETING_JOB, { id: staleId! }))[0]?.state === 'completed',
      15_000,
      'stale job ran',
    );

    // Past the old start (t0 + 12 s): no reminder, not started.
    await sleepUntil(t0 + 12_000, 2_000);
    expect(await notificationsOf(t, ann.id, 'MEETING_REMINDER')).toEqual([]);
    expect(await statusOf(t, m.id)).toBe('ACCEPTED');

    // The new ones fire, once each, for version 2.
    await waitFor(async () => (await statusOf(t, m.id)) === 'IN_PROGRESS', 30_000, 'IN_PROGRESS');
    for (const u of [ann, bob]) {
      const reminders = await notificationsOf(t, u.id, 'MEETING_REMINDER');
      expect(reminders).toHaveLength(2);
      expect(reminders[0]!.created_at.getTime()).toBeGreaterThanOrEqual(newStart.getTime() - 6_000);
    }
    const sent = await t.app.deps.db
      .selectFrom('meeting_reminders_sent')
      .select(['version', 'lead_seconds'])
      .where('meeting_id', '=', m.id)
      .orderBy('lead_seconds')
      .execute();
    expect(sent).toEqual([
      { version: 2, lead_seconds: 3 },
      { version: 2, lead_seconds: 6 },
    ]);
  });

  it('cancel stops the reminders and the start; decline schedules nothing', async () => {
    const ann = await registerUser(t);
    const bob = await registerUser(t);
    const t0 = Date.now();
    const m = await requestMeeting(t, ann, bob, { startsAt: new Date(t0 + 9_000), durationMinutes: 5 });
    await meetingOk(t, bob, 'acceptMeeting', m.id);
    await meetingOk(t, ann, 'cancelMeeting', m.id, { reason: 'Conflict' });
    expect((await notificationsOf(t, bob.id, 'MEETING_CANCELLED'))[0]?.body).toMatch(/Reason: Conflict$/);
    const jobs = await meetingJobs(t, m.id);
    expect(jobs).toHaveLength(5); // the expiry, 2 reminders, start, end
    expect(jobs.every((j) => j.state === 'cancelled')).toBe(true);

    const d = await requestMeeting(t, ann, bob, { startsAt: new Date(t0 + 9_000), durationMinutes: 5 });
    await meetingOk(t, bob, 'declineMeeting', d.id, { reason: 'Away' });
    expect((await notificationsOf(t, ann.id, 'MEETING_DECLINED'))[0]?.body).toMatch(/Reason: Away$/);
    // Only the request's expiry was ever scheduled, and the decline cancelled it.
    expect((await meetingJobs(t, d.id)).map((j) => [j.data.step, j.state])).toEqual([
      ['EXPIRE', 'cancelled'],
    ]);

    await sleepUntil(t0 + 9_000, 3_000);
    expect(await notificationsOf(t, ann.id, 'MEETING_REMINDER')).toEqual([]);
    expect(await notificationsOf(t, bob.id, 'MEETING_STARTED')).toEqual([]);
    expect(await statusOf(t, m.id)).toBe('CANCELLED');
  });
});

describe('unanswered requests lapse', () => {
  it('a request nobody answered expires at its start: both are told, the invitee’s calendar drops it, nothing more works on it', async () => {
    const ann = await registerUser(t, { displayName: 'Ann', timeZone: 'Europe/Berlin' });
    const bob = await registerUser(t, { displayName: 'Bob', timeZone: 'America/New_York' });
    const startsAt = new Date(Date.now() + 4_000);
    const m = await requestMeeting(t, ann, bob, { startsAt, durationMinutes: 5 });
    // An answered request does not lapse: its expiry is cancelled.
    const answered = await requestMeeting(t, ann, bob, { startsAt: new Date(Date.now() + 3_000) });
    await meetingOk(t, bob, 'acceptMeeting', answered.id);

    await waitFor(async () => (await statusOf(t, m.id)) === 'EXPIRED', 20_000, 'EXPIRED');
    const [expiredAt] = await notificationsOf(t, ann.id, 'MEETING_EXPIRED');
    expect(expiredAt?.created_at.getTime()).toBeGreaterThanOrEqual(startsAt.getTime());
    expect(expiredAt?.title).toBe('Bob did not answer your meeting request');
    expect(expiredAt?.body).toMatch(/ CET was not answered before its start/);
    const [bobs] = await notificationsOf(t, bob.id, 'MEETING_EXPIRED');
    expect(bobs?.title).toBe('The meeting request from Ann lapsed');
    expect(bobs?.body).toMatch(/ EST was not answered/);
    expect((await icsEmails(t, bob.email)).map((e) => e.icalEvent!.method)).toEqual([
      'REQUEST',
      'REQUEST',
      'CANCEL',
    ]);

    expect(await statusOf(t, answered.id)).not.toBe('EXPIRED');
    expect(await notificationsOf(t, ann.id, 'MEETING_EXPIRED')).toHaveLength(1);
    expect((await meetingJobs(t, answered.id)).find((j) => j.data.step === 'EXPIRE')?.state).toBe(
      'cancelled',
    );

    expectError(await meetingMutation(t, bob, 'acceptMeeting', m.id), 'BAD_USER_INPUT');
    expectError(await meetingMutation(t, bob, 'declineMeeting', m.id), 'BAD_USER_INPUT');
    expectError(await meetingMutation(t, ann, 'cancelMeeting', m.id), 'BAD_USER_INPUT');
    const upcoming = await t.ok('query { upcomingMeetings { id } }', {}, bob.accessToken);
    expect(upcoming.upcomingMeetings.map((x: { id: string }) => x.id)).not.toContain(m.id);
  });

  it('the state machine lets only the scheduler expire, and only a REQUESTED meeting', () => {
    const base = { pendingReschedule: null } as unknown as MeetingModel;
    const all: MeetingStatus[] = [
      'REQUESTED',
      'ACCEPTED',
      'DECLINED',
      'CANCELLED',
      'IN_PROGRESS',
      'ENDED',
      'COMPLETED',
      'EXPIRED',
    ];
    for (const status of all) {
      const m = { ...base, status };
      if (status === 'REQUESTED')
        expect(decide(m, 'EXPIRE', 'SYSTEM')).toEqual({ apply: true, to: 'EXPIRED' });
      else expect(() => decide(m, 'EXPIRE', 'SYSTEM')).toThrow();
    }
    const requested = { ...base, status: 'REQUESTED' as const };
    expect(() => decide(requested, 'EXPIRE', { role: 'INVITEE', userId: 'x' })).toThrow();
    expect(() => decide(requested, 'EXPIRE', { role: 'REQUESTER', userId: 'x' })).toThrow();
  });
});

describe('jobs across restarts and instances', () => {
  /**
   * A scratch database, an instance that sets things up for Ann and Bob
   * (`before`) and then stops, and a second instance on the same database that
   * must finish the work (`after`, given what `before` returned).
   */
  async function acrossRestart<T>(
    before: (first: TestApp, ann: TestUser, bob: TestUser, database: ScratchDatabase) => Promise<T>,
    after: (second: TestApp, ann: TestUser, bob: TestUser, state: T) => Promise<void>,
  ): Promise<void> {
    const database = await createScratchDatabase(inject('adminDatabaseUrl'), 'parley_test');
    let second: TestApp | undefined;
    try {
      const first = await createTestApp({ env: ENV, database });
      const ann = await registerUser(first);
      const bob = await registerUser(first);
      const state = await before(first, ann, bob, database);
      second = await createTestApp({ env: ENV, database });
      await after(second, ann, bob, state);
    } finally {
      await second?.close();
      await database.drop();
    }
  }

  /** Both of them got one MEETING_EXPIRED once the meeting has expired. */
  const expiresOnce = async (s: TestApp, ann: TestUser, bob: TestUser, id: string) => {
    await waitFor(async () => (await statusOf(s, id)) === 'EXPIRED', 30_000, 'EXPIRED');
    for (const u of [ann, bob]) expect(await notificationsOf(s, u.id, 'MEETING_EXPIRED')).toHaveLength(1);
  };

  it('a restart before its start still expires an unanswered request', async () => {
    await acrossRestart(async (first, ann, bob) => {
      const m = await requestMeeting(first, ann, bob, { startsAt: new Date(Date.now() + 6_000) });
      await first.close();
      return m.id;
    }, expiresOnce);
  });

  it('a request made before expiry existed (no job) gets its expiry when an instance starts', async () => {
    await acrossRestart(async (first, ann, bob) => {
      const m = await requestMeeting(first, ann, bob, { startsAt: new Date(Date.now() + 8_000) });
      // As an earlier build left it: no expiry job, none recorded.
      const row = await first.app.db
        .selectFrom('meetings')
        .select('job_ids')
        .where('id', '=', m.id)
        .executeTakeFirstOrThrow();
      await first.app.jobs.cancel(MEETING_JOB, row.job_ids as string[]);
      await first.app.db.updateTable('meetings').set({ job_ids: '[]' }).where('id', '=', m.id).execute();
      await first.close();
      return m.id;
    }, expiresOnce);
  });

  it('a restart between scheduling and firing still fires each reminder once', async () => {
    await acrossRestart(
      async (first, ann, bob, database) => {
        const startsAt = new Date(Date.now() + 12_000);
        const m = await requestMeeting(first, ann, bob, { startsAt, durationMinutes: 5 });
        await meetingOk(first, bob, 'acceptMeeting', m.id);
        await first.close(); // pg-boss stops with it
        expect(await notificationsOf(await peek(database.url), ann.id, 'MEETING_REMINDER')).toEqual([]);
        return m.id;
      },
      async (s, ann, bob, id) => {
        await waitFor(async () => (await statusOf(s, id)) === 'IN_PROGRESS', 40_000, 'IN_PROGRESS');
        for (const u of [ann, bob]) {
          expect((await notificationsOf(s, u.id, 'MEETING_REMINDER')).length).toBe(2);
          expect((await notificationsOf(s, u.id, 'MEETING_STARTED')).length).toBe(1);
        }
      },
    );
  });

  it('two app instances fire each reminder once', async () => {
    const database = await createScratchDatabase(inject('adminDatabaseUrl'), 'parley_test');
    const apps: TestApp[] = [];
    try {
      apps.push(await createTestApp({ env: ENV, database }));
      apps.push(await createTestApp({ env: ENV, database }));
      const [a, b] = apps as [TestApp, TestApp];
      const users = await Promise.all([0, 1, 2, 3].map(() => registerUser(a)));
      const meetings = [];
      for (let i = 0; i < 2; i++) {
        const startsAt = new Date(Date.now() + 10_000 + i * 1_000);
        const m = await requestMeeting(a, users[2 * i]!, users[2 * i + 1]!, { startsAt, durationMinutes: 5 });
        await meetingOk(b, users[2 * i + 1]!, 'acceptMeeting', m.id); // accepted through the other instance
        meetings.push(m);
      }
      for (const m of meetings)
        await waitFor(async () => (await statusOf(a, m.id)) === 'IN_PROGRESS', 40_000, 'IN_PROGRESS');
      await new Promise((r) => setTimeout(r, 2_500)); // room for a duplicate to show up
      for (const u of users) {
        expect((await notificationsOf(a, u.id, 'MEETING_REMINDER')).length).toBe(2);
        expect((await notificationsOf(a, u.id, 'MEETING_STARTED')).length).toBe(1);
      }
      for (const m of meetings) {
        const jobs = await meetingJobs(a, m.id);
        expect(jobs.filter((j) => j.state === 'completed').length).toBe(3); // 2 reminders + start
      }
    } finally {
      for (const app of apps) await app.close();
      await database.drop();
    }
  });
});

/** A minimal TestApp-like handle to read a database while no app runs on it. */
async function peek(url: string): Promise<TestApp> {
  const { createDb, createPool } = await import('../src/db/index.ts');
  const db = createDb(createPool({ connectionString: url, poolSize: 1 }));
  const handle = { app: { deps: { db } } } as unknown as TestApp;
  setTimeout(() => void db.destroy(), 2_000);
  return handle;
}
