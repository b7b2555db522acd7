import { createContext, type ReactNode, use } from 'react';
import type { Permission, SessionInfo } from '../../../../contract/index.ts';

const SessionContext = createContext<SessionInfo | null>(null);

export function SessionProvider({ session, children }: { session: SessionInfo; children: ReactNode }) {
  return <SessionContext value={session}>{children}</SessionContext>;
}

/** The logged-in session; only used below the authenticated layout. */
export function useCurrentSession(): SessionInfo {
  const session = use(SessionContext);
  if (!session) throw new Error('useCurrentSession() used outside an authenticated page');
  return session;
}

export function useCan(permission: Permission): boolean {
  return useCurrentSession().permissions.includes(permission);
}
