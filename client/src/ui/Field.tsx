import type { InputHTMLAttributes, ReactNode, TextareaHTMLAttributes } from 'react';

interface Common {
  /** Visible label (also the accessible name). */
  label: string;
  name: string;
  /** Server or validation error shown under the control and announced with it. */
  error?: string | undefined;
  hint?: ReactNode;
}

function ids(name: string, id: string | undefined, hint: unknown, error: unknown) {
  const controlId = id ?? `field-${name}`;
  const describedBy = [hint ? `${controlId}-hint` : '', error ? `${controlId}-error` : '']
    .filter(Boolean)
    .join(' ');
  return { controlId, describedBy: describedBy || undefined };
}

function Wrapper(props: {
  controlId: string;
  label: string;
  hint: ReactNode;
  error?: string | undefined;
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
  ...rest
}: Common & InputHTMLAttributes<HTMLInputElement>) {
  const { controlId, describedBy } = ids(name, id, hint, error);
  return (
    <Wrapper controlId={controlId} label={label} hint={hint} error={error}>
      <input
        id={controlId}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
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
  ...rest
}: Common & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const { controlId, describedBy } = ids(name, id, hint, error);
  return (
    <Wrapper controlId={controlId} label={label} hint={hint} error={error}>
      <textarea
        id={controlId}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
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
