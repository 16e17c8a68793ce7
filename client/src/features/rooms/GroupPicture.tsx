import { useMutation } from '@apollo/client/react';
import { type FragmentType, getFragmentData, graphql } from '../../gql/index.ts';
import { PictureControl } from '../attachments/PictureControl.tsx';

export const GroupPictureFragment = graphql(`
  fragment GroupPicture_room on Room {
    id
    title
    avatarUrl
  }
`);

const UpdateGroupPictureMutation = graphql(`
  mutation UpdateGroupPicture($roomId: ID!, $avatarId: ID) {
    updateRoom(roomId: $roomId, input: { avatarId: $avatarId }) {
      id
      avatarUrl
      ...GroupPicture_room
    }
  }
`);

/** Group settings: the group's picture, for owners and admins. */
export function GroupPicture(props: { room: FragmentType<typeof GroupPictureFragment> }) {
  const room = getFragmentData(GroupPictureFragment, props.room);
  const [update] = useMutation(UpdateGroupPictureMutation);
  return (
    <section className="card" aria-labelledby="group-picture-heading">
      <h2 id="group-picture-heading">Picture</h2>
      <PictureControl
        name={room.title}
        url={room.avatarUrl}
        label="Group picture"
        fallback="#"
        onSet={(avatarId) => update({ variables: { roomId: room.id, avatarId } })}
        onRemove={() => update({ variables: { roomId: room.id, avatarId: null } })}
      />
    </section>
  );
}
