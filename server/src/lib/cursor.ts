import { badInput } from '../graphql/errors.ts';

/** An opaque cursor: base64url of a small JSON object. Clients must not parse it. */
export function encodeCursor(value: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

/**
 * Decodes a cursor made by `encodeCursor` and checks its shape with `read`
 * (which returns undefined for a foreign or tampered cursor): BAD_USER_INPUT.
 */
export function decodeCursor<T>(
  cursor: string,
  read: (value: Record<string, unknown>) => T | undefined,
  field = 'after',
): T {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    value = undefined;
  }
  const parsed = value && typeof value === 'object' ? read(value as Record<string, unknown>) : undefined;
  if (parsed === undefined) throw badInput('Invalid cursor', { field });
  return parsed;
}

/** Validates a page size: an integer in [1, max] (BAD_USER_INPUT otherwise). */
export function pageSize(
  value: number | null | undefined,
  def: number,
  max: number,
  field = 'first',
): number {
  const n = value ?? def;
  if (!Number.isInteger(n) || n < 1 || n > max)
    throw badInput(`${field} must be between 1 and ${max}`, { field });
  return n;
}
