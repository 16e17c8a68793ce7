import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { type FormEvent, type RefObject, useEffect, useMemo, useState } from 'react';
import { lengthError } from './chars.ts';

export interface FormErrors<F extends string> {
  /** Messages for fields the form shows, keyed by the server's `extensions.field`. */
  fields: Partial<Record<F, string>>;
  /** A message for the whole form (errors without a field we show). */
  form?: string | undefined;
}

export const NO_ERRORS: FormErrors<never> = { fields: {} };

/**
 * Maps an operation error to form messages: GraphQL errors with
 * `extensions.field` naming one of `fields` go next to that field, every
 * other error becomes the form message. An error may also list several
 * problems in `extensions.fieldErrors` (`[{ field, message, code }]`, the
 * first of them also as the error itself; see `Mutation.register` in
 * schema.graphql): each goes under its own field too, so the form shows
 * them all at once, e.g. both "email taken" and "username taken".
 * The first message for a field (or the form) wins.
 */
export function formErrors<F extends string>(err: unknown, fields: readonly F[]): FormErrors<F> {
  const result: FormErrors<F> = { fields: {} };
  const add = (field: unknown, message: string) => {
    if (typeof field === 'string' && (fields as readonly string[]).includes(field))
      result.fields[field as F] ??= message;
    else result.form ??= message;
  };
  if (CombinedGraphQLErrors.is(err)) {
    for (const e of err.errors) {
      add(e.extensions?.field, e.message);
      const list = e.extensions?.fieldErrors;
      if (!Array.isArray(list)) continue;
      for (const item of list as { field?: unknown; message?: unknown }[])
        if (typeof item?.message === 'string') add(item.field, item.message);
    }
    return result;
  }
  const message = err instanceof Error ? err.message : '';
  result.form = /fetch|network|Socket|load failed/i.test(message)
    ? 'Parley cannot be reached right now. Check your connection and try again.'
    : 'Something went wrong. Please try again.';
  return result;
}

/**
 * Errors for the texts longer than their limit, in characters as the server
 * counts them (code points, see chars.ts), or undefined when all fit. Pass
 * each text as the form sends it (trimmed):
 * `lengthErrors({ bio: [bio, 500] })`. Checked before submitting, so an
 * over-long text is refused here with a message next to its field.
 */
export function lengthErrors<F extends string>(
  limits: Partial<Record<F, readonly [text: string, max: number]>>,
): FormErrors<F> | undefined {
  const result: FormErrors<F> = { fields: {} };
  for (const [field, limit] of Object.entries(limits) as [F, readonly [string, number] | undefined][]) {
    const message = limit ? lengthError(limit[0], limit[1]) : undefined;
    if (message) result.fields[field] = message;
  }
  return hasErrors(result) ? result : undefined;
}

export function hasErrors(errors: FormErrors<string>): boolean {
  return Boolean(errors.form) || Object.keys(errors.fields).length > 0;
}

/** After a failed submit, moves focus to the first invalid control (or the form's alert). */
export function useFocusFirstError(errors: FormErrors<string>, form: RefObject<HTMLFormElement | null>) {
  useEffect(() => {
    if (!hasErrors(errors)) return;
    const target =
      form.current?.querySelector<HTMLElement>('[aria-invalid="true"]') ??
      form.current?.querySelector<HTMLElement>('[role="alert"]');
    target?.focus();
  }, [errors, form]);
}

const NONE: ReadonlySet<string> = new Set();

/**
 * A form's errors, each field's gone as soon as the user changes that field:
 * a message about the old value ("Unknown time zone") is wrong for the new
 * one, and when the browser's own validation then blocks the submit (the
 * field is now empty or too short) no answer would ever replace it.
 *
 * Show `errors`; set them with `setErrors` after each submit (`NO_ERRORS`
 * when it went through). Pass `onInput` to the `<form>`: input events bubble
 * from every control, and a control's `name` is the field it clears. For a
 * field edited through controls of other names (a date and a time for
 * `startsAt`, a picker), call `clear(field)` from their change handlers.
 * After a failed submit focus moves to the first invalid field (or the
 * form's alert, see `useFocusFirstError`), but not again while the user edits.
 */
export function useFormErrors<F extends string>(form: RefObject<HTMLFormElement | null>) {
  const [submitted, setSubmitted] = useState<FormErrors<F>>(NO_ERRORS);
  const [changed, setChanged] = useState(NONE);
  // Keyed on the submit's errors: clearing a field while typing must not move focus elsewhere.
  useFocusFirstError(submitted, form);
  const errors = useMemo<FormErrors<F>>(() => {
    if (changed.size === 0) return submitted;
    const fields = Object.fromEntries(Object.entries(submitted.fields).filter(([f]) => !changed.has(f)));
    return { ...submitted, fields: fields as FormErrors<F>['fields'] };
  }, [submitted, changed]);

  function setErrors(next: FormErrors<F>) {
    setSubmitted(next);
    setChanged(NONE);
  }

  function clear(field: F) {
    if (Object.hasOwn(errors.fields, field)) setChanged((prev) => new Set(prev).add(field));
  }

  function onInput(event: FormEvent<HTMLFormElement>) {
    const name = (event.target as { name?: unknown }).name;
    if (typeof name === 'string') clear(name as F);
  }

  return { errors, setErrors, clear, onInput };
}

/** A form's values as strings, by control name. */
export function formValues(form: HTMLFormElement): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of new FormData(form)) if (typeof value === 'string') values[key] = value;
  return values;
}
