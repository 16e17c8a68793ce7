import type { FastifyBaseLogger } from 'fastify';
import fp from 'fastify-plugin';
import type { Transaction } from 'kysely';
import {
  fromKysely,
  type Job,
  type JobResult,
  PgBoss,
  type Queue,
  type SendOptions,
  type WorkOptions,
} from 'pg-boss';
import type { Config } from '../config.ts';
import type { DB } from '../db/index.ts';

declare module 'fastify' {
  interface FastifyInstance {
    jobs: Jobs;
  }
}

/**
 * Jobs due at an exact instant (reminders): a worker finds a deferred job
 * only when it polls, so with a poll every `pollSeconds` a job would start up
 * to that late. A punctual job is released for fetching `pollSeconds` early
 * and carries its due time; `untilDue` then waits out the remainder, so the
 * work starts at the due time, not at the next poll after it.
 */
export function punctual(due: Date, pollSeconds: number): { startAfter: Date; dueAt: string } {
  return { startAfter: new Date(due.getTime() - pollSeconds * 1000), dueAt: due.toISOString() };
}

/** Waits until `dueAt` (a job fetched early by `punctual`); at once when it is past or absent. */
export async function untilDue(dueAt: string | undefined): Promise<void> {
  const wait = dueAt ? Date.parse(dueAt) - Date.now() : 0;
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
}

/** A pg-boss queue and its handler. Handlers must be idempotent: a job may run again after a crash. */
export interface JobDefinition<T extends object = object> {
  name: string;
  queue?: Omit<Queue, 'name'>;
  work?: WorkOptions;
  /** `log` is bound to the queue and job id. A thrown error fails the job (retried per `queue`). */
  handler(data: T, job: Job<T>, log: FastifyBaseLogger): Promise<void>;
}

export interface SendJobOptions extends SendOptions {
  /** Enqueue inside this transaction: a rolled-back change leaves no job behind. */
  trx?: Transaction<DB>;
}

export interface Jobs {
  readonly boss: PgBoss;
  /** Creates the queue (idempotent) and, when this instance runs workers, starts its worker. */
  define<T extends object>(def: JobDefinition<T>): Promise<void>;
  send<T extends object>(name: string, data: T, options?: SendJobOptions): Promise<string | null>;
  cancel(name: string, ids: string | string[], trx?: Transaction<DB>): Promise<void>;
}

/**
 * Scheduled and background work in PostgreSQL (pg-boss): it survives restarts
 * and each job runs once across any number of instances. LISTEN/NOTIFY wakes
 * workers within milliseconds of a job becoming due; polling stays as a floor.
 */
export default fp<{ config: Config }>(
  async (app, { config }) => {
    const boss = new PgBoss({
      connectionString: config.databaseUrl,
      schema: 'pgboss',
      max: 4,
      application_name: 'parley-jobs',
      useListenNotify: true,
      // How often pg-boss looks for jobs whose worker stopped heartbeating
      // (an instance killed mid-job): they are retried by another instance.
      superviseIntervalSeconds: config.jobsSuperviseSeconds,
      monitorIntervalSeconds: config.jobsSuperviseSeconds,
      queueCacheIntervalSeconds: config.jobsSuperviseSeconds,
    });
    // Once we stop pg-boss, its connections ending (or the embedded database
    // stopping under them right after) is expected: not an error line.
    let stopping = false;
    boss.on('error', (err) =>
      stopping
        ? app.log.debug({ err }, 'pg-boss error while stopping')
        : app.log.error({ err }, 'pg-boss error'),
    );
    boss.on('warning', (w) => app.log.warn({ warning: w }, 'pg-boss warning'));
    await boss.start();

    const jobs: Jobs = {
      boss,
      async define<T extends object>(def: JobDefinition<T>) {
        await boss.createQueue(def.name, {
          notify: true,
          retryLimit: 3,
          retryDelay: 5,
          retryBackoff: true,
          // Workers heartbeat their active jobs; one that stops (its instance
          // died) has the job retried elsewhere instead of after the 15-min expiry.
          heartbeatSeconds: 10,
          ...def.queue,
        });
        if (!config.jobsEnabled) return;
        // Batches with per-job settlement: one failing job is retried alone.
        // LISTEN/NOTIFY wakes workers for new jobs, but a delayed job
        // (startAfter) gets no NOTIFY when it becomes due, and pg-boss then
        // polls at notifyPollingIntervalSeconds (default 30 s): keep it at 1 s.
        const options = {
          batchSize: 10,
          burstWhenBatchFull: true,
          pollingIntervalSeconds: 1,
          notifyPollingIntervalSeconds: def.work?.pollingIntervalSeconds ?? 1, // pg-boss: must be >= polling
          ...def.work,
          perJobResults: true,
        } as const;
        // The jobs of a batch run concurrently (each in its own transaction,
        // each settled on its own): 1,000 reminders due at once are not run
        // one after another.
        await boss.work<T>(def.name, options, (batch) =>
          Promise.all(
            batch.map(async (job): Promise<JobResult> => {
              try {
                await def.handler(job.data, job, app.log.child({ queue: def.name, jobId: job.id }));
                return { id: job.id, status: 'completed' };
              } catch (err) {
                app.log.error({ err, queue: def.name, jobId: job.id }, 'job failed');
                return { id: job.id, status: 'failed', output: { message: (err as Error).message } };
              }
            }),
          ),
        );
      },
      send(name, data, options = {}) {
        const { trx, ...rest } = options;
        return boss.send(name, data, trx ? { ...rest, db: fromKysely(trx) } : rest);
      },
      async cancel(name, ids, trx) {
        await boss.cancel(name, ids, trx ? { db: fromKysely(trx) } : {});
      },
    };
    app.decorate('jobs', jobs);
    app.addHook('onClose', async () => {
      stopping = true;
      await boss.stop({ graceful: true, timeout: 10_000, close: true });
    });
  },
  { name: 'jobs' },
);
