import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { type LicenseSearchRequest, type LicenseShow, licensesApi } from '../../../../contract/index.ts';
import { call } from '../../api/client.ts';

type SearchRequest = z.input<typeof LicenseSearchRequest>;

export const licenseKeys = {
  all: ['licenses'] as const,
  /** What Updates & Renewals shows for one account: a filter, and the search within it if any. */
  view: (customerId: string, show: LicenseShow, search: SearchRequest | null) =>
    [...licenseKeys.all, customerId, show, search] as const,
};

/**
 * The subscriptions Updates & Renewals shows (issue 18): the open account's, by the filter, or a
 * search within it. Kept by the query cache, so coming back to the tab shows them at once.
 */
export function useLicenseView(customerId: string, show: LicenseShow, search: SearchRequest | null) {
  return useQuery({
    queryKey: licenseKeys.view(customerId, show, search),
    queryFn: ({ signal }) =>
      search
        ? call(licensesApi.search, {
            params: { customerId },
            body: { ...search, show },
            context: { customerId },
            signal,
          })
        : call(licensesApi.list, {
            params: { customerId },
            query: { show },
            context: { customerId },
            signal,
          }),
    placeholderData: (previous) => previous,
  });
}

/** Search licenses of the open account (SPEC §5), run from the pop-up so it can tell its errors. */
export function useSearchLicenses(customerId: string) {
  return useMutation({
    mutationFn: (body: SearchRequest) =>
      call(licensesApi.search, { params: { customerId }, body, context: { customerId } }),
  });
}

/** After an assignment changed: what is shown is fetched again. */
export function useRefreshLicenses(customerId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: [...licenseKeys.all, customerId] });
}

/** Assign a license to an end user by email, or take it back (`email` null). */
export function useChangeAssignment(customerId: string) {
  return useMutation({
    mutationFn: ({ licenseId, email }: { licenseId: string; email: string | null }) =>
      email === null
        ? call(licensesApi.revoke, { params: { customerId, licenseId }, context: { customerId } })
        : call(licensesApi.assign, {
            params: { customerId, licenseId },
            body: { email },
            context: { customerId },
          }),
  });
}
