import { badInput } from '../../graphql/errors.ts';
import { hasVisibleChar, longerThan } from '../../lib/chars.ts';

/** Title of a group room: 1–100 characters after trimming and collapsing spaces. */
export function normalizeTitle(raw: string): string {
  const title = raw.trim().replace(/\s+/g, ' ');
  if (title.length < 1 || longerThan(title, 100))
    throw badInput('Title must be 1–100 characters', { field: 'title' });
  if (!hasVisibleChar(title)) throw badInput('Title must have a visible character', { field: 'title' });
  return title;
}
