/**
 * Read receipts from read pointers (DESIGN decision 4): each member has one
 * pointer, "read everything up to seq S", which only moves forward. Pointers
 * come from the loaded messages' `readBy` (a reader of message M has a pointer
 * ≥ M.seq) and from live ReadReceipt events, and a message of mine is read by
 * everyone whose pointer is at or past it. A reader who turns receipts off
 * (ReadReceiptWithdrawn) is hidden until a ReadReceipt says they share again.
 */
import type { LiveMessage_MessageFragment } from '../../gql/graphql.ts';

export interface Reader {
  id: string;
  displayName: string;
  /** The reader's read pointer. */
  seq: number;
  /** When the pointer last moved, when known. */
  readAt: string | null;
}

export type ReadPointers = ReadonlyMap<string, Reader>;

const NOBODY: ReadonlySet<string> = new Set();

/** Moves a pointer forward; never backwards (out-of-order and duplicate receipts are harmless). */
export function bump(pointers: Map<string, Reader>, reader: Reader): void {
  const known = pointers.get(reader.id);
  if (known && known.seq >= reader.seq) return;
  pointers.set(reader.id, { ...reader, readAt: reader.readAt ?? known?.readAt ?? null });
}

/** The same as `bump`, on an immutable map: returns `pointers` itself when nothing moved. */
export function bumped(pointers: ReadPointers, reader: Reader): ReadPointers {
  const known = pointers.get(reader.id);
  if (known && known.seq >= reader.seq) return pointers;
  const next = new Map(pointers);
  bump(next, reader);
  return next;
}

/**
 * Everyone's pointer as far as the client knows: the live receipts, raised by
 * what the loaded messages say. Sending a message moves the sender's pointer
 * to it without a ReadReceipt, so a message from someone moves their pointer
 * too, but only for people already known to share receipts (someone with
 * private receipts never appears in `readBy` or events, and their messages
 * must not reveal what they read).
 */
export function readPointers(
  messages: readonly LiveMessage_MessageFragment[],
  live: ReadPointers,
): ReadPointers {
  const pointers = new Map(live);
  for (const m of messages) {
    if (!m.sender?.isMe) continue;
    for (const r of m.readBy)
      bump(pointers, {
        id: r.user.id,
        displayName: r.user.displayName,
        seq: m.seq,
        readAt: r.readAt ?? null,
      });
  }
  for (const m of messages) {
    const sender = m.sender;
    if (!sender || sender.isMe) continue;
    const known = pointers.get(sender.id);
    if (known) bump(pointers, { ...known, seq: m.seq, readAt: null });
  }
  return pointers;
}

/** What one of my messages shows: the readers known by name, and how many there are in all. */
export interface Receipt {
  readers: Reader[];
  count: number;
}

/**
 * Receipts for my messages, by message id. Pointers only move forward, so
 * readers of a later message also read every earlier one: a receipt is shown
 * only where it says something new, on my latest message each reader has
 * reached (as messengers mark "Seen" under the last message read, not under
 * every one).
 */
export function receiptsFor(
  messages: readonly LiveMessage_MessageFragment[],
  pointers: ReadPointers,
  hidden: ReadonlySet<string> = NOBODY,
): Map<string, Receipt> {
  const mine = messages.filter((m) => m.sender?.isMe && m.kind === 'USER' && !m.deletedAt);
  const all = [...pointers.values()]
    .filter((r) => !hidden.has(r.id))
    .sort((a, b) => (b.readAt ?? '').localeCompare(a.readAt ?? ''));
  const receipts = mine.map((m) => {
    const readers = all.filter((r) => r.seq >= m.seq);
    // `readCount` was read before they hid their receipts: it counts them where they had read.
    let withdrawn = 0;
    for (const id of hidden) if ((pointers.get(id)?.seq ?? 0) >= m.seq) withdrawn++;
    return { id: m.id, readers, count: Math.max(m.readCount - withdrawn, readers.length) };
  });
  const shown = new Map<string, Receipt>();
  receipts.forEach((r, i) => {
    const next = receipts[i + 1];
    if (r.count > 0 && (!next || next.count < r.count))
      shown.set(r.id, { readers: r.readers, count: r.count });
  });
  return shown;
}

/** "Seen" in a direct room; "Read by Bob" / "Read by Bob and Carol" / "Read by 3" in a group. */
export function receiptText(receipt: Receipt, direct: boolean): string {
  if (direct) return 'Seen';
  const [first, second] = receipt.readers;
  if (receipt.count === 1 && first) return `Read by ${first.displayName}`;
  if (receipt.count === 2 && first && second) return `Read by ${first.displayName} and ${second.displayName}`;
  return `Read by ${receipt.count}`;
}
