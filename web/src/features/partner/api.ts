import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { type BillingAddressInput, partnerApi } from '../../../../contract/index.ts';
import { call } from '../../api/client.ts';

export const partnerKeys = { profile: ['partner', 'profile'] as const };

/** The user's organisation, with its billing address on file. */
export function useCompanyProfile() {
  return useQuery({
    queryKey: partnerKeys.profile,
    queryFn: ({ signal }) => call(partnerApi.profile, { signal }),
    staleTime: 5 * 60_000,
  });
}

export function useSetBillingAddress() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof BillingAddressInput>) => call(partnerApi.setBillingAddress, { body }),
    onSuccess: (profile) => queryClient.setQueryData(partnerKeys.profile, profile),
  });
}
