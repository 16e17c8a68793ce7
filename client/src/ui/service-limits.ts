/**
 * The limits a deployment sets (`Query.limits`), for the forms that check
 * input before sending it. The message length (`MESSAGE_MAX_LENGTH`) and the
 * size of an upload (`UPLOAD_MAX_BYTES`) are configurable; the others are the
 * same everywhere (ui/chars.ts). Until the server has answered, the default
 * (LIMITS.message) applies and uploads are not checked; the server refuses
 * anything over its own limits either way.
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
      uploadMaxBytes
    }
  }
`);

let messageMax: number = LIMITS.message;
let uploadMax: number | undefined;
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The longest message this deployment takes, in characters. */
export function useMessageMaxLength(): number {
  return useSyncExternalStore(subscribe, () => messageMax);
}

/** The largest file this deployment takes, in bytes; undefined until the server has said. */
export function uploadMaxBytes(): number | undefined {
  return uploadMax;
}

/** Asks the server for its limits (once per page load: cache-first) and makes them current. */
export function useLoadServiceLimits(): void {
  const { data } = useQuery(ServiceLimitsQuery, { fetchPolicy: 'cache-first' });
  const max = data?.limits.messageMaxLength;
  const bytes = data?.limits.uploadMaxBytes;
  useEffect(() => {
    if (bytes !== undefined) uploadMax = bytes;
    if (max === undefined || max === messageMax) return;
    messageMax = max;
    for (const listener of listeners) listener();
  }, [max, bytes]);
}
