import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { type CustomerLookupByIdRequest, customersApi } from '../../../../contract/index.ts';
import { call } from '../../api/client.ts';
import { sessionKeys } from '../auth/api.ts';
import { cartKeys } from '../cart/api.ts';

/** Opening or closing an account changes the session's open account and which cart is current. */
async function afterAccountChange(queryClient: ReturnType<typeof useQueryClient>): Promise<void> {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: sessionKeys.me() }),
    queryClient.invalidateQueries({ queryKey: cartKeys.all, refetchType: 'none' }),
  ]);
}

export function useOpenCustomerById() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof CustomerLookupByIdRequest>) => call(customersApi.openById, { body }),
    onSuccess: () => afterAccountChange(queryClient),
  });
}

export function useCloseCustomer() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => call(customersApi.close),
    onSuccess: () => afterAccountChange(queryClient),
  });
}
