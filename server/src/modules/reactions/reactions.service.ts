/**
 * Reactions: `addReaction` / `removeReaction` (idempotent), `Message.reactions`
 * (batched), and ReactionChanged on the room topic after each real change.
 *
 * The event carries the message's aggregated reactions read when it is
 * published, with every reactor's id so each subscriber's `reactedByMe` is
 * resolved for that subscriber. Per message, publications on one instance run
 * one after another, so the last event a subscriber gets reflects the latest
 * committed state even when many people react at once.
 */
import DataLoader from 'dataloader';
import { inTransaction } from '../../db/tx.ts';
import type { Deps, Viewer } from '../../deps.ts';
import { badInput, conflict, notFound } from '../../graphql/errors.ts';
import type { LoaderOptions } from '../../graphql/loaders.ts';
import { parseId } from '../../lib/ids.ts';
import type { EventBus } from '../../plugins/pubsub.ts';
import { type MessageModel, messageRowToModel } from '../messages/messages.model.ts';
import { findMessageWithMembership } from '../messages/messages.repository.ts';
import type { ReactionChangedEvent } from '../presence/presence.topics.ts';
import { roomTopic } from '../rooms/rooms.topics.ts';
import { userRowToModel } from '../users/users.model.ts';
import { findUsersByIds } from '../users/users.repository.ts';
import {
  EMBEDDED_REACTORS,
  MAX_DISTINCT_REACTIONS,
  normalizeEmoji,
  type ReactionGroupModel,
  reactionGroupRowToModel,
} from './reactions.model.ts';
import * as repo from './reactions.repository.ts';

/** Reactor ids a query returns per group (events carry all of them). */
const QUERY_USER_LIMIT = 100;

function parseEmoji(raw: string): string {
  const emoji = normalizeEmoji(raw);
  if (!emoji) throw badInput('emoji must be exactly one emoji', { field: 'emoji' });
  return emoji;
}

/** The message if the viewer may see it; NOT_FOUND otherwise; BAD_USER_INPUT when deleted. */
async function reactableMessage(deps: Deps, viewer: Viewer, messageId: string) {
  const row = await findMessageWithMembership(deps.db, parseId(messageId, 'Message'), viewer.userId);
  if (!row || row.seq < row.viewer_visible_from_seq) throw notFound('Message');
  if (row.deleted_at) throw badInput('A deleted message cannot be reacted to', { field: 'messageId' });
  return row;
}

const deleted = () => badInput('A deleted message cannot be reacted to', { field: 'messageId' });

/** Adds the viewer's reaction; a repeat changes nothing. CONFLICT beyond 20 different emoji. */
export async function addReaction(
  deps: Deps,
  viewer: Viewer,
  messageId: string,
  rawEmoji: string,
): Promise<MessageModel> {
  const emoji = parseEmoji(rawEmoji);
  const row = await reactableMessage(deps, viewer, messageId);
  await inTransaction(deps, async (tx) => {
    const locked = await repo.lockMessage(tx.trx, row.id);
    if (!locked) throw notFound('Message');
    if (locked.deleted) throw deleted();
    const present = await repo.distinctEmoji(tx.trx, row.id);
    if (!present.includes(emoji) && present.length >= MAX_DISTINCT_REACTIONS)
      throw conflict(`A message can carry at most ${MAX_DISTINCT_REACTIONS} different reactions`, {
        field: 'emoji',
      });
    if (await repo.insertReaction(tx.trx, row.id, viewer.userId, emoji))
      tx.afterCommit(() => publishReactions(deps, row.room_id, row.id, row.seq, viewer.userId, emoji, true));
  });
  return messageRowToModel(row);
}

/** Removes the viewer's reaction; harmless when there is none. */
export async function removeReaction(
  deps: Deps,
  viewer: Viewer,
  messageId: string,
  rawEmoji: string,
): Promise<MessageModel> {
  const emoji = parseEmoji(rawEmoji);
  const row = await reactableMessage(deps, viewer, messageId);
  if (await repo.deleteReaction(deps.db, row.id, viewer.userId, emoji))
    await publishReactions(deps, row.room_id, row.id, row.seq, viewer.userId, emoji, false);
  return messageRowToModel(row);
}

const chains = new WeakMap<EventBus, Map<string, Promise<void>>>();

/** Publishes ReactionChanged with the reactions read now, after earlier publications for the message. */
function publishReactions(
  deps: Deps,
  roomId: string,
  messageId: string,
  seq: number,
  userId: string,
  emoji: string,
  added: boolean,
): Promise<void> {
  let byMessage = chains.get(deps.events);
  if (!byMessage) {
    byMessage = new Map();
    chains.set(deps.events, byMessage);
  }
  const run = (byMessage.get(messageId) ?? Promise.resolve())
    .then(async () => {
      const groups = (await repo.reactionGroups(deps.db, [messageId], null, null)).map(
        reactionGroupRowToModel,
      );
      const embedded = new Set([userId, ...groups.flatMap((g) => g.userIds.slice(0, EMBEDDED_REACTORS))]);
      const users = new Map(
        (await findUsersByIds(deps.db, [...embedded])).map((u) => [u.id, userRowToModel(u)]),
      );
      const user = users.get(userId);
      if (!user) return;
      const event: ReactionChangedEvent = {
        __typename: 'ReactionChanged',
        roomId,
        messageId,
        seq,
        reactions: groups.map((g) => ({
          ...g,
          users: g.userIds.slice(0, EMBEDDED_REACTORS).flatMap((id) => users.get(id) ?? []),
        })),
        user,
        emoji,
        added,
      };
      await deps.events.publish(roomTopic(roomId), event);
    })
    .catch((err: unknown) => deps.log.error({ err, messageId }, 'publishing reactions failed'));
  byMessage.set(messageId, run);
  void run.then(() => {
    if (byMessage.get(messageId) === run) byMessage.delete(messageId);
  });
  return run;
}

/** `Message.reactions` for a page of messages in one statement (callers checked visibility). */
export function reactionsLoader(
  deps: Deps,
  viewer: Viewer | null,
  opts: LoaderOptions,
): DataLoader<string, ReactionGroupModel[]> {
  return new DataLoader<string, ReactionGroupModel[]>(
    async (messageIds) => {
      const rows = await repo.reactionGroups(deps.db, messageIds, viewer?.userId ?? null, QUERY_USER_LIMIT);
      const byMessage = new Map<string, ReactionGroupModel[]>(messageIds.map((id) => [id, []]));
      for (const r of rows) byMessage.get(r.message_id)?.push(reactionGroupRowToModel(r));
      return messageIds.map((id) => byMessage.get(id) ?? []);
    },
    { cache: opts.cache },
  );
}
