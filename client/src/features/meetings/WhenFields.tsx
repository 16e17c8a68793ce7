import { TextField } from '../../ui/Field.tsx';
import { toWallTime, type WallTime, wallTimeToInstant } from '../../ui/zoned-time.ts';
import { theirClock } from './meeting-time.ts';

/**
 * A date and a time as read on a clock in the viewer's zone (their profile's,
 * not the browser's), with the other person's local time for it beside.
 * Controlled: the form turns `value` into an instant with zonedIso.
 */
export function WhenFields(props: {
  idPrefix: string;
  value: WallTime;
  onChange(next: WallTime): void;
  timeZone: string;
  other?: { displayName: string; timeZone: string } | null | undefined;
  error?: string | undefined;
  dateLabel?: string;
  timeLabel?: string;
}) {
  const { value, timeZone, other } = props;
  const instant = wallTimeToInstant(value, timeZone);
  // A skipped reading (spring gap) resolves to a later one: say so.
  const resolved = instant ? toWallTime(instant, timeZone) : undefined;
  const shifted = resolved && (resolved.date !== value.date || resolved.time !== value.time);
  return (
    <div className="when-fields">
      <div className="when-row">
        <TextField
          id={`${props.idPrefix}-date`}
          label={props.dateLabel ?? 'Date'}
          name="date"
          type="date"
          min={toWallTime(Date.now(), timeZone).date}
          value={value.date}
          onChange={(e) => props.onChange({ ...value, date: e.target.value })}
          error={props.error}
          aria-describedby={`${props.error ? `${props.idPrefix}-date-error ` : ''}${props.idPrefix}-zone`}
        />
        <TextField
          id={`${props.idPrefix}-time`}
          label={props.timeLabel ?? 'Time'}
          name="time"
          type="time"
          value={value.time}
          onChange={(e) => props.onChange({ ...value, time: e.target.value })}
          aria-describedby={`${props.idPrefix}-zone`}
        />
      </div>
      <p className="field-hint" id={`${props.idPrefix}-zone`}>
        {`In your time zone, ${timeZone}.`}
        {shifted
          ? ` ${value.time} does not exist that day (the clocks change); it means ${resolved.time}.`
          : ''}
        {instant && other && other.timeZone !== timeZone
          ? ` That is ${theirClock(instant.toISOString(), other.timeZone)} for ${other.displayName}.`
          : ''}
      </p>
    </div>
  );
}
