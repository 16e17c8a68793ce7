import { useMutation } from '@apollo/client/react';
import { type FormEvent, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { graphql } from '../../gql/index.ts';
import { LIMITS, oneLine } from '../../ui/chars.ts';
import { FormAlert, TextAreaField, TextField } from '../../ui/Field.tsx';
import {
  type FormErrors,
  formErrors,
  formValues,
  lengthErrors,
  NO_ERRORS,
  useFocusFirstError,
} from '../../ui/forms.ts';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { newClientId } from '../conversation/clientId.ts';
import { SendMessageMutation } from '../conversation/documents.ts';
import { ContactPicker } from './ContactPicker.tsx';
import { RoomListQuery } from './roomListQuery.ts';

const OpenDirectRoomMutation = graphql(`
  mutation OpenDirectRoom($userId: ID!) {
    openDirectRoom(userId: $userId) {
      id
    }
  }
`);

const CreateGroupRoomMutation = graphql(`
  mutation CreateGroupRoom($input: CreateGroupRoomInput!) {
    createGroupRoom(input: $input) {
      id
    }
  }
`);

const FIELDS = ['title', 'firstMessage', 'memberIds'] as const;

/**
 * /rooms/new — one contact opens the direct room; several (or "group") create a
 * titled group; either way with an optional first message, then the room opens.
 */
export function NewChatPage() {
  const navigate = useNavigate();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [wantGroup, setWantGroup] = useState(false);
  const [errors, setErrors] = useState<FormErrors<(typeof FIELDS)[number]>>(NO_ERRORS);
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstError(errors, form);
  const refetchQueries = [RoomListQuery];
  const [openDirect, direct] = useMutation(OpenDirectRoomMutation, { refetchQueries });
  const [createGroup, group] = useMutation(CreateGroupRoomMutation, { refetchQueries });
  const [sendFirst, first] = useMutation(SendMessageMutation);
  const isGroup = wantGroup || selected.size > 1;
  const busy = direct.loading || group.loading || first.loading;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (selected.size === 0) {
      setErrors({ fields: {}, form: 'Pick at least one contact.' });
      return;
    }
    const v = formValues(event.currentTarget);
    const firstMessage = (v.firstMessage ?? '').trim();
    const title = (v.title ?? '').trim();
    const tooLong = lengthErrors<(typeof FIELDS)[number]>({
      ...(isGroup ? { title: [oneLine(title), LIMITS.roomTitle] as const } : {}),
      firstMessage: [firstMessage, LIMITS.message],
    });
    if (tooLong) {
      setErrors(tooLong);
      return;
    }
    try {
      let roomId: string;
      if (isGroup) {
        const { data } = await createGroup({
          variables: {
            input: {
              title,
              memberIds: [...selected],
              ...(firstMessage ? { firstMessage } : {}),
            },
          },
        });
        roomId = data!.createGroupRoom.id;
      } else {
        const { data } = await openDirect({ variables: { userId: [...selected][0]! } });
        roomId = data!.openDirectRoom.id;
        if (firstMessage) {
          await sendFirst({
            variables: { input: { roomId, clientId: newClientId(), body: firstMessage } },
            refetchQueries,
          });
        }
      }
      navigate(`/rooms/${roomId}`);
    } catch (err) {
      setErrors(formErrors(err, FIELDS));
    }
  }

  return (
    <div className="page">
      <PageHeading title="New chat" />
      <form ref={form} className="stack card" onSubmit={onSubmit} aria-busy={busy}>
        <FormAlert message={errors.form ?? errors.fields.memberIds} />
        <ContactPicker legend="People" selected={selected} onChange={setSelected} />
        <label className="toggle">
          <input
            type="checkbox"
            checked={isGroup}
            disabled={selected.size > 1}
            onChange={(e) => setWantGroup(e.target.checked)}
          />
          <span>Create a group</span>
        </label>
        {isGroup ? (
          <TextField
            label="Group name"
            name="title"
            required
            maxChars={LIMITS.roomTitle}
            oneLine
            error={errors.fields.title}
          />
        ) : null}
        <TextAreaField
          label="First message (optional)"
          name="firstMessage"
          rows={2}
          maxChars={LIMITS.message}
          error={errors.fields.firstMessage}
        />
        <div className="form-actions">
          <button type="submit" className="button primary" disabled={busy || selected.size === 0}>
            {isGroup ? 'Create group' : 'Start chat'}
          </button>
        </div>
      </form>
    </div>
  );
}
