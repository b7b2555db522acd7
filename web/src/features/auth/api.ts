import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { authApi, type Locale, type LoginRequest, type SessionInfo } from '../../../../contract/index.ts';
import { call, isApiError, setCsrfToken } from '../../api/client.ts';
import { changeLanguage } from '../../i18n/index.ts';

export const sessionKeys = {
  all: ['session'] as const,
  me: () => [...sessionKeys.all, 'me'] as const,
};

/**
 * The server keeps each user's language (their choice, else their partner's country's): it applies
 * once per user in this page, at login or first load, so a later refetch never undoes a change
 * of language still on its way to the server.
 */
let languageAppliedFor: string | null = null;
function applyUserLanguage(session: SessionInfo): void {
  if (languageAppliedFor === session.user.id) return;
  languageAppliedFor = session.user.id;
  void changeLanguage(session.user.locale);
}

/** The logged-in session, or null when nobody is logged in (`me` answers 401). */
export const sessionQuery = queryOptions({
  queryKey: sessionKeys.me(),
  queryFn: async ({ signal }): Promise<SessionInfo | null> => {
    try {
      const session = await call(authApi.me, { signal });
      setCsrfToken(session.csrfToken);
      applyUserLanguage(session);
      return session;
    } catch (error) {
      // 403: the browser holds another kind of session (an account admin's), not a partner user's.
      if (isApiError(error) && (error.status === 401 || error.status === 403)) {
        setCsrfToken(null);
        return null;
      }
      throw error;
    }
  },
  staleTime: Number.POSITIVE_INFINITY,
});

export function useSession() {
  return useQuery(sessionQuery);
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
      applyUserLanguage(session);
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
      languageAppliedFor = null;
      clearUserData(queryClient, null);
    },
  });
}

/**
 * Changes the interface language at once and, for a logged-in user, remembers it on the server
 * for every browser they use.
 */
export function useChooseLanguage() {
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (locale: Locale) => call(authApi.setLocale, { body: { locale } }),
  });
  return (locale: Locale) => {
    void changeLanguage(locale);
    const session = queryClient.getQueryData<SessionInfo | null>(sessionKeys.me());
    if (!session) return;
    queryClient.setQueryData(sessionKeys.me(), { ...session, user: { ...session.user, locale } });
    save.mutate(locale);
  };
}
