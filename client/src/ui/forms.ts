import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { type RefObject, useEffect } from 'react';
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
 * other error becomes the form message.
 */
export function formErrors<F extends string>(err: unknown, fields: readonly F[]): FormErrors<F> {
  const result: FormErrors<F> = { fields: {} };
  if (CombinedGraphQLErrors.is(err)) {
    for (const e of err.errors) {
      const field = e.extensions?.field;
      if (typeof field === 'string' && (fields as readonly string[]).includes(field)) {
        result.fields[field as F] ??= e.message;
      } else {
        result.form ??= e.message;
      }
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

/** A form's values as strings, by control name. */
export function formValues(form: HTMLFormElement): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of new FormData(form)) if (typeof value === 'string') values[key] = value;
  return values;
}
