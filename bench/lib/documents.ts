/**
 * The documents the benchmarks send as the web client does. `client` is the
 * web client's own (imported from client/src/gql, so it follows the client):
 * what a user's browser asks for on every message. `lite` is the smaller
 * selection sessions 1-11 measured (payload fields only).
 */
import { addTypenameToDocument } from '@apollo/client/utilities';
import { type DocumentNode, print } from 'graphql';
import { ConversationEventsDocument, SendMessageDocument } from '../../client/src/gql/graphql.ts';

/**
 * A client document as the browser sends it: Apollo Client's cache adds
 * `__typename` to every selection set of every operation it sends (its
 * `addTypename` transform, always on in Apollo Client 4), so the server
 * resolves and serialises those fields too. Before session 17 the benchmarks
 * sent the generated documents without them.
 */
export const asClientSends = (document: DocumentNode): string => print(addTypenameToDocument(document));

const LITE = `subscription BenchRoomEvents($roomId: ID!) {
  roomEvents(roomId: $roomId) {
    __typename
    ... on MessageCreated {
      seq
      message { id seq clientId kind body createdAt editedAt deletedAt sender { id displayName } }
    }
  }
}`;

/** The `sendMessage` selection measured before session 21: the new message's id and seq only. */
const SEND_LITE = `mutation BenchSend($input: SendMessageInput!) { sendMessage(input: $input) { id seq } }`;

/**
 * The `sendMessage` document for `--send` (`client` or `lite`). The web
 * client's own (`SendMessage`) answers with the whole message as the
 * conversation shows it (sender, mentions, reply, receipts, reactions,
 * attachments), so the server executes and serialises all of it for every
 * send; until session 21 the benchmarks asked for `{ id seq }` only.
 */
export function sendMessageDocument(which: string): string {
  if (which === 'client') return asClientSends(SendMessageDocument);
  if (which === 'lite') return SEND_LITE;
  throw new Error(`--send: expected client or lite, got ${which}`);
}

/** The `roomEvents` document for `--subscription` (`client` or `lite`). */
export function roomEventsDocument(which: string): string {
  if (which === 'client') return asClientSends(ConversationEventsDocument);
  if (which === 'lite') return LITE;
  throw new Error(`--subscription: expected client or lite, got ${which}`);
}
