import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';

/**
 * The second step of a destructive action (remove a contact, block someone,
 * sign a device out), shown in place of the buttons that opened it, as a
 * message's "Delete this message?" is: a question that says what will
 * happen, a confirm button and Cancel. Focus moves to the step when it opens
 * (so its question is read first and a repeated key press confirms nothing);
 * Escape cancels. See `useConfirmStep` for putting focus back on cancel.
 */
export function ConfirmStep(props: {
  /** Names what will happen to whom, e.g. "Remove Ada Lovelace from your contacts?". */
  question: string;
  /** The consequences, in plain words. */
  detail?: string;
  /** The confirm button's text, e.g. "Yes, remove". */
  confirm: string;
  /** Its accessible name when the text alone is not enough; starts with `confirm`. */
  confirmLabel?: string;
  /** The action is running: the buttons are disabled. */
  busy?: boolean;
  onConfirm(): void;
  onCancel(): void;
}) {
  const id = useId();
  const step = useRef<HTMLFieldSetElement>(null);
  useEffect(() => {
    step.current?.focus();
  }, []);

  function onKeyDown(event: KeyboardEvent<HTMLFieldSetElement>) {
    if (event.key !== 'Escape' || props.busy) return;
    event.preventDefault();
    props.onCancel();
  }

  return (
    <fieldset
      ref={step}
      tabIndex={-1}
      className="confirm-step"
      aria-labelledby={`${id}-question`}
      aria-describedby={props.detail ? `${id}-detail` : undefined}
      aria-busy={props.busy ?? false}
      onKeyDown={onKeyDown}
    >
      <p id={`${id}-question`} className="confirm-question">
        {props.question}
      </p>
      {props.detail ? (
        <p id={`${id}-detail`} className="confirm-detail">
          {props.detail}
        </p>
      ) : null}
      <div className="confirm-actions">
        <button
          type="button"
          className="button danger"
          disabled={props.busy}
          aria-label={props.confirmLabel}
          onClick={props.onConfirm}
        >
          {props.confirm}
        </button>
        <button type="button" className="button" disabled={props.busy} onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </fieldset>
  );
}

/**
 * Which of a component's confirmable actions (keys such as 'remove' and
 * 'block') has its ConfirmStep open. Give each opening button `ref={trigger(key)}`:
 * `close()` puts focus back on it (cancelled, or the action failed and the
 * button is back); when the action's success removed the button, nothing is
 * focused here and the page's own focus recovery takes over.
 */
export function useConfirmStep<K extends string>() {
  const [asking, setAsking] = useState<K | null>(null);
  const buttons = useRef(new Map<K, HTMLButtonElement>());
  const refocus = useRef<K | null>(null);

  useEffect(() => {
    if (asking !== null || refocus.current === null) return;
    buttons.current.get(refocus.current)?.focus();
    refocus.current = null;
  }, [asking]);

  return {
    asking,
    ask: (key: K) => setAsking(key),
    /** Closes the step; focus goes back to the button that opened it, if it is there. */
    close: () => {
      refocus.current = asking;
      setAsking(null);
    },
    /** The ref for the button that opens the step for `key`. */
    trigger: (key: K) => (button: HTMLButtonElement | null) => {
      if (button) buttons.current.set(key, button);
      else buttons.current.delete(key);
    },
  };
}
