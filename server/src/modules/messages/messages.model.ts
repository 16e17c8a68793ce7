import type { AttachmentModel } from '../files/files.model.ts';
import type { ReactionGroupModel } from '../reactions/reactions.model.ts';
import type { ReaderModel } from '../receipts/receipts.service.ts';
import type { UserModel } from '../users/users.model.ts';

export type MessageKind = 'USER' | 'SYSTEM';

/** What a SYSTEM message records (stored in `messages.system_data`). */
export interface SystemData {
  type: 'MEMBER_JOINED' | 'MEMBER_LEFT' | 'MEMBER_ROLE_CHANGED' | 'ROOM_RENAMED';
  /** The member who joined, left or whose role changed. */
  userId?: string;
  /** Who added, removed, changed the role or renamed (absent when the member acted alone, or ownership passed on). */
  byUserId?: string;
  /** MEMBER_ROLE_CHANGED: the member's new role. */
  role?: 'OWNER' | 'ADMIN' | 'MEMBER';
  /** ROOM_RENAMED: the new title. */
  title?: string;
}

/** A message as the domain sees it. */
export interface MessageModel {
  id: string;
  roomId: string;
  seq: number;
  kind: MessageKind;
  senderId: string | null;
  clientId: string | null;
  /** Null once deleted. */
  body: string | null;
  replyToId: string | null;
  mentionIds: string[];
  systemData: SystemData | null;
  createdAt: Date;
  editedAt: Date | null;
  deletedAt: Date | null;
  /** Embedded in event payloads (so subscribers read nothing); otherwise loaded by id. */
  sender?: UserModel | null;
  /** Embedded in event payloads; otherwise loaded by `mentionIds`. */
  mentionUsers?: UserModel[] | null;
  /** Embedded in MessageCreated payloads; otherwise loaded by message id. */
  attachments?: AttachmentModel[] | null;
  /**
   * Embedded (empty) in a just-sent message's MessageCreated payload: nobody
   * has reacted yet; otherwise loaded by message id. Later reactions reach
   * subscribers as ReactionChanged events, after it on the same stream.
   */
  reactions?: ReactionGroupModel[];
  /**
   * The room's read pointers that concern this message. Embedded (empty) in a
   * just-sent message's MessageCreated payload: no one but its sender (never
   * a reader of their own message) can have read past it yet; otherwise the
   * room's readers are loaded. Later reads arrive as ReadReceipt events.
   */
  readers?: ReaderModel[];
}

/** Columns every message read selects (the tsvector stays in the database). */
export const MESSAGE_COLUMNS = [
  'messages.id',
  'messages.room_id',
  'messages.seq',
  'messages.kind',
  'messages.sender_id',
  'messages.client_id',
  'messages.body',
  'messages.reply_to_id',
  'messages.mentions',
  'messages.system_data',
  'messages.created_at',
  'messages.edited_at',
  'messages.deleted_at',
] as const;

export interface MessageRow {
  id: string;
  room_id: string;
  seq: number;
  kind: string;
  sender_id: string | null;
  client_id: string | null;
  body: string | null;
  reply_to_id: string | null;
  mentions: string[];
  system_data: unknown;
  created_at: Date;
  edited_at: Date | null;
  deleted_at: Date | null;
  /** Read by history pages: false means no attachment is ever loaded for it (they are inserted with it). */
  has_attachments?: boolean;
  /** Read by history pages: false means nobody had reacted when the row was read. */
  has_reactions?: boolean;
}

export function messageRowToModel(row: MessageRow): MessageModel {
  const model = toModel(row);
  // What the row already says is empty needs no loader (a statement per page each).
  if (row.has_attachments === false) model.attachments = [];
  if (row.has_reactions === false) model.reactions = [];
  return model;
}

function toModel(row: MessageRow): MessageModel {
  return {
    id: row.id,
    roomId: row.room_id,
    seq: row.seq,
    kind: row.kind as MessageKind,
    senderId: row.sender_id,
    clientId: row.client_id,
    body: row.deleted_at ? null : row.body,
    replyToId: row.reply_to_id,
    mentionIds: row.mentions ?? [],
    systemData: (row.system_data as SystemData | null) ?? null,
    createdAt: row.created_at,
    editedAt: row.edited_at,
    deletedAt: row.deleted_at,
  };
}
