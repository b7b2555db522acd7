import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  type AdminInvoiceQuery,
  adminApi,
  authApi,
  type CreatePartnerRequest,
  type Currency,
  type DirectQuoteRequest,
  type StaffSession,
} from '../../../../contract/index.ts';
import { call, isApiError, setCsrfToken } from '../../api/client.ts';

const keys = {
  session: ['back-office', 'session'] as const,
  invoices: (filters: object) => ['back-office', 'invoices', filters] as const,
  partners: ['back-office', 'partners'] as const,
};

/** The vendor staff session, or null when no staff member is logged in here. */
export function useStaffSession() {
  return useQuery({
    queryKey: keys.session,
    queryFn: async ({ signal }): Promise<StaffSession | null> => {
      try {
        const session = await call(adminApi.me, { signal });
        setCsrfToken(session.csrfToken);
        return session;
      } catch (error) {
        if (isApiError(error) && (error.status === 401 || error.status === 403)) return null;
        throw error;
      }
    },
  });
}

export function useStaffLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { email: string; password: string }) => call(adminApi.login, { body }),
    onSuccess: (session) => {
      setCsrfToken(session.csrfToken);
      queryClient.setQueryData(keys.session, session);
    },
  });
}

export function useStaffLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => call(authApi.logout),
    onSettled: () => {
      setCsrfToken(null);
      queryClient.removeQueries({ queryKey: ['back-office'] });
      queryClient.setQueryData(keys.session, null);
    },
  });
}

export function useAllInvoices(filters: z.input<typeof AdminInvoiceQuery>) {
  return useQuery({
    queryKey: keys.invoices(filters),
    queryFn: ({ signal }) => call(adminApi.invoices, { query: filters, signal }),
    placeholderData: keepPreviousData,
  });
}

/** Recording a payment and issuing a credit note change one invoice: the lists are read again. */
export function useSettleInvoice() {
  const queryClient = useQueryClient();
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['back-office', 'invoices'] });
  return {
    recordPayment: useMutation({
      mutationFn: ({ invoiceNumber, paidOn }: { invoiceNumber: string; paidOn: string }) =>
        call(adminApi.recordPayment, { params: { invoiceNumber }, body: { paidOn } }),
      onSuccess: refresh,
    }),
    creditNote: useMutation({
      mutationFn: ({ invoiceNumber, reason }: { invoiceNumber: string; reason: string }) =>
        call(adminApi.creditNote, { params: { invoiceNumber }, body: { reason } }),
      onSuccess: refresh,
    }),
  };
}

export function useAllPartners() {
  return useQuery({ queryKey: keys.partners, queryFn: ({ signal }) => call(adminApi.partners, { signal }) });
}

export function useChangePartnerTerms() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string; discountPercent?: number; creditTerms?: boolean }) =>
      call(adminApi.partnerTerms, { params: { id }, body }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: keys.partners }),
  });
}

export function useAdminProducts() {
  return useQuery({
    queryKey: ['back-office', 'products'],
    queryFn: ({ signal }) => call(adminApi.products, { signal }),
  });
}

export function useSetPrice() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      code,
      currency,
      yearlyListMinor,
    }: {
      code: string;
      currency: Currency;
      yearlyListMinor: number;
    }) => call(adminApi.setPrice, { params: { code, currency }, body: { yearlyListMinor } }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['back-office', 'products'] }),
  });
}

export function useWithdrawProduct() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (code: string) => call(adminApi.withdrawProduct, { params: { code } }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['back-office', 'products'] }),
  });
}

export function usePartnerUsersForStaff(id: string | null) {
  return useQuery({
    queryKey: ['back-office', 'partner-users', id],
    queryFn: ({ signal }) => call(adminApi.partnerUsers, { params: { id: id ?? '' }, signal }),
    enabled: id !== null,
  });
}

export function useCreateDirectQuote() {
  return useMutation({
    mutationFn: (body: z.input<typeof DirectQuoteRequest>) => call(adminApi.directQuote, { body }),
  });
}

export function useCreatePartner() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      body,
      idempotencyKey,
    }: {
      body: z.input<typeof CreatePartnerRequest>;
      idempotencyKey: string;
    }) => call(adminApi.createPartner, { body, idempotencyKey }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: keys.partners }),
  });
}
