import type { ApolloCache } from '@apollo/client';
import { useApolloClient } from '@apollo/client/react';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { ContactStatus } from '../../gql/graphql.ts';
import { type FragmentType, getFragmentData } from '../../gql/index.ts';
import { formErrors } from '../../ui/forms.ts';
import { addFriendRequest, updateContactLists } from './contacts.cache.ts';
import {
  BlockUserMutation,
  CancelFriendRequestMutation,
  ContactListPersonFragment,
  OpenDirectRoomMutation,
  RemoveContactMutation,
  RespondToFriendRequestMutation,
  SendFriendRequestMutation,
  UnblockUserMutation,
} from './contacts.operations.ts';

/**
 * Refetched after each change (when on screen): the contacts page's list of
 * blocked people (short and unpaged). Not the paged lists (PAGED_LIST_QUERIES):
 * refetching one would bring back only its first page, so changes are
 * applied to them in place (updateContactLists, addFriendRequest). Search
 * results are not refetched either: they show users, whose `contactStatus`
 * the cache updates from each mutation's answer (or setContactStatus).
 */
export const CONTACT_QUERIES = ['ContactsPage'];

/**
 * The paged lists, updated in place and fetched again from their first page
 * only when the live stream comes up (see useContactEvents): the contacts
 * page's contacts and requests each way (ContactsPage.tsx), the sidebar's
 * Contacts tab (SidebarContacts.tsx).
 */
export const PAGED_LIST_QUERIES = ['ContactsPageContacts', 'ContactsPageRequests', 'SidebarContacts'];

/** For mutations that answer only `true`: the person's new status, written to the cached User and the lists. */
function setContactStatus(cache: ApolloCache, userId: string, status: ContactStatus) {
  const id = cache.identify({ __typename: 'User', id: userId });
  if (id) cache.modify({ id, fields: { contactStatus: () => status } });
  updateContactLists(cache, { id: userId, contactStatus: status });
}

/** For mutations that answer with the person: the contact lists take (or drop) them. */
function updateLists(cache: ApolloCache, user: FragmentType<typeof ContactListPersonFragment> | undefined) {
  if (user) updateContactLists(cache, getFragmentData(ContactListPersonFragment, user));
}

export interface Person {
  id: string;
  displayName: string;
}

export interface ActionStatus {
  message: string;
  error?: boolean;
}

/**
 * Every contact action, with one status line to announce the outcome and the
 * key of the action in flight (its button is disabled meanwhile).
 */
export function useContactActions() {
  const client = useApolloClient();
  const navigate = useNavigate();
  const [status, setStatus] = useState<ActionStatus>({ message: '' });
  const [busy, setBusy] = useState<string | null>(null);

  async function run(key: string, action: () => Promise<unknown>, done: string): Promise<boolean> {
    setBusy(key);
    setStatus({ message: '' });
    try {
      await action();
      setStatus({ message: done });
      return true;
    } catch (err) {
      setStatus({ message: formErrors(err, []).form ?? 'Something went wrong', error: true });
      return false;
    } finally {
      setBusy(null);
    }
  }

  const refetch = { refetchQueries: CONTACT_QUERIES, awaitRefetchQueries: true } as const;

  return {
    status,
    busy,
    sendRequest: (p: Person) =>
      run(
        `send:${p.id}`,
        () =>
          client.mutate({
            mutation: SendFriendRequestMutation,
            variables: { userId: p.id },
            update: (cache, { data }) => {
              const request = data?.sendFriendRequest.request;
              if (request) addFriendRequest(cache, 'OUTGOING', request.id);
              // Or they had asked us: now contacts.
              updateLists(cache, data?.sendFriendRequest.user);
            },
            ...refetch,
          }),
        `Friend request sent to ${p.displayName}`,
      ),
    respond: (requestId: string, p: Person, accept: boolean) =>
      run(
        `respond:${requestId}`,
        () =>
          client.mutate({
            mutation: RespondToFriendRequestMutation,
            variables: { requestId, accept },
            update: (cache, { data }) => updateLists(cache, data?.respondToFriendRequest.user),
            ...refetch,
          }),
        accept ? `${p.displayName} is now a contact` : `Declined the request from ${p.displayName}`,
      ),
    cancel: (requestId: string, p: Person) =>
      run(
        `cancel:${requestId}`,
        () =>
          client.mutate({
            mutation: CancelFriendRequestMutation,
            variables: { requestId },
            update: (cache) => setContactStatus(cache, p.id, 'NONE'),
            ...refetch,
          }),
        `Cancelled the request to ${p.displayName}`,
      ),
    remove: (p: Person) =>
      run(
        `remove:${p.id}`,
        () =>
          client.mutate({
            mutation: RemoveContactMutation,
            variables: { userId: p.id },
            update: (cache) => setContactStatus(cache, p.id, 'NONE'),
            ...refetch,
          }),
        `Removed ${p.displayName} from your contacts`,
      ),
    block: (p: Person) =>
      run(
        `block:${p.id}`,
        () =>
          client.mutate({
            mutation: BlockUserMutation,
            variables: { userId: p.id },
            update: (cache, { data }) => {
              if (data) updateContactLists(cache, data.blockUser);
            },
            ...refetch,
          }),
        `Blocked ${p.displayName}`,
      ),
    unblock: (p: Person) =>
      run(
        `unblock:${p.id}`,
        () => client.mutate({ mutation: UnblockUserMutation, variables: { userId: p.id }, ...refetch }),
        `Unblocked ${p.displayName}`,
      ),
    /** Opens (or creates) the direct room with `p` and goes there. */
    message: (p: Person) =>
      run(
        `message:${p.id}`,
        async () => {
          const { data } = await client.mutate({
            mutation: OpenDirectRoomMutation,
            variables: { userId: p.id },
          });
          if (data) navigate(`/rooms/${data.openDirectRoom.id}`);
        },
        '',
      ),
  };
}

export type ContactActions = ReturnType<typeof useContactActions>;
