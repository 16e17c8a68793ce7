import type { Db } from '../../db/index.ts';
import { type UserModel, userRowToModel } from '../users/users.model.ts';
import { findUsersByIds } from '../users/users.repository.ts';
import { type MessageModel, type MessageRow, messageRowToModel } from './messages.model.ts';

/**
 * Messages with their sender and mentioned users embedded, as event payloads
 * carry them (subscribers then read nothing), with one statement for all of
 * them. `alsoLoad` adds users the caller needs too (e.g. readers); the map of
 * every loaded user is returned with the messages.
 */
export async function embedMessageUsers(
  db: Db,
  rows: readonly MessageRow[],
  alsoLoad: readonly string[] = [],
): Promise<{ messages: MessageModel[]; users: Map<string, UserModel> }> {
  const plain = rows.map(messageRowToModel);
  const ids = new Set([
    ...plain.flatMap((m) => [...(m.senderId ? [m.senderId] : []), ...m.mentionIds]),
    ...alsoLoad,
  ]);
  const users = new Map((await findUsersByIds(db, [...ids])).map((u) => [u.id, userRowToModel(u)]));
  const messages = plain.map((m) => ({
    ...m,
    sender: m.senderId ? (users.get(m.senderId) ?? null) : null,
    mentionUsers: m.mentionIds.flatMap((id) => users.get(id) ?? []),
  }));
  return { messages, users };
}
