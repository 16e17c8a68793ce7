import { useQuery } from '@apollo/client/react';
import { graphql } from '../../gql/index.ts';

const ViewerTimeZoneQuery = graphql(`
  query ViewerTimeZone {
    me {
      id
      timeZone
    }
  }
`);

/**
 * The viewer's profile time zone, in which every time is shown (see time.ts),
 * as the conversation and the room list read it from `me`. The shell's query
 * loads it, so this answers from the cache; it follows a change in Settings.
 * Undefined only until `me` has loaded (time.ts then uses the browser's zone).
 */
export function useViewerTimeZone(): string | undefined {
  const { data } = useQuery(ViewerTimeZoneQuery, { fetchPolicy: 'cache-first' });
  return data?.me.timeZone;
}
