import { ApolloClient, HttpLink } from '@apollo/client';
import { ApolloLink } from '@apollo/client/link';
import { isSubscriptionOperation } from '@apollo/client/utilities';
import { createOutbox, type Outbox } from '../features/conversation/outbox.ts';
import { createAuthLink } from './auth-link.ts';
import { type AuthStore, createAuthStore } from './auth-store.ts';
import { createCache } from './cache.ts';
import { createLiveSocket, type LiveSocket } from './live-socket.ts';

export interface Services {
  auth: AuthStore;
  socket: LiveSocket;
  client: ApolloClient;
  /** The viewer's messages on their way (pending or failed), per room; outlives the conversation view. */
  outbox: Outbox;
}

const GRAPHQL_PATH = '/graphql';

function webSocketUrl(): string {
  const { protocol, host } = window.location;
  return `${protocol === 'https:' ? 'wss' : 'ws'}://${host}${GRAPHQL_PATH}`;
}

/**
 * Builds the app's long-lived services: the auth store, the live socket and
 * the Apollo client (subscriptions over the socket, everything else over HTTP
 * with the auth link), and the outbox of messages being sent. The socket
 * follows the session, and the cache and the outbox are cleared whenever the
 * signed-in user changes, so one user's data never shows to the next.
 */
export function createServices(): Services {
  const auth = createAuthStore({ endpoint: GRAPHQL_PATH });
  const socket = createLiveSocket({ url: webSocketUrl, auth });
  const client = new ApolloClient({
    link: ApolloLink.split(
      ({ query }) => isSubscriptionOperation(query),
      socket.link,
      createAuthLink(auth).concat(new HttpLink({ uri: GRAPHQL_PATH })),
    ),
    cache: createCache(),
  });
  const outbox = createOutbox(client);

  let userId: string | undefined;
  const follow = () => {
    const state = auth.getState();
    if (state.status === 'signedIn') {
      if (userId !== undefined && userId !== state.userId) {
        outbox.clear();
        void client.clearStore();
      }
      userId = state.userId;
      socket.start();
    } else if (state.status === 'signedOut') {
      userId = undefined;
      socket.stop();
      outbox.clear();
      void client.clearStore();
    }
  };
  auth.subscribe(follow);
  follow();
  // Back online: messages that could not reach the server go now, without a Retry: when the live
  // socket reconnects, or when the browser says the network is back (the socket may have lived on).
  let wasConnected = false;
  socket.subscribe(() => {
    const connected = socket.getStatus() === 'connected';
    if (connected && !wasConnected) outbox.resend();
    wasConnected = connected;
  });
  if (typeof window !== 'undefined') window.addEventListener('online', () => outbox.resend());
  void auth.restore();
  return { auth, socket, client, outbox };
}
