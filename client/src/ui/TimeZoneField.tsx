import type { InputHTMLAttributes } from 'react';
import { TextField } from './Field.tsx';

let zones: string[] | undefined;
function allTimeZones(): string[] {
  zones ??= typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return zones;
}

/** The browser's IANA time zone, e.g. Europe/Berlin. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** A free-text time zone input with the browser's list of IANA zones as suggestions. */
export function TimeZoneField(
  props: { error?: string | undefined; name?: string } & InputHTMLAttributes<HTMLInputElement>,
) {
  const { name = 'timeZone', ...rest } = props;
  return (
    <>
      <TextField
        label="Time zone"
        name={name}
        list="time-zones"
        autoComplete="off"
        spellCheck={false}
        required
        hint="An IANA time zone such as Europe/Berlin; times are shown in it."
        {...rest}
      />
      <datalist id="time-zones">
        {allTimeZones().map((zone) => (
          <option key={zone} value={zone} />
        ))}
      </datalist>
    </>
  );
}
