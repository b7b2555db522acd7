import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  type AddCartLineRequest,
  type AddLicenseLinesRequest,
  type Cart,
  cartApi,
  customersApi,
  type SetCartDetailsRequest,
  type UpdateCartLineRequest,
} from '../../../../contract/index.ts';
import { call } from '../../api/client.ts';
import { retryLostAnswer } from '../../api/queryClient.ts';

export const cartKeys = {
  all: ['cart'] as const,
  /** The cart of one customer account (the server keeps one per open account). */
  detail: (customerId: string) => [...cartKeys.all, customerId] as const,
};

/**
 * The cart of the account the page shows. Every cart request names that account: if another tab has
 * opened a different one since, the server answers `customer.not_open` instead of touching its cart.
 */
export function useCart(customerId: string | null) {
  return useQuery({
    queryKey: cartKeys.detail(customerId ?? ''),
    queryFn: ({ signal }) => call(cartApi.get, { params: { customerId: customerId ?? '' }, signal }),
    enabled: customerId !== null,
  });
}

/** Cart mutations answer with the whole new cart: store it instead of fetching it again. */
function useStoreCart() {
  const queryClient = useQueryClient();
  return (cart: Cart) => queryClient.setQueryData(cartKeys.detail(cart.customer.customerId), cart);
}

/**
 * Adds subscriptions; the same product and term again adds to the quantity of that line.
 * `idempotencyKey` is the user's attempt (useAttemptKey): a retry of it never adds twice.
 */
export function useAddCartLine(customerId: string) {
  const storeCart = useStoreCart();
  return useMutation({
    mutationFn: ({
      body,
      idempotencyKey,
    }: {
      body: z.input<typeof AddCartLineRequest>;
      idempotencyKey: string;
    }) => call(cartApi.addLine, { params: { customerId }, body, idempotencyKey }),
    retry: retryLostAnswer,
    onSuccess: storeCart,
  });
}

export function useRemoveCartLine(customerId: string) {
  const queryClient = useQueryClient();
  const storeCart = useStoreCart();
  return useMutation({
    mutationFn: (lineId: string) => call(cartApi.removeLine, { params: { customerId, lineId } }),
    onSuccess: storeCart,
    // The line may already be gone (another tab): show the cart as the server has it.
    onError: () => queryClient.invalidateQueries({ queryKey: cartKeys.detail(customerId) }),
  });
}

/** Quantity and period of a line: a term (Set Default) or a chosen end date (Set Custom). */
export function useChangeCartLine(customerId: string) {
  const queryClient = useQueryClient();
  const storeCart = useStoreCart();
  return useMutation({
    mutationFn: ({ lineId, body }: { lineId: string; body: z.input<typeof UpdateCartLineRequest> }) =>
      call(cartApi.updateLine, { params: { customerId, lineId }, body }),
    onSuccess: storeCart,
    onError: () => queryClient.invalidateQueries({ queryKey: cartKeys.detail(customerId) }),
  });
}

/** The Details tab's team and pack. */
export function useSetCartDetails(customerId: string) {
  const storeCart = useStoreCart();
  return useMutation({
    mutationFn: (body: z.input<typeof SetCartDetailsRequest>) =>
      call(cartApi.setDetails, { params: { customerId }, body }),
    onSuccess: storeCart,
  });
}

/** The account's teams and packs (with their end dates, for co-terming). */
export function usePacksAndTeams(customerId: string) {
  return useQuery({
    queryKey: ['customers', customerId, 'packs-and-teams'],
    queryFn: ({ signal }) => call(customersApi.packsAndTeams, { params: { customerId }, signal }),
    staleTime: 60_000,
  });
}

/** Renews licenses found by Search licenses: renewal lines in the cart of the open account. */
export function useAddRenewals(customerId: string) {
  const storeCart = useStoreCart();
  return useMutation({
    mutationFn: ({
      body,
      idempotencyKey,
    }: {
      body: z.input<typeof AddLicenseLinesRequest>;
      idempotencyKey: string;
    }) => call(cartApi.addRenewals, { params: { customerId }, body, idempotencyKey }),
    retry: retryLostAnswer,
    onSuccess: storeCart,
  });
}
