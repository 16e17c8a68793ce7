import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { type FormEvent, type RefObject, useMemo, useState } from 'react';
import { type FormErrors, formErrors, NO_ERRORS, useFocusFirstError } from '../../ui/forms.ts';

/**
 * `formErrors`, plus every entry of `extensions.fieldErrors` under its own
 * field: the server reports all problems of a sign-up in one error (the first
 * as the error itself, all of them in that list; see `Mutation.register` in
 * schema.graphql), e.g. both "email taken" and "username taken".
 */
export function allFieldErrors<F extends string>(err: unknown, fields: readonly F[]): FormErrors<F> {
  const result = formErrors(err, fields);
  if (!CombinedGraphQLErrors.is(err)) return result;
  for (const e of err.errors) {
    const list = e.extensions?.fieldErrors;
    if (!Array.isArray(list)) continue;
    for (const item of list as { field?: unknown; message?: unknown }[]) {
      if (typeof item?.message !== 'string') continue;
      if (typeof item.field === 'string' && (fields as readonly string[]).includes(item.field))
        result.fields[item.field as F] ??= item.message;
      else result.form ??= item.message;
    }
  }
  return result;
}

const NONE: ReadonlySet<string> = new Set();

/**
 * A form's errors, each field's gone as soon as the user changes that field:
 * a message about the old value ("This username is taken") is wrong for the
 * new one, and when the browser's own validation then blocks the submit (the
 * field is now empty or too short) no answer would ever replace it.
 *
 * `errors` are the ones to show; pass `onInput` to the `<form>` (input events
 * bubble from every control). After a failed submit, focus moves to the first
 * invalid field (`useFocusFirstError`), but not again while the user edits.
 */
export function useFieldErrors<F extends string>(form: RefObject<HTMLFormElement | null>) {
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

  function onInput(event: FormEvent<HTMLFormElement>) {
    const name = (event.target as { name?: unknown }).name;
    if (typeof name === 'string' && Object.hasOwn(errors.fields, name))
      setChanged((prev) => new Set(prev).add(name));
  }

  return { errors, setErrors, onInput };
}
