import { ApolloProvider } from '@apollo/client/react';
import { createContext, type ReactNode, useContext, useSyncExternalStore } from 'react';
import type { AuthState, AuthStore } from './auth-store.ts';
import type { ConnectionStatus } from './live-socket.ts';
import type { Services } from './services.ts';

const ServicesContext = createContext<Services | null>(null);

export function ServicesProvider({ services, children }: { services: Services; children: ReactNode }) {
  return (
    <ServicesContext.Provider value={services}>
      <ApolloProvider client={services.client}>{children}</ApolloProvider>
    </ServicesContext.Provider>
  );
}

function useServices(): Services {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices must be used inside <ServicesProvider>');
  return services;
}

export function useAuth(): AuthStore {
  return useServices().auth;
}

export function useAuthState(): AuthState {
  const { auth } = useServices();
  return useSyncExternalStore(auth.subscribe, auth.getState);
}

/** The outbox of the viewer's messages on their way (see features/conversation/outbox.ts). */
export function useOutbox(): Services['outbox'] {
  return useServices().outbox;
}

export function useConnectionStatus(): ConnectionStatus {
  const { socket } = useServices();
  return useSyncExternalStore(socket.subscribe, socket.getStatus);
}
