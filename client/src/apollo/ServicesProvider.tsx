import { ApolloProvider } from '@apollo/client/react';
import { createContext, type ReactNode, useContext, useEffect, useRef, useSyncExternalStore } from 'react';
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

/**
 * Calls `catchUp` whenever the live connection comes up while the caller is
 * mounted, the first connection included: a stream without a resume point
 * misses what happened before it was live (while offline, or between the
 * caller's first fetch and the socket connecting), so the caller fetches
 * what it shows again.
 */
export function useCatchUpWhenLive(catchUp: () => void): void {
  const status = useConnectionStatus();
  const down = useRef(status !== 'connected');
  const latest = useRef(catchUp);
  latest.current = catchUp;
  useEffect(() => {
    if (status !== 'connected') down.current = true;
    else if (down.current) {
      down.current = false;
      latest.current();
    }
  }, [status]);
}
