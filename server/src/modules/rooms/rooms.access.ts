import { badInput, forbidden, notFound } from '../../graphql/errors.ts';
import type { MembershipRow } from './rooms.repository.ts';

/**
 * The one membership check of an operation. A room the viewer is not in is
 * reported exactly like a room that does not exist (NOT_FOUND), so ids leak
 * nothing. Pass the row from `findMembership` / `lockMembership`.
 */
export function requireMember<T extends MembershipRow>(row: T | undefined): T {
  if (!row) throw notFound('Room');
  return row;
}

/** Owners and admins manage a group (rename, add and remove members). */
export function requireManager(m: MembershipRow, action: string): void {
  if (m.kind !== 'GROUP') throw badInput(`Direct rooms cannot ${action}`, { field: 'roomId' });
  if (m.role !== 'OWNER' && m.role !== 'ADMIN')
    throw forbidden(`Only the room's owner or admins can ${action}`);
}

export function requireGroup(m: MembershipRow, action: string): void {
  if (m.kind !== 'GROUP') throw badInput(`Direct rooms cannot ${action}`, { field: 'roomId' });
}

export const isManager = (role: string) => role === 'OWNER' || role === 'ADMIN';
