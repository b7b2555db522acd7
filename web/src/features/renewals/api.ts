import { useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import { type LicenseSearchRequest, licensesApi } from '../../../../contract/index.ts';
import { call } from '../../api/client.ts';

/** Search licenses of the open account (SPEC §5); the answer is shown until the next search. */
export function useSearchLicenses(customerId: string) {
  return useMutation({
    mutationFn: (body: z.input<typeof LicenseSearchRequest>) =>
      call(licensesApi.search, { params: { customerId }, body, context: { customerId } }),
  });
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
