import { type FormEvent, type KeyboardEvent, type ReactNode, useEffect, useRef } from 'react';
import type { ReplyTarget } from './useConversation.ts';

/** Most characters a message may have (the server trims and checks too). */
const MAX_LENGTH = 4000;

/**
 * The message box: Enter sends, Shift+Enter adds a line. Shows what the
 * message replies to. `tools` is a slot for controls other features add
 * (attach a file, emoji); `onInput` lets them follow typing.
 */
export function Composer(props: {
  roomTitle: string;
  disabled?: boolean;
  replyTo: ReplyTarget | undefined;
  onCancelReply(): void;
  onSend(body: string, replyTo: ReplyTarget | undefined): void;
  onInput?: (text: string) => void;
  /** The message box lost focus (e.g. to stop a typing indicator). */
  onBlur?: () => void;
  tools?: ReactNode;
  /** Above the message box: e.g. the files attached to this message, with their upload progress. */
  attachments?: ReactNode;
  /** Files ready to go with the message: it may then be sent without text. */
  attachmentCount?: number;
  /** Sending waits (e.g. a file is still uploading); `waitingReason` says why. */
  waitingReason?: string;
  /** Files dropped or pasted onto the composer. */
  onFiles?: (files: File[]) => void;
}) {
  const box = useRef<HTMLTextAreaElement>(null);
  const { replyTo } = props;

  useEffect(() => {
    if (replyTo) box.current?.focus();
  }, [replyTo]);

  function submit() {
    const el = box.current;
    if (!el) return;
    const body = el.value.trim();
    if (props.waitingReason) return;
    if (!body && !props.attachmentCount) return;
    props.onSend(body, replyTo);
    el.value = '';
    props.onInput?.('');
    el.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      submit();
    }
    if (event.key === 'Escape' && replyTo) props.onCancelReply();
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    submit();
  }

  return (
    <form
      className="composer"
      onSubmit={onSubmit}
      aria-label="Send a message"
      onDragOver={(e) => {
        if (props.onFiles && e.dataTransfer.types.includes('Files')) e.preventDefault();
      }}
      onDrop={(e) => {
        if (!props.onFiles || e.dataTransfer.files.length === 0) return;
        e.preventDefault();
        props.onFiles([...e.dataTransfer.files]);
      }}
      onPaste={(e) => {
        if (!props.onFiles || e.clipboardData.files.length === 0) return;
        e.preventDefault();
        props.onFiles([...e.clipboardData.files]);
      }}
    >
      {replyTo ? (
        <div className="composer-reply">
          <span>
            Replying to <strong>{replyTo.author}</strong>: <span className="muted">{replyTo.snippet}</span>
          </span>
          <button type="button" className="button subtle small" onClick={props.onCancelReply}>
            Cancel reply
          </button>
        </div>
      ) : null}
      {props.attachments}
      <div className="composer-row">
        {props.tools}
        <label htmlFor="composer-input" className="visually-hidden">
          Message
        </label>
        <textarea
          id="composer-input"
          ref={box}
          rows={2}
          maxLength={MAX_LENGTH}
          placeholder={`Message ${props.roomTitle}`}
          disabled={props.disabled}
          onKeyDown={onKeyDown}
          onInput={(e) => props.onInput?.(e.currentTarget.value)}
          onBlur={props.onBlur}
          aria-describedby="composer-hint"
        />
        <button
          type="submit"
          className="button primary"
          disabled={props.disabled || Boolean(props.waitingReason)}
        >
          Send
        </button>
      </div>
      <p id="composer-hint" className="field-hint">
        {props.waitingReason ?? 'Enter to send · Shift+Enter for a new line'}
      </p>
    </form>
  );
}
