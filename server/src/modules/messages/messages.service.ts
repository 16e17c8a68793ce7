/**
 * Sending, editing and deleting messages. Reads are in messages.queries.ts.
 *
 * Every write checks the viewer's membership once, commits, and only then
 * publishes (MessageCreated/Edited/Deleted on the room topic, RoomViewChanged
 * to each member, whose `myEvents` then reads their view with their unread count).
 */
import type { Transaction } from 'kysely';
import type { DB, Db } from '../../db/index.ts';
import { inOneStatement, inTransaction, type Tx } from '../../db/tx.ts';
import type { Deps, Viewer } from '../../deps.ts';
import { badInput, conflict, forbidden, notFound } from '../../graphql/errors.ts';
import { parseId, uuidv7 } from '../../lib/ids.ts';
import { blockedAmong } from '../contacts/contacts.repository.ts';
import { type AttachmentModel, describeAttachments } from '../files/files.model.ts';
import { listAttachments } from '../files/files.repository.ts';
import {
  attachToMessage,
  checkAttachable,
  detachDeletedMessageFiles,
  parseAttachmentIds,
} from '../files/files.service.ts';
import { messageRecipients, notifyNewMessage } from '../notifications/notifications.messages.ts';
import { messageChanged } from '../notifications/notifications.service.ts';
import { rateLimit } from '../ratelimit/ratelimit.ts';
import { requireMember } from '../rooms/rooms.access.ts';
import { peerFromDirectKey } from '../rooms/rooms.model.ts';
import { publishAfterCommit, reserveSeqSlot } from '../rooms/rooms.publish.ts';
import type { MembershipRow } from '../rooms/rooms.repository.ts';
import type { MessageCreatedEvent, MessageDeletedEvent, MessageEditedEvent } from '../rooms/rooms.topics.ts';
import { type UserModel, userRowToModel } from '../users/users.model.ts';
import { embedMessageUsers } from './messages.embed.ts';
import { type MessageModel, type MessageRow, messageRowToModel } from './messages.model.ts';
import * as repo from './messages.repository.ts';
import { tracePublication } from './messages.send-trace.ts';
import {
  mentionedUsernames,
  normalizeBody,
  normalizeMessageBody,
  validateClientId,
} from './messages.validation.ts';

export interface SendMessageInput {
  roomId: string;
  clientId: string;
  /** Optional when there are attachments. */
  body?: string | null | undefined;
  replyToId?: string | null | undefined;
  /** Up to 10 of the sender's uploads, in order. */
  attachmentIds?: readonly string[] | null | undefined;
}

/** The message with its sender and mentioned users embedded, as event payloads carry it. */
async function withUsers(trx: Transaction<DB>, row: MessageRow): Promise<MessageModel> {
  const { messages } = await embedMessageUsers(trx, [row]);
  return messages[0] as MessageModel;
}

/** Mentioned members of the room (the sender excluded): only members count. */
async function resolveMentions(
  db: Deps['db'] | Transaction<DB>,
  roomId: string,
  body: string,
  senderId: string,
) {
  const ids = await repo.memberIdsByUsername(db, roomId, mentionedUsernames(body));
  return ids.filter((id) => id !== senderId);
}

/** A retry with a known clientId: the original message, if it belongs to the same room. */
function original(row: MessageRow, roomId: string): MessageModel {
  if (row.room_id !== roomId)
    throw conflict('This clientId was already used for a message in another room', { field: 'clientId' });
  return messageRowToModel(row);
}

/**
 * `sendPlainToGroup` plus what `sendMessage` does after a write: publication in
 * seq order with the members' views, the end of the sender's typing. Returns
 * the message when it was sent; otherwise what the general path needs.
 */
async function sendPlainFast(
  deps: Deps,
  viewer: Viewer,
  roomId: string,
  clientId: string,
  body: string,
): Promise<{ sent: MessageModel } | SendContext | undefined> {
  const slot = reserveSeqSlot(deps, roomId);
  let result: repo.PlainSendResult;
  try {
    result = await deps.sends.send({
      id: uuidv7(),
      room_id: roomId,
      sender_id: viewer.userId,
      client_id: clientId,
      body,
    });
  } catch (err) {
    slot.cancel();
    if ((err as { constraint?: string }).constraint !== 'messages_sender_client_key') throw err;
    // A retry racing its original: the original, as the general path would return it.
    const winner = await repo.findBySenderClientId(deps.db, viewer.userId, clientId);
    if (!winner) throw err;
    return { existing: winner };
  }
  const sent = result?.sent;
  if (!result || !sent) {
    slot.cancel();
    return result && { membership: result.membership, existing: result.existing };
  }
  const byId = new Map(result.users.map((u) => [u.id, userRowToModel(u)]));
  const message: MessageModel = {
    ...messageRowToModel(sent),
    sender: byId.get(viewer.userId) ?? null,
    mentionUsers: [],
    attachments: [],
    // Just sent: no reactions, no readers (subscribers then read nothing for them).
    reactions: [],
    readers: [],
  };
  const event: MessageCreatedEvent = { __typename: 'MessageCreated', roomId, seq: sent.seq, message };
  await inOneStatement(deps, async (tx) => {
    tx.afterCommit(() => {
      const published = slot.publish(sent.seq, {
        events: [event],
        views: 'members',
        members: result.memberIds,
        users: byId,
      });
      return deps.sendTrace.on ? tracePublication(deps.sendTrace, clientId, published) : published;
    });
    tx.afterCommit(() => deps.presence.stopTyping(roomId, viewer.userId));
  });
  return { sent: message };
}

/** What the general path of `sendMessage` starts from (membership absent: not a member). */
interface SendContext {
  membership?: MembershipRow | undefined;
  existing: MessageRow | null;
}

/**
 * Posts a message. Idempotent per (sender, clientId): a retry returns the
 * original, also when two retries race (the UNIQUE constraint decides, the
 * loser's statement rolls back with its seq, and it reads the winner's row).
 *
 * Round trips, the hot path of a chat server: one statement reads the
 * membership and any earlier message with this clientId; one writes (seq,
 * insert, the sender's read pointer, and the users the event embeds). Only
 * when attachments or notifications are written too does it take a
 * transaction. After commit, members get RoomViewChanged; their `myEvents`
 * subscriptions read their views, one statement per room and instance
 * (rooms.views.reader.ts). The plain group send learns the member list from
 * its own statement; the others read it (one short statement).
 */
export async function sendMessage(
  deps: Deps,
  viewer: Viewer,
  input: SendMessageInput,
): Promise<MessageModel> {
  await rateLimit(deps, 'sendMessage', viewer.userId);
  const roomId = parseId(input.roomId, 'Room');
  const clientId = validateClientId(input.clientId);
  const attachmentIds = parseAttachmentIds(input.attachmentIds);
  const body = normalizeMessageBody(input.body, attachmentIds.length > 0, deps.config.messageMaxLength);
  const replyToId = input.replyToId ? parseId(input.replyToId, 'Message') : null;
  // The common case, a plain message to a group, is one round trip (see sendPlainToGroup).
  let context: SendContext | undefined;
  if (!replyToId && attachmentIds.length === 0 && mentionedUsernames(body).length === 0) {
    const fast = await sendPlainFast(deps, viewer, roomId, clientId, body);
    if (fast && 'sent' in fast) return fast.sent;
    context = fast;
  } else context = await repo.findSendContext(deps.db, roomId, viewer.userId, clientId);
  if (context?.existing) return original(context.existing, roomId);
  const m = requireMember(context?.membership);

  const peerId = m.kind === 'DIRECT' ? peerFromDirectKey(m.direct_key, viewer.userId) : null;
  if (peerId && (await blockedAmong(deps.db, viewer.userId, [peerId])).size > 0)
    throw forbidden('You cannot send messages to this person');
  if (replyToId) {
    const target = await repo.findMessageWithMembership(deps.db, replyToId, viewer.userId);
    if (!target || target.room_id !== roomId || target.seq < target.viewer_visible_from_seq)
      throw notFound('Message');
  }
  await checkAttachable(deps.db, viewer, attachmentIds);
  const mentions = await resolveMentions(deps.db, roomId, body, viewer.userId);
  const notifyBase = { roomId, peerId, groupTitle: m.title, senderId: viewer.userId, mentionIds: mentions };
  const toNotify = await messageRecipients(notifyBase, (u, r) => deps.presence.isViewingRoom(u, r));

  /** The write itself: on `db` (autocommit) or inside a transaction. */
  const write = async (
    db: Db,
    tx: Pick<Tx, 'afterCommit'>,
    more?: (row: MessageRow, sender: UserModel | undefined) => Promise<AttachmentModel[]>,
  ) => {
    const { row, users } = await repo.appendUserMessage(
      db,
      {
        id: uuidv7(),
        room_id: roomId,
        sender_id: viewer.userId,
        client_id: clientId,
        body,
        reply_to_id: replyToId,
        mentions,
      },
      // The event embeds the sender and mentioned users; a direct room's views also show the peer.
      [viewer.userId, ...mentions, ...(peerId ? [peerId] : [])],
    );
    const byId = new Map(users.map((u) => [u.id, userRowToModel(u)]));
    const plain = messageRowToModel(row);
    const attachments = more ? await more(row, byId.get(viewer.userId)) : [];
    const message: MessageModel = {
      ...plain,
      sender: byId.get(viewer.userId) ?? null,
      mentionUsers: plain.mentionIds.flatMap((id) => byId.get(id) ?? []),
      attachments,
      // Just sent: no reactions, no readers (subscribers then read nothing for them).
      reactions: [],
      readers: [],
    };
    const event: MessageCreatedEvent = { __typename: 'MessageCreated', roomId, seq: row.seq, message };
    tx.afterCommit(() => slot.publish(row.seq, { events: [event], views: 'members', users: byId }));
    // Sending ends the sender's typing (after MessageCreated went out).
    tx.afterCommit(() => deps.presence.stopTyping(roomId, viewer.userId));
    return message;
  };

  // Publications go out in seq order even when concurrent sends of the room answer out of order.
  const slot = reserveSeqSlot(deps, roomId, Number(m.last_seq));
  try {
    // One statement writes everything: it commits on its own, no BEGIN/COMMIT round trips.
    if (attachmentIds.length === 0 && toNotify.length === 0)
      return await inOneStatement(deps, (tx) => write(deps.db, tx));
    return await inTransaction(deps, (tx) =>
      write(tx.trx, tx, async (row, sender) => {
        // Same transaction: a message is never visible without its files (nor files linked to no message).
        const attachments = await attachToMessage(tx.trx, viewer, row.id, attachmentIds);
        const senderName = sender?.displayName ?? 'Someone';
        await notifyNewMessage(
          tx,
          deps,
          { ...notifyBase, messageId: row.id, senderName, preview: body || describeAttachments(attachments) },
          toNotify,
        );
        return attachments;
      }),
    );
  } catch (err) {
    slot.cancel();
    if ((err as { constraint?: string }).constraint === 'messages_sender_client_key') {
      const winner = await repo.findBySenderClientId(deps.db, viewer.userId, clientId);
      if (winner) return original(winner, roomId);
    }
    throw err;
  }
}

/** The message if the viewer may see it (member, from their join point on); NOT_FOUND otherwise. */
async function visibleMessage(deps: Deps, viewer: Viewer, id: string) {
  const row = await repo.findMessageWithMembership(deps.db, parseId(id, 'Message'), viewer.userId);
  if (!row || row.seq < row.viewer_visible_from_seq) throw notFound('Message');
  return row;
}

/**
 * Edits the viewer's own message (sets editedAt; mentions are recomputed).
 * A message with files may lose its text (a caption removed), as it could be
 * sent without one.
 */
export async function editMessage(
  deps: Deps,
  viewer: Viewer,
  id: string,
  rawBody: string,
): Promise<MessageModel> {
  const emptied = rawBody.trim() === '';
  let body = emptied ? '' : normalizeBody(rawBody, deps.config.messageMaxLength);
  const found = await visibleMessage(deps, viewer, id);
  if (found.kind !== 'USER' || found.sender_id !== viewer.userId)
    throw forbidden('You can only edit your own messages');
  if (found.deleted_at) throw badInput('A deleted message cannot be edited', { field: 'id' });
  if (emptied) {
    const hasFiles = (await listAttachments(deps.db, [found.id])).length > 0;
    body = normalizeMessageBody(rawBody, hasFiles, deps.config.messageMaxLength);
  }
  const mentions = await resolveMentions(deps.db, found.room_id, body, viewer.userId);
  return inTransaction(deps, async (tx) => {
    const row = await repo.updateBody(tx.trx, found.id, body, mentions);
    if (!row) throw badInput('A deleted message cannot be edited', { field: 'id' });
    const message = await withUsers(tx.trx, row);
    // Notifications quoting it quote the new text.
    await messageChanged(tx, deps, {
      id: row.id,
      senderName: message.sender?.displayName ?? 'Someone',
      body: row.body,
    });
    const event: MessageEditedEvent = {
      __typename: 'MessageEdited',
      roomId: row.room_id,
      seq: row.seq,
      message,
    };
    // Only the newest message shows in room lists.
    const isLast = row.seq === Number(found.room_last_seq);
    publishAfterCommit(deps, tx, row.room_id, { events: [event], ...(isLast ? { views: 'members' } : {}) });
    return message;
  });
}

/**
 * Deletes a message: the sender's own, or any as a group owner/admin. It stays
 * as a tombstone with its seq and no body. Deleting a tombstone returns it.
 */
export async function deleteMessage(deps: Deps, viewer: Viewer, id: string): Promise<MessageModel> {
  const found = await visibleMessage(deps, viewer, id);
  if (found.kind !== 'USER') throw badInput('System messages cannot be deleted', { field: 'id' });
  const own = found.sender_id === viewer.userId;
  const moderator = found.room_kind === 'GROUP' && ['OWNER', 'ADMIN'].includes(found.viewer_role);
  if (!own && !moderator) throw forbidden('You can only delete your own messages');
  if (found.deleted_at) return messageRowToModel(found);
  return inTransaction(deps, async (tx) => {
    const row = await repo.tombstone(tx.trx, found.id);
    if (!row) {
      // Deleted concurrently: the other call published; return the tombstone.
      const [current] = await repo.findMessagesByIds(tx.trx, [found.id]);
      return messageRowToModel(current ?? found);
    }
    await detachDeletedMessageFiles(tx.trx, row.id);
    const message = await withUsers(tx.trx, row);
    // No notification keeps quoting it (nor its digest email).
    await messageChanged(tx, deps, {
      id: row.id,
      senderName: message.sender?.displayName ?? 'Someone',
      body: null,
    });
    const event: MessageDeletedEvent = {
      __typename: 'MessageDeleted',
      roomId: row.room_id,
      seq: row.seq,
      message,
    };
    // Unread counts drop for members who had not read it; the last message may change.
    publishAfterCommit(deps, tx, row.room_id, { events: [event], views: 'members' });
    return message;
  });
}
