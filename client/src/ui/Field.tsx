import {
  type InputEvent,
  type InputHTMLAttributes,
  type ReactNode,
  type TextareaHTMLAttributes,
  useState,
} from 'react';
import { charCount, counterLabel, oneLine } from './chars.ts';

interface Common {
  /** Visible label (also the accessible name). */
  label: string;
  name: string;
  /** Server or validation error shown under the control and announced with it. */
  error?: string | undefined;
  hint?: ReactNode;
  /**
   * The server's limit in characters (code points: an emoji is one), in place
   * of `maxLength`, which counts UTF-16 units and cuts pasted text. Text over
   * it is kept and marked, with a counter; the form refuses it on submit
   * (see `lengthError` in chars.ts).
   */
  maxChars?: number | undefined;
  /** Count as the server does for a one-line name (runs of spaces as one); otherwise the trimmed text. */
  oneLine?: boolean | undefined;
}

function ids(name: string, id: string | undefined, hint: unknown, error: unknown, counter: unknown) {
  const controlId = id ?? `field-${name}`;
  const describedBy = [
    hint ? `${controlId}-hint` : '',
    counter ? `${controlId}-count` : '',
    error ? `${controlId}-error` : '',
  ]
    .filter(Boolean)
    .join(' ');
  return { controlId, describedBy: describedBy || undefined };
}

interface Counter {
  label: string;
  over: boolean;
}

/** Follows the control's length against `maxChars` as the user types or pastes. */
function useCharLimit<E extends HTMLInputElement | HTMLTextAreaElement>(
  maxChars: number | undefined,
  collapse: boolean | undefined,
  initial: unknown,
  onInput: ((event: InputEvent<E>) => void) | undefined,
) {
  const measure = (value: string) => charCount(collapse ? oneLine(value) : value.trim());
  const [count, setCount] = useState(() =>
    maxChars === undefined || typeof initial !== 'string' ? 0 : measure(initial),
  );
  const label = maxChars === undefined ? undefined : counterLabel(count, maxChars);
  const counter: Counter | undefined =
    label === undefined ? undefined : { label, over: count > (maxChars ?? Number.POSITIVE_INFINITY) };
  const handleInput = (event: InputEvent<E>) => {
    if (maxChars !== undefined) setCount(measure(event.currentTarget.value));
    onInput?.(event);
  };
  return { counter, handleInput };
}

function Wrapper(props: {
  controlId: string;
  label: string;
  hint: ReactNode;
  error?: string | undefined;
  counter?: Counter | undefined;
  children: ReactNode;
}) {
  return (
    <div className="field">
      <label htmlFor={props.controlId}>{props.label}</label>
      {props.children}
      {props.hint ? (
        <p id={`${props.controlId}-hint`} className="field-hint">
          {props.hint}
        </p>
      ) : null}
      {props.counter ? (
        <p id={`${props.controlId}-count`} className={props.counter.over ? 'field-error' : 'field-hint'}>
          {props.counter.label}
        </p>
      ) : null}
      {props.error ? (
        <p id={`${props.controlId}-error`} className="field-error">
          {props.error}
        </p>
      ) : null}
    </div>
  );
}

/** A labelled input whose hint and error are tied to it with aria-describedby. */
export function TextField({
  label,
  name,
  error,
  hint,
  id,
  maxChars,
  oneLine: collapse,
  onInput,
  ...rest
}: Common & InputHTMLAttributes<HTMLInputElement>) {
  const { counter, handleInput } = useCharLimit(maxChars, collapse, rest.value ?? rest.defaultValue, onInput);
  const { controlId, describedBy } = ids(name, id, hint, error, counter);
  return (
    <Wrapper controlId={controlId} label={label} hint={hint} error={error} counter={counter}>
      <input
        id={controlId}
        name={name}
        aria-invalid={error || counter?.over ? true : undefined}
        aria-describedby={describedBy}
        onInput={handleInput}
        {...rest}
      />
    </Wrapper>
  );
}

export function TextAreaField({
  label,
  name,
  error,
  hint,
  id,
  maxChars,
  oneLine: collapse,
  onInput,
  ...rest
}: Common & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const { counter, handleInput } = useCharLimit(maxChars, collapse, rest.value ?? rest.defaultValue, onInput);
  const { controlId, describedBy } = ids(name, id, hint, error, counter);
  return (
    <Wrapper controlId={controlId} label={label} hint={hint} error={error} counter={counter}>
      <textarea
        id={controlId}
        name={name}
        aria-invalid={error || counter?.over ? true : undefined}
        aria-describedby={describedBy}
        onInput={handleInput}
        {...rest}
      />
    </Wrapper>
  );
}

/**
 * The form-level error (one not tied to a field). Focusable, so that
 * useFocusFirstError can move focus to it after a failed submit.
 */
export function FormAlert({ message }: { message: string | undefined }) {
  if (!message) return null;
  return (
    <p role="alert" tabIndex={-1} className="alert">
      {message}
    </p>
  );
}
