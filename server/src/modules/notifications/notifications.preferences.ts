/** Email preferences per notification type; only overrides of the defaults are stored. */
import type { Deps, Viewer } from '../../deps.ts';
import { badInput } from '../../graphql/errors.ts';
import {
  defaultEmailEnabled,
  NOTIFICATION_TYPES,
  type NotificationPreferenceModel,
  type NotificationType,
} from './notifications.model.ts';
import * as repo from './notifications.repository.ts';

export async function getPreferences(deps: Deps, userId: string): Promise<NotificationPreferenceModel[]> {
  const overrides = new Map(
    (await repo.listPreferenceOverrides(deps.db, userId)).map((r) => [r.type, r.email_enabled]),
  );
  return NOTIFICATION_TYPES.map((type) => ({
    type,
    email: overrides.get(type) ?? defaultEmailEnabled(type),
  }));
}

/**
 * Sets email on or off per type; a choice equal to the default removes the override.
 * Each type at most once: two entries for one type (even agreeing ones) are
 * refused rather than letting the last one silently win.
 */
export async function updatePreferences(
  deps: Deps,
  viewer: Viewer,
  changes: readonly NotificationPreferenceModel[],
): Promise<NotificationPreferenceModel[]> {
  if (changes.length > NOTIFICATION_TYPES.length)
    throw badInput(`At most ${NOTIFICATION_TYPES.length} preferences at once`, { field: 'preferences' });
  const seen = new Set<NotificationType>();
  for (const c of changes) {
    if (seen.has(c.type))
      throw badInput(`${c.type} is listed more than once; give each type at most once`, {
        field: 'preferences',
      });
    seen.add(c.type);
  }
  await deps.db.transaction().execute(async (trx) => {
    for (const c of changes) await setEmail(trx, viewer.userId, c.type, c.email);
  });
  return getPreferences(deps, viewer.userId);
}

/** Turns email off for one type (the unsubscribe link). Idempotent. */
export async function unsubscribe(deps: Deps, userId: string, type: NotificationType): Promise<void> {
  try {
    await setEmail(deps.db, userId, type, false);
  } catch (err) {
    // 23503 foreign_key_violation: the account was deleted; nothing is sent to it anyway.
    if ((err as { code?: string }).code !== '23503') throw err;
  }
}

function setEmail(
  db: Parameters<typeof repo.setPreference>[0],
  userId: string,
  type: NotificationType,
  email: boolean,
) {
  return repo.setPreference(db, userId, type, email === defaultEmailEnabled(type) ? null : email);
}
