import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { authApi } from '../../../../contract/index.ts';
import { call, isApiError } from '../../api/client.ts';
import { sessionKeys } from './api.ts';

const userSessionKeys = {
  list: () => [...sessionKeys.all, 'list'] as const,
};

/** Where the user is signed in (their Sessions page). */
export function useUserSessions() {
  return useQuery({
    queryKey: userSessionKeys.list(),
    queryFn: ({ signal }) => call(authApi.sessions, { signal }),
  });
}

/**
 * Signs sessions of the user's out, one request each (a sign-out of several is the same as
 * several): a session already gone meanwhile counts as signed out.
 */
export function useEndSessions() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (ids: readonly string[]) => {
      for (const id of ids) {
        try {
          await call(authApi.endSession, { params: { id } });
        } catch (error) {
          if (!(isApiError(error) && error.status === 404)) throw error;
        }
      }
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: userSessionKeys.list() }),
  });
}
