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
