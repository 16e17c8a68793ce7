import { graphql } from '../../gql/index.ts';

/**
 * The viewer's rooms by activity, a page at a time: without `after` the first
 * page of 100, then the pages after it ("Show more conversations"). The list sorts
 * them again as events arrive.
 */
export const RoomListQuery = graphql(`
  query RoomList($after: String) {
    me {
      id
      timeZone
    }
    rooms(first: 100, after: $after) {
      asOf
      edges {
        node {
          id
          lastActivityAt
          ...RoomListItem_room
          ...PeerPresence_room
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);
