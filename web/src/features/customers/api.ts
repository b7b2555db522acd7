import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  type CreateCustomerRequest,
  customersApi,
  type FindByEmailRequest,
  type LicensingReportFilters,
  managedAccountsApi,
  type OpenCustomerRequest,
} from '../../../../contract/index.ts';
import { call } from '../../api/client.ts';
import { listCsvUrl } from '../../api/csv-url.ts';
import { sessionKeys } from '../auth/api.ts';
import { cartKeys } from '../cart/api.ts';

export const customerKeys = {
  all: ['customers'] as const,
  recent: () => [...customerKeys.all, 'recent'] as const,
  managed: () => [...customerKeys.all, 'managed'] as const,
  report: (customerId: string, filters: LicensingReportFilters) =>
    [...customerKeys.all, 'report', customerId, filters] as const,
};

/** Opening or closing an account changes the session's open account and which cart is current. */
export async function afterAccountChange(queryClient: ReturnType<typeof useQueryClient>): Promise<void> {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: sessionKeys.me() }),
    queryClient.invalidateQueries({ queryKey: cartKeys.all, refetchType: 'none' }),
    queryClient.invalidateQueries({ queryKey: customerKeys.recent() }),
  ]);
}

/** Opens an account by an identifier, with the email step where the account needs it. */
export function useOpenCustomer() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof OpenCustomerRequest>) => call(customersApi.open, { body }),
    onSuccess: () => afterAccountChange(queryClient),
  });
}

export function useFindCustomersByEmail() {
  return useMutation({
    mutationFn: (body: z.input<typeof FindByEmailRequest>) => call(customersApi.findByEmail, { body }),
  });
}

export function useCreateCustomer() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (options: { body: z.input<typeof CreateCustomerRequest>; idempotencyKey: string }) =>
      call(customersApi.create, options),
    onSuccess: () => afterAccountChange(queryClient),
  });
}

export function useRecentCustomers() {
  return useQuery({
    queryKey: customerKeys.recent(),
    queryFn: ({ signal }) => call(customersApi.recent, { signal }),
  });
}

export function useCloseCustomer() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => call(customersApi.close),
    onSuccess: () => afterAccountChange(queryClient),
  });
}

/** The Customers tab: the accounts this partner manages (Purchaser). */
export function useManagedAccounts() {
  return useQuery({
    queryKey: customerKeys.managed(),
    queryFn: ({ signal }) => call(managedAccountsApi.list, { signal }),
  });
}

export function useLicensingReport(customerId: string, filters: LicensingReportFilters) {
  return useQuery({
    queryKey: customerKeys.report(customerId, filters),
    queryFn: ({ signal }) =>
      call(managedAccountsApi.report, { params: { customerId }, query: filters, signal }),
    placeholderData: keepPreviousData,
  });
}

/** The CSV of the report with the filters on screen (every matching license). */
export function licensingReportCsvUrl(customerId: string, filters: LicensingReportFilters): string {
  return listCsvUrl(managedAccountsApi.reportCsv, filters, { customerId });
}
