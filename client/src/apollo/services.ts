import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';
import { ApolloLink } from '@apollo/client/link';
import { isSubscriptionOperation } from '@apollo/client/utilities';
import introspection from '../gql/possible-types.ts';
import { createAuthLink } from './auth-link.ts';
import { type AuthStore, createAuthStore } from './auth-store.ts';
import { createLiveSocket, type LiveSocket } from './live-socket.ts';

export interface Services {
  auth: AuthStore;
  socket: LiveSocket;
  client: ApolloClient;
}

const GRAPHQL_PATH = '/graphql';

function webSocketUrl(): string {
  const { protocol, host } = window.location;
  return `${protocol === 'https:' ? 'wss' : 'ws'}://${host}${GRAPHQL_PATH}`;
}

/**
 * Builds the app's long-lived services: the auth store, the live socket and
 * the Apollo client (subscriptions over the socket, everything else over HTTP
 * with the auth link). The socket follows the session, and the cache is
 * cleared whenever the signed-in user changes, so one user's data never shows
 * to the next.
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
    cache: new InMemoryCache({ possibleTypes: introspection.possibleTypes }),
  });

  let userId: string | undefined;
  const follow = () => {
    const state = auth.getState();
    if (state.status === 'signedIn') {
      if (userId !== undefined && userId !== state.userId) void client.clearStore();
      userId = state.userId;
      socket.start();
    } else if (state.status === 'signedOut') {
      userId = undefined;
      socket.stop();
      void client.clearStore();
    }
  };
  auth.subscribe(follow);
  follow();
  void auth.restore();
  return { auth, socket, client };
}
