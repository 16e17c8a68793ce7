import { type FormEvent, useRef, useState } from 'react';
import { LIMITS } from '../../ui/chars.ts';
import { FormAlert, TextAreaField } from '../../ui/Field.tsx';
import { formErrors, formValues, lengthErrors, NO_ERRORS, useFormErrors } from '../../ui/forms.ts';

const FIELDS = ['rating', 'comment'] as const;
const RATINGS = [
  [1, 'Poor'],
  [2, 'Fair'],
  [3, 'Good'],
  [4, 'Very good'],
  [5, 'Excellent'],
] as const;

/** The review of an ended meeting: a rating 1–5 (radio buttons) and a comment. */
export function ReviewForm(props: { onSubmit(rating: number, comment: string | null): Promise<void> }) {
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const { errors, setErrors, onInput } = useFormErrors<(typeof FIELDS)[number]>(form);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const v = formValues(event.currentTarget);
    const rating = Number(v.rating);
    const comment = (v.comment ?? '').trim();
    const local = lengthErrors<(typeof FIELDS)[number]>({ comment: [comment, LIMITS.reviewComment] }) ?? {
      fields: {},
    };
    if (!rating) local.fields.rating = 'Pick a rating from 1 to 5.';
    if (!rating || local.fields.comment) {
      setErrors(local);
      return;
    }
    setBusy(true);
    try {
      await props.onSubmit(rating, comment || null);
      setErrors(NO_ERRORS);
    } catch (err) {
      setErrors(formErrors(err, FIELDS));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      ref={form}
      className="stack"
      onSubmit={onSubmit}
      onInput={onInput}
      aria-busy={busy}
      aria-labelledby="review-heading"
      noValidate
    >
      <h2 id="review-heading">Your review</h2>
      <FormAlert message={errors.form} />
      <fieldset
        className="rating"
        aria-invalid={errors.fields.rating ? true : undefined}
        aria-describedby={errors.fields.rating ? 'rating-error' : undefined}
      >
        <legend>Rating</legend>
        {RATINGS.map(([value, label]) => (
          <label key={value} className="rating-option">
            <input
              type="radio"
              name="rating"
              value={value}
              aria-invalid={errors.fields.rating ? true : undefined}
            />
            <span>
              {value} · {label}
            </span>
          </label>
        ))}
        {errors.fields.rating ? (
          <p id="rating-error" className="field-error">
            {errors.fields.rating}
          </p>
        ) : null}
      </fieldset>
      <TextAreaField
        label="Comment"
        name="comment"
        rows={3}
        maxChars={LIMITS.reviewComment}
        error={errors.fields.comment}
        hint="Optional."
      />
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={busy}>
          Submit review
        </button>
      </div>
    </form>
  );
}
