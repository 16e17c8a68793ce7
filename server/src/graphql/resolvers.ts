import { authResolvers } from '../modules/auth/auth.resolvers.ts';
import { contactsResolvers } from '../modules/contacts/contacts.resolvers.ts';
import { filesResolvers } from '../modules/files/files.resolvers.ts';
import { meetingsResolvers } from '../modules/meetings/meetings.resolvers.ts';
import { messagesResolvers } from '../modules/messages/messages.resolvers.ts';
import { notificationsResolvers } from '../modules/notifications/notifications.resolvers.ts';
import { presenceResolvers } from '../modules/presence/presence.resolvers.ts';
import { reactionsResolvers } from '../modules/reactions/reactions.resolvers.ts';
import { receiptsResolvers } from '../modules/receipts/receipts.resolvers.ts';
import { roomsResolvers } from '../modules/rooms/rooms.resolvers.ts';
import { serviceLimitsResolvers } from '../modules/service-limits.ts';
import { usersResolvers } from '../modules/users/users.resolvers.ts';
import type { Resolvers } from './resolvers.generated.ts';
import { DateTime } from './scalars.ts';

/** Every module's resolvers, merged per type (a type may get fields from several modules). */
const modules: Resolvers[] = [
  authResolvers,
  usersResolvers,
  contactsResolvers,
  notificationsResolvers,
  roomsResolvers,
  messagesResolvers,
  presenceResolvers,
  receiptsResolvers,
  reactionsResolvers,
  filesResolvers,
  meetingsResolvers,
  serviceLimitsResolvers,
];

export function allResolvers(): Resolvers {
  const merged: Record<string, Record<string, unknown>> = {};
  for (const mod of modules) {
    for (const [type, fields] of Object.entries(mod)) {
      const target = merged[type] ?? {};
      merged[type] = target;
      for (const [field, fn] of Object.entries(fields as Record<string, unknown>)) {
        if (field in target) throw new Error(`resolver ${type}.${field} is defined twice`);
        target[field] = fn;
      }
    }
  }
  return { ...(merged as Resolvers), DateTime };
}
