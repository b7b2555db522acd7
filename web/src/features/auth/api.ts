import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { authApi, type LoginRequest, type SessionInfo } from '../../../../contract/index.ts';
import { call, isApiError, setCsrfToken } from '../../api/client.ts';

export const sessionKeys = {
  all: ['session'] as const,
  me: () => [...sessionKeys.all, 'me'] as const,
};

/** The logged-in session, or null when nobody is logged in (`me` answers 401). */
export function useSession() {
  return useQuery({
    queryKey: sessionKeys.me(),
    queryFn: async ({ signal }): Promise<SessionInfo | null> => {
      try {
        const session = await call(authApi.me, { signal });
        setCsrfToken(session.csrfToken);
        return session;
      } catch (error) {
        if (isApiError(error) && error.status === 401) {
          setCsrfToken(null);
          return null;
        }
        throw error;
      }
    },
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** Removes everything cached for the previous user except the session entry itself. */
export function clearUserData(
  queryClient: ReturnType<typeof useQueryClient>,
  session: SessionInfo | null,
): void {
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionKeys.all[0] });
  queryClient.setQueryData(sessionKeys.me(), session);
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof LoginRequest>) => call(authApi.login, { body }),
    onSuccess: (session) => {
      setCsrfToken(session.csrfToken);
      clearUserData(queryClient, session);
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => call(authApi.logout),
    onSettled: () => {
      // Logged out either way: a 401 means the session had already ended.
      setCsrfToken(null);
      clearUserData(queryClient, null);
    },
  });
}
