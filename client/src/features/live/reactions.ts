/**
 * Reactions: toggling one with an optimistic answer, and applying the
 * ReactionChanged events of the open room. Both write the message's
 * `reactions` into the Apollo cache (Message:<id>), which the reaction bar
 * watches, so the list in the conversation's own state stays untouched.
 */
import type { ApolloClient } from '@apollo/client';
import type { ReactionBar_MessageFragment } from '../../gql/graphql.ts';
import { makeFragmentData } from '../../gql/index.ts';
import { AddReactionMutation, ReactionBarFragment, RemoveReactionMutation } from './documents.ts';

/** The picker's choice: common reactions, one emoji grapheme each. */
export const QUICK_REACTIONS = ['👍', '❤️', '😂', '😮', '😢', '🙏', '🎉', '👀'] as const;

export type ReactionGroup = ReactionBar_MessageFragment['reactions'][number];

/** The reactions after the viewer adds (`add`) or takes back their `emoji`, as the server will answer. */
export function toggled(groups: readonly ReactionGroup[], emoji: string, add: boolean): ReactionGroup[] {
  const existing = groups.find((g) => g.emoji === emoji);
  if (add) {
    if (existing?.reactedByMe) return [...groups];
    if (!existing) {
      // __typename: not in the generated types, but the cache expects it (as in server answers).
      const group = { __typename: 'ReactionGroup', emoji, count: 1, reactedByMe: true };
      return [...groups, group];
    }
    return groups.map((g) => (g === existing ? { ...g, count: g.count + 1, reactedByMe: true } : g));
  }
  if (!existing?.reactedByMe) return [...groups];
  return groups
    .map((g) => (g === existing ? { ...g, count: g.count - 1, reactedByMe: false } : g))
    .filter((g) => g.count > 0);
}

/**
 * Reads a message's reactions from the cache as shown ([] when not there):
 * optimistic layers included, so a second quick click toggles back.
 */
export function cachedReactions(client: ApolloClient, messageId: string): readonly ReactionGroup[] {
  const data = client.cache.readFragment({
    fragment: ReactionBarFragment,
    id: client.cache.identify({ __typename: 'Message', id: messageId }),
    optimistic: true,
  });
  return data?.reactions ?? [];
}

/** Replaces a message's reactions in the cache (ReactionChanged carries the full list). */
export function writeReactions(client: ApolloClient, messageId: string, reactions: readonly ReactionGroup[]) {
  const data = { __typename: 'Message', id: messageId, reactions: [...reactions] };
  client.cache.writeFragment({
    fragment: ReactionBarFragment,
    id: client.cache.identify({ __typename: 'Message', id: messageId }),
    data,
  });
}

/**
 * Adds the viewer's `emoji` to a message, or takes it back when they already
 * reacted with it. The bar shows the result at once (an optimistic layer
 * that Apollo drops when the server answers, or rolls back on failure).
 */
export async function toggleReaction(client: ApolloClient, messageId: string, emoji: string): Promise<void> {
  const groups = cachedReactions(client, messageId);
  const add = !groups.some((g) => g.emoji === emoji && g.reactedByMe);
  const result = { __typename: 'Message', id: messageId, reactions: toggled(groups, emoji, add) };
  const optimistic = makeFragmentData(result, ReactionBarFragment);
  const variables = { messageId, emoji };
  if (add)
    await client.mutate({
      mutation: AddReactionMutation,
      variables,
      optimisticResponse: { addReaction: optimistic },
    });
  else
    await client.mutate({
      mutation: RemoveReactionMutation,
      variables,
      optimisticResponse: { removeReaction: optimistic },
    });
}
