import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { LIMITS } from '../../ui/chars.ts';
import { FormAlert, TextAreaField } from '../../ui/Field.tsx';
import { formErrors, formValues, lengthErrors, NO_ERRORS, useFormErrors } from '../../ui/forms.ts';
import { toWallTime, type WallTime, zonedIso } from '../../ui/zoned-time.ts';
import { WhenFields } from './WhenFields.tsx';

const FIELDS = ['startsAt', 'reason'] as const;

/**
 * "Propose a new time": a button that opens a form with a date and time in
 * the viewer's zone (starting from the current time) and an optional reason.
 */
export function ProposeTimeForm(props: {
  startsAt: string;
  timeZone: string;
  other: { displayName: string; timeZone: string } | null | undefined;
  onSubmit(startsAt: string, reason: string | null): Promise<void>;
}) {
  const [open, setOpen] = useState(false);
  const [when, setWhen] = useState<WallTime>(() => toWallTime(props.startsAt, props.timeZone));
  const [busy, setBusy] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  const form = useRef<HTMLFormElement>(null);
  const wasOpen = useRef(false);
  const id = useId();
  const { errors, setErrors, clear, onInput } = useFormErrors<(typeof FIELDS)[number]>(form);

  useEffect(() => {
    if (open) form.current?.querySelector<HTMLInputElement>('input')?.focus();
    else if (wasOpen.current) toggle.current?.focus();
    wasOpen.current = open;
  }, [open]);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const reason = (formValues(event.currentTarget).reason ?? '').trim();
    const startsAt = zonedIso(when, props.timeZone);
    const local = lengthErrors<(typeof FIELDS)[number]>({ reason: [reason, LIMITS.meetingReason] }) ?? {
      fields: {},
    };
    if (!startsAt) local.fields.startsAt = 'Enter a date and a time.';
    if (!startsAt || local.fields.reason) {
      setErrors(local);
      return;
    }
    setBusy(true);
    try {
      await props.onSubmit(startsAt, reason || null);
      setErrors(NO_ERRORS);
      setOpen(false);
    } catch (err) {
      setErrors(formErrors(err, FIELDS));
    } finally {
      setBusy(false);
    }
  }

  if (!open)
    return (
      <button
        ref={toggle}
        type="button"
        className="button"
        aria-expanded={false}
        onClick={() => {
          setWhen(toWallTime(props.startsAt, props.timeZone));
          setErrors(NO_ERRORS);
          setOpen(true);
        }}
      >
        Propose a new time
      </button>
    );
  return (
    <form
      ref={form}
      className="stack propose-form"
      onSubmit={onSubmit}
      onInput={onInput}
      // Escape closes it, as Never mind does (focus goes back to the button).
      onKeyDown={(event) => {
        if (event.key !== 'Escape' || busy) return;
        event.preventDefault();
        setOpen(false);
      }}
      aria-busy={busy}
      aria-labelledby={`${id}-h`}
      noValidate
    >
      <h3 id={`${id}-h`}>Choose a new start</h3>
      <FormAlert message={errors.form} />
      <WhenFields
        idPrefix={`${id}-new`}
        value={when}
        onChange={(next) => {
          setWhen(next);
          clear('startsAt');
        }}
        timeZone={props.timeZone}
        other={props.other}
        error={errors.fields.startsAt}
        dateLabel="New date"
        timeLabel="New time"
      />
      <TextAreaField
        id={`${id}-reason`}
        label="Why (optional)"
        name="reason"
        rows={2}
        maxChars={LIMITS.meetingReason}
        error={errors.fields.reason}
      />
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={busy}>
          Propose this time
        </button>
        <button type="button" className="button subtle" onClick={() => setOpen(false)}>
          Never mind
        </button>
      </div>
    </form>
  );
}
