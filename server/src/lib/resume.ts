/**
 * Resume points of the per-user streams (`myEvents`, `notificationEvents`).
 *
 * Every event of those streams carries `at`, stamped by the instance that
 * delivers it, which is after the change committed (we publish after commit).
 * A client resubscribes with `since` = the newest `at` it received; the server
 * replays from PostgreSQL what changed after `since - RESUME_MARGIN_MS`. The
 * margin covers clocks of instances and database that differ a little, and
 * transactions that committed out of timestamp order. Replayed events are
 * absolute (snapshots, or ids with counts), so one that the client already
 * had is harmless.
 */
import type { Config } from '../config.ts';
import { badInput } from '../graphql/errors.ts';

export const RESUME_MARGIN_MS = 30_000;

export interface ResumePoint {
  /** Replay changes after this instant (`since` minus the margin). */
  from: Date;
  /** `since` is older than the resume window: send StreamResyncRequired. */
  tooOld: boolean;
}

export function resumePoint(config: Pick<Config, 'streamResumeWindowSeconds'>, since: Date): ResumePoint {
  const t = since.getTime();
  if (!Number.isFinite(t)) throw badInput('`since` must be a valid instant', { field: 'since' });
  if (t > Date.now() + RESUME_MARGIN_MS) throw badInput('`since` is in the future', { field: 'since' });
  return {
    from: new Date(t - RESUME_MARGIN_MS),
    tooOld: Date.now() - t > config.streamResumeWindowSeconds * 1000,
  };
}

// A type alias (not an interface) so it is assignable to index-signature payload types.
export type StreamResyncRequiredPayload = {
  __typename: 'StreamResyncRequired';
  reason: string;
};

export const resyncRequired = (reason: string): StreamResyncRequiredPayload => ({
  __typename: 'StreamResyncRequired',
  reason,
});

/** The event as delivered: stamped with the delivery time (`at`). */
export const stamped = <T extends object>(event: T): T & { at: Date } => ({ ...event, at: new Date() });
