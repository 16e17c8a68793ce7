import {
  type FocusEvent,
  type KeyboardEvent,
  type MouseEvent,
  useEffect,
  useId,
  useRef,
  useState,
} from 'react';
import { QUICK_REACTIONS } from './reactions.ts';

/**
 * "React" in a message's action bar: opens a row of common emoji; picking one
 * reacts (or takes the reaction back). Escape closes it; focus returns to
 * the button.
 */
export function ReactionPicker(props: { onPick(emoji: string): void }) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const first = useRef<HTMLButtonElement>(null);
  const id = useId();

  useEffect(() => {
    if (open) first.current?.focus();
  }, [open]);

  function close() {
    setOpen(false);
    button.current?.focus();
  }

  // Clicks inside do not move focus (Safari would blur without a relatedTarget, closing the picker first).
  const keepFocus = (event: MouseEvent) => event.preventDefault();

  // Focus moving anywhere but the picker or its button (a click elsewhere, Tab away) closes it.
  function onBlur(event: FocusEvent) {
    const next = event.relatedTarget as Node | null;
    if (next && (event.currentTarget.contains(next) || next === button.current)) return;
    setOpen(false);
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Escape') {
      event.stopPropagation();
      close();
    }
  }

  return (
    <>
      <button
        ref={button}
        type="button"
        className="action"
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        onMouseDown={keepFocus}
        onClick={() => (open ? close() : setOpen(true))}
      >
        React
      </button>
      {open ? (
        // Escape on any of its buttons closes it (keydown bubbles from them).
        <fieldset id={id} className="reaction-picker" onKeyDown={onKeyDown} onBlur={onBlur}>
          <legend className="visually-hidden">Pick a reaction</legend>
          {QUICK_REACTIONS.map((emoji, i) => (
            <button
              key={emoji}
              ref={i === 0 ? first : undefined}
              type="button"
              className="action emoji-choice"
              aria-label={`React with ${emoji}`}
              onMouseDown={keepFocus}
              onClick={() => {
                props.onPick(emoji);
                close();
              }}
            >
              {emoji}
            </button>
          ))}
        </fieldset>
      ) : null}
    </>
  );
}
