/**
 * The subscription documents the fanout generator can send. `client` is the
 * web client's own (imported from client/src/gql, so it follows the client):
 * what a user's browser asks for on every message. `lite` is the smaller
 * selection sessions 1-11 measured (payload fields only).
 */
import { print } from 'graphql';
import { ConversationEventsDocument } from '../../client/src/gql/graphql.ts';

const LITE = `subscription BenchRoomEvents($roomId: ID!) {
  roomEvents(roomId: $roomId) {
    __typename
    ... on MessageCreated {
      seq
      message { id seq clientId kind body createdAt editedAt deletedAt sender { id displayName } }
    }
  }
}`;

/** The `roomEvents` document for `--subscription` (`client` or `lite`). */
export function roomEventsDocument(which: string): string {
  if (which === 'client') return print(ConversationEventsDocument);
  if (which === 'lite') return LITE;
  throw new Error(`--subscription: expected client or lite, got ${which}`);
}
