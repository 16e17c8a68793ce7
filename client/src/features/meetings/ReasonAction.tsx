import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { LIMITS } from '../../ui/chars.ts';
import { FormAlert, TextAreaField } from '../../ui/Field.tsx';
import { formErrors, formValues, lengthErrors, NO_ERRORS, useFormErrors } from '../../ui/forms.ts';

/**
 * An action that takes an optional reason (decline, cancel, reject a new
 * time): a button that opens a small form; focus moves into the form and
 * back to the button when it is closed without acting (Never mind, or Escape).
 */
export function ReasonAction(props: {
  /** The button that opens the form, e.g. "Decline…". */
  label: string;
  /** The form's submit button, e.g. "Decline meeting". */
  confirm: string;
  /** The label of the reason box. */
  reasonLabel: string;
  danger?: boolean;
  disabled?: boolean;
  onSubmit(reason: string | null): Promise<void>;
}) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  const form = useRef<HTMLFormElement>(null);
  const wasOpen = useRef(false);
  const id = useId();
  const { errors, setErrors, onInput } = useFormErrors<'reason'>(form);

  useEffect(() => {
    if (open) form.current?.querySelector('textarea')?.focus();
    else if (wasOpen.current) toggle.current?.focus();
    wasOpen.current = open;
  }, [open]);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const reason = (formValues(event.currentTarget).reason ?? '').trim();
    const tooLong = lengthErrors<'reason'>({ reason: [reason, LIMITS.meetingReason] });
    if (tooLong) {
      setErrors(tooLong);
      return;
    }
    setBusy(true);
    try {
      await props.onSubmit(reason || null);
      setErrors(NO_ERRORS);
    } catch (err) {
      setErrors(formErrors(err, ['reason']));
    } finally {
      setBusy(false);
    }
  }

  if (!open)
    return (
      <button
        ref={toggle}
        type="button"
        className={props.danger ? 'button danger' : 'button'}
        aria-expanded={false}
        disabled={props.disabled}
        onClick={() => setOpen(true)}
      >
        {props.label}
      </button>
    );
  return (
    <form
      ref={form}
      className="stack reason-form"
      onSubmit={onSubmit}
      onInput={onInput}
      onKeyDown={(event) => {
        if (event.key !== 'Escape' || busy) return;
        event.preventDefault();
        setOpen(false);
      }}
      aria-busy={busy}
      aria-label={props.confirm}
    >
      <FormAlert message={errors.form} />
      <TextAreaField
        id={`${id}-reason`}
        label={props.reasonLabel}
        name="reason"
        rows={2}
        maxChars={LIMITS.meetingReason}
        hint="Optional. The other person sees it."
        error={errors.fields.reason}
      />
      <div className="form-actions">
        <button type="submit" className={props.danger ? 'button danger' : 'button primary'} disabled={busy}>
          {props.confirm}
        </button>
        <button type="button" className="button subtle" onClick={() => setOpen(false)}>
          Never mind
        </button>
      </div>
    </form>
  );
}
