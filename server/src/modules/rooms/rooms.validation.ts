import { badInput } from '../../graphql/errors.ts';
import { hasVisibleChar, longerThan } from '../../lib/chars.ts';
import { refuseHiddenChars } from '../users/users.validation.ts';

/** A group title's limit in characters (code points), also published by `Query.limits`. */
export const TITLE_MAX = 100;

/**
 * Title of a group room: 1–100 characters after trimming and collapsing
 * spaces, without hidden characters (as display names, see `hiddenCharIn`).
 */
export function normalizeTitle(raw: string): string {
  const title = raw.trim().replace(/\s+/g, ' ');
  if (title.length < 1 || longerThan(title, TITLE_MAX))
    throw badInput(`Title must be 1–${TITLE_MAX} characters`, { field: 'title' });
  refuseHiddenChars(title, 'Title', 'title');
  if (!hasVisibleChar(title)) throw badInput('Title must have a visible character', { field: 'title' });
  return title;
}
