/**
 * Message notifications: who gets a MESSAGE notification for a new message,
 * and clearing it once they have read the room.
 *
 * A message notifies the other person of a direct room, and the members
 * @mentioned in a group, unless they are the sender, are looking at the room
 * right now (an open `roomEvents` subscription on any instance), or muted it.
 * The notifications collapse per room (`notifyMessage`), and the digest email
 * follows only if one is still unread after the delay.
 */
import type { Tx } from '../../db/tx.ts';
import type { Deps } from '../../deps.ts';
import * as repo from './notifications.repository.ts';
import { notifyMessage, publishRead } from './notifications.service.ts';

export interface NewMessageFacts {
  roomId: string;
  /** Direct rooms notify the peer; groups notify the mentioned members. */
  peerId: string | null;
  /** The group's title; null for a direct room (the sender's name is used). */
  groupTitle: string | null;
  messageId: string;
  senderId: string;
  senderName: string;
  mentionIds: readonly string[];
  /** Text shown in the notification. */
  preview: string;
}

/** Whether someone is looking at a room now (any instance). */
export type ViewingCheck = (userId: string, roomId: string) => Promise<boolean>;

/**
 * Who a message would notify before muting is checked: call it before the
 * transaction (the viewing check may ask Redis), then pass the result to
 * `notifyNewMessage` inside it.
 */
export async function messageRecipients(
  facts: Pick<NewMessageFacts, 'roomId' | 'peerId' | 'senderId' | 'mentionIds'>,
  isViewing: ViewingCheck,
): Promise<string[]> {
  const candidates = new Set(facts.peerId ? [facts.peerId] : facts.mentionIds);
  candidates.delete(facts.senderId);
  const viewing = await Promise.all([...candidates].map((id) => isViewing(id, facts.roomId)));
  return [...candidates].filter((_, i) => !viewing[i]);
}

/** Creates (or collapses into) each recipient's MESSAGE notification, skipping members who muted the room. */
export async function notifyNewMessage(
  tx: Tx,
  deps: Deps,
  facts: NewMessageFacts,
  recipients: readonly string[],
): Promise<void> {
  for (const recipientId of await repo.unmutedMembers(tx.trx, facts.roomId, recipients)) {
    await notifyMessage(tx, deps, {
      recipientId,
      roomId: facts.roomId,
      messageId: facts.messageId,
      fromUserId: facts.senderId,
      roomTitle: facts.groupTitle ?? facts.senderName,
      preview: facts.preview,
    });
  }
}

/**
 * The viewer has read the room up to its newest message: their MESSAGE
 * notification for it, if unread, is read too (every device's bell updates).
 */
export async function clearRoomMessageNotification(
  deps: Deps,
  userId: string,
  roomId: string,
): Promise<void> {
  const ids = await repo.markRoomMessageRead(deps.db, userId, roomId, new Date());
  if (ids.length > 0) await publishRead(deps, userId, ids);
}
