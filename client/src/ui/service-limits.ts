/**
 * The limits a deployment sets (`Query.limits`), for the forms that check
 * input before sending it. Only the message length is configurable
 * (`MESSAGE_MAX_LENGTH`); the others are the same everywhere (ui/chars.ts).
 * Until the server has answered, the default (LIMITS.message) applies; the
 * server refuses anything longer than its own limit either way.
 *
 * A module-level value read with useSyncExternalStore: every message row
 * reads it (for editing), and a query watcher per row would be paid on every
 * cache write.
 */
import { useQuery } from '@apollo/client/react';
import { useEffect, useSyncExternalStore } from 'react';
import { graphql } from '../gql/index.ts';
import { LIMITS } from './chars.ts';

const ServiceLimitsQuery = graphql(`
  query ServiceLimits {
    limits {
      messageMaxLength
    }
  }
`);

let messageMax: number = LIMITS.message;
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The longest message this deployment takes, in characters. */
export function useMessageMaxLength(): number {
  return useSyncExternalStore(subscribe, () => messageMax);
}

/** Asks the server for its limits (once per page load: cache-first) and makes them current. */
export function useLoadServiceLimits(): void {
  const { data } = useQuery(ServiceLimitsQuery, { fetchPolicy: 'cache-first' });
  const max = data?.limits.messageMaxLength;
  useEffect(() => {
    if (max === undefined || max === messageMax) return;
    messageMax = max;
    for (const listener of listeners) listener();
  }, [max]);
}
