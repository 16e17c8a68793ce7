import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { type FormEvent, useCallback, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { RoomRole } from '../../gql/graphql.ts';
import { getFragmentData, graphql } from '../../gql/index.ts';
import { LIMITS, oneLine } from '../../ui/chars.ts';
import { FormAlert, TextField } from '../../ui/Field.tsx';
import { type FormErrors, formErrors, formValues, lengthErrors, NO_ERRORS } from '../../ui/forms.ts';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { Avatar } from '../attachments/Avatar.tsx';
import { ContactPicker } from './ContactPicker.tsx';
import { GroupPicture } from './GroupPicture.tsx';
import { useMemberListEvents } from './useMemberListEvents.ts';
import { dropRoomFromList } from './useRoomListEvents.ts';

const GroupSettingsQuery = graphql(`
  query GroupSettings($roomId: ID!) {
    room(id: $roomId) {
      id
      lastSeq
      ...GroupSettings_room
      ...GroupPicture_room
    }
  }
`);

/** What the page shows and every mutation returns, so the cache stays whole. */
export const GroupSettingsFragment = graphql(`
  fragment GroupSettings_room on Room {
    id
    kind
    title
    myRole
    memberCount
    members {
      role
      user {
        id
        displayName
        username
        isMe
        avatarUrl
      }
    }
  }
`);

const RenameRoomMutation = graphql(`
  mutation RenameRoom($roomId: ID!, $title: String!) {
    renameRoom(roomId: $roomId, title: $title) {
      id
      ...GroupSettings_room
    }
  }
`);

const AddRoomMembersMutation = graphql(`
  mutation AddRoomMembers($roomId: ID!, $userIds: [ID!]!) {
    addRoomMembers(roomId: $roomId, userIds: $userIds) {
      id
      ...GroupSettings_room
    }
  }
`);

const RemoveRoomMemberMutation = graphql(`
  mutation RemoveRoomMember($roomId: ID!, $userId: ID!) {
    removeRoomMember(roomId: $roomId, userId: $userId) {
      id
      ...GroupSettings_room
    }
  }
`);

const SetRoomMemberRoleMutation = graphql(`
  mutation SetRoomMemberRole($roomId: ID!, $userId: ID!, $role: RoomRole!) {
    setRoomMemberRole(roomId: $roomId, userId: $userId, role: $role) {
      id
      ...GroupSettings_room
    }
  }
`);

const LeaveRoomMutation = graphql(`
  mutation LeaveRoom($roomId: ID!) {
    leaveRoom(roomId: $roomId)
  }
`);

const ROLE_LABEL = { OWNER: 'Owner', ADMIN: 'Admin', MEMBER: 'Member' } as const;

/**
 * The role change the viewer may make to a member, as the server allows it
 * (rooms.members.service.ts `setRoomMemberRole`): only the owner, only for
 * someone else, only between ADMIN and MEMBER (ownership is not transferable;
 * it passes on only when the owner leaves).
 */
function roleChange(myRole: RoomRole, member: { role: RoomRole; user: { isMe: boolean } }) {
  if (myRole !== 'OWNER' || member.user.isMe || member.role === 'OWNER') return undefined;
  return member.role === 'ADMIN'
    ? ({ role: 'MEMBER', text: 'Remove admin', done: 'is no longer an admin' } as const)
    : ({ role: 'ADMIN', text: 'Make admin', done: 'is now an admin' } as const);
}

/** /rooms/:id/settings — rename, members (add, remove, roles) and leave, for a group room. */
export function GroupSettingsPage() {
  const { id: roomId = '' } = useParams();
  const navigate = useNavigate();
  const client = useApolloClient();
  const { data, error, refetch } = useQuery(GroupSettingsQuery, { variables: { roomId } });
  const [rename, renaming] = useMutation(RenameRoomMutation);
  const [addMembers, adding] = useMutation(AddRoomMembersMutation);
  const [removeMember] = useMutation(RemoveRoomMemberMutation);
  const [setRole, settingRole] = useMutation(SetRoomMemberRoleMutation);
  const [leave, leaving] = useMutation(LeaveRoomMutation);
  const [renameErrors, setRenameErrors] = useState<FormErrors<'title'>>(NO_ERRORS);
  const [saved, setSaved] = useState(false);
  const [toAdd, setToAdd] = useState<Set<string>>(new Set());
  const [problem, setProblem] = useState<string | undefined>();
  const [roleNote, setRoleNote] = useState('');
  const room = data?.room ? getFragmentData(GroupSettingsFragment, data.room) : undefined;

  // Members, their roles and the viewer's own role follow changes made by anyone, live.
  const reload = useCallback(async () => {
    const result = await client.query({
      query: GroupSettingsQuery,
      variables: { roomId },
      fetchPolicy: 'network-only',
    });
    return result.data?.room?.lastSeq;
  }, [client, roomId]);
  const left = useMemberListEvents(roomId, reload);

  if (left) {
    return (
      <div className="page">
        <PageHeading title="Group settings" />
        <p className="notice">
          You are no longer a member of this group. <Link to="/rooms">Back to your conversations</Link>
        </p>
      </div>
    );
  }
  if (error && !data) {
    return (
      <div className="page">
        <PageHeading title="Group settings" />
        <p className="status status-error">This group could not be loaded.</p>
      </div>
    );
  }
  const pictureRef = data?.room;
  if (!room) {
    return (
      <p className="muted" role="status">
        Loading…
      </p>
    );
  }
  if (room.kind !== 'GROUP') {
    return (
      <div className="page">
        <PageHeading title="Group settings" />
        <p className="muted">
          A direct conversation has no group settings. <Link to={`/rooms/${roomId}`}>Back to it</Link>
        </p>
      </div>
    );
  }
  const canManage = room.myRole === 'OWNER' || room.myRole === 'ADMIN';
  const memberIds = new Set(room.members.map((m) => m.user.id));

  async function onRename(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    const title = (formValues(event.currentTarget).title ?? '').trim();
    const tooLong = lengthErrors<'title'>({ title: [oneLine(title), LIMITS.roomTitle] });
    if (tooLong) {
      setRenameErrors(tooLong);
      return;
    }
    try {
      await rename({ variables: { roomId, title } });
      setRenameErrors(NO_ERRORS);
      setSaved(true);
    } catch (err) {
      setRenameErrors(formErrors(err, ['title'] as const));
    }
  }

  async function attempt(action: () => Promise<unknown>) {
    setProblem(undefined);
    setRoleNote('');
    try {
      await action();
    } catch (err) {
      setProblem(formErrors(err, []).form);
    }
  }

  function changeRole(userId: string, name: string, change: NonNullable<ReturnType<typeof roleChange>>) {
    void attempt(async () => {
      try {
        await setRole({ variables: { roomId, userId, role: change.role } });
      } catch (err) {
        // Refused (e.g. NOT_FOUND: they were removed meanwhile): show the list as it is now, with the alert.
        refetch().catch(() => undefined);
        throw err;
      }
      setRoleNote(`${name} ${change.done}.`);
    });
  }

  return (
    <div className="page">
      <p>
        <Link to={`/rooms/${roomId}`} className="back-to-room">
          ← {room.title}
        </Link>
      </p>
      <PageHeading title="Group settings" />
      <FormAlert message={problem} />
      {canManage ? (
        <section className="card" aria-labelledby="rename-heading">
          <h2 id="rename-heading">Name</h2>
          <form className="stack" onSubmit={onRename} onChange={() => setSaved(false)}>
            <FormAlert message={renameErrors.form} />
            <TextField
              label="Group name"
              name="title"
              defaultValue={room.title}
              required
              maxChars={LIMITS.roomTitle}
              oneLine
              error={renameErrors.fields.title}
            />
            <div className="form-actions">
              <button type="submit" className="button primary" disabled={renaming.loading}>
                Rename
              </button>
              <span role="status" className="status">
                {saved ? 'Group renamed' : ''}
              </span>
            </div>
          </form>
        </section>
      ) : null}
      {canManage && pictureRef ? <GroupPicture room={pictureRef} /> : null}
      <section className="card" aria-labelledby="members-heading">
        <h2 id="members-heading">Members ({room.memberCount})</h2>
        <ul className="member-list" aria-label="Members">
          {room.members.map((m) => {
            const removable =
              canManage &&
              !m.user.isMe &&
              m.role !== 'OWNER' &&
              (m.role !== 'ADMIN' || room.myRole === 'OWNER');
            const change = roleChange(room.myRole, m);
            return (
              <li key={m.user.id}>
                <Avatar name={m.user.displayName} url={m.user.avatarUrl} />
                <span className="member-name">
                  <span>
                    {m.user.displayName}
                    {m.user.isMe ? ' (you)' : ''}
                  </span>
                  <span className="muted">@{m.user.username}</span>
                </span>
                <span className="member-actions">
                  <span className="muted">{ROLE_LABEL[m.role]}</span>
                  {change ? (
                    <button
                      type="button"
                      className="button small"
                      // Starts with the visible text; the name says whom it is for.
                      aria-label={`${change.text}: ${m.user.displayName}`}
                      disabled={settingRole.loading}
                      onClick={() => changeRole(m.user.id, m.user.displayName, change)}
                    >
                      {change.text}
                    </button>
                  ) : null}
                  {removable ? (
                    <button
                      type="button"
                      className="button small"
                      aria-label={`Remove ${m.user.displayName}`}
                      onClick={() =>
                        void attempt(() => removeMember({ variables: { roomId, userId: m.user.id } }))
                      }
                    >
                      Remove
                    </button>
                  ) : null}
                </span>
              </li>
            );
          })}
        </ul>
        <p role="status" className="status member-status">
          {roleNote}
        </p>
        {canManage ? (
          <form
            className="stack add-members"
            onSubmit={(e) => {
              e.preventDefault();
              void attempt(async () => {
                await addMembers({ variables: { roomId, userIds: [...toAdd] } });
                setToAdd(new Set());
              });
            }}
          >
            <ContactPicker legend="Add people" selected={toAdd} onChange={setToAdd} exclude={memberIds} />
            <div className="form-actions">
              <button type="submit" className="button" disabled={toAdd.size === 0 || adding.loading}>
                Add to group
              </button>
            </div>
          </form>
        ) : null}
      </section>
      <section className="card" aria-labelledby="leave-heading">
        <h2 id="leave-heading">Leave</h2>
        <p className="muted">You will stop receiving messages from this group.</p>
        <button
          type="button"
          className="button danger"
          disabled={leaving.loading}
          onClick={() =>
            void attempt(async () => {
              await leave({ variables: { roomId } });
              dropRoomFromList(client, roomId);
              navigate('/rooms', { replace: true });
            })
          }
        >
          Leave group
        </button>
      </section>
    </div>
  );
}
