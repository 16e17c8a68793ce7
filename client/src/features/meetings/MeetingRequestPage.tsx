import { useMutation, useQuery } from '@apollo/client/react';
import { type FormEvent, useMemo, useRef, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { graphql } from '../../gql/index.ts';
import { LIMITS } from '../../ui/chars.ts';
import { FormAlert, TextAreaField, TextField } from '../../ui/Field.tsx';
import {
  type FormErrors,
  formErrors,
  formValues,
  lengthErrors,
  NO_ERRORS,
  useFormErrors,
} from '../../ui/forms.ts';
import { LoadError } from '../../ui/LoadError.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { toWallTime, type WallTime, zonedIso } from '../../ui/zoned-time.ts';
import { newClientId } from '../conversation/clientId.ts';
import { type Invitee, InviteePicker } from './InviteePicker.tsx';
import { RequestMeetingMutation } from './meetings.operations.ts';
import { MEETING_LIST_QUERIES } from './useMeetingEvents.ts';
import { WhenFields } from './WhenFields.tsx';

const MeetingRequestQuery = graphql(`
  query MeetingRequest {
    me {
      id
      timeZone
    }
  }
`);

/** The person named by `?with=` (the direct chat's "Book a meeting"), picked to start with. */
const MeetingInviteeQuery = graphql(`
  query MeetingInvitee($id: ID!) {
    user(id: $id) {
      id
      displayName
      username
      timeZone
      isMe
    }
  }
`);

const FIELDS = ['inviteeId', 'startsAt', 'durationMinutes', 'kind', 'location', 'agenda'] as const;
type Field = (typeof FIELDS)[number];

/** Tomorrow at 10:00 on the viewer's clock: a sensible first suggestion. */
function tomorrowAtTen(timeZone: string): WallTime {
  return { date: toWallTime(Date.now() + 24 * 3600_000, timeZone).date, time: '10:00' };
}

function RequestForm(props: { timeZone: string; invitee: Invitee | null; roomId: string | null }) {
  const navigate = useNavigate();
  const [requestMeeting, { loading }] = useMutation(RequestMeetingMutation, {
    refetchQueries: MEETING_LIST_QUERIES,
  });
  const [invitee, setInvitee] = useState<Invitee | null>(props.invitee);
  const [when, setWhen] = useState<WallTime>(() => tomorrowAtTen(props.timeZone));
  const [kind, setKind] = useState<'VIDEO' | 'IN_PERSON'>('VIDEO');
  // One idempotency key per form: a retried submit returns the meeting already made.
  const clientId = useMemo(() => newClientId(), []);
  const form = useRef<HTMLFormElement>(null);
  const { errors, setErrors, clear, onInput } = useFormErrors<Field>(form);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const v = formValues(event.currentTarget);
    const location = kind === 'IN_PERSON' ? (v.location ?? '').trim() : null;
    const agenda = (v.agenda ?? '').trim();
    const local: FormErrors<Field> = lengthErrors<Field>({
      ...(location !== null ? { location: [location, LIMITS.meetingLocation] as const } : {}),
      agenda: [agenda, LIMITS.meetingAgenda],
    }) ?? { fields: {} };
    if (!invitee) local.fields.inviteeId = 'Pick who to meet.';
    const startsAt = zonedIso(when, props.timeZone);
    if (!startsAt) local.fields.startsAt = 'Enter a date and a time.';
    const duration = Number(v.durationMinutes);
    if (!Number.isInteger(duration)) local.fields.durationMinutes = 'Enter the length in whole minutes.';
    if (Object.keys(local.fields).length > 0 || !startsAt || !invitee) {
      setErrors(local);
      return;
    }
    try {
      const { data } = await requestMeeting({
        variables: {
          input: {
            inviteeId: invitee.id,
            startsAt,
            durationMinutes: duration,
            kind,
            location,
            agenda,
            roomId: props.roomId,
            clientId,
          },
        },
      });
      setErrors(NO_ERRORS);
      if (data) navigate(`/meetings/${data.requestMeeting.id}`);
    } catch (err) {
      setErrors(formErrors(err, FIELDS));
    }
  }

  return (
    <form
      ref={form}
      className="stack card meeting-request"
      onSubmit={onSubmit}
      onInput={onInput}
      aria-busy={loading}
      noValidate
    >
      <FormAlert message={errors.form} />
      <InviteePicker
        id="field-inviteeId"
        value={invitee}
        onChange={(next) => {
          setInvitee(next);
          clear('inviteeId');
        }}
        error={errors.fields.inviteeId}
      />
      <WhenFields
        idPrefix="request"
        value={when}
        onChange={(next) => {
          setWhen(next);
          clear('startsAt');
        }}
        timeZone={props.timeZone}
        other={invitee}
        error={errors.fields.startsAt}
      />
      <TextField
        label="Duration (minutes)"
        name="durationMinutes"
        type="number"
        inputMode="numeric"
        min={5}
        max={480}
        step={5}
        defaultValue={30}
        hint="From 5 to 480 minutes."
        error={errors.fields.durationMinutes}
      />
      <fieldset className="stack compact kind-choice">
        <legend>Where</legend>
        <label className="toggle">
          <input
            type="radio"
            name="kind"
            value="VIDEO"
            checked={kind === 'VIDEO'}
            onChange={() => setKind('VIDEO')}
          />
          <span>Video call (a link is made for you)</span>
        </label>
        <label className="toggle">
          <input
            type="radio"
            name="kind"
            value="IN_PERSON"
            checked={kind === 'IN_PERSON'}
            onChange={() => setKind('IN_PERSON')}
          />
          <span>In person</span>
        </label>
      </fieldset>
      {kind === 'IN_PERSON' ? (
        <TextField
          label="Location"
          name="location"
          maxChars={LIMITS.meetingLocation}
          required
          hint="Where you meet: an address or a place."
          error={errors.fields.location}
        />
      ) : null}
      <TextAreaField
        label="Agenda"
        name="agenda"
        rows={3}
        maxChars={LIMITS.meetingAgenda}
        hint="Optional: what it is about."
        error={errors.fields.agenda}
      />
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={loading}>
          Send request
        </button>
      </div>
    </form>
  );
}

/** /meetings/new (?with=<userId>&room=<roomId>): ask a contact for a meeting. */
export function MeetingRequestPage() {
  const [params] = useSearchParams();
  const withId = params.get('with');
  const { data, error, refetch } = useQuery(MeetingRequestQuery, { fetchPolicy: 'cache-and-network' });
  // Someone who cannot be found (or has blocked the viewer) is simply not picked: errorPolicy 'all'.
  const prefill = useQuery(MeetingInviteeQuery, {
    variables: { id: withId ?? '' },
    skip: !withId,
    errorPolicy: 'all',
  });
  const waiting = withId !== null && prefill.loading && !prefill.data;
  const invitee = prefill.data?.user && !prefill.data.user.isMe ? prefill.data.user : null;
  return (
    <div className="page meeting-request-page">
      <PageHeading title="Request a meeting" />
      {data && !waiting ? (
        <>
          <p className="muted">{`Pick the date and time as your clock shows it (${data.me.timeZone}).`}</p>
          <RequestForm timeZone={data.me.timeZone} invitee={invitee} roomId={params.get('room')} />
        </>
      ) : error && !data ? (
        <LoadError what="The meeting form" retry={refetch} />
      ) : (
        <p role="status">Loading…</p>
      )}
    </div>
  );
}
