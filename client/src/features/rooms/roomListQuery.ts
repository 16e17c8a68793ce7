import { graphql } from '../../gql/index.ts';

/** The viewer's rooms (the first 100 by activity); the list sorts them again as events arrive. */
export const RoomListQuery = graphql(`
  query RoomList {
    me {
      id
      timeZone
    }
    rooms(first: 100) {
      edges {
        node {
          id
          lastActivityAt
          ...RoomListItem_room
          ...PeerPresence_room
        }
      }
    }
  }
`);
