import { Fragment, useLayoutEffect, useRef, useState } from 'react';
import { MessageItem, type MessageItemSlots } from './MessageItem.tsx';
import { PendingMessageItem } from './PendingMessageItem.tsx';
import { dayKey, dayLabel } from './time.ts';
import type { Msg, PendingMessage, ReplyTarget } from './useConversation.ts';

/** Messages closer together than this, from the same sender, form one group. */
const GROUP_WINDOW_MS = 5 * 60_000;
/** Older history loads when the viewer scrolls this close to the top. */
const LOAD_OLDER_WITHIN_PX = 200;
/** "At the bottom" for sticking to new messages. */
const BOTTOM_SLACK_PX = 80;

interface Props {
  messages: readonly Msg[];
  pending: readonly PendingMessage[];
  timeZone: string;
  viewerName: string;
  /** The viewer may delete anyone's messages (a group's owner or admin). */
  canModerate?: boolean;
  hasOlder: boolean;
  loadingOlder: boolean;
  onLoadOlder(): void;
  onReply(target: ReplyTarget): void;
  onEdit(id: string, body: string): Promise<void>;
  onDelete(id: string): Promise<void>;
  onRetry(clientId: string): void;
  /** Forgets a failed message the server refused for good. */
  onDismiss(clientId: string): void;
  /**
   * The highest seq of the messages on screen (at least partly in view of the
   * log), after every render and scroll: what the viewer has seen.
   */
  onSeen(seq: number): void;
  /**
   * Extension point: what other features add to a message (reactions and read
   * receipts in `footer`, attachments, extra actions). See MessageItemSlots.
   */
  slotsFor?: (message: Msg) => MessageItemSlots;
}

function startsGroup(prev: Msg | undefined, m: Msg, timeZone: string): boolean {
  if (!prev) return true;
  if (prev.kind !== 'USER' || m.kind !== 'USER') return true;
  if (prev.sender?.id !== m.sender?.id) return true;
  if (dayKey(prev.createdAt, timeZone) !== dayKey(m.createdAt, timeZone)) return true;
  return Date.parse(m.createdAt) - Date.parse(prev.createdAt) > GROUP_WINDOW_MS;
}

/**
 * The scrolling message log, newest at the bottom. Keeps the viewer's place:
 * when older messages are prepended, the message that was first is anchored
 * (it stays at the same spot on screen, even if it now joins the sender group
 * above it); when new ones arrive while the viewer is at the bottom, it
 * follows them.
 */
export function MessageList(props: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const atBottom = useRef(true);
  const previous = useRef<{ firstId: string | undefined; firstTop: number } | null>(null);
  const firstId = props.messages[0]?.id;
  const lastId = props.messages.at(-1)?.id;
  const seenLastId = useRef(lastId);
  const pendingCount = useRef(props.pending.length);
  /** Newer messages arrived while the viewer was reading further up. */
  const [newBelow, setNewBelow] = useState(false);

  /** The highest seq whose message is (at least partly) in view; 0 when none is. */
  function highestInView(el: HTMLElement): number {
    const bottom = el.getBoundingClientRect().bottom;
    const items = el.querySelectorAll<HTMLElement>('li[data-seq]');
    // Newest last: walk up from the end to the first one that starts above the log's bottom edge.
    for (let i = items.length - 1; i >= 0; i--) {
      const item = items[i] as HTMLElement;
      if (item.getBoundingClientRect().top < bottom) return Number(item.dataset.seq);
    }
    return 0;
  }

  /** Where a message's top edge sits in the scrolled content, in px. */
  function contentTop(el: HTMLElement, id: string | undefined): number | undefined {
    const item = id ? el.querySelector(`[data-message-id="${id}"]`) : null;
    if (!item) return undefined;
    return item.getBoundingClientRect().top - el.getBoundingClientRect().top + el.scrollTop;
  }

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const before = previous.current;
    // The viewer just sent something: show it, wherever they were reading.
    if (props.pending.length > pendingCount.current) atBottom.current = true;
    pendingCount.current = props.pending.length;
    if (before === null) {
      el.scrollTop = el.scrollHeight;
    } else if (before.firstId !== firstId && before.firstId !== undefined) {
      // Older messages went in above: the message that was first stays exactly where it was on screen.
      const now = contentTop(el, before.firstId);
      if (now !== undefined) el.scrollTop += now - before.firstTop;
    } else if (atBottom.current) {
      el.scrollTop = el.scrollHeight;
    } else if (lastId !== seenLastId.current) {
      setNewBelow(true);
    }
    seenLastId.current = lastId;
    previous.current = { firstId, firstTop: contentTop(el, firstId) ?? 0 };
    props.onSeen(highestInView(el));
  });

  function onScroll() {
    const el = scroller.current;
    if (!el) return;
    atBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < BOTTOM_SLACK_PX;
    if (atBottom.current) setNewBelow(false);
    props.onSeen(highestInView(el));
    if (el.scrollTop < LOAD_OLDER_WITHIN_PX && props.hasOlder && !props.loadingOlder) props.onLoadOlder();
  }

  const { timeZone } = props;
  const items = props.messages.map((m, i) => {
    const prev = props.messages[i - 1];
    const newDay = !prev || dayKey(prev.createdAt, timeZone) !== dayKey(m.createdAt, timeZone);
    return (
      <Fragment key={m.id}>
        {newDay ? (
          <li className="day-separator">
            <span>{dayLabel(m.createdAt, timeZone)}</span>
          </li>
        ) : null}
        <MessageItem
          message={m}
          timeZone={timeZone}
          grouped={!newDay && !startsGroup(prev, m, timeZone)}
          canModerate={props.canModerate}
          onReply={props.onReply}
          onEdit={(body) => props.onEdit(m.id, body)}
          onDelete={() => props.onDelete(m.id)}
          {...props.slotsFor?.(m)}
        />
      </Fragment>
    );
  });

  function jumpToLatest() {
    const el = scroller.current;
    if (!el) return;
    el.scrollTop = el.scrollHeight;
    atBottom.current = true;
    setNewBelow(false);
  }

  return (
    <div className="message-scroller" ref={scroller} onScroll={onScroll} data-testid="message-scroller">
      <div className="history-edge">
        {props.hasOlder ? (
          <button
            type="button"
            className="button subtle"
            onClick={props.onLoadOlder}
            disabled={props.loadingOlder}
          >
            {props.loadingOlder ? 'Loading older messages…' : 'Load older messages'}
          </button>
        ) : props.messages.length > 0 ? (
          <p className="muted">This is the beginning of the conversation.</p>
        ) : null}
      </div>
      <ol className="messages" aria-label="Messages" aria-live="polite" aria-relevant="additions">
        {items}
        {props.pending.map((p) => (
          <PendingMessageItem
            key={p.clientId}
            message={p}
            viewerName={props.viewerName}
            timeZone={timeZone}
            onRetry={props.onRetry}
            onDismiss={props.onDismiss}
          />
        ))}
      </ol>
      {newBelow ? (
        <button type="button" className="button primary jump-to-latest" onClick={jumpToLatest}>
          New messages ↓
        </button>
      ) : null}
      {props.messages.length === 0 && props.pending.length === 0 ? (
        <p className="muted empty-conversation">No messages yet. Say hello!</p>
      ) : null}
    </div>
  );
}
