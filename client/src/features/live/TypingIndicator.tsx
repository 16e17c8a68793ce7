import { type Typer, typingText } from './typing.ts';

/** "Alice is typing…" under the message log; an always-present live region, so changes are announced. */
export function TypingIndicator(props: { typers: readonly Typer[] }) {
  return (
    <div className="typing-indicator" role="status" aria-live="polite" data-testid="typing-indicator">
      {typingText(props.typers)}
    </div>
  );
}
