import { PendingAttachments } from '../attachments/PendingAttachments.tsx';
import { timeLabel } from './time.ts';
import type { PendingMessage } from './useConversation.ts';

/**
 * One of the viewer's messages on its way: visibly pending, or failed with the
 * reason the API gave and a Retry button; refused for good (e.g. FORBIDDEN),
 * a Dismiss instead, since sending it again could never work.
 */
export function PendingMessageItem(props: {
  message: PendingMessage;
  /** The viewer's display name, as their confirmed messages show it. */
  viewerName: string;
  timeZone: string;
  onRetry(clientId: string): void;
  onDismiss(clientId: string): void;
}) {
  const p = props.message;
  const failed = p.status === 'failed';
  return (
    <li className={`message mine pending${failed ? ' failed' : ''}`} data-status={p.status}>
      <div className="message-meta">
        <span className="message-sender">{props.viewerName}</span>{' '}
        <time dateTime={p.createdAt} className="muted">
          {timeLabel(p.createdAt, props.timeZone)}
        </time>
      </div>
      {p.replyTo ? (
        <blockquote className="reply-quote">
          <span className="reply-sender">{p.replyTo.author}</span>{' '}
          <span className="reply-text">{p.replyTo.snippet}</span>
        </blockquote>
      ) : null}
      {p.body || p.attachments.length === 0 ? <p className="message-body">{p.body}</p> : null}
      <PendingAttachments files={p.attachments} />
      {failed ? (
        <p className="message-state status-error" role="alert">
          {p.error ? `Not sent: ${p.error.replace(/\.$/, '')}.` : 'Not sent.'}{' '}
          {p.permanent ? (
            <button type="button" className="button small" onClick={() => props.onDismiss(p.clientId)}>
              Dismiss
            </button>
          ) : (
            <button type="button" className="button small" onClick={() => props.onRetry(p.clientId)}>
              Retry
            </button>
          )}
        </p>
      ) : (
        <p className="message-state muted" role="status">
          Sending…
        </p>
      )}
    </li>
  );
}
