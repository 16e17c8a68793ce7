import { useApolloClient, useFragment } from '@apollo/client/react';
import { type KeyboardEvent, type ReactNode, useState } from 'react';
import { type FragmentType, getFragmentData, graphql } from '../../gql/index.ts';
import { charCount, counterLabel, longerThan } from '../../ui/chars.ts';
import { useMessageMaxLength } from '../../ui/service-limits.ts';
import { Avatar } from '../attachments/Avatar.tsx';
import { attachmentsPreview } from '../attachments/format.ts';
import { MessageBody } from './MessageBody.tsx';
import { ReplyQuote } from './ReplyQuote.tsx';
import { fullLabel, timeLabel } from './time.ts';
import type { ReplyTarget } from './useConversation.ts';

export const MessageItemFragment = graphql(`
  fragment MessageItem_message on Message {
    id
    seq
    kind
    body
    createdAt
    editedAt
    deletedAt
    sender {
      id
      displayName
      username
      isMe
      avatarUrl
    }
    mentions {
      id
      username
      isMe
    }
    replyTo {
      id
      ...ReplyQuote_message
    }
    attachments {
      id
      name
      isImage
    }
  }
`);

export interface MessageItemSlots {
  /** Under the body: reactions, read receipts. */
  footer?: ReactNode;
  /** Between the body and the footer: attachments (image previews, file cards). */
  attachments?: ReactNode;
  /** Extra buttons in the action bar (e.g. "React"). */
  actions?: ReactNode;
}

export interface MessageItemProps extends MessageItemSlots {
  message: FragmentType<typeof MessageItemFragment>;
  timeZone: string;
  /** Continues the previous message's group (same sender, shortly after): no name line. */
  grouped: boolean;
  /** The viewer may delete others' messages too (a group's owner or admin). */
  canModerate?: boolean;
  onReply(target: ReplyTarget): void;
  onEdit(body: string): Promise<void>;
  onDelete(): Promise<void>;
}

function snippet(body: string): string {
  const flat = body.replace(/\s+/g, ' ').trim();
  return flat.length > 80 ? `${flat.slice(0, 79)}…` : flat;
}

const MessageSenderFragment = graphql(`
  fragment MessageSender_user on User {
    id
    displayName
    avatarUrl
  }
`);

/**
 * The sender's name and picture as they are now. The conversation keeps each
 * message as it arrived (useConversation's reducer); the sender is normalized
 * in the Apollo cache as User:<id>, which a profile change (UserUpdated on
 * myEvents) overwrites: reading it from there makes the author line follow.
 */
function useSender(
  sender: { id: string; displayName: string; avatarUrl?: string | null } | null | undefined,
) {
  const client = useApolloClient();
  const { data, complete } = useFragment({
    fragment: MessageSenderFragment,
    from: sender ? (client.cache.identify({ __typename: 'User', id: sender.id }) ?? null) : null,
  });
  return complete ? data : sender;
}

/** One message: sender and time, reply quote, body with mentions, markers, actions and extension slots. */
export function MessageItem(props: MessageItemProps) {
  const m = getFragmentData(MessageItemFragment, props.message);
  const maxLength = useMessageMaxLength();
  const [mode, setMode] = useState<'view' | 'edit' | 'confirm-delete'>('view');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | undefined>();
  /** Characters in the edit box (trimmed, as saved): over the limit it cannot be saved. */
  const [editCount, setEditCount] = useState(0);
  /** Saving was tried with too long a text: the alert stays until the text fits. */
  /** Saving the edit was refused here, and why; shown until the text can be saved. */
  const [editRefused, setEditRefused] = useState<'too long' | 'empty' | undefined>();
  const deleted = Boolean(m.deletedAt);
  const mine = Boolean(m.sender?.isMe);
  const mentionsMe = m.mentions.some((u) => u.isMe);
  const sender = useSender(m.sender);

  if (m.kind === 'SYSTEM') {
    return (
      <li className="message system-message" data-seq={m.seq}>
        <p>{m.body}</p>
      </li>
    );
  }

  async function run(action: () => Promise<void>) {
    setBusy(true);
    setFailure(undefined);
    try {
      await action();
      setMode('view');
    } catch {
      setFailure('That did not work. Please try again.');
    } finally {
      setBusy(false);
    }
  }

  function onEditKey(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Escape') setMode('view');
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      const body = event.currentTarget.value.trim();
      if (longerThan(body, maxLength)) {
        setEditRefused('too long');
        return;
      }
      // A message with files may lose its text (a caption removed); one without needs some.
      if (!body && m.attachments.length === 0) {
        setEditRefused('empty');
        return;
      }
      // Unchanged: nothing to save (saving would mark it "(edited)" all the same).
      if (body === (m.body ?? '').trim()) setMode('view');
      else void run(() => props.onEdit(body));
    }
  }

  const author = sender?.displayName ?? 'Someone';
  const editCounter = mode === 'edit' ? counterLabel(editCount, maxLength) : undefined;
  return (
    <li
      className={`message${props.grouped ? ' grouped' : ''}${mine ? ' mine' : ''}${mentionsMe ? ' mentions-me' : ''}`}
      data-seq={m.seq}
      data-message-id={m.id}
      data-status="sent"
    >
      {props.grouped ? (
        // Grouped under the previous message: the time is still there for screen readers.
        <span className="visually-hidden">
          {author}, <time dateTime={m.createdAt}>{timeLabel(m.createdAt, props.timeZone)}</time>
        </span>
      ) : (
        <div className="message-meta">
          <Avatar name={author} url={sender?.avatarUrl} size="small" />{' '}
          <span className="message-sender">{author}</span>{' '}
          <time dateTime={m.createdAt} title={fullLabel(m.createdAt, props.timeZone)} className="muted">
            {timeLabel(m.createdAt, props.timeZone)}
          </time>
        </div>
      )}
      {m.replyTo ? <ReplyQuote quote={m.replyTo} /> : null}
      {deleted ? (
        <p className="message-body deleted">Message deleted</p>
      ) : mode === 'edit' ? (
        <div className="message-edit">
          <label className="visually-hidden" htmlFor={`edit-${m.id}`}>
            Edit message
          </label>
          <textarea
            id={`edit-${m.id}`}
            defaultValue={m.body ?? ''}
            rows={2}
            disabled={busy}
            onKeyDown={onEditKey}
            onInput={(e) => {
              const n = charCount(e.currentTarget.value.trim());
              setEditCount(n);
              if (n > 0 && n <= maxLength) setEditRefused(undefined);
            }}
            aria-invalid={editCount > maxLength ? true : undefined}
            aria-describedby={editCounter ? `edit-${m.id}-count` : undefined}
            // biome-ignore lint/a11y/noAutofocus: the user just asked to edit this message.
            autoFocus
          />
          <p className="field-hint">Enter to save · Escape to cancel</p>
          {editCounter ? (
            <p id={`edit-${m.id}-count`} className={editCount > maxLength ? 'field-error' : 'field-hint'}>
              {editCounter}
            </p>
          ) : null}
          {editRefused ? (
            <p role="alert" className="field-error">
              {editRefused === 'empty'
                ? 'Not saved: a message needs some text. To remove it, delete it.'
                : `Not saved: a message can have at most ${maxLength} characters.`}
            </p>
          ) : null}
        </div>
      ) : (
        <MessageBody body={m.body ?? ''} mentions={m.mentions} />
      )}
      {m.editedAt && !deleted ? <span className="message-marker muted">(edited)</span> : null}
      {props.attachments}
      {props.footer}
      {failure ? (
        <p className="field-error" role="alert">
          {failure}
        </p>
      ) : null}
      {deleted ? null : mode === 'confirm-delete' ? (
        <div className="message-confirm">
          <span>Delete this message?</span>
          <button
            type="button"
            className="button danger small"
            disabled={busy}
            onClick={() => void run(props.onDelete)}
          >
            Delete
          </button>
          <button type="button" className="button small" onClick={() => setMode('view')}>
            Cancel
          </button>
        </div>
      ) : mode === 'view' ? (
        <div className="message-actions">
          <button
            type="button"
            className="action"
            onClick={() =>
              props.onReply({
                id: m.id,
                author,
                // A message with only files: what the room list says of it ("Photo", "report.pdf").
                snippet: snippet(m.body ?? '') || attachmentsPreview(m.attachments),
              })
            }
          >
            Reply
          </button>
          {mine ? (
            <button
              type="button"
              className="action"
              onClick={() => {
                setEditCount(charCount((m.body ?? '').trim()));
                setEditRefused(undefined);
                setMode('edit');
              }}
            >
              Edit
            </button>
          ) : null}
          {mine || props.canModerate ? (
            <button type="button" className="action" onClick={() => setMode('confirm-delete')}>
              Delete
            </button>
          ) : null}
          {props.actions}
        </div>
      ) : null}
    </li>
  );
}
