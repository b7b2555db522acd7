import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { type OrderListFilters, ordersApi, type PlaceOrderRequest } from '../../../../contract/index.ts';
import { call } from '../../api/client.ts';
import { listCsvUrl } from '../../api/csv-url.ts';
import { retryLostAnswer } from '../../api/queryClient.ts';
import { inUserDays } from '../../api/utc-offset.ts';
import { afterAccountChange } from '../customers/api.ts';
import { quoteKeys } from '../quotes/api.ts';

export const orderKeys = {
  all: ['orders'] as const,
  list: (filters: OrderListFilters) => ['orders', 'list', filters] as const,
  detail: (orderNumber: string) => ['orders', orderNumber] as const,
};

export function useOrders(filters: OrderListFilters) {
  return useQuery({
    queryKey: orderKeys.list(filters),
    queryFn: ({ signal }) => call(ordersApi.list, { query: inUserDays(filters), signal }),
    placeholderData: keepPreviousData,
  });
}

/** The CSV of the list with the filters on screen: every matching order, no pages. */
export function ordersCsvUrl(filters: OrderListFilters): string {
  return listCsvUrl(ordersApi.exportCsv, inUserDays(filters));
}

export function useOrder(orderNumber: string, enabled = true) {
  return useQuery({
    queryKey: orderKeys.detail(orderNumber),
    queryFn: ({ signal }) => call(ordersApi.get, { params: { orderNumber }, signal }),
    enabled,
  });
}

/**
 * Place order: `idempotencyKey` is the user's attempt (a double click or a retry after a lost
 * answer is the same order and the same charge).
 */
export function usePlaceOrder() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      body,
      idempotencyKey,
    }: {
      body: z.input<typeof PlaceOrderRequest>;
      idempotencyKey: string;
    }) => call(ordersApi.place, { body, idempotencyKey }),
    retry: retryLostAnswer,
    // The answer carries no license keys (it is kept for retries): the order page reads the order.
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: quoteKeys.all });
      void queryClient.invalidateQueries({ queryKey: orderKeys.all });
    },
  });
}

/** Send activation email: the order's licenses and keys to its licensee (then Resend licenses). */
export function useSendActivation(orderNumber: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => call(ordersApi.sendActivation, { params: { orderNumber } }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: orderKeys.detail(orderNumber) }),
  });
}

/**
 * Paying with PayPal: PayPal's order for the quote and the link where the buyer approves it; the
 * browser goes there, and PayPal brings the buyer back to the checkout.
 */
export function useStartPayPal() {
  return useMutation({
    mutationFn: ({ quoteNumber, idempotencyKey }: { quoteNumber: string; idempotencyKey: string }) =>
      call(ordersApi.startPayPal, { body: { quoteNumber }, idempotencyKey }),
    retry: retryLostAnswer,
  });
}

/** Resend licenses: the licensee and each assigned user get their licenses again. */
export function useResendLicenses(orderNumber: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => call(ordersApi.resendLicenses, { params: { orderNumber } }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: orderKeys.detail(orderNumber) }),
  });
}

/** Renew: the order's account opened, and a renewal cart for its licenses in their window. */
export function useRenewOrder(orderNumber: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => call(ordersApi.renew, { params: { orderNumber } }),
    onSuccess: () => afterAccountChange(queryClient),
  });
}
