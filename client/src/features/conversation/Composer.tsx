import { type FormEvent, type KeyboardEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { charCount, counterLabel, longerThan } from '../../ui/chars.ts';
import { useLoadServiceLimits, useMessageMaxLength } from '../../ui/service-limits.ts';
import type { ReplyTarget } from './useConversation.ts';

/**
 * Unsent text per conversation (`draftKey`), kept while the app runs: going to
 * another room and back finds the half-written message where it was left.
 */
const drafts = new Map<string, string>();

/**
 * The message box: Enter sends, Shift+Enter adds a line. Shows what the
 * message replies to. `tools` is a slot for controls other features add
 * (attach a file, emoji); `onInput` lets them follow typing.
 */
export function Composer(props: {
  roomTitle: string;
  /** Keeps the unsent text under this key when the composer goes away (e.g. viewer and room ids). */
  draftKey?: string;
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
  const { replyTo, draftKey } = props;
  useLoadServiceLimits();
  const maxLength = useMessageMaxLength();
  const [draft] = useState(() => (draftKey ? drafts.get(draftKey) : undefined));
  /** Characters in the box (trimmed, as sent); over maxLength it cannot be sent, and says so. */
  const [count, setCount] = useState(() => charCount((draft ?? '').trim()));
  /** Sending was tried with too long a text: the alert stays until the text fits. */
  const [refused, setRefused] = useState(false);
  const over = count > maxLength;
  const counter = counterLabel(count, maxLength);

  useEffect(() => {
    if (replyTo) box.current?.focus();
  }, [replyTo]);

  function submit() {
    const el = box.current;
    if (!el) return;
    const body = el.value.trim();
    if (props.waitingReason) return;
    if (!body && !props.attachmentCount) return;
    if (longerThan(body, maxLength)) {
      // Kept in the box to be shortened, never cut: the server would refuse it too.
      setCount(charCount(body));
      setRefused(true);
      el.focus();
      return;
    }
    props.onSend(body, replyTo);
    el.value = '';
    if (draftKey) drafts.delete(draftKey);
    setCount(0);
    setRefused(false);
    props.onInput?.('');
    el.focus();
  }

  function onInput(text: string) {
    if (draftKey) {
      if (text.trim()) drafts.set(draftKey, text);
      else drafts.delete(draftKey);
    }
    const n = charCount(text.trim());
    setCount(n);
    if (n <= maxLength) setRefused(false);
    props.onInput?.(text);
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
          placeholder={`Message ${props.roomTitle}`}
          defaultValue={draft}
          disabled={props.disabled}
          onKeyDown={onKeyDown}
          onInput={(e) => onInput(e.currentTarget.value)}
          onBlur={props.onBlur}
          aria-invalid={over ? true : undefined}
          aria-describedby={counter ? 'composer-hint composer-count' : 'composer-hint'}
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
      {counter ? (
        <p id="composer-count" className={over ? 'field-error' : 'field-hint'}>
          {counter}
        </p>
      ) : null}
      {refused && over ? (
        <p role="alert" className="field-error">
          {`Not sent: a message can have at most ${maxLength} characters. Shorten it to send it.`}
        </p>
      ) : null}
    </form>
  );
}
