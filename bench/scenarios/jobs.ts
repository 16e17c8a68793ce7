/**
 * jobs: lateness of N reminders due at the same instant. The harness builds
 * Parley in-process (buildApp, real pg-boss with LISTEN/NOTIFY on, as in
 * production), defines a bench queue with the same queue and worker options as
 * the meeting reminders (server/src/modules/meetings/meetings.jobs.ts:
 * `notify: false`, 1 s polling, batches of 50, unless overridden), sends N jobs
 * with `startAfter` = due, and records handler start − due per job.
 */
import * as hdr from 'hdr-histogram-js';
import { buildApp } from '../../server/src/app.ts';
import { loadConfig } from '../../server/src/config.ts';
import { punctual, untilDue } from '../../server/src/plugins/jobs.ts';
import type { FlagSpec, Flags } from '../lib/args.ts';
import { cpuSeconds } from '../lib/proc.ts';
import { printTable, type Row, round, writeResult } from '../lib/report.ts';
import { newJwtSecret, prepareDatabase } from '../lib/seed.ts';
import { commonFlags, log, parleyEnv } from './common.ts';

export const jobsFlags = {
  ...commonFlags,
  jobs: { default: 1000, help: 'reminders to schedule' },
  lead: {
    default: 15,
    help: 'seconds from now to the due time (must exceed the time it takes to send them all)',
  },
  spread: {
    default: 0,
    help: 'spread due times evenly over this many seconds (0 = all at the same instant)',
  },
  pollInterval: { default: 1, help: 'worker pollingIntervalSeconds (meeting reminders use 1)' },
  punctual: {
    default: true,
    help: 'release jobs a poll early and wait for the due time, as meeting reminders do (plugins/jobs.ts punctual)',
  },
  batchSize: { default: 50, help: 'worker batchSize (meeting reminders use 50)' },
  notify: { default: false, help: 'create the queue with notify: true (meeting reminders use false)' },
  handlerMs: { default: 0, help: 'simulated work per job in ms' },
  timeout: { default: 120, help: 'seconds to wait for every job after the due time' },
} satisfies FlagSpec;

const QUEUE = 'bench-reminder';

export async function jobs(flags: Flags<typeof jobsFlags>): Promise<void> {
  const startedAt = new Date();
  const db = await prepareDatabase(flags.adminUrl);
  const rows: Row[] = [];
  let extra: Record<string, unknown> = {};
  try {
    const config = loadConfig({
      NODE_ENV: 'production',
      DATABASE_URL: db.url,
      JWT_SECRET: newJwtSecret(),
      LOG_LEVEL: 'warn',
      DATABASE_POOL_SIZE: String(flags.poolSize),
      ...parleyEnv(flags.serverEnv),
    });
    const app = await buildApp(config);
    try {
      const lateness = hdr.build({
        lowestDiscernibleValue: 1,
        highestTrackableValue: 3_600_000,
        numberOfSignificantValueDigits: 3,
      });
      const fired = new Map<number, number>();
      let duplicates = 0;
      let done: () => void = () => {};
      const all = new Promise<void>((r) => {
        done = r;
      });
      await app.jobs.define<{ i: number; due: number; dueAt?: string }>({
        name: QUEUE,
        queue: { notify: flags.notify },
        work: { pollingIntervalSeconds: flags.pollInterval, batchSize: flags.batchSize },
        handler: async ({ i, due, dueAt }) => {
          if (flags.punctual) await untilDue(dueAt);
          const now = Date.now();
          if (fired.has(i)) duplicates++;
          else {
            fired.set(i, now);
            lateness.recordValue(Math.max(1, now - due));
          }
          if (flags.handlerMs > 0) await new Promise((r) => setTimeout(r, flags.handlerMs));
          if (fired.size === flags.jobs) done();
        },
      });
      const due0 = Date.now() + flags.lead * 1000;
      const dueOf = (i: number) =>
        due0 + (flags.jobs > 1 ? Math.round((flags.spread * 1000 * i) / (flags.jobs - 1)) : 0);
      log(
        `sending ${flags.jobs} jobs due ${flags.spread ? `over ${flags.spread} s from` : 'at'} +${flags.lead} s`,
      );
      const sendStart = Date.now();
      for (let i = 0; i < flags.jobs; i += 50) {
        await Promise.all(
          Array.from({ length: Math.min(50, flags.jobs - i) }, (_, k) => {
            const due = new Date(dueOf(i + k));
            // Without --punctual no dueAt is sent (JSON drops undefined) and the job starts at `due`.
            const { startAfter, dueAt } = flags.punctual
              ? punctual(due, flags.pollInterval)
              : { startAfter: due, dueAt: undefined };
            return app.jobs.send(QUEUE, { i: i + k, due: due.getTime(), dueAt }, { startAfter });
          }),
        );
      }
      const sendMs = Date.now() - sendStart;
      if (Date.now() > due0) log(`warning: sending took ${sendMs} ms, past the due time; raise --lead`);
      const cpu0 = cpuSeconds(process.pid);
      const lastDue = dueOf(flags.jobs - 1);
      const timer = new Promise<void>((r) =>
        setTimeout(r, Math.max(0, lastDue - Date.now()) + flags.timeout * 1000).unref(),
      );
      await Promise.race([all, timer]);
      const cpu = cpuSeconds(process.pid) - cpu0;
      const q = (p: number) => (lateness.totalCount ? lateness.getValueAtPercentile(p) : null);
      rows.push({
        jobs: flags.jobs,
        fired: fired.size,
        missing: flags.jobs - fired.size,
        duplicates,
        p50ms: q(50),
        p90ms: q(90),
        p99ms: q(99),
        maxMs: lateness.totalCount ? lateness.maxValue : null,
        minMs: lateness.totalCount ? lateness.minNonZeroValue : null,
        'lastFired-dueMs': fired.size ? Math.max(...fired.values()) - lastDue : null,
        sendSeconds: round(sendMs / 1000, 2),
        harnessCpuS: round(cpu, 2),
      });
      extra = {
        sendMs,
        queueOptions: { notify: flags.notify },
        workOptions: { pollingIntervalSeconds: flags.pollInterval, batchSize: flags.batchSize },
      };
    } finally {
      await app.close();
    }
  } finally {
    if (!flags.keepDb) await db.drop();
  }
  printTable(
    `jobs: ${flags.jobs} reminders due at once (poll ${flags.pollInterval} s, batch ${flags.batchSize}, notify ${flags.notify})`,
    rows,
  );
  writeResult(flags.out, 'jobs', {
    startedAt,
    parameters: flags,
    results: { rows, ...extra },
    notes: [
      'Lateness = handler start (Date.now()) − due time, per job; one app instance in the harness process, workers on.',
      'harnessCpuS includes the app, its pg-boss workers and the harness (one process) from the due window on.',
    ],
  });
}
