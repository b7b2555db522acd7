import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  type CreateCustomerRequest,
  customersApi,
  type FindByEmailRequest,
  type OpenCustomerRequest,
} from '../../../../contract/index.ts';
import { call } from '../../api/client.ts';
import { sessionKeys } from '../auth/api.ts';
import { cartKeys } from '../cart/api.ts';

export const customerKeys = {
  all: ['customers'] as const,
  recent: () => [...customerKeys.all, 'recent'] as const,
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
