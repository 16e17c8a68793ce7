/**
 * Reading messages: one, history pages (keyset on seq), gap recovery and
 * full-text search. Every read is limited to what the viewer may see: rooms
 * they belong to, from their join point on.
 */
import type { Deps, Viewer } from '../../deps.ts';
import { badInput, notFound } from '../../graphql/errors.ts';
import { lazyEdges } from '../../lib/connections.ts';
import { decodeCursor, encodeCursor, pageSize } from '../../lib/cursor.ts';
import { isUuid, parseId } from '../../lib/ids.ts';
import type { ReaderModel } from '../receipts/receipts.service.ts';
import { requireMember } from '../rooms/rooms.access.ts';
import * as roomsRepo from '../rooms/rooms.repository.ts';
import { type MessageModel, type MessageRow, messageRowToModel } from './messages.model.ts';
import * as repo from './messages.repository.ts';

export interface MessageConnectionModel {
  edges: { cursor: string; node: MessageModel }[];
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
  /** Taken before the page's statements ran (`roomEvents(since:)` resumes from it). */
  asOf: Date;
}

export async function getMessage(deps: Deps, viewer: Viewer, id: string): Promise<MessageModel> {
  const row = await repo.findMessageWithMembership(deps.db, parseId(id, 'Message'), viewer.userId);
  if (!row || row.seq < row.viewer_visible_from_seq) throw notFound('Message');
  return messageRowToModel(row);
}

const seqCursor = (seq: number) => encodeCursor({ s: seq });
const readSeqCursor = (cursor: string, field: string) =>
  decodeCursor(
    cursor,
    (v) => (typeof v.s === 'number' && Number.isInteger(v.s) && v.s >= 0 ? v.s : undefined),
    field,
  );

function connection(
  nodes: MessageModel[],
  cursor: (m: MessageModel) => string,
  hasPreviousPage: boolean,
  hasNextPage: boolean,
  asOf: Date,
): MessageConnectionModel {
  const edges = lazyEdges(nodes, cursor);
  return {
    asOf,
    edges,
    pageInfo: {
      hasNextPage,
      hasPreviousPage,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

export interface HistoryArgs {
  roomId: string;
  first?: number | null | undefined;
  after?: string | null | undefined;
  last?: number | null | undefined;
  before?: string | null | undefined;
  senderId?: string | null | undefined;
}

/**
 * The room's read pointers the viewer may see (the `readers` loader), when the
 * client selected receipts: read alongside the page instead of after it, and
 * embedded in each message so `readCount`/`readBy` answer without a promise each.
 */
export type ReadersFor = (roomId: string) => Promise<ReaderModel[]>;

/**
 * The first `limit` of `rows` (read `limit + 1`, to tell whether there are
 * more) as messages, with the room's read pointers embedded when asked for
 * (read at the same time as the rows).
 */
async function historyPage(
  rows: Promise<MessageRow[]>,
  roomId: string,
  limit: number,
  readersFor: ReadersFor | undefined,
): Promise<{ messages: MessageModel[]; more: boolean }> {
  const [read, readers] = await Promise.all([rows, readersFor?.(roomId)]);
  const messages = read.slice(0, limit).map(messageRowToModel);
  if (readers) for (const message of messages) message.readers = readers;
  return { messages, more: read.length > limit };
}

/**
 * A page of history, ascending by seq. `first`/`after` page forwards;
 * `last`/`before` backwards from the newest (the default: last 50).
 */
export async function listMessages(
  deps: Deps,
  viewer: Viewer,
  args: HistoryArgs,
  readersFor?: ReadersFor,
): Promise<MessageConnectionModel> {
  const asOf = new Date();
  const roomId = parseId(args.roomId, 'Room');
  if (args.first != null && args.last != null)
    throw badInput('Pass either first or last, not both', { field: 'last' });
  const forward = args.first != null || (args.after != null && args.last == null);
  const limit = forward ? pageSize(args.first, 50, 100, 'first') : pageSize(args.last, 50, 100, 'last');
  const afterSeq = args.after ? readSeqCursor(args.after, 'after') : undefined;
  const beforeSeq = args.before ? readSeqCursor(args.before, 'before') : undefined;
  const senderId = args.senderId ? (isUuid(args.senderId) ? args.senderId.toLowerCase() : null) : undefined;
  const m = requireMember(await roomsRepo.findMembership(deps.db, roomId, viewer.userId));
  if (senderId === null) return connection([], (n) => seqCursor(n.seq), false, false, asOf); // no such sender

  const { messages: page, more } = await historyPage(
    repo.listHistory(deps.db, {
      roomId,
      minSeq: Number(m.visible_from_seq),
      afterSeq,
      beforeSeq,
      senderId,
      limit: limit + 1,
      order: forward ? 'asc' : 'desc',
    }),
    roomId,
    limit,
    readersFor,
  );
  if (!forward) page.reverse();
  return forward
    ? connection(page, (n) => seqCursor(n.seq), afterSeq !== undefined, more, asOf)
    : connection(page, (n) => seqCursor(n.seq), more, beforeSeq !== undefined, asOf);
}

export interface MessageBatchModel {
  messages: MessageModel[];
  hasMore: boolean;
  lastSeq: number;
}

/** Messages after `afterSeq` (ascending, at most `limit`): what a client that saw a gap asks for. */
export async function messagesAfter(
  deps: Deps,
  viewer: Viewer,
  roomId: string,
  afterSeq: number,
  limitArg: number | null | undefined,
  readersFor?: ReadersFor,
): Promise<MessageBatchModel> {
  const id = parseId(roomId, 'Room');
  if (!Number.isInteger(afterSeq) || afterSeq < 0)
    throw badInput('afterSeq must be a non-negative integer', { field: 'afterSeq' });
  const limit = pageSize(limitArg, 100, 500, 'limit');
  const m = requireMember(await roomsRepo.findMembership(deps.db, id, viewer.userId));
  const { messages, more } = await historyPage(
    repo.listHistory(deps.db, {
      roomId: id,
      minSeq: Number(m.visible_from_seq),
      afterSeq,
      limit: limit + 1,
      order: 'asc',
    }),
    id,
    limit,
    readersFor,
  );
  return {
    messages,
    hasMore: more,
    lastSeq: Math.max(Number(m.last_seq), messages.at(-1)?.seq ?? 0),
  };
}

export interface SearchArgs {
  query: string;
  roomId?: string | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}

/** Full-text search (websearch syntax) over messages the viewer can see, best match first. */
export async function searchMessages(
  deps: Deps,
  viewer: Viewer,
  args: SearchArgs,
): Promise<MessageConnectionModel> {
  const asOf = new Date();
  const text = args.query.trim();
  if (text.length < 1 || text.length > 200)
    throw badInput('query must be 1–200 characters', { field: 'query' });
  const first = pageSize(args.first, 20, 50);
  const after = args.after
    ? decodeCursor(args.after, (v) =>
        typeof v.r === 'string' && /^\d+(\.\d+)?$/.test(v.r) && typeof v.id === 'string' && isUuid(v.id)
          ? { rank: v.r, id: v.id }
          : undefined,
      )
    : undefined;
  let roomId: string | undefined;
  if (args.roomId) {
    roomId = parseId(args.roomId, 'Room');
    requireMember(await roomsRepo.findMembership(deps.db, roomId, viewer.userId));
  }
  const rows = await repo.searchMessages(deps.db, {
    userId: viewer.userId,
    text,
    roomId,
    limit: first + 1,
    after,
  });
  const ranks = new Map(rows.map((r) => [r.id, r.rank]));
  return connection(
    rows.slice(0, first).map(messageRowToModel),
    (n) => encodeCursor({ r: String(ranks.get(n.id)), id: n.id }),
    after !== undefined,
    rows.length > first,
    asOf,
  );
}
