import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type AccountAdminView, accountAdminApi, authApi, mailboxApi } from '../../../../contract/index.ts';
import { call, isApiError, setCsrfToken } from '../../api/client.ts';

const keys = {
  view: ['account-admin', 'account'] as const,
  partners: (q: string) => ['account-admin', 'partners', q] as const,
  demoMailbox: (customerId: string, email: string) =>
    ['account-admin', 'demo-mailbox', customerId, email] as const,
};

/** The signed-in account admin's account; null when no account admin is signed in here. */
export function useAdminAccount() {
  return useQuery({
    queryKey: keys.view,
    queryFn: async ({ signal }): Promise<AccountAdminView | null> => {
      try {
        const view = await call(accountAdminApi.me, { signal });
        setCsrfToken(view.csrfToken);
        return view;
      } catch (error) {
        if (isApiError(error) && (error.status === 401 || error.status === 403)) return null;
        throw error;
      }
    },
  });
}

export function useRequestAdminLink() {
  return useMutation({
    mutationFn: (body: { customerId: string; email: string }) => call(accountAdminApi.requestLink, { body }),
  });
}

/**
 * Demo mode: the sign-in emails just sent to this admin contact, refreshed while shown — the email
 * leaves after the request has answered.
 */
export function useDemoSignInMailbox(customerId: string, email: string) {
  return useQuery({
    queryKey: keys.demoMailbox(customerId, email),
    queryFn: ({ signal }) => call(mailboxApi.accountAdminLinks, { query: { customerId, email }, signal }),
    refetchInterval: 3_000,
  });
}

export function useAdminSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (token: string) => call(accountAdminApi.signIn, { body: { token } }),
    onSuccess: (view) => {
      setCsrfToken(view.csrfToken);
      queryClient.setQueryData(keys.view, view);
    },
  });
}

export function usePartnerSearch(q: string) {
  return useQuery({
    queryKey: keys.partners(q),
    queryFn: ({ signal }) => call(accountAdminApi.partners, { query: { q }, signal }),
    enabled: q.length >= 3,
  });
}

/** Granting and withdrawing answer the whole view, which replaces the cached one. */
export function useChangePurchasers() {
  const queryClient = useQueryClient();
  const store = (view: AccountAdminView) => queryClient.setQueryData(keys.view, view);
  return {
    grant: useMutation({
      mutationFn: (partnerId: string) => call(accountAdminApi.grant, { body: { partnerId } }),
      onSuccess: store,
    }),
    withdraw: useMutation({
      mutationFn: (partnerId: string) => call(accountAdminApi.withdraw, { params: { partnerId } }),
      onSuccess: store,
    }),
  };
}

export function useAdminSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => call(authApi.logout),
    onSettled: () => {
      setCsrfToken(null);
      queryClient.setQueryData(keys.view, null);
    },
  });
}
